import { countryName } from '../../../shared/text/country-names';
import { COUNTRY_CODES } from '../lib/country-codes';

/** The country's name in `lang` ("德国", "Germany", "中国台湾"), or the code itself when unknown. */
export function regionName(code: string, lang: string): string {
  return countryName(code, lang);
}

const sortedCache = new Map<string, { code: string; name: string }[]>();

/** Every country, sorted by its name in `lang` (pinyin order for Chinese). */
export function countriesByName(lang: string): { code: string; name: string }[] {
  let list = sortedCache.get(lang);
  if (!list) {
    const collator = new Intl.Collator(lang === 'zh-CN' ? 'zh-CN-u-co-pinyin' : lang);
    list = COUNTRY_CODES.map((code) => ({ code, name: regionName(code, lang) })).sort((a, b) => collator.compare(a.name, b.name));
    sortedCache.set(lang, list);
  }
  return list;
}
