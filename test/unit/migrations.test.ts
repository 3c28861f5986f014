import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Kysely, type Migration } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createKysely, openSqlite } from '../../src/main/db/connection';
import { migrateToLatest, schemaVersionOf } from '../../src/main/db/migrate';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/main/db/migrations';
import { openDatabase } from '../../src/main/db/open';
import { tempDir } from '../support/temp-db';
import { DERIVED_TABLE, fillEveryTable, tableNames, tableRows, writableColumns } from '../support/fill-schema';

const SNAPSHOT = join(import.meta.dirname, '..', 'fixtures', 'schema-snapshot.sql');
/** Columns a migration drops on purpose: 0021 moves the team token out of the book (its test: test/team/token-secret.test.ts). */
const DROPPED_COLUMNS: ReadonlySet<string> = new Set(['sync_state.team_token']);
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});
function tmpDb(name = 'm.db'): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return join(t.dir, name);
}

function schemaDump(path: string): string {
  const db = openSqlite(path, { readonly: true });
  const rows = db
    .prepare(
      `SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index_%' ORDER BY type, name`,
    )
    .all() as { type: string; name: string; sql: string }[];
  db.close();
  return rows.map((r) => `-- ${r.type} ${r.name}\n${r.sql.replace(/\s+/g, ' ').trim()};`).join('\n') + '\n';
}

describe('database migrations', () => {
  it('migrates an empty file to the newest schema with the safety pragmas set', async () => {
    const path = tmpDb();
    const database = await openDatabase(path);
    expect(database.migration).toMatchObject({ fromVersion: 0, toVersion: SCHEMA_VERSION, backupPath: null });
    expect(database.migration.applied).toEqual(Object.keys(MIGRATIONS));
    expect(database.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(database.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(database.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(database.sqlite.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(schemaVersionOf(database.sqlite)).toBe(SCHEMA_VERSION);
    await database.close();
    // Reopening applies nothing and keeps synchronous=FULL (better-sqlite3 would not on its own).
    const again = await openDatabase(path);
    expect(again.migration.applied).toEqual([]);
    expect(again.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    await again.close();
  });

  it('upgrades a database at every earlier schema version, with its data, to the newest', async () => {
    const names = Object.keys(MIGRATIONS);
    for (let k = 1; k < names.length; k++) {
      const path = tmpDb(`v${k}.db`);
      const older = Object.fromEntries(names.slice(0, k).map((n) => [n, MIGRATIONS[n]!]));
      const sqlite = openSqlite(path);
      const db = createKysely(sqlite);
      await migrateToLatest(sqlite, db as never, path, older);
      sqlite
        .prepare(`INSERT INTO customers (company, country, created_at, updated_at) VALUES ('Before Upgrade Ltd', 'DE', 'x', 'x')`)
        .run();
      sqlite
        .prepare(
          `INSERT INTO contacts (customer_id, name, email, created_at, updated_at) VALUES (1, 'Anna', 'anna@before.example', 'x', 'x')`,
        )
        .run();
      await db.destroy();

      const upgraded = await openDatabase(path);
      expect(upgraded.migration.applied).toEqual(names.slice(k));
      expect(upgraded.migration.backupPath).not.toBeNull();
      expect(upgraded.sqlite.prepare('SELECT company, country FROM customers').all()).toEqual([
        { company: 'Before Upgrade Ltd', country: 'DE' },
      ]);
      expect(
        upgraded.sqlite
          .prepare(
            `SELECT customer_id FROM search_docs d JOIN search_index ON search_index.rowid = d.id WHERE search_index MATCH '"anna@before"'`,
          )
          .all(),
      ).toEqual([{ customer_id: 1 }]);
      expect(schemaVersionOf(upgraded.sqlite)).toBe(SCHEMA_VERSION);
      await upgraded.close();
    }
  });

  it('keeps every row of every table when a database at each earlier version, filled in every table, migrates to the newest', async () => {
    const names = Object.keys(MIGRATIONS);
    let checkedRows = 0;
    for (let k = 1; k < names.length; k++) {
      const path = tmpDb(`full-v${k}.db`);
      const older = Object.fromEntries(names.slice(0, k).map((n) => [n, MIGRATIONS[n]!]));
      const sqlite = openSqlite(path);
      const db = createKysely(sqlite);
      await migrateToLatest(sqlite, db as never, path, older);
      const filled = fillEveryTable(sqlite);
      // Every table of that version has rows (a new table needs a filler in test/support/fill-schema.ts).
      const tables = tableNames(sqlite).filter((t) => !DERIVED_TABLE.test(t));
      expect(
        tables.filter((t) => !filled.includes(t)),
        `tables at v${k} without test rows`,
      ).toEqual([]);
      const before = new Map(
        tables.map((t) => {
          const columns = writableColumns(sqlite, t);
          return [t, { columns, rows: tableRows(sqlite, t, columns) }] as const;
        }),
      );
      const fk = sqlite.pragma('foreign_key_check') as unknown[];
      expect(fk, `test rows at v${k} break a foreign key`).toEqual([]);
      await db.destroy();

      const upgraded = await openDatabase(path);
      expect(schemaVersionOf(upgraded.sqlite)).toBe(SCHEMA_VERSION);
      for (const [table, { columns, rows }] of before) {
        // A column a later migration drops on purpose (0021: the team token leaves the book for the secret store).
        const now = writableColumns(upgraded.sqlite, table);
        const dropped = columns.filter((c) => !now.includes(c)).map((c) => `${table}.${c}`);
        expect(
          dropped.filter((c) => !DROPPED_COLUMNS.has(c)),
          `columns lost from ${table} migrating from v${k}`,
        ).toEqual([]);
        const kept = columns.filter((c) => now.includes(c));
        const at = kept.map((c) => columns.indexOf(c));
        const expected = (rows as unknown[][]).map((r) => at.map((i) => r[i]));
        expect(tableRows(upgraded.sqlite, table, kept), `${table} after migrating from v${k}`).toEqual(expected);
        checkedRows += rows.length;
      }
      expect(upgraded.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(upgraded.sqlite.pragma('foreign_key_check')).toEqual([]);
      await upgraded.close();
    }
    console.info(`migrations: ${names.length - 1} earlier versions filled in every table, ${checkedRows} rows checked after migrating`);
  });

  it('matches the committed schema snapshot (an accidental schema change fails here)', async () => {
    const path = tmpDb();
    await (await openDatabase(path)).close();
    const dump = schemaDump(path);
    if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1' || !existsSync(SNAPSHOT)) writeFileSync(SNAPSHOT, dump);
    expect(dump).toBe(readFileSync(SNAPSHOT, 'utf8'));
  });

  it('backs up a database with data before migrating, and runs each step in a transaction', async () => {
    const path = tmpDb();
    const database = await openDatabase(path);
    await database.db
      .insertInto('customers')
      .values({
        company: 'Kept Ltd',
        created_at: 'x',
        updated_at: 'x',
        archived_at: null,
        import_batch_id: null,
        lifecycle_override: null,
        priority: null,
      })
      .execute();
    await database.close();

    const next: Migration = {
      async up(db: Kysely<unknown>) {
        await sql`ALTER TABLE customers ADD COLUMN test_marker TEXT NOT NULL DEFAULT 'm'`.execute(db);
      },
    };
    const sqlite = openSqlite(path);
    const db = createKysely(sqlite);
    const report = await migrateToLatest(sqlite, db as never, path, { ...MIGRATIONS, '9000_test': next });
    expect(report.applied).toEqual(['9000_test']);
    expect(report.toVersion).toBe(9000);
    expect(report.backupPath).not.toBeNull();
    const backup = openSqlite(report.backupPath as string, { readonly: true });
    expect(backup.prepare('SELECT company FROM customers').all()).toEqual([{ company: 'Kept Ltd' }]);
    expect(schemaVersionOf(backup)).toBe(SCHEMA_VERSION);
    backup.close();
    expect(sqlite.prepare('SELECT test_marker FROM customers').get()).toEqual({ test_marker: 'm' });
    await db.destroy();
  });

  it('rolls a failing migration back completely and records nothing', async () => {
    const path = tmpDb();
    await (await openDatabase(path)).close();
    const broken: Migration = {
      async up(db: Kysely<unknown>) {
        await sql`CREATE TABLE half_done (id INTEGER)`.execute(db);
        await sql`INSERT INTO no_such_table VALUES (1)`.execute(db);
      },
    };
    const sqlite = openSqlite(path);
    const db = createKysely(sqlite);
    await expect(migrateToLatest(sqlite, db as never, path, { ...MIGRATIONS, '9001_broken': broken })).rejects.toMatchObject({
      code: 'DB_OPEN_FAILED',
    });
    expect(sqlite.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'`).get()).toEqual({ n: 0 });
    expect(schemaVersionOf(sqlite)).toBe(SCHEMA_VERSION);
    await db.destroy();
  });

  it('refuses a database written by a newer app and leaves it as it was', async () => {
    const path = tmpDb();
    await (await openDatabase(path)).close();
    const raw = openSqlite(path);
    raw.prepare(`INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_from_the_future', 'x')`).run();
    raw.close();
    const before = readFileSync(path);
    await expect(openDatabase(path)).rejects.toMatchObject({ code: 'DB_TOO_NEW' });
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});
