/**
 * Cadence: proposes a follow-up for every active customer that has none open — an inquiry left
 * unanswered, a quotation with no reply, or simply the tier's rhythm since the last touch — and
 * plans them all at once when the user accepts.
 */
import { sql } from 'kysely';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { cadenceRulesSchema, type CadenceRules, type PlanProposal } from '../../../shared/domain/followups';
import { ANSWERED_INQUIRY_STATUSES } from '../../../shared/domain/inquiry-status';
import { addLocalDays, startOfLocalDay } from '../../../shared/time/zoned';
import type { ReadDb, WriteTx } from '../../db/sql';
import { readSetting, writeSetting } from '../settings';
import { isoNow, type ServiceContext } from '../context';

const DAY_MS = 86_400_000;
/** Follow-ups inserted per statement when a plan is applied (9 values each). */
const PLAN_CHUNK = 500;

export function readCadenceRules(reader: ReadDb | WriteTx): CadenceRules {
  const parsed = cadenceRulesSchema.safeParse(readSetting<unknown>(reader, 'cadenceRules') ?? {});
  return parsed.success ? parsed.data : cadenceRulesSchema.parse({});
}

export async function saveCadenceRules(ctx: ServiceContext, rules: CadenceRules): Promise<CadenceRules> {
  const now = isoNow(ctx);
  await ctx.db.transaction((tx) => writeSetting(tx, 'cadenceRules', rules, now));
  return rules;
}

/** Every proposal, in one pass over the active customers with no open follow-up. */
interface PlanScope {
  owner?: string | undefined;
  tiers: readonly string[];
}

function proposals(reader: ReadDb | WriteTx, nowMs: number, timeZone: string, rules: CadenceRules, scope: PlanScope): PlanProposal[] {
  let query = reader
    .selectFrom('customers as c')
    .select((eb) => [
      'c.id',
      'c.company',
      'c.value_tier as tier',
      'c.owner',
      'c.last_order_at as last_order',
      eb
        .selectFrom('inquiries as i')
        .select((e) => e.fn.max('i.received_at').as('m'))
        .whereRef('i.customer_id', '=', 'c.id')
        .as('last_inquiry'),
      // The newest inquiry still waiting for a reply (inquiryAwaitsReply, in SQL).
      eb
        .selectFrom('inquiries as i')
        .select((e) => e.fn.max('i.received_at').as('m'))
        .whereRef('i.customer_id', '=', 'c.id')
        .where('i.replied_at', 'is', null)
        .where(sql`lower(trim(i.status))`, 'not in', [...ANSWERED_INQUIRY_STATUSES])
        .as('last_unanswered'),
      eb
        .selectFrom('follow_ups as f')
        .select((e) => e.fn.max('f.done_at').as('m'))
        .whereRef('f.customer_id', '=', 'c.id')
        .where('f.status', '=', 'done')
        .as('last_done'),
      eb
        .selectFrom('follow_ups as f')
        .select((e) => e.fn.max('f.done_at').as('m'))
        .whereRef('f.customer_id', '=', 'c.id')
        .where('f.status', '=', 'done')
        .where('f.type', '=', 'quotation')
        .as('last_quote'),
    ])
    .where('c.archived_at', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('follow_ups as o')
            .select(eb.lit(1).as('one'))
            .whereRef('o.customer_id', '=', 'c.id')
            .where('o.status', '=', 'open'),
        ),
      ),
    );
  if (scope.owner !== undefined) query = query.where('c.owner', '=', scope.owner);
  if (scope.tiers.length) query = query.where('c.value_tier', 'in', [...scope.tiers]);
  const rows = reader.all(query);
  // Proposals are due at 09:00 local: today when already late, else on the day they fall due.
  const today9 = startOfLocalDay(nowMs, timeZone) + 9 * 3_600_000;
  const dueFrom = (fromMs: number, days: number) =>
    new Date(Math.max(today9, addLocalDays(startOfLocalDay(fromMs, timeZone) + 9 * 3_600_000, days, timeZone))).toISOString();
  const out: PlanProposal[] = [];
  for (const c of rows) {
    const base = { customerId: c.id, company: c.company, tier: c.tier, owner: c.owner };
    const lastDone = c.last_done ? Date.parse(c.last_done) : 0;
    const lastInquiry = c.last_inquiry ? Date.parse(c.last_inquiry) : 0;
    const lastUnanswered = c.last_unanswered ? Date.parse(c.last_unanswered) : 0;
    const lastOrder = c.last_order ? Date.parse(c.last_order) : 0;
    // An inquiry waits for a reply: not replied, negotiated, closed or spam (by its status or reply
    // time), and neither a follow-up done nor an order since it came.
    if (
      rules.unansweredInquiryDays > 0 &&
      lastUnanswered > Math.max(lastDone, lastOrder) &&
      nowMs - lastUnanswered >= rules.unansweredInquiryDays * DAY_MS
    ) {
      out.push({ ...base, type: 'email', dueAt: new Date(today9).toISOString(), reason: 'inquiry' });
      continue;
    }
    const lastQuote = c.last_quote ? Date.parse(c.last_quote) : 0;
    if (rules.quotationNoReplyDays > 0 && lastQuote > 0 && lastQuote >= lastDone && lastQuote > lastOrder && lastQuote > lastInquiry) {
      if (nowMs - lastQuote >= rules.quotationNoReplyDays * DAY_MS) {
        out.push({ ...base, type: 'email', dueAt: new Date(today9).toISOString(), reason: 'quotation' });
        continue;
      }
    }
    const every = rules.tierDays[c.tier as keyof CadenceRules['tierDays']] ?? 0;
    if (every > 0) {
      const lastTouch = Math.max(lastDone, lastOrder, lastInquiry);
      out.push({ ...base, type: 'call', dueAt: lastTouch ? dueFrom(lastTouch, every) : new Date(today9).toISOString(), reason: 'cadence' });
    }
  }
  return out.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.customerId - b.customerId);
}

export function planPreview(ctx: ServiceContext, input: ChannelParsedInput<'followups.plan'>): ChannelOutput<'followups.plan'> {
  const list = proposals(ctx.read, ctx.now().getTime(), input.timeZone, readCadenceRules(ctx.read), input);
  const byReason = { inquiry: 0, quotation: 0, cadence: 0 };
  for (const p of list) byReason[p.reason]++;
  return { total: list.length, byReason, proposals: list.slice(0, input.limit) };
}

/** Plans every current proposal (optionally only some reasons) in one transaction. */
export async function applyPlan(
  ctx: ServiceContext,
  input: ChannelParsedInput<'followups.applyPlan'>,
): Promise<ChannelOutput<'followups.applyPlan'>> {
  const now = isoNow(ctx);
  return ctx.db.transaction((tx) => {
    const wanted = new Set(input.reasons.length ? input.reasons : ['inquiry', 'quotation', 'cadence']);
    const list = proposals(tx, ctx.now().getTime(), input.timeZone, readCadenceRules(tx), input).filter((p) => wanted.has(p.reason));
    // No note: the reason is the source, and the screens name it in the user's language.
    const rows = list.map((p) => ({
      customer_id: p.customerId,
      type: p.type,
      due_at: p.dueAt,
      owner: p.owner,
      note: '',
      status: 'open',
      source: p.reason,
      created_at: now,
      updated_at: now,
    }));
    // A few hundred rows a statement (in plan order, so ids follow it) keep a large plan's bound values within SQLite's limit.
    const ids: number[] = [];
    for (let i = 0; i < rows.length; i += PLAN_CHUNK) {
      for (const r of tx.all(
        tx
          .insertInto('follow_ups')
          .values(rows.slice(i, i + PLAN_CHUNK))
          .returning('id'),
      ))
        ids.push(r.id);
    }
    return { planned: list.length, ids };
  });
}

/** Undoes an accepted plan: its follow-ups still open and never edited (version 1) go; the others stay. */
export async function undoPlan(
  ctx: ServiceContext,
  input: ChannelParsedInput<'followups.undoPlan'>,
): Promise<ChannelOutput<'followups.undoPlan'>> {
  return ctx.db.transaction((tx) => {
    let removed = 0;
    for (let i = 0; i < input.ids.length; i += PLAN_CHUNK) {
      const chunk = input.ids.slice(i, i + PLAN_CHUNK);
      removed += tx.run(
        tx
          .deleteFrom('follow_ups')
          .where('id', 'in', chunk)
          .where('status', '=', 'open')
          .where('version', '=', 1)
          .where('source', 'in', ['inquiry', 'quotation', 'cadence']),
      ).changes;
    }
    return { removed, kept: input.ids.length - removed };
  });
}
