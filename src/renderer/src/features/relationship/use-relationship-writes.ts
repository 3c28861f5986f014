import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNotices } from '../../app/notice-context';
import { toIpcError, type IpcError } from '../../lib/ipc';
import { complaintKeys, needKeys } from './relationship-keys';

export type WriteResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

interface Messages<T> {
  /** The confirmation announced in the status region. */
  done: (value: T) => string;
  /** What to say when the record was changed elsewhere (CONFLICT): the lists are reloaded. */
  conflict: string;
  /** Errors the caller shows itself (a field message in a dialog); others go to the alert region. */
  handles?: (error: IpcError) => boolean;
}

/**
 * Runs one write on a need or complaint: announces success, reports a version conflict in its own
 * words, shows any other error (unless the caller handles it), and reloads needs and complaints
 * either way, so the screen shows what the engine has now.
 */
export function useRelationshipWrites() {
  const notices = useNotices();
  const client = useQueryClient();

  const refresh = useCallback(
    () => Promise.all([client.invalidateQueries({ queryKey: needKeys.all }), client.invalidateQueries({ queryKey: complaintKeys.all })]),
    [client],
  );

  const run = useCallback(
    async <T>(action: () => Promise<T>, messages: Messages<T>): Promise<WriteResult<T>> => {
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

  return { run, refresh };
}
