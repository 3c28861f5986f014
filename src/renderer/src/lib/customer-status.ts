import type { TFunction } from 'i18next';

/**
 * One primary status per customer, the other classes as secondary detail with their window named.
 * The status is the lifecycle stage, which follows the customer's own order rhythm (a buyer past
 * 1.5× its usual gap is dormant, past 3× lost) or the user's choice; the RFM segment ranks the
 * customer against all the others over the RFM window. So "Champions" and "Dormant" are not a
 * contradiction: among the best buyers of the year, and quiet for longer than usual now. These
 * texts say which yardstick is which, so neither is shown without it.
 */

/** What a status is decided from (a detail and a board card both have it). */
export interface StatusFacts {
  /** The lifecycle stage in force (the user's override if set). */
  stage: string;
  overridden: boolean;
  rhythmDays: number | null;
  recencyDays: number | null;
}

/** Why the customer has its status, in its own terms (order rhythm, last order); '' when nothing to add. */
export function statusReason(t: TFunction, facts: StatusFacts): string {
  if (facts.overridden) return t('status.reason.manual');
  if ((facts.stage === 'dormant' || facts.stage === 'lost') && facts.rhythmDays !== null && facts.recencyDays !== null)
    return t('status.reason.rhythm', { gap: facts.rhythmDays, ago: facts.recencyDays });
  if (facts.recencyDays !== null) return t('status.reason.lastOrder', { ago: facts.recencyDays });
  return '';
}

/** The RFM segment as secondary detail: its window and its yardstick (the other customers) named. */
export function rfmDetail(t: TFunction, segment: string, segmentLabel: string, rfmMonths: number): string {
  if (segment === 'none' || segment === '') return t('status.rfmNone');
  return rfmMonths > 0 ? t('status.rfm', { segment: segmentLabel, months: rfmMonths }) : t('status.rfmAllTime', { segment: segmentLabel });
}
