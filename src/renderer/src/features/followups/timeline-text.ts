import { formatMoney } from '../../lib/money-format';
import type { TFunction } from 'i18next';
import { BOARD_DIMENSIONS, type BoardDimension } from '../../../../shared/domain/classification-enums';
import { type TimelineEntry } from '../../../../shared/domain/followups';
import { OWNER_ASSIGN_KIND } from '../../../../shared/domain/assignment';
import type { OwnerChangeData } from '../../../../shared/domain/pool';
import { COMPLAINT_SEVERITIES, COMPLAINT_STATUSES, NEED_CATEGORIES, NEED_STATUSES } from '../../../../shared/domain/relationship';
import { en } from '../../i18n/en';
import { assignmentLine } from '../assignment';
import { dealTimelineText } from '../deals';
import { quotationTimelineText } from '../quotations';
import { formatDate } from '../../i18n/format-date';
import { classLabel } from '../../lib/class-labels';
import type { TimelineKind } from './followup-keys';
import { isFollowUpType } from './followup-type-options';

/** The filter a timeline entry belongs to: a completed follow-up (an activity in the engine) counts as a follow-up. */
export function displayKind(entry: TimelineEntry): TimelineKind {
  return entry.kind === 'activity' && entry.subtype === 'followup_done' ? 'followup' : entry.kind;
}

type KnownKind = keyof typeof en.followups.timeline.kinds;
const isKnownKind = (kind: string): kind is KnownKind => Object.prototype.hasOwnProperty.call(en.followups.timeline.kinds, kind);

/** A kind's filter label ("Orders"); a kind the engine added later shows as itself until it has a name. */
export function kindLabel(t: TFunction, kind: string): string {
  return isKnownKind(kind) ? t(`followups.timeline.kinds.${kind}`) : kind;
}

const oneOf =
  <T extends string>(values: readonly T[]) =>
  (value: string): value is T =>
    (values as readonly string[]).includes(value);
const isSeverity = oneOf(COMPLAINT_SEVERITIES);
const isComplaintStatus = oneOf(COMPLAINT_STATUSES);
const isNeedStatus = oneOf(NEED_STATUSES);
const isNeedCategory = oneOf(NEED_CATEGORIES);
const isDimension = oneOf<BoardDimension>(BOARD_DIMENSIONS);
const isImportKind = oneOf(['inquiries', 'customers', 'orders', 'leads'] as const);

/** "call: Samples approved" → ["call", "Samples approved"]; the engine writes summaries as "<slug>: <text>". */
function splitPrefix(summary: string): [string, string] | null {
  const at = summary.indexOf(': ');
  return at > 0 ? [summary.slice(0, at), summary.slice(at + 2)] : null;
}

export interface EntryText {
  /** What happened, in the user's language ("Follow-up done · Call"). */
  label: string;
  /** The entry's own words (outcome, subject, file name…), with slugs the engine wrote made readable. */
  summary: string;
  /** A line of explanation under the summary (which rule returned a customer to the pool). */
  detail?: string;
}

/** The heading and text of one timeline entry in the current language. */
export function entryText(t: TFunction, lang: string, entry: TimelineEntry): EntryText {
  const { kind, subtype, summary } = entry;
  const typed = (label: string): EntryText => {
    const parts = splitPrefix(summary);
    if (parts && isFollowUpType(parts[0]))
      return { label: t('followups.timeline.withDetail', { label, detail: t(`followups.types.${parts[0]}`) }), summary: parts[1] };
    return { label, summary };
  };

  switch (kind) {
    case 'inquiry':
      return { label: t('followups.timeline.labels.inquiry'), summary };
    case 'order':
      return {
        label: t(subtype === 'cancelled' ? 'followups.timeline.labels.orderCancelled' : 'followups.timeline.labels.order'),
        summary:
          entry.amountMinor !== null && entry.currency
            ? [summary, formatMoney(entry.amountMinor, entry.currency, lang)].filter(Boolean).join(' · ')
            : summary,
      };
    case 'followup':
      return typed(t(subtype === 'cancelled' ? 'followups.timeline.labels.followupCancelled' : 'followups.timeline.labels.followupOpen'));
    case 'need': {
      const status = isNeedStatus(subtype) ? t(`followups.timeline.needStatuses.${subtype}`) : subtype;
      const label = status
        ? t('followups.timeline.withDetail', { label: t('followups.timeline.labels.need'), detail: status })
        : t('followups.timeline.labels.need');
      const parts = splitPrefix(summary);
      if (parts && isNeedCategory(parts[0]))
        return {
          label,
          summary: t('followups.timeline.categorised', { category: t(`followups.timeline.needCategories.${parts[0]}`), text: parts[1] }),
        };
      return { label, summary };
    }
    case 'complaint':
      return complaintText(t, subtype, summary);
    case 'import': {
      const label = isImportKind(subtype)
        ? t('followups.timeline.withDetail', { label: t('followups.timeline.labels.import'), detail: t(`importKinds.${subtype}`) })
        : t('followups.timeline.labels.import');
      return { label, summary };
    }
    case 'survey':
      return { label: t('followups.timeline.labels.surveyResponse'), summary };
    case 'activity':
      if (subtype === 'followup_done') return typed(t('followups.timeline.labels.followupDone'));
      if (subtype === 'class_change')
        return { label: t('followups.timeline.labels.classChange'), summary: classChangeText(t, lang, summary) };
      if (subtype === 'survey_response') return { label: t('followups.timeline.labels.surveyResponse'), summary };
      if (isOwnerChange(subtype)) return ownerChangeText(t, lang, subtype, summary, entry.ownerChange);
      if (subtype.startsWith('deal_'))
        return dealTimelineText(t, subtype, summary) ?? { label: t('followups.timeline.labels.activity'), summary };
      if (subtype.startsWith('quotation_'))
        return quotationTimelineText(t, lang, subtype, summary) ?? { label: t('followups.timeline.labels.activity'), summary };
      if (subtype === OWNER_ASSIGN_KIND)
        return { label: t('assignment.timeline.label'), summary: entry.assignment ? assignmentLine(t, lang, entry.assignment) : summary };
      return { label: t('followups.timeline.labels.activity'), summary };
    default:
      return { label: kindLabel(t, kind), summary };
  }
}

function complaintText(t: TFunction, subtype: string, summary: string): EntryText {
  if (subtype === 'complaint_opened') {
    const label = t('followups.timeline.labels.complaintOpened');
    const parts = splitPrefix(summary);
    if (parts && isSeverity(parts[0]))
      return { label: t('followups.timeline.withDetail', { label, detail: t(`followups.severity.${parts[0]}`) }), summary: parts[1] };
    return { label, summary };
  }
  if (subtype === 'complaint_status') {
    const [from, to] = summary.split(' → ');
    const status = (s: string | undefined) => (s && isComplaintStatus(s) ? t(`followups.timeline.complaintStatuses.${s}`) : (s ?? ''));
    return {
      label: t('followups.timeline.labels.complaintStatus'),
      summary: to === undefined ? summary : t('followups.timeline.change', { from: status(from), to: status(to) }),
    };
  }
  return { label: t('followups.timeline.labels.complaint'), summary };
}

/** "tier: A → B" → "Value tier: Tier A → Tier B". */
function classChangeText(t: TFunction, lang: string, summary: string): string {
  const parts = splitPrefix(summary);
  if (!parts || !isDimension(parts[0])) return summary;
  const dimension = parts[0];
  const [from, to] = parts[1].split(' → ');
  if (from === undefined || to === undefined) return summary;
  const value = (v: string) => (v === '—' ? t('enums.notSetClass') : classLabel(t, lang, dimension, v));
  return t('followups.timeline.categorised', {
    category: t(`enums.dimension.${dimension}`),
    text: t('followups.timeline.change', { from: value(from), to: value(to) }),
  });
}

const OWNER_LABELS = {
  owner_claim: 'ownerClaim',
  owner_release: 'ownerRelease',
  owner_rule: 'ownerRule',
  owner_transfer: 'ownerTransfer',
} as const;
type OwnerChangeKind = keyof typeof OWNER_LABELS;
const isOwnerChange = oneOf(Object.keys(OWNER_LABELS) as OwnerChangeKind[]);

/**
 * A change of owner: "Claimed from the pool", "Li Na → pool" (who did it when it was someone else,
 * a transfer by a manager), and for a return by rule which rule and the last follow-up or order.
 * Without its data (an older entry), the summary the engine wrote ("Li Na → ").
 */
function ownerChangeText(t: TFunction, lang: string, subtype: OwnerChangeKind, summary: string, data: OwnerChangeData | null): EntryText {
  const label = t(`followups.timeline.labels.${OWNER_LABELS[subtype]}`);
  const [rawFrom, rawTo] = data ? [data.from, data.to] : summary.split(' → ');
  if (rawTo === undefined) return { label, summary };
  const name = (owner: string) => owner.trim() || t('followups.timeline.owner.pool');
  const change = t('followups.timeline.change', { from: name(rawFrom ?? ''), to: name(rawTo) });
  // A claim is by its new owner and a release by its old one: "by" only says someone else (a manager's transfer).
  const by = data?.by.trim() ?? '';
  const text = by && by !== data?.from && by !== data?.to ? t('followups.timeline.owner.by', { change, by }) : change;
  const rule = data?.rule;
  if (!rule) return { label, summary: text };
  const date = rule.lastAt ? formatDate(rule.lastAt, lang) : '';
  const detail =
    rule.kind === 'followup'
      ? date
        ? t('followups.timeline.owner.followupLast', { days: rule.days, date })
        : t('followups.timeline.owner.followup', { days: rule.days })
      : date
        ? t('followups.timeline.owner.orderLast', { days: rule.days, date })
        : t('followups.timeline.owner.order', { days: rule.days });
  return { label, summary: text, detail };
}
