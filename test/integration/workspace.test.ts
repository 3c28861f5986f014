import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine, type EngineOptions } from '../../src/main/engine/engine';
import { resolveDbPath } from '../../src/main/platform/paths';
import { backupDirFor, listBackups } from '../../src/main/safety/backups';
import { readLocationFile } from '../../src/main/workspace/location-file';
import type { WorkspaceStatus } from '../../src/shared/domain/workspace';
import type { EngineEvent } from '../../src/shared/ipc/contract';
import { dispatch } from '../../src/shared/ipc/dispatch';
import { tempDir } from '../support/temp-db';

type Raw = { ok: boolean; value?: unknown; error?: { code: string; message: string; details?: unknown } };
type TestEngine = Engine & { raw(channel: string, input?: unknown, jobId?: string): Promise<Raw> };

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function folder(): string {
  const t = tempDir('exportdesk-ws-');
  cleanups.push(t.cleanup);
  return t.dir;
}

async function engineOn(path: string, options: Partial<EngineOptions> = {}): Promise<TestEngine> {
  const engine = await createEngine({ dbPath: path, mode: 'in-process', appVersion: 'test', ...options });
  cleanups.push(() => engine.close());
  return Object.assign(engine, {
    raw: (channel: string, input: unknown = {}, jobId?: string) =>
      dispatch(engine.call, channel, input, jobId ? { jobId } : {}, true) as Promise<Raw>,
  });
}

async function ok<T = unknown>(p: Promise<Raw>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error?.code}: ${r.error?.message}`);
  return r.value as T;
}

/** Rows of a database file read through a connection of its own (not the engine's). */
function countRows(path: string, table = 'customers'): number {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

async function customersIn(e: TestEngine): Promise<{ total: number; companies: string[] }> {
  const page = await ok<{ total: number; rows: { company: string }[] }>(e.raw('customers.list', { limit: 1000, withTotal: true }));
  return { total: page.total, companies: page.rows.map((r) => r.company) };
}

async function mainWithCustomers(dir: string, names = ['Atlas Imports', 'Eagle Lighting GmbH']): Promise<{ path: string; e: TestEngine }> {
  const path = join(dir, 'ExportDesk.db');
  const e = await engineOn(path);
  for (const company of names) await ok(e.raw('customers.create', { company, country: 'DE' }));
  return { path, e };
}

describe('workspaces: the sample database', () => {
  it('status of a new, empty main database: main, empty, no sample', async () => {
    const dir = folder();
    const e = await engineOn(join(dir, 'ExportDesk.db'));
    const status = await ok<WorkspaceStatus>(e.raw('workspace.status'));
    expect(status).toEqual({
      kind: 'main',
      dbPath: join(dir, 'ExportDesk.db'),
      mainDbPath: join(dir, 'ExportDesk.db'),
      dataDir: dir,
      samplePath: join(dir, 'ExportDesk-sample.db'),
      sampleExists: false,
      mainIsEmpty: true,
      locationRemembered: false,
    });
    await ok(e.raw('customers.create', { company: 'First Buyer', country: 'FR' }));
    expect((await ok<WorkspaceStatus>(e.raw('workspace.status'))).mainIsEmpty).toBe(false);
  });

  it('opens a generated, classified sample beside the main database, leaves the main file alone, goes back, and removes it', async () => {
    const dir = folder();
    const events: EngineEvent[] = [];
    const path = join(dir, 'ExportDesk.db');
    const e = await engineOn(path, { emit: (ev) => events.push(ev), progressIntervalMs: 0 });
    await ok(e.raw('customers.create', { company: 'My Real Customer Ltd', country: 'GB' }));
    await ok(e.raw('backups.create'));
    const mainBackups = readdirSync(backupDirFor(path)).sort();

    const opened = await ok<WorkspaceStatus>(e.raw('workspace.openSample', {}, 'sample-job'));
    expect(opened).toMatchObject({
      kind: 'sample',
      dbPath: join(dir, 'ExportDesk-sample.db'),
      mainDbPath: path,
      sampleExists: true,
      mainIsEmpty: false,
    });
    // Progress of the job, then a data change that refreshes every view.
    expect(events.some((ev) => ev.type === 'job.progress' && ev.jobId === 'sample-job' && ev.phase === 'customers')).toBe(true);
    expect(events.some((ev) => ev.type === 'data.changed')).toBe(true);

    const sample = await customersIn(e);
    expect(sample.total).toBeGreaterThanOrEqual(1_900);
    expect(sample.companies).not.toContain('My Real Customer Ltd');
    // Orders, inquiries and follow-ups, classified: boards and the dashboard have something to show.
    const stats = await ok<{ customers: number }>(e.raw('stats.overview'));
    expect(stats.customers).toBe(sample.total);
    expect(countRows(join(dir, 'ExportDesk-sample.db'), 'orders')).toBeGreaterThan(1_000);
    expect(countRows(join(dir, 'ExportDesk-sample.db'), 'inquiries')).toBeGreaterThan(1_000);
    expect(countRows(join(dir, 'ExportDesk-sample.db'), 'follow_ups')).toBeGreaterThan(100);
    expect(countRows(join(dir, 'ExportDesk-sample.db'), 'classification_runs')).toBe(1);
    expect(await ok<unknown[]>(e.raw('classify.runs', { limit: 5 }))).toHaveLength(1);
    expect(
      (await ok<{ rows: { company: string }[] }>(e.raw('customers.list', { limit: 5, filter: { search: 'My Real Customer' } }))).rows,
    ).toEqual([]);

    // The main file is untouched: one customer, read through a connection of its own.
    expect(countRows(path)).toBe(1);
    // A change in the sample stays in the sample, and is never backed up with the real backups.
    await ok(e.raw('customers.create', { company: 'Tried In The Sample', country: 'US' }));
    await ok(e.raw('backups.create'));
    expect(countRows(path)).toBe(1);
    expect(readdirSync(backupDirFor(path)).sort()).toEqual(mainBackups);
    expect((await ok<{ dir: string }>(e.raw('backups.list'))).dir).toBe(join(dir, 'ExportDesk-sample-backups'));

    const back = await ok<WorkspaceStatus>(e.raw('workspace.openMain'));
    expect(back).toMatchObject({ kind: 'main', dbPath: path, sampleExists: true, mainIsEmpty: false });
    expect((await customersIn(e)).companies).toEqual(['My Real Customer Ltd']);
    expect((await ok<{ dir: string }>(e.raw('backups.list'))).dir).toBe(backupDirFor(path));
    expect(listBackups(backupDirFor(path), path).length).toBe(1);

    // Open it again: the same sample, with the change made in it.
    await ok(e.raw('workspace.openSample'));
    expect((await ok<{ rows: unknown[] }>(e.raw('customers.list', { filter: { search: 'Tried In The Sample' } }))).rows).toHaveLength(1);

    // Remove it from inside the sample: back to main, and the files are gone.
    const removed = await ok<WorkspaceStatus>(e.raw('workspace.removeSample'));
    expect(removed).toMatchObject({ kind: 'main', sampleExists: false });
    for (const s of ['', '-wal', '-shm']) expect(existsSync(join(dir, `ExportDesk-sample.db${s}`))).toBe(false);
    expect(existsSync(join(dir, 'ExportDesk-sample-backups'))).toBe(false);
    expect((await customersIn(e)).companies).toEqual(['My Real Customer Ltd']);
    expect(countRows(path)).toBe(1);
  }, 60_000);

  it('an empty main database stays "empty" while the sample is open (the welcome screen comes back)', async () => {
    const dir = folder();
    const e = await engineOn(join(dir, 'ExportDesk.db'));
    const status = await ok<WorkspaceStatus>(e.raw('workspace.openSample'));
    expect(status).toMatchObject({ kind: 'sample', mainIsEmpty: true });
    expect((await ok<WorkspaceStatus>(e.raw('workspace.openMain'))).mainIsEmpty).toBe(true);
    expect((await customersIn(e)).total).toBe(0);
  }, 60_000);

  it('the engine always starts on the main database, even when it was closed with the sample open', async () => {
    const dir = folder();
    const path = join(dir, 'ExportDesk.db');
    const first = await createEngine({ dbPath: path, mode: 'in-process', appVersion: 'test', backups: { onClose: true } });
    await dispatch(first.call, 'customers.create', { company: 'Kept Customer', country: 'IT' });
    expect((await dispatch(first.call, 'workspace.openSample', {})).ok).toBe(true);
    await first.close();
    // No backup of the sample at quit, in either backup folder.
    expect(listBackups(backupDirFor(path)).filter((b) => b.fileName.includes('sample'))).toEqual([]);
    expect(existsSync(join(dir, 'ExportDesk-sample-backups'))).toBe(false);

    const again = await engineOn(path);
    expect(await ok<WorkspaceStatus>(again.raw('workspace.status'))).toMatchObject({ kind: 'main', sampleExists: true });
    expect((await customersIn(again)).companies).toEqual(['Kept Customer']);
  }, 60_000);

  it('refuses to switch while a long job runs (BUSY), and a second sample job while one runs', async () => {
    const dir = folder();
    const events: EngineEvent[] = [];
    const e = await engineOn(join(dir, 'ExportDesk.db'), { emit: (ev) => events.push(ev), progressIntervalMs: 0 });
    const job = e.raw('sample.generate', { count: 3_000, batchSize: 100 }, 'gen');
    await expect.poll(() => events.some((ev) => ev.type === 'job.progress' && ev.jobId === 'gen')).toBe(true);
    expect((await e.raw('workspace.openSample')).error?.code).toBe('BUSY');
    expect((await e.raw('workspace.openMain')).error?.code).toBe('BUSY');
    expect((await e.raw('workspace.removeSample')).error?.code).toBe('BUSY');
    expect((await e.raw('workspace.moveData', { dir: join(folder(), 'x') })).error?.code).toBe('BUSY');
    expect((await job).ok).toBe(true);
    expect(await ok<WorkspaceStatus>(e.raw('workspace.status'))).toMatchObject({ kind: 'main', sampleExists: false });

    // While the sample is being made, other jobs (and another switch) are refused.
    const opening = e.raw('workspace.openSample', {}, 'open');
    await expect.poll(() => events.some((ev) => ev.type === 'job.progress' && ev.jobId === 'open')).toBe(true);
    expect((await e.raw('workspace.openMain')).error?.code).toBe('BUSY');
    expect((await e.raw('backups.restore', { fileName: 'x-2025-01-01T00-00-00-000Z-manual.sqlite' })).error?.code).toMatch(
      /BUSY|NOT_FOUND/,
    );
    expect((await opening).ok).toBe(true);
  }, 60_000);

  it('cancelling the sample leaves no file behind and the main database served', async () => {
    const dir = folder();
    const events: EngineEvent[] = [];
    const e = await engineOn(join(dir, 'ExportDesk.db'), { emit: (ev) => events.push(ev), progressIntervalMs: 0 });
    const opening = e.raw('workspace.openSample', {}, 'open');
    await expect.poll(() => events.some((ev) => ev.type === 'job.progress' && ev.jobId === 'open')).toBe(true);
    await ok(e.raw('jobs.cancel', { jobId: 'open' }));
    expect((await opening).error?.code).toBe('CANCELLED');
    expect(readdirSync(dir).filter((n) => n.includes('sample'))).toEqual([]);
    expect(await ok<WorkspaceStatus>(e.raw('workspace.status'))).toMatchObject({ kind: 'main', sampleExists: false });
  }, 60_000);
});

describe('workspaces: moving the data folder', () => {
  it('copies the database to a new folder, serves the copy, records it for the next start, and keeps the old file', async () => {
    const dir = folder();
    const userData = folder();
    const locationFile = join(userData, 'location.json');
    const path = join(dir, 'ExportDesk.db');
    const e = await engineOn(path, { locationFile });
    for (const company of ['Atlas Imports', 'Eagle Lighting GmbH']) await ok(e.raw('customers.create', { company, country: 'DE' }));
    expect((await ok<WorkspaceStatus>(e.raw('workspace.status'))).locationRemembered).toBe(true);

    const target = join(folder(), 'new', 'data');
    const moved = await ok<{ dbPath: string; previousDbPath: string; usedExisting: boolean; status: WorkspaceStatus }>(
      e.raw('workspace.moveData', { dir: target }),
    );
    const newPath = join(target, 'ExportDesk.db');
    expect(moved).toMatchObject({ dbPath: newPath, previousDbPath: path, usedExisting: false });
    expect(moved.status).toMatchObject({ kind: 'main', dbPath: newPath, mainDbPath: newPath, dataDir: target });

    // The same rows in the new file; the engine writes there; the old file stays as it was.
    expect(countRows(newPath)).toBe(2);
    await ok(e.raw('customers.create', { company: 'After The Move', country: 'FR' }));
    expect(countRows(newPath)).toBe(3);
    expect(countRows(path)).toBe(2);
    expect((await ok<{ dbPath: string }>(e.raw('app.info'))).dbPath).toBe(newPath);
    // Backups now go beside the new file.
    expect((await ok<{ path: string }>(e.raw('backups.create'))).path.startsWith(join(target, 'backups'))).toBe(true);

    // The pointer names it, and the app's start-up path finds it.
    expect(readLocationFile(locationFile)).toBe(newPath);
    expect(JSON.parse(readFileSync(locationFile, 'utf8'))).toMatchObject({ dbPath: newPath });
    expect(resolveDbPath({ userDataDir: userData, env: {} })).toBe(newPath);

    // A new start on that path serves the moved data.
    await e.close();
    const again = await engineOn(resolveDbPath({ userDataDir: userData, env: {} }), { locationFile });
    expect((await customersIn(again)).total).toBe(3);
  });

  it('moves with the sample open: back to the moved main database; the old sample goes', async () => {
    const dir = folder();
    const { path, e } = await mainWithCustomers(dir);
    await ok(e.raw('workspace.openSample'));
    const target = folder();
    const moved = await ok<{ status: WorkspaceStatus }>(e.raw('workspace.moveData', { dir: target }));
    expect(moved.status).toMatchObject({ kind: 'main', dbPath: join(target, 'ExportDesk.db'), sampleExists: false });
    expect((await customersIn(e)).total).toBe(2);
    expect(existsSync(join(dir, 'ExportDesk-sample.db'))).toBe(false);
    expect(countRows(path)).toBe(2);
  }, 60_000);

  it('refuses unsuitable folders with a code and a reason, and changes nothing', async () => {
    const dir = folder();
    const userData = folder();
    const locationFile = join(userData, 'location.json');
    const path = join(dir, 'ExportDesk.db');
    const e = await engineOn(path, { locationFile });
    await ok(e.raw('customers.create', { company: 'Atlas Imports', country: 'DE' }));
    await ok(e.raw('backups.create'));
    const elsewhere = folder();
    const aFile = join(elsewhere, 'a-file.txt');
    writeFileSync(aFile, 'not a folder');
    const withDb = join(elsewhere, 'has-db');
    mkdirSync(withDb);
    writeFileSync(join(withDb, 'ExportDesk.db'), 'someone else’s database');

    const cases: [input: { dir: string; useExisting?: boolean }, code: string, reason?: string][] = [
      [{ dir: 'relative/folder' }, 'DATA_DIR_INVALID', 'notAbsolute'],
      [{ dir: dir }, 'DATA_DIR_INVALID', 'sameFolder'],
      [{ dir: join(dir, 'backups', 'inside') }, 'DATA_DIR_INVALID', 'insideBackups'],
      [{ dir: aFile }, 'DATA_DIR_INVALID', 'notAFolder'],
      [{ dir: join(aFile, 'below') }, 'DATA_DIR_INVALID', 'notAFolder'],
      [{ dir: withDb }, 'DATA_DIR_HAS_DATABASE'],
      [{ dir: withDb, useExisting: true }, 'DATA_DIR_INVALID', 'notADatabase'],
    ];
    // An unwritable folder: by permissions, or (as root, who may write anywhere) a place no one can create a folder in.
    if (process.getuid?.() === 0) {
      cases.push([{ dir: '/proc/exportdesk-cannot-be-here' }, 'DATA_DIR_INVALID', 'notWritable']);
    } else {
      const locked = join(elsewhere, 'locked');
      mkdirSync(locked);
      chmodSync(locked, 0o500);
      cleanups.push(() => chmodSync(locked, 0o700));
      cases.push([{ dir: locked }, 'DATA_DIR_INVALID', 'notWritable']);
      cases.push([{ dir: join(locked, 'sub') }, 'DATA_DIR_INVALID', 'notWritable']);
    }

    const listing = () => readdirSync(elsewhere).sort();
    const before = listing();
    for (const [input, code, reason] of cases) {
      const r = await e.raw('workspace.moveData', input);
      expect(r.ok, JSON.stringify(input)).toBe(false);
      expect(r.error?.code, JSON.stringify(input)).toBe(code);
      if (reason) expect((r.error?.details as { reason?: string }).reason, JSON.stringify(input)).toBe(reason);
    }
    expect(listing()).toEqual(before);
    expect(existsSync(join(dir, 'backups', 'inside'))).toBe(false);
    expect(existsSync(locationFile)).toBe(false);
    expect(await ok<WorkspaceStatus>(e.raw('workspace.status'))).toMatchObject({ kind: 'main', dbPath: path });
    await ok(e.raw('customers.create', { company: 'Still Here', country: 'DE' }));
    expect(countRows(path)).toBe(2);
    // Input the contract refuses: INVALID_INPUT.
    expect((await e.raw('workspace.moveData', { dir: '' })).error?.code).toBe('INVALID_INPUT');
    expect((await e.raw('workspace.moveData', {})).error?.code).toBe('INVALID_INPUT');
  });

  it('uses a sound database already in the folder when asked to, without copying over it', async () => {
    const other = folder();
    const theirs = await engineOn(join(other, 'ExportDesk.db'));
    await ok(theirs.raw('customers.create', { company: 'Their Customer', country: 'ES' }));
    await theirs.close();
    const sizeBefore = statSync(join(other, 'ExportDesk.db')).size;

    const dir = folder();
    const { e } = await mainWithCustomers(dir);
    expect((await e.raw('workspace.moveData', { dir: other })).error?.code).toBe('DATA_DIR_HAS_DATABASE');
    const moved = await ok<{ usedExisting: boolean; previousDbPath: string | null }>(
      e.raw('workspace.moveData', { dir: other, useExisting: true }),
    );
    expect(moved).toMatchObject({ usedExisting: true, previousDbPath: null });
    expect((await customersIn(e)).companies).toEqual(['Their Customer']);
    expect(sizeBefore).toBeGreaterThan(0);
  });
});
