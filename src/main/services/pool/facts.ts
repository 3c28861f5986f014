import { sql } from 'kysely';
import type { HeldCustomer, PoolRuleKind, PoolRules } from '../../../shared/domain/pool';
import type { ReadDb, WriteTx } from '../../db/sql';

/**
 * What the pool's rules read of the book, in SQL over indexes (one statement for one customer or
 * for every owned one, never one per customer):
 * - since when the owner has held a customer: customers.owner_since, which triggers keep on every
 *   change of owner however it is made (migration 0016), else its creation;
 * - its latest follow-up done and latest order not cancelled;
 * - how many customers a salesperson holds against the cap, and when they last released one.
 */

const DAY_MS = 86_400_000;

export interface HoldingFacts extends HeldCustomer {
  id: number;
  owner: string;
}

interface FactsRow {
  id: number;
  owner: string;
  owned_since: string;
  last_done_at: string | null;
  last_order_at: string | null;
}

const FACTS = sql`c.id, c.owner,
  coalesce(c.owner_since, c.created_at) AS owned_since,
  (SELECT max(f.done_at) FROM follow_ups f WHERE f.customer_id = c.id AND f.status = 'done') AS last_done_at,
  (SELECT max(o.ordered_at) FROM orders o WHERE o.customer_id = c.id AND o.cancelled = 0) AS last_order_at`;

const toFacts = (r: FactsRow): HoldingFacts => ({
  id: r.id,
  owner: r.owner,
  ownedSince: r.owned_since,
  lastDoneAt: r.last_done_at,
  lastOrderAt: r.last_order_at,
});

/** One customer's facts (whoever owns it, or nobody); undefined when it does not exist. */
export function holdingFactsOf(reader: ReadDb | WriteTx, customerId: number): HoldingFacts | undefined {
  const r = reader.first<FactsRow>(sql`SELECT ${FACTS} FROM customers c WHERE c.id = ${customerId}`);
  return r && toFacts(r);
}

/** Every customer not archived that someone owns, with its facts (the return rules' candidates). */
export function everyHolding(reader: ReadDb | WriteTx): HoldingFacts[] {
  return reader.all<FactsRow>(sql`SELECT ${FACTS} FROM customers c WHERE c.archived_at IS NULL AND c.owner <> ''`).map(toFacts);
}

/** How many customers `name` holds that count against the cap (not archived; with wonOutsideCap, none that has ordered). */
export function heldBy(reader: ReadDb | WriteTx, name: string, rules: PoolRules): number {
  const won = rules.wonOutsideCap ? sql`AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.cancelled = 0)` : sql``;
  return Number(
    reader.first<{ n: number }>(sql`SELECT count(*) AS n FROM customers c WHERE c.owner = ${name} AND c.archived_at IS NULL ${won}`)?.n ??
      0,
  );
}

/** When `name` last released this customer to the pool (activities owner_release, data.by, without case), or null. */
export function releasedBy(reader: ReadDb | WriteTx, customerId: number, name: string): string | null {
  return (
    reader.first<{ at: string | null }>(sql`SELECT max(a.occurred_at) AS at FROM activities a
      WHERE a.customer_id = ${customerId} AND substr(a.kind, 1, 6) = 'owner_' AND a.kind = 'owner_release'
        AND (CASE WHEN json_valid(a.data) THEN json_extract(a.data, '$.by') END) = ${name} COLLATE NOCASE`)?.at ?? null
  );
}

/**
 * When poolReturnDue would first say an owned customer is due if nothing happens: the earlier of
 * the two rules' dates (the follow-up rule on a tie, as poolReturnDue checks it first); null when
 * no rule applies.
 */
export function returnsAt(rules: PoolRules, c: HeldCustomer): { at: string; kind: PoolRuleKind; days: number } | null {
  const since = Date.parse(c.ownedSince);
  const due = (kind: PoolRuleKind, limit: number | null, last: string | null) => {
    if (limit === null) return null;
    const lastMs = last === null ? NaN : Date.parse(last);
    const from = Number.isFinite(lastMs) && !(lastMs < since) ? lastMs : since;
    return Number.isFinite(from) ? { ms: from + limit * DAY_MS, kind, days: limit } : null;
  };
  const f = due('followup', rules.returnAfterFollowupDays, c.lastDoneAt);
  const o = due('order', rules.returnAfterOrderDays, c.lastOrderAt);
  const first = f && o ? (o.ms < f.ms ? o : f) : (f ?? o);
  if (!first) return null;
  const at = new Date(first.ms);
  return Number.isFinite(at.getTime()) ? { at: at.toISOString(), kind: first.kind, days: first.days } : null;
}
