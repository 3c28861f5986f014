import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { countriesByName, regionName } from '../i18n/region-names';
import type { SearchOption } from './search-select';

/** What else finds a country in its field: its name in both languages and its code ("德", "germ", "de"). */
const countryKeywords = (code: string) => `${regionName(code, 'en')} ${regionName(code, 'zh-CN')} ${code}`;

/**
 * The countries to choose from in a select with search (SearchSelect), by name in the UI language,
 * each shown with its code ("Germany (DE)") and found by its name in either language or its code;
 * "— Not set —" first. A chosen code not in the list (from older data) is offered too.
 */
export function useCountryOptions(current: string): SearchOption[] {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return useMemo<SearchOption[]>(() => {
    const list = countriesByName(lang).map((c) => ({ value: c.code, label: `${c.name} (${c.code})`, keywords: countryKeywords(c.code) }));
    if (current && !list.some((o) => o.value === current)) {
      list.unshift({ value: current, label: `${regionName(current, lang)} (${current})`, keywords: countryKeywords(current) });
    }
    return [{ value: '', label: t('fields.noCountry') }, ...list];
  }, [lang, current, t]);
}
