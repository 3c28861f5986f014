import { customersOfImport, reclassifyChanged } from '../../classify/classify';
import type { ClassificationRun } from '../../../shared/domain/classification';
import { createHash } from 'node:crypto';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { missingFields, REPEATABLE_FIELDS, type ColumnMapping, type ImportKind } from '../../../shared/domain/import';
import { AppError } from '../../../shared/errors';
import { recognise, recogniseAs } from '../../import/detect-kind';
import type { PossibleDuplicate } from '../../import/group-customers';
import { databaseTarget, dryRunTarget } from '../../import/import-targets';
import { ColumnProfiles } from '../../import/plan-rows';
import { base64Bytes, bytePieces } from '../../import/file-bytes';
import { openTable } from '../../import/read-table';
import { runImportPass, type PassResult } from '../../import/run-import';
import type { StagedFile } from '../../import/staged-files';
import type { TableChunk } from '../../import/types';
import { undoImport } from '../../import/undo-import';
import type { ImportCounts, WriteResult } from '../../import/write-import';
import type { ReadDb, WriteTx } from '../../db/sql';
import { isoNow, noJobControl, type JobControl, type ServiceContext } from '../context';
import { readCountryAliases } from '../customers/duplicates';
import { readSetting, writeSetting } from '../settings';
import { assignImported } from '../assignment/assign';
import { tierHeaderQuantity } from '../../import/normalize/catalogue';
import { runProductPass } from '../products/import-products';

const SAMPLE_ROWS = 50;
/** Reading is followed in thousandths of the file. */
const READ_STEPS = 1000;
/** A column mapping travels with at most this many columns (the contract's mappingSchema). */
const MAX_COLUMNS = 500;
const HASH_PIECE_BYTES = 1 << 20;

function mappingKey(headers: readonly string[]): string {
  return `import.mapping.${createHash('sha1').update(headers.join('\u0001')).digest('hex')}`;
}

function cellText(chunk: Pick<TableChunk, 'rows' | 'texts'>, row: number, col: number): string {
  const exact = chunk.texts?.[row]?.[col];
  if (exact !== undefined && exact !== null) return exact;
  const cell = chunk.rows[row]?.[col];
  if (cell === null || cell === undefined) return '';
  return cell instanceof Date ? cell.toISOString() : String(cell);
}

/**
 * Reads a file once, a chunk at a time (progress by the share of the file read; cancellable
 * between chunks): its header, the kind and mapping recognised, how many rows it has and what
 * each column holds. Keeps the file open for the preview and the commit, not its rows.
 */
export async function analyzeImport(
  ctx: ServiceContext,
  input: ChannelParsedInput<'import.analyze'>,
  job: JobControl = noJobControl,
): Promise<ChannelOutput<'import.analyze'>> {
  job.progress(0, READ_STEPS, 'reading');
  // The file stays as it came (base64 text) and is decoded a piece at a time, on every pass: its
  // bytes and its decoded text are never held whole next to the base64 (a workbook is read whole,
  // and then only its table is kept).
  const file = base64Bytes(input.contentBase64);
  const source = openTable(file, input.fileName, input.sheet ? { sheet: input.sheet } : {});
  const hash = createHash('sha256');
  for (const piece of bytePieces(file, HASH_PIECE_BYTES)) hash.update(piece);
  const sha256 = hash.digest('hex');
  if (source.headers.length > MAX_COLUMNS) {
    throw new AppError('IMPORT_UNREADABLE', `the file has ${source.headers.length} columns; at most ${MAX_COLUMNS} can be imported`, {
      columns: source.headers.length,
    });
  }
  let recognition: ReturnType<typeof recognise>;
  try {
    recognition = recognise(source.headers);
    if (input.kind !== undefined && recognition.kind !== input.kind) recognition = recogniseAs(source.headers, input.kind);
  } catch (err) {
    // Nothing recognised: still stage the file, so the user can choose the kind and map by hand.
    if (!(err instanceof AppError) || err.code !== 'IMPORT_UNKNOWN_KIND') throw err;
    recognition = input.kind
      ? recogniseAs(source.headers, input.kind)
      : { kind: 'customers', mapping: source.headers.map(() => null), confidence: 0 };
  }
  const remembered = readSetting<{ kind: ImportKind; mapping: ColumnMapping }>(ctx.read, mappingKey(source.headers));
  if (remembered && remembered.mapping.length === source.headers.length && (input.kind === undefined || remembered.kind === input.kind)) {
    recognition = { kind: remembered.kind, mapping: remembered.mapping, confidence: 1 };
  }
  // One pass over every row: how many there are, samples of each column, and what decides how
  // each column reads (date order, zero-padded IDs).
  const profiles = new ColumnProfiles();
  const samples: string[][] = source.headers.map(() => []);
  let wanted = samples.length;
  let rowCount = 0;
  for (const chunk of source.chunks(ctx.staged.chunkRows)) {
    profiles.add(chunk);
    for (let r = 0; r < chunk.rows.length && wanted > 0; r++) {
      samples.forEach((list, col) => {
        if (list.length >= 3) return;
        const v = cellText(chunk, r, col).trim();
        if (!v) return;
        list.push(v.length > 80 ? `${v.slice(0, 80)}…` : v);
        if (list.length === 3) wanted--;
      });
    }
    rowCount += chunk.rows.length;
    job.progress(Math.floor(chunk.read * READ_STEPS), READ_STEPS, 'reading');
    await job.checkpoint();
  }
  const staged = ctx.staged.put(input.fileName, sha256, { source, rowCount, profiles, recognition });
  return {
    fileId: staged.id,
    fileName: input.fileName,
    format: source.format,
    encoding: source.encoding,
    delimiter: source.delimiter,
    sheetNames: source.sheetNames,
    sheet: source.sheet,
    headerRow: source.headerRowIndex + 1,
    rowCount,
    kind: recognition.kind,
    confidence: recognition.confidence,
    mapping: recognition.mapping,
    remembered: Boolean(remembered),
    columns: source.headers.map((header, index) => ({ index, header, samples: samples[index] ?? [] })),
  };
}

function staged(ctx: ServiceContext, fileId: string): StagedFile {
  const file = ctx.staged.get(fileId);
  if (!file) throw new AppError('IMPORT_FILE_EXPIRED', 'the file is no longer loaded; choose it again', { fileId });
  return file;
}

/** A mapping must fit the file, use each field once, and name the company (or a customer number). */
function checkMapping(file: StagedFile, kind: ImportKind, mapping: ColumnMapping): void {
  const used = mapping.filter((f): f is NonNullable<typeof f> => f !== null);
  const problems: string[] = [];
  if (mapping.length !== file.source.headers.length)
    problems.push(`the mapping has ${mapping.length} columns, the file ${file.source.headers.length}`);
  const dupes = used.filter((f, i) => used.indexOf(f) !== i && !REPEATABLE_FIELDS.includes(f));
  mapping.forEach((f, col) => {
    const header = file.source.headers[col] ?? '';
    if (f === 'tierPrice' && tierHeaderQuantity(header) === null)
      problems.push(`the price column "${header}" does not name its quantity (e.g. "Price 1000+")`);
  });
  if (dupes.length) problems.push(`fields mapped twice: ${[...new Set(dupes)].join(', ')}`);
  for (const alternatives of missingFields(kind, mapping)) problems.push(`no column is mapped to ${alternatives.join(' or ')}`);
  if (problems.length) throw new AppError('IMPORT_MAPPING_INVALID', problems.join('; '), { problems });
}

type PlanInput = ChannelParsedInput<'import.preview'>;

/** The pass's settings from the user's choices and the settings. */
function passInput(ctx: ServiceContext, file: StagedFile, input: PlanInput, db: ReadDb | WriteTx) {
  checkMapping(file, input.kind, input.mapping);
  return {
    file,
    kind: input.kind,
    mapping: input.mapping,
    plan: { defaultCurrency: readSetting<string>(db, 'baseCurrency') ?? 'USD', countryAliases: readCountryAliases(db) },
    grouping: { disabledMerges: new Set(input.disabledMerges), acceptedMerges: new Set(input.acceptedMerges) },
    chunkRows: ctx.staged.chunkRows,
  };
}

/** The report's parts beyond the counts (the same shape in the preview and after the import). */
function outcome(pass: PassResult) {
  return {
    findings: pass.findings,
    possibleDuplicates: pass.possible,
    duplicateRows: pass.written.duplicates,
  };
}

/**
 * What the import would do, by the very code that writes (the same pass over a dry-run target
 * on the read connection): the counts, the matches, possible duplicates, duplicates and findings.
 */
export async function previewImport(
  ctx: ServiceContext,
  input: ChannelParsedInput<'import.preview'>,
  job: JobControl = noJobControl,
): Promise<ChannelOutput<'import.preview'>> {
  const file = staged(ctx, input.fileId);
  if (input.kind === 'products') return previewProducts(ctx, file, input, job);
  let sample: ChannelOutput<'import.preview'>['sample'] = [];
  const pass = await runImportPass(
    {
      ...passInput(ctx, file, input, ctx.read),
      target: dryRunTarget(ctx.read),
      now: isoNow(ctx),
      onFirstChunk: (rows, chunk) => {
        sample = rows.slice(0, SAMPLE_ROWS).map((r, i) => {
          const values: Record<string, string> = {};
          input.mapping.forEach((field, col) => {
            if (field) values[field] = cellText(chunk, i, col);
          });
          return { row: r.row, values, errors: r.errors };
        });
      },
    },
    job,
  );
  const companyOf = (id: number) => ctx.read.first(ctx.read.selectFrom('customers').select('company').where('id', '=', id))?.company;
  // One entry per group key (a company's rows in several chunks of the file are one match).
  const merges = new Map<string, ChannelOutput<'import.preview'>['merges'][number]>();
  for (const g of pass.merges) {
    const seen = merges.get(g.key);
    if (seen) {
      seen.rows += g.rows;
      continue;
    }
    merges.set(g.key, {
      key: g.key,
      company: g.company,
      country: g.country,
      existingId: g.existingId,
      existingCompany: companyOf(g.existingId) ?? '',
      matchedBy: g.matchedBy ?? 'name',
      rows: g.rows,
    });
  }
  return {
    counts: pass.written.counts,
    invalidRows: pass.invalidRows,
    errors: pass.errors,
    merges: [...merges.values()],
    sample,
    ...outcome(pass),
  };
}

class DryRunRollback extends Error {}

type RunSummary = { runId: number; moved: number; durationMs: number };

function summary(run: ClassificationRun): RunSummary {
  return { runId: run.id, moved: run.moved, durationMs: run.durationMs };
}

/**
 * Reclassification after an import or undo, which has already committed: only the customers it
 * changed (and those a moved cut point reaches; exactly a full run's classes, see
 * classify/incremental.ts). A cancel now stops only the reclassification (classes stay as they
 * were until the next run).
 */
async function reclassifyAfter(
  ctx: ServiceContext,
  trigger: 'import' | 'undo',
  batchId: number,
  customerIds: readonly number[],
  job: JobControl,
): Promise<RunSummary | null> {
  try {
    return summary(await reclassifyChanged(ctx, trigger, { customerIds, importBatchId: batchId }, job));
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
  checkMapping(file, input.kind, input.mapping);
  if (input.kind === 'products') return commitProducts(ctx, file, input, job, started);
  await job.checkpoint();
  // Every import that writes is preceded by a verified backup (when the data changed since the last one).
  if (!input.dryRun) {
    job.progress(0, file.rowCount, 'backing up');
    ctx.beforeImport?.();
  }
  const now = isoNow(ctx);
  let batchId: number | null = null;
  let result: ChannelOutput<'import.commit'> | null = null;
  try {
    // One transaction around the whole pass (awaiting its checkpoints): the import is whole or not at all.
    await ctx.db.longTransaction(async (tx) => {
      const id = startBatch(tx, input, file, now);
      batchId = id;
      const pass = await runImportPass(
        {
          ...passInput(ctx, file, input, tx),
          target: databaseTarget(tx, id, now),
          now,
          abortOnError: input.onError === 'abort',
          keepFailedRows: true,
        },
        job,
      );
      const written = pass.written;
      recordPossibleDuplicates(tx, pass.possible, written, id, now);
      // Customers nobody owns that the import created or gave inquiries: the lead assignment rules.
      const assignment = assignImported(tx, id, now);
      const report = outcome(pass);
      result = {
        ...written.counts,
        batchId: id,
        kind: input.kind,
        errors: pass.errors,
        failedRows: pass.invalidRows,
        durationMs: 0,
        dryRun: input.dryRun,
        classification: null,
        mergedInto: written.mergedInto,
        assignment,
        ...report,
      };
      if (input.dryRun) throw new DryRunRollback();
      const durationMs = Math.round(performance.now() - started);
      const counts = written.counts;
      tx.run(
        tx
          .updateTable('import_batches')
          .set({
            status: 'committed',
            finished_at: isoNow(ctx),
            rows_read: counts.rows,
            rows_imported: counts.imported,
            rows_merged: counts.merged,
            rows_skipped: counts.skipped,
            report: JSON.stringify({
              counts,
              errors: pass.errors,
              invalidRows: pass.invalidRows,
              ...report,
              mergedInto: written.mergedInto,
              assignment,
              readerWarnings: file.source.warnings ?? [],
            }),
            duration_ms: durationMs,
            failed_csv: pass.failedCsv,
          })
          .where('id', '=', id),
      );
      if (input.rememberMapping) {
        writeSetting(tx, mappingKey(file.source.headers), { kind: input.kind, mapping: input.mapping }, now);
      }
    });
  } catch (err) {
    if (!(err instanceof DryRunRollback)) throw err;
    batchId = null;
  }
  // Written: the staged file is no longer needed (a new import of the file analyses it again).
  if (batchId !== null) ctx.staged.delete(input.fileId);
  if (!result) throw new AppError('INTERNAL', 'the import produced no report');
  // Reclassify after every import: new orders and inquiries move customers between classes.
  const classification = batchId === null ? null : await reclassifyAfter(ctx, 'import', batchId, customersOfImport(ctx.read, batchId), job);
  return { ...(result as ChannelOutput<'import.commit'>), batchId, classification, durationMs: Math.round(performance.now() - started) };
}

function noFindings(currencies: { currency: string; rows: number }[]) {
  return { idIssues: [], unrecognised: [], currencies };
}

/** A catalogue's preview: the same pass as its import, without writing. */
async function previewProducts(
  ctx: ServiceContext,
  file: StagedFile,
  input: ChannelParsedInput<'import.preview'>,
  job: JobControl,
): Promise<ChannelOutput<'import.preview'>> {
  checkMapping(file, input.kind, input.mapping);
  const pass = await runProductPass(
    { file, mapping: input.mapping, db: ctx.read, tx: null, batchId: null, now: isoNow(ctx), chunkRows: ctx.staged.chunkRows },
    job,
  );
  const chunk = pass.firstChunk;
  const sample = chunk
    ? pass.firstRows.map((r, i) => {
        const values: Record<string, string> = {};
        input.mapping.forEach((field, col) => {
          if (field) values[field] = values[field] ? `${values[field]} · ${cellText(chunk, i, col)}` : cellText(chunk, i, col);
        });
        return { row: r.row, values, errors: r.errors };
      })
    : [];
  return {
    counts: pass.counts,
    invalidRows: pass.invalidRows,
    errors: pass.errors,
    merges: [],
    sample,
    findings: noFindings(pass.currencies),
    possibleDuplicates: [],
    duplicateRows: pass.duplicateRows,
  };
}

/**
 * A catalogue's import, in one transaction tagged with its import batch: new SKUs imported (their
 * rows carry the batch), known ones merged (kept as they were in the batch's report, for its undo).
 */
async function commitProducts(
  ctx: ServiceContext,
  file: StagedFile,
  input: ChannelParsedInput<'import.commit'>,
  job: JobControl,
  started: number,
): Promise<ChannelOutput<'import.commit'>> {
  await job.checkpoint();
  if (!input.dryRun) {
    job.progress(0, file.rowCount, 'backing up');
    ctx.beforeImport?.();
  }
  const now = isoNow(ctx);
  let result: ChannelOutput<'import.commit'> | null = null;
  try {
    await ctx.db.longTransaction(async (tx) => {
      const id = startBatch(tx, input, file, now);
      const pass = await runProductPass(
        { file, mapping: input.mapping, db: tx, tx, batchId: id, now, chunkRows: ctx.staged.chunkRows },
        job,
      );
      if (input.onError === 'abort' && pass.invalidRows > 0) {
        throw new AppError('IMPORT_HAS_ERRORS', `${pass.invalidRows} rows have errors; nothing was imported`, {
          invalidRows: pass.invalidRows,
          errors: pass.errors,
        });
      }
      const report = { findings: noFindings(pass.currencies), possibleDuplicates: [], duplicateRows: pass.duplicateRows };
      result = {
        ...pass.counts,
        batchId: input.dryRun ? null : id,
        kind: input.kind,
        errors: pass.errors,
        failedRows: pass.invalidRows,
        durationMs: 0,
        dryRun: input.dryRun,
        classification: null,
        mergedInto: [],
        assignment: null,
        ...report,
      };
      if (input.dryRun) throw new DryRunRollback();
      tx.run(
        tx
          .updateTable('import_batches')
          .set({
            status: 'committed',
            finished_at: isoNow(ctx),
            rows_read: pass.counts.rows,
            rows_imported: pass.counts.imported,
            rows_merged: pass.counts.merged,
            rows_skipped: pass.counts.skipped,
            report: JSON.stringify({
              counts: pass.counts,
              errors: pass.errors,
              invalidRows: pass.invalidRows,
              ...report,
              readerWarnings: file.source.warnings ?? [],
              productsBefore: pass.before,
            }),
            duration_ms: Math.round(performance.now() - started),
            failed_csv: pass.failedCsv,
          })
          .where('id', '=', id),
      );
      if (input.rememberMapping) writeSetting(tx, mappingKey(file.source.headers), { kind: input.kind, mapping: input.mapping }, now);
    });
  } catch (err) {
    if (!(err instanceof DryRunRollback)) throw err;
  }
  if (!result) throw new AppError('INTERNAL', 'the import produced no report');
  if (!input.dryRun) ctx.staged.delete(input.fileId);
  return { ...(result as ChannelOutput<'import.commit'>), durationMs: Math.round(performance.now() - started) };
}

/** Possible duplicates the import left apart, kept for the "possible duplicates" list (between the customers the rows went to). */
/** The batch an import writes under (status running until its pass is done), inside its transaction. */
function startBatch(tx: WriteTx, input: ChannelParsedInput<'import.commit'>, file: StagedFile, now: string): number {
  return tx.run(
    tx.insertInto('import_batches').values({
      kind: input.kind,
      file_name: file.fileName,
      file_hash: file.sha256,
      started_at: now,
      status: 'running',
      mapping: JSON.stringify({ kind: input.kind, mapping: input.mapping }),
    }),
  ).lastInsertRowid;
}

function recordPossibleDuplicates(
  tx: WriteTx,
  possible: readonly PossibleDuplicate[],
  written: WriteResult,
  batchId: number,
  now: string,
): void {
  for (const p of possible) {
    const mine = written.customerOfGroup.get(p.groupKey);
    const other = p.other.kind === 'existing' ? p.other.id : written.customerOfGroup.get(p.other.groupKey);
    if (mine === undefined || other === undefined || mine === other) continue;
    const pair = { customer_id: mine, other_id: other, reason: 'name' as const, import_batch_id: batchId, created_at: now };
    tx.run(tx.insertInto('possible_duplicates').orIgnore().values(pair));
  }
}

/** Counts of an import recorded before duplicates and failed rows were counted apart (skipped held both). */
function accountedCounts(counts: Partial<ImportCounts> & Omit<ImportCounts, 'duplicates' | 'failed'>, invalidRows: number): ImportCounts {
  return { ...counts, failed: counts.failed ?? invalidRows, duplicates: counts.duplicates ?? Math.max(0, counts.skipped - invalidRows) };
}

export function listImports(ctx: ServiceContext, limit: number): ChannelOutput<'import.history'> {
  const rows = ctx.read.all(
    ctx.read
      .selectFrom('import_batches')
      .select(['id', 'kind', 'file_name', 'started_at', 'finished_at', 'status', 'report', 'duration_ms', 'undone_at'])
      .orderBy('id', 'desc')
      .limit(limit),
  );
  return rows.map((r) => {
    const report = r.report ? (JSON.parse(r.report) as { counts: ImportCounts; invalidRows?: number }) : null;
    return {
      id: r.id,
      kind: r.kind,
      fileName: r.file_name,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      status: r.status as ChannelOutput<'import.history'>[number]['status'],
      counts: report?.counts ? accountedCounts(report.counts, report.invalidRows ?? 0) : null,
      durationMs: r.duration_ms,
      failedRows: report?.invalidRows ?? 0,
      undoneAt: r.undone_at,
    };
  });
}

export async function undoImportBatch(ctx: ServiceContext, batchId: number, job: JobControl): Promise<ChannelOutput<'import.undo'>> {
  job.progress(0, 1, 'undoing');
  // The customers the import touched, read before the undo removes what says so.
  let customerIds: number[] = [];
  const now = isoNow(ctx);
  const counts = await ctx.db.transaction((tx) => {
    customerIds = customersOfImport(tx, batchId);
    return undoImport(tx, batchId, now);
  });
  job.progress(1, 1, 'undoing');
  const classification = await reclassifyAfter(ctx, 'undo', batchId, customerIds, job);
  return { batchId, ...counts, classification };
}

export function failedRowsDownload(ctx: ServiceContext, batchId: number): ChannelOutput<'import.failedRows'> {
  const row = ctx.read.first(ctx.read.selectFrom('import_batches').select(['file_name', 'failed_csv', 'report']).where('id', '=', batchId));
  if (!row) throw new AppError('NOT_FOUND', `import ${batchId} does not exist`, { batchId });
  const csv = row.failed_csv ?? '\ufeff';
  const base = row.file_name.replace(/\.[^.]+$/, '');
  const failed = row.report ? ((JSON.parse(row.report) as { invalidRows?: number }).invalidRows ?? 0) : 0;
  return {
    fileName: `${base}-failed-rows.csv`,
    mime: 'text/csv',
    contentBase64: Buffer.from(csv, 'utf8').toString('base64'),
    rows: failed,
  };
}
