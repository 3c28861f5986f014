import { readFile, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { IMPORT_KINDS, type ImportKind } from '../../shared/domain/import';
import { AppError } from '../../shared/errors';
import { printTable } from '../print-table';
import { command, int, UsageError, type Command } from '../command';

const exportCommand = (what: 'customers' | 'inquiries' | 'orders') =>
  command({
    name: `export ${what}`,
    usage: `--format csv|xlsx --out <file>${what === 'customers' ? ' [--search <text>] [--country <ISO-2>]' : ''} [--lang en|zh-CN]`,
    summary: `write ${what} to a CSV or XLSX file`,
    strings: what === 'customers' ? (['format', 'out', 'lang', 'search', 'country'] as const) : (['format', 'out', 'lang'] as const),
    async run({ opt, call, print, out }) {
      const o = opt as Readonly<Record<'format' | 'out' | 'lang' | 'search' | 'country', string | undefined>>;
      const format = o.format ?? 'csv';
      if (format !== 'csv' && format !== 'xlsx') throw new UsageError('--format must be csv or xlsx');
      if (!o.out) throw new UsageError('--out <file> is required');
      const language = o.lang === 'zh-CN' ? 'zh-CN' : 'en';
      const file =
        what === 'customers'
          ? await call('export.customers', {
              filter: { search: o.search ?? '', countries: o.country ? [o.country] : [] },
              format,
              language,
            })
          : what === 'inquiries'
            ? await call('export.inquiries', { format, language })
            : await call('export.orders', { format, language });
      const path = resolve(o.out);
      await writeFile(path, Buffer.from(file.contentBase64, 'base64'));
      print({ file: path, rows: file.rows }, () => out(`wrote ${file.rows} rows to ${path}`));
      return 0;
    },
  });

/** Import and export. */
export const importExportCommands: readonly Command[] = [
  command({
    name: 'generate',
    usage: '--count <n> [--seed <n>]',
    summary: 'fill the database with realistic sample customers',
    strings: ['count', 'seed'],
    async run({ opt, call, print, out }) {
      const count = int(opt.count, 'count', 0);
      if (count < 1) throw new UsageError('--count must be at least 1');
      const r = await call('sample.generate', { count, seed: int(opt.seed, 'seed', 1) });
      print(r, () => out(`generated ${r.created} customers with ${r.contacts} contacts`));
      return 0;
    },
  }),
  command({
    name: 'import',
    usage: `<file> [--kind auto|${IMPORT_KINDS.join('|')}] [--sheet <name>] [--abort-on-error] [--dry-run]`,
    summary: 'import a CSV/XLSX/XLS/ODS file (columns recognised from Chinese or English headers)',
    strings: ['kind', 'sheet'],
    flags: ['abort-on-error', 'dry-run'],
    async run({ opt, flag, argument, call, print, out }) {
      if (!argument) throw new UsageError('import needs a file');
      const kind = opt.kind ?? 'auto';
      if (!['auto', ...IMPORT_KINDS].includes(kind)) throw new UsageError(`--kind must be auto or one of ${IMPORT_KINDS.join(', ')}`);
      let bytes: Buffer;
      try {
        bytes = await readFile(argument);
      } catch (e) {
        throw new AppError('NOT_FOUND', `cannot read ${argument}: ${e instanceof Error ? e.message : String(e)}`);
      }
      const analysis = await call('import.analyze', {
        fileName: basename(argument),
        contentBase64: bytes.toString('base64'),
        ...(opt.sheet ? { sheet: opt.sheet } : {}),
      });
      const chosen = kind === 'auto' ? analysis.kind : (kind as ImportKind);
      const report = await call('import.commit', {
        fileId: analysis.fileId,
        kind: chosen,
        mapping: analysis.mapping,
        onError: flag['abort-on-error'] ? 'abort' : 'skip',
        dryRun: flag['dry-run'],
      });
      const summary = {
        kind: report.kind,
        rows: report.rows,
        imported: report.imported,
        merged: report.merged,
        duplicates: report.duplicates,
        failed: report.failed,
        skipped: report.skipped,
        customersCreated: report.customersCreated,
        customersMerged: report.customersMerged,
        contactsCreated: report.contactsCreated,
        inquiries: report.inquiries,
        orders: report.orders,
        batchId: report.batchId,
        dryRun: report.dryRun,
        durationMs: report.durationMs,
        errors: report.errors.map((e) => ({ row: e.row, column: e.column, code: e.code, message: e.message })),
        findings: report.findings,
        possibleDuplicates: report.possibleDuplicates.map((p) => ({ company: p.company, resembles: p.other.company })),
      };
      print(summary, () => {
        out(
          `${report.dryRun ? '(dry run, nothing saved) ' : ''}${report.kind}: ${report.rows} rows read: ${report.imported} imported, ${report.merged} merged into existing customers, ${report.duplicates} already there, ${report.failed} with problems`,
        );
        out(
          `customers: ${report.customersCreated} new, ${report.customersMerged} existing; contacts ${report.contactsCreated}; inquiries ${report.inquiries}; orders ${report.orders}`,
        );
        for (const e of report.errors.slice(0, 20)) out(`  row ${e.row}${e.column ? ` [${e.column}]` : ''}: ${e.code} ${e.message}`);
        if (report.errors.length > 20) out(`  … and ${report.errors.length - 20} more`);
        for (const i of report.findings.idIssues) {
          out(
            `IDs in column ${i.column}: ${i.rows} ${i.problem === 'scientific' ? 'in scientific notation' : i.problem === 'decimal' ? 'ending in .0' : i.problem === 'leadingZeros' ? 'without their leading zeros' : 'longer than 15 digits'}; ${i.recovered} recovered exactly, ${i.rows - i.recovered} imported without an ID`,
          );
        }
        if (report.findings.idIssues.some((i) => i.recovered < i.rows))
          out('  to keep IDs, save the file as XLSX or format the ID column as text before saving as CSV');
        for (const u of report.findings.unrecognised) out(`${u.field} not recognised, kept as written: "${u.text}" (${u.rows} rows)`);
        for (const p of report.possibleDuplicates.slice(0, 20)) out(`possible duplicate, kept apart: ${p.company} ~ ${p.other.company}`);
        if (report.batchId) out(`import ${report.batchId}; undo with: imports undo ${report.batchId}`);
      });
      return 0;
    },
  }),
  command({
    name: 'imports list',
    summary: 'the import history',
    async run({ call, print, out }) {
      const list = await call('import.history', {});
      print(list, () =>
        printTable(
          out,
          list.map((b) => ({
            id: b.id,
            status: b.status,
            kind: b.kind,
            file: b.fileName,
            rows: b.counts?.rows ?? '',
            imported: b.counts?.imported ?? '',
            started: b.startedAt,
          })),
          ['id', 'status', 'kind', 'file', 'rows', 'imported', 'started'],
        ),
      );
      return 0;
    },
  }),
  command({
    name: 'imports undo',
    usage: '<batchId>',
    summary: 'undo one import as a whole',
    async run({ argument, call, print, out }) {
      const batchId = int(argument, 'batchId', 0);
      if (batchId < 1) throw new UsageError('imports undo needs the batch id (see imports list)');
      const r = await call('import.undo', { batchId });
      print(r, () =>
        out(
          `undid import ${batchId}: ${r.customersRemoved} customers removed, ${r.customersRestored} restored, ${r.inquiriesRemoved} inquiries and ${r.ordersRemoved} orders removed`,
        ),
      );
      return 0;
    },
  }),
  exportCommand('customers'),
  exportCommand('inquiries'),
  exportCommand('orders'),
];
