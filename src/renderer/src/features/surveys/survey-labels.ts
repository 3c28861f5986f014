import type { TFunction } from 'i18next';
import type { ResultDimension, RecipientState, QuestionType } from '../../../../shared/domain/surveys';
import { classLabel } from '../../lib/class-labels';
import type { AreaNames } from './use-surveys';

export const isChinese = (lang: string) => lang.startsWith('zh');

/** A bilingual text ({ en, zh }) in the UI language. */
export function inUiLanguage(text: { en: string; zh: string }, lang: string): string {
  return isChinese(lang) ? text.zh || text.en : text.en || text.zh;
}

/** The other language's text, for showing both. */
export function inOtherLanguage(text: { en: string; zh: string }, lang: string): string {
  return isChinese(lang) ? text.en : text.zh;
}

export function stateLabel(t: TFunction, state: RecipientState): string {
  return t(`surveys.states.${state}`);
}

export function questionTypeLabel(t: TFunction, type: QuestionType): string {
  return t(`surveys.questionTypes.${type}`);
}

/** The dimensions results can be broken down by, in the order the selector offers them. */
export const RESULT_BREAKDOWNS = [
  'region',
  'continent',
  'country',
  'industry',
  'tier',
  'segment',
  'owner',
] as const satisfies readonly ResultDimension[];
export type ResultBreakdown = (typeof RESULT_BREAKDOWNS)[number];

export function dimensionLabel(t: TFunction, by: ResultBreakdown): string {
  return t(`enums.dimension.${by}`);
}

/** The name of one group of a breakdown ("Western Europe", "Tier A", "Lily"). */
export function groupLabel(t: TFunction, lang: string, by: ResultBreakdown, key: string, areas: AreaNames | undefined): string {
  if ((by === 'region' || by === 'continent') && key !== '') return classLabel(t, lang, by, key, areas?.get(key) ?? null);
  if (by === 'owner' && key === '') return t('surveys.noOwner');
  return classLabel(t, lang, by, key);
}

/** NPS with its sign and one decimal ("+33.3", "−20", "0"); "—" when nobody answered it. */
export function formatNps(value: number | null, lang: string): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(value);
}

/** CSAT average with two decimals at most ("3.67"); "—" when nobody answered it. */
export function formatCsat(value: number | null, lang: string): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(value);
}

export function formatCount(value: number, lang: string): string {
  return new Intl.NumberFormat(lang).format(value);
}
