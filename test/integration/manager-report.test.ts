import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figureRows, periodBounds } from '../../src/main/services/manager/figures';
import { enableCapture } from '../../src/main/sync/capture';
import { MANAGER_FIGURES, type ManagerFigure, type ManagerRow } from '../../src/shared/ipc/channels/manager';
import { openTestEngine, type TestEngine } from '../support/temp-db';

/**
 * The manager's view (#20 item 5) on a real SQLite file: a team of three salespeople (Li Na, Wang
 * Wei, Zhang Min; Zhao Lei is not in the sales staff but has a follow-up) and the pool, with
 * customers, follow-ups, inquiries, needs, complaints, orders in three currencies, claims, releases
 * and a rule's return made by the real pool services, and targets for two months. Every figure
 * below was counted by hand from the fixture (the comments say which rows), not by the same SQL.
 *
 * Period: 2026-11 to 2026-12 in Asia/Shanghai (UTC+8, no DST): [2026-10-31T16:00Z, 2026-12-31T16:00Z).
 * Now: 2026-12-20T04:00Z.
 */

const SHANGHAI = { fromMonth: '2026-11', toMonth: '2026-12', tz: 'Asia/Shanghai' };
const NOW = '2026-12-20T04:00:00.000Z';

let t: TestEngine;
const clock = { now: Date.parse('2026-05-01T00:00:00.000Z') };
const at = (iso: string) => {
  clock.now = Date.parse(iso);
};
/** Customer ids by their fixture name. */
const C: Record<string, number> = {};

const run = (sqlText: string, ...args: unknown[]) => t.engine.database.sqlite.prepare(sqlText).run(...args);

async function customer(key: string, company: string, owner: string, createdAt: string): Promise<void> {
  at(createdAt);
  C[key] = (await t.call('customers.create', { company, country: 'DE', owner })).id;
}
async function byPerson(me: string, channel: 'pool.claim' | 'pool.release', key: string, when: string): Promise<void> {
  at(when);
  await t.call('prefs.save', { me });
  await t.call(channel, { customerId: C[key]! });
}
function followUp(key: string, owner: string, type: string, created: string, due: string, status: string, doneAt: string | null): void {
  run(
    `INSERT INTO follow_ups (customer_id, type, due_at, owner, status, done_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    C[key],
    type,
    due,
    owner,
    status,
    doneAt,
    created,
    created,
  );
}
function inquiry(key: string, owner: string, received: string, replied: string | null, subject = 'LED panels'): void {
  run(
    `INSERT INTO inquiries (customer_id, received_at, subject, owner, replied_at, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
    C[key],
    received,
    subject,
    owner,
    replied,
    received,
  );
}
function need(key: string, status: string, category = 'packaging'): void {
  run(
    `INSERT INTO needs (customer_id, category, status, created_at, updated_at) VALUES (?, ?, ?, '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')`,
    C[key],
    category,
    status,
  );
}
function complaint(key: string, owner: string, status: string, dueBy: string, severity: string): void {
  run(
    `INSERT INTO complaints (customer_id, category, severity, description, status, owner, due_by, created_at, updated_at)
     VALUES (?, 'quality', ?, 'flicker', ?, ?, ?, '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')`,
    C[key],
    severity,
    status,
    owner,
    dueBy,
  );
}
function order(
  key: string,
  orderedAt: string,
  amountMinor: number,
  currency: string,
  extra: { cancelled?: 1; product?: string } = {},
): void {
  run(
    `INSERT INTO orders (customer_id, ordered_at, amount_minor, currency, product, cancelled, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    C[key],
    orderedAt,
    amountMinor,
    currency,
    extra.product ?? 'LED panel',
    extra.cancelled ?? 0,
    orderedAt,
  );
}
const dump = () =>
  JSON.stringify(t.engine.database.readSqlite.prepare(`SELECT * FROM sales_targets ORDER BY owner, month`).all()) +
  JSON.stringify(t.engine.database.readSqlite.prepare(`SELECT count(*) AS n FROM customers`).get());

beforeAll(async () => {
  t = await openTestEngine({ now: () => new Date(clock.now) });
  await t.call('prefs.save', { owners: ['Li Na', 'Wang Wei', 'Zhang Min'] });
  await t.call('currency.save', { base: 'USD', rates: { EUR: 1.1 } });

  // Customers. C7 is in the pool first; Wang Wei claims it on 1 June (before the period).
  await customer('C7', 'Golf Pty', '', '2026-05-01T00:00:00.000Z');
  await byPerson('Wang Wei', 'pool.claim', 'C7', '2026-06-01T00:00:00.000Z');
  await customer('C1', 'Alpha Trading', 'Li Na', '2026-09-01T00:00:00.000Z');
  await customer('C2', 'Bravo Imports', 'Li Na', '2026-09-01T00:00:00.000Z');
  await customer('C3', 'Charlie GmbH', 'Wang Wei', '2026-09-01T00:00:00.000Z');
  await customer('C4', 'Delta SARL', 'Wang Wei', '2026-09-01T00:00:00.000Z');
  await customer('C5', 'Echo Ltd', 'Zhang Min', '2026-09-01T00:00:00.000Z');
  await customer('C6', 'Foxtrot LLC', '', '2026-09-01T00:00:00.000Z');
  await customer('C8', 'Hotel SpA', 'Li Na', '2026-09-01T00:00:00.000Z');
  // 23:30 on 31 October in Shanghai (not new), then 00:30 on 1 November (new).
  await customer('C12', 'Lima Oy', 'Li Na', '2026-10-31T15:30:00.000Z');
  await customer('C13', 'Mike AS', 'Wang Wei', '2026-10-31T16:30:00.000Z');
  await customer('C9', 'India Co', 'Li Na', '2026-11-10T02:00:00.000Z');
  await customer('C11', 'Kilo AB', '', '2026-11-20T00:00:00.000Z');
  await customer('C10', 'Juliet BV', 'Wang Wei', '2026-12-05T03:00:00.000Z');
  at('2026-11-01T00:00:00.000Z');
  await t.call('customers.archive', { ids: [C.C8!], archived: true });

  // The pool in the period: Zhang Min claims Kilo, releases it, claims it again (after the 7 days'
  // cooling-off); Li Na claims Foxtrot and releases Bravo.
  await byPerson('Zhang Min', 'pool.claim', 'C11', '2026-11-21T01:00:00.000Z');
  await byPerson('Zhang Min', 'pool.release', 'C11', '2026-11-22T01:00:00.000Z');
  await byPerson('Li Na', 'pool.claim', 'C6', '2026-11-25T01:00:00.000Z');
  await byPerson('Zhang Min', 'pool.claim', 'C11', '2026-12-01T01:00:00.000Z');
  await byPerson('Li Na', 'pool.release', 'C2', '2026-12-02T01:00:00.000Z');

  // Follow-ups (owner '' = the customer's owner).
  followUp('C1', '', 'call', '2026-11-02T01:00:00.000Z', '2026-11-05T01:00:00.000Z', 'done', '2026-11-05T02:00:00.000Z'); // F1
  followUp('C1', '', 'email', '2026-12-01T00:00:00.000Z', '2026-12-10T00:00:00.000Z', 'open', null); // F2 overdue
  followUp('C3', '', 'call', '2026-12-03T00:00:00.000Z', '2026-12-25T00:00:00.000Z', 'open', null); // F3 not yet due
  followUp('C3', 'li na', 'visit', '2026-10-20T00:00:00.000Z', '2026-11-15T00:00:00.000Z', 'done', '2026-11-16T00:00:00.000Z'); // F4
  followUp('C5', '', 'call', '2026-11-10T00:00:00.000Z', '2026-11-12T00:00:00.000Z', 'cancelled', null); // F5
  followUp('C4', 'Zhao Lei', 'whatsapp', '2026-09-01T00:00:00.000Z', '2026-10-01T00:00:00.000Z', 'open', null); // F6 overdue
  followUp('C8', '', 'call', '2026-11-03T00:00:00.000Z', '2026-11-04T00:00:00.000Z', 'open', null); // F7 archived customer
  followUp('C6', '', 'email', '2026-11-26T00:00:00.000Z', '2026-11-27T00:00:00.000Z', 'done', '2026-11-27T00:00:00.000Z'); // F8
  followUp('C7', '', 'call', '2026-11-05T00:00:00.000Z', '2026-11-08T00:00:00.000Z', 'open', null); // F10 the pool's, overdue
  followUp('C10', '', 'quotation', '2026-12-05T03:00:00.000Z', '2026-12-06T00:00:00.000Z', 'done', '2026-12-06T01:00:00.000Z'); // F11

  // The return rule on 10 December: 120 days without a completed follow-up. Only Golf (Wang Wei's
  // since 1 June, none done) is due; the others were owned since 1 September or later, or had one done.
  at('2026-12-10T00:00:00.000Z');
  const rules = { returnAfterFollowupDays: 120, returnAfterOrderDays: null, cap: null, wonOutsideCap: true, coolingDays: 7 };
  await t.call('pool.saveRules', rules);
  expect(await t.call('pool.applyRules', {})).toEqual({ returned: 1 });
  await t.call('pool.saveRules', { ...rules, returnAfterFollowupDays: null });

  // Inquiries, with the hours to their reply.
  inquiry('C1', '', '2026-11-03T00:00:00.000Z', '2026-11-03T02:00:00.000Z'); // Li Na 2 h
  inquiry('C1', '', '2026-11-10T00:00:00.000Z', '2026-11-10T10:00:00.000Z'); // Li Na 10 h
  inquiry('C9', '', '2026-11-11T00:00:00.000Z', '2026-11-11T04:00:00.000Z'); // Li Na 4 h
  inquiry('C6', '', '2026-12-12T00:00:00.000Z', null, 'Samples?'); // Li Na, unanswered
  inquiry('C3', '', '2026-11-05T00:00:00.000Z', '2026-11-06T00:00:00.000Z'); // Wang Wei 24 h
  inquiry('C4', 'Zhang Min', '2026-11-07T00:00:00.000Z', '2026-11-07T03:30:00.000Z'); // Zhang Min 3.5 h (assigned to her)
  inquiry('C10', '', '2026-12-06T00:00:00.000Z', '2026-12-06T06:00:00.000Z'); // Wang Wei 6 h
  inquiry('C7', '', '2026-11-15T00:00:00.000Z', null); // the pool, unanswered
  inquiry('C1', '', '2026-10-31T15:00:00.000Z', '2026-10-31T16:00:00.000Z'); // 23:00 on 31 Oct in Shanghai: not in the period
  inquiry('C8', '', '2026-11-20T00:00:00.000Z', null); // archived customer
  inquiry('C5', '', '2026-12-01T00:00:00.000Z', '2026-11-30T23:00:00.000Z'); // Zhang Min, reply stamped before: 0 h

  need('C1', 'new');
  need('C1', 'met');
  need('C3', 'evaluating');
  need('C7', 'planned');
  need('C8', 'new');
  need('C11', 'declined');
  need('C5', 'planned');

  complaint('C1', '', 'open', '2026-12-15T00:00:00.000Z', 'high'); // Li Na, overdue
  complaint('C3', 'Li Na', 'in_progress', '2026-12-30T00:00:00.000Z', 'medium'); // Li Na handles it
  complaint('C4', '', 'resolved', '2026-11-01T00:00:00.000Z', 'low');
  complaint('C10', '', 'open', '2026-12-25T00:00:00.000Z', 'low'); // Wang Wei
  complaint('C8', '', 'open', '2026-11-10T00:00:00.000Z', 'critical'); // archived customer

  order('C1', '2026-11-15T00:00:00.000Z', 100_000, 'USD'); // O1
  order('C1', '2026-12-31T15:30:00.000Z', 50_000, 'USD'); // O2 23:30 on 31 Dec in Shanghai: counts
  order('C1', '2026-12-31T16:30:00.000Z', 70_000, 'USD'); // O3 00:30 on 1 Jan: does not
  order('C6', '2026-12-01T00:00:00.000Z', 200_000, 'EUR'); // O4 = 220,000 USD cents
  order('C9', '2026-10-31T16:30:00.000Z', 30_000, 'USD'); // O5 00:30 on 1 Nov: counts
  order('C12', '2026-10-31T15:30:00.000Z', 40_000, 'USD'); // O6 23:30 on 31 Oct: does not
  order('C3', '2026-11-20T00:00:00.000Z', 150_000, 'EUR'); // O7 = 165,000
  order('C4', '2026-12-10T00:00:00.000Z', 5_000, 'ISK'); // O8 no rate: uncounted
  order('C3', '2026-11-21T00:00:00.000Z', 99_900, 'USD', { cancelled: 1 }); // O9
  order('C3', '2026-11-22T00:00:00.000Z', 2_000, 'USD', { product: 'Sample kit' }); // O10
  order('C5', '2026-11-30T00:00:00.000Z', 80_000, 'USD'); // O11
  order('C7', '2026-11-25T00:00:00.000Z', 10_000, 'USD'); // O12 the pool's
  order('C8', '2026-11-25T00:00:00.000Z', 60_000, 'USD'); // O13 archived customer
  order('C2', '2026-11-01T00:00:00.000Z', 25_000, 'EUR'); // O14 the pool's (released Bravo) = 27,500

  // Churn as the last classification left it.
  run(`UPDATE customers SET churn_status = 'warning' WHERE id IN (?, ?, ?, ?)`, C.C1, C.C4, C.C7, C.C8);
  run(`UPDATE customers SET churn_status = 'lost' WHERE id = ?`, C.C5);

  // Targets: Li Na for November and December (December set twice, the second time spelled in lower case),
  // one for January outside the period; Wang Wei new customers in December; one set and removed again.
  at(NOW);
  await t.call('manager.saveTargets', {
    targets: [
      { owner: 'Li Na', month: '2026-11', revenueMinor: 300_000, newCustomers: 2 },
      { owner: 'Li Na', month: '2026-12', revenueMinor: 150_000, newCustomers: null },
      { owner: 'Li Na', month: '2027-01', revenueMinor: 999, newCustomers: 9 },
      { owner: 'Wang Wei', month: '2026-12', revenueMinor: null, newCustomers: 4 },
      { owner: 'Zhang Min', month: '2026-10', revenueMinor: 100, newCustomers: 1 },
    ],
  });
  expect(
    await t.call('manager.saveTargets', {
      targets: [
        { owner: 'li na', month: '2026-12', revenueMinor: 200_000, newCustomers: null },
        { owner: 'Zhang Min', month: '2026-10', revenueMinor: null, newCustomers: null },
      ],
    }),
  ).toEqual({ saved: 2 });
  await t.call('prefs.save', { me: 'Li Na' });
});

afterAll(async () => {
  await t.close();
});

const zero: Omit<ManagerRow, 'owner'> = {
  held: 0,
  new: 0,
  claimed: 0,
  returned: 0,
  followupsPlanned: 0,
  followupsDone: 0,
  followupsOverdue: 0,
  inquiries: 0,
  inquiriesUnanswered: 0,
  firstResponseMedianHours: null,
  needsOpen: 0,
  complaintsOpen: 0,
  complaintsOverdue: 0,
  orders: 0,
  revenueMinor: 0,
  ordersUncounted: 0,
  atRisk: 0,
  targetRevenueMinor: null,
  targetNew: null,
  revenueAttainment: null,
  newAttainment: null,
};

describe("the manager's report", () => {
  it('counts every figure of every row and the totals as counted by hand', async () => {
    const r = await t.call('manager.report', SHANGHAI);
    expect(r.period).toEqual({ ...SHANGHAI, from: '2026-10-31T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z' });
    expect(r).toMatchObject({ currency: 'USD', asOf: NOW, scope: 'all' });
    expect(r.rows.map((x) => x.owner)).toEqual(['Li Na', 'Wang Wei', 'Zhang Min', 'Zhao Lei', '']);
    expect(r.rows[0]).toEqual({
      ...zero,
      owner: 'Li Na',
      held: 4, // Alpha, Foxtrot (claimed), India, Lima; not Bravo (released) nor Hotel (archived)
      new: 1, // India; Lima was created at 23:30 on 31 October
      claimed: 1, // Foxtrot
      returned: 1, // Bravo, released
      followupsPlanned: 3, // F1, F2, F8 (F4 created in October, F7's customer archived)
      followupsDone: 3, // F1, F4 ("li na"), F8
      followupsOverdue: 1, // F2
      inquiries: 4,
      inquiriesUnanswered: 1,
      firstResponseMedianHours: 4, // 2, 4, 10
      needsOpen: 1,
      complaintsOpen: 2, // Alpha's, and Charlie's she handles
      complaintsOverdue: 1,
      orders: 4, // O1, O2, O4, O5
      revenueMinor: 400_000, // 1,000 + 500 + 2,000 EUR × 1.1 + 300 USD
      atRisk: 1, // Alpha (Hotel is archived)
      targetRevenueMinor: 500_000, // 3,000 + 2,000 (January is outside)
      targetNew: 2,
      revenueAttainment: 0.8,
      newAttainment: 0.5,
    });
    expect(r.rows[1]).toEqual({
      ...zero,
      owner: 'Wang Wei',
      held: 4, // Charlie, Delta, Juliet, Mike; Golf went back to the pool
      new: 2, // Juliet, Mike (00:30 on 1 November)
      claimed: 0, // Golf was claimed in June
      returned: 1, // Golf, by the rule
      followupsPlanned: 2, // F3, F11
      followupsDone: 1, // F11
      followupsOverdue: 0, // F6 is Zhao Lei's, F3 is due on the 25th
      inquiries: 2, // Delta's inquiry is assigned to Zhang Min
      firstResponseMedianHours: 15, // 6, 24
      needsOpen: 1,
      complaintsOpen: 1,
      orders: 2, // O7, O8 (O9 cancelled, O10 a sample)
      revenueMinor: 165_000,
      ordersUncounted: 1, // ISK
      atRisk: 1, // Delta
      targetNew: 4,
      newAttainment: 0.5,
    });
    expect(r.rows[2]).toEqual({
      ...zero,
      owner: 'Zhang Min',
      held: 2, // Echo, Kilo
      new: 1, // Kilo, created in the pool on 20 November, hers now
      claimed: 1, // Kilo, claimed twice
      returned: 1, // Kilo, released on the 22nd
      inquiries: 2, // Delta's (assigned to her), Echo's
      firstResponseMedianHours: 1.75, // 0 (reply stamped before), 3.5
      needsOpen: 1,
      orders: 1,
      revenueMinor: 80_000,
      // Echo is lost, not at risk; F5 was cancelled; her October target was removed.
    });
    expect(r.rows[3]).toEqual({ ...zero, owner: 'Zhao Lei', followupsOverdue: 1 });
    expect(r.rows[4]).toEqual({
      ...zero,
      owner: '',
      held: 2, // Bravo, Golf
      followupsPlanned: 1, // F10
      followupsOverdue: 1,
      inquiries: 1,
      inquiriesUnanswered: 1,
      needsOpen: 1,
      orders: 2, // O12, O14
      revenueMinor: 37_500, // 100 USD + 250 EUR × 1.1
      atRisk: 1, // Golf
    });
    expect(r.totals).toEqual({
      held: 12,
      new: 4,
      claimed: 2,
      returned: 3,
      followupsPlanned: 6,
      followupsDone: 4,
      followupsOverdue: 3,
      inquiries: 9,
      inquiriesUnanswered: 2,
      firstResponseMedianHours: 4, // 0, 2, 3.5, 4, 6, 10, 24
      needsOpen: 4,
      complaintsOpen: 3,
      complaintsOverdue: 1,
      orders: 9,
      revenueMinor: 682_500,
      ordersUncounted: 1,
      atRisk: 3,
      targetRevenueMinor: 500_000,
      targetNew: 6,
      revenueAttainment: 1.365,
      newAttainment: 0.6667,
    });
  });

  it('reads the months in the zone asked for: in UTC the orders and customers at the edges change sides', async () => {
    const r = await t.call('manager.report', { fromMonth: '2026-11', toMonth: '2026-12', tz: 'UTC' });
    expect(r.period).toMatchObject({ from: '2026-11-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' });
    const li = r.rows.find((x) => x.owner === 'Li Na')!;
    // O5 (31 Oct 16:30 UTC) leaves, O3 (31 Dec 16:30 UTC) comes in.
    expect({ orders: li.orders, revenueMinor: li.revenueMinor }).toEqual({ orders: 4, revenueMinor: 440_000 });
    // Mike (31 Oct 16:30 UTC) is October's.
    expect(r.rows.find((x) => x.owner === 'Wang Wei')!.new).toBe(1);
    // One month: December in Shanghai.
    const dec = await t.call('manager.report', { fromMonth: '2026-12', toMonth: '2026-12', tz: 'Asia/Shanghai' });
    const liDec = dec.rows.find((x) => x.owner === 'Li Na')!;
    expect(liDec).toMatchObject({
      orders: 2,
      revenueMinor: 270_000,
      targetRevenueMinor: 200_000,
      targetNew: null,
      claimed: 0,
      returned: 1,
    });
  });

  it('lists exactly the rows behind a figure, newest first, with the total', async () => {
    const list = (owner: string | null, figure: string, limit?: number) =>
      t.call('manager.list', { period: SHANGHAI, owner, figure: figure as never, ...(limit ? { limit } : {}) });

    const held = await list('Li Na', 'held');
    expect(held).toEqual({
      total: 4,
      items: [
        { customerId: C.C6, company: 'Foxtrot LLC', country: 'DE', detail: '', at: '2026-11-25T01:00:00.000Z' },
        { customerId: C.C9, company: 'India Co', country: 'DE', detail: '', at: '2026-11-10T02:00:00.000Z' },
        { customerId: C.C12, company: 'Lima Oy', country: 'DE', detail: '', at: '2026-10-31T15:30:00.000Z' },
        { customerId: C.C1, company: 'Alpha Trading', country: 'DE', detail: '', at: '2026-09-01T00:00:00.000Z' },
      ],
    });
    const returned = await list(null, 'returned');
    expect(returned.total).toBe(3);
    expect(returned.items.map((i) => [i.customerId, i.detail, i.at])).toEqual([
      [C.C7, 'rule:followup', '2026-12-10T00:00:00.000Z'],
      [C.C2, 'release', '2026-12-02T01:00:00.000Z'],
      [C.C11, 'release', '2026-11-22T01:00:00.000Z'],
    ]);
    const orders = await list('li na', 'orders');
    expect(orders.total).toBe(4);
    expect(orders.items.map((i) => [i.customerId, i.detail, i.at])).toEqual([
      [C.C1, '500.00 USD', '2026-12-31T15:30:00.000Z'],
      [C.C6, '2000.00 EUR', '2026-12-01T00:00:00.000Z'],
      [C.C1, '1000.00 USD', '2026-11-15T00:00:00.000Z'],
      [C.C9, '300.00 USD', '2026-10-31T16:30:00.000Z'],
    ]);
    const overdue = await list(null, 'followupsOverdue');
    expect(overdue.items.map((i) => [i.customerId, i.detail, i.at])).toEqual([
      [C.C1, 'email', '2026-12-10T00:00:00.000Z'],
      [C.C7, 'call', '2026-11-08T00:00:00.000Z'],
      [C.C4, 'whatsapp', '2026-10-01T00:00:00.000Z'],
    ]);
    expect(await list('Zhang Min', 'claimed')).toEqual({
      total: 1,
      items: [{ customerId: C.C11, company: 'Kilo AB', country: 'DE', detail: '', at: '2026-12-01T01:00:00.000Z' }],
    });
    const pool = await list('', 'inquiriesUnanswered');
    expect(pool.items.map((i) => i.customerId)).toEqual([C.C7]);
    const limited = await list(null, 'held', 2);
    expect(limited.total).toBe(12);
    expect(limited.items).toHaveLength(2);
    const complaints = await list('Li Na', 'complaintsOpen');
    expect(complaints.items.map((i) => [i.customerId, i.detail])).toEqual([
      [C.C3, 'medium'],
      [C.C1, 'high'],
    ]);
  });

  it('keeps the targets of a year by person and month', async () => {
    expect(await t.call('manager.targets', { year: 2026 })).toEqual({
      currency: 'USD',
      canEdit: true,
      targets: [
        { owner: 'Li Na', month: '2026-11', revenueMinor: 300_000, newCustomers: 2 },
        { owner: 'li na', month: '2026-12', revenueMinor: 200_000, newCustomers: null },
        { owner: 'Wang Wei', month: '2026-12', revenueMinor: null, newCustomers: 4 },
      ],
    });
  });

  it('refuses bad input with INVALID_INPUT and changes nothing', async () => {
    const before = dump();
    for (const input of [
      { fromMonth: '2026-12', toMonth: '2026-11' },
      { fromMonth: '2026-13', toMonth: '2026-12' },
      { fromMonth: '2026-1', toMonth: '2026-12' },
      { fromMonth: '2026-11', toMonth: '2026-12', tz: 'Mars/Olympus' },
    ]) {
      const r = await t.raw('manager.report', input);
      expect(r.ok, JSON.stringify(input)).toBe(false);
      expect(!r.ok && r.error.code).toBe('INVALID_INPUT');
    }
    const list = await t.raw('manager.list', { period: { fromMonth: '2026-12', toMonth: '2026-11' }, owner: null, figure: 'held' });
    expect(!list.ok && list.error.code).toBe('INVALID_INPUT');
    for (const targets of [
      [{ owner: 'Li Na', month: '2026-13', revenueMinor: 1, newCustomers: 1 }],
      [{ owner: 'Li Na', month: '2026-12', revenueMinor: -1, newCustomers: 1 }],
      [{ owner: ' ', month: '2026-12', revenueMinor: 1, newCustomers: 1 }],
      [
        { owner: 'Li Na', month: '2026-12', revenueMinor: 5, newCustomers: 5 },
        { owner: 'Wang Wei', month: '2026-12', revenueMinor: 1.5, newCustomers: 1 },
      ],
      [],
    ]) {
      const r = await t.raw('manager.saveTargets', { targets });
      expect(!r.ok && r.error.code, JSON.stringify(targets)).toBe('INVALID_INPUT');
    }
    expect(dump()).toBe(before);
  });

  it('reads each figure of the period through its index, never the whole table (the app runs no ANALYZE)', () => {
    const expected: Record<ManagerFigure, RegExp> = {
      held: /INDEX customers_active_owner/,
      new: /SEARCH c USING INDEX customers_active_created/,
      claimed: /SEARCH a USING INDEX activities_owner_change_at/,
      returned: /SEARCH a USING INDEX activities_owner_change_at/,
      followupsPlanned: /SEARCH f USING (COVERING )?INDEX follow_ups_created/,
      followupsDone: /SEARCH f USING (COVERING )?INDEX follow_ups_done_owner/,
      followupsOverdue: /SEARCH f USING (COVERING )?INDEX follow_ups_open_due/,
      inquiries: /SEARCH i USING (COVERING )?INDEX inquiries_received/,
      inquiriesUnanswered: /SEARCH i USING (COVERING )?INDEX inquiries_received/,
      needsOpen: /SEARCH n USING (COVERING )?INDEX needs_status/,
      complaintsOpen: /k USING INDEX complaints_(open_due|customer)/,
      complaintsOverdue: /SEARCH k USING INDEX complaints_open_due/,
      orders: /SEARCH o USING (COVERING )?INDEX orders_period/,
      atRisk: /SEARCH c USING INDEX customers_board_churn/,
    };
    for (const figure of MANAGER_FIGURES) {
      const q =
        sql`SELECT owner, count(*) AS n FROM (${figureRows(figure, periodBounds(SHANGHAI), NOW)}) GROUP BY owner COLLATE NOCASE`.compile(
          t.engine.database.db,
        );
      const plan = (t.engine.database.readSqlite.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.parameters) as { detail: string }[])
        .map((r) => r.detail)
        .join('\n');
      expect(plan, figure).toMatch(expected[figure]);
      expect(plan, figure).not.toMatch(/SCAN (f|i|o|a|n|k)\b(?! USING)/);
    }
  });

  it('shows a salesperson in a team their own row only, and only a manager sets targets', async () => {
    const sqlite = t.engine.database.sqlite;
    const joinAs = (name: string, role: 'salesperson' | 'manager') =>
      sqlite
        .prepare(`UPDATE sync_state SET team_device_id = 'd', team_server = 'https://team.example', team_user = ? WHERE id = 1`)
        .run(JSON.stringify({ id: 'u1', name, login: name.toLowerCase().replace(' ', ''), role }));
    await enableCapture(t.engine.database.write, '00000000000000aa');
    joinAs('Wang Wei', 'salesperson');
    const before = dump();

    const r = await t.call('manager.report', SHANGHAI);
    expect(r.scope).toBe('own');
    expect(r.rows.map((x) => x.owner)).toEqual(['Wang Wei']);
    const { owner, ...own } = r.rows[0]!;
    expect(owner).toBe('Wang Wei');
    expect(own).toMatchObject({ held: 4, new: 2, returned: 1, orders: 2, revenueMinor: 165_000, firstResponseMedianHours: 15 });
    expect(r.totals).toEqual(own);

    const mine = await t.call('manager.list', { period: SHANGHAI, owner: null, figure: 'held' });
    expect(mine.total).toBe(4);
    const other = await t.raw('manager.list', { period: SHANGHAI, owner: 'Li Na', figure: 'held' });
    expect(!other.ok && other.error.code).toBe('MANAGER_REQUIRED');
    expect(await t.call('manager.targets', { year: 2026 })).toEqual({
      currency: 'USD',
      canEdit: false,
      targets: [{ owner: 'Wang Wei', month: '2026-12', revenueMinor: null, newCustomers: 4 }],
    });
    const save = await t.raw('manager.saveTargets', {
      targets: [{ owner: 'Wang Wei', month: '2026-12', revenueMinor: 1, newCustomers: 99 }],
    });
    expect(!save.ok && save.error.code).toBe('MANAGER_REQUIRED');
    expect(dump()).toBe(before);

    joinAs('Wang Wei', 'manager');
    expect((await t.call('manager.report', SHANGHAI)).scope).toBe('all');
    expect(
      await t.call('manager.saveTargets', { targets: [{ owner: 'Zhang Min', month: '2026-12', revenueMinor: 1, newCustomers: null }] }),
    ).toEqual({
      saved: 1,
    });
  });
});
