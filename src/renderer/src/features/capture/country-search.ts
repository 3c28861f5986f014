import { COUNTRY_CODES } from '../../lib/country-codes';
import { regionName } from '../../i18n/region-names';

export interface CountryOption {
  code: string;
  /** The name in the UI language. */
  name: string;
  /** The name in the other language, shown beside it ("Germany · 德国"). */
  other: string;
}

interface Entry extends CountryOption {
  en: string;
  zh: string;
}

const entries = new Map<string, Entry[]>();

function entriesFor(lang: string): Entry[] {
  let list = entries.get(lang);
  if (!list) {
    const zhUi = lang.startsWith('zh');
    list = COUNTRY_CODES.map((code) => {
      const en = regionName(code, 'en');
      const zh = regionName(code, 'zh-CN');
      return { code, en: en.toLowerCase(), zh, name: zhUi ? zh : en, other: zhUi ? en : zh };
    });
    entries.set(lang, list);
  }
  return list;
}

const fold = (s: string) => s.normalize('NFKC').trim().toLowerCase();

/**
 * Countries matching what was typed, in English or Chinese, best first: the ISO code, then names
 * that start with the text, then names containing it ("germ" and "德国" both find Germany).
 */
export function searchCountries(query: string, lang: string, limit = 8): CountryOption[] {
  const q = fold(query);
  if (!q) return [];
  const scored: [number, Entry][] = [];
  for (const e of entriesFor(lang)) {
    let score = -1;
    if (e.code.toLowerCase() === q) score = 0;
    else if (e.en.startsWith(q) || e.zh.startsWith(q)) score = 1;
    else if (e.en.split(/[\s(),-]+/).some((w) => w.startsWith(q))) score = 2;
    else if (q.length >= 2 && (e.en.includes(q) || e.zh.includes(q))) score = 3;
    if (score >= 0) scored.push([score, e]);
  }
  scored.sort((a, b) => a[0] - b[0] || a[1].name.localeCompare(b[1].name, lang));
  return scored.slice(0, limit).map(([, e]) => ({ code: e.code, name: e.name, other: e.other }));
}

/** The country's name as the field shows it once chosen. */
export function countryLabel(code: string, lang: string): string {
  return code ? regionName(code, lang.startsWith('zh') ? 'zh-CN' : 'en') : '';
}
