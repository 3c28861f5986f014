import type { TFunction } from 'i18next';
import type { PoolRefusal, PoolRules } from '../../../../shared/domain/pool';
import type { PoolStatus } from '../../../../shared/ipc/channels/pool';
import { formatDate, formatDateTime } from '../../i18n/format-date';

const DAY_MS = 86_400_000;

/**
 * Why this user may not claim the customer, in their language: taken (by whom, when known), the cap
 * ("You hold 50 of 50 customers allowed"), or the cooling-off (when they released it, when they may
 * claim it again: the release is the end less the rules' days).
 */
export function refusalText(t: TFunction, lang: string, refusal: PoolRefusal, s: PoolStatus, rules: PoolRules | null): string {
  if (refusal === 'POOL_TAKEN')
    return s.owner && !s.mine ? t('pool.owner.refusals.POOL_TAKEN_BY', { owner: s.owner }) : t('pool.owner.refusals.POOL_TAKEN');
  if (refusal === 'POOL_CAP') {
    const cap = s.cap ?? rules?.cap ?? null;
    return cap === null ? t('errors.POOL_CAP') : t('pool.owner.refusals.POOL_CAP', { held: s.held, cap });
  }
  if (!s.coolingEndsAt) return t('errors.POOL_COOLING');
  const until = formatDateTime(s.coolingEndsAt, lang);
  const end = Date.parse(s.coolingEndsAt);
  if (!rules || rules.coolingDays <= 0 || !Number.isFinite(end)) return t('pool.owner.refusals.POOL_COOLING_UNTIL', { until });
  const released = formatDate(new Date(end - rules.coolingDays * DAY_MS).toISOString(), lang);
  return t('pool.owner.refusals.POOL_COOLING', { released, until });
}

/** When the rules would return an owned customer to the pool ("Returns to the pool on 3 May 2026 if no follow-up is completed (30-day rule)"). */
export function returnsText(t: TFunction, lang: string, returnsAt: NonNullable<PoolStatus['returnsAt']>, now: number): string {
  const at = Date.parse(returnsAt.at);
  const { kind, days } = returnsAt;
  if (Number.isFinite(at) && at <= now) return t(kind === 'followup' ? 'pool.owner.dueFollowup' : 'pool.owner.dueOrder', { days });
  const date = formatDate(returnsAt.at, lang);
  return t(kind === 'followup' ? 'pool.owner.returnsFollowup' : 'pool.owner.returnsOrder', { date, days });
}
