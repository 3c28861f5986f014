import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { AppError, toErrorShape, type Result } from '../../shared/errors';
import { contract, type CallOptions, type Channel, type ChannelParsedInput, type EngineEvent } from '../../shared/ipc/contract';
import type { EngineCall } from '../../shared/ipc/dispatch';
import { openDatabase, type Database } from '../db/open';
import { PreparedCache, noJobControl, type JobControl, type ServiceContext } from '../services/context';
import { StagedFiles } from '../import/staged-files';
import { handlers, type EngineRuntime } from './handlers';

export interface EngineOptions {
  dbPath: string;
  nativeBinding?: string;
  mode: 'worker' | 'in-process';
  appVersion: string;
  emit?: (event: EngineEvent) => void;
  now?: () => Date;
  /** Minimum milliseconds between two progress events of one job. */
  progressIntervalMs?: number;
}

export interface Engine {
  call: EngineCall;
  database: Database;
  close(): Promise<void>;
}

/**
 * The engine: the database and every service behind one `call`. It trusts its input (the front
 * doors validate against the contract) and returns errors as values. It runs inside a worker
 * thread in the app and in the bridge, or in-process for the CLI and unit tests.
 */
export async function createEngine(options: EngineOptions): Promise<Engine> {
  const database = await openDatabase(options.dbPath, { nativeBinding: options.nativeBinding });
  const emit = options.emit ?? (() => {});
  const ctx: ServiceContext = {
    db: database.db,
    sqlite: database.sqlite,
    readDb: database.readDb,
    readSqlite: database.readSqlite,
    read: new PreparedCache(database.readSqlite),
    dbPath: options.dbPath,
    now: options.now ?? (() => new Date()),
    staged: new StagedFiles(),
  };
  const jobs = new Map<string, { cancelled: boolean }>();
  const runtime: EngineRuntime = {
    ctx,
    mode: options.mode,
    appVersion: options.appVersion,
    cancelJob(jobId) {
      const job = jobs.get(jobId);
      if (!job) return false;
      job.cancelled = true;
      return true;
    },
  };
  const interval = options.progressIntervalMs ?? 100;
  let closed = false;

  function jobControl(channel: Channel, jobId: string): JobControl {
    const state = { cancelled: false };
    jobs.set(jobId, state);
    let lastEmit = 0;
    return {
      progress(done, total, phase) {
        const now = Date.now();
        if (done < total && now - lastEmit < interval) return;
        lastEmit = now;
        emit({ type: 'job.progress', jobId, channel, done, total, phase });
      },
      async checkpoint() {
        await yieldToEventLoop();
        if (state.cancelled) throw new AppError('CANCELLED', 'cancelled by the user; nothing was saved');
      },
    };
  }

  const call: EngineCall = async <C extends Channel>(channel: C, input: ChannelParsedInput<C>, callOptions: CallOptions = {}) => {
    if (closed) return { ok: false, error: { code: 'ENGINE_UNAVAILABLE', message: 'the engine is closed' } };
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
    }
    if (jobId) {
      jobs.delete(jobId);
      emit({ type: 'job.finished', jobId, channel, ok: result.ok });
    }
    return result as never;
  };

  return {
    call,
    database,
    async close() {
      closed = true;
      for (const job of jobs.values()) job.cancelled = true;
      await database.close();
    },
  };
}
