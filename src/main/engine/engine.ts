import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { AppError, toErrorShape, type Result } from '../../shared/errors';
import { contract, type CallOptions, type Channel, type ChannelParsedInput, type EngineEvent } from '../../shared/ipc/contract';
import type { EngineCall } from '../../shared/ipc/dispatch';
import { openDatabase, type Database } from '../db/open';
import { PreparedCache, noJobControl, type JobControl, type ServiceContext } from '../services/context';
import { StagedFiles } from '../import/staged-files';
import { backupDirFor } from '../safety/backups';
import { DatabaseSafety } from '../safety/database-safety';
import { checkDatabaseFile, problemFromOpenError, startupError, type StartupCheck } from '../safety/startup-check';
import { handlers, type EngineRuntime } from './handlers';

export interface EngineBackupOptions {
  /** The backup folder (default: `backups` beside the database). */
  dir?: string;
  /** Back up before every import that writes, when the data changed since the last backup (default true). */
  beforeImport?: boolean;
  /** Back up every so many milliseconds when the data changed (0, the default: no schedule; the app: 30 minutes). */
  intervalMs?: number;
  /** Back up when the engine closes, when the data changed (the app and the browser harness at quit). */
  onClose?: boolean;
}

export interface EngineOptions {
  dbPath: string;
  nativeBinding?: string;
  mode: 'worker' | 'in-process';
  appVersion: string;
  emit?: (event: EngineEvent) => void;
  now?: () => Date;
  /** Minimum milliseconds between two progress events of one job. */
  progressIntervalMs?: number;
  /**
   * Start even when the database cannot be opened (damaged, from a newer ExportDesk, unreadable):
   * then only app.info, the safety channels, backups.list and backups.restore answer, so the
   * page can explain and offer a restore. Without it, createEngine rejects with the DB_* error.
   */
  recovery?: boolean;
  backups?: EngineBackupOptions;
}

export interface Engine {
  call: EngineCall;
  /** The open database; throws the start-up error (DB_CORRUPT, DB_TOO_NEW…) while there is none. */
  readonly database: Database;
  /** Backups, the start-up state and restoring (the CLI's backup --out and restore <file>). */
  readonly safety: DatabaseSafety;
  close(): Promise<void>;
}

/** Channels that answer while the database is not open (recovery). */
const OFFLINE_CHANNELS: ReadonlySet<Channel> = new Set<Channel>([
  'app.info',
  'safety.status',
  'safety.restoreLatest',
  'safety.startEmpty',
  'backups.list',
  'backups.restore',
  'jobs.cancel',
]);
/** Channels that replace the database: they wait for every other call and hold new ones back. */
const EXCLUSIVE_CHANNELS: ReadonlySet<Channel> = new Set<Channel>(['safety.restoreLatest', 'safety.startEmpty', 'backups.restore']);

function unavailable(): never {
  throw new AppError('ENGINE_UNAVAILABLE', 'the database is not open');
}

/** A service context without a database (recovery, mid-restore): any use of the database fails with a code. */
function closedContext(base: Pick<ServiceContext, 'dbPath' | 'now' | 'staged'>): ServiceContext {
  const ctx = { ...base } as ServiceContext;
  for (const key of ['db', 'sqlite', 'readDb', 'readSqlite', 'read'] as const) Object.defineProperty(ctx, key, { get: unavailable });
  return ctx;
}

/**
 * The engine: the database and every service behind one `call`. It trusts its input (the front
 * doors validate against the contract) and returns errors as values. It runs inside a worker
 * thread in the app and in the bridge, or in-process for the CLI and unit tests.
 */
export async function createEngine(options: EngineOptions): Promise<Engine> {
  const now = options.now ?? (() => new Date());
  const staged = new StagedFiles();
  const backupOptions = { beforeImport: true, intervalMs: 0, onClose: false, ...options.backups };
  const backupDir = backupOptions.dir ?? backupDirFor(options.dbPath);
  const open = () => openDatabase(options.dbPath, { nativeBinding: options.nativeBinding });

  // The start-up check: read-only, quick_check, and a database from a newer app is refused.
  let startup: StartupCheck = checkDatabaseFile(options.dbPath);
  let database: Database | null = null;
  if (startup.state === 'ok') {
    try {
      database = await open();
    } catch (err) {
      if (!options.recovery) throw err;
      startup = problemFromOpenError(err);
    }
  } else if (!options.recovery) {
    throw startupError(startup);
  }

  const emit = options.emit ?? (() => {});
  const jobs = new Map<string, { cancelled: boolean }>();
  let safety: DatabaseSafety | undefined;
  const contextFor = (db: Database | null): ServiceContext => {
    const base = { dbPath: options.dbPath, now, staged };
    if (!db) return closedContext(base);
    return {
      ...base,
      db: db.db,
      sqlite: db.sqlite,
      readDb: db.readDb,
      readSqlite: db.readSqlite,
      read: new PreparedCache(db.readSqlite),
      // A verified backup before an import writes, when the data changed since the last one.
      beforeImport: backupOptions.beforeImport ? () => void safety?.backupIfChanged('import') : undefined,
    };
  };
  const runtime: EngineRuntime = {
    ctx: contextFor(database),
    mode: options.mode,
    appVersion: options.appVersion,
    cancelJob(jobId) {
      const job = jobs.get(jobId);
      if (!job) return false;
      job.cancelled = true;
      return true;
    },
    get safety() {
      return safety as DatabaseSafety;
    },
  };
  const install = (db: Database | null) => {
    database = db;
    runtime.ctx = contextFor(db);
  };
  const interval = options.progressIntervalMs ?? 100;
  let closed = false;
  // Calls under way (a restore waits for them) and the gate a restore closes behind it.
  let inFlight = 0;
  let gate: Promise<void> | null = null;

  safety = new DatabaseSafety(
    {
      dbPath: options.dbPath,
      backupDir,
      now,
      database: () => database,
      busy: () => jobs.size > 0,
      async takeOffline() {
        while (gate) await gate;
        let release!: () => void;
        gate = new Promise<void>((resolve) => {
          release = resolve;
        });
        const openGate = () => {
          gate = null;
          release();
        };
        while (inFlight > 0 && jobs.size === 0) await yieldToEventLoop();
        if (jobs.size > 0) {
          openGate();
          throw new AppError('BUSY', 'a long task is running; let it finish or cancel it, then restore');
        }
        const current = database;
        install(null);
        if (current) await current.close();
        return openGate;
      },
      async bringOnline() {
        const db = await open();
        install(db);
        return db;
      },
    },
    startup,
  );
  safety.startSchedule(backupOptions.intervalMs);

  function jobControl(channel: Channel, jobId: string): JobControl {
    const state = { cancelled: false };
    jobs.set(jobId, state);
    let lastEmit = 0;
    return {
      progress(done, total, phase) {
        const t = Date.now();
        if (done < total && t - lastEmit < interval) return;
        lastEmit = t;
        emit({ type: 'job.progress', jobId, channel, done, total, phase });
      },
      async checkpoint() {
        await yieldToEventLoop();
        if (state.cancelled) throw new AppError('CANCELLED', 'cancelled by the user; nothing was saved');
      },
    };
  }

  const call: EngineCall = async <C extends Channel>(channel: C, input: ChannelParsedInput<C>, callOptions: CallOptions = {}) => {
    while (gate) await gate;
    if (closed) return { ok: false, error: { code: 'ENGINE_UNAVAILABLE', message: 'the engine is closed' } };
    if (!database && !OFFLINE_CHANNELS.has(channel)) {
      return { ok: false, error: toErrorShape(startupError((safety as DatabaseSafety).state)) };
    }
    const exclusive = EXCLUSIVE_CHANNELS.has(channel);
    if (!exclusive) inFlight++;
    const def = contract[channel];
    const jobId = def.kind === 'job' ? (callOptions.jobId ?? `job-${Math.random().toString(36).slice(2)}`) : undefined;
    const control = jobId ? jobControl(channel, jobId) : noJobControl;
    let result: Result<unknown>;
    try {
      const handler = handlers[channel];
      const value = await handler(runtime, input, control);
      if (def.kind !== 'read' && channel !== 'jobs.cancel') emit({ type: 'data.changed', tables: [channel.split('.')[0] ?? channel] });
      result = { ok: true, value };
    } catch (err) {
      result = { ok: false, error: toErrorShape(err) };
    } finally {
      if (!exclusive) inFlight--;
    }
    if (jobId) {
      jobs.delete(jobId);
      emit({ type: 'job.finished', jobId, channel, ok: result.ok });
    }
    return result as never;
  };

  return {
    call,
    get database(): Database {
      if (!database) throw startupError((safety as DatabaseSafety).state);
      return database;
    },
    safety,
    async close() {
      if (closed) return;
      closed = true;
      safety?.stopSchedule();
      for (const job of jobs.values()) job.cancelled = true;
      while (gate) await gate;
      if (!database) return;
      if (backupOptions.onClose) {
        try {
          safety?.backupIfChanged('quit');
        } catch (err) {
          console.warn(`the backup at quit failed: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      await database.close();
    },
  };
}
