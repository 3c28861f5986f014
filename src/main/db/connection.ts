import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import { Kysely, SqliteAdapter, SqliteDialect, type DialectAdapter } from 'kysely';
import type { DB } from './schema';

export interface OpenOptions {
  readonly?: boolean;
  /** Milliseconds to wait for a lock held by another connection before SQLITE_BUSY. */
  busyTimeoutMs?: number;
}

export type SqliteDb = Database.Database;

/**
 * The loaded better_sqlite3.node every connection of this thread uses. The app's engine worker
 * is told the file once at start (Electron's build, resources/native/better_sqlite3.node in an
 * installed app) and sets it before anything opens a database; no call site passes a binding of
 * its own, so none can forget it. Unset (the CLI, the bench, tests from source), better-sqlite3
 * finds its own build in node_modules.
 */
let addon: object | undefined;
let addonPath: string | undefined;

/** Loads better_sqlite3.node from `path` for every later open in this thread (once; the same path again is a no-op). */
export function useNativeBinding(path: string): void {
  if (addonPath === path) return;
  if (addonPath !== undefined) throw new Error(`the database engine is already loaded from ${addonPath}`);
  // Loaded here rather than by better-sqlite3 (whose string form calls its own `require`), so the
  // bundled main works wherever the file is: a .node file is loaded through Node's require only.
  addon = createRequire(import.meta.url)(path) as object;
  addonPath = path;
}

/**
 * Opens a connection with the pragmas a customer database needs. synchronous=FULL is set
 * explicitly on every open: WAL with NORMAL can lose the last commits on power loss.
 */
export function openSqlite(path: string, options: OpenOptions = {}): SqliteDb {
  const db = new Database(path, {
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
    // better-sqlite3 takes the loaded addon object too (lib/database.js); its types only say string.
    ...(addon ? { nativeBinding: addon as unknown as string } : {}),
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
  return (db.pragma(full ? 'integrity_check' : 'quick_check') as Record<string, unknown>[])
    .map((r) => String(Object.values(r)[0] ?? ''))
    .filter((r) => r !== 'ok');
}
