import type { SqliteDb } from '../../src/main/db/connection';

/** History and settings: what an import or a classification run records about itself. */
export const HISTORY_TABLES = ['import_batches', 'import_changes', 'settings', 'classification_runs', 'classification_rule_sets'];

/**
 * Every row of every data table, in a stable order: two equal dumps mean the same data. History
 * tables, the FTS index's internal tables (search_docs, which the index is built from, is in) and
 * the time a customer's classes last changed are left out.
 */
export function dumpData(db: SqliteDb, exclude: readonly string[] = HISTORY_TABLES): string {
  const tables = (
    db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index%' AND name <> 'kysely_migration' AND name <> 'kysely_migration_lock' ORDER BY name`,
      )
      .all() as { name: string }[]
  )
    .map((r) => r.name)
    .filter((n) => !exclude.includes(n));
  return tables
    .map(
      (name) =>
        `${name}\n${(db.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).all() as Record<string, unknown>[])
          .map((r) => {
            const { classified_at: _when, ...rest } = r;
            return JSON.stringify(rest);
          })
          .join('\n')}`,
    )
    .join('\n\n');
}
