/**
 * An import file is kept as the base64 text it came in and decoded a piece at a time: any range
 * of it reads as the same range of the decoded bytes, and a CSV file in any of our encodings,
 * read in pieces of any size (characters cut in two), gives the table one read of the whole gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64Bytes, bufferBytes } from '../../src/main/import/file-bytes';
import { readCsv } from '../../src/main/import/read-csv';

describe('base64Bytes', () => {
  it('reads any range as the decoded bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.nat(70), fc.nat(70), (bytes, a, b) => {
        const file = base64Bytes(Buffer.from(bytes).toString('base64'));
        expect(file.length).toBe(bytes.length);
        const [from, to] = a <= b ? [a, b] : [b, a];
        expect([...file.read(from, to)]).toEqual([...bytes.subarray(from, to)]);
      }),
      { numRuns: 500 },
    );
  });

  it('decodes text in other forms (line breaks, no padding) as Node does', () => {
    const bytes = Buffer.from('Company,Country\nACME,US\n');
    const wrapped = bytes.toString('base64').replace(/(.{8})/g, '$1\n');
    expect(Buffer.from(base64Bytes(wrapped).read(0, 1000))).toEqual(bytes);
    expect(Buffer.from(base64Bytes(bytes.toString('base64').replace(/=+$/, '')).read(0, 1000))).toEqual(bytes);
  });
});

const cell = fc.constantFrom('ACME Ltd', '上海灯具有限公司', '\u00e9t\u00e9', 'a,b', 'line1\r\nline2', '𝒳𝒴', 'Müller GmbH', '');

function quote(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** GB18030's two-byte codes of the characters above (ASCII is itself). */
const gb: Record<string, number[]> = (() => {
  const wanted = new Set('上海灯具有限公司éü');
  const table: Record<string, number[]> = {};
  const decoder = new TextDecoder('gb18030');
  for (let hi = 0x81; hi <= 0xfe; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      const c = decoder.decode(new Uint8Array([hi, lo]));
      if (wanted.has(c) && !(c in table)) table[c] = [hi, lo];
    }
  return table;
})();

function encode(text: string, encoding: string): Uint8Array {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  if (encoding === 'utf-8-bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  if (encoding === 'utf-16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else out.push(...(gb[ch] ?? [0x3f]));
  }
  return new Uint8Array(out);
}

describe('CSV pieces in every encoding', () => {
  it('give the table of one read of the whole file, from bytes or from base64', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'gb18030'),
        (rows, piece, encoding) => {
          const text = ['Company,Country,Note', ...rows.map((r) => r.map(quote).join(','))].join('\r\n');
          const bytes = encode(text, encoding);
          const outcome = (read: () => unknown) => {
            try {
              return read();
            } catch (err) {
              return { error: (err as { code?: string }).code };
            }
          };
          const whole = outcome(() => readCsv(bytes));
          expect(outcome(() => readCsv(bufferBytes(bytes), { pieceChars: piece }))).toEqual(whole);
          expect(outcome(() => readCsv(base64Bytes(Buffer.from(bytes).toString('base64')), { pieceChars: piece }))).toEqual(whole);
        },
      ),
      { numRuns: 300 },
    );
  });
});
