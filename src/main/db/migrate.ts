import { existsSync } from 'node:fs';
import { Migrator, type Kysely, type Migration } from 'kysely';
import { AppError } from '../../shared/errors';
import { createBackup } from '../safety/backups';
import type { SqliteDb } from './connection';
import { MIGRATIONS } from './migrations';
import { needsContext, type MigrationContext } from './migrations/context';
import { plainSecretStore, plainSecretsPathFor } from '../secrets/secret-store';
import { appliedMigrations, assertNotFromTheFuture, latestVersion, MIGRATION_TABLE, schemaVersionOf } from './schema-version';
import type { DB } from './schema';

export { assertNotFromTheFuture, schemaVersionOf } from './schema-version';
export { backupDirFor } from '../safety/backups';

export interface MigrationReport {
  fromVersion: number;
  toVersion: number;
  applied: string[];
  backupPath: string | null;
}

type Migrations = Record<string, Migration>;

/** The context when the caller gives none: the plain secrets file beside the book (the CLI, tests, the bench). */
function defaultContext(dbPath: string): MigrationContext {
  return { secrets: dbPath === ':memory:' ? null : plainSecretStore(plainSecretsPathFor(dbPath)) };
}

/**
 * Brings the database to SCHEMA_VERSION. Each migration and its record run in one
 * transaction; a database that already holds data is backed up first. `context` is what some
 * migrations need besides the database (the secret store: the engine's; else the plain file
 * beside the book).
 */
export async function migrateToLatest(
  sqlite: SqliteDb,
  db: Kysely<DB>,
  dbPath: string,
  migrations: Migrations = MIGRATIONS,
  context: MigrationContext = defaultContext(dbPath),
): Promise<MigrationReport> {
  assertNotFromTheFuture(sqlite, migrations);
  const before = appliedMigrations(sqlite);
  const fromVersion = schemaVersionOf(sqlite, before);
  const pending = Object.keys(migrations).filter((n) => !before.includes(n));
  if (pending.length === 0) {
    return { fromVersion, toVersion: fromVersion, applied: [], backupPath: null };
  }
  let backupPath: string | null = null;
  if (before.length > 0 && dbPath !== ':memory:' && existsSync(dbPath)) {
    // A verified copy in the backup folder (kept out of the rotation), made from this connection.
    backupPath = createBackup(sqlite, dbPath, 'pre-migrate').path;
  }
  const bound: Migrations = Object.fromEntries(
    Object.entries(migrations).map(([name, m]) => [name, needsContext(m) ? m.withContext(context) : m]),
  );
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => bound },
    migrationTableName: MIGRATION_TABLE,
  });
  const applied: string[] = [];
  for (;;) {
    const { error, results } = await migrator.migrateUp();
    for (const r of results ?? []) if (r.status === 'Success') applied.push(r.migrationName);
    if (error) {
      throw new AppError('DB_OPEN_FAILED', `migration failed: ${error instanceof Error ? error.message : String(error)}`, {
        applied,
        backupPath,
      });
    }
    if (!results || results.length === 0) break;
  }
  const toVersion = latestVersion(migrations);
  sqlite.pragma(`user_version = ${toVersion}`);
  return { fromVersion, toVersion, applied, backupPath };
}
