/**
 * A classification run. In full: reads every active customer's orders and inquiries, computes all
 * derived classes (compute.ts), writes the customers whose classes changed and records the run
 * (rule version, counts per class, moves since the previous run, the basis it classified with) —
 * all in one transaction. After an import or its undo, the run can be limited to the customers
 * that changed (incremental.ts), with the same result.
 */
import type { ClassificationRun, ValueTier } from '../../shared/domain/classification';
import type { WriteTx } from '../db/sql';
import { isoNow, noJobControl, type JobControl, type ServiceContext } from '../services/context';
import { readCurrency } from '../services/currency/currency';
import { currencyFingerprint, maxCustomerId } from './book-basis';
import { computeClasses, runClock } from './compute';
import { classifyIncrementally, runHeader, type ChangedCustomers, type RunSetup } from './incremental';
import { currentRules, rulesForRun } from './rules-store';
import { recordRun, type RunTrigger } from './runs';
import { matrixOf, suggestedPriorityOf } from './scoring';
import { aggregate, customerFacts, emptyTally, loadPopulation, writeClasses } from './stored-classes';

export { customersOfImport, type ChangedCustomers } from './incremental';
export { lastRun, listRuns, runScope, type RunTrigger } from './runs';

/**
 * After a hand edit of the potential, inside the edit's transaction: the customer's matrix cell
 * and suggested priority under the current rules.
 */
export function refreshPotentialClasses(tx: WriteTx, customerId: number): void {
  const row = tx.first(
    tx.selectFrom('customers').select(['value_tier', 'potential_score', 'potential_override']).where('id', '=', customerId),
  );
  if (!row) return;
  const rules = currentRules(tx).rules;
  const tier = row.value_tier as ValueTier | 'none';
  const matrix = matrixOf(tier, row.potential_override ?? row.potential_score, rules);
  const priority = suggestedPriorityOf(tier, matrix);
  tx.run(tx.updateTable('customers').set({ value_matrix: matrix, suggested_priority: priority }).where('id', '=', customerId));
}

/**
 * Runs the classification. Call from a job (progress, cancel) or directly (after an import).
 * With `changed` (after an import or undo: the customers it touched), only those and the
 * customers the change reaches are read and written when the run can tell which those are (same
 * day, rules and exchange rates as the previous run); else, and without `changed`, every customer.
 * Either way the classes are those of a full run at this moment.
 * Throws CANCELLED when cancelled; nothing is written then.
 */
export async function classifyCustomers(
  ctx: ServiceContext,
  trigger: RunTrigger,
  job: JobControl = noJobControl,
  changed?: ChangedCustomers,
): Promise<ClassificationRun> {
  const started = performance.now();
  const startedAt = isoNow(ctx);
  const asOf = ctx.now();
  job.progress(0, 3, 'reading');
  // One transaction, awaiting its checkpoints (progress, cancel): a run is written whole or not at all.
  return ctx.db.longTransaction(async (tx) => {
    const ruleSet = rulesForRun(tx, startedAt);
    const setup: RunSetup = {
      trigger,
      startedAt,
      asOf,
      started,
      rulesVersion: ruleSet.version,
      rules: ruleSet.rules,
      clock: runClock(asOf, ruleSet.rules),
      currency: readCurrency(tx),
    };
    let reason: string | undefined;
    if (changed) {
      const incremental = await classifyIncrementally(tx, setup, changed, job);
      if (typeof incremental !== 'string') return incremental;
      reason = incremental;
    }
    return fullRun(tx, setup, job, reason);
  });
}

/**
 * Reclassification after an import or its undo: `classifyCustomers` limited to the customers it
 * changed (see ChangedCustomers for which to pass).
 */
export function reclassifyChanged(
  ctx: ServiceContext,
  trigger: RunTrigger,
  changed: ChangedCustomers,
  job: JobControl = noJobControl,
): Promise<ClassificationRun> {
  return classifyCustomers(ctx, trigger, job, changed);
}

async function fullRun(tx: WriteTx, setup: RunSetup, job: JobControl, reason: string | undefined): Promise<ClassificationRun> {
  const { rules, clock } = setup;
  const population = loadPopulation(tx);
  const aggregated = aggregate(tx, population, clock, setup.currency);
  await job.checkpoint();
  job.progress(1, 3, 'computing');
  const classes = computeClasses(aggregated.agg, customerFacts(population, aggregated), rules, clock);
  await job.checkpoint();

  const tally = { counts: emptyTally(), moves: emptyTally(), moved: 0 };
  await writeClasses(tx, population, aggregated, classes, setup.startedAt, tally, job);
  job.progress(3, 3, 'writing');
  return recordRun(
    tx,
    {
      ...runHeader(setup),
      customers: population.length,
      counts: tally.counts,
      moves: tally.moves,
      moved: tally.moved,
      missingRates: aggregated.missingRates,
    },
    {
      basis: classes.basis,
      currency: currencyFingerprint(setup.currency),
      maxCustomerId: maxCustomerId(tx),
      scope: 'full',
      ...(reason ? { reason } : {}),
    },
  );
}
