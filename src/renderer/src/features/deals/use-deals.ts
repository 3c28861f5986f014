import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { customerKeys } from '../../lib/customer-keys';
import { call } from '../../lib/ipc';
import { useWriteAction } from '../../lib/use-write-action';
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

export type { WriteResult } from '../../lib/use-write-action';

/**
 * Runs one write on a deal: announces it, reports a version conflict in its own words, shows any
 * other error (unless the caller handles it), and reloads deals, customers (a won deal's order
 * and classes) and timelines either way.
 */
export function useDealWrites() {
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
  const run = useWriteAction(refresh);
  return { run, refresh };
}
