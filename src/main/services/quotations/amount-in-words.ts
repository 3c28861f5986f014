import { currencyDigits } from '../../../shared/domain/quotations';

const ONES = [
  '',
  'ONE',
  'TWO',
  'THREE',
  'FOUR',
  'FIVE',
  'SIX',
  'SEVEN',
  'EIGHT',
  'NINE',
  'TEN',
  'ELEVEN',
  'TWELVE',
  'THIRTEEN',
  'FOURTEEN',
  'FIFTEEN',
  'SIXTEEN',
  'SEVENTEEN',
  'EIGHTEEN',
  'NINETEEN',
];
const TENS = ['', '', 'TWENTY', 'THIRTY', 'FORTY', 'FIFTY', 'SIXTY', 'SEVENTY', 'EIGHTY', 'NINETY'];
const SCALES = ['', 'THOUSAND', 'MILLION', 'BILLION', 'TRILLION'];
const CURRENCY_NAMES: Record<string, [whole: string, minor: string]> = {
  USD: ['US DOLLARS', 'CENTS'],
  EUR: ['EUROS', 'CENTS'],
  GBP: ['POUNDS STERLING', 'PENCE'],
  CNY: ['CHINESE YUAN', 'FEN'],
  AUD: ['AUSTRALIAN DOLLARS', 'CENTS'],
  CAD: ['CANADIAN DOLLARS', 'CENTS'],
  HKD: ['HONG KONG DOLLARS', 'CENTS'],
  JPY: ['JAPANESE YEN', ''],
};

function below1000(n: number): string {
  const parts: string[] = [];
  if (n >= 100) {
    parts.push(`${ONES[Math.floor(n / 100)]} HUNDRED`);
    n %= 100;
    if (n > 0) parts.push('AND');
  }
  if (n >= 20) parts.push(TENS[Math.floor(n / 10)]! + (n % 10 ? `-${ONES[n % 10]}` : ''));
  else if (n > 0) parts.push(ONES[n]!);
  return parts.join(' ');
}

/** A whole number in English words ("ONE THOUSAND TWO HUNDRED AND FIVE"); ZERO for 0. */
export function numberInWords(n: number): string {
  if (n === 0) return 'ZERO';
  const groups: string[] = [];
  for (let scale = 0; n > 0 && scale < SCALES.length; scale++) {
    const chunk = n % 1000;
    if (chunk > 0) groups.unshift(`${below1000(chunk)}${SCALES[scale] ? ` ${SCALES[scale]}` : ''}`);
    n = Math.floor(n / 1000);
  }
  return groups.join(' ');
}

/**
 * The total as trade documents say it ("US DOLLARS ONE THOUSAND TWO HUNDRED AND CENTS FIFTY ONLY");
 * null for a currency whose English name is not listed here.
 */
export function amountInWords(minor: number, currency: string): string | null {
  const names = CURRENCY_NAMES[currency];
  if (!names) return null;
  const digits = currencyDigits(currency);
  const whole = Math.floor(minor / 10 ** digits);
  const cents = minor - whole * 10 ** digits;
  const minorPart = cents > 0 && names[1] ? ` AND ${names[1]} ${numberInWords(cents)}` : '';
  return `${names[0]} ${numberInWords(whole)}${minorPart} ONLY`;
}
