import { Worker } from 'node:worker_threads';
import { AppError, type Result } from '../../shared/errors';
import type { EngineEvent } from '../../shared/ipc/contract';
import type { EngineCall } from '../../shared/ipc/dispatch';
import type { SecretStore } from '../secrets/secret-store';
import type { EngineWorkerData, FromEngine, ToEngine } from './protocol';
import { answerSecret } from './secret-relay';

export interface EngineHandle {
  call: EngineCall;
  onEvent(listener: (event: EngineEvent) => void): () => void;
  close(): Promise<void>;
}

export interface WorkerStartOptions extends Omit<EngineWorkerData, 'secrets'> {
  /** The worker entry: the bundled engine-worker.js in the app, src/main/engine/worker.ts under tsx. */
  entry: string | URL;
  execArgv?: string[];
  /**
   * The store the engine keeps its secrets in (Electron main's, encrypted with safeStorage): the
   * worker asks for them by message. Without it the engine keeps them in the plain file beside the book.
   */
  secrets?: SecretStore;
}

/**
 * Starts the engine in a worker thread and returns a client whose `call` mirrors the in-process
 * engine. Rejects with the engine's own error (DB_TOO_NEW, DB_CORRUPT…) when it cannot start.
 */
export function startEngineWorker(options: WorkerStartOptions): Promise<EngineHandle> {
  const { entry, execArgv, secrets, ...rest } = options;
  const data: EngineWorkerData = { ...rest, ...(secrets ? { secrets: 'owner' as const } : {}) };
  const worker = new Worker(entry, { workerData: data, ...(execArgv ? { execArgv } : {}) });
  const pending = new Map<number, (r: Result<unknown>) => void>();
  const listeners = new Set<(e: EngineEvent) => void>();
  let nextId = 1;
  let exited = false;
  let onClosed: (() => void) | undefined;

  const failAll = (message: string) => {
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'ENGINE_UNAVAILABLE', message } });
    pending.clear();
  };

  return new Promise<EngineHandle>((resolveStart, rejectStart) => {
    let started = false;
    worker.on('message', (msg: FromEngine) => {
      switch (msg.type) {
        case 'ready':
          started = true;
          resolveStart(handle);
          break;
        case 'fatal':
          rejectStart(new AppError(msg.error.code, msg.error.message, msg.error.details));
          break;
        case 'result': {
          const resolve = pending.get(msg.id);
          pending.delete(msg.id);
          resolve?.(msg.result);
          break;
        }
        case 'event':
          for (const l of listeners) l(msg.event);
          break;
        case 'secret': {
          const { id, request } = msg;
          const reply = secrets
            ? answerSecret(secrets, request)
            : Promise.resolve({
                ok: false as const,
                error: { code: 'SECRETS_UNAVAILABLE' as const, message: 'this owner keeps no secrets' },
              });
          void reply.then((r) => {
            const answer: ToEngine = { type: 'secret.reply', id, reply: r };
            if (!exited) worker.postMessage(answer);
          });
          break;
        }
        case 'closed':
          onClosed?.();
          break;
      }
    });
    worker.on('error', (err) => {
      if (!started) rejectStart(err);
      failAll(`the engine stopped: ${err.message}`);
    });
    worker.on('exit', () => {
      exited = true;
      failAll('the engine stopped');
      onClosed?.();
    });

    const handle: EngineHandle = {
      call: ((channel, input, callOptions = {}) => {
        if (exited) return Promise.resolve({ ok: false, error: { code: 'ENGINE_UNAVAILABLE', message: 'the engine stopped' } });
        const id = nextId++;
        return new Promise((resolve) => {
          pending.set(id, resolve as (r: Result<unknown>) => void);
          const msg: ToEngine = { type: 'call', id, channel, input, options: callOptions };
          worker.postMessage(msg);
        });
      }) as EngineCall,
      onEvent(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      close() {
        if (exited) return Promise.resolve();
        return new Promise<void>((resolve) => {
          onClosed = () => {
            onClosed = undefined;
            void worker.terminate().then(() => resolve());
          };
          const msg: ToEngine = { type: 'close' };
          worker.postMessage(msg);
        });
      },
    };
  });
}
