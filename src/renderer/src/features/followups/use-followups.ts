import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { call } from '../../lib/ipc';
import { followUpKeys, type FollowUpBucket, type TierFilter } from './followup-keys';
import { localTimeZone } from '../../lib/local-time';

/** Rows a list shows at once (the engine says when there are more). */
export const LIST_LIMIT = 200;
/** How far a count made by listing (tier filter, Done) counts before showing "n+". */
const COUNT_LIMIT = 999;
/** Local days roll over at midnight with no data change: re-ask now and then. */
const COUNTS_REFRESH_MS = 5 * 60_000;

/** One bucket's follow-ups under the owner and tier filters (nothing is fetched for `null`: a tab that is not a bucket). */
export function useFollowUpList(bucket: FollowUpBucket | null, owner: string | null, tiers: readonly TierFilter[]) {
  const timeZone = localTimeZone();
  const b = bucket ?? 'today';
  return useQuery({
    queryKey: followUpKeys.list(b, timeZone, owner, tiers, LIST_LIMIT),
    queryFn: () =>
      call('followups.list', { bucket: b, timeZone, tiers: [...tiers], limit: LIST_LIMIT, ...(owner !== null ? { owner } : {}) }),
    enabled: bucket !== null,
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
    queryFn: () =>
      call('followups.list', { bucket, timeZone, tiers: [...tiers], limit: COUNT_LIMIT, ...(owner !== null ? { owner } : {}) }),
    select: (r): BucketCount => ({ count: r.items.length, more: r.more }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The count shown on each tab, under the page's filters. */
export function useBucketCounts(
  owner: string | null,
  tiers: readonly TierFilter[],
): Partial<Record<Exclude<FollowUpBucket, 'open'>, BucketCount>> {
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

/** How many at-risk customers the churn-risk list asks for (the engine's most). */
export const CHURN_LIMIT = 1000;

export type ChurnRiskRow = ChannelOutput<'followups.churnRisk'>[number];

/**
 * Customers past their own buying rhythm, most valuable first, for the owner filter (the
 * customer's owner). The tier filter is applied here, to the rows the engine gave.
 */
export function useChurnRisk(owner: string | null, tiers: readonly TierFilter[]) {
  return useQuery({
    queryKey: followUpKeys.churnRisk(owner, CHURN_LIMIT),
    queryFn: () => call('followups.churnRisk', { limit: CHURN_LIMIT, ...(owner !== null ? { owner } : {}) }),
    select: (rows): { items: ChurnRiskRow[]; more: boolean } => ({
      items: tiers.length ? rows.filter((r) => (tiers as readonly string[]).includes(r.tier === '' ? 'none' : r.tier)) : rows,
      more: rows.length >= CHURN_LIMIT,
    }),
    placeholderData: keepPreviousData,
  });
}

/** Proposals the Plan tab lists (the totals count them all). */
export const PLAN_LIMIT = 200;

/**
 * The engine's proposed follow-ups for customers with none open. Working them out reads every
 * active customer, so it is asked for only while the Plan tab is open.
 */
export function useFollowUpPlan(enabled: boolean, owner: string | null, tiers: readonly TierFilter[]) {
  const timeZone = localTimeZone();
  return useQuery({
    queryKey: followUpKeys.plan(timeZone, PLAN_LIMIT, owner, tiers),
    queryFn: () => call('followups.plan', { timeZone, limit: PLAN_LIMIT, tiers: [...tiers], ...(owner !== null ? { owner } : {}) }),
    enabled,
  });
}

/** Overdue complaints the Today tab shows (the first ones by due-by), out of at most COMPLAINTS_FETCH asked for. */
export const OVERDUE_COMPLAINTS_SHOWN = 20;
const COMPLAINTS_FETCH = 500;

export type OverdueComplaint = ChannelOutput<'complaints.list'>[number];

/**
 * Open or in-progress complaints past their response target, earliest due first, of one owner
 * when the page is filtered by owner. Time makes complaints overdue, so it is re-asked now and then.
 */
export function useOverdueComplaints(owner: string | null) {
  return useQuery({
    queryKey: followUpKeys.overdueComplaints(COMPLAINTS_FETCH),
    queryFn: () => call('complaints.list', { overdueOnly: true, limit: COMPLAINTS_FETCH }),
    select: (rows): { items: OverdueComplaint[]; total: number; more: boolean } => {
      const mine = owner === null ? rows : rows.filter((k) => k.owner === owner);
      return { items: mine.slice(0, OVERDUE_COMPLAINTS_SHOWN), total: mine.length, more: rows.length >= COMPLAINTS_FETCH };
    },
    placeholderData: keepPreviousData,
    refetchInterval: COUNTS_REFRESH_MS,
  });
}
