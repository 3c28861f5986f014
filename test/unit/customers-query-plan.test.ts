import { loadBuyerLibs } from '../../src/main/services/customers/buyer-zone';
import type { Compilable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUSTOMER_SORT_KEYS } from '../../src/shared/domain/customer';
import { contract } from '../../src/shared/ipc/contract';
import { listCustomers } from '../../src/main/services/customers/customers';
import type { ServiceContext } from '../../src/main/services/context';
import { openTestEngine, type TestEngine } from '../support/temp-db';

/** The grid must page by index, never sort the whole table: checked on SQLite's own plans. */
let t: TestEngine;
let plans: string[] = [];
beforeAll(async () => {
  t = await openTestEngine();
  for (let i = 0; i < 50; i++)
    await t.call('customers.create', { company: `Company ${i}`, country: i % 2 ? 'DE' : 'US', industry: 'Lighting' });
  t.engine.database.sqlite.exec('ANALYZE');
});
afterAll(async () => {
  await t.close();
});

/** The plan of the n-th query the grid's page request runs (0: the page's ids, 1: the rows of those ids). */
function planFor(input: unknown, n = 0): string {
  const queries: { sql: string; parameters: readonly unknown[] }[] = [];
  // Capture the SQL the service compiles, then ask SQLite how it would run it.
  const capture = {
    selectFrom: t.engine.database.read.selectFrom,
    all: (q: Compilable<unknown>) => {
      queries.push(q.compile());
      // The page's ids, so that the rows of a page are read too.
      return queries.length === 1 ? [{ id: 1 }, { id: 2 }] : [];
    },
    first: () => ({ n: 0 }),
  };
  listCustomers(
    { read: capture, now: () => new Date('2026-03-03T10:00:00Z') } as unknown as ServiceContext,
    contract['customers.list'].input.parse(input),
  );
  const query = queries[n];
  if (!query) throw new Error(`the page request ran ${queries.length} queries`);
  const rows = t.engine.database.readSqlite.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.parameters) as { detail: string }[];
  plans = rows.map((r) => r.detail);
  return plans.join('\n');
}

describe('customer grid query plans', () => {
  // localTime (the good time to call now) orders by an expression of the country and the time of
  // the request, which no index can hold: it sorts the filter's customers (its own test below).
  for (const key of CUSTOMER_SORT_KEYS.filter((k) => k !== 'localTime')) {
    for (const dir of ['asc', 'desc'] as const) {
      it(`sorting by ${key} ${dir} walks an index, with no temp b-tree`, () => {
        const plan = planFor({ sort: { key, dir }, limit: 100, after: { value: 'M', id: 10 } });
        expect(plan).toMatch(/USING (COVERING )?INDEX customers_active_/);
        expect(plan).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
      });
    }
  }
  it('sorting by the good time to call reads the active customers by an index and sorts only them', async () => {
    await loadBuyerLibs();
    const plan = planFor({ sort: { key: 'localTime', dir: 'asc' }, limit: 100 });
    expect(plan).toMatch(/INDEX customers_active_/);
    expect(plan).not.toMatch(/SCAN c\b(?! USING)/);
  });
  it('a country filter with the default sort uses an index', () => {
    expect(planFor({ filter: { countries: ['DE'] }, limit: 100 })).toMatch(/INDEX customers_active_/);
  });
  it('industry and country together read one index (the total from the index alone)', () => {
    expect(
      planFor({ filter: { countries: ['DE', 'US'], industries: ['Lighting'] }, sort: { key: 'updatedAt', dir: 'desc' }, limit: 100 }),
    ).toMatch(/INDEX customers_active_industry_country \(industry=\? AND country=\?\)/);
  });
  it("a page's rows read the main contact, last inquiry and next follow-up by each customer's index, for the page's ids only", () => {
    const plan = planFor({ limit: 100 }, 1);
    expect(plan).toMatch(/SEARCH c USING INTEGER PRIMARY KEY/);
    expect(plan).toMatch(/contacts USING (COVERING )?INDEX contacts_customer \(customer_id=\?\)/);
    expect(plan).toMatch(/SEARCH mc USING INTEGER PRIMARY KEY/);
    expect(plan).toMatch(/inquiries USING COVERING INDEX inquiries_customer \(customer_id=\?\)/);
    expect(plan).toMatch(/follow_ups USING INDEX follow_ups_customer \(customer_id=\?\)/);
    expect(plan).not.toMatch(/SCAN (contacts|inquiries|follow_ups|mc)\b/);
    expect(plan).not.toMatch(/follow_ups_open_due/);
  });
  it('search goes through the trigram index for 3+ characters', () => {
    expect(planFor({ filter: { search: 'company' }, limit: 100 })).toMatch(/VIRTUAL TABLE INDEX/);
  });
});
