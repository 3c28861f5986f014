/**
 * A classification run: reads every active customer's orders and inquiries, computes all
 * derived classes (compute.ts), writes the customers whose classes changed and records the run
 * (rule version, counts per class, moves since the previous run) — all in one transaction.
 */
import type { ClassificationRun, ValueTier } from '../../shared/domain/classification';
import { CLASSIFIED_DIMENSIONS, type ClassifiedDimension } from '../../shared/domain/classification-enums';
import type { SqliteDb } from '../db/connection';
import { isoNow, noJobControl, type JobControl, type ServiceContext } from '../services/context';
import { computeClasses, OrderAggregates, runClock, type Classes } from './compute';
import { conversionFactors, currentRules, readCurrency, rulesForRun } from './rules-store';
import { matrixOf, suggestedPriorityOf } from './scoring';

export type RunTrigger = ClassificationRun['trigger'];

interface StoredClasses {
  id: number;
  scale: string;
  buyer_level: string;
  potential_override: number | null;
  recency_days: number | null;
  frequency: number;
  monetary_minor: number;
  revenue_minor: number;
  r_score: number | null;
  f_score: number | null;
  m_score: number | null;
  rfm_segment: string;
  value_tier: string;
  potential_score: number;
  value_matrix: string;
  churn_status: string;
  rhythm_days: number | null;
  order_count: number;
  last_order_at: string;
  lifecycle_stage: string;
  suggested_priority: string;
  classified_at: string | null;
}

const STORED_COLUMNS = `id, scale, buyer_level, potential_override, recency_days, frequency, monetary_minor, revenue_minor,
  r_score, f_score, m_score, rfm_segment, value_tier, potential_score, value_matrix, churn_status, rhythm_days,
  order_count, last_order_at, lifecycle_stage, suggested_priority, classified_at`;

const WRITE_SQL = `UPDATE customers SET recency_days = ?, frequency = ?, monetary_minor = ?, revenue_minor = ?, r_score = ?,
  f_score = ?, m_score = ?, rfm_segment = ?, value_tier = ?, potential_score = ?, value_matrix = ?, churn_status = ?,
  rhythm_days = ?, order_count = ?, last_order_at = ?, lifecycle_stage = ?, suggested_priority = ?, classified_at = ?
  WHERE id = ?`;

const WRITE_CHUNK = 5_000;

function escapeInstr(keyword: string): string {
  return keyword.toLowerCase();
}

/** 1 when an order's product or status names a sample (keywords bound as parameters). */
function sampleSql(keywords: readonly string[]): string {
  if (!keywords.length) return '0';
  return `(${keywords.map(() => `instr(lower(product), ?) > 0 OR instr(lower(status), ?) > 0`).join(' OR ')})`;
}

function dimensionValue(dim: ClassifiedDimension, c: Classes, i: number): string {
  switch (dim) {
    case 'segment':
      return c.segment[i] as string;
    case 'tier':
      return c.tier[i] as string;
    case 'matrix':
      return c.matrix[i] as string;
    case 'lifecycle':
      return c.lifecycle[i] as string;
    case 'churn':
      return c.churn[i] as string;
    case 'suggestedPriority':
      return c.suggestedPriority[i] as string;
  }
}

function storedValue(dim: ClassifiedDimension, s: StoredClasses): string {
  switch (dim) {
    case 'segment':
      return s.rfm_segment;
    case 'tier':
      return s.value_tier;
    case 'matrix':
      return s.value_matrix;
    case 'lifecycle':
      return s.lifecycle_stage;
    case 'churn':
      return s.churn_status;
    case 'suggestedPriority':
      return s.suggested_priority;
  }
}

function bump(map: Record<string, number>, key: string): void {
  map[key] = (map[key] ?? 0) + 1;
}

function loadPopulation(sqlite: SqliteDb): StoredClasses[] {
  return sqlite.prepare(`SELECT ${STORED_COLUMNS} FROM customers WHERE archived_at IS NULL ORDER BY id`).all() as StoredClasses[];
}

/** Reads orders and inquiries into aggregates over the population (positions by customer id). */
function aggregate(sqlite: SqliteDb, population: StoredClasses[], ctxRules: ReturnType<typeof rulesForRun>, clock: ReturnType<typeof runClock>, factor: (c: string) => number) {
  const maxId = population.length ? (population[population.length - 1] as StoredClasses).id : 0;
  const position = new Int32Array(maxId + 1).fill(-1);
  population.forEach((c, i) => {
    position[c.id] = i;
  });
  const agg = new OrderAggregates(population.length, clock);
  const keywords = ctxRules.rules.lifecycle.sampleKeywords.map(escapeInstr);
  const params = keywords.flatMap((k) => [k, k]);
  const missingRates: Record<string, number> = {};
  const orders = sqlite
    .prepare(
      `SELECT customer_id, unixepoch(ordered_at), amount_minor, currency, ${sampleSql(keywords)}
       FROM orders WHERE cancelled = 0 ORDER BY customer_id, ordered_at`,
    )
    .raw();
  for (const row of orders.iterate(...params) as IterableIterator<[number, number | null, number, string, number]>) {
    const pos = row[0] <= maxId ? (position[row[0]] as number) : -1;
    if (pos < 0 || row[1] === null) continue;
    const f = factor(row[3]);
    if (Number.isNaN(f)) bump(missingRates, row[3]);
    agg.add(pos, row[1], row[2] * f, row[4] === 1);
  }
  agg.finish();

  const recentInquiries = new Uint32Array(population.length);
  const inquiries = sqlite
    .prepare(`SELECT customer_id, count(*) FROM inquiries WHERE received_at >= ? GROUP BY customer_id`)
    .raw()
    .all(new Date(clock.inquiriesFrom * 1000).toISOString()) as [number, number][];
  for (const [id, n] of inquiries) {
    const pos = id <= maxId ? (position[id] as number) : -1;
    if (pos >= 0) recentInquiries[pos] = n;
  }
  return { agg, recentInquiries, missingRates };
}

function isoOf(seconds: number): string {
  return Number.isNaN(seconds) ? '' : new Date(seconds * 1000).toISOString();
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
    const { agg, recentInquiries, missingRates } = aggregate(sqlite, population, ruleSet, clock, conversionFactors(readCurrency(sqlite)));
    await job.checkpoint();
    job.progress(1, 3, 'computing');
    const classes = computeClasses(
      agg,
      {
        scale: population.map((c) => c.scale),
        buyerLevel: population.map((c) => c.buyer_level),
        potentialOverride: population.map((c) => c.potential_override),
        recentInquiries,
      },
      rules,
      clock,
    );
    await job.checkpoint();

    const counts: Record<string, Record<string, number>> = Object.fromEntries(CLASSIFIED_DIMENSIONS.map((d) => [d, {}]));
    const moves: Record<string, Record<string, number>> = Object.fromEntries(CLASSIFIED_DIMENSIONS.map((d) => [d, {}]));
    const movedCustomers = new Set<number>();
    const write = sqlite.prepare(WRITE_SQL);
    for (let i = 0; i < population.length; i++) {
      const old = population[i] as StoredClasses;
      for (const dim of CLASSIFIED_DIMENSIONS) {
        const now = dimensionValue(dim, classes, i);
        bump(counts[dim] as Record<string, number>, now);
        const before = storedValue(dim, old);
        if (old.classified_at !== null && before !== now) {
          bump(moves[dim] as Record<string, number>, `${before}→${now}`);
          movedCustomers.add(old.id);
        }
      }
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
        isoOf(agg.lastOrder[i] as number),
        classes.lifecycle[i] as string,
        classes.suggestedPriority[i] as string,
      ] as const;
      const unchanged =
        old.classified_at !== null &&
        old.recency_days === values[0] &&
        old.frequency === values[1] &&
        old.monetary_minor === values[2] &&
        old.revenue_minor === values[3] &&
        old.r_score === values[4] &&
        old.f_score === values[5] &&
        old.m_score === values[6] &&
        old.rfm_segment === values[7] &&
        old.value_tier === values[8] &&
        old.potential_score === values[9] &&
        old.value_matrix === values[10] &&
        old.churn_status === values[11] &&
        old.rhythm_days === values[12] &&
        old.order_count === values[13] &&
        old.last_order_at === values[14] &&
        old.lifecycle_stage === values[15] &&
        old.suggested_priority === values[16];
      if (!unchanged) {
        write.run(...values, startedAt, old.id);
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
      moved: movedCustomers.size,
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
