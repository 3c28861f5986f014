import { Worker } from 'node:worker_threads';
import { AppError, type Result } from '../../shared/errors';
import type { EngineEvent } from '../../shared/ipc/contract';
import type { EngineCall } from '../../shared/ipc/dispatch';
import type { EngineWorkerData, FromEngine, ToEngine } from './protocol';

export interface EngineHandle {
  call: EngineCall;
  onEvent(listener: (event: EngineEvent) => void): () => void;
  close(): Promise<void>;
}

export interface WorkerStartOptions extends EngineWorkerData {
  /** The worker entry: the bundled engine-worker.js in the app, src/main/engine/worker.ts under tsx. */
  entry: string | URL;
  execArgv?: string[];
}

/**
 * Starts the engine in a worker thread and returns a client whose `call` mirrors the in-process
 * engine. Rejects with the engine's own error (DB_TOO_NEW, DB_CORRUPT…) when it cannot start.
 */
export function startEngineWorker(options: WorkerStartOptions): Promise<EngineHandle> {
  const { entry, execArgv, ...data } = options;
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
