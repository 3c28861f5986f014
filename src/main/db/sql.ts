/**
 * The one way services reach the database.
 *
 * - Queries are built with Kysely's builder (typed from db/schema.ts) and run synchronously on
 *   better-sqlite3 through statements prepared once per connection: `read.all(read.selectFrom(…))`.
 * - Reads go through a `ReadDb` (the read connection: committed data only). It has no builder for
 *   inserts, updates or deletes and no `run`, so a write through it does not compile (and the
 *   connection is opened read-only, so it would fail at run time too).
 * - Writes go through `WriteDb.transaction(tx => …)`: the body gets a `WriteTx`, runs inside one
 *   SQLite transaction and holds the write connection's lock (the one Kysely keeps), so no other
 *   write — not even one arriving while a long job awaits a checkpoint — can join it.
 * - Raw SQL only on measured hot paths, through `hot(figure)` with bound parameters: the figure is
 *   the name of the bench figure the statement protects (HOT_FIGURES; a test keeps them in the bench).
 */
import type { RunResult, Statement } from 'better-sqlite3';
import type { Compilable, CompiledQuery, Kysely, RawBuilder } from 'kysely';
import { integrityProblems, type SqliteDb } from './connection';
import { schemaVersionOf } from './schema-version';
import type { DB } from './schema';

/**
 * The bench figures (scripts/bench.ts) that raw statements protect. A statement names one, so a
 * reader knows which number would get worse if it were written with the builder instead.
 */
export const HOT_FIGURES = [
  'import 100k-row inquiry CSV (end to end)',
  'import 20k-row inquiry XLSX (end to end)',
  'reclassify all customers (1000k orders)',
  'reclassify after a 1,000-row import (incremental)',
  'grid: first page (+ total)',
  'grid: deep page (keyset)',
  'generate customers + orders (setup)',
  'sync: pull+apply throughput (changed rows)',
] as const;
export type HotFigure = (typeof HOT_FIGURES)[number];

/** A query built with Kysely (builder or `sql` tag) or already compiled. */
export type SqlQuery<T> = Compilable<T> | RawBuilder<T> | CompiledQuery<T>;

/** A statement of the read connection: reads only. */
export type ReadStatement = Pick<Statement<unknown[]>, 'all' | 'get' | 'iterate' | 'columns'>;

/** A constant piece of hot SQL (a column list two statements share): text, never a value. */
export interface HotFragment {
  readonly hotSqlText: string;
}

export function hotFragment(text: string): HotFragment {
  return { hotSqlText: text };
}

/**
 * Raw SQL for a hot path: a template whose only interpolations are constant fragments (values are
 * bound as `?` or `@name` when the statement runs, never written into its text).
 */
export type HotTag<S> = (text: TemplateStringsArray, ...fragments: HotFragment[]) => S;

function hotText(text: TemplateStringsArray, fragments: readonly HotFragment[]): string {
  return text.reduce((out, part, i) => out + part + (fragments[i]?.hotSqlText ?? ''), '');
}

/** Stands for the n-th argument of a query template while it is built. */
class Slot {
  constructor(readonly index: number) {}
}

/**
 * A query built and compiled once, run many times with new values: for reads that run several times
 * a keystroke (global search), where building and compiling with Kysely would cost more than the
 * query. `build` gets stand-ins for the arguments and may use them only as values (no arithmetic or
 * string work on them: pass what the query needs ready-made).
 */
export function queryTemplate<A extends unknown[], T>(
  build: (db: Pick<ReadDb, 'selectFrom' | 'with'>, ...args: A) => Compilable<T>,
): (db: ReadDb | WriteTx, ...args: A) => T[] {
  let compiled: CompiledQuery<T> | undefined;
  let slots: number[] = [];
  return (db, ...args) => {
    if (!compiled) {
      const built = build(db, ...(args.map((_, i) => new Slot(i)) as A)).compile();
      const found = built.parameters.map((p) => (p instanceof Slot ? p.index : -1));
      // An argument computed on (a stand-in turned into text) never reaches the query: refuse the template.
      if (new Set(found.filter((s) => s >= 0)).size !== args.length)
        throw new Error('a query template must bind each of its arguments as a value');
      compiled = built;
      slots = found;
    }
    const parameters = compiled.parameters.map((p, i) => ((slots[i] ?? -1) >= 0 ? args[slots[i] as number] : p));
    return db.all({ ...compiled, parameters });
  };
}

class Statements {
  private readonly cache = new Map<string, Statement<unknown[]>>();

  constructor(
    readonly sqlite: SqliteDb,
    private readonly max = 300,
  ) {}

  get(text: string): Statement<unknown[]> {
    let stmt = this.cache.get(text);
    if (!stmt) {
      stmt = this.sqlite.prepare<unknown[]>(text);
      if (this.cache.size >= this.max) {
        const oldest = this.cache.keys().next().value;
        if (oldest !== undefined) this.cache.delete(oldest);
      }
      this.cache.set(text, stmt);
    }
    return stmt;
  }
}

function isCompiled<T>(q: SqlQuery<T>): q is CompiledQuery<T> {
  return typeof (q as CompiledQuery<T>).sql === 'string' && 'parameters' in q && !('compile' in q);
}

/** Reads on one connection. */
class Reader {
  constructor(
    protected readonly statements: Statements,
    protected readonly kysely: Kysely<DB>,
  ) {}

  protected compile<T>(q: SqlQuery<T>): CompiledQuery<T> {
    if (isCompiled(q)) return q;
    if ((q as RawBuilder<T>).isRawBuilder) return (q as RawBuilder<T>).compile(this.kysely);
    return (q as Compilable<T>).compile();
  }

  protected statement(q: CompiledQuery<unknown>): Statement<unknown[]> {
    return this.statements.get(q.sql);
  }

  /** Every row of a query. */
  all<T>(q: SqlQuery<T>): T[] {
    const c = this.compile(q);
    return this.statement(c).all(...(c.parameters as unknown[])) as T[];
  }

  /** The first row of a query, or undefined. */
  first<T>(q: SqlQuery<T>): T | undefined {
    const c = this.compile(q);
    return this.statement(c).get(...(c.parameters as unknown[])) as T | undefined;
  }

  /** A pragma's value on this connection (journal_mode, synchronous, page_count…): facts, never settings. */
  pragmaValue(name: 'journal_mode' | 'synchronous' | 'page_count' | 'page_size'): unknown {
    return this.statements.sqlite.pragma(name, { simple: true });
  }

  /** The schema version of the file this connection reads. */
  schemaVersion(): number {
    return schemaVersionOf(this.statements.sqlite);
  }

  /** The rows one at a time (a long export, a scan) without holding them all. */
  *iterate<T>(q: SqlQuery<T>): IterableIterator<T> {
    const c = this.compile(q);
    yield* this.statement(c).iterate(...(c.parameters as unknown[])) as IterableIterator<T>;
  }
}

/** The read connection: committed data only. Builds selects; cannot build or run a write. */
export class ReadDb extends Reader {
  readonly selectFrom: Kysely<DB>['selectFrom'];
  readonly with: Kysely<DB>['with'];

  constructor(sqlite: SqliteDb, kysely: Kysely<DB>) {
    super(new Statements(sqlite), kysely);
    this.selectFrom = kysely.selectFrom.bind(kysely);
    this.with = kysely.with.bind(kysely);
  }

  /** What SQLite's quick_check (or integrity_check) and foreign_key_check find wrong; empty when sound. */
  check(full: boolean): { problems: string[]; foreignKeyViolations: number } {
    const sqlite = this.statements.sqlite;
    return { problems: integrityProblems(sqlite, full), foreignKeyViolations: (sqlite.pragma('foreign_key_check') as unknown[]).length };
  }

  /**
   * Creates, once per connection, a table of the connection's own temp schema (an FTS vocabulary,
   * say): nothing is written to the file, so the read connection may.
   */
  tempTable(ddl: `CREATE VIRTUAL TABLE IF NOT EXISTS temp.${string}`): void {
    if (this.temps.has(ddl)) return;
    this.statements.sqlite.exec(ddl);
    this.temps.add(ddl);
  }

  private readonly temps = new Set<string>();

  /** A raw read statement on a hot path; prepared once per connection. */
  hot(figure: HotFigure): HotTag<ReadStatement> {
    void figure;
    return (text, ...fragments) => this.statements.get(hotText(text, fragments));
  }
}

/** The write connection inside one transaction: reads see the transaction's own writes. */
export class WriteTx extends Reader {
  readonly selectFrom: Kysely<DB>['selectFrom'];
  readonly with: Kysely<DB>['with'];
  readonly insertInto: Kysely<DB>['insertInto'];
  readonly replaceInto: Kysely<DB>['replaceInto'];
  readonly updateTable: Kysely<DB>['updateTable'];
  readonly deleteFrom: Kysely<DB>['deleteFrom'];
  private open = true;

  constructor(statements: Statements, kysely: Kysely<DB>) {
    super(statements, kysely);
    this.selectFrom = kysely.selectFrom.bind(kysely);
    this.with = kysely.with.bind(kysely);
    this.insertInto = kysely.insertInto.bind(kysely);
    this.replaceInto = kysely.replaceInto.bind(kysely);
    this.updateTable = kysely.updateTable.bind(kysely);
    this.deleteFrom = kysely.deleteFrom.bind(kysely);
  }

  protected override statement(q: CompiledQuery<unknown>): Statement<unknown[]> {
    if (!this.open) throw new Error('a write transaction was used after it ended');
    return super.statement(q);
  }

  /** Runs an insert, update or delete; the changed row count and the last inserted rowid. */
  run(q: SqlQuery<unknown>): { changes: number; lastInsertRowid: number } {
    const c = this.compile(q);
    const r: RunResult = this.statement(c).run(...(c.parameters as unknown[]));
    return { changes: r.changes, lastInsertRowid: Number(r.lastInsertRowid) };
  }

  /** A raw statement on a hot path (bulk writes); prepared once per connection. */
  hot(figure: HotFigure): HotTag<Statement<unknown[]>> {
    void figure;
    return (text, ...fragments) => {
      if (!this.open) throw new Error('a write transaction was used after it ended');
      return this.statements.get(hotText(text, fragments));
    };
  }

  /** @internal */
  end(): void {
    this.open = false;
  }
}

/**
 * The write connection. Every write is a transaction: `transaction` for a synchronous body (most
 * writes), `longTransaction` for a job that awaits checkpoints (progress, cancel) while it writes.
 */
export class WriteDb {
  private readonly statements: Statements;

  /**
   * @param onBegin runs first inside every write transaction, before its body (the team sync's
   *   clock ticks there, so the capture triggers stamp the transaction's changes: sync/clock.ts).
   */
  constructor(
    sqlite: SqliteDb,
    private readonly kysely: Kysely<DB>,
    private readonly onBegin: (tx: WriteTx) => void = () => {},
  ) {
    this.statements = new Statements(sqlite);
  }

  /** A pragma's value on the write connection (its synchronous setting is the one that protects commits). */
  pragmaValue(name: 'journal_mode' | 'synchronous' | 'page_count' | 'page_size'): unknown {
    return this.statements.sqlite.pragma(name, { simple: true });
  }

  /** Runs `body` in one transaction once no other write holds the connection; rolls back if it throws. */
  async transaction<T>(body: (tx: WriteTx) => T): Promise<T> {
    return this.kysely.connection().execute(async () => {
      const tx = new WriteTx(this.statements, this.kysely);
      try {
        return this.statements.sqlite
          .transaction(() => {
            this.onBegin(tx);
            const out = body(tx);
            if (out instanceof Promise) throw new Error('a write transaction body must be synchronous; use longTransaction');
            return out;
          })
          .immediate();
      } finally {
        tx.end();
      }
    });
  }

  /**
   * One transaction around an asynchronous body (an import, an undo, a reclassification with
   * progress): the connection stays locked while the body awaits, so other writes queue behind it.
   */
  async longTransaction<T>(body: (tx: WriteTx) => Promise<T>): Promise<T> {
    return this.kysely.connection().execute(async () => {
      const sqlite = this.statements.sqlite;
      const tx = new WriteTx(this.statements, this.kysely);
      sqlite.exec('BEGIN IMMEDIATE');
      try {
        this.onBegin(tx);
        const out = await body(tx);
        sqlite.exec('COMMIT');
        return out;
      } catch (err) {
        if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
        throw err;
      } finally {
        tx.end();
      }
    });
  }
}

/** The handles a service context carries, made once per opened database. */
export function sqlHandles(write: { sqlite: SqliteDb; kysely: Kysely<DB> }, read: { sqlite: SqliteDb; kysely: Kysely<DB> }) {
  return { db: new WriteDb(write.sqlite, write.kysely), read: new ReadDb(read.sqlite, read.kysely) };
}
