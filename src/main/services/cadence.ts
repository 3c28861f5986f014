/**
 * Cadence: proposes a follow-up for every active customer that has none open — an inquiry left
 * unanswered, a quotation with no reply, or simply the tier's rhythm since the last touch — and
 * plans them all at once when the user accepts.
 */
import type { ChannelOutput, ChannelParsedInput } from '../../shared/ipc/contract';
import { cadenceRulesSchema, type CadenceRules, type PlanProposal } from '../../shared/domain/followups';
import { addLocalDays, startOfLocalDay } from '../../shared/time/zoned';
import type { SqliteDb } from '../db/connection';
import { readSetting, writeSetting } from './settings';
import { isoNow, type ServiceContext } from './context';

const DAY_MS = 86_400_000;

export function readCadenceRules(sqlite: SqliteDb): CadenceRules {
  const parsed = cadenceRulesSchema.safeParse(readSetting<unknown>(sqlite, 'cadenceRules') ?? {});
  return parsed.success ? parsed.data : cadenceRulesSchema.parse({});
}

export function saveCadenceRules(ctx: ServiceContext, rules: CadenceRules): CadenceRules {
  writeSetting(ctx.sqlite, 'cadenceRules', rules, isoNow(ctx));
  return rules;
}

interface Candidate {
  id: number;
  company: string;
  tier: string;
  owner: string;
  last_order: string;
  last_inquiry: string | null;
  last_done: string | null;
  last_quote: string | null;
}

/** Every proposal, in one pass over the active customers with no open follow-up. */
function proposals(sqlite: SqliteDb, nowMs: number, timeZone: string, rules: CadenceRules): PlanProposal[] {
  const rows = sqlite
    .prepare(
      `SELECT c.id, c.company, c.value_tier AS tier, c.owner, c.last_order_at AS last_order,
         (SELECT max(i.received_at) FROM inquiries i WHERE i.customer_id = c.id) AS last_inquiry,
         (SELECT max(f.done_at) FROM follow_ups f WHERE f.customer_id = c.id AND f.status = 'done') AS last_done,
         (SELECT max(f.done_at) FROM follow_ups f WHERE f.customer_id = c.id AND f.status = 'done' AND f.type = 'quotation') AS last_quote
       FROM customers c
       WHERE c.archived_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM follow_ups o WHERE o.customer_id = c.id AND o.status = 'open')`,
    )
    .all() as Candidate[];
  // Proposals are due at 09:00 local: today when already late, else on the day they fall due.
  const today9 = startOfLocalDay(nowMs, timeZone) + 9 * 3_600_000;
  const dueFrom = (fromMs: number, days: number) => new Date(Math.max(today9, addLocalDays(startOfLocalDay(fromMs, timeZone) + 9 * 3_600_000, days, timeZone))).toISOString();
  const out: PlanProposal[] = [];
  for (const c of rows) {
    const base = { customerId: c.id, company: c.company, tier: c.tier, owner: c.owner };
    const lastDone = c.last_done ? Date.parse(c.last_done) : 0;
    const lastInquiry = c.last_inquiry ? Date.parse(c.last_inquiry) : 0;
    if (rules.unansweredInquiryDays > 0 && lastInquiry > lastDone && nowMs - lastInquiry >= rules.unansweredInquiryDays * DAY_MS) {
      out.push({ ...base, type: 'email', dueAt: new Date(today9).toISOString(), reason: 'inquiry' });
      continue;
    }
    const lastQuote = c.last_quote ? Date.parse(c.last_quote) : 0;
    const lastOrder = c.last_order ? Date.parse(c.last_order) : 0;
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
  const list = proposals(ctx.readSqlite, ctx.now().getTime(), input.timeZone, readCadenceRules(ctx.readSqlite));
  const byReason = { inquiry: 0, quotation: 0, cadence: 0 };
  for (const p of list) byReason[p.reason]++;
  return { total: list.length, byReason, proposals: list.slice(0, input.limit) };
}

/** Plans every current proposal (optionally only some reasons) in one transaction. */
export async function applyPlan(ctx: ServiceContext, input: ChannelParsedInput<'followups.applyPlan'>): Promise<ChannelOutput<'followups.applyPlan'>> {
  const now = isoNow(ctx);
  return ctx.kysely.transaction().execute(async () => {
    const wanted = new Set(input.reasons.length ? input.reasons : ['inquiry', 'quotation', 'cadence']);
    const list = proposals(ctx.sqlite, ctx.now().getTime(), input.timeZone, readCadenceRules(ctx.sqlite)).filter((p) => wanted.has(p.reason));
    const insert = ctx.sqlite.prepare(
      `INSERT INTO follow_ups (customer_id, type, due_at, owner, note, status, source, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?)`,
    );
    // No note: the reason is the source, and the screens name it in the user's language.
    for (const p of list) insert.run(p.customerId, p.type, p.dueAt, p.owner, '', p.reason, now, now);
    return { planned: list.length };
  });
}
