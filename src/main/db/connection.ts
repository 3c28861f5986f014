import Database from 'better-sqlite3';
import { Kysely, SqliteAdapter, SqliteDialect, type DialectAdapter } from 'kysely';
import type { DB } from './schema';

export interface OpenOptions {
  /** Path of a better_sqlite3.node built for the running runtime (Electron); Node uses the default. */
  nativeBinding?: string;
  readonly?: boolean;
  /** Milliseconds to wait for a lock held by another connection before SQLITE_BUSY. */
  busyTimeoutMs?: number;
}

export type SqliteDb = Database.Database;

/**
 * Opens a connection with the pragmas a customer database needs. synchronous=FULL is set
 * explicitly on every open: WAL with NORMAL can lose the last commits on power loss.
 */
export function openSqlite(path: string, options: OpenOptions = {}): SqliteDb {
  const db = new Database(path, {
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('temp_store = MEMORY');
    db.pragma('cache_size = -32000');
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/** SQLite runs DDL inside transactions, so the migrator may wrap each step (migration + its record) in one. */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class ExportDeskSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

export function createKysely(db: SqliteDb): Kysely<DB> {
  return new Kysely<DB>({ dialect: new ExportDeskSqliteDialect({ database: db }) });
}

/** What SQLite's quick_check (or, with `full`, integrity_check) finds wrong with a database; [] when it is sound. */
export function integrityProblems(db: SqliteDb, full = false): string[] {
  return (db.pragma(full ? 'integrity_check' : 'quick_check') as Record<string, unknown>[]).map((r) => String(Object.values(r)[0] ?? '')).filter((r) => r !== 'ok');
}
