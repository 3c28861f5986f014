import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Kysely } from 'kysely';
import { AppError } from '../../shared/errors';
import { createKysely, openSqlite, type SqliteDb } from './connection';
import { migrateToLatest, type MigrationReport } from './migrate';
import type { DB } from './schema';
import { ReadDb, WriteDb } from './sql';
import { tickSyncClock } from '../sync/clock';
import { syncCaptureTriggers } from './capture-triggers';
import type { SecretStore } from '../secrets/secret-store';

export interface Database {
  path: string;
  /** The single write connection. Kysely serialises its use, so it doubles as the write lock. */
  sqlite: SqliteDb;
  db: Kysely<DB>;
  /** A read connection: sees committed data only, so reads go on while a long job writes. */
  readSqlite: SqliteDb;
  readDb: Kysely<DB>;
  /** What services write through (db/sql.ts): one transaction at a time, behind the write lock. */
  write: WriteDb;
  /** What services read through: the read connection, typed so it cannot write. */
  read: ReadDb;
  migration: MigrationReport;
  close(): Promise<void>;
}

/** The SQLITE_* code of a better-sqlite3 error ('' for any other error). */
export function sqliteCode(err: unknown): string {
  return err && typeof err === 'object' && 'code' in err ? String((err as { code: unknown }).code) : '';
}

function mapOpenError(err: unknown, path: string): unknown {
  if (err instanceof AppError) return err;
  const code = sqliteCode(err);
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new AppError('DB_CORRUPT', `the database file is damaged or is not an ExportDesk database: ${path}`, { sqliteCode: code });
  }
  return new AppError('DB_OPEN_FAILED', `could not open the database ${path}: ${err instanceof Error ? err.message : String(err)}`, {
    sqliteCode: code,
  });
}

export interface OpenOptions {
  /** Where a migration moves secrets out of the book (0021: the team token); default: the plain file beside it. */
  secrets?: SecretStore;
}

/** Opens (creating when missing) and migrates an ExportDesk database file. */
export async function openDatabase(path: string, options: OpenOptions = {}): Promise<Database> {
  mkdirSync(dirname(path), { recursive: true });
  let sqlite: SqliteDb | undefined;
  let readSqlite: SqliteDb | undefined;
  try {
    sqlite = openSqlite(path);
    const db = createKysely(sqlite);
    const migration = await migrateToLatest(sqlite, db, path, undefined, options.secrets ? { secrets: options.secrets } : undefined);
    // A book in a team: its capture triggers as this version's spec makes them (a table shared since it joined).
    syncCaptureTriggers(sqlite);
    readSqlite = openSqlite(path, { readonly: true });
    const readDb = createKysely(readSqlite);
    const w = sqlite;
    const r = readSqlite;
    return {
      path,
      sqlite: w,
      db,
      readSqlite: r,
      readDb,
      write: new WriteDb(w, db, tickSyncClock),
      read: new ReadDb(r, readDb),
      migration,
      async close() {
        // The read connection goes first: only the last connection to close can checkpoint
        // and remove the WAL, and a read-only one cannot.
        await readDb.destroy();
        if (r.open) r.close();
        await db.destroy();
        if (w.open) {
          w.pragma('wal_checkpoint(TRUNCATE)');
          w.close();
        }
      },
    };
  } catch (err) {
    if (readSqlite?.open) readSqlite.close();
    if (sqlite?.open) sqlite.close();
    throw mapOpenError(err, path);
  }
}

/** The database handles a service context carries. */
export function serviceHandles(db: Database) {
  return { db: db.write, read: db.read };
}
