import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine, type EngineOptions } from '../../src/main/engine/engine';
import { backupDirFor, listBackups } from '../../src/main/safety/backups';
import { DEFAULT_PREFS, type Prefs } from '../../src/shared/domain/prefs';
import type { Result } from '../../src/shared/errors';
import { dispatch } from '../../src/shared/ipc/dispatch';
import { tempDir } from '../support/temp-db';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function scratch(): string {
  const t = tempDir('exportdesk-prefs-');
  cleanups.push(t.cleanup);
  return t.dir;
}

type TestEngine = Engine & {
  raw(channel: string, input: unknown): Promise<Result<unknown>>;
  ok<T>(channel: string, input: unknown): Promise<T>;
};

async function engineOn(dbPath: string, options: Partial<EngineOptions> = {}): Promise<TestEngine> {
  const engine = await createEngine({ dbPath, mode: 'in-process', appVersion: 'test', ...options });
  cleanups.push(() => engine.close());
  const raw = (channel: string, input: unknown) => dispatch(engine.call, channel, input, {}, true);
  return Object.assign(engine, {
    raw,
    async ok<T>(channel: string, input: unknown): Promise<T> {
      const r = await raw(channel, input);
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
      return r.value as T;
    },
  });
}

/** The stored row, as the engine wrote it. */
function storedPrefs(e: Engine): unknown {
  const row = e.database.readSqlite.prepare(`SELECT value FROM settings WHERE key = 'prefs'`).get() as { value: string } | undefined;
  return row ? JSON.parse(row.value) : undefined;
}

describe('preferences in the database', () => {
  it('starts with the defaults: system language, no owners, no fair, backups every 30 minutes beside the database', async () => {
    const e = await engineOn(join(scratch(), 'p.db'));
    expect(await e.ok('prefs.get', {})).toEqual({
      language: null,
      owners: [],
      me: null,
      fair: null,
      backups: { intervalMinutes: 30, dir: null },
    });
    expect(DEFAULT_PREFS).toEqual(await e.ok('prefs.get', {}));
    expect(storedPrefs(e)).toBeUndefined();
  });

  it('a change keeps the other keys, and survives reopening the database', async () => {
    const path = join(scratch(), 'p.db');
    const e = await engineOn(path);
    await e.ok('prefs.save', { language: 'zh-CN', owners: [' Lily Wang ', 'Tom'] });
    const saved = await e.ok<Prefs>('prefs.save', { fair: { name: 'Canton Fair 2026', day: '2026-04-15' } });
    expect(saved).toEqual({
      language: 'zh-CN',
      owners: ['Lily Wang', 'Tom'],
      me: null,
      fair: { name: 'Canton Fair 2026', day: '2026-04-15' },
      backups: DEFAULT_PREFS.backups,
    });
    // Only what the user set is stored.
    expect(Object.keys(storedPrefs(e) as object).sort()).toEqual(['fair', 'language', 'owners']);
    expect(await e.ok('prefs.save', { language: null })).toMatchObject({ language: null, owners: ['Lily Wang', 'Tom'] });
    await e.ok('prefs.save', { language: 'en', fair: null });
    await e.close();

    const again = await engineOn(path);
    expect(await again.ok('prefs.get', {})).toEqual({
      language: 'en',
      owners: ['Lily Wang', 'Tom'],
      me: null,
      fair: null,
      backups: DEFAULT_PREFS.backups,
    });
  });

  it('refuses duplicate owners (case-insensitive) with INVALID_INPUT at the duplicate, and changes nothing', async () => {
    const e = await engineOn(join(scratch(), 'p.db'));
    await e.ok('prefs.save', { owners: ['Lily Wang'], language: 'en' });
    const before = storedPrefs(e);
    const r = await e.raw('prefs.save', { owners: ['Lily Wang', 'Tom', 'lily wang '], language: 'zh-CN' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('INVALID_INPUT');
    expect(r.error.details).toEqual([{ path: 'owners.2', message: 'duplicate owner' }]);
    expect(storedPrefs(e)).toEqual(before);
    expect(await e.ok('prefs.get', {})).toMatchObject({ owners: ['Lily Wang'], language: 'en' });
    // An empty name and a too long one are refused too.
    const bad = await e.raw('prefs.save', { owners: ['  ', 'x'.repeat(61)] });
    expect(bad.ok ? [] : (bad.error.details as { path: string }[]).map((d) => d.path)).toEqual(['owners.0', 'owners.1']);
  });

  it('refuses a backup folder that is relative or cannot be created, with BACKUP_DIR_INVALID, and changes nothing', async () => {
    const dir = scratch();
    const e = await engineOn(join(dir, 'p.db'));
    const file = join(dir, 'a-file.txt');
    writeFileSync(file, 'not a folder');
    for (const [folder, reason] of [
      ['relative/backups', 'notAbsolute'],
      [join(file, 'backups'), 'notCreatable'],
    ] as const) {
      const r = await e.raw('prefs.save', { backups: { intervalMinutes: 10, dir: folder } });
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('BACKUP_DIR_INVALID');
      expect(r.error.details).toEqual({ field: 'backups.dir', reason });
    }
    if (process.platform !== 'win32' && process.getuid?.() !== 0) {
      const locked = join(dir, 'locked');
      mkdirSync(locked);
      chmodSync(locked, 0o500);
      const r = await e.raw('prefs.save', { backups: { intervalMinutes: 10, dir: locked } });
      expect(r.ok ? null : r.error.details).toEqual({ field: 'backups.dir', reason: 'notWritable' });
      chmodSync(locked, 0o700);
    }
    expect(storedPrefs(e)).toBeUndefined();
    expect((await e.ok<{ dir: string }>('backups.list', {})).dir).toBe(backupDirFor(e.safety.status().dbPath));
  });

  it('uses a new backup folder at once (created if missing, normalized), and again after a restart; empty means beside the database', async () => {
    const dir = scratch();
    const path = join(dir, 'p.db');
    const e = await engineOn(path);
    await e.ok('customers.create', { company: 'Atlas Imports', country: 'TR' });
    const chosen = join(dir, 'elsewhere', 'ExportDesk backups');
    const saved = await e.ok<Prefs>('prefs.save', { backups: { intervalMinutes: 30, dir: `${chosen}/sub/../` } });
    expect(saved.backups.dir).toBe(chosen);
    expect(existsSync(chosen)).toBe(true);
    const made = await e.ok<{ path: string }>('backups.create', {});
    expect(made.path.startsWith(join(chosen, 'p-'))).toBe(true);
    expect(listBackups(chosen, path)).toHaveLength(1);
    expect(listBackups(backupDirFor(path), path)).toHaveLength(0);
    expect(await e.ok('backups.list', {})).toMatchObject({ dir: chosen, backups: [{ path: made.path }] });
    expect(e.safety.status().backupDir).toBe(chosen);
    await e.close();

    const again = await engineOn(path);
    expect((await again.ok<{ dir: string; backups: unknown[] }>('backups.list', {})).backups).toHaveLength(1);
    expect(await again.ok('prefs.save', { backups: { intervalMinutes: 30, dir: '  ' } })).toMatchObject({ backups: { dir: null } });
    const beside = await again.ok<{ path: string }>('backups.create', {});
    expect(beside.path.startsWith(backupDirFor(path))).toBe(true);
  });

  it('applies the interval at once: a new interval restarts the schedule, 0 stops it; the engine option is the default and the upper control', async () => {
    const dir = scratch();
    const path = join(dir, 'p.db');
    // One "minute" of the preferences is 20 ms here.
    const e = await engineOn(path, { backups: { intervalMs: 30 * 60_000, minuteMs: 20 } });
    const scheduled = () => listBackups(backupDirFor(path), path).filter((b) => b.reason === 'scheduled').length;
    // Never saved: the engine's default.
    expect(e.safety.scheduleMs).toBe(30 * 60_000);
    await e.ok('prefs.save', { language: 'en' });
    expect(e.safety.scheduleMs).toBe(30 * 60_000);

    await e.ok('prefs.save', { backups: { intervalMinutes: 2, dir: null } });
    expect(e.safety.scheduleMs).toBe(40);
    // A new database has never been backed up: the first tick of the new schedule does it.
    await expect.poll(scheduled, { timeout: 5000 }).toBe(1);

    await e.ok('prefs.save', { backups: { intervalMinutes: 0, dir: null } });
    expect(e.safety.scheduleMs).toBe(0);
    await e.ok('customers.create', { company: 'No Tick Ltd' });
    await new Promise((r) => setTimeout(r, 150));
    expect(scheduled()).toBe(1);
    await e.close();

    // Read again at start, after the database opens.
    const again = await engineOn(path, { backups: { intervalMs: 30 * 60_000, minuteMs: 20 } });
    expect(again.safety.scheduleMs).toBe(0);
    await again.ok('prefs.save', { backups: { intervalMinutes: 3, dir: null } });
    await again.close();
    const third = await engineOn(path, { backups: { intervalMs: 30 * 60_000, minuteMs: 20 } });
    expect(third.safety.scheduleMs).toBe(60);
    await third.close();

    // An engine made without a schedule (tests, the CLI) never starts one, whatever the preferences say.
    const cli = await engineOn(path, { backups: { minuteMs: 20 } });
    expect(cli.safety.scheduleMs).toBe(0);
    await cli.ok('prefs.save', { backups: { intervalMinutes: 1, dir: null } });
    expect(cli.safety.scheduleMs).toBe(0);
  });

  it('a stored value that no longer parses falls back to its default; the others are kept', async () => {
    const path = join(scratch(), 'p.db');
    const e = await engineOn(path);
    await e.ok('prefs.save', { language: 'zh-CN', owners: ['Lily Wang'], backups: { intervalMinutes: 5, dir: null } });
    await e.close();

    const write = (value: string) => {
      const again = createEngine({ dbPath: path, mode: 'in-process', appVersion: 'test' });
      return again.then(async (x) => {
        x.database.sqlite.prepare(`UPDATE settings SET value = ? WHERE key = 'prefs'`).run(value);
        await x.close();
      });
    };
    await write(
      JSON.stringify({
        language: 'fr',
        owners: ['Lily Wang', 'lily wang'],
        fair: { name: 'Fair' },
        backups: { intervalMinutes: 5, dir: null },
      }),
    );
    const e2 = await engineOn(path, { backups: { intervalMs: 30 * 60_000, minuteMs: 20 } });
    expect(await e2.ok('prefs.get', {})).toEqual({
      language: null,
      owners: [],
      me: null,
      fair: null,
      backups: { intervalMinutes: 5, dir: null },
    });
    expect(e2.safety.scheduleMs).toBe(100);
    await e2.close();

    for (const junk of ['not json', '42', '[1,2]', JSON.stringify({ backups: { intervalMinutes: -1 } })]) {
      await write(junk);
      const e3 = await engineOn(path, { backups: { intervalMs: 30 * 60_000, minuteMs: 20 } });
      expect(await e3.ok('prefs.get', {})).toEqual(DEFAULT_PREFS);
      // A schedule that does not parse is the engine's default.
      expect(e3.safety.scheduleMs).toBe(30 * 60_000);
      // Saving again repairs it.
      expect(await e3.ok('prefs.save', { owners: ['Tom'] })).toMatchObject({ owners: ['Tom'] });
      await e3.close();
    }
  });
});
