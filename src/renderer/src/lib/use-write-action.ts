import { useCallback } from 'react';
import { useNotices } from '../app/notice-context';
import { toIpcError, type IpcError } from './ipc';

export type WriteResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export interface WriteMessages<T> {
  /** The confirmation announced in the status region. */
  done: (value: T) => string;
  /** What to say when the record was changed elsewhere (CONFLICT): the lists are reloaded. */
  conflict: string;
  /** Errors the caller shows itself (a field message in a dialog); others go to the alert region. */
  handles?: (error: IpcError) => boolean;
}

/**
 * Runs one write of a feature: announces success, reports a version conflict in the feature's own
 * words, shows any other error (unless the caller handles it), and runs `refresh` either way, so
 * the screen shows what the engine has now. `refresh` should be stable (useCallback).
 */
export function useWriteAction(refresh: () => Promise<unknown>) {
  const notices = useNotices();
  return useCallback(
    async <T>(action: () => Promise<T>, messages: WriteMessages<T>): Promise<WriteResult<T>> => {
      notices.clearError();
      try {
        const value = await action();
        notices.announce(messages.done(value));
        return { ok: true, value };
      } catch (err) {
        const error = toIpcError(err);
        if (error.code === 'CONFLICT') notices.announce(messages.conflict);
        else if (!messages.handles?.(error)) notices.showError(error);
        return { ok: false, error };
      } finally {
        await refresh();
      }
    },
    [notices, refresh],
  );
}
