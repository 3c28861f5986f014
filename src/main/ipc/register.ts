import type { Result } from '../../shared/errors';
import { CHANNELS, IPC_EVENT_CHANNEL, IPC_PREFIX, type CallOptions, type EngineEvent } from '../../shared/ipc/contract';
import { dispatch, type EngineCall } from '../../shared/ipc/dispatch';

/** The part of an ipcMain.handle event this layer reads. */
export interface IpcInvokeEventLike {
  readonly senderFrame?: { readonly url: string } | null;
}

/** The slice of Electron's ipcMain used here, so tests can hand in a fake. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface RegisterOptions {
  /** Whether the sending frame's URL is the app's own page (see window/security isTrustedSenderUrl). */
  isTrustedSender(url: string): boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Call options as the page sent them, reduced to the known keys; dispatch validates the values. */
function readOptions(raw: unknown): CallOptions | null {
  if (raw === undefined || raw === null) return {};
  if (!isRecord(raw)) return null;
  return raw.jobId === undefined ? {} : { jobId: raw.jobId as string };
}

/**
 * Registers one `ipcMain.handle` per contract channel (and no other). Each call is checked for
 * its sender frame, validated against the contract and handed to the engine; the answer is
 * always a Result value, never a thrown error. Returns a disposer that removes every handler.
 */
/** Whether the calling frame's URL is the app's own page; a check that throws counts as no. */
function senderIsTrusted(url: unknown, options: RegisterOptions): boolean {
  try {
    return typeof url === 'string' && url !== '' && options.isTrustedSender(url);
  } catch {
    return false;
  }
}

export function registerIpcHandlers(ipcMain: IpcMainLike, engineCall: EngineCall, options: RegisterOptions): () => void {
  const registered: string[] = [];
  for (const channel of CHANNELS) {
    const name = IPC_PREFIX + channel;
    ipcMain.handle(name, async (event, input, rawOptions): Promise<Result<unknown>> => {
      const url = event?.senderFrame?.url;
      if (!senderIsTrusted(url, options)) {
        return { ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'this page may not call ExportDesk' } };
      }
      const callOptions = readOptions(rawOptions);
      if (callOptions === null) {
        return { ok: false, error: { code: 'INVALID_INPUT', message: 'call options must be an object' } };
      }
      return dispatch(engineCall, channel, input, callOptions);
    });
    registered.push(name);
  }
  let disposed = false;
  return () => {
    if (disposed) return;
    disposed = true;
    for (const name of registered) ipcMain.removeHandler(name);
  };
}

/**
 * Forwards every engine event to the windows on IPC_EVENT_CHANNEL. `send` reaches all windows
 * (the app sends only to windows showing its own page). Returns the unsubscribe.
 */
export function forwardEvents(
  onEvent: (listener: (event: EngineEvent) => void) => () => void,
  send: (channel: string, event: EngineEvent) => void,
): () => void {
  return onEvent((event) => {
    try {
      send(IPC_EVENT_CHANNEL, event);
    } catch (err) {
      console.warn(`could not forward an engine event: ${String(err)}`);
    }
  });
}
