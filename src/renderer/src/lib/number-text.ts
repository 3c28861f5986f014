/**
 * Numbers typed into text inputs. Full-width digits and punctuation from a Chinese input method
 * ("８０", "１．５") are read as ASCII; a trailing "%" is allowed. null = not a number.
 */
export function parseNumber(text: string): number | null {
  const s = text.normalize('NFKC').replace(/\s+/g, '').replace(/%$/, '');
  if (s === '' || !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** A number as an input shows it: no float noise (0.15 × 100 is 15, not 15.000000000000002). */
export function numberText(n: number): string {
  return String(Number(n.toFixed(6)));
}
