import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkId, paddedLength } from '../../src/main/import/normalize/ids';

/** What Excel's General format writes for a number: at most 11 characters, else scientific with 6 significant digits. */
function excelGeneral(n: number): string {
  const plain = String(n);
  if (plain.length <= 11) return plain;
  const exp = plain.length - 1;
  const mantissa = Number(`${plain[0]}.${plain.slice(1)}`)
    .toFixed(5)
    .replace(/0+$/, '')
    .replace(/\.$/, '');
  return `${mantissa}E+${String(exp).padStart(2, '0')}`;
}

describe('IDs a spreadsheet mangled', () => {
  it('a digit string as written is the ID; with a lost leading zero it is not used', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9][0-9]{0,20}$/), (id) => {
        expect(checkId(id, id)).toEqual({ id, problem: null });
        expect(checkId(id, id, id.length + 2)).toEqual({ id: null, problem: 'leadingZeros' });
      }),
    );
  });

  it('Excel scientific notation of a long number is never taken as the ID; its stored digits are, up to 15', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100_000_000_000, max: 999_999_999_999_999 }), (n) => {
        const shown = excelGeneral(n);
        const fromCsv = checkId(shown, shown);
        // A CSV keeps only what was shown: six significant digits are not the ID.
        expect(fromCsv.problem).toBe('scientific');
        expect(fromCsv.id).toBeNull();
        // An XLSX keeps the number: every digit is still there.
        expect(checkId(shown, n)).toEqual({ id: String(n), problem: 'scientific' });
      }),
    );
  });

  it('more than 15 digits in a number cell cannot be trusted; trailing .0 is recovered exactly', () => {
    expect(checkId('1234567890123456', 1234567890123456)).toEqual({ id: null, problem: 'precision' });
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9][0-9]{0,14}$/), fc.integer({ min: 1, max: 3 }), (id, zeros) => {
        expect(checkId(`${id}.${'0'.repeat(zeros)}`, `${id}.${'0'.repeat(zeros)}`)).toEqual({ id, problem: 'decimal' });
      }),
    );
    // Scientific with every digit written out is exact.
    expect(checkId('1.2345E+4', '1.2345E+4')).toEqual({ id: '12345', problem: 'scientific' });
    expect(checkId('', null)).toEqual({ id: '', problem: null });
    expect(checkId('PO-2026-0012', 'PO-2026-0012')).toEqual({ id: 'PO-2026-0012', problem: null });
  });

  it('a column of zero-padded IDs gives its length; without padding or with mixed lengths, none', () => {
    expect(paddedLength(['0012345', '0098765', '0000123', '0111111', '12345', '0456789'])).toBe(7);
    expect(paddedLength(['12345', '67890', '11111', '22222', '33333'])).toBeNull();
    expect(paddedLength(['1', '22', '333', '4444', '0'])).toBeNull();
    expect(paddedLength(['001', '002'])).toBeNull();
  });
});
