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
 * customers_active_*, activities_owner_change_at); only the period's bounds and now are bound.
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
const ACTIVE = sql.raw('customers AS c INDEXED BY customers_active_owner_by_id');

/** Whose a follow-up, inquiry or complaint is: its own owner, else its customer's. */
const ownerOf = (alias: 'f' | 'i' | 'k') => sql.raw(`CASE WHEN ${alias}.owner <> '' THEN ${alias}.owner ELSE c.owner END`);

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
      return sql<FigureRow>`
        SELECT c.owner AS owner, c.id AS customer_id, c.created_at AS at, c.source AS detail, c.id AS rid, ${none}
        FROM customers c WHERE c.archived_at IS NULL AND c.created_at >= ${p.from} AND c.created_at < ${p.to}`;
    case 'claimed':
      return ownerChanges(`'owner_claim'`, '$.to', false, p);
    case 'returned':
      return ownerChanges(`'owner_release', 'owner_rule'`, '$.from', true, p);
    case 'followupsPlanned':
      return sql<FigureRow>`
        SELECT ${ownerOf('f')} AS owner, f.customer_id AS customer_id, f.due_at AS at, f.type AS detail, f.id AS rid, ${none}
        FROM follow_ups f JOIN ${ACTIVE} ON c.id = f.customer_id
        WHERE c.archived_at IS NULL AND f.created_at >= ${p.from} AND f.created_at < ${p.to} AND f.status <> 'cancelled'`;
    case 'followupsDone':
      return sql<FigureRow>`
        SELECT ${ownerOf('f')} AS owner, f.customer_id AS customer_id, f.done_at AS at, f.type AS detail, f.id AS rid, ${none}
        FROM follow_ups f JOIN ${ACTIVE} ON c.id = f.customer_id
        WHERE c.archived_at IS NULL AND f.status = 'done' AND f.done_at >= ${p.from} AND f.done_at < ${p.to}`;
    case 'followupsOverdue':
      return sql<FigureRow>`
        SELECT ${ownerOf('f')} AS owner, f.customer_id AS customer_id, f.due_at AS at, f.type AS detail, f.id AS rid, ${none}
        FROM follow_ups f JOIN ${ACTIVE} ON c.id = f.customer_id
        WHERE c.archived_at IS NULL AND f.status = 'open' AND f.due_at < ${now}`;
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
      return sql<FigureRow>`
        SELECT c.owner AS owner, o.customer_id AS customer_id, o.ordered_at AS at, '' AS detail, o.id AS rid,
               o.amount_minor AS amount_minor, o.currency AS currency
        FROM orders AS o INDEXED BY orders_period JOIN ${ACTIVE} ON c.id = o.customer_id
        WHERE c.archived_at IS NULL AND o.cancelled = 0 AND o.is_sample = 0 AND o.ordered_at >= ${p.from} AND o.ordered_at < ${p.to}`;
    case 'atRisk':
      return sql<FigureRow>`
        SELECT c.owner AS owner, c.id AS customer_id, nullif(c.last_order_at, '') AS at, '' AS detail, c.id AS rid, ${none}
        FROM customers c WHERE c.archived_at IS NULL AND c.churn_status = 'warning'`;
  }
}

/**
 * Hours from an inquiry's arrival to its reply, per owner, over the period's answered inquiries (the
 * rows of the `inquiries` figure that have a reply time); a reply stamped earlier counts as 0.
 */
export function replyHours(p: PeriodBounds): RawBuilder<{ owner: string; h: number }> {
  return sql<{ owner: string; h: number }>`
    SELECT ${ownerOf('i')} AS owner,
           max(0, (unixepoch(i.replied_at, 'subsec') - unixepoch(i.received_at, 'subsec')) / 3600.0) AS h
    FROM inquiries i JOIN ${ACTIVE} ON c.id = i.customer_id
    WHERE c.archived_at IS NULL AND i.received_at >= ${p.from} AND i.received_at < ${p.to}
      AND i.replied_at IS NOT NULL AND unixepoch(i.replied_at, 'subsec') IS NOT NULL AND unixepoch(i.received_at, 'subsec') IS NOT NULL`;
}
