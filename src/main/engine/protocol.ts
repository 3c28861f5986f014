import type { AppErrorShape, Result } from '../../shared/errors';
import type { CallOptions, EngineEvent } from '../../shared/ipc/contract';

/** What the owner (Electron main, the bridge, a test) tells the engine worker at start. */
export interface EngineWorkerData {
  dbPath: string;
  nativeBinding?: string;
  appVersion: string;
  /** Start in recovery when the database cannot be opened (see EngineOptions.recovery). */
  recovery?: boolean;
  /** Automatic backups (see EngineOptions.backups); the app and the browser harness schedule them. */
  backups?: { intervalMs?: number; onClose?: boolean; beforeImport?: boolean };
  /** Where a new data folder is remembered (see EngineOptions.locationFile). */
  locationFile?: string;
}

export type ToEngine = { type: 'call'; id: number; channel: string; input: unknown; options: CallOptions } | { type: 'close' };

export type FromEngine =
  | { type: 'ready' }
  | { type: 'fatal'; error: AppErrorShape }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; event: EngineEvent }
  | { type: 'closed' };
