/**
 * What the export writes so a spreadsheet keeps a value as text (the formula guard's apostrophe,
 * `="…"` for long IDs and phones) the importer takes off again: any value, written into a CSV by
 * the export and read by the importer's CSV reader, comes back as it was.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCodeCell, escapeSpreadsheetCell } from '../../src/main/export/escape-cell';
import { writeSheets } from '../../src/main/export/write-table';
import { readCsv } from '../../src/main/import/read-csv';
import { unwrapSpreadsheetText } from '../../src/main/import/normalize/spreadsheet-text';

/** Values near the edges: formulas, guards, quotes, phones, IDs Excel would turn into 5.00001E+13. */
const tricky = fc.constantFrom(
  '=1+1',
  "'=1+1",
  "''+86",
  '="123"',
  '=""',
  '="a""b"',
  '+86 138 0013 8000',
  '0086 755 1234',
  '(0755) 8888-1234',
  '-5',
  '@home',
  ' =x',
  '\t=x',
  "'",
  '"',
  '500001234567890',
  '0012',
  '12345',
  '上海灯具有限公司',
);
const value = fc.oneof(tricky, fc.string({ maxLength: 16 }), fc.stringMatching(/^[+'= ()0-9-]{0,20}$/));
/** The CSV reader unifies line ends (a CR becomes LF), as spreadsheets do: values without CR. */
const csvValue = value.filter((v) => !v.includes('\r'));

describe('spreadsheet text', () => {
  it('the guard and the text form are taken off exactly once', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(unwrapSpreadsheetText(escapeSpreadsheetCell(v))).toBe(v);
        expect(unwrapSpreadsheetText(csvCodeCell(v))).toBe(v);
      }),
      { numRuns: 2000 },
    );
  });

  it('IDs of 12 digits or more, leading zeros and phones are written as ="…"; short IDs as they are', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9][0-9]{11,30}$/), (id) => {
        expect(csvCodeCell(id)).toBe(`="${id}"`);
      }),
    );
    expect(csvCodeCell('0012')).toBe('="0012"');
    expect(csvCodeCell('+86 138 0013 8000')).toBe('="+86 138 0013 8000"');
    expect(csvCodeCell('12345678901')).toBe('12345678901');
    expect(csvCodeCell('=cmd|x')).toBe("'=cmd|x");
    expect(csvCodeCell('wx_88')).toBe('wx_88');
  });

  it('a CSV the export writes reads back cell for cell', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(csvValue, csvValue, csvValue), { minLength: 1, maxLength: 20 }), (values) => {
        const rows = values.map(([text, phone, id], i) => [`row ${i}`, text, phone, id]);
        const bytes = writeSheets(
          [
            {
              name: 'x',
              columns: [
                { header: 'No', kind: 'text' },
                { header: 'Company', kind: 'text' },
                { header: 'Phone', kind: 'code' },
                { header: 'Inquiry ID', kind: 'code' },
              ],
              rows,
            },
          ],
          'csv',
        );
        const table = readCsv(bytes);
        expect(table.headers).toEqual(['No', 'Company', 'Phone', 'Inquiry ID']);
        expect(table.rows).toEqual(rows);
      }),
      { numRuns: 500 },
    );
  });
});
