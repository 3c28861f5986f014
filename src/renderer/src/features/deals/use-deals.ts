import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNotices } from '../../app/notice-context';
import { customerKeys } from '../../lib/customer-keys';
import { call, toIpcError, type IpcError } from '../../lib/ipc';
import { dealKeys } from './deal-keys';

/** Cards per column on the board (the totals count every deal). */
export const BOARD_LIMIT = 100;
export const STALE_LIMIT = 8;

export const useBoard = () =>
  useQuery({ queryKey: dealKeys.board(BOARD_LIMIT), queryFn: () => call('deals.board', { limit: BOARD_LIMIT }) });
export const useCustomerDeals = (customerId: number) =>
  useQuery({ queryKey: dealKeys.ofCustomer(customerId), queryFn: () => call('deals.list', { customerId, limit: 100 }) });
export const useStaleDeals = () =>
  useQuery({ queryKey: dealKeys.stale(STALE_LIMIT), queryFn: () => call('deals.stale', { limit: STALE_LIMIT }) });
export const usePipelineSettings = () => useQuery({ queryKey: dealKeys.settings, queryFn: () => call('deals.settings', {}) });

export type WriteResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

interface Messages<T> {
  done: (value: T) => string;
  conflict: string;
  /** Errors the caller shows itself (a field message in a dialog); others go to the alert region. */
  handles?: (error: IpcError) => boolean;
}

/**
 * Runs one write on a deal: announces it, reports a version conflict in its own words, shows any
 * other error (unless the caller handles it), and reloads deals, customers (a won deal's order
 * and classes) and timelines either way.
 */
export function useDealWrites() {
  const notices = useNotices();
  const client = useQueryClient();
  const refresh = useCallback(
    () =>
      Promise.all([
        client.invalidateQueries({ queryKey: dealKeys.all }),
        client.invalidateQueries({ queryKey: customerKeys.all }),
        client.invalidateQueries({ queryKey: ['followups'] }),
      ]),
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
