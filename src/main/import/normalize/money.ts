/**
 * Money cells → integer minor units of an ISO 4217 currency, exactly: the decimal text is
 * read digit by digit, never through float multiplication.
 */

/**
 * ISO 4217 minor units that are not 2. (CLDR, and so Intl, disagrees with ISO for some
 * currencies, e.g. HUF, IDR, COP, IQD; stored amounts follow ISO.)
 */
const EXPONENTS: Record<string, number> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

let knownCodes: Set<string> | undefined;

function supportedCodes(): Set<string> {
  if (!knownCodes) {
    const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'currency') => string[] };
    knownCodes = new Set(intl.supportedValuesOf ? intl.supportedValuesOf('currency') : []);
    for (const code of Object.keys(EXPONENTS)) knownCodes.add(code);
    for (const code of ['CNY', 'USD', 'EUR', 'GBP', 'HKD', 'JPY']) knownCodes.add(code);
  }
  return knownCodes;
}

/** Number of minor-unit digits of a currency (ISO 4217): JPY 0, USD 2, KWD 3; 2 when unknown. */
export function currencyExponent(code: string): number {
  return EXPONENTS[code.trim().toUpperCase()] ?? 2;
}

/** Three letters naming a currency this runtime knows (case-insensitive). */
export function isCurrencyCode(text: string): boolean {
  const code = text.trim().toUpperCase();
  return /^[A-Z]{3}$/.test(code) && supportedCodes().has(code);
}

/** Symbols, local spellings and names → code. Keys are NFKC, lower case, without spaces. */
const CURRENCY_WORDS: Record<string, string> = {
  $: 'USD',
  us$: 'USD',
  usd$: 'USD',
  'u.s.$': 'USD',
  美元: 'USD',
  美金: 'USD',
  dollar: 'USD',
  dollars: 'USD',
  usdollar: 'USD',
  usdollars: 'USD',
  '¥': 'CNY',
  rmb: 'CNY',
  'rmb¥': 'CNY',
  'cn¥': 'CNY',
  人民币: 'CNY',
  人民幣: 'CNY',
  元: 'CNY',
  圆: 'CNY',
  yuan: 'CNY',
  renminbi: 'CNY',
  '€': 'EUR',
  欧元: 'EUR',
  歐元: 'EUR',
  euro: 'EUR',
  euros: 'EUR',
  '£': 'GBP',
  英镑: 'GBP',
  英鎊: 'GBP',
  pound: 'GBP',
  pounds: 'GBP',
  'gb£': 'GBP',
  stg: 'GBP',
  'jp¥': 'JPY',
  円: 'JPY',
  日元: 'JPY',
  日圆: 'JPY',
  yen: 'JPY',
  hk$: 'HKD',
  港币: 'HKD',
  港元: 'HKD',
  港幣: 'HKD',
  a$: 'AUD',
  au$: 'AUD',
  澳元: 'AUD',
  澳币: 'AUD',
  c$: 'CAD',
  ca$: 'CAD',
  加元: 'CAD',
  加币: 'CAD',
  nz$: 'NZD',
  新西兰元: 'NZD',
  纽币: 'NZD',
  s$: 'SGD',
  新加坡元: 'SGD',
  新币: 'SGD',
  nt$: 'TWD',
  新台币: 'TWD',
  新台幣: 'TWD',
  mx$: 'MXN',
  r$: 'BRL',
  '₩': 'KRW',
  韩元: 'KRW',
  '₹': 'INR',
  卢比: 'INR',
  '₽': 'RUB',
  卢布: 'RUB',
  '₺': 'TRY',
  '₫': 'VND',
  越南盾: 'VND',
  '₱': 'PHP',
  '฿': 'THB',
  泰铢: 'THB',
  '₦': 'NGN',
  '₪': 'ILS',
  '₴': 'UAH',
  zł: 'PLN',
  瑞士法郎: 'CHF',
  迪拉姆: 'AED',
  里亚尔: 'SAR',
  兰特: 'ZAR',
};

/** Symbols that several currencies share: around a number they do not contradict the column's currency. */
const SHARED_SYMBOLS = new Set(['$', '¥', '元', 'dollar', 'dollars', 'pound', 'pounds', 'kr']);

function currencyWordKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** 'usd', 'US$', '$' → USD; '¥', 'RMB', '人民币' → CNY; '€', '欧元' → EUR; '£', '英镑' → GBP; null when unknown. */
export function normaliseCurrency(text: string): string | null {
  const key = currencyWordKey(text);
  if (!key) return null;
  const word = CURRENCY_WORDS[key];
  if (word) return word;
  const code = key.toUpperCase();
  return isCurrencyCode(code) ? code : null;
}

/** Digits with group separators allowed by their position; returns the plain digit string or null. */
function ungroup(intPart: string, sep: string): string | null {
  if (!sep || !intPart.includes(sep)) return /^\d*$/.test(intPart) ? intPart : null;
  const groups = intPart.split(sep);
  const [first = '', ...rest] = groups;
  if (first.startsWith('0')) return null;
  const western = /^\d{1,3}$/.test(first) && rest.every((g) => /^\d{3}$/.test(g));
  // Indian lakh grouping: 1,23,45,678
  const indian = sep === ',' && /^\d{1,2}(?:,\d{2})*,\d{3}$/.test(intPart);
  return western || indian ? groups.join('') : null;
}

/** Splits a numeric text into integer and fraction digits, deciding which mark is the decimal point. */
function splitNumber(core: string): { int: string; frac: string } | null {
  // Spaces (incl. no-break and thin spaces) and apostrophes only ever group digits.
  let s = core.replace(/[\s\u00a0\u202f\u2009]+/g, ' ');
  let spaceSep = '';
  if (s.includes(' ')) spaceSep = ' ';
  if (s.includes("'") || s.includes('’')) {
    if (spaceSep) return null;
    spaceSep = "'";
    s = s.replace(/’/g, "'");
  }
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let decimal = '';
  let group = spaceSep;
  if (lastDot >= 0 && lastComma >= 0) {
    if (spaceSep) return null;
    decimal = lastDot > lastComma ? '.' : ',';
    group = decimal === '.' ? ',' : '.';
  } else if (lastDot >= 0 || lastComma >= 0) {
    const mark = lastDot >= 0 ? '.' : ',';
    const count = s.split(mark).length - 1;
    const after = s.slice(s.lastIndexOf(mark) + 1);
    if (count > 1) {
      if (spaceSep) return null;
      group = mark;
    } else if (mark === ',' && !spaceSep && /^\d{3}$/.test(after) && !/^0*$/.test(s.slice(0, s.indexOf(',')))) {
      group = ','; // 1,234 reads as one thousand two hundred and thirty-four, as in English and Chinese
    } else {
      decimal = mark;
    }
  }
  const dec = decimal ? s.lastIndexOf(decimal) : -1;
  const intRaw = dec >= 0 ? s.slice(0, dec) : s;
  const frac = dec >= 0 ? s.slice(dec + 1) : '';
  if (!/^\d*$/.test(frac)) return null;
  const int = ungroup(intRaw, group);
  if (int === null || (int === '' && frac === '')) return null;
  return { int, frac };
}

/** Plain decimal digits of a finite JS number (handles exponent notation). */
function numberToDecimal(n: number): string {
  const text = String(Math.abs(n));
  const m = /^(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text;
  const [, intDigits = '', fracDigits = '', expText = '0'] = m;
  const exp = Number(expText);
  const digits = intDigits + fracDigits;
  const point = intDigits.length + exp;
  if (point <= 0) return '0.' + '0'.repeat(-point) + digits;
  if (point >= digits.length) return digits + '0'.repeat(point - digits.length);
  return digits.slice(0, point) + '.' + digits.slice(point);
}

/** Integer and fraction digits → minor units, rounding half away from zero past the exponent. */
function toMinor(int: string, frac: string, exponent: number, negative: boolean): number | null {
  const kept = (frac + '0'.repeat(exponent)).slice(0, exponent);
  const next = frac.charAt(exponent);
  let minor = BigInt((int || '0') + kept);
  if (next !== '' && next >= '5') minor += 1n;
  if (negative) minor = -minor;
  const n = Number(minor);
  if (!Number.isSafeInteger(n)) return null;
  return n === 0 ? 0 : n;
}

/**
 * An amount in `currency` → integer minor units (33170.00 USD → 3317000), or null for junk.
 * Accepts group separators (`1,234.50`, `1 234,50`, `1.234,50`, `1'234.50`), full-width digits,
 * a currency symbol or code before or after the number (one naming another currency → null),
 * and negatives written `-12`, `−12`, `(12)` or `$-12`. `1,234` is one thousand two hundred
 * and thirty-four; a single `,` with other than three digits after it is a decimal comma.
 */
export function parseAmount(value: string | number, currency: string): number | null {
  const code = currency.trim().toUpperCase();
  const exponent = currencyExponent(code);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    const [int = '', frac = ''] = numberToDecimal(value).split('.');
    return toMinor(int, frac, exponent, value < 0);
  }
  let s = value
    .normalize('NFKC')
    .replace(/[\u2212\u2012\u2013\uFE63\uFF0D]/g, '-')
    .trim();
  if (!s) return null;
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = (paren[1] ?? '').trim();
  }
  const m = /^(.*?)([-+]?)\s*(\d[\d.,'’\s\u00a0\u202f\u2009]*\d|\d|[.,]\d+)\s*(.*?)$/.exec(s);
  if (!m) return null;
  const [, before = '', sign, core = '', after = ''] = m;
  if (sign === '-') negative = !negative;
  let prefix = before.trim();
  let suffix = after.trim();
  // A sign may stand before the currency ("-$12") or a trailing minus may close it ("12-").
  if (prefix.startsWith('-') || prefix.startsWith('+')) {
    if (sign) return null;
    if (prefix.startsWith('-')) negative = !negative;
    prefix = prefix.slice(1).trim();
  }
  if (suffix === '-' && !sign) {
    negative = !negative;
    suffix = '';
  }
  for (const token of [prefix, suffix]) {
    if (!token) continue;
    const named = normaliseCurrency(token);
    if (!named) return null;
    if (named !== code && !SHARED_SYMBOLS.has(currencyWordKey(token))) return null;
  }
  const parts = splitNumber(core.trim());
  if (!parts) return null;
  return toMinor(parts.int, parts.frac, exponent, negative);
}
