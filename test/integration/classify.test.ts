import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../support/temp-db';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures');
const DAY_MS = 86_400_000;

let t: TestEngine;
let clock = new Date('2026-11-22T00:00:00Z');
afterEach(async () => {
  await t?.close();
});

async function open(now = new Date('2026-11-22T00:00:00Z')) {
  clock = now;
  t = await openTestEngine({ now: () => clock });
  return t;
}

async function customer(company: string, extra: Record<string, unknown> = {}): Promise<number> {
  return (await t.call('customers.create', { company, ...extra })).id;
}

/** An order `daysAgo` days before the clock, straight into the table (as an import would write it). */
function order(
  customerId: number,
  daysAgo: number,
  amountMinor: number,
  options: { currency?: string; cancelled?: boolean; product?: string } = {},
) {
  t.engine.database.sqlite
    .prepare(
      `INSERT INTO orders (customer_id, ordered_at, amount_minor, currency, product, cancelled, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      customerId,
      new Date(clock.getTime() - daysAgo * DAY_MS).toISOString(),
      amountMinor,
      options.currency ?? 'USD',
      options.product ?? 'LED panel',
      options.cancelled ? 1 : 0,
      clock.toISOString(),
    );
}

async function get(id: number) {
  const rows = await t.call('customers.list', { limit: 1000 });
  const row = rows.rows.find((r) => r.id === id);
  if (!row) throw new Error(`customer ${id} not listed`);
  return row;
}

describe('classification on hand-made data', () => {
  it('no orders, one order, cancelled orders, mixed currencies and a missing rate', async () => {
    await open();
    await t.call('currency.save', { base: 'USD', rates: { EUR: 1.1, JPY: 0.0066 } });
    const none = await customer('No Orders Ltd');
    const one = await customer('One Order GmbH');
    const cancelledOnly = await customer('Cancelled Only SARL');
    const mixed = await customer('Mixed Currency Srl');
    const unknownRate = await customer('Unknown Rate Pty');
    order(one, 10, 100_00);
    order(cancelledOnly, 5, 999_00, { cancelled: true });
    order(mixed, 30, 100_00, { currency: 'EUR' }); // 110.00 USD
    order(mixed, 20, 1_000_000, { currency: 'JPY' }); // JPY has no minor unit: 1,000,000 yen = 6,600.00 USD
    order(mixed, 15, 50_00, { currency: 'EUR', cancelled: true }); // left out
    order(unknownRate, 12, 50_000, { currency: 'ISK' }); // ISK: in neither the user's rates nor the reference table
    const run = await t.call('classify.run', {});
    expect(run.customers).toBe(5);
    expect(run.rulesVersion).toBe(1);
    expect(run.missingRates).toEqual({ ISK: 1 });

    const n = await get(none);
    expect(n.classes).toMatchObject({
      segment: 'none',
      tier: 'none',
      churn: 'none',
      recencyDays: null,
      frequency: 0,
      rScore: null,
      orderCount: 0,
      lastOrderAt: null,
    });
    expect(n.lifecycleStage).toBe('inquiry');

    const c = await get(cancelledOnly);
    expect(c.classes).toMatchObject({ segment: 'none', frequency: 0, monetaryMinor: 0, orderCount: 0 });

    const o = await get(one);
    expect(o.classes).toMatchObject({ recencyDays: 10, frequency: 1, monetaryMinor: 100_00, orderCount: 1 });
    expect(o.lifecycleStage).toBe('first_order');

    const m = await get(mixed);
    expect(m.classes).toMatchObject({ recencyDays: 20, frequency: 2, monetaryMinor: 110_00 + 6_600_00, revenueMinor: 6_710_00 });
    expect(m.classes.tier).toBe('A'); // the largest revenue by far
    // Two orders 10 days apart and nothing for 20 days: past 1.5× its own rhythm.
    expect(m.classes).toMatchObject({ rhythmDays: 10, churn: 'warning' });
    expect(m.lifecycleStage).toBe('dormant');

    // The ISK order counts as an order (frequency, recency) but adds no money until it has a rate.
    const u = await get(unknownRate);
    expect(u.classes).toMatchObject({ frequency: 1, recencyDays: 12, monetaryMinor: 0, tier: 'none' });
  });

  it('sample orders make the "sample" stage; key accounts are tier A with 3+ orders', async () => {
    await open();
    const sampler = await customer('Sampler Ltd');
    const key = await customer('Key Account Inc');
    order(sampler, 5, 50_00, { product: 'Free SAMPLE LED strip' });
    order(key, 90, 10_000_00);
    order(key, 60, 10_000_00);
    order(key, 30, 10_000_00);
    await t.call('classify.run', {});
    expect((await get(sampler)).lifecycleStage).toBe('sample');
    const k = await get(key);
    expect(k.lifecycleStage).toBe('key_account');
    expect(k.classes).toMatchObject({ tier: 'A', rhythmDays: 30, churn: 'active', suggestedPriority: 'high' });
  });

  it('a manual lifecycle override wins and is shown as such; a potential override moves the matrix', async () => {
    await open();
    const id = await customer('Override Co');
    order(id, 10, 100_00);
    await t.call('classify.run', {});
    const row = await get(id);
    expect(row.classes.matrix).toBe('maintain'); // tier A, computed potential below 40
    await t.call('customers.update', { id, version: row.version, patch: { lifecycleOverride: 'key_account', potentialOverride: 90 } });
    await t.call('classify.run', {});
    const after = await get(id);
    expect(after.lifecycleStage).toBe('first_order');
    expect(after.lifecycleOverride).toBe('key_account');
    expect(after.classes).toMatchObject({ potential: 90, potentialOverridden: true, matrix: 'key' });
    const stats = await t.call('stats.overview', {});
    expect(stats.byLifecycle).toEqual({ key_account: 1 });
  });

  it('runs record the rule version and the customers that moved between classes', async () => {
    await open();
    const ids: number[] = [];
    for (let i = 0; i < 10; i++) ids.push(await customer(`Buyer ${i}`));
    ids.forEach((id, i) => order(id, 10 + i * 30, (i + 1) * 1000_00));
    const first = await t.call('classify.run', {});
    expect(first.moved).toBe(0); // nobody was classified before
    expect(Object.values(first.counts.tier!).reduce((a, b) => a + b, 0)).toBe(10);
    const again = await t.call('classify.run', {});
    expect(again.moved).toBe(0);

    const { version, rules } = await t.call('classify.rules', {});
    expect(version).toBe(1);
    const saved = await t.call('classify.saveRules', {
      rules: { ...rules, tiers: { ...rules.tiers, aShare: 0.3, bShare: 0.3 } },
      baseVersion: version,
    });
    expect(saved.version).toBe(2);
    const stale = await t.raw('classify.saveRules', { rules, baseVersion: 1 });
    expect(!stale.ok && stale.error.code).toBe('CONFLICT');
    const rerun = await t.call('classify.run', { trigger: 'rules' });
    expect(rerun.rulesVersion).toBe(2);
    expect(rerun.moved).toBeGreaterThan(0);
    const tierMoves = Object.entries(rerun.moves.tier!);
    expect(tierMoves.length).toBeGreaterThan(0);
    expect(tierMoves.every(([k]) => /^[ABC]→[ABC]$/.test(k))).toBe(true);
    // Smaller A and B shares only ever move customers down.
    expect(tierMoves.every(([k]) => k === 'A→B' || k === 'A→C' || k === 'B→C')).toBe(true);
    expect(rerun.counts.tier!.A!).toBeLessThan(first.counts.tier!.A!);
    const runs = await t.call('classify.runs', {});
    expect(runs.map((r) => [r.trigger, r.rulesVersion])).toEqual([
      ['rules', 2],
      ['manual', 1],
      ['manual', 1],
    ]);
  });

  it('a customer’s order rhythm follows new orders (recomputed only where orders changed)', async () => {
    await open();
    const ids: number[] = [];
    for (let i = 0; i < 10; i++) ids.push(await customer(`Rhythm ${i}`));
    for (const id of ids) {
      order(id, 100, 100_00);
      order(id, 50, 100_00);
    }
    await t.call('classify.run', {});
    expect((await get(ids[0]!)).classes.rhythmDays).toBe(50);
    order(ids[0]!, 40, 100_00); // days 100, 50, 40 → gaps 50 and 10 → median 30
    await t.call('classify.run', {});
    expect((await get(ids[0]!)).classes.rhythmDays).toBe(30);
    expect((await get(ids[1]!)).classes.rhythmDays).toBe(50);
    // Every customer changes at once (more than a fifth): the one-pass path gives the same answer.
    for (const id of ids.slice(1)) order(id, 40, 100_00);
    await t.call('classify.run', {});
    for (const id of ids) expect((await get(id)).classes.rhythmDays).toBe(30);
  });

  it('time moves customers: a steady buyer drifts to churn warning and then lost', async () => {
    await open(new Date('2026-01-01T00:00:00Z'));
    const id = await customer('Steady Buyer');
    for (const d of [120, 90, 60, 30]) order(id, d, 500_00);
    await t.call('classify.run', {});
    expect((await get(id)).classes.churn).toBe('active');
    clock = new Date(clock.getTime() + 20 * DAY_MS); // 50 days since the last order, rhythm 30
    const warn = await t.call('classify.run', {});
    expect((await get(id)).classes.churn).toBe('warning');
    expect((await get(id)).lifecycleStage).toBe('dormant');
    expect(warn.moves.churn).toEqual({ 'active→warning': 1 });
    clock = new Date(clock.getTime() + 45 * DAY_MS); // 95 days > 3 × 30
    await t.call('classify.run', {});
    expect((await get(id)).lifecycleStage).toBe('lost');
  });
});

describe('classification of imported files', () => {
  it('the UCI Online Retail sample: recency, frequency and monetary per customer match a hand computation', async () => {
    await open(new Date(2011, 0, 1, 0, 0, 0)); // local midnight, like the file's zone-less times
    await t.call('currency.save', { base: 'GBP', rates: {} });
    const csv = readFileSync(join(FIXTURES, 'online-retail-sample.csv'), 'utf8').replace(/^\ufeff/, '');
    // By hand: good rows have 8 fields; an invoice starting with C is a cancellation.
    const byCustomer = new Map<string, { invoices: Set<string>; pence: number; last: number }>();
    for (const line of csv.trim().split(/\r?\n/).slice(1)) {
      const f = line.split(',');
      if (f.length !== 8) continue;
      const [invoice, , , qty, date, price, customerId] = f as [string, string, string, string, string, string, string];
      if (invoice.startsWith('C')) continue;
      const [md, hm] = date.split(' ') as [string, string];
      const [mo, d, y] = md.split('/').map(Number) as [number, number, number];
      const [h, mi] = hm.split(':').map(Number) as [number, number];
      const at = new Date(2000 + y, mo - 1, d, h, mi).getTime();
      const c = byCustomer.get(customerId) ?? { invoices: new Set<string>(), pence: 0, last: 0 };
      c.invoices.add(invoice);
      c.pence += Number(qty) * Math.round(Number(price) * 100);
      c.last = Math.max(c.last, at);
      byCustomer.set(customerId, c);
    }
    expect(byCustomer.size).toBe(14);

    const analysis = await t.call('import.analyze', {
      fileName: 'online-retail-sample.csv',
      contentBase64: Buffer.from(csv).toString('base64'),
    });
    const report = await t.call('import.commit', { fileId: analysis.fileId, kind: analysis.kind, mapping: analysis.mapping });
    expect(report.classification).not.toBeNull();
    const runs = await t.call('classify.runs', {});
    expect(runs[0]!.trigger).toBe('import');

    const list = await t.call('customers.list', { limit: 100 });
    expect(list.rows).toHaveLength(14);
    const refOf = (id: number) =>
      (t.engine.database.readSqlite.prepare(`SELECT external_ref FROM customers WHERE id = ?`).get(id) as { external_ref: string })
        .external_ref;
    for (const row of list.rows) {
      const hand = byCustomer.get(refOf(row.id))!;
      expect(row.classes.frequency).toBe(hand.invoices.size);
      expect(row.classes.monetaryMinor).toBe(hand.pence);
      // Recency counts UTC calendar days from the order's day to the run's day.
      expect(row.classes.recencyDays).toBe(Math.floor(clock.getTime() / DAY_MS) - Math.floor(hand.last / DAY_MS));
      expect(row.classes.segment).not.toBe('none');
    }
    // Scores follow the values: the biggest spender has M5, the smallest M1; equal frequencies share an F score.
    const byMoney = [...list.rows].sort((a, b) => b.classes.monetaryMinor - a.classes.monetaryMinor);
    expect(byMoney[0]!.classes.mScore).toBe(5);
    expect(byMoney[byMoney.length - 1]!.classes.mScore).toBe(1);
    const fByFrequency = new Map<number, Set<number | null>>();
    for (const r of list.rows)
      fByFrequency.set(r.classes.frequency, (fByFrequency.get(r.classes.frequency) ?? new Set()).add(r.classes.fScore));
    for (const scores of fByFrequency.values()) expect(scores.size).toBe(1);
  });

  it('all sample files: every customer classified, undo reclassifies', async () => {
    await open();
    await t.call('currency.save', { base: 'USD', rates: { EUR: 1.08, GBP: 1.27 } });
    const batches: number[] = [];
    for (const name of [
      'alibaba-inquiries-zh.xlsx',
      'alibaba-inquiries-en.csv',
      'alibaba-inquiries-zh-gbk.csv',
      'alibaba-customers-zh.xlsx',
      'alibaba-orders-zh.csv',
      'trade-fair-leads.csv',
    ]) {
      const a = await t.call('import.analyze', { fileName: name, contentBase64: readFileSync(join(FIXTURES, name)).toString('base64') });
      const r = await t.call('import.commit', { fileId: a.fileId, kind: a.kind, mapping: a.mapping });
      batches.push(r.batchId!);
    }
    const stats = await t.call('stats.overview', {});
    expect(stats.customers).toBe(156);
    for (const dim of ['bySegment', 'byTier', 'byMatrix', 'byLifecycle', 'byChurn'] as const) {
      expect(Object.values(stats[dim]).reduce((a, b) => a + b, 0)).toBe(156);
    }
    expect(stats.byContinent.map((c) => [c.code, c.count])).toEqual([
      ['142', 51],
      ['150', 40],
      ['019', 33],
      ['002', 26],
      ['009', 6],
    ]);
    // Every customer with a non-cancelled order has a segment; the rest have "no purchases yet".
    const buyers = (
      t.engine.database.readSqlite.prepare(`SELECT count(DISTINCT customer_id) AS n FROM orders WHERE cancelled = 0`).get() as { n: number }
    ).n;
    expect(156 - stats.bySegment.none!).toBe(buyers);
    expect(stats.lastRun?.trigger).toBe('import');
    // Undoing the leads and then the order import takes everyone back to "no purchases yet".
    const leadsUndo = await t.call('import.undo', { batchId: batches[5]! });
    expect(leadsUndo.classification).not.toBeNull();
    await t.call('import.undo', { batchId: batches[4]! });
    const after = await t.call('stats.overview', {});
    expect(after.bySegment).toEqual({ none: 156 });
    expect(after.byTier).toEqual({ none: 156 });
    expect(after.lastRun?.trigger).toBe('undo');
  });
});
