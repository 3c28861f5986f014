/**
 * The book-wide quantities of a classification (compute.ts's BookBasis) read from the stored
 * class columns through indexes, in time that grows with the index seeks and short walks, not
 * with the orders: what lets a run after an import classify only the customers it changed.
 * Also the run's book-wide counts per class and the orders without an exchange rate, likewise
 * from indexes, and the basis as a run records it.
 *
 * The queries name the index they walk (INDEXED BY), which the builder cannot write: they are
 * whole `sql` templates (values bound), compiled once per run, a few dozen per run.
 */
import type { ClassificationRules, CurrencySettings } from '../../shared/domain/classification';
import type { ClassifiedDimension } from '../../shared/domain/classification-enums';
import { sql, type RawBuilder } from 'kysely';
import type { WriteTx } from '../db/sql';
import { fallbackRhythm, type BookBasis, type RunClock } from './compute';
import { quintileRank, tierLimits, withinShare, type TierThresholds } from './scoring';
import { emptyTally, isoOfDay, type ClassTally } from './stored-classes';

const DAY_MS = 86_400_000;
const BUYERS = sql`archived_at IS NULL AND last_order_at <> ''`;
const ONE_ORDER_DAY = sql`archived_at IS NULL AND median_gap IS NULL AND last_order_at <> ''`;

/** The basis a run records, with what else its classes depended on (the exchange rates). */
export interface RecordedBasis {
  basis: BookBasis;
  currency: string;
  /** The highest customer id at the run: customers above it came later (a run after it reads them, whoever added them). */
  maxCustomerId: number;
  /** 'full' or 'incremental' (and why a run that was asked to be incremental was not). */
  scope: 'full' | 'incremental';
  reason?: string;
  /** Customers an incremental run classified again (from orders) and re-scored (RFM only). */
  reclassified?: number;
  rescored?: number;
}

export function maxCustomerId(tx: WriteTx): number {
  return tx.first(tx.selectFrom('customers').select((eb) => eb.fn.max('id').as('id')))?.id ?? 0;
}

/** The exchange rates as one comparable text. */
export function currencyFingerprint(currency: CurrencySettings): string {
  return JSON.stringify([currency.base, Object.entries(currency.rates).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]);
}

const finite = (n: number) => (Number.isFinite(n) ? n : null);
const infinite = (n: unknown) => (typeof n === 'number' ? n : Number.POSITIVE_INFINITY);

export function basisJson(recorded: RecordedBasis): string {
  const { basis } = recorded;
  return JSON.stringify({
    ...recorded,
    basis: { ...basis, tiers: { total: basis.tiers.total, a: finite(basis.tiers.a), b: finite(basis.tiers.b) } },
  });
}

/** A recorded basis, or null when the run recorded none (before 0010) or one this version cannot read. */
export function parseBasis(json: string | null): RecordedBasis | null {
  if (!json) return null;
  try {
    const parsed = JSON.parse(json) as RecordedBasis & { basis: BookBasis & { tiers: { a: unknown; b: unknown } } };
    const b = parsed.basis;
    const numbers = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'number');
    if (
      typeof b?.buyers !== 'number' ||
      typeof b.firmGapDays !== 'number' ||
      typeof b.tiers?.total !== 'number' ||
      !numbers(b.recencyCuts) ||
      !numbers(b.frequencyCuts) ||
      !numbers(b.monetaryCuts) ||
      typeof parsed.currency !== 'string' ||
      typeof parsed.maxCustomerId !== 'number'
    ) {
      return null;
    }
    return { ...parsed, basis: { ...b, tiers: { total: b.tiers.total, a: infinite(b.tiers.a), b: infinite(b.tiers.b) } } };
  } catch {
    return null;
  }
}

/** The m-th smallest (1-based) value of an index over n rows, walking from the nearer end. */
function nth<T>(tx: WriteTx, index: string, column: string, where: RawBuilder<unknown>, m: number, n: number): T {
  const fromTop = m - 1 > n - m;
  const row = tx.first(
    sql<{ v: T }>`SELECT ${sql.ref(column)} AS v FROM customers INDEXED BY ${sql.id(index)} WHERE ${where}
      ORDER BY ${sql.ref(column)} ${fromTop ? sql`DESC` : sql``} LIMIT 1 OFFSET ${fromTop ? n - m : m - 1}`,
  );
  return row?.v as T;
}

/** The revenue of the active customers above a value. */
function revenueAbove(tx: WriteTx, value: number): number {
  return (
    tx.first(
      sql<{ total: number }>`SELECT ifnull(sum(revenue_minor), 0) AS total FROM customers INDEXED BY customers_active_revenue
      WHERE archived_at IS NULL AND revenue_minor > ${value}`,
    ) as { total: number }
  ).total;
}

/**
 * The smallest revenue whose customers have less than `limit` of the total strictly above them
 * (contributionThresholds), found by walking the revenue index from where it was (`hint`, the
 * previous run's threshold): a change of a few customers moves it over a few values.
 */
function tierThreshold(tx: WriteTx, limit: number, total: number, hint: number): number {
  let start = hint;
  if (!Number.isFinite(start)) {
    const top = sql<{ top: number }>`SELECT max(revenue_minor) AS top FROM customers INDEXED BY customers_active_revenue
      WHERE archived_at IS NULL`;
    start = (tx.first(top) as { top: number }).top;
  }
  const aboveStart = revenueAbove(tx, start);
  // Down from the start (inclusive) while the customers qualify: the last that does is the threshold.
  let above = aboveStart;
  let found = Number.POSITIVE_INFINITY;
  let value = Number.NaN;
  let group = 0;
  const down = tx.iterate(
    sql<{ r: number }>`SELECT revenue_minor AS r FROM customers INDEXED BY customers_active_revenue
      WHERE archived_at IS NULL AND revenue_minor > 0 AND revenue_minor <= ${start} ORDER BY revenue_minor DESC`,
  );
  for (const { r } of down) {
    if (r !== value) {
      above += group;
      group = 0;
      value = r;
      if (!withinShare(above, total, limit)) break;
      found = r;
    }
    group += r;
  }
  if (Number.isFinite(found)) return found;
  // None at or below the start qualifies: up from it, the first that does (what is above a value
  // is known once its whole group is passed).
  above = aboveStart;
  value = Number.NaN;
  const up = tx.iterate(
    sql<{ r: number }>`SELECT revenue_minor AS r FROM customers INDEXED BY customers_active_revenue
      WHERE archived_at IS NULL AND revenue_minor > ${start} ORDER BY revenue_minor`,
  );
  for (const { r } of up) {
    if (r !== value) {
      if (!Number.isNaN(value) && withinShare(above, total, limit)) return value;
      value = r;
    }
    above -= r;
  }
  return !Number.isNaN(value) && withinShare(above, total, limit) ? value : Number.POSITIVE_INFINITY;
}

/**
 * The basis of the active customers as stored (every one's class columns must be current):
 * the same numbers bookBasisOf computes from their orders. `hint` (the previous run's) shortens
 * the tier walks.
 */
export function readBookBasis(tx: WriteTx, rules: ClassificationRules, clock: RunClock, hint: BookBasis | null): BookBasis {
  const count = (q: RawBuilder<{ n: number }>) => (tx.first(q) as { n: number }).n;
  // Buyers: those with an order gap of their own and those who ordered on one day (a small index).
  const GAPS = sql`archived_at IS NULL AND median_gap IS NOT NULL`;
  const gaps = count(sql`SELECT count(*) AS n FROM customers INDEXED BY customers_active_median_gap WHERE ${GAPS}`);
  const oneDay = count(sql`SELECT count(*) AS n FROM customers INDEXED BY customers_active_one_order_day WHERE ${ONE_ORDER_DAY}`);
  const buyers = gaps + oneDay;
  const recencyCuts: number[] = [];
  const frequencyCuts: number[] = [];
  const monetaryCuts: number[] = [];
  if (buyers > 0) {
    for (let k = 1; k <= 4; k++) {
      const m = quintileRank(buyers, k);
      frequencyCuts.push(nth<number>(tx, 'customers_active_frequency', 'frequency', BUYERS, m, buyers));
      monetaryCuts.push(nth<number>(tx, 'customers_active_monetary', 'monetary_minor', BUYERS, m, buyers));
      // The m-th largest recency is the recency of the m-th earliest last order.
      const ordered = sql`archived_at IS NULL AND last_order_at > ''`;
      const last = nth<string>(tx, 'customers_active_last_order', 'last_order_at', ordered, m, buyers);
      recencyCuts.push(Math.max(0, clock.today - Math.floor(Date.parse(last) / DAY_MS)));
    }
  }

  const total = count(
    sql`SELECT ifnull(sum(revenue_minor), 0) AS n FROM customers INDEXED BY customers_active_revenue
      WHERE archived_at IS NULL AND revenue_minor > 0`,
  );
  const tiers: TierThresholds = { total, a: Number.POSITIVE_INFINITY, b: Number.POSITIVE_INFINITY };
  if (total > 0) {
    const limits = tierLimits(rules.tiers.aShare, rules.tiers.bShare);
    tiers.a = tierThreshold(tx, limits.a, total, hint?.tiers.a ?? Number.POSITIVE_INFINITY);
    tiers.b = tierThreshold(tx, limits.b, total, hint?.tiers.b ?? Number.POSITIVE_INFINITY);
  }

  let firmGapDays = rules.churn.fallbackGapDays;
  if (gaps > 0) {
    const mid = gaps >> 1;
    const upper = nth<number>(tx, 'customers_active_median_gap', 'median_gap', GAPS, mid + 1, gaps);
    firmGapDays = gaps % 2 ? upper : (nth<number>(tx, 'customers_active_median_gap', 'median_gap', GAPS, mid, gaps) + upper) / 2;
  }
  return { buyers, recencyCuts, frequencyCuts, monetaryCuts, tiers, firmGapDays };
}

/**
 * Gives every active customer who ordered on one day only (no gap of its own) the firm's rhythm.
 * Their churn class changes only where churnOf's limits moved over their recency
 * (customersReached); the rhythm itself changes for all of them.
 */
export function setOneOrderDayRhythm(tx: WriteTx, rhythm: number): void {
  tx.run(sql`UPDATE customers INDEXED BY customers_active_one_order_day SET rhythm_days = ${rhythm} WHERE ${ONE_ORDER_DAY}`);
}

/**
 * The ids of active customers whose stored classes a change of basis from `before` to `after`
 * reaches, as two sets: `whole` (the contribution tier or churn class, and with them the matrix
 * cell, priority and stage, may change) and `rfm` (only the R, F, M scores and the segment may
 * change). A score changes only for values between an old and a new cut; a tier only for revenue
 * between an old and a new threshold; the churn class of a customer with one order day only for
 * recency between the old and the new limit of its rhythm (the firm's); everything else a
 * customer's classes depend on is its own.
 */
export function customersReached(
  tx: WriteTx,
  before: BookBasis,
  after: BookBasis,
  clock: RunClock,
  rules: ClassificationRules,
): { whole: Set<number>; rfm: Set<number> } {
  const whole = new Set<number>();
  const rfm = new Set<number>();
  const add = (into: Set<number>, query: RawBuilder<{ id: number }>) => {
    for (const { id } of tx.iterate(query)) into.add(id);
  };
  for (const [old, next] of [
    [before.tiers.a, after.tiers.a],
    [before.tiers.b, after.tiers.b],
  ] as const) {
    if (old === next) continue;
    const lo = Math.min(old, next);
    const hi = Math.max(old, next);
    const below = Number.isFinite(hi) ? sql` AND revenue_minor < ${hi}` : sql``;
    add(
      whole,
      sql`SELECT id FROM customers INDEXED BY customers_active_revenue
      WHERE archived_at IS NULL AND revenue_minor >= ${lo}${below}`,
    );
  }
  const rhythms = [fallbackRhythm(before, rules), fallbackRhythm(after, rules)].sort((a, b) => a - b) as [number, number];
  if (rhythms[0] !== rhythms[1]) {
    for (const multiplier of [rules.churn.warnMultiplier, rules.churn.lostMultiplier]) {
      // churnOf changes where recency is in (multiplier × old, multiplier × new]: days since the
      // last order in that range, a day wider on both sides (the exact class is computed anyway).
      const [x, y] = [multiplier * rhythms[0], multiplier * rhythms[1]];
      const [from, to] = [isoOfDay(Math.floor(clock.today - y) - 1), isoOfDay(Math.ceil(clock.today - x) + 1)];
      add(
        whole,
        sql`SELECT id FROM customers INDEXED BY customers_active_one_order_day
        WHERE ${ONE_ORDER_DAY} AND last_order_at >= ${from} AND last_order_at <= ${to}`,
      );
    }
  }
  if (before.buyers > 0 && after.buyers > 0) {
    for (let k = 0; k < 4; k++) {
      for (const [cuts, index, column] of [
        ['frequencyCuts', 'customers_active_frequency', 'frequency'],
        ['monetaryCuts', 'customers_active_monetary', 'monetary_minor'],
      ] as const) {
        const old = before[cuts][k] as number;
        const next = after[cuts][k] as number;
        // Higher is better: a value beats a cut when greater, so the score of values in (lo, hi] changes.
        if (old === next) continue;
        const [lo, hi] = [Math.min(old, next), Math.max(old, next)];
        const value = sql.ref(column);
        add(rfm, sql`SELECT id FROM customers INDEXED BY ${sql.id(index)} WHERE ${BUYERS} AND ${value} > ${lo} AND ${value} <= ${hi}`);
      }
      const old = before.recencyCuts[k] as number;
      const next = after.recencyCuts[k] as number;
      if (old === next) continue;
      // Lower is better: recency in [lo, hi) changes; recency = max(0, today − day of the last order).
      const lo = Math.min(old, next);
      const hi = Math.max(old, next);
      const upTo = lo > 0 ? sql` AND last_order_at <= ${isoOfDay(clock.today - lo)}` : sql``;
      add(
        rfm,
        sql`SELECT id FROM customers INDEXED BY customers_active_last_order
        WHERE archived_at IS NULL AND last_order_at > ${isoOfDay(clock.today - hi)}${upTo}`,
      );
    }
  }
  return { whole, rfm };
}

/** The class column of each dimension bookCounts counts. */
const CLASS_OF = {
  tier: 'value_tier',
  matrix: 'value_matrix',
  suggestedPriority: 'suggested_priority',
  churn: 'churn_status',
  lifecycle: 'lifecycle_stage',
  segment: 'rfm_segment',
} as const satisfies Record<ClassifiedDimension, string>;

/** Customers per class over the active book, every dimension from one pass over customers_active_classes. */
export function bookCounts(tx: WriteTx): ClassTally {
  const rows = tx.all(
    sql<Record<(typeof CLASS_OF)[ClassifiedDimension], string> & { n: number }>`
      SELECT value_tier, value_matrix, suggested_priority, churn_status, lifecycle_stage, rfm_segment, count(*) AS n
      FROM customers INDEXED BY customers_active_classes WHERE archived_at IS NULL
      GROUP BY value_tier, value_matrix, suggested_priority, churn_status, lifecycle_stage, rfm_segment`,
  );
  const counts: ClassTally = emptyTally();
  for (const row of rows) {
    for (const [dim, column] of Object.entries(CLASS_OF) as [ClassifiedDimension, (typeof CLASS_OF)[ClassifiedDimension]][]) {
      const byClass = counts[dim] as Record<string, number>;
      byClass[row[column]] = (byClass[row[column]] ?? 0) + row.n;
    }
  }
  return counts;
}

/**
 * Orders of the whole book (cancelled and undated ones aside) in each of `currencies`, skipping
 * through orders_by_day one order day at a time: an index seek per day and currency instead of
 * a pass over every order. Currencies without orders are left out.
 */
export function ordersInCurrencies(tx: WriteTx, currencies: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  if (!currencies.length) return counts;
  // One count per currency: a GROUP BY over the join sorts every order it counts.
  for (const currency of currencies) {
    const { n } = tx.first(
      sql<{ n: number }>`WITH RECURSIVE days(d) AS (
         SELECT min(ordered_day) FROM orders INDEXED BY orders_by_day WHERE cancelled = 0 AND ordered_day IS NOT NULL
         UNION ALL
         SELECT (SELECT min(ordered_day) FROM orders INDEXED BY orders_by_day WHERE cancelled = 0 AND ordered_day > days.d)
         FROM days WHERE days.d IS NOT NULL
       )
       SELECT count(*) AS n FROM days
       JOIN orders o INDEXED BY orders_by_day ON o.cancelled = 0 AND o.ordered_day = days.d AND o.currency = ${currency}`,
    ) as { n: number };
    if (n > 0) counts[currency] = n;
  }
  return counts;
}
