/**
 * Follow-ups: plan, reschedule, snooze, complete (with an activity and a proposed next one) and
 * the lists staff work from — overdue, today, the next 7 days — in the user's own local days.
 */
import type { ChannelOutput, ChannelParsedInput } from '../../shared/ipc/contract';
import type { FollowUp } from '../../shared/domain/followups';
import { AppError } from '../../shared/errors';
import { addLocalDays, startOfLocalDay } from '../../shared/time/zoned';
import { isoNow, type ServiceContext } from './context';

const SELECT = `SELECT f.id, f.customer_id, c.company, c.country, c.value_tier, c.rfm_segment, f.contact_id, f.inquiry_id, f.order_id,
  f.type, f.due_at, f.owner, f.note, f.status, f.outcome, f.done_at, f.source, f.version, f.created_at, f.updated_at
  FROM follow_ups f JOIN customers c ON c.id = f.customer_id`;

interface Row {
  id: number;
  customer_id: number;
  company: string;
  country: string;
  value_tier: string;
  rfm_segment: string;
  contact_id: number | null;
  inquiry_id: number | null;
  order_id: number | null;
  type: FollowUp['type'];
  due_at: string;
  owner: string;
  note: string;
  status: FollowUp['status'];
  outcome: string;
  done_at: string | null;
  source: string;
  version: number;
  created_at: string;
  updated_at: string;
}

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
    type: r.type,
    dueAt: r.due_at,
    owner: r.owner,
    note: r.note,
    status: r.status,
    outcome: r.outcome,
    doneAt: r.done_at,
    source: r.source,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** A follow-up as the write connection sees it (inside the caller's transaction). */
export function load(ctx: ServiceContext, id: number): FollowUp {
  const r = ctx.sqlite.prepare(`${SELECT} WHERE f.id = ?`).get(id) as Row | undefined;
  if (!r) throw new AppError('NOT_FOUND', `follow-up ${id} does not exist`, { id });
  return toFollowUp(r);
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Normalises any ISO instant to UTC with milliseconds, so due times sort as text. */
function utc(instant: string): string {
  return new Date(instant).toISOString();
}

export async function createFollowUp(ctx: ServiceContext, input: ChannelParsedInput<'followups.create'>): Promise<FollowUp> {
  const now = isoNow(ctx);
  return ctx.kysely.transaction().execute(async () => {
    const customer = ctx.sqlite.prepare(`SELECT owner FROM customers WHERE id = ?`).get(input.customerId) as { owner: string } | undefined;
    if (!customer) throw new AppError('NOT_FOUND', `customer ${input.customerId} does not exist`, { id: input.customerId });
    const id = Number(
      ctx.sqlite
        .prepare(
          `INSERT INTO follow_ups (customer_id, contact_id, inquiry_id, order_id, type, due_at, owner, note, status, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
        )
        .run(input.customerId, input.contactId, input.inquiryId, input.orderId, input.type, utc(input.dueAt), input.owner || customer.owner, input.note, now, now)
        .lastInsertRowid,
    );
    return load(ctx, id);
  });
}

/** Changes an open follow-up (reschedule, reassign, edit the note); `version` guards against a concurrent edit. */
export async function updateFollowUp(ctx: ServiceContext, input: ChannelParsedInput<'followups.update'>): Promise<FollowUp> {
  const now = isoNow(ctx);
  return ctx.kysely.transaction().execute(async () => {
    const current = open(ctx, input.id, input.version);
    const p = input.patch;
    ctx.sqlite
      .prepare(`UPDATE follow_ups SET type = ?, due_at = ?, owner = ?, note = ?, updated_at = ?, version = version + 1 WHERE id = ?`)
      .run(p.type ?? current.type, p.dueAt ? utc(p.dueAt) : current.dueAt, p.owner ?? current.owner, p.note ?? current.note, now, input.id);
    return load(ctx, input.id);
  });
}

function open(ctx: ServiceContext, id: number, version: number): FollowUp {
  const current = load(ctx, id);
  if (current.version !== version) {
    throw new AppError('CONFLICT', `follow-up ${id} was changed elsewhere`, { id, expectedVersion: version, currentVersion: current.version });
  }
  if (current.status !== 'open') throw new AppError('CONFLICT', `follow-up ${id} is already ${current.status}`, { id, status: current.status });
  return current;
}

/**
 * Pushes a follow-up 1, 3 or 7 local days on, at the same wall-clock time: from its due time, or
 * from now when it is already overdue.
 */
export async function snoozeFollowUp(ctx: ServiceContext, input: ChannelParsedInput<'followups.snooze'>): Promise<FollowUp> {
  const now = ctx.now().getTime();
  return ctx.kysely.transaction().execute(async () => {
    const current = open(ctx, input.id, input.version);
    const base = Math.max(Date.parse(current.dueAt), now);
    ctx.sqlite
      .prepare(`UPDATE follow_ups SET due_at = ?, updated_at = ?, version = version + 1 WHERE id = ?`)
      .run(iso(addLocalDays(base, input.days, input.timeZone)), iso(now), input.id);
    return load(ctx, input.id);
  });
}

/** Days until the next touch by value tier (A every 2 weeks, B monthly, C quarterly). */
const NEXT_IN_DAYS: Record<string, number> = { A: 14, B: 30, C: 90, none: 30 };

/**
 * Completes a follow-up with its outcome, writes it to the customer's timeline and proposes the
 * next one (same type, the customer's owner, local days by tier) — the caller decides whether to plan it.
 */
export async function completeFollowUp(ctx: ServiceContext, input: ChannelParsedInput<'followups.complete'>): Promise<ChannelOutput<'followups.complete'>> {
  const now = ctx.now().getTime();
  return ctx.kysely.transaction().execute(async () => {
    const current = open(ctx, input.id, input.version);
    ctx.sqlite
      .prepare(`UPDATE follow_ups SET status = 'done', outcome = ?, done_at = ?, updated_at = ?, version = version + 1 WHERE id = ?`)
      .run(input.outcome, iso(now), iso(now), input.id);
    ctx.sqlite
      .prepare(`INSERT INTO activities (customer_id, kind, occurred_at, summary, ref_table, ref_id, data, created_at) VALUES (?, 'followup_done', ?, ?, 'follow_ups', ?, ?, ?)`)
      .run(current.customerId, iso(now), `${current.type}: ${input.outcome}`.slice(0, 500), input.id, JSON.stringify({ type: current.type, outcome: input.outcome }), iso(now));
    const days = NEXT_IN_DAYS[current.tier] ?? 30;
    const dueAt = iso(addLocalDays(startOfLocalDay(now, input.timeZone) + 9 * 3_600_000, days, input.timeZone));
    return { followUp: load(ctx, input.id), next: { customerId: current.customerId, type: current.type, owner: current.owner, dueAt, inDays: days } };
  });
}

export async function cancelFollowUp(ctx: ServiceContext, input: ChannelParsedInput<'followups.cancel'>): Promise<FollowUp> {
  const now = isoNow(ctx);
  return ctx.kysely.transaction().execute(async () => {
    open(ctx, input.id, input.version);
    ctx.sqlite.prepare(`UPDATE follow_ups SET status = 'cancelled', updated_at = ?, version = version + 1 WHERE id = ?`).run(now, input.id);
    return load(ctx, input.id);
  });
}

/** The local-day bounds of the lists, as UTC ISO strings. */
function bounds(nowMs: number, timeZone: string) {
  const today = startOfLocalDay(nowMs, timeZone);
  return { today: iso(today), tomorrow: iso(addLocalDays(today, 1, timeZone)), weekEnd: iso(addLocalDays(today, 8, timeZone)) };
}

export function listFollowUps(ctx: ServiceContext, input: ChannelParsedInput<'followups.list'>): ChannelOutput<'followups.list'> {
  const b = bounds(ctx.now().getTime(), input.timeZone);
  const where: string[] = [];
  const params: unknown[] = [];
  let order = 'f.due_at, f.id';
  switch (input.bucket) {
    case 'overdue':
      where.push(`f.status = 'open'`, `f.due_at < ?`);
      params.push(b.today);
      break;
    case 'today':
      where.push(`f.status = 'open'`, `f.due_at >= ?`, `f.due_at < ?`);
      params.push(b.today, b.tomorrow);
      break;
    case 'upcoming':
      where.push(`f.status = 'open'`, `f.due_at >= ?`, `f.due_at < ?`);
      params.push(b.tomorrow, b.weekEnd);
      break;
    case 'open':
      where.push(`f.status = 'open'`);
      break;
    case 'done':
      where.push(`f.status = 'done'`);
      order = 'f.done_at DESC, f.id DESC';
      break;
  }
  if (input.owner !== undefined) {
    where.push(`f.owner = ?`);
    params.push(input.owner);
  }
  if (input.customerId !== undefined) {
    where.push(`f.customer_id = ?`);
    params.push(input.customerId);
  }
  if (input.tiers.length) {
    where.push(`c.value_tier IN (${input.tiers.map(() => '?').join(', ')})`);
    params.push(...input.tiers);
  }
  where.push(`c.archived_at IS NULL`);
  const rows = ctx.readSqlite.prepare(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ?`).all(...params, input.limit + 1) as Row[];
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
  const owner = input.owner !== undefined ? `AND f.owner = @owner` : '';
  const statement = ctx.readSqlite
    .prepare(
      `SELECT count(*) FROM follow_ups f
       WHERE f.status = 'open' ${owner} AND f.due_at >= @from AND f.due_at < @to
         AND f.customer_id NOT IN (SELECT id FROM customers WHERE archived_at IS NOT NULL)`,
    )
    .pluck();
  const count = (from: string, to: string) => statement.get({ from, to, ...(input.owner !== undefined ? { owner: input.owner } : {}) }) as number;
  return { overdue: count('', b.today), today: count(b.today, b.tomorrow), upcoming: count(b.tomorrow, b.weekEnd) };
}
