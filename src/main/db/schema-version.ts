import type { Migration } from 'kysely';
import { AppError } from '../../shared/errors';
import type { SqliteDb } from './connection';
import { MIGRATIONS, migrationNumber } from './migrations';

export const MIGRATION_TABLE = 'kysely_migration';

type Migrations = Record<string, Migration>;

/** Names of the migrations recorded in a database file (none for a new file). */
export function appliedMigrations(sqlite: SqliteDb): string[] {
  // No table (no column) before the first migration.
  if ((sqlite.pragma(`table_info(${MIGRATION_TABLE})`) as unknown[]).length === 0) return [];
  // Raw: read before any service context exists (opening, the start-up check, a backup's check),
  // from the migrator's own table, which db/schema.ts does not describe.
  return (sqlite.prepare(`SELECT name FROM ${MIGRATION_TABLE} ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
}

/** The schema version a database file is at (0 for a new, empty file); `names` when appliedMigrations was read already. */
export function schemaVersionOf(sqlite: SqliteDb, names: readonly string[] = appliedMigrations(sqlite)): number {
  const fromTable = names.length ? Math.max(...names.map(migrationNumber)) : 0;
  const userVersion = sqlite.pragma('user_version', { simple: true }) as number;
  return Math.max(fromTable, userVersion);
}

export function latestVersion(migrations: Migrations = MIGRATIONS): number {
  const names = Object.keys(migrations);
  return names.length ? migrationNumber(names[names.length - 1] as string) : 0;
}

/** Refuses a database written by a newer ExportDesk before anything touches it. */
export function assertNotFromTheFuture(sqlite: SqliteDb, migrations: Migrations = MIGRATIONS): void {
  const names = appliedMigrations(sqlite);
  const unknown = names.filter((n) => !(n in migrations));
  const version = schemaVersionOf(sqlite, names);
  const known = latestVersion(migrations);
  if (unknown.length > 0 || version > known) {
    throw new AppError(
      'DB_TOO_NEW',
      `this database was written by a newer version of ExportDesk (schema ${version}, this app knows ${known}); update the app to open it`,
      { databaseVersion: version, appVersion: known, unknownMigrations: unknown },
    );
  }
}
