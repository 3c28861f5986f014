import type { AppErrorShape, Result } from '../../shared/errors';
import type { CallOptions, EngineEvent } from '../../shared/ipc/contract';

/** What the owner (Electron main, the bridge, a test) tells the engine worker at start. */
export interface EngineWorkerData {
  dbPath: string;
  nativeBinding?: string;
  appVersion: string;
}

export type ToEngine =
  | { type: 'call'; id: number; channel: string; input: unknown; options: CallOptions }
  | { type: 'close' };

export type FromEngine =
  | { type: 'ready' }
  | { type: 'fatal'; error: AppErrorShape }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; event: EngineEvent }
  | { type: 'closed' };
