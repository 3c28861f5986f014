import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { numberText, parseNumber } from '../../lib/number-text';

export type CurrencyData = ChannelOutput<'currency.get'>;

/** One exchange-rate row: how many base units one unit of `currency` is worth ('' = no rate). */
export interface RateRow {
  currency: string;
  rate: string;
}

export interface CurrencyFormValues {
  base: string;
  rows: RateRow[];
}

/** Currencies offered for the base and for new rows (any other ISO code can be typed). */
export const COMMON_CURRENCIES = [
  'USD',
  'EUR',
  'CNY',
  'GBP',
  'JPY',
  'HKD',
  'AUD',
  'CAD',
  'CHF',
  'SGD',
  'KRW',
  'INR',
  'AED',
  'SAR',
  'RUB',
  'BRL',
  'MXN',
  'ZAR',
  'TRY',
  'THB',
  'VND',
  'MYR',
  'IDR',
  'PHP',
  'NZD',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'TWD',
] as const;

const CODE = /^[A-Z]{3}$/;

/** A typed currency code, normalised ("eur " → "EUR", full-width letters too); null if not 3 letters. */
export function currencyCode(text: string): string | null {
  const code = text.normalize('NFKC').trim().toUpperCase();
  return CODE.test(code) ? code : null;
}

/** Rows: every currency orders use (most orders first), then any other with a rate; never the base. */
export function valuesFromData(data: CurrencyData): CurrencyFormValues {
  const rows: RateRow[] = [];
  const seen = new Set<string>([data.base]);
  const add = (code: string) => {
    if (seen.has(code)) return;
    seen.add(code);
    const rate = data.rates[code];
    rows.push({ currency: code, rate: rate === undefined ? '' : numberText(rate) });
  };
  for (const u of data.inUse) add(u.currency.toUpperCase());
  for (const code of Object.keys(data.rates).sort()) add(code);
  return { base: data.base, rows };
}

/** The settings to save, or which inputs are not readable (ranges are the engine's to check). */
export function settingsFromValues(
  v: CurrencyFormValues,
): { base: string; rates: Record<string, number> } | { badBase: boolean; badRates: string[] } {
  const base = currencyCode(v.base);
  const rates: Record<string, number> = {};
  const badRates: string[] = [];
  for (const row of v.rows) {
    if (row.currency === base || row.rate.trim() === '') continue;
    const n = parseNumber(row.rate);
    if (n === null) badRates.push(row.currency);
    else rates[row.currency] = n;
  }
  if (!base || badRates.length) return { badBase: !base, badRates };
  return { base, rates };
}

/** Equal as far as saving goes. */
export function sameCurrencyValues(a: CurrencyFormValues, b: CurrencyFormValues): boolean {
  const key = (v: CurrencyFormValues) => JSON.stringify([v.base.trim().toUpperCase(), v.rows.map((r) => [r.currency, r.rate.trim()])]);
  return key(a) === key(b);
}

/**
 * Re-expresses the rates in a new base currency, given the rates are now in `from`: with
 * 1 NEW = r FROM, each rate becomes rate / r and FROM itself 1 / r. null when NEW has no rate.
 */
export function convertRates(v: CurrencyFormValues, from: string, to: string): RateRow[] | null {
  const pivot = v.rows.find((r) => r.currency === to);
  const r = pivot ? parseNumber(pivot.rate) : null;
  if (!r || r <= 0) return null;
  const round = (x: number) => numberText(Number(x.toPrecision(6)));
  const rows: RateRow[] = [];
  if (!v.rows.some((row) => row.currency === from)) rows.push({ currency: from, rate: round(1 / r) });
  for (const row of v.rows) {
    if (row.currency === to) continue;
    if (row.currency === from) {
      rows.push({ currency: from, rate: round(1 / r) });
      continue;
    }
    const n = parseNumber(row.rate);
    rows.push({ currency: row.currency, rate: n === null ? row.rate : round(n / r) });
  }
  return rows;
}

/** The localized name of a currency ("Euro", "欧元"), or '' if the runtime does not know it. */
export function currencyName(code: string, lang: string): string {
  try {
    const name = new Intl.DisplayNames([lang], { type: 'currency' }).of(code);
    return name && name !== code ? name : '';
  } catch {
    return '';
  }
}
