import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { call } from '../../lib/ipc';
import { followUpKeys, type FollowUpBucket, type TierFilter } from './followup-keys';
import { localTimeZone } from './local-time';

/** Rows a list shows at once (the engine says when there are more). */
export const LIST_LIMIT = 200;
/** How far a count made by listing (tier filter, Done) counts before showing "n+". */
const COUNT_LIMIT = 999;
/** Local days roll over at midnight with no data change: re-ask now and then. */
const COUNTS_REFRESH_MS = 5 * 60_000;

/** One bucket's follow-ups under the owner and tier filters. */
export function useFollowUpList(bucket: FollowUpBucket, owner: string | null, tiers: readonly TierFilter[]) {
  const timeZone = localTimeZone();
  return useQuery({
    queryKey: followUpKeys.list(bucket, timeZone, owner, tiers, LIST_LIMIT),
    queryFn: () => call('followups.list', { bucket, timeZone, tiers: [...tiers], limit: LIST_LIMIT, ...(owner !== null ? { owner } : {}) }),
  });
}

/** Overdue / today / next 7 days counts in local days (all owners unless one is given). */
export function useFollowUpCounts(owner: string | null = null) {
  const timeZone = localTimeZone();
  return useQuery({
    queryKey: followUpKeys.counts(timeZone, owner),
    queryFn: () => call('followups.counts', { timeZone, ...(owner !== null ? { owner } : {}) }),
    placeholderData: keepPreviousData,
    refetchInterval: COUNTS_REFRESH_MS,
  });
}

export interface BucketCount {
  count: number;
  /** The true number is larger (counted by listing, which stops at a limit). */
  more: boolean;
}

/** A bucket's size by listing it: for Done and for tier filters, which followups.counts does not take. */
function useListedCount(bucket: FollowUpBucket, owner: string | null, tiers: readonly TierFilter[], enabled: boolean) {
  const timeZone = localTimeZone();
  return useQuery({
    queryKey: followUpKeys.list(bucket, timeZone, owner, tiers, COUNT_LIMIT),
    queryFn: () => call('followups.list', { bucket, timeZone, tiers: [...tiers], limit: COUNT_LIMIT, ...(owner !== null ? { owner } : {}) }),
    select: (r): BucketCount => ({ count: r.items.length, more: r.more }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The count shown on each tab, under the page's filters. */
export function useBucketCounts(owner: string | null, tiers: readonly TierFilter[]): Partial<Record<Exclude<FollowUpBucket, 'open'>, BucketCount>> {
  const byTier = tiers.length > 0;
  const counts = useFollowUpCounts(owner);
  const overdue = useListedCount('overdue', owner, tiers, byTier);
  const today = useListedCount('today', owner, tiers, byTier);
  const upcoming = useListedCount('upcoming', owner, tiers, byTier);
  const done = useListedCount('done', owner, tiers, true);
  const fromCounts = (n: number | undefined) => (n === undefined ? undefined : { count: n, more: false });
  return {
    overdue: byTier ? overdue.data : fromCounts(counts.data?.overdue),
    today: byTier ? today.data : fromCounts(counts.data?.today),
    upcoming: byTier ? upcoming.data : fromCounts(counts.data?.upcoming),
    done: done.data,
  };
}
