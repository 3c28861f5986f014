import { currencyDigits } from '../../lib/money-format';

/** "12,500.50", "12 500.5", full-width "１２５００" → minor units of `currency` (commas and spaces group thousands); null when it is not an amount or has more decimals than the currency. */
export function parseAmount(text: string, currency: string): number | null {
  const s = text.replace(/[\s,，_]/g, '').replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (s === '') return 0;
  if (!/^\d+(\.\d*)?$/.test(s)) return null;
  const digits = currencyDigits(currency);
  const [whole, frac = ''] = s.split('.');
  if (frac.length > digits) return null;
  const minor = Number(whole) * 10 ** digits + Number(frac.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(minor) ? minor : null;
}

/** Minor units as the amount field shows them ("12500.50"; JPY "12500"). */
export function amountText(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  return digits === 0 ? String(minor) : (minor / 10 ** digits).toFixed(digits);
}
