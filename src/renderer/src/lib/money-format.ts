const digits = new Map<string, number>();

/** Minor-unit digits of a currency as Intl knows it (JPY 0, USD 2, KWD 3); 2 when unknown. */
export function currencyDigits(currency: string): number {
  let d = digits.get(currency);
  if (d === undefined) {
    try {
      d = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      d = 2;
    }
    digits.set(currency, d);
  }
  return d;
}

/**
 * Minor units as a localized amount, one style everywhere ("US$92,668", "€47,350.50"): the
 * currency's symbol and grouping from Intl. `whole` (revenue totals and figures) drops the minor
 * units; otherwise (one order's amount) they are shown. Only chart axes shorten amounts.
 */
export function formatMoney(minor: number, currency: string, lang: string, whole = false): string {
  const exponent = currencyDigits(currency);
  const value = minor / 10 ** exponent;
  try {
    return new Intl.NumberFormat(lang, {
      style: 'currency',
      currency,
      maximumFractionDigits: whole ? 0 : exponent,
      minimumFractionDigits: whole ? 0 : exponent,
    }).format(value);
  } catch {
    return `${value.toFixed(whole ? 0 : exponent)} ${currency}`;
  }
}
