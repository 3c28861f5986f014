import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryTemplate } from '../../src/main/db/sql';
import { openTestEngine, type TestEngine } from '../support/temp-db';

let t: TestEngine;
beforeAll(async () => {
  t = await openTestEngine();
  for (const company of ['Acme', 'Acme Lighting', 'Berlin Licht', 'acme lower', 'Zeta', 'Åsa AB', '光明照明']) {
    await t.call('customers.create', { company, country: 'DE' });
  }
});
afterAll(() => t.close());

const byPrefix = queryTemplate((db, from: string, to: string, max: number) =>
  db.selectFrom('customers').select(['id', 'company']).where('company', '>=', from).where('company', '<', to).orderBy('company').limit(max),
);

describe('queryTemplate (built and compiled once, new values each call)', () => {
  it('returns what the same query built afresh returns, for any values', () => {
    const read = t.engine.database.read;
    fc.assert(
      fc.property(fc.string({ maxLength: 4 }), fc.integer({ min: 0, max: 10 }), (prefix, max) => {
        const to = `${prefix}\u{10FFFF}`;
        const fresh = read.all(
          read
            .selectFrom('customers')
            .select(['id', 'company'])
            .where('company', '>=', prefix)
            .where('company', '<', to)
            .orderBy('company')
            .limit(max),
        );
        expect(byPrefix(read, prefix, to, max)).toEqual(fresh);
      }),
      { numRuns: 200 },
    );
    expect(byPrefix(read, 'Acme', 'Acme\u{10FFFF}', 10).map((r) => r.company)).toEqual(['Acme', 'Acme Lighting', 'acme lower']); // company compares NOCASE
  });

  it('refuses a template that does not bind each argument as a value (one computed from a stand-in), every time', () => {
    const broken = queryTemplate((db, prefix: string) =>
      db
        .selectFrom('customers')
        .select('id')
        .where('company', '>=', `${String(prefix)}x`),
    );
    expect(() => broken(t.engine.database.read, 'A')).toThrow(/bind each of its arguments/);
    expect(() => broken(t.engine.database.read, 'B')).toThrow(/bind each of its arguments/);
    const halfBroken = queryTemplate((db, from: string, to: string) =>
      db
        .selectFrom('customers')
        .select('id')
        .where('company', '>=', from)
        .where('company', '<', `${String(to)}`),
    );
    expect(() => halfBroken(t.engine.database.read, 'A', 'B')).toThrow(/bind each of its arguments/);
  });
});
