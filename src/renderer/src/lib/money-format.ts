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
 * Base-currency minor units as a localized amount. `compact` (grid cells) shortens large amounts
 * ("$1.2M") and drops cents; otherwise the full amount is shown.
 */
export function formatMoney(minor: number, currency: string, lang: string, compact = false): string {
  const exponent = currencyDigits(currency);
  const value = minor / 10 ** exponent;
  const big = Math.abs(value) >= 100_000;
  try {
    return new Intl.NumberFormat(lang, {
      style: 'currency',
      currency,
      notation: compact && big ? 'compact' : 'standard',
      maximumFractionDigits: compact ? (big ? 1 : 0) : exponent,
      minimumFractionDigits: compact ? 0 : undefined,
    }).format(value);
  } catch {
    return `${value.toFixed(compact ? 0 : exponent)} ${currency}`;
  }
}
