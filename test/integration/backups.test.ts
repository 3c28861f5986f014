import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine, type EngineOptions } from '../../src/main/engine/engine';
import { backupDirFor, backupFileName, createBackup, listBackups, verifyDatabaseFile } from '../../src/main/safety/backups';
import type { EngineEvent } from '../../src/shared/ipc/contract';
import { dispatch } from '../../src/shared/ipc/dispatch';
import { corruptPages } from '../support/corrupt-db';
import { dumpData } from '../support/dump';
import { tempDir } from '../support/temp-db';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function dbPath(name = 'safety.db'): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return join(t.dir, name);
}

async function engineOn(
  path: string,
  options: Partial<EngineOptions> = {},
): Promise<
  Engine & { raw(channel: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> }
> {
  const engine = await createEngine({ dbPath: path, mode: 'in-process', appVersion: 'test', ...options });
  cleanups.push(() => engine.close());
  return Object.assign(engine, { raw: (channel: string, input: unknown) => dispatch(engine.call, channel, input, {}, true) as never });
}

async function ok<T = unknown>(p: Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error?.code}: ${r.error?.message}`);
  return r.value as T;
}

/** Everything in the file, history and settings included: a restore replaces all of it. */
const fullDump = (e: Engine) => dumpData(e.database.readSqlite, []);

async function importFixture(e: Awaited<ReturnType<typeof engineOn>>, name: string, dryRun = false): Promise<{ batchId: number | null }> {
  const a = await ok<{ fileId: string; kind: string; mapping: unknown[] }>(
    e.raw('import.analyze', { fileName: name, contentBase64: readFileSync(join(FIXTURES, name)).toString('base64') }),
  );
  return ok(e.raw('import.commit', { fileId: a.fileId, kind: a.kind, mapping: a.mapping, dryRun }));
}

describe('backups', () => {
  it('backs up now into the backups folder, checked, and lists it with the last backup time', async () => {
    const path = dbPath();
    const e = await engineOn(path);
    await ok(e.raw('customers.create', { company: 'Atlas Imports', country: 'TR' }));
    const made = await ok<{ fileName: string; path: string; reason: string; sizeBytes: number }>(e.raw('backups.create', {}));
    expect(made.reason).toBe('manual');
    expect(made.path).toBe(join(backupDirFor(path), made.fileName));
    expect(verifyDatabaseFile(made.path)).toMatchObject({ ok: true });
    const list = await ok<{ dir: string; lastBackupAt: string; backups: { fileName: string; createdAt: string }[] }>(
      e.raw('backups.list', {}),
    );
    expect(list.dir).toBe(backupDirFor(path));
    expect(list.backups.map((b) => b.fileName)).toEqual([made.fileName]);
    expect(list.lastBackupAt).toBe(list.backups[0]?.createdAt);
    // No temporary file is left behind.
    expect(readdirSync(backupDirFor(path)).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });

  it('restore round trip: back up, change data, restore — the data equals the data at backup time; the replaced database is kept and can be restored back', async () => {
    const path = dbPath();
    const e = await engineOn(path);
    await importFixture(e, 'alibaba-orders-zh.csv');
    const c = await ok<{ id: number; version: number }>(
      e.raw('customers.create', { company: 'Kept Ltd', country: 'DE', contacts: [{ name: 'Anna', email: 'anna@kept.example' }] }),
    );
    const atBackup = fullDump(e);
    const backup = await ok<{ fileName: string }>(e.raw('backups.create', {}));

    // Change data in every way a user can.
    await ok(e.raw('customers.update', { id: c.id, version: c.version, patch: { company: 'Renamed Ltd' } }));
    await ok(e.raw('customers.create', { company: 'Added After Backup', country: 'FR' }));
    await importFixture(e, 'trade-fair-leads.csv');
    const changed = fullDump(e);
    expect(changed).not.toBe(atBackup);

    const restored = await ok<{ restoredFrom: string; keptAsidePath: string; schemaVersion: number }>(
      e.raw('backups.restore', { fileName: backup.fileName }),
    );
    expect(restored.restoredFrom).toBe(join(backupDirFor(path), backup.fileName));
    expect(restored.keptAsidePath).toMatch(/safety\.db\.before-restore-\d{4}-\d{2}-\d{2}T[\d-]+[+-]\d{4}\.sqlite$/);
    expect(fullDump(e)).toBe(atBackup);
    // The engine serves the restored data through every connection (search included).
    const found = await ok<{ rows: { company: string }[] }>(e.raw('customers.list', { filter: { search: 'Kept Ltd' } }));
    expect(found.rows.map((r) => r.company)).toEqual(['Kept Ltd']);

    // The database it replaced is whole, beside it, and restoring it undoes the restore.
    expect(verifyDatabaseFile(restored.keptAsidePath)).toMatchObject({ ok: true });
    const undo = await e.safety.restoreFrom(restored.keptAsidePath);
    expect(fullDump(e)).toBe(changed);
    expect(existsSync(undo.keptAsidePath as string)).toBe(true);
    expect((await ok<{ state: string }>(e.raw('safety.status', {}))).state).toBe('ok');
  });

  it('backs up before an import that writes (not before a dry run, not twice without a change)', async () => {
    const path = dbPath();
    const e = await engineOn(path);
    const reasons = () => listBackups(backupDirFor(path)).map((b) => b.reason);
    await importFixture(e, 'alibaba-orders-zh.csv', true);
    expect(reasons()).toEqual([]);
    await importFixture(e, 'alibaba-orders-zh.csv');
    expect(reasons()).toEqual(['import']);
    const first = listBackups(backupDirFor(path))[0]!;
    // The backup holds the database as it was before the import: no orders yet.
    const before = new Database(first.path, { readonly: true });
    expect(before.prepare('SELECT count(*) AS n FROM orders').get()).toEqual({ n: 0 });
    before.close();
    await importFixture(e, 'trade-fair-leads.csv');
    expect(reasons()).toEqual(['import', 'import']);
    const second = listBackups(backupDirFor(path))[0]!;
    const mid = new Database(second.path, { readonly: true });
    expect((mid.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n).toBeGreaterThan(0);
    mid.close();
    // Nothing changed since the last backup? An import of nothing new changes nothing… but the
    // previous import did, so a backup was due; a backup now is not.
    await ok(e.raw('backups.create', {}));
    await importFixture(e, 'trade-fair-leads.csv');
    expect(reasons().filter((r) => r === 'import')).toHaveLength(2);
  });

  it('can skip the backup before imports (bench)', async () => {
    const path = dbPath();
    const e = await engineOn(path, { backups: { beforeImport: false } });
    await importFixture(e, 'alibaba-orders-zh.csv');
    expect(listBackups(backupDirFor(path))).toEqual([]);
  });

  it('backs up on its schedule only when the data changed, and at close', async () => {
    const path = dbPath();
    const e = await engineOn(path, { backups: { intervalMs: 40, onClose: true } });
    const count = (reason: string) => listBackups(backupDirFor(path)).filter((b) => b.reason === reason).length;
    // A new database has never been backed up: the first tick does it.
    await expect.poll(() => count('scheduled'), { timeout: 5000 }).toBe(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(count('scheduled')).toBe(1);
    await ok(e.raw('customers.create', { company: 'Tick Ltd' }));
    await expect.poll(() => count('scheduled'), { timeout: 5000 }).toBe(2);
    await new Promise((r) => setTimeout(r, 200));
    expect(count('scheduled')).toBe(2);
    await ok(e.raw('customers.create', { company: 'Quit Ltd' }));
    // Stop the schedule first so the change is left for the backup at close.
    e.safety.stopSchedule();
    await e.close();
    expect(count('quit')).toBe(1);
    const last = new Database(listBackups(backupDirFor(path))[0]!.path, { readonly: true });
    expect(last.prepare(`SELECT company FROM customers ORDER BY id`).pluck().all()).toEqual(['Tick Ltd', 'Quit Ltd']);
    last.close();
  });

  it('keeps the rotation: at most the last 10 of one day, pre-migration backups aside', async () => {
    const path = dbPath();
    const e = await engineOn(path);
    await ok(e.raw('customers.create', { company: 'Rotating Ltd' }));
    createBackup(e.database.readSqlite, path, 'pre-migrate', new Date('2025-01-01T00:00:00Z'));
    for (let i = 0; i < 14; i++) createBackup(e.database.readSqlite, path, 'manual', new Date(Date.UTC(2025, 5, 15, 8, 0, i)));
    const list = listBackups(backupDirFor(path));
    expect(list.filter((b) => b.reason === 'manual')).toHaveLength(10);
    expect(list.filter((b) => b.reason === 'manual')[0]?.createdAt).toBe('2025-06-15T08:00:13.000Z');
    expect(list.filter((b) => b.reason === 'pre-migrate')).toHaveLength(1);
  });

  it('two databases in one folder: each lists and rotates only its own backups', async () => {
    const a = dbPath('a.db');
    const b = join(a, '..', 'b.db');
    const ea = await engineOn(a);
    const eb = await engineOn(b);
    createBackup(eb.database.readSqlite, b, 'manual', new Date(Date.UTC(2025, 0, 1)));
    for (let i = 0; i < 12; i++) createBackup(ea.database.readSqlite, a, 'manual', new Date(Date.UTC(2025, 5, 15, 8, 0, i)));
    expect((await ok<{ backups: unknown[] }>(ea.raw('backups.list', {}))).backups).toHaveLength(10);
    const listB = await ok<{ backups: { fileName: string }[] }>(eb.raw('backups.list', {}));
    expect(listB.backups.map((x) => x.fileName)).toEqual([backupFileName(b, 'manual', new Date(Date.UTC(2025, 0, 1)))]);
    const ofA = backupFileName(a, 'manual', new Date(Date.UTC(2025, 5, 15, 8, 0, 11)));
    expect((await eb.raw('backups.restore', { fileName: ofA })).error?.code).toBe('NOT_FOUND');
  });

  it('refuses to restore what is not a sound ExportDesk database, and changes nothing', async () => {
    const path = dbPath();
    const e = await engineOn(path);
    await ok(e.raw('customers.create', { company: 'Stays Ltd' }));
    const before = fullDump(e);
    const dir = join(path, '..');
    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, Buffer.alloc(10_000, 0x41));
    const other = join(dir, 'other.sqlite');
    const o = new Database(other);
    o.exec('CREATE TABLE t (x)');
    o.close();
    const future = join(dir, 'future.sqlite');
    await ok(e.raw('backups.create', {}));
    createBackup(e.database.readSqlite, path, 'manual', new Date(Date.now() + 1000), dir);
    const f = listBackups(dir)[0]!.path;
    const fdb = new Database(f);
    fdb.pragma('user_version = 9999');
    fdb.close();
    writeFileSync(future, readFileSync(f));
    for (const file of [junk, other, future, path, join(dir, 'missing.sqlite')]) {
      await expect(e.safety.restoreFrom(file), file).rejects.toMatchObject({ code: 'BACKUP_INVALID' });
    }
    expect((await e.raw('backups.restore', { fileName: '../safety.db' })).error?.code).toBe('INVALID_INPUT');
    expect((await e.raw('backups.restore', { fileName: 'nope-2025-01-01T00-00-00-000Z-manual.sqlite' })).error?.code).toBe('NOT_FOUND');
    expect(fullDump(e)).toBe(before);
    expect(readdirSync(dir).filter((n) => n.includes('before-restore'))).toEqual([]);
  });

  it('refuses to restore while a long job runs (BUSY), then restores once it is done', async () => {
    const path = dbPath();
    const events: EngineEvent[] = [];
    const e = await engineOn(path, { emit: (ev) => events.push(ev), progressIntervalMs: 0 });
    const backup = await ok<{ fileName: string }>(e.raw('backups.create', {}));
    const job = dispatch(e.call, 'sample.generate', { count: 3_000, batchSize: 100 }, { jobId: 'gen' });
    await expect.poll(() => events.some((ev) => ev.type === 'job.progress')).toBe(true);
    expect((await e.raw('backups.restore', { fileName: backup.fileName })).error?.code).toBe('BUSY');
    expect((await job).ok).toBe(true);
    await ok(e.raw('backups.restore', { fileName: backup.fileName }));
    expect((await ok<{ customers: number }>(e.raw('stats.overview', {}))).customers).toBe(0);
  });
});

describe('start-up check', () => {
  async function damagedWithBackup(): Promise<{ path: string; damaged: Buffer; backupAt: string }> {
    const path = dbPath('ExportDesk.db');
    const e = await createEngine({ dbPath: path, mode: 'in-process', appVersion: 'test' });
    await dispatch(e.call, 'sample.generate', { count: 300, seed: 3 });
    const b = e.safety.backupNow('manual');
    await e.close();
    return { path, damaged: corruptPages(path), backupAt: b.createdAt };
  }

  it('refuses a damaged file without recovery, and leaves it untouched', async () => {
    const { path, damaged } = await damagedWithBackup();
    await expect(createEngine({ dbPath: path, mode: 'in-process', appVersion: 'test' })).rejects.toMatchObject({ code: 'DB_CORRUPT' });
    expect(readFileSync(path).equals(damaged)).toBe(true);
  });

  it('in recovery, reports the damage, refuses other calls, restores the newest good backup and keeps the damaged file aside, byte for byte', async () => {
    const { path, damaged, backupAt } = await damagedWithBackup();
    // A newer backup that is itself damaged is passed over.
    const bad = join(
      backupDirFor(path),
      `ExportDesk-${new Date(Date.now() + 60_000).toISOString().replace(/[:.]/g, '-')}-scheduled.sqlite`,
    );
    writeFileSync(bad, damaged);
    const e = await engineOn(path, { recovery: true });
    const status = await ok<{ state: string; problem: { code: string }; newestGoodBackup: { createdAt: string }; keptAsidePath: null }>(
      e.raw('safety.status', {}),
    );
    expect(status).toMatchObject({
      state: 'corrupt',
      problem: { code: 'DB_CORRUPT' },
      newestGoodBackup: { createdAt: backupAt },
      keptAsidePath: null,
    });
    expect((await e.raw('customers.list', {})).error?.code).toBe('DB_CORRUPT');
    expect((await e.raw('backups.create', {})).error?.code).toBe('DB_CORRUPT');
    expect((await ok<{ backups: unknown[] }>(e.raw('backups.list', {}))).backups).toHaveLength(2);
    expect(readFileSync(path).equals(damaged)).toBe(true);

    const r = await ok<{ keptAsidePath: string }>(e.raw('safety.restoreLatest', {}));
    expect(r.keptAsidePath).toMatch(/ExportDesk\.db\.corrupt-.+\.sqlite$/);
    expect(readFileSync(r.keptAsidePath).equals(damaged)).toBe(true);
    expect(await ok(e.raw('safety.status', {}))).toMatchObject({ state: 'ok', problem: null, keptAsidePath: r.keptAsidePath });
    expect((await ok<{ customers: number }>(e.raw('stats.overview', {}))).customers).toBe(300);
    expect((await ok<{ ok: boolean }>(e.raw('db.check', { full: true }))).ok).toBe(true);
  });

  it('in recovery, can start with an empty database, keeping the damaged one aside', async () => {
    const { path, damaged } = await damagedWithBackup();
    const e = await engineOn(path, { recovery: true });
    const r = await ok<{ keptAsidePath: string }>(e.raw('safety.startEmpty', {}));
    expect(readFileSync(r.keptAsidePath).equals(damaged)).toBe(true);
    expect((await ok<{ customers: number }>(e.raw('stats.overview', {}))).customers).toBe(0);
  });

  it('a database from a newer app is refused with its own state, never migrated or changed', async () => {
    const path = dbPath();
    const e0 = await createEngine({ dbPath: path, mode: 'in-process', appVersion: 'test' });
    await e0.close();
    const raw = new Database(path);
    raw.prepare(`INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_from_the_future', 'x')`).run();
    raw.close();
    const before = readFileSync(path);
    const e = await engineOn(path, { recovery: true });
    expect(await ok(e.raw('safety.status', {}))).toMatchObject({ state: 'newer-version', problem: { code: 'DB_TOO_NEW' } });
    expect((await e.raw('customers.list', {})).error?.code).toBe('DB_TOO_NEW');
    await e.close();
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('a file that is not a database at all is reported as damaged', async () => {
    const path = dbPath();
    writeFileSync(path, Buffer.alloc(8192, 0x41));
    const e = await engineOn(path, { recovery: true });
    expect(await ok(e.raw('safety.status', {}))).toMatchObject({ state: 'corrupt', newestGoodBackup: null });
  });
});
