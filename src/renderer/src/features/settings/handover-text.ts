import type { TFunction } from 'i18next';

/** What a hand-over moves (pool.handOverPreview, pool.handOver, pool.undoHandOver). */
export interface HandOverCounts {
  customers: number;
  followUps: number;
  complaints: number;
  needs: number;
}

/**
 * "5 customers, 5 open follow-ups and 1 open need" in the UI language: the customers always, the
 * rest only when there are some, joined as the language joins a list.
 */
export function handOverWhat(t: TFunction, lang: string, counts: HandOverCounts): string {
  const parts = [t('settings.handOver.counts.customers', { count: counts.customers })];
  if (counts.followUps > 0) parts.push(t('settings.handOver.counts.followUps', { count: counts.followUps }));
  if (counts.complaints > 0) parts.push(t('settings.handOver.counts.complaints', { count: counts.complaints }));
  if (counts.needs > 0) parts.push(t('settings.handOver.counts.needs', { count: counts.needs }));
  return new Intl.ListFormat(lang, { type: 'conjunction' }).format(parts);
}

/** Who gets the customers: a person, the public pool, or nobody chosen yet. */
export type HandOverTarget = { kind: 'person'; name: string } | { kind: 'pool' } | { kind: 'none' };

/** The dialog's preview line: what goes, and to whom. */
export function handOverPreviewText(t: TFunction, lang: string, from: string, counts: HandOverCounts, to: HandOverTarget): string {
  if (counts.customers === 0) return t('settings.handOver.previewNone', { from });
  const what = handOverWhat(t, lang, counts);
  if (to.kind === 'person') return t('settings.handOver.previewTo', { what, to: to.name });
  if (to.kind === 'pool') return t('settings.handOver.previewPool', { what });
  return t('settings.handOver.previewFrom', { what, from });
}
