/**
 * A classification run over the customers that changed (after an import or its undo) instead of
 * the whole book, giving exactly the classes a full run would give at the same moment.
 *
 * A customer's classes depend on its own orders, inquiries and fields, on the run's clock, rules
 * and exchange rates, and on the book only through the basis (compute.ts's BookBasis: RFM
 * quintile cuts, tier thresholds, the firm's usual order gap). Every run records the basis it
 * used, and after every run each active customer's stored classes are its classes under that
 * basis. So, on the same day, with the same rules and rates:
 * 1. the changed customers (the caller's, those stamped or added since the previous run, and
 *    those whose earliest recent inquiry is no longer recent as the clock moved) are classified
 *    from their orders, their own facts (recency, frequency, money, last order, order gap)
 *    written first;
 * 2. the new basis is read from indexes over those stored facts (book-basis.ts);
 * 3. of the other customers, only those with a value between an old and a new cut or threshold
 *    can have other classes: those reached by a tier threshold, or by a churn limit when the
 *    firm's usual order gap (the rhythm of customers with one order day) moved, are classified
 *    again from their orders; those reached only by an RFM cut get new scores and segment from
 *    their stored values; a new usual gap is written to every customer with one order day;
 * 4. counts per class come from one index of the computed classes, orders without a rate from
 *    a skip over the order days.
 * Anything it cannot bound makes the run full instead (in the same transaction, nothing of the
 * attempt kept): no previous basis, another day (or an earlier time), other rules or rates, an
 * import since the previous run that was not reclassified, or more than a fifth of the book to read.
 */
import type { ClassificationRules, ClassificationRun, CurrencySettings } from '../../shared/domain/classification';
import { sql } from 'kysely';
import type { ReadDb, WriteTx } from '../db/sql';
import type { JobControl } from '../services/context';
import {
  bookCounts,
  currencyFingerprint,
  customersReached,
  maxCustomerId,
  ordersInCurrencies,
  readBookBasis,
  setOneOrderDayRhythm,
  type RecordedBasis,
} from './book-basis';
import { computeClasses, fallbackRhythm, runClock, type BookBasis, type RunClock } from './compute';
import { lastRunWithBasis, recordRun, type RunTrigger } from './runs';
import { scoreByCuts, segmentOf } from './scoring';
import {
  aggregate,
  bump,
  classColumn,
  customerFacts,
  emptyTally,
  isoOfDay,
  loadPopulation,
  SEP,
  storedText,
  writeClasses,
  type Aggregated,
  type ClassTally,
  type StoredRow,
} from './stored-classes';

/** What changed since the previous run, as the caller knows it. */
export interface ChangedCustomers {
  /**
   * Customers whose orders, inquiries or classification fields (scale, buyer level, potential
   * override) changed: created, given or relieved of orders or inquiries, merged into, restored.
   * Deleted ones may be included (they are skipped). The run adds by itself the customers
   * stamped (updated_at) since the previous run, as every edit by hand, quick capture and merge
   * stamps them, and those with an id above the previous run's highest.
   */
  customerIds: Iterable<number>;
  /** The import this run follows (just committed or undone): any other import since the previous run makes the run full. */
  importBatchId?: number;
  /** The share of the book past which the run reads every customer instead (default 0.2, where that gets cheaper; tests raise it). */
  fullRunAbove?: number;
}

/**
 * The customers an import touched, as ChangedCustomers wants them: those it created, gave orders
 * or inquiries, or changed (as recorded for its undo). Read after the import commits, or before
 * its undo removes what it added.
 */
export function customersOfImport(db: ReadDb | WriteTx, batchId: number): number[] {
  return db
    .all(
      db
        .selectFrom('customers')
        .select('id')
        .where('import_batch_id', '=', batchId)
        .union(db.selectFrom('orders').select('customer_id as id').where('import_batch_id', '=', batchId))
        .union(db.selectFrom('inquiries').select('customer_id as id').where('import_batch_id', '=', batchId))
        .union(
          db
            .selectFrom('import_changes')
            .select(sql<number>`CAST(row_key AS INTEGER)`.as('id'))
            .where('batch_id', '=', batchId)
            .where('table_name', '=', 'customers'),
        ),
    )
    .map((r) => r.id);
}

/** What a run is set up with, full or incremental. */
export interface RunSetup {
  trigger: RunTrigger;
  startedAt: string;
  asOf: Date;
  /** performance.now() at the start. */
  started: number;
  rulesVersion: number;
  rules: ClassificationRules;
  clock: RunClock;
  currency: CurrencySettings;
}

/** What every run records of its setup: trigger, start, duration until now, rules version, as-of time. */
export function runHeader(setup: RunSetup): Pick<ClassificationRun, 'trigger' | 'startedAt' | 'durationMs' | 'rulesVersion' | 'asOf'> {
  return {
    trigger: setup.trigger,
    startedAt: setup.startedAt,
    durationMs: Math.round(performance.now() - setup.started),
    rulesVersion: setup.rulesVersion,
    asOf: setup.asOf.toISOString(),
  };
}

/** Past this share of the book, one pass over every order is cheaper than one seek per customer. */
const FULL_RUN_ABOVE = 0.2;
/** The attempt's own savepoint inside the run's transaction: a run that cannot be incremental leaves nothing of it. */
const SAVEPOINT = sql.id('classify_incremental');

function sameDay(a: RunClock, b: RunClock): boolean {
  return a.today === b.today && a.rfmFrom === b.rfmFrom && a.tierFrom === b.tierFrom && a.previousTierFrom === b.previousTierFrom;
}

/**
 * An incremental run inside the caller's transaction; the run, or why it cannot be incremental
 * (then nothing was written and the caller runs a full one).
 */
export async function classifyIncrementally(
  tx: WriteTx,
  setup: RunSetup,
  changed: ChangedCustomers,
  job: JobControl,
): Promise<ClassificationRun | string> {
  const previous = lastRunWithBasis(tx);
  if (!previous) return 'no previous run';
  if (!previous.basis) return 'the previous run recorded no basis';
  if (previous.run.rulesVersion !== setup.rulesVersion) return 'the rules changed';
  const previousClock = runClock(new Date(previous.run.asOf), setup.rules);
  if (!sameDay(previousClock, setup.clock)) return 'another day';
  if (setup.asOf.getTime() < new Date(previous.run.asOf).getTime()) return 'the clock went back';
  if (previous.basis.currency !== currencyFingerprint(setup.currency)) return 'the exchange rates changed';
  const since = previous.run.startedAt;
  const imports = tx.all(
    tx
      .selectFrom('import_batches')
      .select('id')
      .where('status', 'in', ['committed', 'undone'])
      .where((eb) => eb.or([eb('finished_at', '>', since), eb('undone_at', '>', since)])),
  );
  if (imports.some(({ id }) => id !== changed.importBatchId)) return 'an import since the previous run was not reclassified';

  const ids = new Set<number>(changed.customerIds);
  // Edited, created, archived back or merged into since the previous run (INDEXED BY: a `sql` template).
  const edited = sql<{ id: number }>`SELECT id FROM customers INDEXED BY customers_active_updated
    WHERE archived_at IS NULL AND updated_at >= ${since}`;
  for (const { id } of tx.iterate(edited)) ids.add(id);
  // Added since, whatever their times say (generated sample customers carry past ones).
  const added = tx.selectFrom('customers').select('id').where('id', '>', previous.basis.maxCustomerId).where('archived_at', 'is', null);
  let newCustomers = 0;
  for (const { id } of tx.iterate(added)) {
    ids.add(id);
    newCustomers++;
  }
  // An inquiry no longer recent as the clock moved: its customer's earliest recent one was received before the new window.
  const aged = sql<{ id: number }>`SELECT id FROM customers INDEXED BY customers_active_recent_inquiry
    WHERE archived_at IS NULL AND recent_inquiry_at IS NOT NULL AND recent_inquiry_at < ${setup.clock.inquiriesFrom}`;
  for (const { id } of tx.iterate(aged)) ids.add(id);
  // The book's size from the previous run's count and the customers added since: the limit needs no more precision.
  const limit = (previous.run.customers + newCustomers) * (changed.fullRunAbove ?? FULL_RUN_ABOVE);
  if (ids.size > limit) return 'too many changed customers';

  tx.run(sql`SAVEPOINT ${SAVEPOINT}`);
  try {
    const sorted = [...ids].sort((a, b) => a - b);
    const result = await run(tx, setup, sorted, limit, previous.basis.basis, Object.keys(previous.run.missingRates), job);
    if (typeof result === 'string') tx.run(sql`ROLLBACK TO ${SAVEPOINT}`);
    tx.run(sql`RELEASE ${SAVEPOINT}`);
    return result;
  } catch (err) {
    try {
      tx.run(sql`ROLLBACK TO ${SAVEPOINT}`);
      tx.run(sql`RELEASE ${SAVEPOINT}`);
    } catch {
      // The transaction is gone already; the caller's rollback covers it.
    }
    throw err;
  }
}

/** The facts writeFacts writes, in the order its statement sets them. */
const FACT_COLUMNS = ['recency_days', 'frequency', 'monetary_minor', 'revenue_minor', 'last_order_at'] as const;

/**
 * Writes the changed customers' own facts that the basis is read from, where they changed, and
 * takes them into the rows' stored text (so the class write that follows leaves them alone; the
 * moves between classes, counted from the class columns, still start from the stored classes).
 */
function writeFacts(tx: WriteTx, rows: StoredRow[], { agg }: Aggregated, clock: RunClock): void {
  // One write per changed customer whose facts moved: a raw statement rather than a builder query compiled per customer.
  const write = tx.hot('reclassify after a 1,000-row import (incremental)')`UPDATE customers
    SET recency_days = ?, frequency = ?, monetary_minor = ?, revenue_minor = ?, last_order_at = ?, median_gap = ? WHERE id = ?`;
  const at = FACT_COLUMNS.map((c) => classColumn(c));
  rows.forEach((old, i) => {
    const last = agg.lastOrder[i] as number;
    const values = [
      Number.isNaN(last) ? null : Math.max(0, clock.today - last),
      agg.frequency[i] as number,
      Math.round(agg.monetary[i] as number),
      Math.round(agg.revenue[i] as number),
      isoOfDay(last),
    ];
    const gap = agg.medianGap[i] as number;
    const medianGap = Number.isNaN(gap) ? null : gap;
    const before = old.classes.split(SEP);
    if (medianGap === old.medianGap && values.every((v, k) => storedText(v) === before[at[k] as number])) return;
    write.run(...values, medianGap, old.id);
    values.forEach((v, k) => {
      before[at[k] as number] = storedText(v);
    });
    old.classes = before.join(SEP);
    old.medianGap = medianGap;
  });
}

function classify(rows: StoredRow[], aggregated: Aggregated, setup: RunSetup, basis: BookBasis) {
  return computeClasses(aggregated.agg, customerFacts(rows, aggregated), setup.rules, setup.clock, basis);
}

/** New R, F, M scores and segment for customers whose other classes the new basis leaves alone. */
function rescore(tx: WriteTx, ids: number[], basis: BookBasis, setup: RunSetup, tally: { moves: ClassTally; moved: number }): void {
  if (!ids.length) return;
  const rows = tx.all(
    tx
      .selectFrom('customers')
      .select(['id', 'recency_days', 'frequency', 'monetary_minor', 'r_score', 'f_score', 'm_score', 'rfm_segment'])
      .where('id', 'in', sql<number>`(SELECT value FROM json_each(${JSON.stringify(ids)}))`)
      .where('archived_at', 'is', null)
      .where('last_order_at', '<>', ''),
  );
  // One write per customer a moved cut reaches: a raw statement rather than a builder query compiled per customer.
  const write = tx.hot('reclassify after a 1,000-row import (incremental)')`UPDATE customers
    SET r_score = ?, f_score = ?, m_score = ?, rfm_segment = ?, classified_at = ? WHERE id = ?`;
  for (const { id, r_score: r0, f_score: f0, m_score: m0, rfm_segment: segment0, ...values } of rows) {
    // Buyers only (a last order): their recency is set.
    const r = scoreByCuts(values.recency_days as number, basis.recencyCuts, false);
    const f = scoreByCuts(values.frequency, basis.frequencyCuts, true);
    const m = scoreByCuts(values.monetary_minor, basis.monetaryCuts, true);
    if (r === r0 && f === f0 && m === m0) continue;
    const segment = segmentOf(setup.rules.rfm.grid, r, f);
    write.run(r, f, m, segment, setup.startedAt, id);
    if (segment !== segment0) {
      bump(tally.moves.segment as Record<string, number>, `${segment0}→${segment}`);
      tally.moved++;
    }
  }
}

async function run(
  tx: WriteTx,
  setup: RunSetup,
  ids: number[],
  limit: number,
  before: BookBasis,
  missingBefore: string[],
  job: JobControl,
): Promise<ClassificationRun | string> {
  job.progress(0, 3, 'reading');
  const changedRows = loadPopulation(tx, ids);
  const changed = aggregate(tx, changedRows, setup.clock, setup.currency, true);
  writeFacts(tx, changedRows, changed, setup.clock);
  await job.checkpoint();

  job.progress(1, 3, 'computing');
  const after = readBookBasis(tx, setup.rules, setup.clock, before);
  const reached = customersReached(tx, before, after, setup.clock, setup.rules);
  const mine = new Set(changedRows.map((c) => c.id));
  const wholeIds = [...reached.whole].filter((id) => !mine.has(id)).sort((a, b) => a - b);
  const rfmIds = [...reached.rfm].filter((id) => !mine.has(id) && !reached.whole.has(id));
  if (changedRows.length + wholeIds.length > limit) return 'the change reaches too many customers';
  await job.checkpoint();

  job.progress(2, 3, 'writing');
  const rhythm = fallbackRhythm(after, setup.rules);
  if (rhythm !== fallbackRhythm(before, setup.rules)) setOneOrderDayRhythm(tx, rhythm);
  const tally = { moves: emptyTally(), moved: 0 };
  await writeClasses(tx, changedRows, changed, classify(changedRows, changed, setup, after), setup.startedAt, tally, job);
  const wholeRows = loadPopulation(tx, wholeIds);
  const wholeAggregated = aggregate(tx, wholeRows, setup.clock, setup.currency, true);
  await writeClasses(tx, wholeRows, wholeAggregated, classify(wholeRows, wholeAggregated, setup, after), setup.startedAt, tally, job);
  rescore(tx, rfmIds, after, setup, tally);

  const counts = bookCounts(tx);
  const book = Object.values(counts.segment ?? {}).reduce((sum, n) => sum + n, 0);
  // Orders without a rate are in the currencies the previous run found or the changed customers have.
  const missingRates = ordersInCurrencies(tx, [...new Set([...missingBefore, ...Object.keys(changed.missingRates)])].sort());
  job.progress(3, 3, 'writing');
  const recorded: RecordedBasis = {
    basis: after,
    currency: currencyFingerprint(setup.currency),
    maxCustomerId: maxCustomerId(tx),
    scope: 'incremental',
    reclassified: changedRows.length + wholeRows.length,
    rescored: rfmIds.length,
  };
  return recordRun(
    tx,
    {
      ...runHeader(setup),
      customers: book,
      counts,
      moves: tally.moves,
      moved: tally.moved,
      missingRates,
    },
    recorded,
  );
}
