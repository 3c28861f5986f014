/**
 * The database side of a classification run, shared by the full run (every active customer) and
 * the incremental one (a few): reading customers and their stored classes, aggregating their
 * orders and inquiries, and writing the classes that changed with the moves between classes.
 *
 * The reads run once per run, as `sql` templates where they name the index they walk (INDEXED BY,
 * which the builder cannot write); the class writes, one per changed customer, are compiled once
 * per set of columns and bound per customer.
 */
import type { CurrencySettings } from '../../shared/domain/classification';
import { conversionFactors } from '../services/currency/currency';
import { currencyExponent } from '../import/normalize/money';
import { readPipelineSettings } from '../services/deals/pipeline-settings';
import { CLASSIFIED_DIMENSIONS, type ClassifiedDimension } from '../../shared/domain/classification-enums';
import { sql, type CompiledQuery, type RawBuilder } from 'kysely';
import { hotFragment, type WriteTx } from '../db/sql';
import type { JobControl } from '../services/context';
import { OrderAggregates, type Classes, type CustomerFacts, type RunClock } from './compute';

/** The class columns a run writes, in the order of WRITE_SQL's first parameters. */
export const CLASS_COLUMNS = [
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
export interface StoredRow {
  id: number;
  scale: string;
  buyerLevel: string;
  potentialOverride: number | null;
  classified: boolean;
  medianGap: number | null;
  gapKey: string;
  /** When the earliest inquiry that counted as recent was received (null: none). */
  recentInquiryAt: string | null;
  classes: string;
}
export const SEP = '\u001f';
export const NUL = '\u001e';

function classText(values: readonly (string | number | null)[]): string {
  let text = '';
  for (let k = 0; k < values.length; k++) text += (k ? SEP : '') + storedText(values[k] ?? null);
  return text;
}

/** The columns a run writes: the class columns, then the order gap and its key, then the earliest recent inquiry. */
const WRITTEN_COLUMNS = [...CLASS_COLUMNS, 'median_gap', 'gap_key', 'recent_inquiry_at'] as const;

/**
 * Writes only the columns whose value changed: every index over an unchanged column is left
 * alone (a customer's row is in a dozen indexes over class columns; rewriting them all made
 * most of a small run's time and of what its commit writes).
 */
class ClassWriter {
  /** The update of each set of columns, compiled once: its parameters are the columns' values, classified_at, id. */
  private readonly updates = new Map<number, CompiledQuery>();

  constructor(private readonly tx: WriteTx) {}

  write(id: number, mask: number, values: readonly (string | number | null)[], classifiedAt: string): void {
    let update = this.updates.get(mask);
    if (!update) {
      const columns = WRITTEN_COLUMNS.filter((_, k) => mask & (1 << k));
      // Placeholders only: compiling a builder query per customer would cost more than its write ('reclassify all customers').
      const set = Object.fromEntries([...columns, 'classified_at'].map((c) => [c, null]));
      update = this.tx.updateTable('customers').set(set).where('id', '=', 0).compile();
      this.updates.set(mask, update);
    }
    this.tx.run({ ...update, parameters: [...values, classifiedAt, id] });
  }
}

/** How a run's value compares with a stored one read as text (NULL as NUL). */
export function storedText(value: string | number | null): string {
  return value === null ? NUL : String(value);
}

const WRITE_CHUNK = 5_000;

export function bump(map: Record<string, number>, key: string): void {
  map[key] = (map[key] ?? 0) + 1;
}

/** Customers per class and moves between classes ("from→to"), per dimension. */
export type ClassTally = Record<string, Record<string, number>>;

export function emptyTally(): ClassTally {
  return Object.fromEntries(CLASSIFIED_DIMENSIONS.map((d) => [d, {}]));
}

/** Each stored customer as one line: its id, its inputs and its stored classes (CLASS_COLUMNS' order), NUL as char(30). */
const STORED_LINE = hotFragment(`SELECT concat_ws(char(31),
    ifnull(id, char(30)), ifnull(scale, char(30)), ifnull(buyer_level, char(30)), ifnull(potential_override, char(30)),
    ifnull(classified_at, char(30)), ifnull(median_gap, char(30)), ifnull(gap_key, char(30)),
    ifnull(recent_inquiry_at, char(30)), ifnull(recency_days, char(30)), ifnull(frequency, char(30)),
    ifnull(monetary_minor, char(30)), ifnull(revenue_minor, char(30)), ifnull(r_score, char(30)),
    ifnull(f_score, char(30)), ifnull(m_score, char(30)), ifnull(rfm_segment, char(30)), ifnull(value_tier, char(30)),
    ifnull(potential_score, char(30)), ifnull(value_matrix, char(30)), ifnull(churn_status, char(30)),
    ifnull(rhythm_days, char(30)), ifnull(order_count, char(30)), ifnull(last_order_at, char(30)),
    ifnull(lifecycle_stage, char(30)), ifnull(suggested_priority, char(30)))
  FROM customers WHERE archived_at IS NULL`);

/**
 * The active customers, by id; only those of `ids` when given (archived and deleted ones drop out).
 * Each is read as one text (StoredRow), plucked: a string per customer and no row object, which a
 * full run reads for every customer. So the statements are raw and their column list is written
 * out: id, scale, buyer_level, potential_override, classified_at, median_gap, gap_key,
 * recent_inquiry_at, then CLASS_COLUMNS in their order, NULL as NUL (char(30)), joined by SEP (char(31)).
 */
export function loadPopulation(tx: WriteTx, ids?: readonly number[]): StoredRow[] {
  const hot = tx.hot('reclassify all customers (1000k orders)');
  const lines = (
    ids
      ? hot`${STORED_LINE} AND id IN (SELECT value FROM json_each(?)) ORDER BY id`.pluck().all(JSON.stringify(ids))
      : hot`${STORED_LINE} ORDER BY id`.pluck().all()
  ) as string[];
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
    const recentInquiryAt = next();
    return {
      id,
      scale,
      buyerLevel,
      potentialOverride: override === NUL ? null : Number(override),
      classified: classifiedAt !== NUL,
      medianGap: gap === NUL ? null : Number(gap),
      gapKey,
      recentInquiryAt: recentInquiryAt === NUL ? null : recentInquiryAt,
      classes: line.slice(at),
    };
  });
}

/** The currencies a run converts (the base first) and the factor that converts each. */
function currencyCodes(currency: CurrencySettings): { codes: string[]; factor: (code: string) => number } {
  const codes = [currency.base, ...Object.keys(currency.rates).filter((c) => c !== currency.base)];
  return { codes, factor: conversionFactors(currency) };
}

/** The ids in a JSON array, for `… IN (…)`. */
function jsonIds(ids: string): RawBuilder<number> {
  return sql<number>`(SELECT value FROM json_each(${ids}))`;
}

/** Only the customers of a subset run (ids: a JSON array), else every one. */
function onlyThese(ids: string | undefined): RawBuilder<unknown> {
  return ids === undefined ? sql`` : sql`customer_id IN ${jsonIds(ids)} AND `;
}

/**
 * Per-customer order facts in one pass over the orders_classify index (customer, day order; it
 * covers every column read, so the table is never touched), or one index seek per customer of a
 * subset. Money is converted to base-currency minor units in SQL. One text value per customer
 * keeps the hand-over to JavaScript cheap:
 * id|orders incl. samples|samples|last day|frequency|monetary|revenue|previous revenue|sum of days|orders without a rate
 * (revenue repeats monetary when the RFM and tier windows are the same, as by default).
 */
function orderFacts(currency: CurrencySettings, clock: RunClock, ids: string | undefined): RawBuilder<{ line: string }> {
  const { codes, factor } = currencyCodes(currency);
  const f = codes.length
    ? sql`(CASE currency ${sql.join(
        codes.map((c) => sql`WHEN ${c} THEN ${factor(c)}`),
        sql` `,
      )} END)`
    : sql`NULL`;
  const known = codes.length ? sql`currency NOT IN (${sql.join(codes)})` : sql`1`;
  const money = (window: RawBuilder<unknown>) => sql`total(amount_minor * ${f}) FILTER (WHERE ${window})`;
  const sameWindow = clock.rfmFrom === clock.tierFrom;
  return sql<{ line: string }>`SELECT concat_ws('|', customer_id, count(*), total(is_sample), max(ordered_day),
      count(*) FILTER (WHERE ordered_day >= ${clock.rfmFrom}),
      ${money(sql`ordered_day >= ${clock.rfmFrom}`)},
      ${sameWindow ? sql`''` : money(sql`ordered_day >= ${clock.tierFrom}`)},
      ${money(sql`ordered_day >= ${clock.previousTierFrom} AND ordered_day < ${clock.tierFrom}`)},
      total(ordered_day),
      count(*) FILTER (WHERE ${known})) AS line
    FROM orders INDEXED BY orders_classify
    WHERE ${onlyThese(ids)}cancelled = 0 AND ordered_day IS NOT NULL
    GROUP BY customer_id`;
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

export interface Aggregated {
  agg: OrderAggregates;
  recentInquiries: Uint32Array;
  /** Each customer's open deals weighted by their stage's win probability, base currency major units. */
  openPipeline: Float64Array;
  /** When each customer's earliest recent inquiry was received (null: none): a later run reads it again once that inquiry is no longer recent. */
  recentInquiryAt: (string | null)[];
  /** Orders per currency without an exchange rate: the whole book's in a full run, the subset's in a subset run. */
  missingRates: Record<string, number>;
  gapKeys: string[];
}

/**
 * Reads orders and inquiries into aggregates over the population (positions by customer id).
 * `subset`: the population is a few customers, read one index seek each.
 */
export function aggregate(tx: WriteTx, population: StoredRow[], clock: RunClock, currency: CurrencySettings, subset = false): Aggregated {
  const maxId = population.length ? (population[population.length - 1] as StoredRow).id : 0;
  const position = new Int32Array(maxId + 1).fill(-1);
  population.forEach((c, i) => {
    position[c.id] = i;
  });
  const ids = subset ? JSON.stringify(population.map((c) => c.id)) : undefined;
  const agg = new OrderAggregates(population.length, clock);
  const { codes } = currencyCodes(currency);
  const sameWindow = clock.rfmFrom === clock.tierFrom;
  const rows = tx.all(orderFacts(currency, clock, ids));

  // The median gap needs every order day; it is recomputed only where the orders changed.
  const gapKeys: string[] = new Array<string>(population.length).fill('');
  const stale: number[] = [];
  let withoutRate = 0;
  for (const { line } of rows) {
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
    const onePass = !subset && stale.length > population.length / 5;
    const dayRows = tx.all(
      sql<{ id: number; days: string }>`SELECT customer_id AS id, group_concat(ordered_day) AS days FROM orders INDEXED BY orders_classify
        WHERE ${onlyThese(onePass ? undefined : JSON.stringify(stale))}cancelled = 0 AND ordered_day IS NOT NULL GROUP BY customer_id`,
    );
    const wanted = new Set(stale);
    for (const { id, days: list } of dayRows) {
      if (!wanted.has(id)) continue;
      agg.setDays(position[id] as number, distinctDays(list));
    }
  }

  const missingRates: Record<string, number> = {};
  if (withoutRate > 0) {
    const missing = tx.all(
      sql<{ code: string; n: number }>`SELECT currency AS code, count(*) AS n FROM orders INDEXED BY orders_classify
        WHERE ${onlyThese(ids)}cancelled = 0 AND ordered_day IS NOT NULL AND currency NOT IN (${sql.join(codes)}) GROUP BY currency`,
    );
    for (const { code, n } of missing) missingRates[code] = n;
  }

  const recentInquiries = new Uint32Array(population.length);
  const recentInquiryAt: (string | null)[] = new Array<string | null>(population.length).fill(null);
  let recent = tx
    .selectFrom('inquiries')
    .select(['customer_id as id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min('received_at').as('earliest')])
    .where('received_at', '>=', clock.inquiriesFrom)
    .groupBy('customer_id');
  if (ids) recent = recent.where('customer_id', 'in', jsonIds(ids));
  for (const { id, n, earliest } of tx.all(recent)) {
    const pos = id <= maxId ? (position[id] as number) : -1;
    if (pos < 0) continue;
    recentInquiries[pos] = n;
    recentInquiryAt[pos] = earliest;
  }
  const openPipeline = new Float64Array(population.length);
  const { probabilities } = readPipelineSettings(tx);
  const baseExp = currencyExponent(currency.base);
  let open = tx
    .selectFrom('opportunities')
    .select(['customer_id as id', 'stage', 'currency', (eb) => eb.fn.sum<number>('amount_minor').as('amount')])
    .where('closed_at', 'is', null)
    .groupBy(['customer_id', 'stage', 'currency']);
  if (ids) open = open.where('customer_id', 'in', jsonIds(ids));
  const { factor } = currencyCodes(currency);
  for (const { id, stage, currency: code, amount } of tx.all(open)) {
    const pos = id <= maxId ? (position[id] as number) : -1;
    const f = factor(code);
    // A deal in a currency without a rate adds nothing (the pipeline board counts it as not counted).
    if (pos < 0 || Number.isNaN(f)) continue;
    openPipeline[pos] = (openPipeline[pos] as number) + (amount * f * (probabilities[stage] / 100)) / 10 ** baseExp;
  }
  return { agg, recentInquiries, openPipeline, recentInquiryAt, missingRates, gapKeys };
}

/** The customer facts computeClasses reads beside the order aggregates. */
export function customerFacts(population: readonly StoredRow[], aggregated: Aggregated): CustomerFacts {
  return {
    scale: population.map((c) => c.scale),
    buyerLevel: population.map((c) => c.buyerLevel),
    potentialOverride: population.map((c) => c.potentialOverride),
    recentInquiries: aggregated.recentInquiries,
    openPipeline: aggregated.openPipeline,
  };
}

const isoDays = new Map<number, string>();

/** The ISO time of a day's midnight (UTC); '' for none. Cached: a book has a few thousand order days. */
export function isoOfDay(day: number): string {
  if (Number.isNaN(day)) return '';
  let iso = isoDays.get(day);
  if (iso === undefined) {
    iso = new Date(day * 86_400_000).toISOString();
    if (isoDays.size < 100_000) isoDays.set(day, iso);
  }
  return iso;
}

/** The values of CLASS_COLUMNS for customer i. */
export function classValues(classes: Classes, agg: OrderAggregates, i: number): (string | number | null)[] {
  return [
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
}

/** Counts a customer's moves from its stored classes (split on SEP) to new values; true when any dimension moved. */
export function countMoves(before: readonly string[], values: readonly (string | number | null)[], moves: ClassTally): boolean {
  let moved = false;
  for (const dim of CLASSIFIED_DIMENSIONS) {
    const col = DIMENSION_COLUMN[dim];
    if (before[col] !== values[col]) {
      bump(moves[dim] as Record<string, number>, `${before[col]}→${values[col] as string}`);
      moved = true;
    }
  }
  return moved;
}

/**
 * Writes the classes of the population that changed (or were never written) and counts the moves
 * of customers classified before; `counts` (optional) gets every customer's classes.
 */
export async function writeClasses(
  tx: WriteTx,
  population: StoredRow[],
  aggregated: Aggregated,
  classes: Classes,
  startedAt: string,
  tally: { moves: ClassTally; moved: number; counts?: ClassTally },
  job: JobControl,
): Promise<void> {
  const { agg, gapKeys } = aggregated;
  const writer = new ClassWriter(tx);
  const all = (1 << WRITTEN_COLUMNS.length) - 1;
  for (let i = 0; i < population.length; i++) {
    const old = population[i] as StoredRow;
    const values = classValues(classes, agg, i);
    if (tally.counts)
      for (const dim of CLASSIFIED_DIMENSIONS) bump(tally.counts[dim] as Record<string, number>, values[DIMENSION_COLUMN[dim]] as string);
    const text = classText(values);
    const gap = agg.medianGap[i] as number;
    const medianGap = Number.isNaN(gap) ? null : gap;
    const gapKey = gapKeys[i] as string;
    const recentInquiryAt = aggregated.recentInquiryAt[i] ?? null;
    if (
      !old.classified ||
      text !== old.classes ||
      gapKey !== old.gapKey ||
      medianGap !== old.medianGap ||
      recentInquiryAt !== old.recentInquiryAt
    ) {
      let mask = all;
      const changed: (string | number | null)[] = [];
      if (old.classified) {
        const before = old.classes.split(SEP);
        if (countMoves(before, values, tally.moves)) tally.moved++;
        mask = 0;
        values.forEach((v, k) => {
          if (storedText(v) !== before[k]) mask |= 1 << k;
        });
        if (medianGap !== old.medianGap) mask |= 1 << CLASS_COLUMNS.length;
        if (gapKey !== old.gapKey) mask |= 1 << (CLASS_COLUMNS.length + 1);
        if (recentInquiryAt !== old.recentInquiryAt) mask |= 1 << (CLASS_COLUMNS.length + 2);
      }
      [...values, medianGap, gapKey, recentInquiryAt].forEach((v, k) => {
        if (mask & (1 << k)) changed.push(v);
      });
      writer.write(old.id, mask, changed, startedAt);
    }
    if (i % WRITE_CHUNK === WRITE_CHUNK - 1) {
      job.progress(2 + i / population.length, 3, 'writing');
      await job.checkpoint();
    }
  }
}

/** Where a stored class column sits in StoredRow.classes split on SEP. */
export function classColumn(name: (typeof CLASS_COLUMNS)[number]): number {
  return CLASS_COLUMNS.indexOf(name);
}
