/**
 * Names the Chinese UI gives where CLDR's differ from what these users write: Taiwan, Hong Kong and
 * Macao are named as parts of China (中国台湾, 中国香港, 中国澳门), not as peers of 中国 nor by the long
 * "特别行政区" form.
 */
export const ZH_COUNTRY_NAMES: Readonly<Record<string, string>> = { TW: '中国台湾', HK: '中国香港', MO: '中国澳门' };

const displayNames = new Map<string, Intl.DisplayNames>();

/** A country's name in `lang` ("德国", "Germany"), or the code itself when unknown. */
export function countryName(code: string, lang: string): string {
  if (!/^[A-Za-z]{2}$/.test(code)) return code;
  const upper = code.toUpperCase();
  if (lang.toLowerCase().startsWith('zh')) {
    const own = ZH_COUNTRY_NAMES[upper];
    if (own) return own;
  }
  try {
    let names = displayNames.get(lang);
    if (!names) {
      names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' });
      displayNames.set(lang, names);
    }
    return names.of(upper) ?? code;
  } catch {
    return code;
  }
}
