import type { FOLLOW_UP_BUCKETS, TimelineEntry } from '../../../../shared/domain/followups';

export type FollowUpBucket = (typeof FOLLOW_UP_BUCKETS)[number];
export type TierFilter = 'A' | 'B' | 'C' | 'none';
export type TimelineKind = TimelineEntry['kind'];

/** Query-cache keys for follow-ups; everything starts with 'followups'. */
export const followUpKeys = {
  all: ['followups'] as const,
  list: (bucket: FollowUpBucket, timeZone: string, owner: string | null, tiers: readonly TierFilter[], limit: number) =>
    ['followups', 'list', bucket, timeZone, owner, tiers, limit] as const,
  counts: (timeZone: string, owner: string | null) => ['followups', 'counts', timeZone, owner] as const,
  churnRisk: (owner: string | null, limit: number) => ['followups', 'churnRisk', owner, limit] as const,
  plan: (timeZone: string, limit: number, owner: string | null, tiers: readonly string[]) =>
    ['followups', 'plan', timeZone, limit, owner, tiers.join(',')] as const,
  overdueComplaints: (limit: number) => ['followups', 'overdueComplaints', limit] as const,
  timeline: (customerId: number, kinds: readonly TimelineKind[], limit: number) =>
    ['followups', 'timeline', customerId, kinds, limit] as const,
};
