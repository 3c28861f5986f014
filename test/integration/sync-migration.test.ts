import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createKysely, openSqlite } from '../../src/main/db/connection';
import { migrateToLatest } from '../../src/main/db/migrate';
import { MIGRATIONS } from '../../src/main/db/migrations';
import { openDatabase } from '../../src/main/db/open';
import { SYNC_TABLES } from '../../src/shared/sync/tables';
import { fillEveryTable } from '../support/fill-schema';
import { tempDir } from '../support/temp-db';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

describe('0013_sync_capture', () => {
  it('gives every row of every shared table of an existing book a unique UUIDv7, keeping every id', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const path = join(t.dir, 'book.db');
    const names = Object.keys(MIGRATIONS);
    const before = Object.fromEntries(names.filter((n) => n < '0013').map((n) => [n, MIGRATIONS[n]!]));
    const sqlite = openSqlite(path);
    const db = createKysely(sqlite);
    await migrateToLatest(sqlite, db as never, path, before);
    fillEveryTable(sqlite);
    // The tables 0013 gave a gid (a table shared since, such as pool_rules in 0016, is not there yet).
    const present = new Set(sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]);
    const shared = SYNC_TABLES.filter((s) => present.has(s.table));
    expect(shared.map((s) => s.table)).not.toContain('pool_rules');
    const keysOf = (s: typeof sqlite, table: string, key: readonly string[]) =>
      s
        .prepare(`SELECT ${key.join(', ')} FROM ${table} ORDER BY ${key.join(', ')}`)
        .raw()
        .all();
    const keys = Object.fromEntries(shared.map((s) => [s.table, keysOf(sqlite, s.table, s.key)]));
    await db.destroy();

    const upgraded = await openDatabase(path);
    expect(upgraded.migration.applied).toContain('0013_sync_capture');
    let rows = 0;
    for (const s of shared) {
      expect(keysOf(upgraded.sqlite, s.table, s.key), `${s.table} ids`).toEqual(keys[s.table]);
      const r = upgraded.sqlite
        .prepare(
          `SELECT count(*) AS n, count(DISTINCT gid) AS distinct_gids, sum(gid GLOB '????????-????-7???-[89ab]???-????????????') AS valid FROM ${s.table}`,
        )
        .get() as { n: number; distinct_gids: number; valid: number | null };
      expect(r.n, `${s.table} has rows`).toBeGreaterThan(0);
      expect({ table: s.table, distinct: r.distinct_gids, valid: r.valid }).toEqual({ table: s.table, distinct: r.n, valid: r.n });
      rows += r.n;
    }
    // The built-in survey templates have the same gid in every book.
    expect(upgraded.sqlite.prepare(`SELECT gid FROM survey_templates WHERE builtin = 'after_delivery'`).pluck().get()).toBe(
      '00000000-0000-7000-8000-000000000001',
    );
    // The row's own time is the id's time.
    const c = upgraded.sqlite.prepare(`SELECT created_at, gid FROM customers LIMIT 1`).get() as { created_at: string; gid: string };
    expect(Number.parseInt(c.gid.slice(0, 8) + c.gid.slice(9, 13), 16)).toBe(Date.parse(c.created_at));
    expect(upgraded.sqlite.prepare('SELECT enabled, applying, last_seq FROM sync_state').get()).toEqual({
      enabled: 0,
      applying: 0,
      last_seq: 0,
    });
    expect(rows).toBeGreaterThan(50);
    await upgraded.close();
  });
});
