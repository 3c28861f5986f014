import type { TFunction } from 'i18next';
import { parseMinor } from '../../../../shared/domain/quotations';
import { formatMoney } from '../../lib/money-format';

/** What the engine writes: "Quotation Q-2026-0012 rev 2 sent: USD 1,410.00" (quotation_sent / _accepted / _declined). */
const SUMMARY = /^(Quotation|PI) (\S+)(?: rev (\d+))? (?:sent|accepted|declined): ([A-Z]{3}) ([\d,.]+)$/;
const LABELS = { quotation_sent: 'sent', quotation_accepted: 'accepted', quotation_declined: 'declined' } as const;

/** A document's activity on the customer's timeline in the user's language; null for any other activity. */
export function quotationTimelineText(
  t: TFunction,
  lang: string,
  subtype: string,
  summary: string,
): { label: string; summary: string } | null {
  if (!(subtype in LABELS)) return null;
  const label = t(`quotations.timeline.${LABELS[subtype as keyof typeof LABELS]}`);
  const m = SUMMARY.exec(summary);
  if (!m) return { label, summary };
  const [, kind, number, revision, currency, amount] = m;
  const minor = parseMinor(amount!, currency!);
  const doc = revision ? t('quotations.label', { number, revision }) : number!;
  return {
    label,
    summary: `${t(`quotations.kinds.${kind === 'PI' ? 'proforma' : 'quotation'}`)} ${doc} · ${minor === null ? `${currency} ${amount}` : formatMoney(minor, currency!, lang)}`,
  };
}
