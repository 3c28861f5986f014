import { afterEach, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../support/temp-db';

let t: TestEngine;
let clock = new Date('2026-11-22T17:00:00Z');
afterEach(async () => {
  await t?.close();
});

async function open(now: string) {
  clock = new Date(now);
  t = await openTestEngine({ now: () => clock });
  const c = await t.call('customers.create', { company: 'Atlas Imports Co., Ltd', country: 'TR', owner: 'Lily Wang' });
  return c.id;
}

const plan = (customerId: number, dueAt: string, type: 'call' | 'email' = 'call') =>
  t.call('followups.create', { customerId, type, dueAt });
const ids = (r: { items: { id: number }[] }) => r.items.map((i) => i.id);

describe('follow-up lists in the user’s local days', () => {
  it('today and overdue depend on the time zone the user is in', async () => {
    const customer = await open('2026-11-22T17:00:00Z'); // Shanghai: 23 Nov 01:00; New York: 22 Nov 12:00
    const early = await plan(customer, '2026-11-22T10:00:00Z'); // Shanghai 22 Nov 18:00; New York 22 Nov 05:00
    const late = await plan(customer, '2026-11-22T20:00:00Z'); // Shanghai 23 Nov 04:00; New York 22 Nov 15:00
    const nextWeek = await plan(customer, '2026-11-27T01:00:00Z');
    const later = await plan(customer, '2026-12-20T01:00:00Z');
    expect(late.owner).toBe('Lily Wang'); // the customer's owner by default

    const sh = (bucket: 'overdue' | 'today' | 'upcoming' | 'open') => t.call('followups.list', { bucket, timeZone: 'Asia/Shanghai' });
    expect(ids(await sh('overdue'))).toEqual([early.id]);
    expect(ids(await sh('today'))).toEqual([late.id]);
    expect(ids(await sh('upcoming'))).toEqual([nextWeek.id]);
    expect(ids(await sh('open'))).toEqual([early.id, late.id, nextWeek.id, later.id]);
    expect(await t.call('followups.counts', { timeZone: 'Asia/Shanghai' })).toEqual({ overdue: 1, today: 1, upcoming: 1 });

    const ny = (bucket: 'overdue' | 'today') => t.call('followups.list', { bucket, timeZone: 'America/New_York' });
    expect(ids(await ny('overdue'))).toEqual([]);
    expect(ids(await ny('today'))).toEqual([early.id, late.id]);
    expect(await t.call('followups.counts', { timeZone: 'America/New_York', owner: 'Nobody' })).toEqual({
      overdue: 0,
      today: 0,
      upcoming: 0,
    });

    const bad = await t.raw('followups.list', { bucket: 'today', timeZone: 'Mars/Olympus' });
    expect(!bad.ok && bad.error.code).toBe('INVALID_INPUT');
  });

  it('snooze keeps the wall-clock time across a DST change; an overdue one is snoozed from now', async () => {
    const customer = await open('2026-03-07T15:00:00Z'); // New York, Saturday 10:00 EST
    const f = await plan(customer, '2026-03-07T17:00:00Z'); // 12:00 EST
    const snoozed = await t.call('followups.snooze', { id: f.id, version: f.version, days: 1, timeZone: 'America/New_York' });
    expect(snoozed.dueAt).toBe('2026-03-08T16:00:00.000Z'); // Sunday 12:00 EDT, 23 hours later
    const week = await t.call('followups.snooze', { id: f.id, version: snoozed.version, days: 7, timeZone: 'America/New_York' });
    expect(week.dueAt).toBe('2026-03-15T16:00:00.000Z');

    const overdue = await plan(customer, '2026-03-01T14:00:00Z');
    const fromNow = await t.call('followups.snooze', { id: overdue.id, version: overdue.version, days: 3, timeZone: 'America/New_York' });
    expect(fromNow.dueAt).toBe('2026-03-10T14:00:00.000Z'); // now (10:00 EST) + 3 local days = 10:00 EDT
    const stale = await t.raw('followups.snooze', { id: f.id, version: f.version, days: 1, timeZone: 'America/New_York' });
    expect(!stale.ok && stale.error.code).toBe('CONFLICT');
  });

  it('completing records the outcome on the timeline and proposes the next one by tier', async () => {
    const customer = await open('2026-11-22T02:00:00Z'); // Shanghai 10:00
    const f = await plan(customer, '2026-11-22T03:00:00Z', 'email');
    const noOutcome = await t.raw('followups.complete', { id: f.id, version: f.version, outcome: '  ', timeZone: 'Asia/Shanghai' });
    expect(!noOutcome.ok && noOutcome.error.code).toBe('INVALID_INPUT');
    const done = await t.call('followups.complete', {
      id: f.id,
      version: f.version,
      outcome: 'Sent the new price list',
      timeZone: 'Asia/Shanghai',
    });
    expect(done.followUp).toMatchObject({ status: 'done', outcome: 'Sent the new price list', doneAt: '2026-11-22T02:00:00.000Z' });
    // No orders yet (tier "none"): next touch in 30 days, at 09:00 Shanghai time.
    expect(done.next).toEqual({ customerId: customer, type: 'email', owner: 'Lily Wang', dueAt: '2026-12-22T01:00:00.000Z', inDays: 30 });
    const timeline = t.engine.database.readSqlite.prepare(`SELECT kind, summary FROM activities WHERE customer_id = ?`).all(customer);
    expect(timeline).toEqual([{ kind: 'followup_done', summary: 'email: Sent the new price list' }]);
    const again = await t.raw('followups.complete', {
      id: f.id,
      version: done.followUp.version,
      outcome: 'twice',
      timeZone: 'Asia/Shanghai',
    });
    expect(!again.ok && again.error.code).toBe('CONFLICT');
    expect(ids(await t.call('followups.list', { bucket: 'done', timeZone: 'Asia/Shanghai' }))).toEqual([f.id]);
    expect(ids(await t.call('followups.list', { bucket: 'open', timeZone: 'Asia/Shanghai' }))).toEqual([]);
  });

  it('logs a touch that already happened: it completes the follow-up due, goes on the timeline, and plans the next step, in one transaction', async () => {
    const customer = await open('2026-11-22T09:00:00Z');
    const due = await plan(customer, '2026-11-22T02:00:00Z');
    const logged = await t.call('followups.log', {
      customerId: customer,
      type: 'call',
      outcome: 'Omar wants the price list for 600×600 panels',
      happenedAt: '2026-11-22T08:30:00Z',
      completes: { id: due.id, version: due.version },
      next: { type: 'email', dueAt: '2026-11-23T01:00:00Z', note: 'Send the price list' },
    });
    expect(logged.followUp).toMatchObject({ id: due.id, status: 'done', outcome: 'Omar wants the price list for 600×600 panels' });
    expect(logged.followUp.doneAt).toBe('2026-11-22T08:30:00.000Z');
    expect(logged.next).toMatchObject({
      type: 'email',
      status: 'open',
      dueAt: '2026-11-23T01:00:00.000Z',
      note: 'Send the price list',
      owner: 'Lily Wang',
    });
    const timeline = await t.call('timeline.list', { customerId: customer });
    expect(timeline.some((e) => e.summary.includes('Omar wants the price list'))).toBe(true);
    expect((await t.call('followups.nextStep', { customerId: customer })).nextFollowUp?.id).toBe(logged.next?.id);

    // Without an open follow-up: a new one, done at once, at the time given (or now).
    const visit = await t.call('followups.log', { customerId: customer, type: 'visit', outcome: 'Met at the Canton Fair booth' });
    expect(visit.followUp).toMatchObject({
      type: 'visit',
      status: 'done',
      doneAt: '2026-11-22T09:00:00.000Z',
      dueAt: '2026-11-22T09:00:00.000Z',
    });
    expect(visit.next).toBeNull();

    // Refused, and nothing written: no outcome, a time in the future, a follow-up already done, another customer's.
    const before = (await t.call('followups.list', { bucket: 'done', timeZone: 'UTC' })).items.length;
    await expect(t.call('followups.log', { customerId: customer, type: 'call', outcome: '  ' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(
      t.call('followups.log', { customerId: customer, type: 'call', outcome: 'x', happenedAt: '2026-11-23T09:00:00Z' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(
      t.call('followups.log', { customerId: customer, type: 'call', outcome: 'x', completes: { id: due.id, version: due.version } }),
    ).rejects.toMatchObject({ code: expect.stringMatching(/CONFLICT/) });
    const other = (await t.call('customers.create', { company: 'Other GmbH' })).id;
    const theirs = await plan(other, '2026-11-22T02:00:00Z');
    await expect(
      t.call('followups.log', {
        customerId: customer,
        type: 'call',
        outcome: 'x',
        completes: { id: theirs.id, version: theirs.version },
        next: { type: 'call', dueAt: '2026-11-24T01:00:00Z' },
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect((await t.call('followups.list', { bucket: 'done', timeZone: 'UTC' })).items.length).toBe(before);
    expect((await t.call('followups.list', { bucket: 'open', timeZone: 'UTC', customerId: customer })).items).toHaveLength(1);
  });

  it('reschedule, cancel, and unknown customers', async () => {
    const customer = await open('2026-11-22T02:00:00Z');
    const f = await plan(customer, '2026-11-23T03:00:00+08:00');
    expect(f.dueAt).toBe('2026-11-22T19:00:00.000Z'); // stored in UTC
    const moved = await t.call('followups.update', {
      id: f.id,
      version: f.version,
      patch: { dueAt: '2026-11-30T09:00:00Z', note: 'After the fair' },
    });
    expect(moved).toMatchObject({ dueAt: '2026-11-30T09:00:00.000Z', note: 'After the fair', type: 'call' });
    const cancelled = await t.call('followups.cancel', { id: f.id, version: moved.version });
    expect(cancelled.status).toBe('cancelled');
    const missing = await t.raw('followups.create', { customerId: 9999, type: 'call', dueAt: '2026-11-30T09:00:00Z' });
    expect(!missing.ok && missing.error.code).toBe('NOT_FOUND');
    const badDate = await t.raw('followups.create', { customerId: customer, type: 'call', dueAt: 'tomorrow' });
    expect(!badDate.ok && badDate.error.code).toBe('INVALID_INPUT');
  });
});
