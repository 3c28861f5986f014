import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Migrator, type Kysely, type Migration } from 'kysely';
import { AppError } from '../../shared/errors';
import type { SqliteDb } from './connection';
import { MIGRATIONS, migrationNumber } from './migrations';
import type { DB } from './schema';

const MIGRATION_TABLE = 'kysely_migration';

export interface MigrationReport {
  fromVersion: number;
  toVersion: number;
  applied: string[];
  backupPath: string | null;
}

type Migrations = Record<string, Migration>;

function appliedMigrations(sqlite: SqliteDb): string[] {
  const table = sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?`)
    .get(MIGRATION_TABLE) as { name: string } | undefined;
  if (!table) return [];
  return (sqlite.prepare(`SELECT name FROM ${MIGRATION_TABLE} ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
}

/** The schema version a database file is at (0 for a new, empty file). */
export function schemaVersionOf(sqlite: SqliteDb): number {
  const names = appliedMigrations(sqlite);
  const fromTable = names.length ? Math.max(...names.map(migrationNumber)) : 0;
  const userVersion = sqlite.pragma('user_version', { simple: true }) as number;
  return Math.max(fromTable, userVersion);
}

/** Refuses a database written by a newer ExportDesk before anything touches it. */
export function assertNotFromTheFuture(sqlite: SqliteDb, migrations: Migrations = MIGRATIONS): void {
  const names = appliedMigrations(sqlite);
  const unknown = names.filter((n) => !(n in migrations));
  const version = schemaVersionOf(sqlite);
  const known = latestVersion(migrations);
  if (unknown.length > 0 || version > known) {
    throw new AppError(
      'DB_TOO_NEW',
      `this database was written by a newer version of ExportDesk (schema ${version}, this app knows ${known}); update the app to open it`,
      { databaseVersion: version, appVersion: known, unknownMigrations: unknown },
    );
  }
}

function latestVersion(migrations: Migrations): number {
  const names = Object.keys(migrations);
  return names.length ? migrationNumber(names[names.length - 1] as string) : 0;
}

function timestampForFile(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** A consistent copy of a live database (safe under WAL, unlike a file copy). */
export function backupInto(sqlite: SqliteDb, target: string): void {
  mkdirSync(dirname(target), { recursive: true });
  sqlite.prepare('VACUUM INTO ?').run(target);
}

export function backupDirFor(dbPath: string): string {
  return join(dirname(dbPath), 'backups');
}

/**
 * Brings the database to SCHEMA_VERSION. Each migration and its record run in one
 * transaction; a database that already holds data is backed up first.
 */
export async function migrateToLatest(
  sqlite: SqliteDb,
  db: Kysely<DB>,
  dbPath: string,
  migrations: Migrations = MIGRATIONS,
): Promise<MigrationReport> {
  assertNotFromTheFuture(sqlite, migrations);
  const before = appliedMigrations(sqlite);
  const fromVersion = schemaVersionOf(sqlite);
  const pending = Object.keys(migrations).filter((n) => !before.includes(n));
  if (pending.length === 0) {
    return { fromVersion, toVersion: fromVersion, applied: [], backupPath: null };
  }
  let backupPath: string | null = null;
  if (before.length > 0 && dbPath !== ':memory:' && existsSync(dbPath)) {
    backupPath = join(backupDirFor(dbPath), `${basename(dbPath)}.pre-migrate-v${fromVersion}-${timestampForFile()}.db`);
    backupInto(sqlite, backupPath);
  }
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
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
