/**
 * Which laptop tables sync with the team server, and how the server finds the customer each row
 * belongs to (its visibility follows that customer: RLS on the server, src/server/db/migrations/
 * 0002_sync.ts). Table and column names are the laptop's SQLite ones (src/main/db/migrations/);
 * foreign keys travel as the referenced row's gid.
 *
 * - customer: the row is a customer; it belongs to itself, its `owner` field (a person's name) says
 *   whose it is.
 * - child: the row belongs to the customer its `fk` field points at (parent 'customers'), or to the
 *   customer of the row its `fk` points at (order_lines → orders → customer).
 * - team: team-wide settings, visible to every user, written by managers and admins only.
 *
 * Tables not listed (import batches, search documents, saved views, derived classification runs,
 * possible duplicates) stay on each laptop; an op naming one is rejected (UNKNOWN_TABLE).
 */
export type SyncTableSpec = { kind: 'customer'; ownerField: string } | { kind: 'child'; fk: string; parent: string } | { kind: 'team' };

export const SYNC_TABLES = {
  customers: { kind: 'customer', ownerField: 'owner' },
  contacts: { kind: 'child', fk: 'customer_id', parent: 'customers' },
  customer_tags: { kind: 'child', fk: 'customer_id', parent: 'customers' },
  customer_files: { kind: 'child', fk: 'customer_id', parent: 'customers' },
  inquiries: { kind: 'child', fk: 'customer_id', parent: 'customers' },
  orders: { kind: 'child', fk: 'customer_id', parent: 'customers' },
  order_lines: { kind: 'child', fk: 'order_id', parent: 'orders' },
  follow_ups: { kind: 'child', fk: 'customer_id', parent: 'customers' },
  activities: { kind: 'child', fk: 'customer_id', parent: 'customers' },
  needs: { kind: 'child', fk: 'customer_id', parent: 'customers' },
  complaints: { kind: 'child', fk: 'customer_id', parent: 'customers' },
  complaint_photos: { kind: 'child', fk: 'complaint_id', parent: 'complaints' },
  leads: { kind: 'child', fk: 'customer_id', parent: 'customers' },
  survey_recipients: { kind: 'child', fk: 'customer_id', parent: 'customers' },
  survey_responses: { kind: 'child', fk: 'customer_id', parent: 'customers' },
  survey_answers: { kind: 'child', fk: 'response_id', parent: 'survey_responses' },
  /** Key/value settings: currency rates, cadence rules, the team's lists. */
  settings: { kind: 'team' },
  classification_rule_sets: { kind: 'team' },
  survey_templates: { kind: 'team' },
  survey_campaigns: { kind: 'team' },
} as const satisfies Record<string, SyncTableSpec>;

export type SyncTableName = keyof typeof SYNC_TABLES;

export function syncTable(tbl: string): SyncTableSpec | undefined {
  return Object.hasOwn(SYNC_TABLES, tbl) ? (SYNC_TABLES[tbl as SyncTableName] as SyncTableSpec) : undefined;
}

/** The field of a hard delete (value true); archives and soft deletes are ordinary fields. */
export const DELETED_FIELD = '_deleted';

/** A field name: a SQLite column name as the laptop writes them, or `_deleted`. */
export const FIELD_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
