import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../src/shared/errors';
import { readTable } from '../../src/main/import/read-table';
import { storedZip, unzip } from '../../src/main/import/read-xlsx';
import * as XLSX from '@e965/xlsx';
import type { ParsedTable } from '../../src/main/import/types';

/**
 * Whatever bytes come in, readTable returns a well-formed table or throws an AppError IMPORT_*:
 * never another exception, never a hang.
 */
const FIXTURES = join(import.meta.dirname, '../../../shared/fixtures');
const NAMES = [
  'alibaba-inquiries-zh.xlsx',
  'alibaba-inquiries-en.csv',
  'alibaba-inquiries-zh-gbk.csv',
  'alibaba-customers-zh.xlsx',
  'alibaba-orders-zh.csv',
  'trade-fair-leads.csv',
  'online-retail-sample.csv',
];
const files = NAMES.map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(FIXTURES, name))) }));
const csvFiles = files.filter((f) => f.name.endsWith('.csv'));
const xlsxFiles = files.filter((f) => f.name.endsWith('.xlsx'));
const gbkBytes = files.find((f) => f.name === 'alibaba-inquiries-zh-gbk.csv')?.bytes ?? new Uint8Array();
const utf8 = (text: string) => new TextEncoder().encode(text);

let cases = 0;
const codes = new Map<string, number>();
afterAll(() => {
  console.log(`readTable fuzz: ${cases} cases tried; outcomes ${JSON.stringify(Object.fromEntries(codes))}`);
});

/** The shape readTable promises; plain checks (thousands of `expect`s per case are slow). */
function problemsOf(t: ParsedTable): string[] {
  const problems: string[] = [];
  if (t.format !== 'csv' && t.format !== 'xlsx') problems.push(`format ${String(t.format)}`);
  if (!Array.isArray(t.headers) || t.headers.some((h) => typeof h !== 'string')) problems.push('headers');
  if (!Array.isArray(t.rows) || t.rows.length === 0) problems.push('no rows');
  if (t.rowNumbers.length !== t.rows.length) problems.push('rowNumbers length');
  let previous = t.headerRowIndex + 1;
  for (const n of t.rowNumbers) {
    if (!Number.isInteger(n) || n <= previous) problems.push(`row number ${n} after ${previous}`);
    previous = n;
  }
  for (const row of t.rows) {
    if (!Array.isArray(row)) problems.push('row not an array');
    else if (!row.every((c) => c === null || typeof c === 'string' || typeof c === 'number' || typeof c === 'boolean' || c instanceof Date))
      problems.push('cell type');
  }
  if (t.texts && (t.texts.length !== t.rows.length || t.texts.some((r, i) => r.length !== t.rows[i]?.length))) problems.push('texts shape');
  return problems;
}

/** Reads; accepts a well-formed table or an AppError IMPORT_*; anything else fails the property. */
function check(bytes: Uint8Array, fileName: string): ParsedTable | null {
  cases++;
  let table: ParsedTable;
  try {
    table = readTable(bytes, fileName);
  } catch (err) {
    if (!(err instanceof AppError) || !err.code.startsWith('IMPORT_')) throw err;
    codes.set(err.code, (codes.get(err.code) ?? 0) + 1);
    return null;
  }
  expect(problemsOf(table)).toEqual([]);
  codes.set('ok', (codes.get('ok') ?? 0) + 1);
  return table;
}

function flipBits(bytes: Uint8Array, flips: { at: number; bit: number }[]): Uint8Array {
  const out = bytes.slice();
  for (const { at, bit } of flips) {
    const i = at % out.length;
    out[i] = (out[i] as number) ^ (1 << bit);
  }
  return out;
}

const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

const flips = fc.array(fc.record({ at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }), { minLength: 1, maxLength: 8 });

describe('readTable never crashes', () => {
  it('on random bytes under any name', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), fc.constantFrom('a.csv', 'a.xlsx', 'a.xls', 'a.txt', 'a'), (bytes, name) => {
        check(bytes, name);
      }),
      { numRuns: 800 },
    );
    // Random bytes behind a zip signature reach the workbook reader.
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
        check(concat([new Uint8Array([0x50, 0x4b, 0x03, 0x04]), bytes]), 'a.csv');
      }),
      { numRuns: 300 },
    );
  });

  it('on truncated fixtures', () => {
    fc.assert(
      fc.property(fc.constantFrom(...files), fc.integer({ min: 0, max: 100_000 }), (file, share) => {
        check(file.bytes.subarray(0, Math.floor((file.bytes.length * share) / 100_000)), file.name);
      }),
      { numRuns: 500 },
    );
  });

  it('on bit-flipped CSV fixtures', () => {
    fc.assert(
      fc.property(fc.constantFrom(...csvFiles), flips, (file, f) => {
        check(flipBits(file.bytes, f), file.name);
      }),
      { numRuns: 400 },
    );
  });

  it('on bit-flipped XLSX fixtures', () => {
    fc.assert(
      fc.property(fc.constantFrom(...xlsxFiles), flips, (file, f) => {
        check(flipBits(file.bytes, f), file.name);
      }),
      { numRuns: 150 },
    );
  });

  it('on workbooks whose XML is damaged inside an intact zip', () => {
    // Bit flips in a zip mostly break a CRC; these reach SheetJS's XML parsers instead.
    const unpacked = xlsxFiles.map((f) => ({ name: f.name, files: unzip(f.bytes) }));
    const xml = /(workbook|sheet\d*|sharedStrings|styles|\[Content_Types\]|\.rels)\.?(xml|rels)?$/;
    fc.assert(
      fc.property(fc.constantFrom(...unpacked), fc.nat(), flips, fc.nat({ max: 2000 }), (book, which, f, cut) => {
        const targets = book.files.filter((x) => xml.test(x.name));
        const target = targets[which % targets.length];
        const files = book.files.map((x) => {
          if (x !== target) return x;
          const flipped = flipBits(x.data, f);
          return { name: x.name, data: cut % 3 === 0 ? flipped.subarray(0, Math.max(0, flipped.length - cut)) : flipped };
        });
        check(storedZip(files), book.name);
      }),
      { numRuns: 100 },
    );
  });

  it('on bit-flipped legacy .xls (BIFF8) workbooks', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ['公司名称', '国家', '邮箱'],
        ['Acme', 'DE', 'a@acme.de'],
        ['Beta', '法国', 'b@beta.fr'],
      ]),
      '客户',
    );
    const xls = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'biff8' }) as ArrayBuffer);
    expect(check(xls, 'old.xls')?.rows).toEqual([
      ['Acme', 'DE', 'a@acme.de'],
      ['Beta', '法国', 'b@beta.fr'],
    ]);
    // SheetJS logs "Missing Info for XLS Record …" for damaged records: expected here.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      fc.assert(
        fc.property(flips, fc.integer({ min: 1, max: 100 }), (f, share) => {
          check(flipBits(xls, f).subarray(0, Math.ceil((xls.length * share) / 100)), 'old.xls');
        }),
        { numRuns: 200 },
      );
    } finally {
      quiet.mockRestore();
    }
  });

  it('on 1 MB cells', () => {
    fc.assert(
      fc.property(fc.constantFrom('x', '中', ',', '"', '\n', ' '), fc.boolean(), (fill, quoted) => {
        const huge = fill.repeat(1024 * 1024);
        const cell = quoted ? `"${huge.replace(/"/g, '""')}"` : huge;
        check(utf8(`Company,Country,Message\nAcme,DE,${cell}\nBeta,FR,short\n`), 'big.csv');
      }),
      { numRuns: 12 },
    );
    const t = check(utf8(`Company,Message\nAcme,"${'中,"" \n'.repeat(200_000)}"\nBeta,hi\n`), 'big.csv');
    expect(t?.rows[0]?.[1]).toHaveLength(200_000 * 5);
    expect(t?.rowNumbers).toEqual([2, 200_003]);
  });

  it('on unbalanced quotes and stray delimiters', () => {
    const piece = fc.constantFrom('"', '""', ',', ';', '\t', '\n', '\r\n', '\r', 'a', '中', ' ', 'Company', '公司名称', 'Email');
    fc.assert(
      fc.property(fc.boolean(), fc.array(piece, { maxLength: 200 }), (withHeader, pieces) => {
        check(utf8((withHeader ? 'Company,Country,Email\n' : '') + pieces.join('')), 'q.csv');
      }),
      { numRuns: 1000 },
    );
  });

  it('on mixed encodings', () => {
    const chunk = fc.oneof(
      fc.string({ maxLength: 40 }).map(utf8),
      fc
        .constantFrom(
          '公司名称,国家,邮箱\n',
          '已回复,"a,b"\n',
          'Acme,DE\n',
          '<table><tr><td>',
          '</td><td>',
          '</tr>',
          '<?xml version="1.0"?>',
        )
        .map(utf8),
      fc.nat({ max: gbkBytes.length - 64 }).map((at) => gbkBytes.subarray(at, at + 1 + (at % 63))),
      fc.string({ maxLength: 20 }).map((s) => new Uint8Array(Buffer.from(s, 'utf16le'))),
      fc.constantFrom(new Uint8Array([0xef, 0xbb, 0xbf]), new Uint8Array([0xff, 0xfe]), new Uint8Array([0xfe, 0xff])),
      fc.uint8Array({ maxLength: 16 }),
    );
    fc.assert(
      fc.property(fc.array(chunk, { maxLength: 24 }), fc.constantFrom('m.csv', 'm.xls'), (parts, name) => {
        check(concat(parts), name);
      }),
      { numRuns: 500 },
    );
  });
});

describe('readTable reads back what Papa.unparse wrote', () => {
  it('cells with quotes, commas and line breaks, and the line each record starts on', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Z', '0', '中', '★', 'é', '"', ',', '\n', ' '), maxLength: 12 });
    const row = fc.tuple(cell, cell, cell).filter((r) => r.some((c) => c.trim() !== ''));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), (rows, newline, bom) => {
        const headers = ['Company', 'Country', 'Email'];
        const text = Papa.unparse([headers, ...rows], { newline });
        const t = check(utf8((bom ? '\uFEFF' : '') + text), 'r.csv');
        expect(t).not.toBeNull();
        expect(t?.headers).toEqual(headers);
        expect(t?.rows).toEqual(rows);
        let line = 2;
        const expected = rows.map((r) => {
          const start = line;
          line += 1 + r.join('').split('\n').length - 1;
          return start;
        });
        expect(t?.rowNumbers).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
