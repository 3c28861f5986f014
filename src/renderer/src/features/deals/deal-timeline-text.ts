import type { TFunction } from 'i18next';
import { isLostReason, isStage, lostReasonLabel, stageLabel } from './deal-labels';

/**
 * A deal's activity on the customer's timeline (activities deal_*, written by the engine as
 * "<stage>: <title>", "<from> → <to>: <title>", "<reason>: <title> (<note>)" or "<title>") in the
 * user's language; null for any other activity.
 */
export function dealTimelineText(t: TFunction, subtype: string, summary: string): { label: string; summary: string } | null {
  if (!subtype.startsWith('deal_')) return null;
  const at = summary.indexOf(': ');
  const head = at > 0 ? summary.slice(0, at) : '';
  const rest = at > 0 ? summary.slice(at + 2) : summary;
  switch (subtype) {
    case 'deal_created':
      return {
        label: t('deals.timeline.created'),
        summary: isStage(head) ? t('deals.timeline.atStage', { title: rest, stage: stageLabel(t, head) }) : summary,
      };
    case 'deal_stage':
    case 'deal_reopened': {
      const [from, to] = head.split(' → ');
      const label = t(subtype === 'deal_stage' ? 'deals.timeline.moved' : 'deals.timeline.reopened');
      if (from && to && isStage(from) && isStage(to))
        return { label, summary: t('deals.timeline.change', { title: rest, from: stageLabel(t, from), to: stageLabel(t, to) }) };
      return { label, summary };
    }
    case 'deal_won':
      return { label: t('deals.timeline.won'), summary };
    case 'deal_lost':
      return {
        label: t('deals.timeline.lost'),
        summary: isLostReason(head) ? t('deals.timeline.lostBecause', { title: rest, reason: lostReasonLabel(t, head) }) : summary,
      };
    case 'deal_updated':
      return { label: t('deals.timeline.updated'), summary };
    default:
      return { label: t('deals.timeline.other'), summary };
  }
}
