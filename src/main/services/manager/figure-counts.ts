import { sql, type RawBuilder } from 'kysely';
import type { ReadDb } from '../../db/sql';
import { ACTIVE, FOLLOW_UPS, figureRows, followUpOwners, inquiryFacts, type FollowUpFigure, type PeriodBounds } from './figures';
import { nameKey } from './scope';

/**
 * The figures the report counts in owner order rather than by sorting every row by owner (a GROUP BY
 * over the period's rows sorts them all: most of the time over three months or a year). Each counts
 * exactly the rows of its figure in figures.ts (the list behind it), with the same conditions:
 *
 * - follow-ups: by their own owner, each person's a range of an owner-first index counted without
 *   opening a customer; minus those of archived customers (a few lookups: customers_archived); the
 *   owner-less ones ('') joined to their customers for the customer's owner. (Every follow-up has its
 *   customer: the foreign key, on in every connection.)
 * - orders: through the active customers in owner order (figures.ts), per owner with a sum per
 *   currency the period's days use (walked from orders_by_day), so no sort; rows in a currency that
 *   walk missed (none unless a time is not ISO UTC) are counted by owner and currency as before.
 * - inquiries: one pass over the period's inquiries gives both counts and the reply medians.
 */

/** A follow-up figure per owner name as written (several rows may fold to one person; n may be below 0). */
export function followUpCounts(figure: FollowUpFigure, p: PeriodBounds, now: string): RawBuilder<{ owner: string; n: number }> {
  const { index, partial, where } = FOLLOW_UPS[figure];
  const idx = sql.raw(index);
  const cond = where(p, now);
  return sql<{ owner: string; n: number }>`
    WITH RECURSIVE ${followUpOwners(index, partial)}
    SELECT staff.name AS owner, (SELECT count(*) FROM follow_ups f INDEXED BY ${idx} WHERE f.owner = staff.name AND ${cond}) AS n
    FROM staff WHERE staff.name > ''
    UNION ALL
    SELECT f.owner AS owner, -count(*) AS n
    FROM customers AS a INDEXED BY customers_archived CROSS JOIN follow_ups f INDEXED BY follow_ups_customer ON f.customer_id = a.id
    WHERE a.archived_at IS NOT NULL AND f.owner <> '' AND ${cond}
    GROUP BY f.owner
    UNION ALL
    SELECT c.owner AS owner, count(*) AS n
    FROM follow_ups f INDEXED BY ${idx} JOIN ${ACTIVE} ON c.id = f.customer_id
    WHERE f.owner = '' AND c.archived_at IS NULL AND ${cond}
    GROUP BY c.owner COLLATE NOCASE`;
}

/** Counts per person (folded names), in the order first seen; people with nothing counted left out. */
export function sumByPerson(rows: readonly { owner: string; n: number }[]): { owner: string; n: number }[] {
  const sums = new Map<string, { owner: string; n: number }>();
  for (const r of rows) {
    const key = nameKey(r.owner);
    const s = sums.get(key);
    if (s) s.n += r.n;
    else sums.set(key, { owner: r.owner, n: r.n });
  }
  return [...sums.values()].filter((s) => s.n > 0);
}

const DAY_MS = 86_400_000;
/** More currencies than this in a period: sorted by owner and currency instead of summed side by side. */
const MAX_CURRENCIES = 8;

/**
 * The currencies of the orders (not cancelled) on the UTC days the period touches, samples included:
 * a walk of orders_by_day (day, currency) that seeks each next currency of a day, then the next day.
 */
function periodCurrencies(reader: ReadDb, p: PeriodBounds): string[] {
  const d0 = Math.floor(Date.parse(p.from) / DAY_MS);
  const d1 = Math.floor(Date.parse(p.to) / DAY_MS);
  const obd = sql.raw('orders INDEXED BY orders_by_day');
  const nextDay = sql`(SELECT min(ordered_day) FROM ${obd} WHERE cancelled = 0 AND ordered_day > k.day AND ordered_day <= ${d1})`;
  const rows = reader.all(sql<{ cur: string }>`
    WITH RECURSIVE k(day, cur) AS (
      SELECT ${d0 - 1}, ''
      UNION ALL
      SELECT coalesce((SELECT k.day FROM ${obd} WHERE cancelled = 0 AND ordered_day = k.day AND currency > k.cur LIMIT 1), ${nextDay}),
             coalesce((SELECT min(currency) FROM ${obd} WHERE cancelled = 0 AND ordered_day = k.day AND currency > k.cur),
                      (SELECT min(currency) FROM ${obd} WHERE cancelled = 0 AND ordered_day = ${nextDay}))
      FROM k WHERE k.day IS NOT NULL
    )
    SELECT DISTINCT cur FROM k WHERE day IS NOT NULL AND cur IS NOT NULL AND cur <> ''`);
  return rows.map((r) => r.cur);
}

export interface OrderFigures {
  owner: string;
  orders: number;
  revenueMinor: number;
  ordersUncounted: number;
}

/**
 * Orders, revenue and orders without a rate per owner (names folded by SQLite, NOCASE), as the
 * report has always counted them: revenue per owner and currency, rounded after conversion
 * (`factor`: NaN for a currency without a rate).
 */
export function orderFigures(reader: ReadDb, p: PeriodBounds, now: string, factor: (currency: string) => number): OrderFigures[] {
  const rows = figureRows('orders', p, now);
  const out = new Map<string, OrderFigures>();
  const of = (owner: string) => {
    let o = out.get(nameKey(owner));
    if (!o) out.set(nameKey(owner), (o = { owner, orders: 0, revenueMinor: 0, ordersUncounted: 0 }));
    return o;
  };
  /** What a group of orders in one currency adds, besides their number. */
  const add = (o: OrderFigures, currency: string, n: number, amount: number) => {
    const f = factor(currency);
    if (Number.isNaN(f)) o.ordersUncounted += n;
    else o.revenueMinor += Math.round(amount * f);
  };
  const byCurrency = (where: RawBuilder<unknown>) =>
    reader.all(
      sql<{ owner: string; currency: string; n: number; amount: number }>`
        SELECT owner, currency, count(*) AS n, total(amount_minor) AS amount FROM (${rows}) ${where}
        GROUP BY owner COLLATE NOCASE, currency`,
    );

  const currencies = periodCurrencies(reader, p);
  if (currencies.length === 0 || currencies.length > MAX_CURRENCIES) {
    for (const r of byCurrency(sql``)) {
      const o = of(r.owner);
      o.orders += r.n;
      add(o, r.currency, r.n, r.amount);
    }
    return [...out.values()];
  }
  // Side by side: a rated currency's sum, an unrated one's count (revenue leaves it out).
  const list = sql.join(currencies.map((c) => sql`${c}`));
  const column = (c: string, i: number) =>
    Number.isNaN(factor(c))
      ? sql`count(CASE currency WHEN ${c} THEN 1 END) AS ${sql.raw(`c${i}`)}`
      : sql`total(CASE currency WHEN ${c} THEN amount_minor END) AS ${sql.raw(`c${i}`)}`;
  const sums = reader.all(
    sql<{ owner: string; n: number; seen: number; [column: string]: string | number }>`
      SELECT owner, count(*) AS n, sum(currency IN (${list})) AS seen, ${sql.join(currencies.map(column))}
      FROM (${rows}) GROUP BY owner COLLATE NOCASE`,
  );
  let missed = false;
  for (const r of sums) {
    const o = of(r.owner);
    o.orders += r.n;
    currencies.forEach((c, i) => {
      const v = Number(r[`c${i}`] ?? 0);
      if (Number.isNaN(factor(c))) o.ordersUncounted += v;
      else o.revenueMinor += Math.round(v * factor(c));
    });
    if (r.seen < r.n) missed = true;
  }
  if (missed) for (const r of byCurrency(sql`WHERE currency NOT IN (${list})`)) add(of(r.owner), r.currency, r.n, r.amount);
  return [...out.values()];
}

export interface InquiryFigures {
  owner: string;
  inquiries: number;
  unanswered: number;
  /** The median reply hours (unrounded); null: none answered. */
  median: number | null;
}

/** The median of sorted values as SQL's avg of the middle one or two (rows (n + 1) / 2 and (n + 2) / 2). */
function median(sorted: number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const a = sorted[Math.floor((n + 1) / 2) - 1] as number;
  const b = sorted[Math.floor((n + 2) / 2) - 1] as number;
  return a === b ? a : (a + b) / 2;
}

/** Inquiries, unanswered ones and the reply median per person (folded names), and the median over them all. */
export function inquiryFigures(reader: ReadDb, p: PeriodBounds): { people: InquiryFigures[]; median: number | null } {
  const people = new Map<string, InquiryFigures & { hours: number[] }>();
  const all: number[] = [];
  for (const r of reader.all(inquiryFacts(p))) {
    const key = nameKey(r.owner);
    let s = people.get(key);
    if (!s) people.set(key, (s = { owner: r.owner, inquiries: 0, unanswered: 0, median: null, hours: [] }));
    s.inquiries += 1;
    if (r.unanswered) s.unanswered += 1;
    if (r.h !== null && !r.unanswered) {
      s.hours.push(r.h);
      all.push(r.h);
    }
  }
  const ascending = (a: number, b: number) => a - b;
  return {
    people: [...people.values()].map(({ hours, ...s }) => ({ ...s, median: median(hours.sort(ascending)) })),
    median: median(all.sort(ascending)),
  };
}
