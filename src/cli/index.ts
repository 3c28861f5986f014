/**
 * ExportDesk CLI: the same engine and services as the app, from a terminal.
 *   npm run -s cli -- <command> [--db <file>] [--json]
 * Without --db it opens the app's own database. Errors go to stderr; the exit code is non-zero.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine } from '../main/engine/engine';
import { APP_VERSION } from '../shared/app-version';
import { AppError } from '../shared/errors';
import type { Channel, ChannelInput, ChannelOutput } from '../shared/ipc/contract';
import { dispatch } from '../shared/ipc/dispatch';
import { defaultDatabasePath } from './default-db-path';
import { printTable } from './print-table';

const USAGE = `usage: npm run -s cli -- <command> [options] [--db <file>] [--json]

commands:
  customers add --company <name> [--country <ISO-2>] [--industry <text>] [--email <address>]
                [--name <contact>] [--phone <text>] [--city <text>] [--owner <text>]
  customers list [--search <text>] [--country <ISO-2>] [--limit <n>] [--json]
  stats [--json]            counts of customers, contacts, inquiries, orders; by country and region
  check [--full] [--json]   database integrity (exit code 1 when not sound)
  generate --count <n> [--seed <n>]   fill the database with realistic sample customers`;

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
  const command = positionals.join(' ');
  if (v.help || !command) {
    (v.help ? out : err)(USAGE);
    return v.help ? 0 : 2;
  }
  const known = ['customers add', 'customers list', 'stats', 'check', 'generate'];
  if (!known.includes(command)) {
    err(`unknown command: ${command}\n${USAGE}`);
    return 2;
  }
  const dbPath = resolve(v.db ?? defaultDatabasePath());
  let engine: Awaited<ReturnType<typeof createEngine>>;
  try {
    engine = await createEngine({ dbPath, mode: 'in-process', appVersion: APP_VERSION });
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
            filter: { search: v.search ?? '', countries: v.country ? [v.country] : [] },
            limit: Math.min(1000, limit - rows.length),
            ...(after ? { after } : {}),
          });
          rows.push(...page.rows);
          if (!page.nextCursor) break;
          after = page.nextCursor;
        }
        print(rows, () => printTable(out, rows, ['id', 'company', 'country', 'industry', 'owner', 'primaryEmail']));
        return 0;
      }
      case 'stats': {
        const s = await call('stats.overview', {});
        print(s, () => {
          out(`customers ${s.customers} (archived ${s.archivedCustomers}), contacts ${s.contacts}, inquiries ${s.inquiries}, orders ${s.orders}`);
          printTable(out, s.byRegion.map((r) => ({ region: `${r.name.en} ${r.name.zh}`, customers: r.count })), ['region', 'customers']);
        });
        return 0;
      }
      case 'check': {
        const c = await call('db.check', { full: v.full });
        print(c, () => out(c.ok ? `ok (${c.sizeBytes} bytes, schema ${c.schemaVersion})` : `NOT OK:\n${c.problems.join('\n')}`));
        return c.ok ? 0 : 1;
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
