import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inquiryAwaitsReply } from '../../src/shared/domain/inquiry-status';
import { openTestEngine, type TestEngine } from '../support/temp-db';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures');

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

  it('an inquiry replied to, negotiated, closed, spam, with a reply time or followed by an order asks for nothing', async () => {
    t = await openTestEngine({ now: () => now });
    const sqlite = t.engine.database.sqlite;
    const inquiry = (id: number, status: string, repliedAt: string | null = null) =>
      sqlite
        .prepare(`INSERT INTO inquiries (customer_id, received_at, status, replied_at, created_at) VALUES (?, ?, ?, ?, 'x')`)
        .run(id, daysAgo(5), status, repliedAt);
    const make = async (company: string) => (await t.call('customers.create', { company })).id;
    inquiry(await make('Unread'), '未读');
    inquiry(await make('No status'), '');
    inquiry(await make('Unread EN'), 'Unread');
    inquiry(await make('Replied'), '已回复');
    inquiry(await make('Negotiating'), '洽谈中');
    inquiry(await make('Closed'), 'Closed ');
    inquiry(await make('Spam'), '垃圾询盘');
    inquiry(await make('Reply time'), '未读', daysAgo(4));
    const ordered = await make('Ordered since');
    inquiry(ordered, '未读');
    sqlite
      .prepare(`INSERT INTO orders (customer_id, ordered_at, amount_minor, currency, created_at) VALUES (?, ?, 100, 'USD', 'x')`)
      .run(ordered, daysAgo(2));
    await t.call('classify.run', {}); // as after an import: the customer's last order is known
    const plan = await t.call('followups.plan', { timeZone: 'UTC' });
    expect(
      plan.proposals
        .filter((p) => p.reason === 'inquiry')
        .map((p) => p.company)
        .sort(),
    ).toEqual(['No status', 'Unread', 'Unread EN']);
    expect(['未读', '', 'Unread'].map((s) => inquiryAwaitsReply(s, null))).toEqual([true, true, true]);
    expect(['已回复', '洽谈中', 'CLOSED', '垃圾询盘'].map((s) => inquiryAwaitsReply(s, null))).toEqual([false, false, false, false]);
    expect(inquiryAwaitsReply('未读', '2026-11-20T00:00:00.000Z')).toBe(false);
  });

  it('the sample inquiry export proposes a reply only for the unread inquiries nobody answered (not one per customer)', async () => {
    t = await openTestEngine({ now: () => new Date('2026-12-06T06:00:00Z') });
    const bytes = readFileSync(join(FIXTURES, 'alibaba-inquiries-en.csv'));
    const analysis = await t.call('import.analyze', { fileName: 'alibaba-inquiries-en.csv', contentBase64: bytes.toString('base64') });
    await t.call('import.commit', { fileId: analysis.fileId, kind: analysis.kind, mapping: analysis.mapping });
    const sqlite = t.engine.database.sqlite;
    const withInquiries = sqlite.prepare(`SELECT count(DISTINCT customer_id) FROM inquiries`).pluck().get() as number;
    const waiting = sqlite
      .prepare(
        `SELECT count(DISTINCT i.customer_id) FROM inquiries i
          WHERE i.replied_at IS NULL AND trim(i.status) IN ('未读', '')
            AND i.received_at = (SELECT max(received_at) FROM inquiries WHERE customer_id = i.customer_id AND replied_at IS NULL
                                   AND trim(status) IN ('未读', ''))
            AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = i.customer_id AND o.ordered_at >= i.received_at)`,
      )
      .pluck()
      .get() as number;
    expect(sqlite.prepare(`SELECT count(*) FROM inquiries WHERE replied_at IS NOT NULL`).pluck().get()).toBeGreaterThan(50);
    const plan = await t.call('followups.plan', { timeZone: 'Asia/Shanghai', limit: 5000 });
    expect(plan.byReason.inquiry).toBe(waiting);
    expect(plan.byReason.inquiry).toBeLessThan(withInquiries / 2);
  });

  it('"Accept all" plans only the owner and tiers shown, and a plan just accepted can be taken back (edited follow-ups stay)', async () => {
    t = await openTestEngine({ now: () => now });
    const sqlite = t.engine.database.sqlite;
    const asker = async (company: string, owner: string) => {
      const id = (await t.call('customers.create', { company, owner })).id;
      sqlite.prepare(`INSERT INTO inquiries (customer_id, received_at, status, created_at) VALUES (?, ?, '未读', 'x')`).run(id, daysAgo(5));
      return id;
    };
    await asker('Lily One', 'Lily');
    await asker('Lily Two', 'Lily');
    await asker('Tom One', 'Tom');
    const tz = { timeZone: 'UTC' };
    expect((await t.call('followups.plan', { ...tz, owner: 'Lily' })).total).toBe(2);
    expect((await t.call('followups.plan', { ...tz, tiers: ['A'] })).total).toBe(0);
    const applied = await t.call('followups.applyPlan', { ...tz, owner: 'Lily', reasons: ['inquiry'] });
    expect(applied).toMatchObject({ planned: 2 });
    expect(applied.ids).toHaveLength(2);
    const open = await t.call('followups.list', { bucket: 'open', ...tz });
    expect(open.items.map((f) => f.company).sort()).toEqual(['Lily One', 'Lily Two']);
    // One of them is edited before the undo: it stays.
    const edited = open.items.find((f) => f.company === 'Lily Two')!;
    await t.call('followups.update', { id: edited.id, version: edited.version, patch: { note: 'call on Monday' } });
    expect(await t.call('followups.undoPlan', { ids: applied.ids })).toEqual({ removed: 1, kept: 1 });
    expect((await t.call('followups.list', { bucket: 'open', ...tz })).items.map((f) => f.company)).toEqual(['Lily Two']);
    // Tom's inquiry is still proposed, and so is Lily One's again.
    expect((await t.call('followups.plan', tz)).proposals.map((p) => p.company).sort()).toEqual(['Lily One', 'Tom One']);
  });
});
