import { Migrator, sql, type Kysely, type MigrationResult } from 'kysely';
import { migrations } from './migrations';

export interface MigrateReport {
  /** Migrations this run applied, in order (empty when the database was up to date). */
  applied: string[];
}

/**
 * Brings the database up to the latest migration. Safe to run at every start and from two processes
 * at once (Kysely holds a PostgreSQL advisory lock while it migrates). A database that has a
 * migration this server does not know (made by a newer server) is refused, never touched.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema: migrations make it
export async function migrateToLatest(db: Kysely<any>): Promise<MigrateReport> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
  const known = new Set(Object.keys(migrations));
  const executed = await executedMigrations(db);
  const unknown = executed.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new Error(
      `this database was upgraded by a newer ExportDesk server (migrations ${unknown.join(', ')}); start that version, or restore a backup`,
    );
  }
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r: MigrationResult) => r.status === 'Error');
  if (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(failed ? `migration ${failed.migrationName} failed: ${why}` : `migrations failed: ${why}`);
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's own bookkeeping table
async function executedMigrations(db: Kysely<any>): Promise<string[]> {
  const { rows: found } = await sql<{ found: string | null }>`select to_regclass('kysely_migration')::text as found`.execute(db);
  if (!found[0]?.found) return [];
  const rows = await db.selectFrom('kysely_migration').select('name').execute();
  return rows.map((r: { name: string }) => r.name);
}
