/**
 * ExportDesk CLI: the same engine and services as the app, from a terminal.
 *   npm run -s cli -- <command> [--db <file>] [--json]
 * Without --db it opens the app's own database. Errors go to stderr; the exit code is non-zero.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine } from '../main/engine/engine';
import { APP_VERSION } from '../shared/app-version';
import { IMPORT_KINDS, type ImportKind } from '../shared/domain/import';
import { RESULT_DIMENSIONS } from '../shared/domain/surveys';
import { AppError } from '../shared/errors';
import type { Channel, ChannelInput, ChannelOutput } from '../shared/ipc/contract';
import { dispatch } from '../shared/ipc/dispatch';
import { defaultDatabasePath } from './default-db-path';
import { printTable } from './print-table';

const USAGE = `usage: npm run -s cli -- <command> [options] [--db <file>] [--json]

commands:
  customers add --company <name> [--country <ISO-2>] [--industry <text>] [--email <address>]
                [--name <contact>] [--phone <text>] [--city <text>] [--owner <text>]
  customers list [--search <text>] [--country <ISO-2>] [--segment <slug>] [--tier A|B|C|none] [--limit <n>] [--json]
                            with --json each customer carries its classes (region, segment, R/F/M, tier, potential, lifecycle, churn…)
  stats [--json]            counts of customers, contacts, inquiries, orders; by region, continent, segment, tier, lifecycle
  classify [--json]         reclassify every customer now; prints customers per class and who moved since the last run
  followups list [--due overdue|today|upcoming|open|done] [--owner <name>] [--tz <IANA zone>] [--json]
                            follow-ups in your local days (zone: --tz, else this computer's)
  followups plan [--apply] [--tz <IANA zone>] [--json]
                            follow-ups the cadence rules propose (unanswered inquiries, quotations, tier rhythm); --apply plans them
  complaints list [--overdue] [--json]   open and past complaints; --overdue: past their response target
  surveys list [--json]     survey campaigns with how many were sent, answered and declined
  surveys results <campaignId> [--by overall|continent|region|country|industry|tier|segment|owner] [--json]
                            NPS and CSAT of a campaign ("all" for every campaign), overall and by the chosen dimension
  check [--full] [--json]   database integrity: quick_check (--full: integrity_check); exit code 1 when not sound
  backup [--out <file>] [--json]   a verified backup to <file> (must not exist), else into the backups folder beside the database
  backups list [--json]     the backups in the backups folder, newest first
  restore <file> [--json]   replace the database with a backup; the current database is kept beside it first
  generate --count <n> [--seed <n>]   fill the database with realistic sample customers
  import <file> [--kind auto|inquiries|customers|orders|leads] [--sheet <name>] [--abort-on-error] [--dry-run] [--json]
                            import a CSV/XLSX file (columns recognised from Chinese or English headers)
  imports list [--json]     the import history
  imports undo <batchId>    undo one import as a whole
  export customers|inquiries|orders --format csv|xlsx --out <file> [--search <text>] [--country <ISO-2>] [--lang en|zh-CN]`;

class UsageError extends Error {}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
      company: { type: 'string' },
      country: { type: 'string' },
      industry: { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
      phone: { type: 'string' },
      city: { type: 'string' },
      owner: { type: 'string' },
      search: { type: 'string' },
      limit: { type: 'string' },
      full: { type: 'boolean', default: false },
      count: { type: 'string' },
      seed: { type: 'string' },
      kind: { type: 'string' },
      sheet: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'abort-on-error': { type: 'boolean', default: false },
      format: { type: 'string' },
      out: { type: 'string' },
      lang: { type: 'string' },
      segment: { type: 'string' },
      due: { type: 'string' },
      overdue: { type: 'boolean', default: false },
      apply: { type: 'boolean', default: false },
      tz: { type: 'string' },
      tier: { type: 'string' },
      by: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

function int(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new UsageError(`--${name} must be a whole number`);
  return n;
}

export async function runCli(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (e) {
    err(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 2;
  }
  const { values: v, positionals } = args;
  // Commands are one or two words; what follows them is the command's argument (a file, a batch id).
  const twoWord = ['customers', 'imports', 'export', 'followups', 'complaints', 'surveys', 'backups'].includes(positionals[0] ?? '');
  const command = positionals.slice(0, twoWord ? 2 : 1).join(' ');
  const argument = positionals[twoWord ? 2 : 1];
  if (v.help || !command) {
    (v.help ? out : err)(USAGE);
    return v.help ? 0 : 2;
  }
  const known = ['customers add', 'customers list', 'stats', 'classify', 'followups list', 'followups plan', 'complaints list', 'surveys list', 'surveys results', 'check', 'generate', 'import', 'imports list', 'imports undo', 'export customers', 'export inquiries', 'export orders', 'backup', 'backups list', 'restore'];
  if (!known.includes(command)) {
    err(`unknown command: ${command}\n${USAGE}`);
    return 2;
  }
  const dbPath = resolve(v.db ?? defaultDatabasePath());
  let engine: Awaited<ReturnType<typeof createEngine>>;
  try {
    // These work on a damaged or too-new database too: they report it, list backups, or replace it.
    const recovery = ['check', 'restore', 'backups list'].includes(command);
    engine = await createEngine({ dbPath, mode: 'in-process', appVersion: APP_VERSION, recovery });
  } catch (e) {
    const code = e instanceof AppError ? e.code : 'DB_OPEN_FAILED';
    err(`error ${code}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  const call = async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const r = await dispatch(engine.call, channel, input);
    if (!r.ok) {
      const details = r.error.details ? ` ${JSON.stringify(r.error.details)}` : '';
      throw new AppError(r.error.code, `${r.error.message}${details}`);
    }
    return r.value as ChannelOutput<C>;
  };
  const print = (value: unknown, human: () => void) => (v.json ? out(JSON.stringify(value, null, 2)) : human());
  try {
    switch (command) {
      case 'customers add': {
        if (!v.company) throw new UsageError('--company is required');
        const contact = v.email || v.name || v.phone ? [{ email: v.email ?? '', name: v.name ?? '', phone: v.phone ?? '' }] : [];
        const c = await call('customers.create', {
          company: v.company,
          country: v.country ?? '',
          industry: v.industry ?? '',
          city: v.city ?? '',
          owner: v.owner ?? '',
          contacts: contact,
        });
        print(c, () => out(`created customer ${c.id}: ${c.company}${c.country ? ` (${c.country})` : ''}`));
        return 0;
      }
      case 'customers list': {
        const limit = int(v.limit, 'limit', 1000);
        const rows: ChannelOutput<'customers.list'>['rows'] = [];
        let after: ChannelInput<'customers.list'>['after'];
        while (rows.length < limit) {
          const page = await call('customers.list', {
            filter: {
              search: v.search ?? '',
              countries: v.country ? [v.country] : [],
              segments: v.segment ? [v.segment as never] : [],
              tiers: v.tier ? [v.tier as never] : [],
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
            rows.map((r) => ({ ...r, segment: r.classes.segment, tier: r.classes.tier, lifecycle: r.lifecycleOverride ?? r.lifecycleStage, churn: r.classes.churn })),
            ['id', 'company', 'country', 'industry', 'owner', 'segment', 'tier', 'lifecycle', 'churn'],
          ),
        );
        return 0;
      }
      case 'followups list': {
        const timeZone = v.tz ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
        const list = await call('followups.list', {
          bucket: (v.due ?? 'open') as never,
          timeZone,
          ...(v.owner !== undefined ? { owner: v.owner } : {}),
          limit: int(v.limit, 'limit', 1000),
        });
        print(list.items, () =>
          printTable(
            out,
            list.items.map((f) => ({ id: f.id, due: f.dueAt, type: f.type, company: f.company, owner: f.owner, note: f.note })),
            ['id', 'due', 'type', 'company', 'owner', 'note'],
          ),
        );
        return 0;
      }
      case 'followups plan': {
        const timeZone = v.tz ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
        const plan = await call('followups.plan', { timeZone, limit: int(v.limit, 'limit', 5000) });
        const applied = v.apply ? await call('followups.applyPlan', { timeZone, reasons: [] }) : null;
        print({ ...plan, planned: applied?.planned ?? 0 }, () => {
          printTable(out, plan.proposals, ['customerId', 'company', 'tier', 'owner', 'type', 'dueAt', 'reason']);
          out(`${plan.total} proposed (inquiry ${plan.byReason.inquiry ?? 0}, quotation ${plan.byReason.quotation ?? 0}, cadence ${plan.byReason.cadence ?? 0})${applied ? `; ${applied.planned} planned` : ''}`);
        });
        return 0;
      }
      case 'complaints list': {
        const list = await call('complaints.list', { overdueOnly: v.overdue, limit: int(v.limit, 'limit', 500) });
        print(list, () =>
          printTable(
            out,
            list.map((k) => ({ id: k.id, dueBy: k.dueBy, overdue: k.overdue ? 'yes' : '', severity: k.severity, status: k.status, company: k.company, owner: k.owner })),
            ['id', 'dueBy', 'overdue', 'severity', 'status', 'company', 'owner'],
          ),
        );
        return 0;
      }
      case 'surveys list': {
        const list = await call('surveys.campaigns', {});
        print(list, () =>
          printTable(
            out,
            list.map((c) => ({ id: c.id, created: c.createdAt.slice(0, 10), name: c.name, recipients: c.counts.total, sent: c.counts.sent, answered: c.counts.answered, declined: c.counts.declined })),
            ['id', 'created', 'name', 'recipients', 'sent', 'answered', 'declined'],
          ),
        );
        return 0;
      }
      case 'surveys results': {
        if (!argument) throw new UsageError('surveys results needs a campaign id (or "all")');
        const by = (v.by ?? 'overall') as (typeof RESULT_DIMENSIONS)[number];
        if (!RESULT_DIMENSIONS.includes(by)) throw new UsageError(`--by must be one of ${RESULT_DIMENSIONS.join(', ')}`);
        const results = await call('surveys.results', argument === 'all' ? { by } : { campaignId: int(argument, 'campaignId', 0), by });
        print(results, () => {
          const fmt = (n: number | null) => (n === null ? '–' : String(n));
          out(`responses ${results.overall.responses}; NPS ${fmt(results.overall.nps)} (${results.overall.promoters} promoters, ${results.overall.detractors} detractors of ${results.overall.npsCount}); CSAT ${fmt(results.overall.csatAvg)} (${results.overall.csatCount})`);
          if (by !== 'overall') {
            printTable(
              out,
              results.groups.map((g) => ({ [by]: g.key || '(none)', responses: g.responses, nps: fmt(g.nps), promoters: g.promoters, detractors: g.detractors, csat: fmt(g.csatAvg) })),
              [by, 'responses', 'nps', 'promoters', 'detractors', 'csat'],
            );
          }
        });
        return 0;
      }
      case 'classify': {
        const run = await call('classify.run', { trigger: 'manual' });
        print(run, () => {
          out(`classified ${run.customers} customers in ${run.durationMs} ms with rules v${run.rulesVersion}; ${run.moved} moved since the last run`);
          for (const [dimension, counts] of Object.entries(run.counts)) {
            out(`${dimension}: ${Object.entries(counts).map(([k, n]) => `${k} ${n}`).join(', ')}`);
            const moves = Object.entries(run.moves[dimension] ?? {});
            if (moves.length) out(`  moved: ${moves.map(([k, n]) => `${k} ${n}`).join(', ')}`);
          }
          const missing = Object.entries(run.missingRates);
          if (missing.length) out(`no exchange rate (orders left out of revenue): ${missing.map(([c, n]) => `${c} ${n}`).join(', ')}`);
        });
        return 0;
      }
      case 'stats': {
        const s = await call('stats.overview', {});
        print(s, () => {
          out(`customers ${s.customers} (archived ${s.archivedCustomers}), contacts ${s.contacts}, inquiries ${s.inquiries}, orders ${s.orders}`);
          printTable(out, s.byRegion.map((r) => ({ region: `${r.name.en} ${r.name.zh}`, customers: r.count })), ['region', 'customers']);
          for (const [label, counts] of [['segments', s.bySegment], ['tiers', s.byTier], ['lifecycle', s.byLifecycle], ['churn', s.byChurn]] as const) {
            out(`${label}: ${Object.entries(counts).map(([k, n]) => `${k} ${n}`).join(', ')}`);
          }
          if (s.lastRun) out(`last classified ${s.lastRun.startedAt} (rules v${s.lastRun.rulesVersion})`);
        });
        return 0;
      }
      case 'check': {
        const startup = engine.safety.state;
        if (startup.state !== 'ok') {
          const report = { ok: false, state: startup.state, code: startup.problem?.code ?? '', message: startup.problem?.message ?? '', problems: startup.problem?.details ?? [] };
          print(report, () => out(`NOT OK (${startup.state}): ${report.message}${report.problems.length ? `\n${report.problems.join('\n')}` : ''}`));
          return 1;
        }
        const c = await call('db.check', { full: v.full });
        print({ ...c, state: 'ok' }, () => out(c.ok ? `ok (${c.sizeBytes} bytes, schema ${c.schemaVersion})` : `NOT OK:\n${c.problems.join('\n')}`));
        return c.ok ? 0 : 1;
      }
      case 'backup': {
        const b = v.out ? engine.safety.backupTo(resolve(v.out)) : engine.safety.backupNow('manual');
        print(b, () => out(`backed up to ${b.path} (${b.sizeBytes} bytes, checked)`));
        return 0;
      }
      case 'backups list': {
        const list = await call('backups.list', {});
        print(list, () => {
          out(`backups folder: ${list.dir}`);
          printTable(out, list.backups.map((b) => ({ file: b.fileName, created: b.createdAt, reason: b.reason, bytes: b.sizeBytes })), ['file', 'created', 'reason', 'bytes']);
        });
        return 0;
      }
      case 'restore': {
        if (!argument) throw new UsageError('restore needs the backup file');
        const r = await engine.safety.restoreFrom(resolve(argument));
        print(r, () => out(`restored ${r.restoredFrom}${r.keptAsidePath ? `; the previous database was kept at ${r.keptAsidePath}` : ''}`));
        return 0;
      }
      case 'import': {
        if (!argument) throw new UsageError('import needs a file');
        const kind = v.kind ?? 'auto';
        if (!['auto', ...IMPORT_KINDS].includes(kind)) throw new UsageError(`--kind must be auto or one of ${IMPORT_KINDS.join(', ')}`);
        let bytes: Buffer;
        try {
          bytes = await readFile(argument);
        } catch (e) {
          throw new AppError('NOT_FOUND', `cannot read ${argument}: ${e instanceof Error ? e.message : String(e)}`);
        }
        const analysis = await call('import.analyze', { fileName: basename(argument), contentBase64: bytes.toString('base64'), ...(v.sheet ? { sheet: v.sheet } : {}) });
        const chosen = kind === 'auto' ? analysis.kind : (kind as ImportKind);
        const report = await call('import.commit', {
          fileId: analysis.fileId,
          kind: chosen,
          mapping: analysis.mapping,
          onError: v['abort-on-error'] ? 'abort' : 'skip',
          dryRun: v['dry-run'],
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
          out(`customers: ${report.customersCreated} new, ${report.customersMerged} existing; contacts ${report.contactsCreated}; inquiries ${report.inquiries}; orders ${report.orders}`);
          for (const e of report.errors.slice(0, 20)) out(`  row ${e.row}${e.column ? ` [${e.column}]` : ''}: ${e.code} ${e.message}`);
          if (report.errors.length > 20) out(`  … and ${report.errors.length - 20} more`);
          for (const i of report.findings.idIssues) {
            out(`IDs in column ${i.column}: ${i.rows} ${i.problem === 'scientific' ? 'in scientific notation' : i.problem === 'decimal' ? 'ending in .0' : i.problem === 'leadingZeros' ? 'without their leading zeros' : 'longer than 15 digits'}; ${i.recovered} recovered exactly, ${i.rows - i.recovered} imported without an ID`);
          }
          if (report.findings.idIssues.some((i) => i.recovered < i.rows)) out('  to keep IDs, save the file as XLSX or format the ID column as text before saving as CSV');
          for (const u of report.findings.unrecognised) out(`${u.field} not recognised, kept as written: "${u.text}" (${u.rows} rows)`);
          for (const p of report.possibleDuplicates.slice(0, 20)) out(`possible duplicate, kept apart: ${p.company} ~ ${p.other.company}`);
          if (report.batchId) out(`import ${report.batchId}; undo with: imports undo ${report.batchId}`);
        });
        return 0;
      }
      case 'imports list': {
        const list = await call('imports.list', {});
        print(list, () =>
          printTable(
            out,
            list.map((b) => ({ id: b.id, status: b.status, kind: b.kind, file: b.fileName, rows: b.counts?.rows ?? '', imported: b.counts?.imported ?? '', started: b.startedAt })),
            ['id', 'status', 'kind', 'file', 'rows', 'imported', 'started'],
          ),
        );
        return 0;
      }
      case 'imports undo': {
        const batchId = int(argument, 'batchId', 0);
        if (batchId < 1) throw new UsageError('imports undo needs the batch id (see imports list)');
        const r = await call('imports.undo', { batchId });
        print(r, () => out(`undid import ${batchId}: ${r.customersRemoved} customers removed, ${r.customersRestored} restored, ${r.inquiriesRemoved} inquiries and ${r.ordersRemoved} orders removed`));
        return 0;
      }
      case 'export customers':
      case 'export inquiries':
      case 'export orders': {
        const format = v.format ?? 'csv';
        if (format !== 'csv' && format !== 'xlsx') throw new UsageError('--format must be csv or xlsx');
        if (!v.out) throw new UsageError('--out <file> is required');
        const language = v.lang === 'zh-CN' ? 'zh-CN' : 'en';
        const file =
          command === 'export customers'
            ? await call('export.customers', { filter: { search: v.search ?? '', countries: v.country ? [v.country] : [] }, format, language })
            : command === 'export inquiries'
              ? await call('export.inquiries', { format, language })
              : await call('export.orders', { format, language });
        await writeFile(v.out, Buffer.from(file.contentBase64, 'base64'));
        print({ file: resolve(v.out), rows: file.rows }, () => out(`wrote ${file.rows} rows to ${resolve(v.out!)}`));
        return 0;
      }
      case 'generate': {
        const count = int(v.count, 'count', 0);
        if (count < 1) throw new UsageError('--count must be at least 1');
        const r = await call('sample.generate', { count, seed: int(v.seed, 'seed', 1) });
        print(r, () => out(`generated ${r.created} customers with ${r.contacts} contacts`));
        return 0;
      }
    }
    return 2;
  } catch (e) {
    if (e instanceof UsageError) {
      err(`${e.message}\n${USAGE}`);
      return 2;
    }
    const code = e instanceof AppError ? e.code : 'INTERNAL';
    err(`error ${code}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    await engine.close();
  }
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename);
if (isMain) {
  const code = await runCli(
    process.argv.slice(2),
    (s) => process.stdout.write(s + '\n'),
    (s) => process.stderr.write(s + '\n'),
  );
  process.exitCode = code;
}
