import type { Statement } from 'better-sqlite3';
import type { CompiledQuery, Kysely } from 'kysely';
import type { SqliteDb } from '../db/connection';
import type { DB } from '../db/schema';
import type { StagedFiles } from '../import/staged-files';

/**
 * Runs Kysely-compiled queries through cached better-sqlite3 prepared statements.
 * Kysely prepares every query afresh; the grid's hot queries repeat the same SQL with new
 * parameters, so preparing once saves most of their cost.
 */
export class PreparedCache {
  private readonly cache = new Map<string, Statement<unknown[]>>();

  constructor(
    private readonly sqlite: SqliteDb,
    private readonly max = 200,
  ) {}

  private statement(sql: string) {
    let stmt = this.cache.get(sql);
    if (!stmt) {
      stmt = this.sqlite.prepare<unknown[]>(sql);
      if (this.cache.size >= this.max) {
        const oldest = this.cache.keys().next().value;
        if (oldest !== undefined) this.cache.delete(oldest);
      }
      this.cache.set(sql, stmt);
    }
    return stmt;
  }

  all<T>(query: CompiledQuery<T>): T[] {
    return this.statement(query.sql).all(...(query.parameters as unknown[])) as T[];
  }

  get<T>(query: CompiledQuery<T>): T | undefined {
    return this.statement(query.sql).get(...(query.parameters as unknown[])) as T | undefined;
  }
}

/** What every service receives. Services never import electron and never open files themselves. */
export interface ServiceContext {
  /** The write connection (Kysely serialises its use). */
  db: Kysely<DB>;
  /** Raw handle of the write connection, for bulk statements inside a transaction. */
  sqlite: SqliteDb;
  /** The read connection: committed data only. */
  readDb: Kysely<DB>;
  readSqlite: SqliteDb;
  read: PreparedCache;
  dbPath: string;
  now: () => Date;
  /** Files read by import.analyze, waiting for preview and commit. */
  staged: StagedFiles;
  /** Called before an import writes: the engine makes a verified backup when the data changed since the last one. */
  beforeImport?: () => void;
}

/** What a long job receives besides its input. */
export interface JobControl {
  /** Reports progress; cheap to call often (the engine throttles events). */
  progress(done: number, total: number, phase: string): void;
  /** Lets queued messages (a cancel, other reads) through and throws CANCELLED when asked to stop. */
  checkpoint(): Promise<void>;
}

export const noJobControl: JobControl = {
  progress() {},
  async checkpoint() {},
};

export function isoNow(ctx: Pick<ServiceContext, 'now'>): string {
  return ctx.now().toISOString();
}
