import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { GlobalSearchResult } from '../../../../shared/domain/search';
import { call } from '../../lib/ipc';
import { useDebouncedValue } from '../../lib/use-debounced-value';

/** Long enough to skip the keystrokes of a word typed in one go, short enough to feel instant. */
export const SEARCH_DEBOUNCE_MS = 100;

const searchKey = (query: string) => ['search.global', query] as const;
const fetchSearch = (query: string) => call('search.global', { query });

/**
 * Results for what is typed, once typing pauses. While a new answer is on its way the previous
 * one stays (its `query` says what it answers); `now` fetches the current text at once (Enter).
 */
export function useGlobalSearch(text: string): {
  result: GlobalSearchResult | undefined;
  pending: boolean;
  now: () => Promise<GlobalSearchResult>;
} {
  const client = useQueryClient();
  const current = text.trim();
  const settled = useDebouncedValue(current, SEARCH_DEBOUNCE_MS);
  const query = useQuery({
    queryKey: searchKey(settled),
    queryFn: () => fetchSearch(settled),
    enabled: settled !== '',
    placeholderData: keepPreviousData,
    // Search results are cheap to ask again; do not keep one per keystroke for long.
    gcTime: 10_000,
  });
  const now = useCallback(
    () => client.fetchQuery({ queryKey: searchKey(current), queryFn: () => fetchSearch(current) }),
    [client, current],
  );
  const result = current === '' ? undefined : query.data;
  return { result, pending: current !== '' && (settled !== current || query.isFetching), now };
}
