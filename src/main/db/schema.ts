import type { ColumnType, Generated } from 'kysely';

/**
 * The database schema as Kysely sees it, written by hand next to the migrations
 * (db/migrations). Column names are snake_case; services map them to the camelCase domain types.
 * Timestamps are ISO 8601 UTC strings; money is integer minor units plus an ISO 4217 currency.
 */
export interface CustomersTable {
  id: Generated<number>;
  company: string;
  company_key: Generated<string>;
  country: Generated<string>;
  /** The country as written when it was not recognised (country is then ''). */
  country_text: Generated<string>;
  city: Generated<string>;
  website: Generated<string>;
  website_domain: Generated<string>;
  industry: Generated<string>;
  business_type: Generated<string>;
  scale: Generated<string>;
  source: Generated<string>;
  owner: Generated<string>;
  lifecycle_stage: Generated<string>;
  lifecycle_override: string | null;
  priority: string | null;
  notes: Generated<string>;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
  import_batch_id: number | null;
  version: Generated<number>;
  external_ref: Generated<string>;
  buyer_level: Generated<string>;
  // Classes written by a classification run (0003).
  recency_days: number | null;
  frequency: Generated<number>;
  monetary_minor: Generated<number>;
  revenue_minor: Generated<number>;
  r_score: number | null;
  f_score: number | null;
  m_score: number | null;
  rfm_segment: Generated<string>;
  value_tier: Generated<string>;
  potential_score: Generated<number>;
  potential_override: number | null;
  value_matrix: Generated<string>;
  churn_status: Generated<string>;
  rhythm_days: number | null;
  order_count: Generated<number>;
  median_gap: number | null;
  gap_key: Generated<string>;
  last_order_at: Generated<string>;
  suggested_priority: Generated<string>;
  classified_at: string | null;
  /** When the earliest inquiry that counted as recent at the last classification was received (0010). */
  recent_inquiry_at: string | null;
  /** Global id, a UUIDv7 (0013): set by a trigger when an insert gives none. */
  gid: Generated<string>;
  /**
   * Since when the owner has held the customer (0016, ISO; this laptop's own, not synced): triggers
   * stamp it on every change of owner (a statement may give it); null: in the pool since before 0016.
   */
  owner_since: string | null;
}

export interface CustomerTagsTable {
  customer_id: number;
  tag: string;
}

export interface ContactsTable {
  id: Generated<number>;
  customer_id: number;
  name: Generated<string>;
  title: Generated<string>;
  email: Generated<string>;
  phone: Generated<string>;
  mobile: Generated<string>;
  whatsapp: Generated<string>;
  wechat: Generated<string>;
  skype: Generated<string>;
  language: Generated<string>;
  is_primary: Generated<number>;
  created_at: string;
  updated_at: string;
  import_batch_id: number | null;
  /** Generated (0007): the e-mail's domain, and the last nine digits of phone and mobile. */
  email_domain: ColumnType<string, never, never>;
  phone_key: ColumnType<string, never, never>;
  mobile_key: ColumnType<string, never, never>;
  /** Global id, a UUIDv7 (0013): set by a trigger when an insert gives none. */
  gid: Generated<string>;
}

export interface InquiriesTable {
  id: Generated<number>;
  external_id: string | null;
  customer_id: number;
  contact_id: number | null;
  received_at: string;
  subject: Generated<string>;
  product: Generated<string>;
  product_ref: Generated<string>;
  quantity: number | null;
  unit: Generated<string>;
  message: Generated<string>;
  status: Generated<string>;
  source: Generated<string>;
  owner: Generated<string>;
  /** When the inquiry was last replied to, from its export (null: not known to be replied). */
  replied_at: Generated<string | null>;
  created_at: string;
  import_batch_id: number | null;
  /** Global id, a UUIDv7 (0013): set by a trigger when an insert gives none. */
  gid: Generated<string>;
}

export interface OrdersTable {
  id: Generated<number>;
  external_no: string | null;
  customer_id: number;
  ordered_at: string;
  amount_minor: number;
  /** ISO 4217; XXX when the imported currency was not recognised (then currency_text holds it as written). */
  currency: string;
  currency_text: Generated<string>;
  product: Generated<string>;
  quantity: number | null;
  status: Generated<string>;
  cancelled: Generated<number>;
  created_at: string;
  import_batch_id: number | null;
  /** Generated: the product or status names a sample (0003). */
  is_sample: Generated<number>;
  /** Generated: UTC day number of ordered_at (0003). */
  ordered_day: Generated<number | null>;
  /** Global id, a UUIDv7 (0013): set by a trigger when an insert gives none. */
  gid: Generated<string>;
}

export interface OrderLinesTable {
  id: Generated<number>;
  order_id: number;
  product: Generated<string>;
  product_ref: Generated<string>;
  quantity: number | null;
  unit_price_minor: number | null;
  amount_minor: number;
  /** Global id, a UUIDv7 (0013): set by a trigger when an insert gives none. */
  gid: Generated<string>;
}

export interface FollowUpsTable {
  id: Generated<number>;
  customer_id: number;
  contact_id: number | null;
  inquiry_id: number | null;
  order_id: number | null;
  type: string;
  due_at: string;
  owner: Generated<string>;
  note: Generated<string>;
  status: Generated<string>;
  outcome: Generated<string>;
  done_at: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
  source: Generated<string>;
  /** Global id, a UUIDv7 (0013): set by a trigger when an insert gives none. */
  gid: Generated<string>;
}

export interface ActivitiesTable {
  id: Generated<number>;
  customer_id: number;
  kind: string;
  occurred_at: string;
  summary: Generated<string>;
  ref_table: string | null;
  ref_id: number | null;
  data: string | null;
  created_at: string;
  /** Global id, a UUIDv7 (0013): set by a trigger when an insert gives none. */
  gid: Generated<string>;
}

export interface ImportBatchesTable {
  id: Generated<number>;
  kind: string;
  file_name: Generated<string>;
  file_hash: Generated<string>;
  started_at: string;
  finished_at: string | null;
  status: Generated<string>;
  rows_read: Generated<number>;
  rows_imported: Generated<number>;
  rows_merged: Generated<number>;
  rows_skipped: Generated<number>;
  report: string | null;
  undone_at: string | null;
  mapping: string | null;
  duration_ms: Generated<number>;
  failed_csv: string | null;
}

export interface ImportChangesTable {
  id: Generated<number>;
  batch_id: number;
  table_name: 'customers' | 'customer_tags' | 'contacts';
  row_key: string;
  action: 'update' | 'insert';
  before: string | null;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface ClassificationRuleSetsTable {
  version: number;
  rules: string;
  created_at: string;
}

export interface ClassificationRunsTable {
  id: Generated<number>;
  trigger: string;
  started_at: string;
  duration_ms: number;
  rules_version: number;
  as_of: string;
  customers: number;
  counts: string;
  moves: string;
  moved: number;
  missing_rates: string;
  /** JSON: the book-wide quantities the run classified with (0010); null for runs before it. */
  basis: string | null;
}

export interface SavedViewsTable {
  id: Generated<number>;
  kind: string;
  name: string;
  state: string;
  created_at: string;
  updated_at: string;
}

export interface NeedsTable {
  id: Generated<number>;
  customer_id: number;
  category: string;
  description: Generated<string>;
  priority: Generated<string>;
  status: Generated<string>;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
  /** Global id, a UUIDv7 (0013): set by a trigger when an insert gives none. */
  gid: Generated<string>;
}

export interface ComplaintsTable {
  id: Generated<number>;
  customer_id: number;
  category: string;
  severity: string;
  description: Generated<string>;
  status: Generated<string>;
  owner: Generated<string>;
  due_by: string;
  resolution: Generated<string>;
  resolved_at: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
  /** The order the complaint is about, one of the same customer's (0012). */
  order_id: number | null;
  /** The amount claimed, in minor units of claim_currency; both or neither (0012). */
  claim_minor: number | null;
  claim_currency: string | null;
  /** Global id, a UUIDv7 (0013): set by a trigger when an insert gives none. */
  gid: Generated<string>;
}

/** A complaint's photos (0012): at most 10 MB each, JPEG, PNG, WebP or HEIC by their bytes. */
export interface ComplaintPhotosTable {
  id: Generated<number>;
  complaint_id: number;
  file_name: Generated<string>;
  mime: 'image/jpeg' | 'image/png' | 'image/webp' | 'image/heic';
  size_bytes: number;
  bytes: Buffer;
  created_at: string;
  /** Global id, a UUIDv7 (0013): set by a trigger when an insert gives none. */
  gid: Generated<string>;
}

export interface DB {
  customers: CustomersTable;
  customer_tags: CustomerTagsTable;
  contacts: ContactsTable;
  inquiries: InquiriesTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  follow_ups: FollowUpsTable;
  activities: ActivitiesTable;
  import_batches: ImportBatchesTable;
  import_changes: ImportChangesTable;
  settings: SettingsTable;
  classification_rule_sets: ClassificationRuleSetsTable;
  classification_runs: ClassificationRunsTable;
  saved_views: SavedViewsTable;
  needs: NeedsTable;
  complaints: ComplaintsTable;
  complaint_photos: ComplaintPhotosTable;
  survey_templates: SurveyTemplatesTable;
  survey_campaigns: SurveyCampaignsTable;
  survey_recipients: SurveyRecipientsTable;
  survey_responses: SurveyResponsesTable;
  survey_answers: SurveyAnswersTable;
  customer_files: CustomerFilesTable;
  leads: LeadsTable;
  possible_duplicates: PossibleDuplicatesTable;
  sync_state: SyncStateTable;
  sync_outbox: SyncOutboxTable;
  sync_field_clock: SyncFieldClockTable;
  sync_pending: SyncPendingTable;
  sync_conflicts: SyncConflictsTable;
  pool_rules: PoolRulesTable;
  sales_targets: SalesTargetsTable;
  products: ProductsTable;
  opportunities: OpportunitiesTable;
  quotations: QuotationsTable;
  quotation_lines: QuotationLinesTable;
  document_numbers: DocumentNumbersTable;
}

// Deals and sales documents (0022; #21).
export interface ProductsTable {
  id: Generated<number>;
  /** Global id, a UUIDv7: set by a trigger when an insert gives none. */
  gid: Generated<string>;
  /** Matched case-insensitively (COLLATE NOCASE); not unique in the schema (see 0022). */
  sku: string;
  name_en: Generated<string>;
  name_zh: Generated<string>;
  category: string | null;
  unit: Generated<string>;
  moq: number | null;
  currency: Generated<string>;
  /** JSON: [{ minQty, unitPriceMinor }] ascending by minQty, in `currency`. */
  price_tiers: Generated<string>;
  cost_minor: number | null;
  cost_currency: string | null;
  hs_code: string | null;
  units_per_carton: number | null;
  carton_length_cm: number | null;
  carton_width_cm: number | null;
  carton_height_cm: number | null;
  carton_weight_kg: number | null;
  lead_time_days: number | null;
  alibaba_product_id: string | null;
  photo: Buffer | null;
  photo_mime: string | null;
  notes: string | null;
  archived_at: string | null;
  /** The import that created it (its undo removes it); null when made by hand or by the sync. */
  import_batch_id: number | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export type OpportunityStage = 'inquiry' | 'quoted' | 'sample' | 'negotiation' | 'won' | 'lost';

export interface OpportunitiesTable {
  id: Generated<number>;
  gid: Generated<string>;
  customer_id: number;
  inquiry_id: number | null;
  order_id: number | null;
  title: string;
  stage: OpportunityStage;
  amount_minor: Generated<number>;
  currency: Generated<string>;
  /** YYYY-MM-DD. */
  expected_close: string | null;
  lost_reason: string | null;
  lost_note: string | null;
  owner: string | null;
  stage_changed_at: string;
  last_activity_at: string;
  /** Set when the stage is won or lost (a CHECK keeps them together). */
  closed_at: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface QuotationsTable {
  id: Generated<number>;
  gid: Generated<string>;
  customer_id: number;
  opportunity_id: number | null;
  contact_id: number | null;
  kind: 'quotation' | 'proforma';
  /** Q-2026-0012 / PI-2026-0003: the same on every revision. */
  number: string;
  revision: Generated<number>;
  status: Generated<'draft' | 'sent' | 'accepted' | 'declined' | 'superseded' | 'cancelled'>;
  language: Generated<'en' | 'zh' | 'both'>;
  currency: string;
  incoterm: string | null;
  named_place: string | null;
  payment_terms: string | null;
  valid_until: string | null;
  /** YYYY-MM-DD. */
  issued_on: string;
  notes: string | null;
  /** The quotation a PI was copied from, or the revision this one replaced. */
  source_id: number | null;
  total_minor: Generated<number>;
  sent_at: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface QuotationLinesTable {
  id: Generated<number>;
  gid: Generated<string>;
  quotation_id: number;
  position: number;
  product_id: number | null;
  sku: string | null;
  description: string;
  unit: Generated<string>;
  quantity: number;
  unit_price_minor: number;
  /** quantity × unit_price_minor (a CHECK holds it). */
  amount_minor: number;
}

export interface DocumentNumbersTable {
  kind: 'quotation' | 'proforma';
  year: number;
  last: number;
}

// Possible duplicates (0009): customers alike only by name, kept apart until the user decides.
export interface PossibleDuplicatesTable {
  id: Generated<number>;
  customer_id: number;
  other_id: number;
  reason: 'name';
  import_batch_id: number | null;
  created_at: string;
  resolved_at: string | null;
  resolution: 'merged' | 'distinct' | null;
}

// Quick capture (0007).
export interface CustomerFilesTable {
  id: Generated<number>;
  customer_id: number;
  kind: 'business_card';
  file_name: Generated<string>;
  mime: string;
  size: number;
  bytes: Buffer;
  created_at: string;
  /** Global id, a UUIDv7 (0013): set by a trigger when an insert gives none. */
  gid: Generated<string>;
}

export interface LeadsTable {
  id: Generated<number>;
  customer_id: number;
  contact_id: number | null;
  inquiry_id: number | null;
  follow_up_id: number | null;
  file_id: number | null;
  fair: Generated<string>;
  rating: string;
  product_interest: Generated<string>;
  owner: Generated<string>;
  new_customer: number;
  captured_at: string;
  /** Global id, a UUIDv7 (0013): set by a trigger when an insert gives none. */
  gid: Generated<string>;
}

// Surveys (0005).
export interface SurveyTemplatesTable {
  id: Generated<number>;
  builtin: string | null;
  name_en: string;
  name_zh: string;
  /** JSON: Question[]. */
  questions: string;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
  /** Global id, a UUIDv7 (0013): set by a trigger when an insert gives none. */
  gid: Generated<string>;
}

export interface SurveyCampaignsTable {
  id: Generated<number>;
  name: string;
  template_id: number | null;
  template_name_en: string;
  template_name_zh: string;
  questions: string;
  source_label: Generated<string>;
  /** JSON: CustomerFilter. */
  source_filter: string;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
  /** Global id, a UUIDv7 (0013): set by a trigger when an insert gives none. */
  gid: Generated<string>;
}

export interface SurveyRecipientsTable {
  campaign_id: number;
  customer_id: number;
  code: string;
  language: Generated<string>;
  state: Generated<string>;
  sent_at: string | null;
  answered_at: string | null;
  declined_at: string | null;
  updated_at: string;
  /** Global id, a UUIDv7 (0013): set by a trigger when an insert gives none. */
  gid: Generated<string>;
}

export interface SurveyResponsesTable {
  id: Generated<number>;
  campaign_id: number;
  customer_id: number;
  answered_at: string;
  channel: string;
  nps: number | null;
  csat: number | null;
  detractor: Generated<number>;
  country: Generated<string>;
  industry: Generated<string>;
  tier: Generated<string>;
  segment: Generated<string>;
  owner: Generated<string>;
  complaint_id: number | null;
  follow_up_id: number | null;
  created_at: string;
  /** Global id, a UUIDv7 (0013): set by a trigger when an insert gives none. */
  gid: Generated<string>;
}

export interface SurveyAnswersTable {
  response_id: number;
  question_id: string;
  value_num: number | null;
  value_text: string | null;
  /** Global id, a UUIDv7 (0013): set by a trigger when an insert gives none. */
  gid: Generated<string>;
}

// Team sync (0013): see src/main/sync/.
export interface SyncStateTable {
  id: number;
  enabled: Generated<number>;
  node_id: Generated<string>;
  hlc: Generated<string>;
  applying: Generated<number>;
  last_seq: Generated<number>;
  /** Where the last complete pull ended (0015): the pull's `base`. */
  pull_base: Generated<number>;
  /**
   * The team (0014): server address, pinned fingerprint, this device's id (set while in a team), name, user
   * (JSON). The device token is not here: it is in the secret store (0021, secrets/team-token.ts).
   */
  team_server: Generated<string>;
  team_fingerprint: Generated<string>;
  team_device_id: Generated<string>;
  team_device_name: Generated<string>;
  team_user: Generated<string>;
  joined_at: string | null;
  last_sync_at: string | null;
  first_sync: Generated<'' | 'download' | 'upload' | 'done'>;
}

export interface SyncOutboxTable {
  op_id: string;
  hlc: string;
  tbl: string;
  gid: string;
  /** A column, '*' for a new row (value: its fields as a JSON object), '_deleted', or 'tag:<tag>' on customers. */
  field: string;
  /** JSON; foreign keys as the referenced row's gid. */
  value: string | null;
  base_seq: Generated<number>;
  created_at: string;
}

export interface SyncFieldClockTable {
  tbl: string;
  gid: string;
  field: string;
  hlc: string;
}

export interface SyncPendingTable {
  op_id: string;
  hlc: string;
  tbl: string;
  gid: string;
  field: string;
  value: string | null;
}

export interface SyncConflictsTable {
  id: Generated<number>;
  tbl: string;
  gid: string;
  field: string;
  local_value: string | null;
  remote_value: string | null;
  local_hlc: string;
  remote_hlc: string;
  remote_op_id: string;
  winner: 'local' | 'remote';
  created_at: string;
  resolved_at: string | null;
  resolution: 'kept_mine' | 'kept_theirs' | null;
  /** A refused or removed local change (0014): the reject code, or REMOVED. */
  code: string | null;
  by_user: string | null;
  server_id: string | null;
  /** The customer's company when the conflict was logged (0019's trigger): shown once the customer has left the book. */
  company: string | null;
}

// The public pool (0016): the firm's rules, one row (gid POOL_RULES_GID); a team table of the sync.
export interface PoolRulesTable {
  id: Generated<number>;
  /** Global id (POOL_RULES_GID for the one row); set by a trigger when an insert gives none. */
  gid: Generated<string>;
  /** Days without a completed follow-up before a customer returns to the pool (null: never). */
  return_followup_days: number | null;
  /** Days without an order before a customer returns to the pool (null: never). */
  return_order_days: number | null;
  /** Customers one salesperson may hold (null: no cap). */
  cap: number | null;
  /** 1: customers who have ordered do not count against the cap. */
  won_outside_cap: Generated<number>;
  cooling_days: Generated<number>;
  updated_at: string;
}

// The manager's view (0017): monthly targets per salesperson; this laptop's own (not a table of the sync).
export interface SalesTargetsTable {
  /** A person's name as customers.owner holds it (NOCASE). */
  owner: string;
  /** YYYY-MM. */
  month: string;
  /** Revenue target in the base currency's minor units; null: none. */
  revenue_minor: number | null;
  /** New customers target; null: none. */
  new_customers: number | null;
  updated_at: string;
  /** salesTargetGid(owner, month) (0020): a team table of the sync. */
  gid: string;
}
