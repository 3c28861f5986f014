/**
 * A classification run: reads every active customer's orders and inquiries, computes all
 * derived classes (compute.ts), writes the customers whose classes changed and records the run
 * (rule version, counts per class, moves since the previous run) — all in one transaction.
 */
import type { ClassificationRun, CurrencySettings, ValueTier } from '../../shared/domain/classification';
import { CLASSIFIED_DIMENSIONS, type ClassifiedDimension } from '../../shared/domain/classification-enums';
import type { SqliteDb } from '../db/connection';
import { isoNow, noJobControl, type JobControl, type ServiceContext } from '../services/context';
import { computeClasses, OrderAggregates, runClock, type Classes } from './compute';
import { conversionFactors, currentRules, readCurrency, rulesForRun } from './rules-store';
import { matrixOf, suggestedPriorityOf } from './scoring';

export type RunTrigger = ClassificationRun['trigger'];

/** The class columns a run writes, in the order of WRITE_SQL's first parameters. */
const CLASS_COLUMNS = [
  'recency_days',
  'frequency',
  'monetary_minor',
  'revenue_minor',
  'r_score',
  'f_score',
  'm_score',
  'rfm_segment',
  'value_tier',
  'potential_score',
  'value_matrix',
  'churn_status',
  'rhythm_days',
  'order_count',
  'last_order_at',
  'lifecycle_stage',
  'suggested_priority',
] as const;

/** Where each compared dimension sits among CLASS_COLUMNS. */
const DIMENSION_COLUMN: Record<ClassifiedDimension, number> = {
  segment: CLASS_COLUMNS.indexOf('rfm_segment'),
  tier: CLASS_COLUMNS.indexOf('value_tier'),
  matrix: CLASS_COLUMNS.indexOf('value_matrix'),
  lifecycle: CLASS_COLUMNS.indexOf('lifecycle_stage'),
  churn: CLASS_COLUMNS.indexOf('churn_status'),
  suggestedPriority: CLASS_COLUMNS.indexOf('suggested_priority'),
};

/**
 * A customer as a run reads it: id, the inputs it needs, whether it was classified before, and its
 * stored classes as one text (CLASS_COLUMNS joined by SEP, NULL as NUL) to compare with the new ones.
 * Reading one text per customer instead of 22 columns makes the read several times cheaper.
 */
interface StoredRow {
  id: number;
  scale: string;
  buyerLevel: string;
  potentialOverride: number | null;
  classified: boolean;
  medianGap: number | null;
  gapKey: string;
  classes: string;
}
const SEP = '\u001f';
const NUL = '\u001e';

function classText(values: readonly (string | number | null)[]): string {
  let text = '';
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    text += (k ? SEP : '') + (v === null ? NUL : v);
  }
  return text;
}

const WRITE_SQL = `UPDATE customers SET ${CLASS_COLUMNS.map((c) => `${c} = ?`).join(', ')}, median_gap = ?, gap_key = ?, classified_at = ? WHERE id = ?`;

const WRITE_CHUNK = 5_000;

function bump(map: Record<string, number>, key: string): void {
  map[key] = (map[key] ?? 0) + 1;
}

function loadPopulation(sqlite: SqliteDb): StoredRow[] {
  const fields = ['id', 'scale', 'buyer_level', 'potential_override', 'classified_at', 'median_gap', 'gap_key', ...CLASS_COLUMNS].map(
    (c) => `ifnull(${c}, '${NUL}')`,
  );
  const lines = sqlite
    .prepare(`SELECT ${fields.join(` || '${SEP}' || `)} FROM customers WHERE archived_at IS NULL ORDER BY id`)
    .pluck()
    .all() as string[];
  return lines.map((line) => {
    let at = 0;
    const next = () => {
      const end = line.indexOf(SEP, at);
      const part = line.slice(at, end);
      at = end + 1;
      return part;
    };
    const id = Number(next());
    const scale = next();
    const buyerLevel = next();
    const override = next();
    const classifiedAt = next();
    const gap = next();
    const gapKey = next();
    return {
      id,
      scale,
      buyerLevel,
      potentialOverride: override === NUL ? null : Number(override),
      classified: classifiedAt !== NUL,
      medianGap: gap === NUL ? null : Number(gap),
      gapKey,
      classes: line.slice(at),
    };
  });
}

/**
 * Per-customer order facts in one pass over the orders_classify index (customer, day order; it
 * covers every column read, so the table is never touched). Money is converted to base-currency
 * minor units in SQL. One text value per customer keeps the hand-over to JavaScript cheap:
 * id|orders incl. samples|samples|last day|frequency|monetary|revenue|previous revenue|sum of days|orders without a rate
 * (revenue repeats monetary when the RFM and tier windows are the same, as by default).
 */
function orderFactsSql(currencies: readonly string[], sameWindow: boolean): { sql: string; cases: number } {
  const f = currencies.length ? `(CASE currency ${currencies.map(() => 'WHEN ? THEN ?').join(' ')} END)` : 'NULL';
  const known = currencies.length ? `currency NOT IN (${currencies.map(() => '?').join(', ')})` : '1';
  const money = (window: string) => `total(amount_minor * ${f}) FILTER (WHERE ${window})`;
  const monetary = money('ordered_day >= @rfmFrom');
  const sql = `SELECT concat_ws('|', customer_id, count(*), total(is_sample), max(ordered_day),
      count(*) FILTER (WHERE ordered_day >= @rfmFrom),
      ${monetary},
      ${sameWindow ? "''" : money('ordered_day >= @tierFrom')},
      ${money('ordered_day >= @previousFrom AND ordered_day < @tierFrom')},
      total(ordered_day),
      count(*) FILTER (WHERE ${known}))
    FROM orders INDEXED BY orders_classify
    WHERE cancelled = 0 AND ordered_day IS NOT NULL
    GROUP BY customer_id`;
  return { sql, cases: sameWindow ? 2 : 3 };
}

/** Days (ascending, from group_concat in index order) without repeats. */
function distinctDays(list: string): number[] {
  if (!list) return [];
  const days: number[] = [];
  let last = Number.NaN;
  for (const part of list.split(',')) {
    const d = Number(part);
    if (d !== last) days.push(d);
    last = d;
  }
  return days;
}

/** Reads orders and inquiries into aggregates over the population (positions by customer id). */
function aggregate(sqlite: SqliteDb, population: StoredRow[], clock: ReturnType<typeof runClock>, currency: CurrencySettings) {
  const maxId = population.length ? (population[population.length - 1] as StoredRow).id : 0;
  const position = new Int32Array(maxId + 1).fill(-1);
  population.forEach((c, i) => {
    position[c.id] = i;
  });
  const agg = new OrderAggregates(population.length, clock);
  const factor = conversionFactors(currency);
  const codes = [currency.base, ...Object.keys(currency.rates).filter((c) => c !== currency.base)];
  const caseParams = codes.flatMap((c) => [c, factor(c)]);
  const sameWindow = clock.rfmFrom === clock.tierFrom;
  const facts = orderFactsSql(codes, sameWindow);
  const rows = sqlite
    .prepare(facts.sql)
    .pluck()
    .all(...Array.from({ length: facts.cases }, () => caseParams).flat(), ...codes, {
      rfmFrom: clock.rfmFrom,
      tierFrom: clock.tierFrom,
      previousFrom: clock.previousTierFrom,
    }) as string[];

  // The median gap needs every order day; it is recomputed only where the orders changed.
  const gapKeys: string[] = new Array<string>(population.length).fill('');
  const stale: number[] = [];
  let withoutRate = 0;
  for (const line of rows) {
    const r = line.split('|');
    withoutRate += Number(r[9]);
    const id = Number(r[0]);
    const pos = id <= maxId ? (position[id] as number) : -1;
    if (pos < 0) continue;
    const all = Number(r[1]);
    const samples = Number(r[2]);
    const monetary = Number(r[5]);
    agg.set(pos, {
      orders: all - samples,
      samples,
      last: Number(r[3]),
      frequency: Number(r[4]),
      monetary,
      revenue: sameWindow ? monetary : Number(r[6]),
      previousRevenue: Number(r[7]),
    });
    const key = `${all}:${r[3]}:${r[8]}`;
    gapKeys[pos] = key;
    const old = population[pos] as StoredRow;
    if (all < 2) agg.medianGap[pos] = Number.NaN;
    else if (old.classified && old.gapKey === key) agg.medianGap[pos] = old.medianGap ?? Number.NaN;
    else stale.push(id);
  }
  if (stale.length) {
    // Everyone (a first run) in one pass; a few customers (after an import) one index seek each.
    const daysSql =
      stale.length > population.length / 5
        ? `SELECT customer_id, group_concat(ordered_day) FROM orders INDEXED BY orders_classify WHERE cancelled = 0 AND ordered_day IS NOT NULL GROUP BY customer_id`
        : `SELECT customer_id, group_concat(ordered_day) FROM orders INDEXED BY orders_classify
           WHERE customer_id IN (SELECT value FROM json_each(?)) AND cancelled = 0 AND ordered_day IS NOT NULL GROUP BY customer_id`;
    const statement = sqlite.prepare(daysSql).raw();
    const dayRows = (stale.length > population.length / 5 ? statement.all() : statement.all(JSON.stringify(stale))) as [number, string][];
    const wanted = new Set(stale);
    for (const [id, list] of dayRows) {
      if (!wanted.has(id)) continue;
      agg.setDays(position[id] as number, distinctDays(list));
    }
  }

  const missingRates: Record<string, number> = {};
  if (withoutRate > 0) {
    const missing = sqlite
      .prepare(
        `SELECT currency, count(*) FROM orders INDEXED BY orders_classify WHERE cancelled = 0 AND ordered_day IS NOT NULL
           AND currency NOT IN (${codes.map(() => '?').join(', ')}) GROUP BY currency`,
      )
      .raw()
      .all(...codes) as [string, number][];
    for (const [code, n] of missing) missingRates[code] = n;
  }

  const recentInquiries = new Uint32Array(population.length);
  const inquiries = sqlite
    .prepare(`SELECT customer_id, count(*) FROM inquiries WHERE received_at >= ? GROUP BY customer_id`)
    .raw()
    .all(clock.inquiriesFrom) as [number, number][];
  for (const [id, n] of inquiries) {
    const pos = id <= maxId ? (position[id] as number) : -1;
    if (pos >= 0) recentInquiries[pos] = n;
  }
  return { agg, recentInquiries, missingRates, gapKeys };
}

const isoDays = new Map<number, string>();

/** The ISO time of a day's midnight (UTC); '' for none. Cached: a book has a few thousand order days. */
function isoOfDay(day: number): string {
  if (Number.isNaN(day)) return '';
  let iso = isoDays.get(day);
  if (iso === undefined) {
    iso = new Date(day * 86_400_000).toISOString();
    if (isoDays.size < 100_000) isoDays.set(day, iso);
  }
  return iso;
}

/** After a hand edit of the potential: the customer's matrix cell and suggested priority under the current rules. */
export function refreshPotentialClasses(sqlite: SqliteDb, customerId: number): void {
  const row = sqlite.prepare(`SELECT value_tier, potential_score, potential_override FROM customers WHERE id = ?`).get(customerId) as
    | { value_tier: string; potential_score: number; potential_override: number | null }
    | undefined;
  if (!row) return;
  const rules = currentRules(sqlite).rules;
  const tier = row.value_tier as ValueTier | 'none';
  const matrix = matrixOf(tier, row.potential_override ?? row.potential_score, rules);
  sqlite.prepare(`UPDATE customers SET value_matrix = ?, suggested_priority = ? WHERE id = ?`).run(matrix, suggestedPriorityOf(tier, matrix), customerId);
}

/**
 * Runs the classification. Call from a job (progress, cancel) or directly (after an import).
 * Throws CANCELLED when cancelled; nothing is written then.
 */
export async function classifyCustomers(ctx: ServiceContext, trigger: RunTrigger, job: JobControl = noJobControl): Promise<ClassificationRun> {
  const started = performance.now();
  const startedAt = isoNow(ctx);
  const asOf = ctx.now();
  const sqlite = ctx.sqlite;
  job.progress(0, 3, 'reading');
  return ctx.db.transaction().execute(async () => {
    const ruleSet = rulesForRun(sqlite, startedAt);
    const rules = ruleSet.rules;
    const clock = runClock(asOf, rules);
    const population = loadPopulation(sqlite);
    const { agg, recentInquiries, missingRates, gapKeys } = aggregate(sqlite, population, clock, readCurrency(sqlite));
    await job.checkpoint();
    job.progress(1, 3, 'computing');
    const classes = computeClasses(
      agg,
      {
        scale: population.map((c) => c.scale),
        buyerLevel: population.map((c) => c.buyerLevel),
        potentialOverride: population.map((c) => c.potentialOverride),
        recentInquiries,
      },
      rules,
      clock,
    );
    await job.checkpoint();

    const counts: Record<string, Record<string, number>> = Object.fromEntries(CLASSIFIED_DIMENSIONS.map((d) => [d, {}]));
    const moves: Record<string, Record<string, number>> = Object.fromEntries(CLASSIFIED_DIMENSIONS.map((d) => [d, {}]));
    let movedCustomers = 0;
    const write = sqlite.prepare(WRITE_SQL);
    for (let i = 0; i < population.length; i++) {
      const old = population[i] as StoredRow;
      const values = [
        classes.recencyDays[i] ?? null,
        classes.frequency[i] as number,
        classes.monetary[i] as number,
        classes.revenue[i] as number,
        classes.rScore[i] ?? null,
        classes.fScore[i] ?? null,
        classes.mScore[i] ?? null,
        classes.segment[i] as string,
        classes.tier[i] as string,
        classes.potential[i] as number,
        classes.matrix[i] as string,
        classes.churn[i] as string,
        classes.rhythmDays[i] ?? null,
        classes.orderCount[i] as number,
        isoOfDay(agg.lastOrder[i] as number),
        classes.lifecycle[i] as string,
        classes.suggestedPriority[i] as string,
      ];
      for (const dim of CLASSIFIED_DIMENSIONS) bump(counts[dim] as Record<string, number>, values[DIMENSION_COLUMN[dim]] as string);
      const text = classText(values);
      const gap = agg.medianGap[i] as number;
      const medianGap = Number.isNaN(gap) ? null : gap;
      if (!old.classified || text !== old.classes || gapKeys[i] !== old.gapKey || medianGap !== old.medianGap) {
        if (old.classified) {
          const before = old.classes.split(SEP);
          let moved = false;
          for (const dim of CLASSIFIED_DIMENSIONS) {
            const col = DIMENSION_COLUMN[dim];
            if (before[col] !== values[col]) {
              bump(moves[dim] as Record<string, number>, `${before[col]}→${values[col] as string}`);
              moved = true;
            }
          }
          if (moved) movedCustomers++;
        }
        write.run(...values, medianGap, gapKeys[i] as string, startedAt, old.id);
      }
      if (i % WRITE_CHUNK === WRITE_CHUNK - 1) {
        job.progress(2 + i / population.length, 3, 'writing');
        await job.checkpoint();
      }
    }
    job.progress(3, 3, 'writing');
    const durationMs = Math.round(performance.now() - started);
    const run = {
      trigger,
      startedAt,
      durationMs,
      rulesVersion: ruleSet.version,
      asOf: asOf.toISOString(),
      customers: population.length,
      counts,
      moves,
      moved: movedCustomers,
      missingRates,
    };
    const id = Number(
      sqlite
        .prepare(
          `INSERT INTO classification_runs (trigger, started_at, duration_ms, rules_version, as_of, customers, counts, moves, moved, missing_rates)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(trigger, startedAt, durationMs, ruleSet.version, run.asOf, run.customers, JSON.stringify(counts), JSON.stringify(moves), run.moved, JSON.stringify(missingRates))
        .lastInsertRowid,
    );
    return { id, ...run };
  });
}

interface RunRecord {
  id: number;
  trigger: RunTrigger;
  started_at: string;
  duration_ms: number;
  rules_version: number;
  as_of: string;
  customers: number;
  counts: string;
  moves: string;
  moved: number;
  missing_rates: string;
}

function toRun(r: RunRecord): ClassificationRun {
  return {
    id: r.id,
    trigger: r.trigger,
    startedAt: r.started_at,
    durationMs: r.duration_ms,
    rulesVersion: r.rules_version,
    asOf: r.as_of,
    customers: r.customers,
    counts: JSON.parse(r.counts) as ClassificationRun['counts'],
    moves: JSON.parse(r.moves) as ClassificationRun['moves'],
    moved: r.moved,
    missingRates: JSON.parse(r.missing_rates) as ClassificationRun['missingRates'],
  };
}

export function listRuns(sqlite: SqliteDb, limit: number): ClassificationRun[] {
  return (sqlite.prepare(`SELECT * FROM classification_runs ORDER BY id DESC LIMIT ?`).all(limit) as RunRecord[]).map(toRun);
}

export function lastRun(sqlite: SqliteDb): ClassificationRun | null {
  return listRuns(sqlite, 1)[0] ?? null;
}
