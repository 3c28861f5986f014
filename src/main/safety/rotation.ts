/**
 * Which backups to keep: the newest `keepLast`, the newest of each of the last `daily` days and
 * the newest of each of the last `monthly` months (calendar days and months in UTC, counted back
 * from now, today and this month included). A pure function, so it is tested on its own.
 */
export interface RotationPolicy {
  keepLast: number;
  daily: number;
  monthly: number;
}

export const DEFAULT_ROTATION: RotationPolicy = { keepLast: 10, daily: 14, monthly: 6 };

const DAY_MS = 86_400_000;

function dayOf(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

function monthOf(ms: number): number {
  const d = new Date(ms);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** The items to keep (a subset of `items`); the others may be deleted. Ties keep the later item in the list. */
export function backupsToKeep<T extends { createdAtMs: number }>(
  items: readonly T[],
  nowMs: number,
  policy: RotationPolicy = DEFAULT_ROTATION,
): Set<T> {
  const newestFirst = [...items].sort((a, b) => b.createdAtMs - a.createdAtMs);
  const keep = new Set<T>(newestFirst.slice(0, Math.max(0, policy.keepLast)));
  const today = dayOf(nowMs);
  const thisMonth = monthOf(nowMs);
  const days = new Set<number>();
  const months = new Set<number>();
  for (const item of newestFirst) {
    const day = dayOf(item.createdAtMs);
    if (policy.daily > 0 && day > today - policy.daily && !days.has(day)) {
      days.add(day);
      keep.add(item);
    }
    const month = monthOf(item.createdAtMs);
    if (policy.monthly > 0 && month > thisMonth - policy.monthly && !months.has(month)) {
      months.add(month);
      keep.add(item);
    }
  }
  return keep;
}
