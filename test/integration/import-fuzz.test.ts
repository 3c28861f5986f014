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
const SEEDS = ['alibaba-inquiries-en.csv', 'alibaba-inquiries-zh-gbk.csv', 'alibaba-customers-zh.xlsx', 'online-retail-sample.csv'].map((f) => ({
  name: f,
  bytes: readFileSync(join(FIXTURES, f)),
}));

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
          fc.record({ kind: fc.constant('flip' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), count: fc.integer({ min: 1, max: 50 }) }),
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
            const undo = await t.raw('imports.undo', { batchId });
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
