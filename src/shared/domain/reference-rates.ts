/**
 * ExportDesk's offline reference table of exchange rates: approximate mid-market values, dated,
 * shipped with the app so that orders in the usual trade currencies count in revenue from the first
 * import, with no network. A rate the user sets (Settings → Currency) always wins over this table;
 * the settings page shows which rates come from here and the table's date. Refresh the figures and
 * the date with each release.
 */
export const REFERENCE_RATES_DATE = '2026-11-30';

/** US dollars one unit of each currency is worth (USD itself is 1). */
const USD_PER_UNIT: Readonly<Record<string, number>> = {
  USD: 1,
  EUR: 1.16,
  GBP: 1.32,
  CNY: 0.1408,
  HKD: 0.1285,
  JPY: 0.00645,
  KRW: 0.00068,
  TWD: 0.0325,
  SGD: 0.77,
  MYR: 0.2415,
  THB: 0.031,
  VND: 0.000038,
  IDR: 0.00006,
  PHP: 0.017,
  INR: 0.0112,
  PKR: 0.00355,
  BDT: 0.0082,
  LKR: 0.0033,
  AUD: 0.65,
  NZD: 0.57,
  CAD: 0.715,
  MXN: 0.0545,
  BRL: 0.187,
  CLP: 0.00106,
  COP: 0.00026,
  PEN: 0.296,
  CHF: 1.25,
  SEK: 0.106,
  NOK: 0.099,
  DKK: 0.1555,
  PLN: 0.274,
  CZK: 0.048,
  HUF: 0.003,
  RON: 0.228,
  TRY: 0.0235,
  RUB: 0.0128,
  UAH: 0.024,
  KZT: 0.0019,
  AED: 0.2723,
  SAR: 0.2667,
  QAR: 0.2747,
  KWD: 3.26,
  ILS: 0.3,
  EGP: 0.021,
  ZAR: 0.058,
  NGN: 0.00069,
  KES: 0.0077,
};

/** The currencies the reference table has, in code order. */
export const REFERENCE_CURRENCIES: readonly string[] = Object.keys(USD_PER_UNIT).sort();

/**
 * How many `base` one unit of `currency` is worth by the reference table, rounded to 6
 * significant digits; undefined when the table lacks either currency.
 */
export function referenceRate(currency: string, base: string): number | undefined {
  const from = USD_PER_UNIT[currency.toUpperCase()];
  const to = USD_PER_UNIT[base.toUpperCase()];
  if (from === undefined || to === undefined) return undefined;
  return Number((from / to).toPrecision(6));
}
