import type { Kysely } from 'kysely';
import { CONTACT_SEARCH_TEXT } from './0008_import_search';
import { runStatements } from './run-statements';

/**
 * Global ids and change capture for the team sync (issue #19, item 4; the design is in
 * src/shared/sync/tables.ts).
 *
 * - Every table whose rows a team shares gets `gid`, a UUIDv7, unique. Existing rows get one here,
 *   in one UPDATE per table (the id is made in SQL from the row's own time and random(): 74 random
 *   bits, so a million rows collide with odds of about 1e-11); local integer ids do not change.
 *   A new row gets one from an AFTER INSERT trigger when its insert did not give one.
 * - contacts_search_update now fires only on the columns its text reads (and customer_id), so
 *   setting a gid does not rewrite the contact's search document.
 * - sync_state (one row), sync_outbox, sync_field_clock, sync_pending and sync_conflicts hold the
 *   sync's own state. The capture triggers are not made here: src/main/sync/capture.ts makes them
 *   from the table spec when sync is enabled and drops them when it is disabled.
 *
 * Frozen with this migration (a later change to the spec is a later migration): the table list and
 * the UUIDv7 expression.
 */
const GID_TABLES: { table: string; time: string; key: string }[] = [
  { table: 'customers', time: 'created_at', key: 'id' },
  { table: 'contacts', time: 'created_at', key: 'id' },
  { table: 'inquiries', time: 'created_at', key: 'id' },
  { table: 'orders', time: 'created_at', key: 'id' },
  { table: 'order_lines', time: '', key: 'id' },
  { table: 'follow_ups', time: 'created_at', key: 'id' },
  { table: 'activities', time: 'created_at', key: 'id' },
  { table: 'needs', time: 'created_at', key: 'id' },
  { table: 'complaints', time: 'created_at', key: 'id' },
  { table: 'complaint_photos', time: 'created_at', key: 'id' },
  { table: 'customer_files', time: 'created_at', key: 'id' },
  { table: 'leads', time: 'captured_at', key: 'id' },
  { table: 'survey_templates', time: 'created_at', key: 'id' },
  { table: 'survey_campaigns', time: 'created_at', key: 'id' },
  { table: 'survey_recipients', time: 'updated_at', key: 'campaign_id, customer_id' },
  { table: 'survey_responses', time: 'created_at', key: 'id' },
  { table: 'survey_answers', time: '', key: 'response_id, question_id' },
];

/** The built-in survey templates every book has: one id everywhere, so two laptops' copies are one row. */
const BUILTIN_TEMPLATE_GIDS: Record<string, string> = {
  after_delivery: '00000000-0000-7000-8000-000000000001',
  yearly_relationship: '00000000-0000-7000-8000-000000000002',
  after_complaint: '00000000-0000-7000-8000-000000000003',
};

/** A UUIDv7 (RFC 9562) in SQL for the Unix milliseconds `ms`: 74 bits from random(), evaluated per row. */
export const UUIDV7_SQL = (ms: string) =>
  `printf('%08x-%04x-7%03x-%x%03x-%012x', (${ms}) >> 16, (${ms}) & 65535, random() & 4095, 8 + (random() & 3), random() & 4095, random() & 281474976710655)`;

/** Now, in Unix milliseconds. */
export const NOW_MS_SQL = `CAST(unixepoch('subsec') * 1000 AS INTEGER)`;

export async function up(db: Kysely<unknown>): Promise<void> {
  const nowMs = Date.now();
  const statements: string[] = [];
  for (const { table, time, key } of GID_TABLES) {
    // A row's time when it reads as one (0..2^48 ms), else the migration's.
    const ms = time
      ? `coalesce(CAST(CASE WHEN unixepoch(${time}, 'subsec') BETWEEN 0 AND 281474976710 THEN unixepoch(${time}, 'subsec') * 1000 END AS INTEGER), ${nowMs})`
      : String(nowMs);
    const match = key
      .split(', ')
      .map((k) => `${k} = new.${k}`)
      .join(' AND ');
    statements.push(
      `ALTER TABLE ${table} ADD COLUMN gid TEXT`,
      table === 'survey_templates'
        ? `UPDATE survey_templates SET gid = CASE builtin ${Object.entries(BUILTIN_TEMPLATE_GIDS)
            .map(([b, g]) => `WHEN '${b}' THEN '${g}'`)
            .join(' ')} ELSE ${UUIDV7_SQL(ms)} END`
        : `UPDATE ${table} SET gid = ${UUIDV7_SQL(ms)}`,
      `CREATE UNIQUE INDEX ${table}_gid ON ${table} (gid)`,
      `CREATE TRIGGER ${table}_gid AFTER INSERT ON ${table} WHEN new.gid IS NULL BEGIN
        UPDATE ${table} SET gid = ${UUIDV7_SQL(NOW_MS_SQL)} WHERE ${match} AND gid IS NULL;
      END`,
    );
  }
  statements.push(
    `DROP TRIGGER contacts_search_update`,
    `CREATE TRIGGER contacts_search_update AFTER UPDATE OF name, email, phone, mobile, whatsapp, wechat, skype, customer_id ON contacts BEGIN
      UPDATE search_docs SET text = ${CONTACT_SEARCH_TEXT('new')}, customer_id = new.customer_id WHERE id = new.id * 8 + 1;
    END`,
    // One row. enabled: capture on; node_id: this laptop in HLCs; hlc: the clock, ticked before each
    // write transaction while enabled (the triggers stamp their ops with it); applying: remote
    // changes being applied (the triggers stay quiet); last_seq: the last server sequence pulled.
    `CREATE TABLE sync_state (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      enabled INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
      node_id TEXT NOT NULL DEFAULT '' CHECK (node_id = '' OR (length(node_id) = 16 AND node_id NOT GLOB '*[^0-9a-f]*')),
      hlc TEXT NOT NULL DEFAULT '',
      applying INTEGER NOT NULL DEFAULT 0 CHECK (applying IN (0, 1)),
      last_seq INTEGER NOT NULL DEFAULT 0
    )`,
    `INSERT INTO sync_state (id) VALUES (1)`,
    // Local changes not yet acknowledged by the server: field '*' is a new row (value: a JSON object
    // of its fields), any other field one column (value: JSON); foreign keys as the row's gid.
    `CREATE TABLE sync_outbox (
      op_id TEXT PRIMARY KEY,
      hlc TEXT NOT NULL,
      tbl TEXT NOT NULL,
      gid TEXT NOT NULL,
      field TEXT NOT NULL,
      value TEXT,
      base_seq INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL
    )`,
    // One op per field per transaction (a second write of a field in the same transaction replaces
    // the first); also how apply finds a field's unsent edits.
    `CREATE UNIQUE INDEX sync_outbox_field ON sync_outbox (tbl, gid, field, hlc)`,
    `CREATE INDEX sync_outbox_order ON sync_outbox (hlc, op_id)`,
    // The clock of each field's value as last written and acknowledged, or applied ('*': every
    // field of the row at least this).
    `CREATE TABLE sync_field_clock (
      tbl TEXT NOT NULL,
      gid TEXT NOT NULL,
      field TEXT NOT NULL,
      hlc TEXT NOT NULL,
      PRIMARY KEY (tbl, gid, field)
    ) WITHOUT ROWID`,
    // Remote ops that cannot apply yet: their row, or a row a foreign key names, has not arrived.
    `CREATE TABLE sync_pending (
      op_id TEXT PRIMARY KEY,
      hlc TEXT NOT NULL,
      tbl TEXT NOT NULL,
      gid TEXT NOT NULL,
      field TEXT NOT NULL,
      value TEXT
    )`,
    `CREATE INDEX sync_pending_row ON sync_pending (tbl, gid)`,
    // Concurrent overwrites, both ways: a remote value that replaced an unsent local edit, and a
    // remote value that lost against a local one. Neither value is ever dropped.
    `CREATE TABLE sync_conflicts (
      id INTEGER PRIMARY KEY,
      tbl TEXT NOT NULL,
      gid TEXT NOT NULL,
      field TEXT NOT NULL,
      local_value TEXT,
      remote_value TEXT,
      local_hlc TEXT NOT NULL,
      remote_hlc TEXT NOT NULL,
      remote_op_id TEXT NOT NULL,
      winner TEXT NOT NULL CHECK (winner IN ('local', 'remote')),
      created_at TEXT NOT NULL,
      resolved_at TEXT,
      resolution TEXT CHECK (resolution IN ('kept_mine', 'kept_theirs'))
    )`,
    `CREATE UNIQUE INDEX sync_conflicts_op ON sync_conflicts (remote_op_id, field)`,
    `CREATE INDEX sync_conflicts_open ON sync_conflicts (resolved_at, id)`,
  );
  await runStatements(db, statements);
}
