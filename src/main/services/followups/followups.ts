/**
 * Follow-ups: plan, reschedule, snooze, complete (with an activity and a proposed next one) and
 * the lists staff work from — overdue, today, the next 7 days — in the user's own local days.
 */
import { sql, type InferResult } from 'kysely';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import type { FollowUp } from '../../../shared/domain/followups';
import { AppError } from '../../../shared/errors';
import { addLocalDays, startOfLocalDay } from '../../../shared/time/zoned';
import { inquiryAwaitsReply } from '../../../shared/domain/inquiry-status';
import type { ReadDb, WriteTx } from '../../db/sql';
import { expectVersion } from '../../db/versioned-row';
import { isoNow, type ServiceContext } from '../context';

/** Follow-ups with the customer columns the lists show. */
function followUps(db: ReadDb | WriteTx) {
  return db
    .selectFrom('follow_ups as f')
    .innerJoin('customers as c', 'c.id', 'f.customer_id')
    .select([
      'f.id',
      'f.customer_id',
      'c.company',
      'c.country',
      'c.value_tier',
      'c.rfm_segment',
      'f.contact_id',
      'f.inquiry_id',
      'f.order_id',
      'f.type',
      'f.due_at',
      'f.owner',
      'f.note',
      'f.status',
      'f.outcome',
      'f.done_at',
      'f.source',
      'f.version',
      'f.created_at',
      'f.updated_at',
    ]);
}

type Row = InferResult<ReturnType<typeof followUps>>[number];

function toFollowUp(r: Row): FollowUp {
  return {
    id: r.id,
    customerId: r.customer_id,
    company: r.company,
    country: r.country,
    tier: r.value_tier,
    segment: r.rfm_segment,
    contactId: r.contact_id,
    inquiryId: r.inquiry_id,
    orderId: r.order_id,
    type: r.type as FollowUp['type'],
    dueAt: r.due_at,
    owner: r.owner,
    note: r.note,
    status: r.status as FollowUp['status'],
    outcome: r.outcome,
    doneAt: r.done_at,
    source: r.source,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function find(db: ReadDb | WriteTx, id: number): FollowUp | undefined {
  const r = db.first(followUps(db).where('f.id', '=', id));
  return r && toFollowUp(r);
}

/** The customer's next step and what it answers: the earliest open follow-up and the latest inquiry. */
export function nextStep(ctx: ServiceContext, customerId: number): ChannelOutput<'followups.nextStep'> {
  const next = ctx.read.first(
    followUps(ctx.read).where('f.customer_id', '=', customerId).where('f.status', '=', 'open').orderBy('f.due_at').orderBy('f.id').limit(1),
  );
  const inquiry = ctx.read.first(
    ctx.read
      .selectFrom('inquiries')
      .select(['id', 'received_at', 'subject', 'product', 'status', 'replied_at'])
      .where('customer_id', '=', customerId)
      .orderBy('received_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1),
  );
  return {
    nextFollowUp: next ? toFollowUp(next) : null,
    lastInquiry: inquiry
      ? {
          id: inquiry.id,
          receivedAt: inquiry.received_at,
          subject: inquiry.subject,
          product: inquiry.product,
          status: inquiry.status,
          awaitingReply: inquiryAwaitsReply(inquiry.status, inquiry.replied_at),
        }
      : null,
  };
}

/** A follow-up as `db` sees it (a write transaction sees its own writes). */
export function load(db: ReadDb | WriteTx, id: number): FollowUp {
  const f = find(db, id);
  if (!f) throw new AppError('NOT_FOUND', `follow-up ${id} does not exist`, { id });
  return f;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Normalises any ISO instant to UTC with milliseconds, so due times sort as text. */
function utc(instant: string): string {
  return new Date(instant).toISOString();
}

export async function createFollowUp(ctx: ServiceContext, input: ChannelParsedInput<'followups.create'>): Promise<FollowUp> {
  const now = isoNow(ctx);
  return ctx.db.transaction((tx) => {
    const customer = tx.first(tx.selectFrom('customers').select('owner').where('id', '=', input.customerId));
    if (!customer) throw new AppError('NOT_FOUND', `customer ${input.customerId} does not exist`, { id: input.customerId });
    const id = tx.run(
      tx.insertInto('follow_ups').values({
        customer_id: input.customerId,
        contact_id: input.contactId,
        inquiry_id: input.inquiryId,
        order_id: input.orderId,
        type: input.type,
        due_at: utc(input.dueAt),
        owner: input.owner || customer.owner,
        note: input.note,
        status: 'open',
        created_at: now,
        updated_at: now,
      }),
    ).lastInsertRowid;
    return load(tx, id);
  });
}

/** Changes an open follow-up (reschedule, reassign, edit the note); `version` guards against a concurrent edit. */
export async function updateFollowUp(ctx: ServiceContext, input: ChannelParsedInput<'followups.update'>): Promise<FollowUp> {
  const now = isoNow(ctx);
  return ctx.db.transaction((tx) => {
    const current = open(tx, input.id, input.version);
    const p = input.patch;
    tx.run(
      tx
        .updateTable('follow_ups')
        .set({
          type: p.type ?? current.type,
          due_at: p.dueAt ? utc(p.dueAt) : current.dueAt,
          owner: p.owner ?? current.owner,
          note: p.note ?? current.note,
          updated_at: now,
          version: (eb) => eb('version', '+', 1),
        })
        .where('id', '=', input.id),
    );
    return load(tx, input.id);
  });
}

function open(tx: WriteTx, id: number, version: number): FollowUp {
  const current = expectVersion(find(tx, id), 'follow-up', id, version);
  if (current.status !== 'open') {
    throw new AppError('CONFLICT', `follow-up ${id} is already ${current.status}`, { id, status: current.status });
  }
  return current;
}

/**
 * Pushes a follow-up 1, 3 or 7 local days on, at the same wall-clock time: from its due time, or
 * from now when it is already overdue.
 */
export async function snoozeFollowUp(ctx: ServiceContext, input: ChannelParsedInput<'followups.snooze'>): Promise<FollowUp> {
  const now = ctx.now().getTime();
  return ctx.db.transaction((tx) => {
    const current = open(tx, input.id, input.version);
    const base = Math.max(Date.parse(current.dueAt), now);
    tx.run(
      tx
        .updateTable('follow_ups')
        .set({ due_at: iso(addLocalDays(base, input.days, input.timeZone)), updated_at: iso(now), version: (eb) => eb('version', '+', 1) })
        .where('id', '=', input.id),
    );
    return load(tx, input.id);
  });
}

/** Days until the next touch by value tier (A every 2 weeks, B monthly, C quarterly). */
const NEXT_IN_DAYS: Record<string, number> = { A: 14, B: 30, C: 90, none: 30 };

/**
 * Completes a follow-up with its outcome, writes it to the customer's timeline and proposes the
 * next one (same type, the customer's owner, local days by tier) — the caller decides whether to plan it.
 */
export async function completeFollowUp(
  ctx: ServiceContext,
  input: ChannelParsedInput<'followups.complete'>,
): Promise<ChannelOutput<'followups.complete'>> {
  const now = ctx.now().getTime();
  return ctx.db.transaction((tx) => {
    const current = open(tx, input.id, input.version);
    tx.run(
      tx
        .updateTable('follow_ups')
        .set({ status: 'done', outcome: input.outcome, done_at: iso(now), updated_at: iso(now), version: (eb) => eb('version', '+', 1) })
        .where('id', '=', input.id),
    );
    tx.run(
      tx.insertInto('activities').values({
        customer_id: current.customerId,
        kind: 'followup_done',
        occurred_at: iso(now),
        summary: `${current.type}: ${input.outcome}`.slice(0, 500),
        ref_table: 'follow_ups',
        ref_id: input.id,
        data: JSON.stringify({ type: current.type, outcome: input.outcome }),
        created_at: iso(now),
      }),
    );
    const days = NEXT_IN_DAYS[current.tier] ?? 30;
    const dueAt = iso(addLocalDays(startOfLocalDay(now, input.timeZone) + 9 * 3_600_000, days, input.timeZone));
    return {
      followUp: load(tx, input.id),
      next: { customerId: current.customerId, type: current.type, owner: current.owner, dueAt, inDays: days },
    };
  });
}

/** Minutes a logged touch may lie ahead of the clock (two computers' clocks differ a little). */
const LOG_CLOCK_SLACK_MS = 5 * 60_000;

/**
 * Logs a touch that already happened, in one transaction: the follow-up it completes (or a new
 * one, done at once), its activity on the timeline, and the next step if one is planned.
 */
export async function logFollowUp(
  ctx: ServiceContext,
  input: ChannelParsedInput<'followups.log'>,
): Promise<ChannelOutput<'followups.log'>> {
  const nowMs = ctx.now().getTime();
  const happened = input.happenedAt ? new Date(input.happenedAt).getTime() : nowMs;
  if (happened > nowMs + LOG_CLOCK_SLACK_MS) {
    throw new AppError('INVALID_INPUT', 'a logged touch cannot be in the future', {
      problems: [{ path: 'happenedAt', message: 'in the future' }],
    });
  }
  const now = iso(nowMs);
  const at = iso(happened);
  return ctx.db.transaction((tx) => {
    const customer = tx.first(tx.selectFrom('customers').select('owner').where('id', '=', input.customerId));
    if (!customer) throw new AppError('NOT_FOUND', `customer ${input.customerId} does not exist`, { id: input.customerId });
    let id: number;
    if (input.completes) {
      const current = open(tx, input.completes.id, input.completes.version);
      if (current.customerId !== input.customerId) {
        throw new AppError('INVALID_INPUT', `follow-up ${current.id} is another customer's`, {
          problems: [{ path: 'completes', message: 'another customer' }],
        });
      }
      id = current.id;
      tx.run(
        tx
          .updateTable('follow_ups')
          .set({
            type: input.type,
            status: 'done',
            outcome: input.outcome,
            done_at: at,
            updated_at: now,
            version: (eb) => eb('version', '+', 1),
          })
          .where('id', '=', id),
      );
    } else {
      id = tx.run(
        tx.insertInto('follow_ups').values({
          customer_id: input.customerId,
          type: input.type,
          due_at: at,
          owner: customer.owner,
          note: '',
          status: 'done',
          outcome: input.outcome,
          done_at: at,
          created_at: now,
          updated_at: now,
        }),
      ).lastInsertRowid;
    }
    tx.run(
      tx.insertInto('activities').values({
        customer_id: input.customerId,
        kind: 'followup_done',
        occurred_at: at,
        summary: `${input.type}: ${input.outcome}`.slice(0, 500),
        ref_table: 'follow_ups',
        ref_id: id,
        data: JSON.stringify({ type: input.type, outcome: input.outcome, logged: true }),
        created_at: now,
      }),
    );
    let nextId: number | null = null;
    if (input.next) {
      nextId = tx.run(
        tx.insertInto('follow_ups').values({
          customer_id: input.customerId,
          type: input.next.type,
          due_at: utc(input.next.dueAt),
          owner: customer.owner,
          note: input.next.note,
          status: 'open',
          created_at: now,
          updated_at: now,
        }),
      ).lastInsertRowid;
    }
    return { followUp: load(tx, id), next: nextId === null ? null : load(tx, nextId) };
  });
}

export async function cancelFollowUp(ctx: ServiceContext, input: ChannelParsedInput<'followups.cancel'>): Promise<FollowUp> {
  const now = isoNow(ctx);
  return ctx.db.transaction((tx) => {
    open(tx, input.id, input.version);
    tx.run(
      tx
        .updateTable('follow_ups')
        .set({ status: 'cancelled', updated_at: now, version: (eb) => eb('version', '+', 1) })
        .where('id', '=', input.id),
    );
    return load(tx, input.id);
  });
}

/** The local-day bounds of the lists, as UTC ISO strings. */
function bounds(nowMs: number, timeZone: string) {
  const today = startOfLocalDay(nowMs, timeZone);
  return { today: iso(today), tomorrow: iso(addLocalDays(today, 1, timeZone)), weekEnd: iso(addLocalDays(today, 8, timeZone)) };
}

export function listFollowUps(ctx: ServiceContext, input: ChannelParsedInput<'followups.list'>): ChannelOutput<'followups.list'> {
  const b = bounds(ctx.now().getTime(), input.timeZone);
  let q = followUps(ctx.read);
  switch (input.bucket) {
    case 'overdue':
      q = q.where('f.status', '=', 'open').where('f.due_at', '<', b.today);
      break;
    case 'today':
      q = q.where('f.status', '=', 'open').where('f.due_at', '>=', b.today).where('f.due_at', '<', b.tomorrow);
      break;
    case 'upcoming':
      q = q.where('f.status', '=', 'open').where('f.due_at', '>=', b.tomorrow).where('f.due_at', '<', b.weekEnd);
      break;
    case 'open':
      q = q.where('f.status', '=', 'open');
      break;
    case 'done':
      q = q.where('f.status', '=', 'done');
      break;
  }
  if (input.owner !== undefined) q = q.where('f.owner', '=', input.owner);
  if (input.customerId !== undefined) q = q.where('f.customer_id', '=', input.customerId);
  if (input.tiers.length) q = q.where('c.value_tier', 'in', input.tiers);
  q = q.where('c.archived_at', 'is', null);
  q = input.bucket === 'done' ? q.orderBy('f.done_at', 'desc').orderBy('f.id', 'desc') : q.orderBy('f.due_at').orderBy('f.id');
  const rows = ctx.read.all(q.limit(input.limit + 1));
  const more = rows.length > input.limit;
  if (more) rows.pop();
  return { items: rows.map(toFollowUp), more };
}

/**
 * Counts for the navigation: overdue, due today, due in the next 7 days (open, active customers).
 * Each is a range count on an open-follow-ups index; archived customers are a short list to skip.
 */
export function followUpCounts(ctx: ServiceContext, input: ChannelParsedInput<'followups.counts'>): ChannelOutput<'followups.counts'> {
  const b = bounds(ctx.now().getTime(), input.timeZone);
  const count = (from: string, to: string) => {
    let q = ctx.read
      .selectFrom('follow_ups as f')
      .select(sql<number>`count(*)`.as('n'))
      .where('f.status', '=', 'open');
    if (input.owner !== undefined) q = q.where('f.owner', '=', input.owner);
    q = q
      .where('f.due_at', '>=', from)
      .where('f.due_at', '<', to)
      .where('f.customer_id', 'not in', (eb) => eb.selectFrom('customers').select('id').where('archived_at', 'is not', null));
    return ctx.read.first(q)?.n ?? 0;
  };
  return { overdue: count('', b.today), today: count(b.today, b.tomorrow), upcoming: count(b.tomorrow, b.weekEnd) };
}
