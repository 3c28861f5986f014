import type { SqliteDb } from '../../src/main/db/connection';

/**
 * Every row of every data table, in a stable order: two equal dumps mean the same data. Import
 * history tables and the FTS index's internal tables are left out (search_docs, which the index
 * is built from, is in).
 */
export function dumpData(db: SqliteDb, exclude: readonly string[] = ['import_batches', 'import_changes', 'settings']): string {
  const tables = (db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index%' AND name <> 'kysely_migration' AND name <> 'kysely_migration_lock' ORDER BY name`)
    .all() as { name: string }[]).map((r) => r.name).filter((n) => !exclude.includes(n));
  return tables.map((name) => `${name}\n${(db.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).all() as unknown[]).map((r) => JSON.stringify(r)).join('\n')}`).join('\n\n');
}
