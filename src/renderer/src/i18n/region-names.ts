import { COUNTRY_CODES } from '../lib/country-codes';

const displayNames = new Map<string, Intl.DisplayNames>();

function namesFor(lang: string): Intl.DisplayNames {
  let names = displayNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' });
    displayNames.set(lang, names);
  }
  return names;
}

/** The country's name in `lang` ("德国", "Germany"), or the code itself when unknown. */
export function regionName(code: string, lang: string): string {
  if (!/^[A-Za-z]{2}$/.test(code)) return code;
  try {
    return namesFor(lang).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
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
