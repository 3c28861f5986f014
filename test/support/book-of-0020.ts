/**
 * Turns a book of this version back into one of schema version 20 (before 0021 moved the team
 * token out of the book): without what 0021 and every later migration made, and without this
 * version's sync capture triggers (they name later tables; the first start of this version
 * remakes them, as it does for a book whose triggers an earlier version made). The caller then
 * puts the token where 0014–0020 kept it (sync_state.team_token, added here).
 */
interface RawBook {
  exec(sql: string): unknown;
  prepare(sql: string): { run(...params: unknown[]): unknown; all(...params: unknown[]): unknown[] };
  pragma(sql: string): unknown;
}

/** The tables migrations after 0021 created (0022: deals and sales documents). */
const LATER_TABLES = ['quotation_lines', 'quotations', 'opportunities', 'products', 'document_numbers'];

export function rewindToSchema20(raw: RawBook): void {
  const triggers = raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_capture_%'`).all() as {
    name: string;
  }[];
  for (const { name } of triggers) raw.exec(`DROP TRIGGER ${name}`);
  for (const table of LATER_TABLES) raw.exec(`DROP TABLE ${table}`);
  raw.exec(`ALTER TABLE sync_state ADD COLUMN team_token TEXT NOT NULL DEFAULT ''`);
  raw.prepare(`DELETE FROM kysely_migration WHERE name > '0021'`).run();
  raw.pragma('user_version = 20');
}
