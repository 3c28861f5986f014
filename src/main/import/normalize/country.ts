import countries from 'i18n-iso-countries';
import enLocale from 'i18n-iso-countries/langs/en.json';
import zhLocale from 'i18n-iso-countries/langs/zh.json';
import worldCountries from 'world-countries';

/**
 * Country text as people type it in exports and forms → ISO 3166-1 alpha-2 (upper case).
 *
 * Accepted: alpha-2 in any case, alpha-3, English short/official/alternative names
 * (i18n-iso-countries, world-countries, Intl.DisplayNames), Chinese names (simplified and,
 * where ICU or world-countries have them, traditional), and the aliases in {@link ALIASES}.
 * Matching ignores case, width (NFKC), accents, spaces, punctuation (dots, commas, hyphens,
 * brackets) and the word "the".
 */

/** Aliases win over every library name; keys go through {@link countryKey}. */
const ALIASES: Record<string, string> = {
  // English
  UK: 'GB',
  'U.K.': 'GB',
  'Great Britain': 'GB',
  Britain: 'GB',
  England: 'GB',
  Scotland: 'GB',
  Wales: 'GB',
  'Northern Ireland': 'GB',
  EIRE: 'IE',
  RSA: 'ZA',
  'Republic of South Africa': 'ZA',
  'Taiwan, China': 'TW',
  'Taiwan (China)': 'TW',
  中國臺灣: 'TW',
  中国臺灣: 'TW',
  USA: 'US',
  'U.S.A.': 'US',
  'U.S.': 'US',
  'United States': 'US',
  'United States of America': 'US',
  America: 'US',
  UAE: 'AE',
  'U.A.E.': 'AE',
  Emirates: 'AE',
  Holland: 'NL',
  Korea: 'KR',
  'South Korea': 'KR',
  'Republic of Korea': 'KR',
  'Korea Republic': 'KR',
  'Korea, Republic of': 'KR',
  'North Korea': 'KP',
  DPRK: 'KP',
  Russia: 'RU',
  'Russian Federation': 'RU',
  Vietnam: 'VN',
  'Viet Nam': 'VN',
  Turkey: 'TR',
  Türkiye: 'TR',
  Turkiye: 'TR',
  'Czech Republic': 'CZ',
  Czechia: 'CZ',
  'Ivory Coast': 'CI',
  "Cote d'Ivoire": 'CI',
  Iran: 'IR',
  Syria: 'SY',
  Laos: 'LA',
  Moldova: 'MD',
  Tanzania: 'TZ',
  Bolivia: 'BO',
  Venezuela: 'VE',
  Macedonia: 'MK',
  Swaziland: 'SZ',
  Burma: 'MM',
  'East Timor': 'TL',
  'Cape Verde': 'CV',
  Palestine: 'PS',
  Vatican: 'VA',
  Brunei: 'BN',
  Macau: 'MO',
  Macao: 'MO',
  'Hong Kong': 'HK',
  'Hong Kong SAR': 'HK',
  'Hong Kong China': 'HK',
  Taiwan: 'TW',
  'Chinese Taipei': 'TW',
  'Taiwan, Province of China': 'TW',
  'Mainland China': 'CN',
  PRC: 'CN',
  'P.R.C.': 'CN',
  'P.R. China': 'CN',
  KSA: 'SA',
  Saudi: 'SA',
  'Saudi Arabia': 'SA',
  'New Zealand': 'NZ',
  'South Africa': 'ZA',
  'DR Congo': 'CD',
  DRC: 'CD',
  'Democratic Republic of Congo': 'CD',
  'Congo Kinshasa': 'CD',
  'Congo Brazzaville': 'CG',
  'Republic of Congo': 'CG',
  // 简体
  英国: 'GB',
  大不列颠: 'GB',
  英格兰: 'GB',
  美国: 'US',
  美利坚合众国: 'US',
  阿联酋: 'AE',
  阿拉伯联合酋长国: 'AE',
  迪拜: 'AE',
  韩国: 'KR',
  南韩: 'KR',
  大韩民国: 'KR',
  朝鲜: 'KP',
  北韩: 'KP',
  俄罗斯: 'RU',
  俄罗斯联邦: 'RU',
  俄国: 'RU',
  越南: 'VN',
  土耳其: 'TR',
  荷兰: 'NL',
  沙特: 'SA',
  沙特阿拉伯: 'SA',
  台湾: 'TW',
  中国台湾: 'TW',
  台湾省: 'TW',
  中国台湾省: 'TW',
  香港: 'HK',
  中国香港: 'HK',
  澳门: 'MO',
  中国澳门: 'MO',
  新西兰: 'NZ',
  印尼: 'ID',
  印度尼西亚: 'ID',
  捷克: 'CZ',
  捷克共和国: 'CZ',
  科特迪瓦: 'CI',
  象牙海岸: 'CI',
  中国: 'CN',
  中国大陆: 'CN',
  中华人民共和国: 'CN',
  刚果金: 'CD',
  刚果民主共和国: 'CD',
  刚果布: 'CG',
  刚果共和国: 'CG',
  伊朗: 'IR',
  叙利亚: 'SY',
  老挝: 'LA',
  缅甸: 'MM',
  菲律宾: 'PH',
  马来西亚: 'MY',
  新加坡: 'SG',
  泰国: 'TH',
  巴西: 'BR',
  墨西哥: 'MX',
  加拿大: 'CA',
  澳洲: 'AU',
  澳大利亚: 'AU',
  南非: 'ZA',
  埃及: 'EG',
  波黑: 'BA',
  波斯尼亚和黑塞哥维那: 'BA',
  // 繁體
  英國: 'GB',
  美國: 'US',
  阿聯酋: 'AE',
  韓國: 'KR',
  俄羅斯: 'RU',
  荷蘭: 'NL',
  沙烏地阿拉伯: 'SA',
  沙地阿拉伯: 'SA',
  台灣: 'TW',
  臺灣: 'TW',
  中華民國: 'TW',
  中國台灣: 'TW',
  中國香港: 'HK',
  澳門: 'MO',
  中國澳門: 'MO',
  紐西蘭: 'NZ',
  新西蘭: 'NZ',
  中國: 'CN',
};

const AMBIGUOUS = '?';

/** Languages whose country names are recognised besides English and Chinese. */
export const BADGE_LANGUAGES = ['de', 'fr', 'es', 'it', 'pt', 'ru', 'ar', 'ja', 'ko', 'nl', 'pl', 'tr', 'vi', 'th', 'id'];

/** The matching form of a country text: NFKC, lower case, no accents, letters and digits only, no "the". */
export function countryKey(text: string): string {
  const folded = text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  const words = folded.split(' ').filter((w) => w !== 'the' && w !== '');
  return words.map((w) => (w === 'st' ? 'saint' : w)).join('');
}

interface LocaleFile {
  countries: Record<string, string | string[]>;
}

function buildNameMap(): Map<string, string> {
  const map = new Map<string, string>();
  const known = new Set(Object.keys(countries.getAlpha2Codes()));

  /** Tiered: a later tier never overrides an earlier one; a clash inside one tier makes the key ambiguous. */
  const addTier = (entries: Iterable<[string, string]>): void => {
    const tier = new Map<string, string>();
    for (const [name, code] of entries) {
      if (!known.has(code)) continue;
      const key = countryKey(name);
      if (!key || map.has(key)) continue;
      const prev = tier.get(key);
      tier.set(key, prev === undefined || prev === code ? code : AMBIGUOUS);
    }
    for (const [key, code] of tier) map.set(key, code);
  };

  function* localeNames(file: LocaleFile): Generator<[string, string]> {
    for (const [code, names] of Object.entries(file.countries)) {
      for (const name of Array.isArray(names) ? names : [names]) yield [name, code];
    }
  }
  function* displayNames(locales: string[]): Generator<[string, string]> {
    for (const locale of locales) {
      let dn: Intl.DisplayNames;
      try {
        dn = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
      } catch {
        continue;
      }
      for (const code of known) {
        let name: string | undefined;
        try {
          name = dn.of(code);
        } catch {
          name = undefined;
        }
        if (name && name !== code) yield [name, code];
      }
    }
  }
  function* worldNames(): Generator<[string, string]> {
    for (const c of worldCountries) {
      yield [c.name.common, c.cca2];
      yield [c.name.official, c.cca2];
      const zho = c.translations['zho'];
      if (zho) {
        yield [zho.common, c.cca2];
        yield [zho.official, c.cca2];
      }
      for (const alt of c.altSpellings) if (alt.length > 3) yield [alt, c.cca2];
    }
  }

  addTier([...localeNames(enLocale as LocaleFile), ...localeNames(zhLocale as LocaleFile)]);
  addTier(displayNames(['en', 'zh-Hans', 'zh-Hant', 'zh-Hant-HK']));
  addTier(worldNames());
  // The languages of the big fairs' badge files (Deutschland, Allemagne, Alemania, Германия, ドイツ…),
  // from CLDR through Intl.DisplayNames (in Node and Electron alike).
  addTier(displayNames(BADGE_LANGUAGES));
  for (const [alias, code] of Object.entries(ALIASES)) map.set(countryKey(alias), code);
  for (const [key, code] of [...map]) if (code === AMBIGUOUS) map.delete(key);
  return map;
}

const ALPHA2 = new Set(Object.keys(countries.getAlpha2Codes()));
const NAMES = buildNameMap();

/**
 * ISO 3166-1 alpha-2 code (upper case) for a country text; '' for empty input; null when
 * the text is not recognised (or names more than one country, like a bare "Congo").
 */
export function resolveCountry(text: string): string | null {
  const trimmed = text.normalize('NFKC').trim();
  if (!trimmed) return '';
  const compact = trimmed.replace(/[\s.]+/g, '').toUpperCase();
  if (/^[A-Z]{2}$/.test(compact) && ALPHA2.has(compact)) return compact;
  const key = countryKey(trimmed);
  // A three-letter word written as a name ("Nga", Vietnamese for Russia) is a name before it is an alpha-3 code.
  const asWritten = trimmed.replace(/[\s.]+/g, '');
  const codeLike = asWritten === asWritten.toUpperCase() || asWritten === asWritten.toLowerCase();
  if (!codeLike && key && NAMES.has(key)) return NAMES.get(key) ?? null;
  if (/^[A-Z]{3}$/.test(compact)) {
    const a2 = countries.alpha3ToAlpha2(compact);
    if (a2) return a2;
  }
  if (!key) return null;
  return NAMES.get(key) ?? null;
}
