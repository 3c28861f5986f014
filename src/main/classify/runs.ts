/** The record of classification runs: what each run writes about itself, and the listing. */
import type { ClassificationRun } from '../../shared/domain/classification';
import type { Selectable } from 'kysely';
import type { ClassificationRunsTable } from '../db/schema';
import type { ReadDb, WriteTx } from '../db/sql';
import { basisJson, parseBasis, type RecordedBasis } from './book-basis';

export type RunTrigger = ClassificationRun['trigger'];

/** Where runs are read: the read connection, or a run's own transaction. */
type Reads = ReadDb | WriteTx;

function toRun(r: Selectable<ClassificationRunsTable>): ClassificationRun {
  return {
    id: r.id,
    trigger: r.trigger as RunTrigger,
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

export function listRuns(db: Reads, limit: number): ClassificationRun[] {
  return db.all(db.selectFrom('classification_runs').selectAll().orderBy('id', 'desc').limit(limit)).map(toRun);
}

export function lastRun(db: Reads): ClassificationRun | null {
  return listRuns(db, 1)[0] ?? null;
}

/** The newest run with the basis it recorded (null before 0010 or unreadable). */
export function lastRunWithBasis(db: Reads): { run: ClassificationRun; basis: RecordedBasis | null } | null {
  const r = db.first(db.selectFrom('classification_runs').selectAll().orderBy('id', 'desc').limit(1));
  return r ? { run: toRun(r), basis: parseBasis(r.basis) } : null;
}

/** Whether a run was full or incremental, and why an incremental one was not (tests, bench). */
export function runScope(db: Reads, runId: number): Pick<RecordedBasis, 'scope' | 'reason' | 'reclassified' | 'rescored'> | null {
  const basis = parseBasis(db.first(db.selectFrom('classification_runs').select('basis').where('id', '=', runId))?.basis ?? null);
  return basis ? { scope: basis.scope, reason: basis.reason, reclassified: basis.reclassified, rescored: basis.rescored } : null;
}

export function recordRun(tx: WriteTx, run: Omit<ClassificationRun, 'id'>, basis: RecordedBasis): ClassificationRun {
  const id = tx.run(
    tx.insertInto('classification_runs').values({
      trigger: run.trigger,
      started_at: run.startedAt,
      duration_ms: run.durationMs,
      rules_version: run.rulesVersion,
      as_of: run.asOf,
      customers: run.customers,
      counts: JSON.stringify(run.counts),
      moves: JSON.stringify(run.moves),
      moved: run.moved,
      missing_rates: JSON.stringify(run.missingRates),
      basis: basisJson(basis),
    }),
  ).lastInsertRowid;
  return { id, ...run };
}
