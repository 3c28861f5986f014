/**
 * The CSV reader parses a file a piece at a time, cutting where papaparse completes a record.
 * Wherever the pieces fall, the records, their cells and their line numbers are those of one
 * parse of the whole file.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/main/import/read-csv';

const cell = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'ACME Ltd',
    '上海灯具有限公司',
    '5.00001E+13',
    '0012',
    'a,b',
    'say "hi"',
    'line1\nline2',
    'x\r\ny',
    '"',
    ',,',
    '\u00e9t\u00e9',
  ),
  fc.string({ maxLength: 12 }),
);

function quote(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

describe('CSV pieces', () => {
  it('give the records of one parse of the whole file, wherever they fall', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 64 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        (rows, piece, eol, trailing) => {
          const header = 'Company,Email,Country,Phone,Note';
          const text = [header, ...rows.map((r) => r.map(quote).join(','))].join(eol) + (trailing ? eol : '');
          const bytes = new TextEncoder().encode(text);
          let whole: unknown;
          let pieces: unknown;
          try {
            whole = readCsv(bytes);
          } catch (err) {
            whole = { error: (err as { code?: string }).code };
          }
          try {
            pieces = readCsv(bytes, { pieceChars: piece });
          } catch (err) {
            pieces = { error: (err as { code?: string }).code };
          }
          expect(pieces).toEqual(whole);
        },
      ),
      { numRuns: 400 },
    );
  });
});
