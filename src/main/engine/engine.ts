import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { AppError, toErrorShape, type Result } from '../../shared/errors';
import { contract, type CallOptions, type Channel, type ChannelParsedInput, type EngineEvent } from '../../shared/ipc/contract';
import type { EngineCall } from '../../shared/ipc/dispatch';
import { openDatabase, serviceHandles, type Database } from '../db/open';
import { noJobControl, type JobControl, type ServiceContext } from '../services/context';
import { StagedFiles } from '../import/staged-files';
import { backupDirFor } from '../safety/backups';
import { DatabaseSafety, type SafetyHost } from '../safety/database-safety';
import { checkDatabaseFile, problemFromOpenError, startupError, type StartupCheck } from '../safety/startup-check';
import { sampleBackupDirFor } from '../workspace/workspace-files';
import { Workspaces } from '../workspace/workspaces';
import { TeamSync, type TeamSyncOptions } from '../services/team/team-sync';
import { applyPoolRules } from '../services/pool/apply-rules';
import { startPoolSchedule, type PoolScheduleOptions } from '../services/pool/schedule';
import { handlers, type EngineRuntime } from './handlers';
import { loadBuyerLibs, needsBuyerLibs } from '../services/customers/buyer-zone';
import { adoptingStore, plainSecretStore, plainSecretsPathFor, type SecretStore } from '../secrets/secret-store';

export interface EngineBackupOptions {
  /** The backup folder when the preferences name none (default: `backups` beside the database). */
  dir?: string;
  /** Back up before every import that writes, when the data changed since the last backup (default true). */
  beforeImport?: boolean;
  /**
   * Back up every so many milliseconds when the data changed, until the preferences set their own
   * interval (prefs.backups.intervalMinutes, applied at start and at once when saved). 0, the
   * default, means no schedule at all, whatever the preferences say (tests, CLI); the app and the
   * browser harness pass 30 minutes. See BackupSchedulePolicy.
   */
  intervalMs?: number;
  /** Milliseconds in one minute of the preferences' interval (default 60 000; tests shorten it). */
  minuteMs?: number;
  /** Back up when the engine closes, when the data changed (the app and the browser harness at quit). */
  onClose?: boolean;
}

export interface EngineOptions {
  dbPath: string;
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
  /**
   * Where a data folder chosen in Settings is remembered for the next start (the app:
   * userData/location.json, read by resolveDbPath). Without it, workspace.moveData lasts for this session.
   */
  locationFile?: string;
  /** Rows an import reads, plans, matches and writes at a time (default IMPORT_CHUNK_ROWS). */
  importChunkRows?: number;
  /**
   * The team sync (#19): `background: true` syncs while the book is in a team (the app's worker);
   * without it the team channels still join, sync now and leave (the CLI, tests).
   */
  team?: TeamSyncOptions;
  /**
   * The pool's return rules (#20) applied by the engine itself, soon after start and daily, on a
   * book not in a team whose rules were saved (the app's worker); without it only pool.applyRules
   * applies them (the CLI, tests). Timings default to services/pool/schedule.ts's.
   */
  poolRules?: { schedule: boolean } & Partial<Pick<PoolScheduleOptions, 'firstDelayMs' | 'everyMs' | 'checkMs'>>;
  /**
   * Where secrets (the team token) are kept: the app's store, encrypted with safeStorage (in the
   * worker, a relay to Electron main). A secret still in the plain file beside the book (the CLI
   * joined this book) moves into it when read. Without it: the plain file beside the main book.
   */
  secrets?: SecretStore;
}

export interface Engine {
  call: EngineCall;
  /** The open database; throws the start-up error (DB_CORRUPT, DB_TOO_NEW…) while there is none. */
  readonly database: Database;
  /** Backups, the start-up state and restoring (the CLI's backup --out and restore <file>) of the database being served. */
  readonly safety: DatabaseSafety;
  /** The user's database and the sample one, and the data folder. */
  readonly workspaces: Workspaces;
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
const EXCLUSIVE_CHANNELS: ReadonlySet<Channel> = new Set<Channel>([
  'safety.restoreLatest',
  'safety.startEmpty',
  'backups.restore',
  'workspace.openSample',
  'workspace.openMain',
  'workspace.removeSample',
  'workspace.moveData',
]);

function unavailable(): never {
  throw new AppError('ENGINE_UNAVAILABLE', 'the database is not open');
}

/** A service context without a database (recovery, mid-restore): any use of the database fails with a code. */
function closedContext(base: Pick<ServiceContext, 'dbPath' | 'now' | 'staged'>): ServiceContext {
  const ctx = { ...base } as ServiceContext;
  for (const key of ['db', 'read'] as const) Object.defineProperty(ctx, key, { get: unavailable });
  return ctx;
}

/**
 * The engine: the database and every service behind one `call`. It trusts its input (the front
 * doors validate against the contract) and returns errors as values. It runs inside a worker
 * thread in the app and in the bridge, or in-process for the CLI and unit tests.
 */
export async function createEngine(options: EngineOptions): Promise<Engine> {
  const now = options.now ?? (() => new Date());
  const staged = new StagedFiles(undefined, undefined, options.importChunkRows);
  const backupOptions = { beforeImport: true, intervalMs: 0, minuteMs: 60_000, onClose: false, ...options.backups };
  // The plain secrets file beside the main book (the book may move: workspace.moveData).
  let mainDbPath = () => options.dbPath;
  let plain: SecretStore | undefined;
  const plainStore = (): SecretStore => {
    const where = plainSecretsPathFor(mainDbPath());
    if (plain?.where !== where) plain = plainSecretStore(where);
    return plain;
  };
  const secrets: SecretStore = options.secrets
    ? adoptingStore(options.secrets, plainStore)
    : {
        kind: 'plain-file',
        get where() {
          return plainStore().where;
        },
        get: (name) => plainStore().get(name),
        set: (name, value) => plainStore().set(name, value),
        delete: (name) => plainStore().delete(name),
      };
  const openAt = (path: string) => openDatabase(path, { secrets });

  // The start-up check: read-only, quick_check, and a database from a newer app is refused.
  let startup: StartupCheck = checkDatabaseFile(options.dbPath);
  let database: Database | null = null;
  if (startup.state === 'ok') {
    try {
      database = await openAt(options.dbPath);
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
  /** The safety side of the sample database while it is open (its own backup folder, no automatic backups). */
  let sampleSafety: DatabaseSafety | undefined;
  const servedSafety = () => (workspaces.kind === 'sample' && sampleSafety ? sampleSafety : (safety as DatabaseSafety));
  const workspaces: Workspaces = new Workspaces(
    {
      locationFile: options.locationFile,
      now,
      database: () => database,
      backupDir: () => (safety as DatabaseSafety).backupDir,
      otherJobs: (ownJob) => jobs.size > (ownJob ? 1 : 0),
      hold: (ownJob) => hold(ownJob),
      serve,
      leaving(kind) {
        // The main database's unsaved changes are remembered while the sample is open.
        if (kind === 'main') safety?.suspend();
      },
      entered(kind, db, moved) {
        sampleSafety?.stopSchedule();
        sampleSafety = undefined;
        if (kind === 'main') safety?.resume(db, moved);
        else {
          const host = {
            ...safetyHost,
            dbPath: db.path,
            backupDir: sampleBackupDirFor(workspaces.mainDbPath),
            database: () => (workspaces.kind === 'sample' ? database : null),
          };
          sampleSafety = new DatabaseSafety(host, { state: 'ok', problem: null });
        }
      },
    },
    options.dbPath,
  );
  mainDbPath = () => workspaces.mainDbPath;
  const open = () => openAt(workspaces.currentPath);
  const contextFor = (db: Database | null): ServiceContext => {
    const base = { dbPath: db ? db.path : workspaces.currentPath, now, staged };
    if (!db) return closedContext(base);
    return {
      ...base,
      ...serviceHandles(db),
      // A verified backup before an import writes, when the data changed since the last one.
      beforeImport: backupOptions.beforeImport ? () => void safety?.backupIfChanged('import') : undefined,
    };
  };
  const team = new TeamSync(
    {
      // Only the user's own book syncs, never the sample.
      ctx: () => (database && workspaces.kind === 'main' ? runtime.ctx : null),
      emit: (event) => emit(event),
      now,
      secrets,
    },
    options.team,
  );
  const runtime: EngineRuntime = {
    team,
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
      return servedSafety();
    },
    workspaces,
  };
  const install = (db: Database | null) => {
    const changed = database !== db;
    database = db;
    runtime.ctx = contextFor(db);
    // Another book (a restore, the sample, back): the sync follows the one served.
    if (changed && !closed) void team.restart();
  };
  const interval = options.progressIntervalMs ?? 100;
  let closed = false;
  // Calls under way (a restore waits for them) and the gate a restore closes behind it.
  let inFlight = 0;
  let gate: Promise<void> | null = null;

  /**
   * Waits for the calls in flight and holds new ones back (a restore, a switch of workspace); BUSY
   * while a long job runs (besides the caller's own). Resolves with the release.
   */
  async function hold(ownJob = false): Promise<() => void> {
    while (gate) await gate;
    let release!: () => void;
    gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const openGate = () => {
      gate = null;
      release();
    };
    const others = () => jobs.size - (ownJob ? 1 : 0);
    while (inFlight > 0 && others() === 0) await yieldToEventLoop();
    if (others() > 0) {
      openGate();
      throw new AppError('BUSY', 'a long task is running; let it finish or cancel it, then try again');
    }
    return openGate;
  }
  /** While holding: closes the database being served and serves (opens, migrates) the one at `path`. */
  async function serve(path: string): Promise<Database> {
    const current = database;
    install(null);
    if (current) await current.close();
    const db = await openAt(path);
    install(db);
    return db;
  }
  const safetyHost: Pick<SafetyHost, 'now' | 'busy' | 'takeOffline' | 'bringOnline'> = {
    now,
    // No scheduled backup while a long job runs or the database is being replaced.
    busy: () => jobs.size > 0 || gate !== null,
    async takeOffline() {
      const release = await hold();
      const current = database;
      install(null);
      if (current) await current.close();
      return release;
    },
    async bringOnline() {
      const db = await open();
      install(db);
      return db;
    },
  };

  safety = new DatabaseSafety(
    {
      ...safetyHost,
      get dbPath() {
        return workspaces.mainDbPath;
      },
      get backupDir() {
        return backupOptions.dir ?? backupDirFor(workspaces.mainDbPath);
      },
      // Only while the main database is served: the sample is never backed up under its name.
      database: () => (workspaces.kind === 'main' && database?.path === workspaces.mainDbPath ? database : null),
    },
    startup,
    // The backup folder and schedule from the preferences apply once the database is open (see BackupSchedulePolicy).
    { defaultIntervalMs: backupOptions.intervalMs, minuteMs: backupOptions.minuteMs },
  );

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
    const jobId =
      def.kind === 'job' || def.kind === 'read-job' ? (callOptions.jobId ?? `job-${Math.random().toString(36).slice(2)}`) : undefined;
    const control = jobId ? jobControl(channel, jobId) : noJobControl;
    let result: Result<unknown>;
    try {
      const handler = handlers[channel];
      // "In working hours now" and the good-time-to-call sort need the holiday library, loaded on first use (buyer-zone.ts).
      if (needsBuyerLibs(input)) await loadBuyerLibs();
      const value = await handler(runtime, input, control);
      if ((def.kind === 'write' || def.kind === 'job') && channel !== 'jobs.cancel') {
        emit({ type: 'data.changed', tables: [channel.split('.')[0] ?? channel] });
        // A local write: the team sync pushes it soon (its own channels push as they go).
        if (!channel.startsWith('team.')) team.localChange();
      }
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

  // A book in a team syncs in the background (when the options allow it).
  team.start();

  // The pool's return rules, off the start's path: never while a long job runs or the book is being replaced.
  const poolSchedule = options.poolRules?.schedule
    ? startPoolSchedule({
        ...options.poolRules,
        now: () => now().getTime(),
        async run() {
          while (gate) await gate;
          if (closed || !database || jobs.size > 0) return false;
          inFlight++;
          try {
            const { returned } = await applyPoolRules(runtime.ctx, { onlySaved: true });
            if (returned > 0) emit({ type: 'data.changed', tables: ['customers', 'pool'] });
            return true;
          } finally {
            inFlight--;
          }
        },
      })
    : null;

  return {
    call,
    get database(): Database {
      if (!database) throw startupError((safety as DatabaseSafety).state);
      return database;
    },
    get safety() {
      return servedSafety();
    },
    workspaces,
    async close() {
      if (closed) return;
      closed = true;
      poolSchedule?.stop();
      await team.stop();
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
