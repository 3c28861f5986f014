import type { TFunction } from 'i18next';
import type { BoardDimension } from '../../../shared/domain/classification-enums';
import { regionName } from '../i18n/region-names';
import { formatMoney } from './money-format';

type Named = { en: string; zh: string } | null | undefined;

const ENUM_DIMENSIONS: Partial<Record<BoardDimension | 'suggestedPriority', string>> = {
  segment: 'enums.segment',
  tier: 'enums.tier',
  matrix: 'enums.matrix',
  churn: 'enums.churn',
  lifecycle: 'enums.lifecycle',
  priority: 'enums.priority',
  suggestedPriority: 'enums.priority',
  businessType: 'enums.businessType',
  scale: 'enums.scale',
};

/**
 * The display name of one class of a dimension in the current language: an engine-given name
 * (regions, custom segment names) first, then the enum text, country names from Intl, and the
 * raw value (industry, owner, tag) otherwise. '' is "Not set" ("Unknown" for areas).
 */
export function classLabel(t: TFunction, lang: string, dimension: BoardDimension | 'suggestedPriority', key: string, name?: Named): string {
  if (name && (lang.startsWith('zh') ? name.zh : name.en)) return lang.startsWith('zh') ? name.zh : name.en;
  if (key === '')
    return dimension === 'continent' || dimension === 'region' || dimension === 'country' ? t('enums.unknownArea') : t('enums.notSetClass');
  if (dimension === 'country') return regionName(key, lang);
  const prefix = ENUM_DIMENSIONS[dimension];
  if (prefix) return t(`${prefix}.${key}`, { defaultValue: key });
  return key;
}

/** A revenue total or figure in the base currency, in whole units ("US$142,350"). */
export function formatRevenue(minor: number, currency: string, lang: string): string {
  return formatMoney(minor, currency, lang, true);
}
