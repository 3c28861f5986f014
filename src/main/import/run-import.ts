/**
 * One import pass over a staged file, a chunk at a time: read → plan → group and match (against
 * the database as the earlier chunks left it) → write, so memory holds one chunk of rows, never
 * the file's or the book's. The preview runs the very same pass over a dry-run target; the
 * commit over the database inside the import's transaction.
 */
import type { ColumnMapping, ImportKind, RowError } from '../../shared/domain/import';
import { AppError } from '../../shared/errors';
import type { JobControl } from '../services/context';
import { detached, detachedValue } from './detached-string';
import { FailedRows } from './failed-rows-csv';
import { groupCustomers, type CustomerGroup, type GroupOptions, type PossibleDuplicate } from './group-customers';
import { RowPlanner, type PlanFindings, type PlannedRow, type PlanOptions } from './plan-rows';
import type { StagedFile } from './staged-files';
import type { TableChunk } from './types';
import { ImportWriter, MAX_LISTED, type ImportTarget, type WriteResult } from './write-import';

export interface PassInput {
  file: StagedFile;
  kind: ImportKind;
  mapping: ColumnMapping;
  plan: PlanOptions;
  grouping: Pick<GroupOptions, 'disabledMerges' | 'acceptedMerges'>;
  target: ImportTarget;
  now: string;
  /** Rows per chunk. */
  chunkRows: number;
  /** Stop with IMPORT_HAS_ERRORS (after reading every row, to count them) when any row is bad. */
  abortOnError?: boolean;
  /** Keep the rows the user chose not to import (commit). */
  keepFailedRows?: boolean;
  /** Called with the first chunk's planned rows and its cells (the preview's sample). */
  onFirstChunk?: (rows: readonly PlannedRow[], chunk: TableChunk) => void;
}

export interface PassResult {
  written: WriteResult;
  findings: PlanFindings;
  possible: PossibleDuplicate[];
  errors: RowError[];
  invalidRows: number;
  failedCsv: string | null;
  /** Groups that went to a customer that was in the database before the import (at most MAX_LISTED). */
  merges: MergedGroup[];
}

/** A group of rows that went to a customer already in the database, as the preview lists it. */
export interface MergedGroup {
  key: string;
  company: string;
  /** The ISO code, else the country text as written. */
  country: string;
  existingId: number;
  matchedBy: CustomerGroup['matchedBy'];
  rows: number;
}

/** What is listed of a group (its strings detached: they outlive the chunk's text). */
function mergedGroup(g: CustomerGroup): MergedGroup {
  const first = g.rows[0]?.customer;
  return {
    key: detached(g.key),
    company: detached(first?.company ?? ''),
    country: detached(first ? first.country || first.countryText : ''),
    existingId: g.existingId as number,
    matchedBy: g.matchedBy,
    rows: g.rows.length,
  };
}

export async function runImportPass(input: PassInput, job: JobControl): Promise<PassResult> {
  const { file, target } = input;
  const total = file.rowCount;
  const planner = new RowPlanner(file.source, input.kind, input.mapping, input.plan, file.profiles.facts(input.mapping));
  const writer = new ImportWriter(target, input.now, job, total);
  const failed = input.keepFailedRows ? new FailedRows(file.source.headers) : null;
  const errors: RowError[] = [];
  const possible: PossibleDuplicate[] = [];
  const merges: MergedGroup[] = [];
  let invalidRows = 0;
  let rowsRead = 0;
  let first = true;
  for (const chunk of file.source.chunks(Math.max(1, input.chunkRows))) {
    const planned = planner.plan(chunk, rowsRead);
    rowsRead += chunk.rows.length;
    if (first) input.onFirstChunk?.(planned, chunk);
    first = false;
    const valid: PlannedRow[] = [];
    const chunkErrors: RowError[] = [];
    for (const row of planned) {
      if (row.errors.length === 0) valid.push(row);
      else {
        invalidRows++;
        for (const e of row.errors) chunkErrors.push(e);
      }
    }
    for (const e of chunkErrors) if (errors.length < MAX_LISTED) errors.push(detachedValue(e));
    failed?.add(chunk, chunkErrors);
    if (input.abortOnError && invalidRows > 0) {
      // Nothing more is written; the rest is only read to count what is wrong with it.
      job.progress(rowsRead, total, 'checking');
      await job.checkpoint();
      continue;
    }
    const grouped = groupCustomers(valid, target.lookup(), { ...input.grouping, createdBy: (id) => writer.groupKeyOf(id) });
    for (const p of grouped.possible)
      if (possible.length < MAX_LISTED) possible.push({ ...detachedValue(p), other: detachedValue(p.other) });
    for (const g of grouped.groups)
      if (g.existingId !== null && !target.isNew(g.existingId) && merges.length < MAX_LISTED) merges.push(mergedGroup(g));
    await writer.write(grouped.groups);
    await job.checkpoint();
  }
  if (input.abortOnError && invalidRows > 0) {
    throw new AppError('IMPORT_HAS_ERRORS', `${invalidRows} rows have errors; nothing was imported`, { invalidRows, errors });
  }
  const written = writer.finish(rowsRead, invalidRows);
  return {
    written,
    findings: planner.findings(),
    possible,
    errors,
    invalidRows,
    failedCsv: failed && failed.count > 0 ? failed.csv() : null,
    merges,
  };
}
