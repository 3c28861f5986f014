import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { runCli } from '../../src/cli/index';
import { tempDir } from '../support/temp-db';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(
    args,
    (s) => (out += s + '\n'),
    (s) => (err += s + '\n'),
  );
  return { code, out, err };
}

function dbFile(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return join(t.dir, 'sub', 'cli.db');
}

describe('CLI', () => {
  it('adds customers to a new database and shows them by country, region and continent', async () => {
    const db = dbFile();
    const a = await cli(
      'customers',
      'add',
      '--company',
      'Atlas Imports Co., Ltd',
      '--country',
      'tr',
      '--industry',
      'Lights & Lighting',
      '--email',
      'David@Atlas.example',
      '--db',
      db,
      '--json',
    );
    expect(a.code).toBe(0);
    expect(JSON.parse(a.out)).toMatchObject({ company: 'Atlas Imports Co., Ltd', country: 'TR', primaryEmail: 'david@atlas.example' });
    expect((await cli('customers', 'add', '--company', 'Eagle Lighting GmbH', '--country', 'DE', '--db', db)).code).toBe(0);
    const s = await cli('stats', '--json', '--db', db);
    expect(s.code).toBe(0);
    const stats = JSON.parse(s.out);
    expect(stats).toMatchObject({ customers: 2, contacts: 1, inquiries: 0, orders: 0, byCountry: { TR: 1, DE: 1 } });
    expect(stats.byRegion).toEqual(
      expect.arrayContaining([
        { code: '145', name: { en: 'Western Asia', zh: '西亚' }, count: 1 },
        { code: '155', name: { en: 'Western Europe', zh: '西欧' }, count: 1 },
      ]),
    );
    expect(stats.byContinent).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: '142', count: 1 }), expect.objectContaining({ code: '150', count: 1 })]),
    );
    const list = await cli('customers', 'list', '--json', '--db', db);
    expect(JSON.parse(list.out).map((c: { company: string }) => c.company)).toEqual(['Atlas Imports Co., Ltd', 'Eagle Lighting GmbH']);
    const check = await cli('check', '--json', '--db', db);
    expect(check.code).toBe(0);
    expect(JSON.parse(check.out)).toMatchObject({ ok: true, journalMode: 'wal', synchronous: 'FULL' });
  });

  it('reports bad input on stderr with a non-zero exit and writes nothing', async () => {
    const db = dbFile();
    const bad = await cli('customers', 'add', '--company', 'X', '--country', 'Germany', '--db', db);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/INVALID_INPUT/);
    expect(bad.out).toBe('');
    const missing = await cli('customers', 'add', '--db', db);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/--company is required/);
    expect((await cli('frobnicate', '--db', db)).code).toBe(2);
    expect((await cli('stats', '--bogus-flag', '--db', db)).code).toBe(2);
    const raw = new Database(db, { readonly: true });
    expect(raw.prepare('SELECT count(*) AS n FROM customers').get()).toEqual({ n: 0 });
    raw.close();
  });

  it('imports a file, lists and undoes imports, and exports customers', async () => {
    const db = dbFile();
    const fixture = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'online-retail-sample.csv');
    const dry = await cli('import', fixture, '--dry-run', '--json', '--db', db);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.out)).toMatchObject({
      kind: 'orders',
      rows: 183,
      skipped: 4,
      failed: 4,
      duplicates: 0,
      customersCreated: 14,
      dryRun: true,
      batchId: null,
    });
    const r = await cli('import', fixture, '--json', '--db', db);
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({
      kind: 'orders',
      rows: 183,
      imported: 179,
      merged: 0,
      skipped: 4,
      customersCreated: 14,
      customersMerged: 0,
    });
    expect(report.errors).toHaveLength(4);
    expect(report.errors[0]).toEqual({ row: 121, column: '', code: 'ROW_FIELD_COUNT', message: 'row has 7 fields, the header has 8' });
    const list = JSON.parse((await cli('imports', 'list', '--json', '--db', db)).out);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: report.batchId, status: 'committed', kind: 'orders', fileName: 'online-retail-sample.csv' });
    const out = join(db, '..', 'customers.xlsx');
    const exp = await cli('export', 'customers', '--format', 'xlsx', '--out', out, '--json', '--db', db);
    expect(JSON.parse(exp.out)).toMatchObject({ rows: 14 });
    expect((await cli('imports', 'undo', String(report.batchId), '--db', db)).code).toBe(0);
    expect(JSON.parse((await cli('stats', '--json', '--db', db)).out)).toMatchObject({ customers: 0, orders: 0 });
    const bad = await cli('import', '/no/such/file.csv', '--db', db);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/cannot read/);
    const kind = await cli('import', fixture, '--kind', 'bananas', '--db', db);
    expect(kind.code).toBe(2);
  });

  it('classifies: counts per class per dimension, moves since the last run, classes per customer', async () => {
    const db = dbFile();
    const fixture = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'alibaba-orders-zh.csv');
    expect((await cli('import', fixture, '--json', '--db', db)).code).toBe(0);
    const run = JSON.parse((await cli('classify', '--json', '--db', db)).out);
    expect(run).toMatchObject({ trigger: 'manual', rulesVersion: 1, customers: 109, moved: 0 });
    for (const dim of ['segment', 'tier', 'matrix', 'lifecycle', 'churn', 'suggestedPriority']) {
      expect(Object.values(run.counts[dim] as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(109);
    }
    // The order file has EUR and GBP orders: no rates are set, the reference table's count them.
    expect(run.missingRates).toEqual({});
    const human = await cli('classify', '--db', db);
    expect(human.out).toMatch(/classified 109 customers .* 0 moved since the last run/);
    expect(human.out).not.toMatch(/no exchange rate/);

    const tierA = JSON.parse((await cli('customers', 'list', '--tier', 'A', '--json', '--db', db)).out);
    expect(tierA.length).toBe(run.counts.tier.A);
    for (const c of tierA) {
      expect(c.classes).toMatchObject({ tier: 'A' });
      for (const key of [
        'continent',
        'region',
        'segment',
        'recencyDays',
        'frequency',
        'monetaryMinor',
        'rScore',
        'fScore',
        'mScore',
        'potential',
        'churn',
        'suggestedPriority',
      ]) {
        expect(c.classes).toHaveProperty(key);
      }
    }
    const stats = JSON.parse((await cli('stats', '--json', '--db', db)).out);
    expect(stats.bySegment).toEqual(run.counts.segment);
    expect(stats.byTier).toEqual(run.counts.tier);
    expect(stats.byContinent.reduce((s: number, c: { count: number }) => s + c.count, 0)).toBe(109);
    expect(stats.lastRun).toMatchObject({ id: run.id + 1, trigger: 'manual' }); // the human-readable run came after
    const bad = await cli('customers', 'list', '--tier', 'Z', '--db', db);
    expect(bad.code).toBe(1);
  });

  it('lists follow-ups in a given time zone, and complaints', async () => {
    const db = dbFile();
    const created = JSON.parse((await cli('customers', 'add', '--company', 'Atlas Imports', '--owner', 'Lily', '--json', '--db', db)).out);
    // Through the engine, as the app plans one: due in one hour.
    const { createEngine } = await import('../../src/main/engine/engine');
    const e = await createEngine({ dbPath: db, mode: 'in-process', appVersion: 'test' });
    const r = await e.call(
      'followups.create',
      {
        customerId: created.id,
        contactId: null,
        inquiryId: null,
        orderId: null,
        type: 'call',
        dueAt: new Date(Date.now() + 3_600_000).toISOString(),
        owner: '',
        note: 'Price list',
      },
      {},
    );
    expect(r.ok).toBe(true);
    await e.close();
    const open = JSON.parse((await cli('followups', 'list', '--due', 'open', '--tz', 'UTC', '--json', '--db', db)).out);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ company: 'Atlas Imports', owner: 'Lily', type: 'call', note: 'Price list', status: 'open' });
    const overdue = JSON.parse((await cli('followups', 'list', '--due', 'overdue', '--json', '--db', db)).out);
    expect(overdue).toEqual([]);
    const { createEngine: again } = await import('../../src/main/engine/engine');
    const e2 = await again({ dbPath: db, mode: 'in-process', appVersion: 'test' });
    await e2.call(
      'complaints.create',
      { customerId: created.id, category: 'quality', severity: 'low', description: 'Scratched housings' },
      {},
    );
    await e2.close();
    const complaints = JSON.parse((await cli('complaints', 'list', '--json', '--db', db)).out);
    expect(complaints).toHaveLength(1);
    expect(complaints[0]).toMatchObject({ severity: 'low', status: 'open', overdue: false, company: 'Atlas Imports' });
    expect(JSON.parse((await cli('complaints', 'list', '--overdue', '--json', '--db', db)).out)).toEqual([]);
    // The customer has an open follow-up, so the cadence proposes nothing for it.
    expect(JSON.parse((await cli('followups', 'plan', '--tz', 'UTC', '--json', '--db', db)).out)).toMatchObject({ total: 0, planned: 0 });
    const bad = await cli('followups', 'list', '--tz', 'Mars/Olympus', '--db', db);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/INVALID_INPUT/);
  });

  it('exits non-zero when the database is from a newer version', async () => {
    const db = dbFile();
    expect((await cli('stats', '--db', db)).code).toBe(0);
    const raw = new Database(db);
    raw.pragma('user_version = 9999');
    raw.close();
    const r = await cli('stats', '--db', db);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/DB_TOO_NEW/);
  });

  it('backs up to a file, lists backups, checks and restores (keeping the current database aside), also on a damaged database', async () => {
    const db = dbFile();
    expect((await cli('customers', 'add', '--company', 'Kept Imports', '--email', 'kept@example.com', '--db', db)).code).toBe(0);
    const out = join(db, '..', 'chosen', 'copy.sqlite');
    const b = await cli('backup', '--out', out, '--json', '--db', db);
    expect(b.code).toBe(0);
    expect(JSON.parse(b.out)).toMatchObject({ path: out, reason: 'manual' });
    expect((await cli('backup', '--out', out, '--db', db)).err).toMatch(/BACKUP_FAILED/); // never overwrites a file
    const inFolder = JSON.parse((await cli('backup', '--json', '--db', db)).out) as { fileName: string };
    const list = JSON.parse((await cli('backups', 'list', '--json', '--db', db)).out) as { dir: string; backups: { fileName: string }[] };
    expect(list.dir).toBe(join(db, '..', 'backups'));
    expect(list.backups.map((x) => x.fileName)).toEqual([inFolder.fileName]);

    expect((await cli('customers', 'add', '--company', 'Added Later', '--db', db)).code).toBe(0);
    const r = await cli('restore', out, '--json', '--db', db);
    expect(r.code).toBe(0);
    const restored = JSON.parse(r.out) as { keptAsidePath: string };
    expect(restored.keptAsidePath).toMatch(/cli\.db\.before-restore-.+\.sqlite$/);
    const companies = (await cli('customers', 'list', '--json', '--db', db)).out;
    expect(JSON.parse(companies).map((c: { company: string }) => c.company)).toEqual(['Kept Imports']);
    // The restore is undone by restoring the database it kept aside.
    expect((await cli('restore', restored.keptAsidePath, '--db', db)).code).toBe(0);
    expect(JSON.parse((await cli('customers', 'list', '--json', '--db', db)).out)).toHaveLength(2);

    // A damaged database: check says so (exit 1), other commands refuse, restore repairs it.
    const { corruptPages } = await import('../support/corrupt-db');
    corruptPages(db, 2, 8);
    const check = await cli('check', '--json', '--db', db);
    expect(check.code).toBe(1);
    expect(JSON.parse(check.out)).toMatchObject({ ok: false, state: 'corrupt', code: 'DB_CORRUPT' });
    expect((await cli('stats', '--db', db)).err).toMatch(/DB_CORRUPT/);
    expect((await cli('backups', 'list', '--json', '--db', db)).code).toBe(0);
    const repaired = await cli('restore', out, '--json', '--db', db);
    expect(repaired.code).toBe(0);
    expect(JSON.parse(repaired.out).keptAsidePath).toMatch(/cli\.db\.corrupt-.+\.sqlite$/);
    const ok = await cli('check', '--full', '--json', '--db', db);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ ok: true, state: 'ok' });
    expect((await cli('restore', join(db, '..', 'nope.sqlite'), '--db', db)).err).toMatch(/BACKUP_INVALID/);
    expect((await cli('restore', '--db', db)).code).toBe(2);
  });
});

describe('CLI commands from one table', () => {
  it('--help lists every command of the table; a command’s --help shows its own usage', async () => {
    const { COMMANDS } = await import('../../src/cli/commands');
    const help = await cli('--help');
    expect(help.code).toBe(0);
    for (const c of COMMANDS) expect(help.out).toContain(`  ${c.name} `);
    const one = await cli('imports', 'undo', '--help');
    expect(one.code).toBe(0);
    expect(one.out).toMatch(/^ {2}imports undo <batchId>/);
    expect(one.out).not.toContain('customers add');
  });

  it('an option the command does not take is an error naming the options it takes, and nothing is opened', async () => {
    const db = dbFile();
    const r = await cli('stats', '--company', 'Acme', '--db', db);
    expect(r.code).toBe(2);
    expect(r.err).toContain('stats does not take --company; it takes --db and --json');
    const i = await cli('imports', 'list', '--dry-run', '--db', db);
    expect(i.err).toContain('imports list does not take --dry-run');
    const known = await cli('export', 'orders', '--search', 'x', '--out', join(db, '..', 'o.csv'), '--db', db);
    expect(known.err).toContain('export orders does not take --search; it takes --format, --out, --lang, --db and --json');
    const { existsSync } = await import('node:fs');
    expect(existsSync(db), 'no database was created for a refused command').toBe(false);
  });

  it('the README shows only commands of the table, and every one of them', async () => {
    const { readFileSync } = await import('node:fs');
    const { COMMANDS } = await import('../../src/cli/commands');
    const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Command line'), readme.indexOf('\n## ', readme.indexOf('## Command line') + 5));
    const shown = [...section.matchAll(/npm run -s cli -- ([a-z]+)(?: ([a-z]+))?/g)].map((m) => {
      const two = `${m[1]} ${m[2] ?? ''}`.trim();
      return COMMANDS.some((c) => c.name === two) ? two : (m[1] as string);
    });
    for (const name of shown)
      expect(
        COMMANDS.map((c) => c.name),
        `README shows ${name}`,
      ).toContain(name);
    for (const c of COMMANDS) expect(section, `README lacks ${c.name}`).toContain(c.name);
  });
});
