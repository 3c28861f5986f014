import { QueryCache, QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { EngineEvent } from '../../../shared/ipc/contract';
import { toIpcError, type IpcError } from './ipc';

/**
 * The renderer's data cache. Reads are cheap (the engine answers from a read connection), so data
 * stays fresh until the engine says it changed (`data.changed`), not on a timer.
 */
export function createQueryClient(onQueryError: (error: IpcError) => void): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: (err) => onQueryError(toIpcError(err)) }),
    defaultOptions: {
      queries: {
        staleTime: Infinity,
        gcTime: 60_000,
        retry: false,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

/** Invalidates every query when the engine reports a data change, so all views reload what they show. */
export function useInvalidateOnDataChange(client: QueryClient): void {
  useEffect(() => {
    if (typeof window === 'undefined' || !window.api) return undefined;
    return window.api.onEvent((event: EngineEvent) => {
      if (event.type === 'data.changed') void client.invalidateQueries();
    });
  }, [client]);
}
