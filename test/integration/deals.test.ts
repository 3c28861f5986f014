import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { columnsOf, type StageSum } from '../../src/main/services/deals/pipeline';
import { DEAL_STAGES, pipelineSettingsSchema } from '../../src/shared/domain/deals';
import { openTestEngine, type TestEngine } from '../support/temp-db';

let t: TestEngine;
const clock = { now: new Date('2026-11-22T08:00:00Z') };
afterEach(async () => {
  await t?.close();
});

async function open() {
  clock.now = new Date('2026-11-22T08:00:00Z');
  t = await openTestEngine({ now: () => clock.now });
  const de = await t.call('customers.create', {
    company: 'Berlin Licht GmbH',
    country: 'DE',
    industry: 'Lights & Lighting',
    owner: 'Lily',
  });
  const br = await t.call('customers.create', { company: 'Sol Brasil Ltda', country: 'BR', industry: 'Renewable Energy', owner: 'Kevin' });
  return { de: de.id, br: br.id };
}

/** Rows written beside the engine (what an import would have written). */
function sqlite(): Database.Database {
  return new Database(t.dbPath);
}

function counts(sql: string, ...params: unknown[]): number {
  const db = sqlite();
  try {
    return (db.prepare(sql).get(...params) as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('deals', () => {
  it('are created for a customer (owner from the customer) and move through the stages, each move on the timeline', async () => {
    const c = await open();
    const d = await t.call('deals.create', { customerId: c.de, title: 'LED panels 600×600', amountMinor: 1_250_000, currency: 'EUR' });
    expect(d).toMatchObject({ stage: 'inquiry', owner: 'Lily', company: 'Berlin Licht GmbH', version: 1, stale: false, orderId: null });
    clock.now = new Date('2026-11-23T08:00:00Z');
    const q = await t.call('deals.move', { id: d.id, version: d.version, stage: 'quoted' });
    expect(q.deal).toMatchObject({ stage: 'quoted', version: 2, lastActivityAt: '2026-11-23T08:00:00.000Z' });
    const stale = await t.raw('deals.move', { id: d.id, version: d.version, stage: 'sample' });
    expect(!stale.ok && stale.error.code).toBe('CONFLICT');
    clock.now = new Date('2026-11-24T08:00:00Z');
    const n = await t.call('deals.move', { id: d.id, version: q.deal.version, stage: 'negotiation' });
    clock.now = new Date('2026-11-25T08:00:00Z');
    const u = await t.call('deals.update', {
      id: d.id,
      version: n.deal.version,
      patch: { expectedClose: '2026-12-31', amountMinor: 1_300_000 },
    });
    expect(u).toMatchObject({ expectedClose: '2026-12-31', amountMinor: 1_300_000, stage: 'negotiation' });
    const bad = await t.raw('deals.update', { id: d.id, version: u.version, patch: { expectedClose: '2026-02-30' } });
    expect(!bad.ok && bad.error.code).toBe('INVALID_INPUT');
    const timeline = await t.call('timeline.list', { customerId: c.de, kinds: ['activity'], limit: 50 });
    expect(timeline.map((e) => e.subtype)).toEqual(['deal_updated', 'deal_stage', 'deal_stage', 'deal_created']);
    expect(timeline[1]!.summary).toBe('quoted → negotiation: LED panels 600×600');
    expect(await t.call('deals.list', { customerId: c.br })).toEqual([]);
    expect((await t.call('deals.list', { stages: ['negotiation'] })).map((x) => x.id)).toEqual([d.id]);
  });

  it('won creates exactly one linked order and the customer is reclassified; reopen cancels it, winning again restores it', async () => {
    const c = await open();
    const before = await t.call('customers.get', { id: c.de });
    expect(before.classes.orderCount).toBe(0);
    const d = await t.call('deals.create', {
      customerId: c.de,
      title: 'Solar street lights',
      amountMinor: 4_800_000,
      currency: 'USD',
      stage: 'negotiation',
    });
    const won = await t.call('deals.move', { id: d.id, version: d.version, stage: 'won' });
    expect(won.orderId).not.toBeNull();
    expect(won.deal).toMatchObject({ stage: 'won', orderId: won.orderId, closedAt: '2026-11-22T08:00:00.000Z' });
    expect(counts('SELECT count(*) AS n FROM orders WHERE customer_id = ?', c.de)).toBe(1);
    const db = sqlite();
    expect(db.prepare('SELECT amount_minor, currency, ordered_at, cancelled FROM orders WHERE id = ?').get(won.orderId)).toEqual({
      amount_minor: 4_800_000,
      currency: 'USD',
      ordered_at: '2026-11-22T08:00:00.000Z',
      cancelled: 0,
    });
    db.close();
    const after = await t.call('customers.get', { id: c.de });
    expect(after.classes).toMatchObject({ orderCount: 1, lastOrderAt: '2026-11-22T00:00:00.000Z' });
    expect(after.classes.revenueMinor).toBe(4_800_000);
    expect(after.lifecycleStage).toBe('first_order');
    // Moving a won deal to won again writes nothing more.
    const again = await t.call('deals.move', { id: d.id, version: won.deal.version, stage: 'won' });
    expect(again.deal.version).toBe(won.deal.version);
    expect(counts('SELECT count(*) AS n FROM orders')).toBe(1);
    // Lost straight from won is refused: reopen first.
    const lost = await t.raw('deals.move', { id: d.id, version: won.deal.version, stage: 'lost', lostReason: 'price' });
    expect(!lost.ok && lost.error.code).toBe('DEAL_CLOSED');
    const reopened = await t.call('deals.reopen', { id: d.id, version: won.deal.version });
    expect(reopened.deal).toMatchObject({ stage: 'negotiation', closedAt: null, orderId: won.orderId });
    expect(counts('SELECT cancelled AS n FROM orders WHERE id = ?', won.orderId)).toBe(1);
    expect((await t.call('customers.get', { id: c.de })).classes.orderCount).toBe(0);
    const rewon = await t.call('deals.move', { id: d.id, version: reopened.deal.version, stage: 'won' });
    expect(rewon.orderId).toBe(won.orderId);
    expect(counts('SELECT count(*) AS n FROM orders WHERE cancelled = 0')).toBe(1);
    const timeline = await t.call('timeline.list', { customerId: c.de, kinds: ['activity', 'order'], limit: 50 });
    expect(timeline.filter((e) => e.kind === 'order')).toHaveLength(1);
    // All at one instant here: compared as a set of kinds with their counts.
    expect(
      timeline
        .filter((e) => e.subtype.startsWith('deal_'))
        .map((e) => e.subtype)
        .sort(),
    ).toEqual(['deal_created', 'deal_reopened', 'deal_won', 'deal_won']);
  });

  it('lost without a reason is refused and nothing changes; with one it closes the deal', async () => {
    const c = await open();
    const d = await t.call('deals.create', { customerId: c.br, title: 'Inverters', amountMinor: 100_00, currency: 'USD' });
    const snapshot = () => {
      const db = sqlite();
      try {
        return {
          deal: db.prepare('SELECT * FROM opportunities').all(),
          activities: db.prepare('SELECT count(*) AS n FROM activities').get(),
          orders: db.prepare('SELECT count(*) AS n FROM orders').get(),
        };
      } finally {
        db.close();
      }
    };
    const before = snapshot();
    const refused = await t.raw('deals.move', { id: d.id, version: d.version, stage: 'lost' });
    expect(!refused.ok && refused.error.code).toBe('DEAL_LOST_REASON_REQUIRED');
    expect(snapshot()).toEqual(before);
    const lost = await t.call('deals.move', {
      id: d.id,
      version: d.version,
      stage: 'lost',
      lostReason: 'competitor',
      lostNote: 'Went to a Shenzhen rival',
    });
    expect(lost.deal).toMatchObject({ stage: 'lost', lostReason: 'competitor', lostNote: 'Went to a Shenzhen rival', orderId: null });
    expect(lost.deal.closedAt).not.toBeNull();
    expect(counts('SELECT count(*) AS n FROM orders')).toBe(0);
    const reopened = await t.call('deals.reopen', { id: d.id, version: lost.deal.version, stage: 'quoted' });
    expect(reopened.deal).toMatchObject({ stage: 'quoted', lostReason: null, lostNote: null, closedAt: null });
  });

  it('from an inquiry: title from its product and quantity, amount from the catalogue price tier, owner from the customer', async () => {
    const c = await open();
    const db = sqlite();
    const inq = db
      .prepare(
        `INSERT INTO inquiries (customer_id, received_at, subject, product, product_ref, quantity, unit, created_at)
         VALUES (?, '2026-11-20T10:00:00.000Z', 'Price for panels', 'LED Panel 600x600', '1600123', 500, 'pcs', '2026-11-20T10:00:00.000Z')`,
      )
      .run(c.de).lastInsertRowid as number;
    db.prepare(
      `INSERT INTO products (sku, name_en, currency, price_tiers, alibaba_product_id, created_at, updated_at)
       VALUES ('LP-600', 'LED Panel 600x600', 'EUR', '[{"minQty":100,"unitPriceMinor":1500},{"minQty":500,"unitPriceMinor":1200}]', '1600123', 'x', 'x')`,
    ).run();
    db.close();
    const p = await t.call('deals.propose', { inquiryId: inq });
    expect(p).toEqual({
      customerId: c.de,
      company: 'Berlin Licht GmbH',
      title: 'LED Panel 600x600 × 500 pcs',
      amountMinor: 600_000,
      currency: 'EUR',
      owner: 'Lily',
      productSku: 'LP-600',
    });
    const d = await t.call('deals.create', { inquiryId: inq });
    expect(d).toMatchObject({
      customerId: c.de,
      inquiryId: inq,
      title: 'LED Panel 600x600 × 500 pcs',
      amountMinor: 600_000,
      currency: 'EUR',
      owner: 'Lily',
    });
    const wrong = await t.raw('deals.create', { inquiryId: inq, customerId: c.br });
    expect(!wrong.ok && wrong.error.code).toBe('INVALID_INPUT');
    const won = await t.call('deals.move', { id: d.id, version: d.version, stage: 'won' });
    expect(counts('SELECT quantity AS n FROM orders WHERE id = ?', won.orderId)).toBe(500);
  });

  it('board totals: per stage, unweighted and weighted in the base currency; a currency without a rate is counted, not summed', async () => {
    const c = await open();
    await t.call('currency.save', { base: 'USD', rates: { EUR: 1.1 } });
    const mk = (stage: 'inquiry' | 'quoted' | 'negotiation', amountMinor: number, currency: string) =>
      t.call('deals.create', { customerId: c.de, title: `${stage} ${currency}`, amountMinor, currency, stage });
    await mk('inquiry', 100_00, 'USD');
    await mk('inquiry', 200_00, 'EUR');
    await mk('quoted', 1000_00, 'USD');
    await mk('negotiation', 5000, 'XAF'); // no decimals; the reference table has no rate for it
    await mk('negotiation', 300_00, 'USD');
    const lostOne = await mk('quoted', 999_00, 'USD');
    await t.call('deals.move', { id: lostOne.id, version: 1, stage: 'lost', lostReason: 'price' });
    const board = await t.call('deals.board', {});
    const col = (s: string) => board.columns.find((x) => x.stage === s)!;
    expect(board.base).toBe('USD');
    expect(col('inquiry')).toMatchObject({ count: 2, totalMinor: 100_00 + 220_00, weightedMinor: 32_00, probability: 10, uncounted: [] });
    expect(col('quoted')).toMatchObject({ count: 1, totalMinor: 1000_00, weightedMinor: 250_00 });
    expect(col('negotiation')).toMatchObject({
      count: 2,
      totalMinor: 300_00,
      weightedMinor: 180_00,
      uncounted: [{ currency: 'XAF', deals: 1 }],
    });
    expect(col('lost')).toMatchObject({ count: 1, totalMinor: 999_00, weightedMinor: 0 });
    expect(board.openTotalMinor).toBe(320_00 + 1000_00 + 300_00);
    expect(board.uncountedDeals).toBe(1);
    expect(board.cards['negotiation']!.map((d) => d.currency).sort()).toEqual(['USD', 'XAF']);
    // Probabilities are a setting.
    const s = await t.call('deals.settings', {});
    await t.call('deals.saveSettings', { ...s, probabilities: { ...s.probabilities, quoted: 50 } });
    expect((await t.call('deals.board', {})).columns.find((x) => x.stage === 'quoted')!.weightedMinor).toBe(500_00);
    // A rate for XAF counts it.
    await t.call('currency.save', { base: 'USD', rates: { EUR: 1.1, XAF: 0.0016 } });
    const withRate = await t.call('deals.board', {});
    expect(withRate.columns.find((x) => x.stage === 'negotiation')).toMatchObject({ totalMinor: 300_00 + 8_00, uncounted: [] });
  });

  it('stale deals: open ones without activity for the threshold, the quietest first; an activity takes one off', async () => {
    const c = await open();
    const a = await t.call('deals.create', { customerId: c.de, title: 'A' });
    clock.now = new Date('2026-11-25T08:00:00Z');
    const b = await t.call('deals.create', { customerId: c.br, title: 'B' });
    const closed = await t.call('deals.create', { customerId: c.br, title: 'C' });
    await t.call('deals.move', { id: closed.id, version: 1, stage: 'lost', lostReason: 'no_response' });
    clock.now = new Date('2026-12-07T08:00:00Z'); // 15 days after A, 12 after B
    expect((await t.call('deals.stale', {})).deals.map((d) => d.title)).toEqual(['A']);
    await t.call('deals.saveSettings', { ...(await t.call('deals.settings', {})), staleDays: 10 });
    const stale = await t.call('deals.stale', {});
    expect(stale).toMatchObject({ total: 2, staleDays: 10 });
    expect(stale.deals.map((d) => [d.title, d.stale])).toEqual([
      ['A', true],
      ['B', true],
    ]);
    await t.call('deals.update', { id: a.id, version: a.version, patch: { title: 'A2' } });
    expect((await t.call('deals.stale', {})).deals.map((d) => d.id)).toEqual([b.id]);
  });
});

describe('board totals (property)', () => {
  it('equal the sum over the deals, converted one by one', () => {
    const currencies = ['USD', 'EUR', 'CNY', 'JPY', 'ZZZ'] as const;
    const rates: Record<string, number> = { EUR: 1.0837, CNY: 0.1379, JPY: 0.0067 };
    const factor = (c: string) => (c === 'USD' ? 1 : c === 'JPY' ? rates[c]! * 100 : rates[c]);
    const deal = fc.record({
      stage: fc.constantFrom(...DEAL_STAGES),
      currency: fc.constantFrom(...currencies),
      amount: fc.integer({ min: 0, max: 10_000_000_000 }),
    });
    const probs = fc.record({
      inquiry: fc.integer({ min: 0, max: 100 }),
      quoted: fc.integer({ min: 0, max: 100 }),
      sample: fc.integer({ min: 0, max: 100 }),
      negotiation: fc.integer({ min: 0, max: 100 }),
      won: fc.integer({ min: 0, max: 100 }),
      lost: fc.integer({ min: 0, max: 100 }),
    });
    fc.assert(
      fc.property(fc.array(deal, { maxLength: 200 }), probs, (deals, probabilities) => {
        // The sums as SQL groups them.
        const groups = new Map<string, StageSum>();
        for (const d of deals) {
          const key = `${d.stage}|${d.currency}`;
          const g = groups.get(key) ?? { stage: d.stage, currency: d.currency, n: 0, sum: 0 };
          g.n += 1;
          g.sum += d.amount;
          groups.set(key, g);
        }
        const settings = pipelineSettingsSchema.parse({ probabilities });
        const columns = columnsOf([...groups.values()], { base: 'USD', rates }, settings);
        for (const col of columns) {
          const mine = deals.filter((d) => d.stage === col.stage);
          expect(col.count).toBe(mine.length);
          const counted = mine.filter((d) => factor(d.currency) !== undefined);
          const total = counted.reduce((a, d) => a + d.amount * factor(d.currency)!, 0);
          expect(Math.abs(col.totalMinor - total)).toBeLessThanOrEqual(1);
          expect(Math.abs(col.weightedMinor - (total * probabilities[col.stage]) / 100)).toBeLessThanOrEqual(1);
          expect(col.uncounted.reduce((a, u) => a + u.deals, 0)).toBe(mine.length - counted.length);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('board totals (property, through the book)', () => {
  it('equal the sum over random deals written to the book, per stage, within the closed window', async () => {
    const c = await open();
    await t.call('currency.save', { base: 'USD', rates: { EUR: 1.1, CNY: 0.14 } });
    const factor: Record<string, number | undefined> = { USD: 1, EUR: 1.1, CNY: 0.14, XAF: undefined };
    const now = clock.now.getTime();
    const deal = fc.record({
      stage: fc.constantFrom(...DEAL_STAGES),
      currency: fc.constantFrom('USD', 'EUR', 'CNY', 'XAF'),
      amount: fc.integer({ min: 0, max: 1_000_000_000 }),
      closedDaysAgo: fc.integer({ min: 0, max: 60 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(deal, { maxLength: 60 }), async (deals) => {
        const db = sqlite();
        try {
          db.transaction(() => {
            db.prepare('DELETE FROM opportunities').run();
            const ins = db.prepare(
              `INSERT INTO opportunities (customer_id, title, stage, amount_minor, currency, lost_reason, stage_changed_at, last_activity_at,
                                          closed_at, created_at, updated_at)
               VALUES (?, 'p', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            );
            const at = new Date(now).toISOString();
            for (const d of deals) {
              const closed = d.stage === 'won' || d.stage === 'lost';
              const closedAt = closed ? new Date(now - d.closedDaysAgo * 86_400_000 - 1000).toISOString() : null;
              ins.run(c.de, d.stage, d.amount, d.currency, d.stage === 'lost' ? 'price' : null, at, at, closedAt, at, at);
            }
          })();
        } finally {
          db.close();
        }
        const board = await t.call('deals.board', { limit: 5 });
        for (const col of board.columns) {
          const closed = col.stage === 'won' || col.stage === 'lost';
          // Closed deals count on the board for the last 30 days (closedDays).
          const mine = deals.filter((d) => d.stage === col.stage && (!closed || d.closedDaysAgo < 30));
          const counted = mine.filter((d) => factor[d.currency] !== undefined);
          const total = counted.reduce((a, d) => a + d.amount * factor[d.currency]!, 0);
          expect(col.count).toBe(mine.length);
          expect(Math.abs(col.totalMinor - total)).toBeLessThanOrEqual(1);
          expect(Math.abs(col.weightedMinor - (total * col.probability) / 100)).toBeLessThanOrEqual(1);
          expect(col.uncounted.reduce((a, u) => a + u.deals, 0)).toBe(mine.length - counted.length);
          expect(board.cards[col.stage]!.length).toBe(Math.min(5, mine.length));
        }
      }),
      { numRuns: 40 },
    );
  });
});
