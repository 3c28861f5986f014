/**
 * IDs a spreadsheet has mangled. Excel turns a long digit string into a number: saved as CSV it
 * writes `5.00001E+13` (six significant digits: the rest is gone), `50000051124536.0` after some
 * round trips, or drops leading zeros (`0012345` → `12345`); a number typed with more than 15
 * digits keeps only 15. Such a value is not the ID any more, and used as a key it would make every
 * row look like a re-import of the first. It is recognised here, recovered where the digits are
 * all still there, and otherwise never used as a key.
 */
import type { IdProblem } from '../../../shared/domain/import';
import type { Cell } from '../types';

export interface IdCheck {
  /** The usable ID ('' when the cell is empty), or null when the value cannot be trusted as one. */
  id: string | null;
  /** What a spreadsheet did to it; set also when the ID was recovered. */
  problem: IdProblem | null;
}

const SCIENTIFIC = /^([+-]?)(\d+)(?:[.,](\d+))?[eE]\+?(\d+)$/;
const TRAILING_ZERO_DECIMAL = /^(\d+)[.,]0+$/;
/** Excel keeps 15 significant digits of a number. */
const MAX_EXACT_DIGITS = 15;

/**
 * Checks one ID cell. `text` is what the file shows (CSV text, or an XLSX cell's displayed text),
 * `raw` the cell's value as read (an XLSX number keeps every digit it still has), and
 * `columnLength` the length of the column's zero-padded IDs when it has any (see paddedLength).
 */
export function checkId(text: string, raw: Cell | undefined, columnLength: number | null = null): IdCheck {
  const t = text.trim();
  if (typeof raw === 'number' && Number.isFinite(raw) && Number.isInteger(raw) && raw >= 0) {
    const digits = String(raw);
    // A spreadsheet number: exact up to 15 digits; past that Excel has replaced digits with zeros.
    if (digits.length > MAX_EXACT_DIGITS) return { id: null, problem: 'precision' };
    const shown = t || digits;
    if (shown === digits) return leadingZeros(digits, columnLength);
    // Shown as 5.00001E+13 or 123.0 but stored whole: the stored digits are the ID.
    return { id: digits, problem: SCIENTIFIC.test(shown) ? 'scientific' : 'decimal' };
  }
  if (!t) return { id: '', problem: null };
  const sci = SCIENTIFIC.exec(t);
  if (sci) {
    const [, sign, int = '', frac = '', exp = '0'] = sci;
    // Every digit is there only when the fraction is exactly as long as the exponent (1.2345E+4 = 12345).
    if (!sign && frac.length === Number(exp) && int.length + frac.length <= MAX_EXACT_DIGITS)
      return { id: int + frac, problem: 'scientific' };
    return { id: null, problem: 'scientific' };
  }
  const dec = TRAILING_ZERO_DECIMAL.exec(t);
  if (dec?.[1]) return { id: dec[1], problem: 'decimal' };
  return leadingZeros(t, columnLength);
}

function leadingZeros(id: string, columnLength: number | null): IdCheck {
  if (columnLength !== null && /^\d+$/.test(id) && id.length < columnLength) return { id: null, problem: 'leadingZeros' };
  return { id, problem: null };
}

/**
 * The length of a column's zero-padded IDs (`0012345`), when most of its digit-only IDs share one
 * length and some of them start with 0: a shorter digit-only value in that column has lost its
 * leading zeros. Null when the column shows no such pattern.
 */
export function paddedLength(values: readonly string[]): number | null {
  const tally = new PaddedLengthTally();
  for (const v of values) tally.add(v);
  return tally.length();
}

/** paddedLength over a column read in parts. */
export class PaddedLengthTally {
  private readonly lengths = new Map<number, { count: number; padded: boolean }>();
  private digitOnly = 0;

  add(raw: string): void {
    const v = raw.trim();
    if (!v || !/^\d+$/.test(v)) return;
    this.digitOnly++;
    const entry = this.lengths.get(v.length) ?? { count: 0, padded: false };
    entry.count++;
    if (v.startsWith('0')) entry.padded = true;
    this.lengths.set(v.length, entry);
  }

  length(): number | null {
    if (this.digitOnly < 5) return null;
    let best: [number, { count: number; padded: boolean }] | null = null;
    for (const entry of this.lengths) if (!best || entry[1].count > best[1].count) best = entry;
    if (!best || !best[1].padded || best[1].count < this.digitOnly * 0.8) return null;
    return best[0];
  }
}
