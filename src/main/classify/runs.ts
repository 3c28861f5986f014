/** The record of classification runs: what each run writes about itself, and the listing. */
import type { ClassificationRun } from '../../shared/domain/classification';
import type { Selectable } from 'kysely';
import type { SqliteDb } from '../db/connection';
import type { ClassificationRunsTable } from '../db/schema';
import { basisJson, parseBasis, type RecordedBasis } from './book-basis';

export type RunTrigger = ClassificationRun['trigger'];

/** A classification_runs row as read (the schema's columns, the trigger narrowed). */
type RunRecord = Omit<Selectable<ClassificationRunsTable>, 'trigger'> & { trigger: RunTrigger };

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

/** The newest run with the basis it recorded (null before 0010 or unreadable). */
export function lastRunWithBasis(sqlite: SqliteDb): { run: ClassificationRun; basis: RecordedBasis | null } | null {
  const r = sqlite.prepare(`SELECT * FROM classification_runs ORDER BY id DESC LIMIT 1`).get() as RunRecord | undefined;
  return r ? { run: toRun(r), basis: parseBasis(r.basis) } : null;
}

/** Whether a run was full or incremental, and why an incremental one was not (tests, bench). */
export function runScope(sqlite: SqliteDb, runId: number): Pick<RecordedBasis, 'scope' | 'reason' | 'reclassified' | 'rescored'> | null {
  const basis = parseBasis(sqlite.prepare(`SELECT basis FROM classification_runs WHERE id = ?`).pluck().get(runId) as string | null);
  return basis ? { scope: basis.scope, reason: basis.reason, reclassified: basis.reclassified, rescored: basis.rescored } : null;
}

export function recordRun(sqlite: SqliteDb, run: Omit<ClassificationRun, 'id'>, basis: RecordedBasis): ClassificationRun {
  const id = Number(
    sqlite
      .prepare(
        `INSERT INTO classification_runs (trigger, started_at, duration_ms, rules_version, as_of, customers, counts, moves, moved, missing_rates, basis)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        run.trigger,
        run.startedAt,
        run.durationMs,
        run.rulesVersion,
        run.asOf,
        run.customers,
        JSON.stringify(run.counts),
        JSON.stringify(run.moves),
        run.moved,
        JSON.stringify(run.missingRates),
        basisJson(basis),
      ).lastInsertRowid,
  );
  return { id, ...run };
}
