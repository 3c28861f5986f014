import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversionFactors, readCurrency } from '../../src/main/services/currency/currency';
import { figureRows, inquiryFacts, periodBounds } from '../../src/main/services/manager/figures';
import { nameKey } from '../../src/main/services/manager/scope';
import { MANAGER_FIGURES, type ManagerPeriod } from '../../src/shared/ipc/channels/manager';
import { openTestEngine, type TestEngine } from '../support/temp-db';

/**
 * The report counts some figures in owner order (figure-counts.ts: follow-ups by their own owner
 * less those of archived customers, orders summed per currency side by side, inquiries and their
 * reply medians in one pass) instead of grouping the rows of figures.ts. On a generated book with
 * what those shortcuts must get right (owned follow-ups of archived customers, owner-less ones, names
 * in two cases, a currency without a rate, an order time the day walk cannot read, replies stamped
 * before the inquiry), every figure of every row equals the list behind it, and orders, revenue and
 * the medians equal the plain GROUP BY and window-function forms over the same rows.
 */

const NOW = '2026-12-20T04:00:00.000Z';
const PERIODS: ManagerPeriod[] = [
  { fromMonth: '2026-11', toMonth: '2026-12', tz: 'Asia/Shanghai' },
  { fromMonth: '2026-12', toMonth: '2026-12', tz: 'UTC' },
  { fromMonth: '2026-01', toMonth: '2026-12', tz: 'America/New_York' },
];
const NAMES = ['Li Na', 'li na', 'Wang Wei', 'Zhao Lei', ''];

let t: TestEngine;

/** A deterministic sequence (no Math.random: the book must be the same every run). */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

beforeAll(async () => {
  t = await openTestEngine({ now: () => new Date(NOW) });
  await t.call('prefs.save', { owners: ['Li Na', 'Wang Wei'] });
  await t.call('currency.save', { base: 'USD', rates: { EUR: 1.1 } });
  const sqlite = t.engine.database.sqlite;
  const rnd = lcg(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const when = () => new Date(Date.parse('2025-12-01T00:00:00.000Z') + rnd() * 400 * 86_400_000).toISOString();
  const ids: number[] = [];
  for (let i = 0; i < 60; i++) {
    ids.push((await t.call('customers.create', { company: `Company ${i}`, country: 'DE', owner: pick(NAMES) })).id);
  }
  const fu = sqlite.prepare(
    `INSERT INTO follow_ups (customer_id, type, due_at, owner, status, done_at, created_at, updated_at) VALUES (?, 'call', ?, ?, ?, ?, ?, ?)`,
  );
  const inq = sqlite.prepare(
    `INSERT INTO inquiries (customer_id, received_at, subject, owner, replied_at, created_at) VALUES (?, ?, 'x', ?, ?, ?)`,
  );
  const ord = sqlite.prepare(
    `INSERT INTO orders (customer_id, ordered_at, amount_minor, currency, product, cancelled, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const id of ids) {
    for (let j = 0; j < 6; j++) {
      const status = pick(['open', 'done', 'cancelled'] as const);
      const created = when();
      fu.run(id, when(), pick(NAMES), status, status === 'done' ? when() : null, created, created);
    }
    for (let j = 0; j < 4; j++) {
      const received = when();
      const reply = rnd();
      const replied =
        reply < 0.3 ? null : reply < 0.4 ? 'not a time' : new Date(Date.parse(received) + (rnd() - 0.1) * 80 * 3_600_000).toISOString();
      inq.run(id, received, pick(NAMES), replied, received);
    }
    for (let j = 0; j < 8; j++) {
      const at = when();
      ord.run(
        id,
        at,
        Math.floor(rnd() * 100_000) - 5_000,
        pick(['USD', 'USD', 'EUR', 'GBP', 'XXX']),
        pick(['panel', 'sample']),
        rnd() < 0.1 ? 1 : 0,
        at,
      );
    }
  }
  // An order time the day walk cannot read (no ordered_day), in a currency no other order of the period uses.
  ord.run(ids[3], '2026-12-15Tmidday', 12_345, 'JPY', 'panel', 0, NOW);
  await t.call('customers.archive', { ids: ids.filter((_, i) => i % 7 === 0), archived: true });
});

afterAll(async () => {
  await t.close();
});

describe('the report counted in owner order', () => {
  it('gives every figure of every row the total of the list behind it', async () => {
    for (const period of PERIODS) {
      const report = await t.call('manager.report', period);
      expect(report.rows.length).toBeGreaterThan(2);
      for (const row of [
        ...report.rows.map((r) => ({ owner: r.owner as string | null, figures: r })),
        { owner: null, figures: report.totals },
      ]) {
        for (const figure of MANAGER_FIGURES) {
          const list = await t.call('manager.list', { period, owner: row.owner, figure, limit: 1 });
          expect(list.total, `${period.fromMonth}–${period.toMonth} ${row.owner ?? 'totals'} ${figure}`).toBe(row.figures[figure]);
        }
      }
    }
  });

  it('gives orders, revenue and the reply medians as the plain GROUP BY and window functions do', async () => {
    const read = t.engine.database.read;
    const factor = conversionFactors(readCurrency(read));
    for (const period of PERIODS) {
      const p = periodBounds(period);
      const report = await t.call('manager.report', period);
      const expected = new Map<string, { orders: number; revenueMinor: number; ordersUncounted: number }>();
      for (const r of read.all(
        sql<{ owner: string; currency: string; n: number; amount: number }>`
          SELECT owner, currency, count(*) AS n, total(amount_minor) AS amount FROM (${figureRows('orders', p, NOW)})
          GROUP BY owner COLLATE NOCASE, currency`,
      )) {
        const e = expected.get(nameKey(r.owner)) ?? { orders: 0, revenueMinor: 0, ordersUncounted: 0 };
        e.orders += r.n;
        if (Number.isNaN(factor(r.currency))) e.ordersUncounted += r.n;
        else e.revenueMinor += Math.round(r.amount * factor(r.currency));
        expected.set(nameKey(r.owner), e);
      }
      const medians = new Map(
        read
          .all(
            sql<{ owner: string; median: number }>`
              SELECT min(owner) AS owner, avg(h) AS median FROM (
                SELECT owner, h, row_number() OVER (PARTITION BY lower(owner) ORDER BY h) AS rn, count(*) OVER (PARTITION BY lower(owner)) AS n
                FROM (${inquiryFacts(p)}) WHERE h IS NOT NULL
              ) WHERE rn IN ((n + 1) / 2, (n + 2) / 2) GROUP BY lower(owner)`,
          )
          .map((r) => [nameKey(r.owner), Math.round(r.median * 100) / 100]),
      );
      for (const row of report.rows) {
        const e = expected.get(nameKey(row.owner)) ?? { orders: 0, revenueMinor: 0, ordersUncounted: 0 };
        const label = `${period.fromMonth}–${period.toMonth} ${row.owner}`;
        expect({ orders: row.orders, revenueMinor: row.revenueMinor, ordersUncounted: row.ordersUncounted }, label).toEqual(e);
        expect(row.firstResponseMedianHours, label).toBe(medians.get(nameKey(row.owner)) ?? null);
      }
      if (period.tz === 'UTC') expect(report.totals.ordersUncounted).toBeGreaterThan(0);
    }
  });
});
