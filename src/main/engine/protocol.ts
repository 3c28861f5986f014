import type { AppErrorShape, Result } from '../../shared/errors';
import type { CallOptions, EngineEvent } from '../../shared/ipc/contract';

/** What the owner (Electron main, the bridge, a test) tells the engine worker at start. */
export interface EngineWorkerData {
  dbPath: string;
  nativeBinding?: string;
  /** The folder of the font quotation PDFs embed (the installed app's resources/fonts); else node_modules. */
  fontsDir?: string;
  appVersion: string;
  /** Start in recovery when the database cannot be opened (see EngineOptions.recovery). */
  recovery?: boolean;
  /** Automatic backups (see EngineOptions.backups); the app and the browser harness schedule them. */
  backups?: { intervalMs?: number; onClose?: boolean; beforeImport?: boolean };
  /** Where a new data folder is remembered (see EngineOptions.locationFile). */
  locationFile?: string;
  /**
   * Where the engine keeps its secrets (the team token): 'owner' asks the owner by `secret`
   * messages (Electron main, whose store encrypts with safeStorage); without it the engine uses
   * the plain file beside the book (secrets/secret-store.ts).
   */
  secrets?: 'owner';
}

/** A secret the engine asks its owner to read, keep or forget (names such as 'team.token'). */
export type SecretRequest = { op: 'get'; name: string } | { op: 'set'; name: string; value: string } | { op: 'delete'; name: string };

/** The owner's answer: the value for a get (null when there is none), null for a set or delete. */
export type SecretReply = Result<string | null>;

export type ToEngine =
  | { type: 'call'; id: number; channel: string; input: unknown; options: CallOptions }
  | { type: 'secret.reply'; id: number; reply: SecretReply }
  | { type: 'close' };

export type FromEngine =
  | { type: 'ready' }
  | { type: 'fatal'; error: AppErrorShape }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; event: EngineEvent }
  | { type: 'secret'; id: number; request: SecretRequest }
  | { type: 'closed' };
