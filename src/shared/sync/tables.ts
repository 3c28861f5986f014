/**
 * What the team sync shares, table by table and column by column (issue #19, item 4): ONE spec for
 * both sides. The laptop's capture triggers (src/main/sync/triggers.ts) and applier
 * (src/main/sync/apply.ts) are made from it, so a column is shared by naming it here; the team
 * server (src/server/sync/push.ts) reads each table's audience from it: which customer a row
 * belongs to, so who may see and write it (row-level security on the server,
 * src/server/db/migrations/0002_sync.ts). Table and column names are the laptop's SQLite ones.
 *
 * Audience:
 *   customer   the row is a customer; its `owner` field (a person's name) says whose it is.
 *   child      the row belongs to the customer its `fk` field points at (parent 'customers'), or to
 *              the customer of the row its `fk` points at (order_lines → orders → customer).
 *   team       team-wide (survey templates and campaigns, pool rules, sales targets): everyone reads them, managers and
 *              admins write them.
 * A table not listed stays on each laptop; an op naming one is rejected (UNKNOWN_TABLE).
 *
 * Shared (a `gid`, a UUIDv7, since 0013): the user's data.
 *   customers, contacts, inquiries, orders, order_lines, follow_ups, activities, needs, complaints,
 *   complaint_photos, customer_files, leads, survey_templates, survey_campaigns, survey_recipients,
 *   survey_responses, survey_answers, pool_rules (the firm's pool rules, one row), sales_targets (the
 *   managers' monthly targets per person), products (the catalogue, team), opportunities, quotations
 *   and quotation_lines (#21).
 * Shared without a gid of their own:
 *   customer_tags  each tag is a field of its customer, `tag:<tag>` = true | false. Two laptops that
 *                  add different tags to one customer both keep theirs (field-level last writer wins
 *                  per tag), and the same tag added twice is one field, not two rows that would
 *                  collide on (customer_id, tag).
 * Not shared:
 *   derived        search_docs/search_index (triggers rebuild them from the rows), classification_runs,
 *                  possible_duplicates (each laptop's own matching), and the columns a
 *                  classification run writes on customers (CLASS_COLUMNS in classify/stored-classes.ts
 *                  plus median_gap, gap_key, recent_inquiry_at, classified_at): every laptop
 *                  recomputes them from the shared rows; generated columns (contacts' email_domain,
 *                  phone_key, mobile_key; orders' is_sample, ordered_day) likewise.
 *   local history  import_batches, import_changes and every row's import_batch_id: an import's undo
 *                  is the importing laptop's (its removals are captured as ordinary deletes).
 *   bookkeeping    version (optimistic locking of a form; the applier bumps it) and updated_at (the
 *                  applier sets it to the edit's time).
 *   per laptop     saved_views (a user's grid layouts) and settings (language, remembered mappings).
 *   later          the settings that classify (rules in classification_rule_sets, rates, cadence)
 *                  are written by managers only: they need the server's roles and come with them.
 * Kept although computable: customers.company_key and website_domain, the matching keys the
 * services compute from company and website in the same write; sending them keeps the applier free
 * of the import's normalisation (and the server can match duplicates on them).
 *
 * Ops: a new row is ONE op (field '*', value: a JSON object of every shared column), not one per
 * column: an import of 100k customers writes 100k outbox rows instead of ~2M, and a row always
 * arrives whole (its NOT NULL columns together). An update is one op per changed column
 * (`old.c IS NOT new.c`), a delete is `_deleted` = true. Within one transaction a field has one op
 * (a second write replaces the first; an update of a row inserted in the same transaction patches
 * its '*' op; a row inserted and deleted in one transaction leaves nothing). Foreign keys travel as
 * the referenced row's gid; BLOBs as hex.
 */
export type FieldKind =
  | { kind: 'value' }
  | { kind: 'blob' }
  /** A foreign key: the value is the referenced row's gid. */
  | { kind: 'ref'; table: string }
  /** activities.ref_id: a row of the table named by another column of the row. */
  | { kind: 'polyRef'; tableColumn: string; tables: readonly string[] };

/** Who a table's rows belong to; see the file's comment. */
export type Audience = { kind: 'customer'; ownerField: string } | { kind: 'child'; fk: string; parent: string } | { kind: 'team' };

export interface SyncTable {
  table: string;
  audience: Audience;
  /** The local primary key: how a trigger finds its row. */
  key: readonly string[];
  /** The shared columns. */
  fields: Readonly<Record<string, FieldKind>>;
  /** Has `version` (bumped when a remote change applies). */
  versioned: boolean;
  /** Has `updated_at` (set to the edit's time when a remote change applies). */
  touched: boolean;
}

const V: FieldKind = { kind: 'value' };
const TEAM: Audience = { kind: 'team' };
const ofCustomer: Audience = { kind: 'child', fk: 'customer_id', parent: 'customers' };
const child = (fk: string, parent: string): Audience => ({ kind: 'child', fk, parent });
const ref = (table: string): FieldKind => ({ kind: 'ref', table });
const values = (...names: string[]) => Object.fromEntries(names.map((n) => [n, V]));

export const SYNC_TABLES: readonly SyncTable[] = [
  {
    table: 'customers',
    audience: { kind: 'customer', ownerField: 'owner' },
    key: ['id'],
    fields: values(
      'company',
      'company_key',
      'country',
      'country_text',
      'city',
      'website',
      'website_domain',
      'industry',
      'business_type',
      'scale',
      'source',
      'owner',
      'lifecycle_override',
      'priority',
      'notes',
      'created_at',
      'archived_at',
      'external_ref',
      'buyer_level',
      'potential_override',
    ),
    versioned: true,
    touched: true,
  },
  {
    table: 'contacts',
    audience: ofCustomer,
    key: ['id'],
    fields: {
      customer_id: ref('customers'),
      ...values('name', 'title', 'email', 'phone', 'mobile', 'whatsapp', 'wechat', 'skype', 'language', 'is_primary', 'created_at'),
    },
    versioned: false,
    touched: true,
  },
  {
    table: 'inquiries',
    audience: ofCustomer,
    key: ['id'],
    fields: {
      customer_id: ref('customers'),
      contact_id: ref('contacts'),
      ...values(
        'external_id',
        'received_at',
        'subject',
        'product',
        'product_ref',
        'quantity',
        'unit',
        'message',
        'status',
        'source',
        'owner',
        'replied_at',
        'created_at',
      ),
    },
    versioned: false,
    touched: false,
  },
  {
    table: 'orders',
    audience: ofCustomer,
    key: ['id'],
    fields: {
      customer_id: ref('customers'),
      ...values(
        'external_no',
        'ordered_at',
        'amount_minor',
        'currency',
        'currency_text',
        'product',
        'quantity',
        'status',
        'cancelled',
        'created_at',
      ),
    },
    versioned: false,
    touched: false,
  },
  {
    table: 'order_lines',
    audience: child('order_id', 'orders'),
    key: ['id'],
    fields: { order_id: ref('orders'), ...values('product', 'product_ref', 'quantity', 'unit_price_minor', 'amount_minor') },
    versioned: false,
    touched: false,
  },
  {
    table: 'follow_ups',
    audience: ofCustomer,
    key: ['id'],
    fields: {
      customer_id: ref('customers'),
      contact_id: ref('contacts'),
      inquiry_id: ref('inquiries'),
      order_id: ref('orders'),
      ...values('type', 'due_at', 'owner', 'note', 'status', 'outcome', 'done_at', 'created_at', 'source'),
    },
    versioned: true,
    touched: true,
  },
  {
    table: 'activities',
    audience: ofCustomer,
    key: ['id'],
    fields: {
      customer_id: ref('customers'),
      ref_id: {
        kind: 'polyRef',
        tableColumn: 'ref_table',
        tables: [
          'customers',
          'contacts',
          'inquiries',
          'orders',
          'follow_ups',
          'needs',
          'complaints',
          'survey_responses',
          'leads',
          'opportunities',
          'quotations',
        ],
      },
      ...values('kind', 'occurred_at', 'summary', 'ref_table', 'data', 'created_at'),
    },
    versioned: false,
    touched: false,
  },
  {
    table: 'needs',
    audience: ofCustomer,
    key: ['id'],
    fields: { customer_id: ref('customers'), ...values('category', 'description', 'priority', 'status', 'created_at') },
    versioned: true,
    touched: true,
  },
  {
    table: 'complaints',
    audience: ofCustomer,
    key: ['id'],
    fields: {
      customer_id: ref('customers'),
      order_id: ref('orders'),
      ...values(
        'category',
        'severity',
        'description',
        'status',
        'owner',
        'due_by',
        'resolution',
        'resolved_at',
        'created_at',
        'claim_minor',
        'claim_currency',
      ),
    },
    versioned: true,
    touched: true,
  },
  {
    table: 'complaint_photos',
    audience: child('complaint_id', 'complaints'),
    key: ['id'],
    fields: { complaint_id: ref('complaints'), bytes: { kind: 'blob' }, ...values('file_name', 'mime', 'size_bytes', 'created_at') },
    versioned: false,
    touched: false,
  },
  {
    table: 'customer_files',
    audience: ofCustomer,
    key: ['id'],
    fields: { customer_id: ref('customers'), bytes: { kind: 'blob' }, ...values('kind', 'file_name', 'mime', 'size', 'created_at') },
    versioned: false,
    touched: false,
  },
  {
    table: 'leads',
    audience: ofCustomer,
    key: ['id'],
    fields: {
      customer_id: ref('customers'),
      contact_id: ref('contacts'),
      inquiry_id: ref('inquiries'),
      follow_up_id: ref('follow_ups'),
      file_id: ref('customer_files'),
      ...values('fair', 'rating', 'product_interest', 'owner', 'new_customer', 'captured_at'),
    },
    versioned: false,
    touched: false,
  },
  {
    table: 'survey_templates',
    audience: TEAM,
    key: ['id'],
    fields: values('builtin', 'name_en', 'name_zh', 'questions', 'created_at'),
    versioned: true,
    touched: true,
  },
  {
    table: 'survey_campaigns',
    audience: TEAM,
    key: ['id'],
    fields: {
      template_id: ref('survey_templates'),
      ...values('name', 'template_name_en', 'template_name_zh', 'questions', 'source_label', 'source_filter', 'created_at'),
    },
    versioned: true,
    touched: true,
  },
  {
    table: 'survey_recipients',
    audience: ofCustomer,
    key: ['campaign_id', 'customer_id'],
    fields: {
      campaign_id: ref('survey_campaigns'),
      customer_id: ref('customers'),
      ...values('code', 'language', 'state', 'sent_at', 'answered_at', 'declined_at'),
    },
    versioned: false,
    touched: true,
  },
  {
    table: 'survey_responses',
    audience: ofCustomer,
    key: ['id'],
    fields: {
      campaign_id: ref('survey_campaigns'),
      customer_id: ref('customers'),
      complaint_id: ref('complaints'),
      follow_up_id: ref('follow_ups'),
      ...values('answered_at', 'channel', 'nps', 'csat', 'detractor', 'country', 'industry', 'tier', 'segment', 'owner', 'created_at'),
    },
    versioned: false,
    touched: false,
  },
  {
    table: 'survey_answers',
    audience: child('response_id', 'survey_responses'),
    key: ['response_id', 'question_id'],
    fields: { response_id: ref('survey_responses'), ...values('question_id', 'value_num', 'value_text') },
    versioned: false,
    touched: false,
  },
  {
    // The firm's pool rules (#20, src/shared/domain/pool.ts): one row, gid POOL_RULES_GID.
    table: 'pool_rules',
    audience: TEAM,
    key: ['id'],
    fields: values('return_followup_days', 'return_order_days', 'cap', 'won_outside_cap', 'cooling_days'),
    versioned: false,
    touched: true,
  },
  {
    // A salesperson's monthly targets (#20 item 5), set by managers: one row per person and month,
    // its gid the same on every laptop (salesTargetGid, migration 0020). A target removed is a row of
    // nulls, never a delete (the same gid must be writable again).
    table: 'sales_targets',
    audience: TEAM,
    key: ['owner', 'month'],
    fields: values('owner', 'month', 'revenue_minor', 'new_customers'),
    versioned: false,
    touched: true,
  },
  {
    // The firm's product catalogue (#21, migration 0022): everyone reads it, managers write it. Cost
    // (cost_minor, cost_currency) is not shared: it stays on the laptop that entered it until the
    // server can show a column to managers only.
    table: 'products',
    audience: TEAM,
    key: ['id'],
    fields: {
      photo: { kind: 'blob' },
      ...values(
        'sku',
        'name_en',
        'name_zh',
        'category',
        'unit',
        'moq',
        'currency',
        'price_tiers',
        'hs_code',
        'units_per_carton',
        'carton_length_cm',
        'carton_width_cm',
        'carton_height_cm',
        'carton_weight_kg',
        'lead_time_days',
        'alibaba_product_id',
        'photo_mime',
        'notes',
        'archived_at',
        'created_at',
      ),
    },
    versioned: true,
    touched: true,
  },
  {
    table: 'opportunities',
    audience: ofCustomer,
    key: ['id'],
    fields: {
      customer_id: ref('customers'),
      inquiry_id: ref('inquiries'),
      order_id: ref('orders'),
      ...values(
        'title',
        'stage',
        'amount_minor',
        'currency',
        'expected_close',
        'lost_reason',
        'lost_note',
        'owner',
        'stage_changed_at',
        'last_activity_at',
        'closed_at',
        'created_at',
      ),
    },
    versioned: true,
    touched: true,
  },
  {
    // Quotations and proforma invoices (#21): numbered on the laptop that issued them (see 0022).
    table: 'quotations',
    audience: ofCustomer,
    key: ['id'],
    fields: {
      customer_id: ref('customers'),
      opportunity_id: ref('opportunities'),
      contact_id: ref('contacts'),
      source_id: ref('quotations'),
      ...values(
        'kind',
        'number',
        'revision',
        'status',
        'language',
        'currency',
        'incoterm',
        'named_place',
        'payment_terms',
        'valid_until',
        'issued_on',
        'notes',
        'total_minor',
        'sent_at',
        'created_at',
      ),
    },
    versioned: true,
    touched: true,
  },
  {
    table: 'quotation_lines',
    audience: child('quotation_id', 'quotations'),
    key: ['id'],
    fields: {
      quotation_id: ref('quotations'),
      product_id: ref('products'),
      ...values('position', 'sku', 'description', 'unit', 'quantity', 'unit_price_minor', 'amount_minor'),
    },
    versioned: false,
    touched: false,
  },
];

/** customer_tags rows are the `tag:<tag>` fields of their customer. */
export const TAG_FIELD_PREFIX = 'tag:';

export const ROW_FIELD = '*';
export const DELETED_FIELD = '_deleted';

const BY_NAME = new Map(SYNC_TABLES.map((t) => [t.table, t]));

export function syncTable(name: string): SyncTable | undefined {
  return BY_NAME.get(name);
}

/** A column name as the laptop writes them, or `_deleted` (the server checks an op's field with it). */
export const FIELD_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** A tag field: `tag:` and the tag as the laptop keeps it (1 to 200 characters, no control characters). */
export function isTagField(field: string): boolean {
  if (!field.startsWith(TAG_FIELD_PREFIX)) return false;
  const tag = field.slice(TAG_FIELD_PREFIX.length);
  if (tag.length === 0 || tag.length > 200) return false;
  for (let i = 0; i < tag.length; i++) if (tag.charCodeAt(i) < 0x20 || tag.charCodeAt(i) === 0x7f) return false;
  return true;
}

/**
 * Parents before children: 0 for customers and team rows, 1 for a customer's children, 2 for
 * grandchildren (order lines, complaint photos, survey answers). The server inserts new rows in
 * this order; the laptop pushes a transaction's ops in it (a big import's batches never send a
 * child before its parent).
 */
export function levelOf(t: SyncTable): number {
  if (t.audience.kind !== 'child') return 0;
  const parent = syncTable(t.audience.parent);
  return parent?.audience.kind === 'child' ? 2 : 1;
}
