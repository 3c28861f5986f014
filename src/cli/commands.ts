/**
 * The CLI's commands, one entry each: its words, its usage, what it does, its own options and
 * how it runs. `--help`, the option check and the README's CLI section (a test keeps them in
 * step) come from this table.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Engine } from '../main/engine/engine';
import { IMPORT_KINDS, type ImportKind } from '../shared/domain/import';
import { RESULT_DIMENSIONS } from '../shared/domain/surveys';
import { AppError } from '../shared/errors';
import type { Channel, ChannelInput, ChannelOutput } from '../shared/ipc/contract';
import { printTable } from './print-table';

export class UsageError extends Error {}

/** What a command runs with: its own options (typed by the names it declares), its argument and the engine. */
export interface CliContext<S extends string, B extends string> {
  /** The command's string options as given (undefined when not given). */
  opt: Readonly<Record<S, string | undefined>>;
  /** The command's boolean options (false when not given). */
  flag: Readonly<Record<B, boolean>>;
  /** What follows the command's words (a file, a batch id). */
  argument: string | undefined;
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** JSON with --json, else the human form. */
  print(value: unknown, human: () => void): void;
  out(s: string): void;
  engine: Engine;
}

export interface Command {
  /** One or two words: `stats`, `customers add`. */
  name: string;
  /** Its argument and options, as in the usage text. */
  usage: string;
  summary: string;
  strings: readonly string[];
  flags: readonly string[];
  /** Also runs on a damaged or too-new database (it reports it, lists backups or replaces it). */
  recovery: boolean;
  run(ctx: CliContext<string, string>): Promise<number>;
}

function command<S extends string = never, B extends string = never>(c: {
  name: string;
  usage?: string;
  summary: string;
  strings?: readonly S[];
  flags?: readonly B[];
  recovery?: boolean;
  run(ctx: CliContext<S, B>): Promise<number>;
}): Command {
  return {
    name: c.name,
    usage: c.usage ?? '',
    summary: c.summary,
    strings: c.strings ?? [],
    flags: c.flags ?? [],
    recovery: c.recovery ?? false,
    run: c.run as Command['run'],
  };
}

export function int(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new UsageError(`--${name} must be a whole number`);
  return n;
}

const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

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

export const COMMANDS: readonly Command[] = [
  command({
    name: 'customers add',
    usage:
      '--company <name> [--country <ISO-2>] [--industry <text>] [--email <address>] [--name <contact>] [--phone <text>] [--city <text>] [--owner <text>]',
    summary: 'add a customer (with a contact when --email, --name or --phone is given)',
    strings: ['company', 'country', 'industry', 'email', 'name', 'phone', 'city', 'owner'],
    async run({ opt, call, print, out }) {
      if (!opt.company) throw new UsageError('--company is required');
      const contact = opt.email || opt.name || opt.phone ? [{ email: opt.email ?? '', name: opt.name ?? '', phone: opt.phone ?? '' }] : [];
      const c = await call('customers.create', {
        company: opt.company,
        country: opt.country ?? '',
        industry: opt.industry ?? '',
        city: opt.city ?? '',
        owner: opt.owner ?? '',
        contacts: contact,
      });
      print(c, () => out(`created customer ${c.id}: ${c.company}${c.country ? ` (${c.country})` : ''}`));
      return 0;
    },
  }),
  command({
    name: 'customers list',
    usage: '[--search <text>] [--country <ISO-2>] [--segment <slug>] [--tier A|B|C|none] [--limit <n>]',
    summary: 'customers; with --json each carries its classes (region, segment, R/F/M, tier, potential, lifecycle, churn…)',
    strings: ['search', 'country', 'segment', 'tier', 'limit'],
    async run({ opt, call, print, out }) {
      const limit = int(opt.limit, 'limit', 1000);
      const rows: ChannelOutput<'customers.list'>['rows'] = [];
      let after: ChannelInput<'customers.list'>['after'];
      while (rows.length < limit) {
        const page = await call('customers.list', {
          filter: {
            search: opt.search ?? '',
            countries: opt.country ? [opt.country] : [],
            segments: opt.segment ? [opt.segment as never] : [],
            tiers: opt.tier ? [opt.tier as never] : [],
          },
          limit: Math.min(1000, limit - rows.length),
          ...(after ? { after } : {}),
        });
        rows.push(...page.rows);
        if (!page.nextCursor) break;
        after = page.nextCursor;
      }
      print(rows, () =>
        printTable(
          out,
          rows.map((r) => ({
            ...r,
            segment: r.classes.segment,
            tier: r.classes.tier,
            lifecycle: r.lifecycleOverride ?? r.lifecycleStage,
            churn: r.classes.churn,
          })),
          ['id', 'company', 'country', 'industry', 'owner', 'segment', 'tier', 'lifecycle', 'churn'],
        ),
      );
      return 0;
    },
  }),
  command({
    name: 'stats',
    summary: 'counts of customers, contacts, inquiries, orders; by region, continent, segment, tier, lifecycle',
    async run({ call, print, out }) {
      const s = await call('stats.overview', {});
      print(s, () => {
        out(
          `customers ${s.customers} (archived ${s.archivedCustomers}), contacts ${s.contacts}, inquiries ${s.inquiries}, orders ${s.orders}`,
        );
        printTable(
          out,
          s.byRegion.map((r) => ({ region: `${r.name.en} ${r.name.zh}`, customers: r.count })),
          ['region', 'customers'],
        );
        for (const [label, counts] of [
          ['segments', s.bySegment],
          ['tiers', s.byTier],
          ['lifecycle', s.byLifecycle],
          ['churn', s.byChurn],
        ] as const) {
          out(
            `${label}: ${Object.entries(counts)
              .map(([k, n]) => `${k} ${n}`)
              .join(', ')}`,
          );
        }
        if (s.lastRun) out(`last classified ${s.lastRun.startedAt} (rules v${s.lastRun.rulesVersion})`);
      });
      return 0;
    },
  }),
  command({
    name: 'classify',
    summary: 'reclassify every customer now; prints customers per class and who moved since the last run',
    async run({ call, print, out }) {
      const run = await call('classify.run', { trigger: 'manual' });
      print(run, () => {
        out(
          `classified ${run.customers} customers in ${run.durationMs} ms with rules v${run.rulesVersion}; ${run.moved} moved since the last run`,
        );
        for (const [dimension, counts] of Object.entries(run.counts)) {
          out(
            `${dimension}: ${Object.entries(counts)
              .map(([k, n]) => `${k} ${n}`)
              .join(', ')}`,
          );
          const moves = Object.entries(run.moves[dimension] ?? {});
          if (moves.length) out(`  moved: ${moves.map(([k, n]) => `${k} ${n}`).join(', ')}`);
        }
        const missing = Object.entries(run.missingRates);
        if (missing.length) out(`no exchange rate (orders left out of revenue): ${missing.map(([c, n]) => `${c} ${n}`).join(', ')}`);
      });
      return 0;
    },
  }),
  command({
    name: 'followups list',
    usage: '[--due overdue|today|upcoming|open|done] [--owner <name>] [--tz <IANA zone>] [--limit <n>]',
    summary: "follow-ups in your local days (zone: --tz, else this computer's)",
    strings: ['due', 'owner', 'tz', 'limit'],
    async run({ opt, call, print, out }) {
      const list = await call('followups.list', {
        bucket: (opt.due ?? 'open') as never,
        timeZone: opt.tz ?? localZone(),
        ...(opt.owner !== undefined ? { owner: opt.owner } : {}),
        limit: int(opt.limit, 'limit', 1000),
      });
      print(list.items, () =>
        printTable(
          out,
          list.items.map((f) => ({ id: f.id, due: f.dueAt, type: f.type, company: f.company, owner: f.owner, note: f.note })),
          ['id', 'due', 'type', 'company', 'owner', 'note'],
        ),
      );
      return 0;
    },
  }),
  command({
    name: 'followups plan',
    usage: '[--apply] [--tz <IANA zone>] [--limit <n>]',
    summary: 'follow-ups the cadence rules propose (unanswered inquiries, quotations, tier rhythm); --apply plans them',
    strings: ['tz', 'limit'],
    flags: ['apply'],
    async run({ opt, flag, call, print, out }) {
      const timeZone = opt.tz ?? localZone();
      const plan = await call('followups.plan', { timeZone, limit: int(opt.limit, 'limit', 5000) });
      const applied = flag.apply ? await call('followups.applyPlan', { timeZone, reasons: [] }) : null;
      print({ ...plan, planned: applied?.planned ?? 0 }, () => {
        printTable(out, plan.proposals, ['customerId', 'company', 'tier', 'owner', 'type', 'dueAt', 'reason']);
        out(
          `${plan.total} proposed (inquiry ${plan.byReason.inquiry ?? 0}, quotation ${plan.byReason.quotation ?? 0}, cadence ${plan.byReason.cadence ?? 0})${applied ? `; ${applied.planned} planned` : ''}`,
        );
      });
      return 0;
    },
  }),
  command({
    name: 'complaints list',
    usage: '[--overdue] [--limit <n>]',
    summary: 'open and past complaints; --overdue: past their response target',
    strings: ['limit'],
    flags: ['overdue'],
    async run({ opt, flag, call, print, out }) {
      const list = await call('complaints.list', { overdueOnly: flag.overdue, limit: int(opt.limit, 'limit', 500) });
      print(list, () =>
        printTable(
          out,
          list.map((k) => ({
            id: k.id,
            dueBy: k.dueBy,
            overdue: k.overdue ? 'yes' : '',
            severity: k.severity,
            status: k.status,
            company: k.company,
            owner: k.owner,
          })),
          ['id', 'dueBy', 'overdue', 'severity', 'status', 'company', 'owner'],
        ),
      );
      return 0;
    },
  }),
  command({
    name: 'surveys list',
    summary: 'survey campaigns with how many were sent, answered and declined',
    async run({ call, print, out }) {
      const list = await call('surveys.campaigns', {});
      print(list, () =>
        printTable(
          out,
          list.map((c) => ({
            id: c.id,
            created: c.createdAt.slice(0, 10),
            name: c.name,
            recipients: c.counts.total,
            sent: c.counts.sent,
            answered: c.counts.answered,
            declined: c.counts.declined,
          })),
          ['id', 'created', 'name', 'recipients', 'sent', 'answered', 'declined'],
        ),
      );
      return 0;
    },
  }),
  command({
    name: 'surveys results',
    usage: `<campaignId|all> [--by ${RESULT_DIMENSIONS.join('|')}]`,
    summary: 'NPS and CSAT of a campaign ("all" for every campaign), overall and by the chosen dimension',
    strings: ['by'],
    async run({ opt, argument, call, print, out }) {
      if (!argument) throw new UsageError('surveys results needs a campaign id (or "all")');
      const by = (opt.by ?? 'overall') as (typeof RESULT_DIMENSIONS)[number];
      if (!RESULT_DIMENSIONS.includes(by)) throw new UsageError(`--by must be one of ${RESULT_DIMENSIONS.join(', ')}`);
      const results = await call('surveys.results', argument === 'all' ? { by } : { campaignId: int(argument, 'campaignId', 0), by });
      print(results, () => {
        const fmt = (n: number | null) => (n === null ? '–' : String(n));
        out(
          `responses ${results.overall.responses}; NPS ${fmt(results.overall.nps)} (${results.overall.promoters} promoters, ${results.overall.detractors} detractors of ${results.overall.npsCount}); CSAT ${fmt(results.overall.csatAvg)} (${results.overall.csatCount})`,
        );
        if (by !== 'overall') {
          printTable(
            out,
            results.groups.map((g) => ({
              [by]: g.key || '(none)',
              responses: g.responses,
              nps: fmt(g.nps),
              promoters: g.promoters,
              detractors: g.detractors,
              csat: fmt(g.csatAvg),
            })),
            [by, 'responses', 'nps', 'promoters', 'detractors', 'csat'],
          );
        }
      });
      return 0;
    },
  }),
  command({
    name: 'check',
    usage: '[--full]',
    summary: 'database integrity: quick_check (--full: integrity_check); exit code 1 when not sound',
    flags: ['full'],
    recovery: true,
    async run({ flag, engine, call, print, out }) {
      const startup = engine.safety.state;
      if (startup.state !== 'ok') {
        const report = {
          ok: false,
          state: startup.state,
          code: startup.problem?.code ?? '',
          message: startup.problem?.message ?? '',
          problems: startup.problem?.details ?? [],
        };
        print(report, () =>
          out(`NOT OK (${startup.state}): ${report.message}${report.problems.length ? `\n${report.problems.join('\n')}` : ''}`),
        );
        return 1;
      }
      const c = await call('db.check', { full: flag.full });
      print({ ...c, state: 'ok' }, () =>
        out(c.ok ? `ok (${c.sizeBytes} bytes, schema ${c.schemaVersion})` : `NOT OK:\n${c.problems.join('\n')}`),
      );
      return c.ok ? 0 : 1;
    },
  }),
  command({
    name: 'backup',
    usage: '[--out <file>]',
    summary: 'a verified backup to <file> (must not exist), else into the backups folder beside the database',
    strings: ['out'],
    async run({ opt, engine, print, out }) {
      const b = opt.out ? engine.safety.backupTo(resolve(opt.out)) : engine.safety.backupNow('manual');
      print(b, () => out(`backed up to ${b.path} (${b.sizeBytes} bytes, checked)`));
      return 0;
    },
  }),
  command({
    name: 'backups list',
    summary: 'the backups in the backups folder, newest first',
    recovery: true,
    async run({ call, print, out }) {
      const list = await call('backups.list', {});
      print(list, () => {
        out(`backups folder: ${list.dir}`);
        printTable(
          out,
          list.backups.map((b) => ({ file: b.fileName, created: b.createdAt, reason: b.reason, bytes: b.sizeBytes })),
          ['file', 'created', 'reason', 'bytes'],
        );
      });
      return 0;
    },
  }),
  command({
    name: 'restore',
    usage: '<file>',
    summary: 'replace the database with a backup; the current database is kept beside it first',
    recovery: true,
    async run({ argument, engine, print, out }) {
      if (!argument) throw new UsageError('restore needs the backup file');
      const r = await engine.safety.restoreFrom(resolve(argument));
      print(r, () => out(`restored ${r.restoredFrom}${r.keptAsidePath ? `; the previous database was kept at ${r.keptAsidePath}` : ''}`));
      return 0;
    },
  }),
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

/** Options every command takes. */
export const GLOBAL_OPTIONS = { db: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

function wrap(text: string, width: number, indent: string, rest = indent): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l, i) => (i === 0 ? indent : rest) + l);
}

/** One command's usage: its words, argument and options, then what it does. */
export function commandUsage(c: Command): string {
  return [...wrap(`${c.name}${c.usage ? ` ${c.usage}` : ''} [--json]`, 110, '  ', '      '), ...wrap(c.summary, 100, '      ')].join('\n');
}

export function usage(): string {
  return [`usage: npm run -s cli -- <command> [options] [--db <file>] [--json]`, '', 'commands:', ...COMMANDS.map(commandUsage)].join('\n');
}
