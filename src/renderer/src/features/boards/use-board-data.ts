import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { BoardDimension } from '../../../../shared/domain/classification-enums';
import type { CustomerFilterInput } from '../../../../shared/domain/customer';
import { call } from '../../lib/ipc';
import { boardKeys } from './board-keys';

/** Cards per page: the first page of every visible column, then more as the column scrolls. */
export const CARDS_PAGE = 30;

/** The columns of one dimension (classes with counts and revenue), under a filter. */
export function useBoardColumns(dimension: BoardDimension, filter: CustomerFilterInput, enabled = true) {
  return useQuery({
    queryKey: boardKeys.columns(dimension, filter),
    queryFn: () => call('boards.columns', { dimension, filter }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** One column's cards, by revenue (highest first), a page at a time; loads only when `enabled`. */
export function useBoardCards(dimension: BoardDimension, filter: CustomerFilterInput, key: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: boardKeys.cards(dimension, filter, key),
    queryFn: ({ pageParam }) =>
      call('boards.cards', { dimension, key, filter, limit: CARDS_PAGE, ...(pageParam ? { after: pageParam } : {}) }),
    initialPageParam: null as { revenueMinor: number; id: number } | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
  });
}

/** Saved board views (name + dimension + filter), by name. */
export function useBoardViews() {
  return useQuery({
    queryKey: boardKeys.views,
    queryFn: () => call('views.list', { kind: 'board' }),
  });
}

/** Industries and owners of active customers, with counts, for the toolbar filters. */
export function useBoardFacets(enabled: boolean) {
  return useQuery({
    queryKey: boardKeys.facets,
    queryFn: () => call('customers.facets', { archived: 'active' }),
    placeholderData: keepPreviousData,
    enabled,
  });
}
