import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../support/temp-db';
import { dumpData } from '../support/dump';

/**
 * Through the engine, as the wizard and CLI call it: mutated sample files either import or fail
 * with an IMPORT_* code, and a failed analysis never writes a row.
 */
const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures');
const SEEDS = ['alibaba-inquiries-en.csv', 'alibaba-inquiries-zh-gbk.csv', 'alibaba-customers-zh.xlsx', 'online-retail-sample.csv'].map(
  (f) => ({
    name: f,
    bytes: readFileSync(join(FIXTURES, f)),
  }),
);

let t: TestEngine;
beforeAll(async () => {
  t = await openTestEngine();
});
afterAll(async () => {
  await t.close();
});

describe('import through the engine, fuzzed', () => {
  it('a mutated file is refused with a coded error and writes nothing, or imports as a whole', async () => {
    let cases = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...SEEDS),
        fc.oneof(
          fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
          fc.record({
            kind: fc.constant('flip' as const),
            at: fc.double({ min: 0, max: 1, noNaN: true }),
            count: fc.integer({ min: 1, max: 50 }),
          }),
          fc.record({ kind: fc.constant('junk' as const), bytes: fc.uint8Array({ minLength: 0, maxLength: 4000 }) }),
        ),
        async (seed, mutation) => {
          cases++;
          let bytes: Uint8Array;
          if (mutation.kind === 'truncate') bytes = seed.bytes.subarray(0, Math.floor(seed.bytes.length * mutation.at));
          else if (mutation.kind === 'junk') bytes = mutation.bytes;
          else {
            bytes = Uint8Array.from(seed.bytes);
            const start = Math.floor(bytes.length * mutation.at);
            for (let i = 0; i < mutation.count && start + i < bytes.length; i++) bytes[start + i] = (bytes[start + i]! ^ 0x5a) & 0xff;
          }
          const before = dumpData(t.engine.database.readSqlite);
          const analysis = await t.raw('import.analyze', { fileName: seed.name, contentBase64: Buffer.from(bytes).toString('base64') });
          if (!analysis.ok) {
            refused++;
            expect(analysis.error.code).toMatch(/^(IMPORT_[A-Z_]+|INVALID_INPUT)$/);
            expect(dumpData(t.engine.database.readSqlite)).toBe(before);
            return;
          }
          const a = analysis.value as { fileId: string; kind: string; mapping: unknown[] };
          const commit = await t.raw('import.commit', { fileId: a.fileId, kind: a.kind, mapping: a.mapping });
          if (!commit.ok) {
            expect(commit.error.code).toMatch(/^IMPORT_[A-Z_]+$/);
            expect(dumpData(t.engine.database.readSqlite)).toBe(before);
          } else {
            // A committed import is whole: undoing it restores the database exactly.
            const batchId = (commit.value as { batchId: number }).batchId;
            const undo = await t.raw('import.undo', { batchId });
            expect(undo.ok).toBe(true);
            expect(dumpData(t.engine.database.readSqlite)).toBe(before);
          }
        },
      ),
      { numRuns: 150 },
    );
    console.log(`import fuzz through the engine: ${cases} cases, ${refused} refused with a coded error`);
    expect(cases).toBeGreaterThanOrEqual(150);
  });
});

describe('import through the engine, adversarial files', () => {
  const utf8 = (text: string) => Buffer.from(text, 'utf8');
  async function xlsx(sheet: string, rows: unknown[][]): Promise<Buffer> {
    const XLSX = await import('@e965/xlsx');
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), sheet);
    return Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  }

  it('prototype-pollution headers and cells, huge and formula cells: imported whole or refused with a code, nothing polluted', async () => {
    const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort().join(',');
    const evil = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineSetter__', 'valueOf'];
    const files: { name: string; bytes: Buffer }[] = [
      { name: 'proto-headers.csv', bytes: utf8(`${evil.join(',')}\n${evil.map((e) => `{"polluted":"${e}"}`).join(',')}\n`) },
      {
        name: 'proto-headers-company.csv',
        bytes: utf8(
          `Company,__proto__,constructor,Country,Email\n__proto__,{"polluted":1},prototype,DE,proto@evil.example\nconstructor,x,y,FR,ctor@evil.example\n`,
        ),
      },
      {
        name: 'proto-values.csv',
        bytes: utf8(
          `Company,Country,Tags,Email\nAcme,__proto__,__proto__;constructor,__proto__@x.example\ntoString,DE,hasOwnProperty,valueOf@x.example\n`,
        ),
      },
      {
        name: 'formula.csv',
        bytes: utf8(`Company,Country,Notes\n=HYPERLINK("http://evil.example"),DE,+cmd|' /C calc'!A0\n@SUM(1+1),FR,-2+3\n`),
      },
      { name: 'huge-cell.csv', bytes: utf8(`Company,Country,Notes\nHuge Ltd,DE,"${'x'.repeat(2_000_000)}"\n`) },
      {
        name: 'many-columns.csv',
        bytes: utf8(`${Array.from({ length: 3000 }, (_, i) => (i === 0 ? 'Company' : `c${i}`)).join(',')}\nWide Ltd${',v'.repeat(2999)}\n`),
      },
      { name: 'nul-and-controls.csv', bytes: utf8(`Company,Country\nNul\u0000Ltd,DE\nBell\u0007Ltd,FR\n\u202eRTL Ltd,CN\n`) },
      { name: 'deep-quotes.csv', bytes: utf8(`Company,Country\n"${'""'.repeat(50_000)}",DE\n`) },
      {
        name: 'proto-sheet.xlsx',
        bytes: await xlsx('__proto__', [
          ['公司名称', '__proto__', 'constructor', '国家'],
          ['Proto Sheet Ltd', '{"polluted":true}', 'x', '德国'],
        ]),
      },
      {
        name: 'proto-only.xlsx',
        bytes: await xlsx('constructor', [
          ['__proto__', 'prototype'],
          ['a', 'b'],
        ]),
      },
    ];
    let cases = 0;
    let imported = 0;
    let refused = 0;
    for (const file of files) {
      for (const sheet of [undefined, '__proto__', 'constructor']) {
        cases++;
        const before = dumpData(t.engine.database.readSqlite);
        const analysis = await t.raw('import.analyze', {
          fileName: file.name,
          contentBase64: file.bytes.toString('base64'),
          ...(sheet ? { sheet } : {}),
        });
        if (!analysis.ok) {
          refused++;
          expect(analysis.error.code, `${file.name} ${analysis.error.message}`).toMatch(/^(IMPORT_[A-Z_]+|INVALID_INPUT)$/);
          expect(dumpData(t.engine.database.readSqlite)).toBe(before);
          continue;
        }
        const a = analysis.value as { fileId: string; kind: string; mapping: unknown[] };
        const commit = await t.raw('import.commit', { fileId: a.fileId, kind: a.kind, mapping: a.mapping });
        if (!commit.ok) {
          refused++;
          expect(commit.error.code, `${file.name} ${commit.error.message}`).toMatch(/^IMPORT_[A-Z_]+$/);
          expect(dumpData(t.engine.database.readSqlite)).toBe(before);
          continue;
        }
        imported++;
        const undo = await t.raw('import.undo', { batchId: (commit.value as { batchId: number }).batchId });
        expect(undo.ok).toBe(true);
        expect(dumpData(t.engine.database.readSqlite)).toBe(before);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort().join(',')).toBe(protoBefore);
    console.info(`import adversarial files: ${cases} cases, ${imported} imported whole (and undone), ${refused} refused with a code`);
    expect(imported).toBeGreaterThan(0);
  });
});
