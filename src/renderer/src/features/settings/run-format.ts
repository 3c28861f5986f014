import {
  CHURN_STATUSES,
  NO_CLASS,
  RFM_SEGMENTS,
  VALUE_MATRIX,
  VALUE_TIERS,
  type ClassifiedDimension,
} from '../../../../shared/domain/classification-enums';
import { LIFECYCLE_STAGES, PRIORITIES } from '../../../../shared/domain/customer-enums';

/** A run's duration: "850 ms", "2.4 s" (localized unit names). */
export function formatDuration(ms: number, lang: string): string {
  try {
    if (ms < 1000) return new Intl.NumberFormat(lang, { style: 'unit', unit: 'millisecond', unitDisplay: 'short' }).format(ms);
    return new Intl.NumberFormat(lang, { style: 'unit', unit: 'second', unitDisplay: 'short', maximumFractionDigits: 1 }).format(ms / 1000);
  } catch {
    return `${ms} ms`;
  }
}

/** "from→to" move keys as their two classes. */
export function splitMove(key: string): [string, string] {
  const at = key.indexOf('→');
  return at < 0 ? [key, ''] : [key.slice(0, at), key.slice(at + 1)];
}

/** The moves of one dimension, most customers first. */
export function sortedEntries(map: Record<string, number> | undefined): [string, number][] {
  return Object.entries(map ?? {}).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

const CLASS_ORDER: Record<ClassifiedDimension, readonly string[]> = {
  segment: [...RFM_SEGMENTS, NO_CLASS],
  tier: [...VALUE_TIERS, NO_CLASS],
  matrix: VALUE_MATRIX,
  lifecycle: LIFECYCLE_STAGES,
  churn: [...CHURN_STATUSES, NO_CLASS],
  suggestedPriority: PRIORITIES,
};

/** A dimension's class counts in the classes' own order (A, B, C; champions … hibernating), unknown ones last. */
export function countsInClassOrder(dim: ClassifiedDimension, map: Record<string, number> | undefined): [string, number][] {
  const order = CLASS_ORDER[dim];
  const rank = (key: string) => {
    const i = order.indexOf(key);
    return i < 0 ? order.length : i;
  };
  return Object.entries(map ?? {}).sort((a, b) => rank(a[0]) - rank(b[0]) || a[0].localeCompare(b[0]));
}
