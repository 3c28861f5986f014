import { sql, type RawBuilder } from 'kysely';
import type { ManagerFigure, ManagerPeriod } from '../../../shared/ipc/channels/manager';
import { instantOf } from '../../../shared/time/zoned';

/**
 * What each figure of the manager's view counts, written once for the report (counted per owner,
 * GROUP BY) and for the list behind a figure (the same rows, one owner's): so a list's total is
 * always its figure. The definitions are the contract's (src/shared/ipc/channels/manager.ts).
 *
 * Each figure is the rows it counts, with the columns
 *   owner        whose the row is ('' = the pool), as the owner columns hold names (NOCASE);
 *   customer_id, at (ISO or null), detail (language-neutral text), rid (the row's id, a tiebreak);
 *   amount_minor, currency (orders only; null otherwise).
 * The SQL names its status values and the archive test literally (never bound), so SQLite matches
 * the partial indexes they are written for (follow_ups_open_due, complaints_open_due,
 * customers_active_*, activities_owner_change_at, orders_period); only the period's bounds and now are bound.
 *
 * The report counts most figures with these rows (GROUP BY owner); the follow-up figures, the
 * inquiries and revenue it counts in owner order instead, with the conditions written here
 * (FOLLOW_UPS, inquiryFacts, orders through the customers by owner): figure-counts.ts.
 */

/** The period as instants: [from, to) in UTC (ISO), the first local midnights of fromMonth and after toMonth. */
export interface PeriodBounds {
  fromMonth: string;
  toMonth: string;
  tz: string;
  from: string;
  to: string;
}

function monthStart(year: number, month: number, tz: string): string {
  return new Date(instantOf({ year, month, day: 1, hour: 0, minute: 0, second: 0 }, tz)).toISOString();
}

export function periodBounds(p: ManagerPeriod): PeriodBounds {
  const [fy, fm] = p.fromMonth.split('-').map(Number) as [number, number];
  const [ty, tm] = p.toMonth.split('-').map(Number) as [number, number];
  return {
    fromMonth: p.fromMonth,
    toMonth: p.toMonth,
    tz: p.tz,
    from: monthStart(fy, fm, p.tz),
    to: tm === 12 ? monthStart(ty + 1, 1, p.tz) : monthStart(ty, tm + 1, p.tz),
  };
}

export interface FigureRow {
  owner: string;
  customer_id: number;
  at: string | null;
  detail: string;
  rid: number;
  amount_minor: number | null;
  currency: string | null;
}

/**
 * The customers a row joins for its owner, through their compact (id, owner) index: one lookup per
 * row counted, in a b-tree a few MB small instead of the wide customers table (SQLite would pick the
 * rowid otherwise: 4× slower at 100,000 customers). archived_at IS NULL is that index's condition.
 */
export const ACTIVE = sql.raw('customers AS c INDEXED BY customers_active_owner_by_id');
/** The same index for a customer's owner beside another index of customers (c). */
const WHOSE = sql.raw('customers AS w INDEXED BY customers_active_owner_by_id');

/** Whose a follow-up, inquiry or complaint is: its own owner, else its customer's. */
const ownerOf = (alias: 'f' | 'i' | 'k') => sql.raw(`CASE WHEN ${alias}.owner <> '' THEN ${alias}.owner ELSE c.owner END`);

export type FollowUpFigure = 'followupsPlanned' | 'followupsDone' | 'followupsOverdue';

/**
 * The follow-ups a figure counts (alias f), and the index holding them by their own owner first
 * (0018; `partial`: that index's condition, which every query through it repeats).
 */
export const FOLLOW_UPS: Record<
  FollowUpFigure,
  { index: string; partial: string; where: (p: PeriodBounds, now: string) => RawBuilder<unknown> }
> = {
  followupsPlanned: {
    index: 'follow_ups_created',
    partial: '1',
    where: (p) => sql`f.created_at >= ${p.from} AND f.created_at < ${p.to} AND f.status <> 'cancelled'`,
  },
  followupsDone: {
    index: 'follow_ups_done_owner',
    partial: `status = 'done'`,
    where: (p) => sql`f.status = 'done' AND f.done_at >= ${p.from} AND f.done_at < ${p.to}`,
  },
  followupsOverdue: {
    index: 'follow_ups_open_owner',
    partial: `status = 'open'`,
    where: (_p, now) => sql`f.status = 'open' AND f.due_at < ${now}`,
  },
};

/**
 * The names follow-ups are assigned to ('' included), each once, from `index` (owner first): a walk
 * that seeks the next name (a few lookups, not a scan), as staff(name). `partial`: the index's condition.
 */
export function followUpOwners(index: string, partial: string): RawBuilder<unknown> {
  const idx = sql.raw(index);
  const cond = sql.raw(partial);
  return sql`staff(name) AS (
      SELECT (SELECT min(owner) FROM follow_ups INDEXED BY ${idx} WHERE ${cond})
      UNION ALL
      SELECT (SELECT min(owner) FROM follow_ups INDEXED BY ${idx} WHERE ${cond} AND owner > staff.name) FROM staff WHERE staff.name IS NOT NULL
    )`;
}

/** A follow-up figure's rows, each person's a range of its index (owner first) through followUpOwners. */
function followUpRows(figure: FollowUpFigure, at: 'f.due_at' | 'f.done_at', p: PeriodBounds, now: string): RawBuilder<FigureRow> {
  const { index, partial, where } = FOLLOW_UPS[figure];
  return sql<FigureRow>`
    WITH RECURSIVE ${followUpOwners(index, partial)}
    SELECT ${ownerOf('f')} AS owner, f.customer_id AS customer_id, ${sql.raw(at)} AS at, f.type AS detail, f.id AS rid,
           NULL AS amount_minor, NULL AS currency
    FROM staff CROSS JOIN follow_ups f INDEXED BY ${sql.raw(index)} ON f.owner = staff.name
    JOIN ${ACTIVE} ON c.id = f.customer_id
    WHERE c.archived_at IS NULL AND ${where(p, now)}`;
}

/**
 * The period's inquiries (the rows of the `inquiries` figure) with what the report makes of each:
 * whose (owner), not answered yet (unanswered: 1), and the hours from arrival to reply (h; null
 * without a reply or with a time SQLite cannot read, as max() of a null is null; a reply stamped
 * earlier counts as 0).
 */
export function inquiryFacts(p: PeriodBounds): RawBuilder<{ owner: string; unanswered: number; h: number | null }> {
  return sql<{ owner: string; unanswered: number; h: number | null }>`
    SELECT ${ownerOf('i')} AS owner, i.replied_at IS NULL AS unanswered,
           max(0, (unixepoch(i.replied_at, 'subsec') - unixepoch(i.received_at, 'subsec')) / 3600.0) AS h
    FROM inquiries i JOIN ${ACTIVE} ON c.id = i.customer_id
    WHERE c.archived_at IS NULL AND i.received_at >= ${p.from} AND i.received_at < ${p.to}`;
}

/**
 * The owner changes of the period of some kinds, one row per customer and person (`person`: the
 * data's from or to), at the latest of them; detail: the latest one's reason ('rule:<kind>' for a rule).
 */
function ownerChanges(kinds: string, person: '$.from' | '$.to', withReason: boolean, p: PeriodBounds): RawBuilder<FigureRow> {
  const who = sql.raw(`CASE WHEN json_valid(a.data) THEN coalesce(json_extract(a.data, '${person}'), '') ELSE '' END`);
  // max() makes the bare columns (a.id, a.kind, a.data) those of the latest change.
  const detail = withReason
    ? sql`substr(a.kind, 7) || coalesce(':' || CASE WHEN json_valid(a.data) THEN json_extract(a.data, '$.rule.kind') END, '')`
    : sql`''`;
  return sql<FigureRow>`
    SELECT x.who AS owner, x.customer_id AS customer_id, x.at AS at, x.detail AS detail, x.rid AS rid,
           NULL AS amount_minor, NULL AS currency
    FROM (
      SELECT a.customer_id AS customer_id, ${who} AS who, max(a.occurred_at) AS at, a.id AS rid, ${detail} AS detail
      FROM activities a
      WHERE substr(a.kind, 1, 6) = 'owner_' AND a.kind IN (${sql.raw(kinds)})
        AND a.occurred_at >= ${p.from} AND a.occurred_at < ${p.to}
      GROUP BY a.customer_id, ${who} COLLATE NOCASE
    ) x
    JOIN ${ACTIVE} ON c.id = x.customer_id
    WHERE c.archived_at IS NULL`;
}

/** The rows a figure counts, for the period `p` at `now` (ISO). */
export function figureRows(figure: ManagerFigure, p: PeriodBounds, now: string): RawBuilder<FigureRow> {
  const none = sql.raw(`NULL AS amount_minor, NULL AS currency`);
  switch (figure) {
    case 'held':
      return sql<FigureRow>`
        SELECT c.owner AS owner, c.id AS customer_id, coalesce(c.owner_since, c.created_at) AS at, '' AS detail, c.id AS rid, ${none}
        FROM customers c WHERE c.archived_at IS NULL`;
    case 'new':
      // The owner from the compact index (WHOSE), so counting opens no customer row (the source is read for a list only).
      return sql<FigureRow>`
        SELECT w.owner AS owner, c.id AS customer_id, c.created_at AS at, c.source AS detail, c.id AS rid, ${none}
        FROM customers c INDEXED BY customers_active_created CROSS JOIN ${WHOSE} ON w.id = c.id
        WHERE c.archived_at IS NULL AND w.archived_at IS NULL AND c.created_at >= ${p.from} AND c.created_at < ${p.to}`;
    case 'claimed':
      return ownerChanges(`'owner_claim'`, '$.to', false, p);
    case 'returned':
      return ownerChanges(`'owner_release', 'owner_rule'`, '$.from', true, p);
    case 'followupsPlanned':
      return followUpRows(figure, 'f.due_at', p, now);
    case 'followupsDone':
      return followUpRows(figure, 'f.done_at', p, now);
    case 'followupsOverdue':
      return sql<FigureRow>`
        SELECT ${ownerOf('f')} AS owner, f.customer_id AS customer_id, f.due_at AS at, f.type AS detail, f.id AS rid, ${none}
        FROM follow_ups f JOIN ${ACTIVE} ON c.id = f.customer_id
        WHERE c.archived_at IS NULL AND ${FOLLOW_UPS.followupsOverdue.where(p, now)}`;
    case 'inquiries':
    case 'inquiriesUnanswered':
      return sql<FigureRow>`
        SELECT ${ownerOf('i')} AS owner, i.customer_id AS customer_id, i.received_at AS at, i.subject AS detail, i.id AS rid, ${none}
        FROM inquiries i JOIN ${ACTIVE} ON c.id = i.customer_id
        WHERE c.archived_at IS NULL AND i.received_at >= ${p.from} AND i.received_at < ${p.to}
          ${figure === 'inquiriesUnanswered' ? sql`AND i.replied_at IS NULL` : sql``}`;
    case 'needsOpen':
      return sql<FigureRow>`
        SELECT c.owner AS owner, n.customer_id AS customer_id, n.created_at AS at, n.category AS detail, n.id AS rid, ${none}
        FROM needs n JOIN ${ACTIVE} ON c.id = n.customer_id
        WHERE c.archived_at IS NULL AND n.status IN ('new', 'evaluating', 'planned')`;
    case 'complaintsOpen':
    case 'complaintsOverdue':
      return sql<FigureRow>`
        SELECT ${ownerOf('k')} AS owner, k.customer_id AS customer_id, k.due_by AS at, k.severity AS detail, k.id AS rid, ${none}
        FROM complaints k JOIN ${ACTIVE} ON c.id = k.customer_id
        WHERE c.archived_at IS NULL AND k.status IN ('open','in_progress')
          ${figure === 'complaintsOverdue' ? sql`AND k.due_by < ${now}` : sql``}`;
    case 'orders':
      // The active customers in owner order (customers_active_owner), each one's orders of the period
      // from orders_period (customer, time): one lookup per customer, and the rows come by owner.
      return sql<FigureRow>`
        SELECT c.owner AS owner, o.customer_id AS customer_id, o.ordered_at AS at, '' AS detail, o.id AS rid,
               o.amount_minor AS amount_minor, o.currency AS currency
        FROM customers AS c INDEXED BY customers_active_owner CROSS JOIN orders AS o INDEXED BY orders_period ON o.customer_id = c.id
        WHERE c.archived_at IS NULL AND o.cancelled = 0 AND o.is_sample = 0 AND o.ordered_at >= ${p.from} AND o.ordered_at < ${p.to}`;
    case 'atRisk':
      return sql<FigureRow>`
        SELECT w.owner AS owner, c.id AS customer_id, nullif(c.last_order_at, '') AS at, '' AS detail, c.id AS rid, ${none}
        FROM customers c INDEXED BY customers_board_churn CROSS JOIN ${WHOSE} ON w.id = c.id
        WHERE c.archived_at IS NULL AND w.archived_at IS NULL AND c.churn_status = 'warning'`;
  }
}
