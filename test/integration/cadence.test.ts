import { afterEach, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../support/temp-db';

let t: TestEngine;
const now = new Date('2026-11-22T06:00:00Z'); // 14:00 in Shanghai
afterEach(async () => {
  await t?.close();
});

const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();

describe('cadence proposals', () => {
  it('propose the right touch for each customer with nothing planned, and plan them in bulk', async () => {
    t = await openTestEngine({ now: () => now });
    const make = async (company: string) => (await t.call('customers.create', { company, owner: 'Lily' })).id;
    const sqlite = t.engine.database.sqlite;
    const order = (id: number, d: number, amount: number) =>
      sqlite
        .prepare(`INSERT INTO orders (customer_id, ordered_at, amount_minor, currency, created_at) VALUES (?, ?, ?, 'USD', 'x')`)
        .run(id, daysAgo(d), amount);
    const inquiry = (id: number, d: number) =>
      sqlite.prepare(`INSERT INTO inquiries (customer_id, received_at, created_at) VALUES (?, ?, 'x')`).run(id, daysAgo(d));

    const bigBuyer = await make('Big Buyer'); // tier A, last order 20 days ago → 14-day rhythm is past: today
    order(bigBuyer, 20, 90_000_00);
    const steady = await make('Steady Buyer'); // tier B/C, ordered 3 days ago → due in the future
    order(steady, 3, 5_000_00);
    const asker = await make('New Inquirer'); // inquiry 3 days ago, never answered
    inquiry(asker, 3);
    const fresh = await make('Fresh Inquirer'); // inquiry today: not yet unanswered for 2 days
    inquiry(fresh, 0.1);
    const quoted = await make('Quoted Prospect'); // quotation sent 6 days ago, no reply
    const q = await t.call('followups.create', { customerId: quoted, type: 'quotation', dueAt: daysAgo(6) });
    await t.call('followups.complete', { id: q.id, version: q.version, outcome: 'Sent quotation Q-17', timeZone: 'Asia/Shanghai' });
    sqlite.prepare(`UPDATE follow_ups SET done_at = ? WHERE id = ?`).run(daysAgo(6), q.id);
    const planned = await make('Already Planned');
    order(planned, 30, 1_000_00);
    await t.call('followups.create', { customerId: planned, type: 'call', dueAt: daysAgo(-1) });
    await make('Quiet Lead'); // nothing at all, no tier: no cadence
    await t.call('classify.run', {});

    const plan = await t.call('followups.plan', { timeZone: 'Asia/Shanghai' });
    const byCompany = Object.fromEntries(plan.proposals.map((p) => [p.company, p]));
    expect(Object.keys(byCompany).sort()).toEqual(['Big Buyer', 'New Inquirer', 'Quoted Prospect', 'Steady Buyer']);
    expect(byCompany['Big Buyer']).toMatchObject({ reason: 'cadence', type: 'call', tier: 'A', dueAt: '2026-11-22T01:00:00.000Z' }); // 09:00 Shanghai today
    expect(byCompany['New Inquirer']).toMatchObject({ reason: 'inquiry', type: 'email', dueAt: '2026-11-22T01:00:00.000Z' });
    expect(byCompany['Quoted Prospect']).toMatchObject({ reason: 'quotation', type: 'email' });
    expect(byCompany['Steady Buyer']!.dueAt > now.toISOString()).toBe(true);
    expect(plan.byReason).toEqual({ inquiry: 1, quotation: 1, cadence: 2 });

    const applied = await t.call('followups.applyPlan', { timeZone: 'Asia/Shanghai', reasons: ['inquiry', 'quotation', 'cadence'] });
    expect(applied.planned).toBe(4);
    expect((await t.call('followups.plan', { timeZone: 'Asia/Shanghai' })).total).toBe(0);
    const today = await t.call('followups.list', { bucket: 'today', timeZone: 'Asia/Shanghai' });
    expect(today.items.map((f) => [f.company, f.source]).sort()).toEqual([
      ['Big Buyer', 'cadence'],
      ['New Inquirer', 'inquiry'],
      ['Quoted Prospect', 'quotation'],
    ]);
  });

  it('rules are settings: a tier switched off proposes nothing', async () => {
    t = await openTestEngine({ now: () => now });
    const id = (await t.call('customers.create', { company: 'Big Buyer' })).id;
    t.engine.database.sqlite
      .prepare(`INSERT INTO orders (customer_id, ordered_at, amount_minor, currency, created_at) VALUES (?, ?, 100, 'USD', 'x')`)
      .run(id, daysAgo(40));
    await t.call('classify.run', {});
    expect((await t.call('followups.plan', { timeZone: 'UTC' })).total).toBe(1);
    const rules = await t.call('cadence.get', {});
    expect(rules.tierDays).toEqual({ A: 14, B: 30, C: 90, none: 0 });
    await t.call('cadence.save', { ...rules, tierDays: { ...rules.tierDays, A: 0 } });
    expect((await t.call('followups.plan', { timeZone: 'UTC' })).total).toBe(0);
    const bad = await t.raw('cadence.save', { ...rules, unansweredInquiryDays: -1 });
    expect(!bad.ok && bad.error.code).toBe('INVALID_INPUT');
  });
});
