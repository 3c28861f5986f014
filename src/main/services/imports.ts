import { classifyCustomers } from '../classify/classify';
import type { ClassificationRun } from '../../shared/domain/classification';
import { createHash } from 'node:crypto';
import type { ChannelOutput, ChannelParsedInput } from '../../shared/ipc/contract';
import { missingFields, type ColumnMapping, type ImportKind, type RowError } from '../../shared/domain/import';
import { AppError } from '../../shared/errors';
import { recognise } from '../import/detect-kind';
import { failedRowsCsv } from '../import/failed-rows-csv';
import { groupCustomers, sqliteLookup, type Grouping } from '../import/group-customers';
import { databaseTarget, dryRunTarget } from '../import/import-targets';
import { planRows, type PlanFindings, type PlannedRow } from '../import/plan-rows';
import { readTable } from '../import/read-table';
import type { StagedFile } from '../import/staged-files';
import type { ParsedTable } from '../import/types';
import { undoImport } from '../import/undo-import';
import { writeImport, type ImportCounts, type WriteResult } from '../import/write-import';
import { isoNow, noJobControl, type JobControl, type ServiceContext } from './context';
import { readCountryAliases } from './duplicates';
import { readSetting, writeSetting } from './settings';

const MAX_REPORTED_ERRORS = 500;
const SAMPLE_ROWS = 50;
/** A column mapping travels with at most this many columns (the contract's mappingSchema). */
const MAX_COLUMNS = 500;

function mappingKey(headers: readonly string[]): string {
  return `import.mapping.${createHash('sha1').update(headers.join('\u0001')).digest('hex')}`;
}

function cellText(table: ParsedTable, row: number, col: number): string {
  const exact = table.texts?.[row]?.[col];
  if (exact !== undefined && exact !== null) return exact;
  const cell = table.rows[row]?.[col];
  if (cell === null || cell === undefined) return '';
  return cell instanceof Date ? cell.toISOString() : String(cell);
}

export function analyzeImport(ctx: ServiceContext, input: ChannelParsedInput<'import.analyze'>): ChannelOutput<'import.analyze'> {
  const bytes = Buffer.from(input.contentBase64, 'base64');
  const table = readTable(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), input.fileName, input.sheet ? { sheet: input.sheet } : {});
  if (table.headers.length > MAX_COLUMNS) {
    throw new AppError('IMPORT_UNREADABLE', `the file has ${table.headers.length} columns; at most ${MAX_COLUMNS} can be imported`, { columns: table.headers.length });
  }
  let recognition: ReturnType<typeof recognise>;
  try {
    recognition = recognise(table.headers);
  } catch (err) {
    // Nothing recognised: still stage the file, so the user can choose the kind and map by hand.
    if (!(err instanceof AppError) || err.code !== 'IMPORT_UNKNOWN_KIND') throw err;
    recognition = { kind: 'customers', mapping: table.headers.map(() => null), confidence: 0 };
  }
  const remembered = readSetting<{ kind: ImportKind; mapping: ColumnMapping }>(ctx.readSqlite, mappingKey(table.headers));
  if (remembered && remembered.mapping.length === table.headers.length) {
    recognition = { kind: remembered.kind, mapping: remembered.mapping, confidence: 1 };
  }
  const staged = ctx.staged.put(input.fileName, bytes, table, recognition);
  const columns = table.headers.map((header, index) => {
    const samples: string[] = [];
    for (let r = 0; r < table.rows.length && samples.length < 3; r++) {
      const v = cellText(table, r, index).trim();
      if (v) samples.push(v.length > 80 ? `${v.slice(0, 80)}…` : v);
    }
    return { index, header, samples };
  });
  return {
    fileId: staged.id,
    fileName: input.fileName,
    format: table.format,
    encoding: table.encoding,
    delimiter: table.delimiter,
    sheetNames: table.sheetNames,
    sheet: table.sheet,
    headerRow: table.headerRowIndex + 1,
    rowCount: table.rows.length,
    kind: recognition.kind,
    confidence: recognition.confidence,
    mapping: recognition.mapping,
    remembered: Boolean(remembered),
    columns,
  };
}

function staged(ctx: ServiceContext, fileId: string): StagedFile {
  const file = ctx.staged.get(fileId);
  if (!file) throw new AppError('IMPORT_FILE_EXPIRED', 'the file is no longer loaded; choose it again', { fileId });
  return file;
}

/** A mapping must fit the file, use each field once, and name the company (or a customer number). */
function checkMapping(table: ParsedTable, kind: ImportKind, mapping: ColumnMapping): void {
  const used = mapping.filter((f): f is NonNullable<typeof f> => f !== null);
  const problems: string[] = [];
  if (mapping.length !== table.headers.length) problems.push(`the mapping has ${mapping.length} columns, the file ${table.headers.length}`);
  const dupes = used.filter((f, i) => used.indexOf(f) !== i);
  if (dupes.length) problems.push(`fields mapped twice: ${[...new Set(dupes)].join(', ')}`);
  for (const alternatives of missingFields(kind, mapping)) problems.push(`no column is mapped to ${alternatives.join(' or ')}`);
  if (problems.length) throw new AppError('IMPORT_MAPPING_INVALID', problems.join('; '), { problems });
}

function plan(ctx: ServiceContext, file: StagedFile, kind: ImportKind, mapping: ColumnMapping) {
  checkMapping(file.table, kind, mapping);
  const defaultCurrency = readSetting<string>(ctx.readSqlite, 'baseCurrency') ?? 'USD';
  const { rows, findings } = planRows(file.table, kind, mapping, { defaultCurrency, countryAliases: readCountryAliases(ctx.readSqlite) });
  const valid: PlannedRow[] = [];
  const errors: RowError[] = [];
  let invalidRows = 0;
  for (const row of rows) {
    if (row.errors.length === 0) valid.push(row);
    else {
      invalidRows++;
      for (const e of row.errors) errors.push(e);
    }
  }
  return { rows, valid, errors, invalidRows, findings };
}

type PlanInput = ChannelParsedInput<'import.preview'>;

function grouping(sqlite: ServiceContext['readSqlite'], valid: readonly PlannedRow[], input: PlanInput): Grouping {
  return groupCustomers(valid, sqliteLookup(sqlite), { disabledMerges: new Set(input.disabledMerges), acceptedMerges: new Set(input.acceptedMerges) });
}

/** The report's parts beyond the counts (the same shape in the preview and after the import). */
function outcome(findings: PlanFindings, groups: Grouping, written: WriteResult) {
  return {
    findings,
    possibleDuplicates: groups.possible.slice(0, MAX_REPORTED_ERRORS),
    duplicateRows: written.duplicates,
  };
}

/**
 * What the import would do, by the very code that writes (writeImport over a dry-run target on
 * the read connection): the counts, the matches, possible duplicates, duplicates and findings.
 */
export async function previewImport(ctx: ServiceContext, input: ChannelParsedInput<'import.preview'>): Promise<ChannelOutput<'import.preview'>> {
  const file = staged(ctx, input.fileId);
  const { rows, valid, errors, invalidRows, findings } = plan(ctx, file, input.kind, input.mapping);
  const groups = grouping(ctx.readSqlite, valid, input);
  const written = await writeImport(dryRunTarget(ctx.readSqlite), { groups: groups.groups, now: isoNow(ctx), rowsRead: file.table.rows.length, failedRows: invalidRows }, noJobControl);
  const companyOf = ctx.readSqlite.prepare(`SELECT company FROM customers WHERE id = ?`).pluck();
  const merges: ChannelOutput<'import.preview'>['merges'] = [];
  for (const g of groups.groups) {
    if (g.existingId === null || merges.length >= MAX_REPORTED_ERRORS) continue;
    const first = g.rows[0]!;
    merges.push({
      key: g.key,
      company: first.customer.company,
      country: first.customer.country || first.customer.countryText,
      existingId: g.existingId,
      existingCompany: String(companyOf.get(g.existingId) ?? ''),
      matchedBy: g.matchedBy ?? 'name',
      rows: g.rows.length,
    });
  }
  const sample = rows.slice(0, SAMPLE_ROWS).map((r) => {
    const values: Record<string, string> = {};
    input.mapping.forEach((field, col) => {
      if (field) values[field] = cellText(file.table, r.index, col);
    });
    return { row: r.row, values, errors: r.errors };
  });
  return { counts: written.counts, invalidRows, errors: errors.slice(0, MAX_REPORTED_ERRORS), merges, sample, ...outcome(findings, groups, written) };
}

class DryRunRollback extends Error {}

type RunSummary = { runId: number; moved: number; durationMs: number };

function summary(run: ClassificationRun): RunSummary {
  return { runId: run.id, moved: run.moved, durationMs: run.durationMs };
}

/**
 * Reclassification after an import or undo, which has already committed: a cancel now stops only
 * the reclassification (classes stay as they were until the next run).
 */
async function reclassifyAfter(ctx: ServiceContext, trigger: 'import' | 'undo', job: JobControl): Promise<RunSummary | null> {
  try {
    return summary(await classifyCustomers(ctx, trigger, job));
  } catch (err) {
    if (err instanceof AppError && err.code === 'CANCELLED') return null;
    throw err;
  }
}

export async function commitImport(
  ctx: ServiceContext,
  input: ChannelParsedInput<'import.commit'>,
  job: JobControl,
): Promise<ChannelOutput<'import.commit'>> {
  const started = performance.now();
  const file = staged(ctx, input.fileId);
  job.progress(0, file.table.rows.length, 'checking');
  const { valid, errors, invalidRows, findings } = plan(ctx, file, input.kind, input.mapping);
  if (invalidRows > 0 && input.onError === 'abort') {
    throw new AppError('IMPORT_HAS_ERRORS', `${invalidRows} rows have errors; nothing was imported`, {
      invalidRows,
      errors: errors.slice(0, MAX_REPORTED_ERRORS),
    });
  }
  await job.checkpoint();
  // Every import that writes is preceded by a verified backup (when the data changed since the last one).
  if (!input.dryRun) {
    job.progress(0, file.table.rows.length, 'backing up');
    ctx.beforeImport?.();
  }
  const now = isoNow(ctx);
  let batchId: number | null = null;
  let result: ChannelOutput<'import.commit'> | null = null;
  try {
    await ctx.db.transaction().execute(async () => {
      const sqlite = ctx.sqlite;
      batchId = Number(
        sqlite
          .prepare(`INSERT INTO import_batches (kind, file_name, file_hash, started_at, status, mapping) VALUES (?, ?, ?, ?, 'running', ?)`)
          .run(input.kind, file.fileName, file.sha256, now, JSON.stringify({ kind: input.kind, mapping: input.mapping })).lastInsertRowid,
      );
      const groups = grouping(sqlite, valid, input);
      const written = await writeImport(databaseTarget(sqlite, batchId, now), { groups: groups.groups, now, rowsRead: file.table.rows.length, failedRows: invalidRows }, job);
      recordPossibleDuplicates(sqlite, groups, written, batchId, now);
      const report = outcome(findings, groups, written);
      result = {
        ...written.counts,
        batchId,
        kind: input.kind,
        errors: errors.slice(0, MAX_REPORTED_ERRORS),
        failedRows: invalidRows,
        durationMs: 0,
        dryRun: input.dryRun,
        classification: null,
        mergedInto: written.mergedInto,
        ...report,
      };
      if (input.dryRun) throw new DryRunRollback();
      const durationMs = Math.round(performance.now() - started);
      const counts = written.counts;
      sqlite
        .prepare(
          `UPDATE import_batches SET status = 'committed', finished_at = ?, rows_read = ?, rows_imported = ?, rows_merged = ?,
             rows_skipped = ?, report = ?, duration_ms = ?, failed_csv = ? WHERE id = ?`,
        )
        .run(
          isoNow(ctx),
          counts.rows,
          counts.imported,
          counts.merged,
          counts.skipped,
          JSON.stringify({ counts, errors: errors.slice(0, MAX_REPORTED_ERRORS), invalidRows, ...report, mergedInto: written.mergedInto, readerWarnings: file.table.warnings ?? [] }),
          durationMs,
          invalidRows > 0 ? failedRowsCsv(file.table, errors) : null,
          batchId,
        );
      if (input.rememberMapping) {
        writeSetting(sqlite, mappingKey(file.table.headers), { kind: input.kind, mapping: input.mapping }, now);
      }
    });
  } catch (err) {
    if (!(err instanceof DryRunRollback)) throw err;
    batchId = null;
  }
  // Written: the staged rows are no longer needed (a new import of the file analyses it again).
  if (batchId !== null) ctx.staged.delete(input.fileId);
  if (!result) throw new AppError('INTERNAL', 'the import produced no report');
  // Reclassify after every import: new orders and inquiries move customers between classes.
  const classification = batchId === null ? null : await reclassifyAfter(ctx, 'import', job);
  return { ...(result as ChannelOutput<'import.commit'>), batchId, classification, durationMs: Math.round(performance.now() - started) };
}

/** Possible duplicates the import left apart, kept for the "possible duplicates" list (between the customers the rows went to). */
function recordPossibleDuplicates(sqlite: ServiceContext['sqlite'], groups: Grouping, written: WriteResult, batchId: number, now: string): void {
  const insert = sqlite.prepare(
    `INSERT OR IGNORE INTO possible_duplicates (customer_id, other_id, reason, import_batch_id, created_at) VALUES (?, ?, 'name', ?, ?)`,
  );
  for (const p of groups.possible) {
    const mine = written.customerOfGroup.get(p.groupKey);
    const other = p.other.kind === 'existing' ? p.other.id : written.customerOfGroup.get(p.other.groupKey);
    if (mine === undefined || other === undefined || mine === other) continue;
    insert.run(mine, other, batchId, now);
  }
}

/** Counts of an import recorded before duplicates and failed rows were counted apart (skipped held both). */
function accountedCounts(counts: Partial<ImportCounts> & Omit<ImportCounts, 'duplicates' | 'failed'>, invalidRows: number): ImportCounts {
  return { ...counts, failed: counts.failed ?? invalidRows, duplicates: counts.duplicates ?? Math.max(0, counts.skipped - invalidRows) };
}

export function listImports(ctx: ServiceContext, limit: number): ChannelOutput<'imports.list'> {
  const rows = ctx.readSqlite
    .prepare(
      `SELECT id, kind, file_name, started_at, finished_at, status, report, duration_ms, undone_at,
              (failed_csv IS NOT NULL) AS has_failed
       FROM import_batches ORDER BY id DESC LIMIT ?`,
    )
    .all(limit) as {
    id: number;
    kind: string;
    file_name: string;
    started_at: string;
    finished_at: string | null;
    status: 'running' | 'committed' | 'failed' | 'undone';
    report: string | null;
    duration_ms: number;
    undone_at: string | null;
  }[];
  return rows.map((r) => {
    const report = r.report ? (JSON.parse(r.report) as { counts: ImportCounts; invalidRows?: number }) : null;
    return {
      id: r.id,
      kind: r.kind,
      fileName: r.file_name,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      status: r.status,
      counts: report?.counts ? accountedCounts(report.counts, report.invalidRows ?? 0) : null,
      durationMs: r.duration_ms,
      failedRows: report?.invalidRows ?? 0,
      undoneAt: r.undone_at,
    };
  });
}

export async function undoImportBatch(ctx: ServiceContext, batchId: number, job: JobControl): Promise<ChannelOutput<'imports.undo'>> {
  job.progress(0, 1, 'undoing');
  const counts = await ctx.db.transaction().execute(async () => undoImport(ctx.sqlite, batchId, isoNow(ctx)));
  job.progress(1, 1, 'undoing');
  const classification = await reclassifyAfter(ctx, 'undo', job);
  return { batchId, ...counts, classification };
}

export function failedRowsDownload(ctx: ServiceContext, batchId: number): ChannelOutput<'imports.failedRows'> {
  const row = ctx.readSqlite.prepare(`SELECT file_name, failed_csv, report FROM import_batches WHERE id = ?`).get(batchId) as
    | { file_name: string; failed_csv: string | null; report: string | null }
    | undefined;
  if (!row) throw new AppError('NOT_FOUND', `import ${batchId} does not exist`, { batchId });
  const csv = row.failed_csv ?? '\ufeff';
  const base = row.file_name.replace(/\.[^.]+$/, '');
  const failed = row.report ? ((JSON.parse(row.report) as { invalidRows?: number }).invalidRows ?? 0) : 0;
  return { fileName: `${base}-failed-rows.csv`, mime: 'text/csv', contentBase64: Buffer.from(csv, 'utf8').toString('base64'), rows: failed };
}
