import type { FOLLOW_UP_BUCKETS } from '../../../../shared/domain/followups';

export type FollowUpBucket = (typeof FOLLOW_UP_BUCKETS)[number];
export type TierFilter = 'A' | 'B' | 'C' | 'none';

/** Query-cache keys for follow-ups; everything starts with 'followups'. */
export const followUpKeys = {
  all: ['followups'] as const,
  list: (bucket: FollowUpBucket, timeZone: string, owner: string | null, tiers: readonly TierFilter[], limit: number) =>
    ['followups', 'list', bucket, timeZone, owner, tiers, limit] as const,
  counts: (timeZone: string, owner: string | null) => ['followups', 'counts', timeZone, owner] as const,
};
