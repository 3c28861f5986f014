import { classifyCustomers } from '../classify/classify';
import type { ClassificationRun } from '../../shared/domain/classification';
import { createHash } from 'node:crypto';
import type { ChannelOutput, ChannelParsedInput } from '../../shared/ipc/contract';
import { missingFields, type ColumnMapping, type ImportKind, type RowError } from '../../shared/domain/import';
import { AppError } from '../../shared/errors';
import { recognise } from '../import/detect-kind';
import { failedRowsCsv } from '../import/failed-rows-csv';
import { groupCustomers, loadExistingIndex } from '../import/group-customers';
import { planRows, type PlannedRow } from '../import/plan-rows';
import { readTable } from '../import/read-table';
import type { StagedFile } from '../import/staged-files';
import type { ParsedTable } from '../import/types';
import { undoImport } from '../import/undo-import';
import { emptyCounts, writeImport, type ImportCounts } from '../import/write-import';
import { isoNow, type JobControl, type ServiceContext } from './context';
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
  const rows = planRows(file.table, kind, mapping, { defaultCurrency });
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
  return { rows, valid, errors, invalidRows };
}

export function previewImport(ctx: ServiceContext, input: ChannelParsedInput<'import.preview'>): ChannelOutput<'import.preview'> {
  const file = staged(ctx, input.fileId);
  const { rows, valid, errors, invalidRows } = plan(ctx, file, input.kind, input.mapping);
  const groups = groupCustomers(valid, loadExistingIndex(ctx.readSqlite), new Set(input.disabledMerges));
  const counts = emptyCounts(file.table.rows.length);
  counts.skipped = invalidRows;
  const inquiryExists = ctx.readSqlite.prepare(`SELECT 1 FROM inquiries WHERE external_id = ?`).pluck();
  const orderExists = ctx.readSqlite.prepare(`SELECT 1 FROM orders WHERE external_no = ?`).pluck();
  const seenInquiries = new Set<string>();
  const seenOrders = new Set<string>();
  const companyOf = ctx.readSqlite.prepare(`SELECT company FROM customers WHERE id = ?`).pluck();
  const contactsOf = ctx.readSqlite.prepare(`SELECT name, email FROM contacts WHERE customer_id = ?`);
  const merges: ChannelOutput<'import.preview'>['merges'] = [];
  for (const g of groups) {
    if (g.existingId === null) counts.customersCreated++;
    else {
      counts.customersMerged++;
      counts.merged += g.rows.length;
      const first = g.rows[0]!;
      merges.push({
        key: g.key,
        company: first.customer.company,
        country: first.customer.country,
        existingId: g.existingId,
        existingCompany: String(companyOf.get(g.existingId) ?? ''),
        matchedBy: g.matchedBy ?? 'name',
        rows: g.rows.length,
      });
    }
    const knownContacts = new Set<string>(
      g.existingId === null
        ? []
        : (contactsOf.all(g.existingId) as { name: string; email: string }[]).flatMap((c) => [c.email ? `e:${c.email}` : '', c.name ? `n:${c.name.toLowerCase()}` : '']),
    );
    for (const r of g.rows) {
      const c = r.contact;
      if (c) {
        const key = c.email ? `e:${c.email}` : c.name ? `n:${c.name.toLowerCase()}` : `p:${c.phone || c.mobile}`;
        if (!knownContacts.has(key) && !(c.email === '' && c.name && knownContacts.has(`n:${c.name.toLowerCase()}`))) {
          counts.contactsCreated++;
          knownContacts.add(key);
        }
      }
      const id = r.inquiry?.externalId;
      if (r.inquiry && !(id && (seenInquiries.has(id) || inquiryExists.get(id)))) counts.inquiries++;
      if (id) seenInquiries.add(id);
      const no = r.orderLine?.orderNo;
      if (r.orderLine && !(no && (seenOrders.has(no) || orderExists.get(no)))) counts.orders++;
      if (no) seenOrders.add(no);
    }
  }
  const sample = rows.slice(0, SAMPLE_ROWS).map((r) => {
    const values: Record<string, string> = {};
    input.mapping.forEach((field, col) => {
      if (field) values[field] = cellText(file.table, r.index, col);
    });
    return { row: r.row, values, errors: r.errors };
  });
  return { counts, invalidRows, errors: errors.slice(0, MAX_REPORTED_ERRORS), merges, sample };
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
  const { valid, errors, invalidRows } = plan(ctx, file, input.kind, input.mapping);
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
  let counts: ImportCounts = emptyCounts(file.table.rows.length);
  let batchId: number | null = null;
  try {
    await ctx.db.transaction().execute(async () => {
      const sqlite = ctx.sqlite;
      batchId = Number(
        sqlite
          .prepare(`INSERT INTO import_batches (kind, file_name, file_hash, started_at, status, mapping) VALUES (?, ?, ?, ?, 'running', ?)`)
          .run(input.kind, file.fileName, file.sha256, now, JSON.stringify({ kind: input.kind, mapping: input.mapping })).lastInsertRowid,
      );
      const groups = groupCustomers(valid, loadExistingIndex(sqlite), new Set(input.disabledMerges));
      counts = emptyCounts(file.table.rows.length);
      await writeImport(sqlite, { batchId, groups, now, counts }, job);
      counts.skipped += invalidRows;
      if (input.dryRun) throw new DryRunRollback();
      const durationMs = Math.round(performance.now() - started);
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
          JSON.stringify({ counts, errors: errors.slice(0, MAX_REPORTED_ERRORS), invalidRows }),
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
  // Reclassify after every import: new orders and inquiries move customers between classes.
  const classification = batchId === null ? null : await reclassifyAfter(ctx, 'import', job);
  return {
    ...counts,
    batchId,
    classification,
    kind: input.kind,
    errors: errors.slice(0, MAX_REPORTED_ERRORS),
    failedRows: invalidRows,
    durationMs: Math.round(performance.now() - started),
    dryRun: input.dryRun,
  };
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
    const report = r.report ? (JSON.parse(r.report) as { counts: ImportCounts; invalidRows: number }) : null;
    return {
      id: r.id,
      kind: r.kind,
      fileName: r.file_name,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      status: r.status,
      counts: report?.counts ?? null,
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
