import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../src/server/db/connect';
import { migrateToLatest } from '../../src/server/db/migrate';
import { migrations } from '../../src/server/db/migrations';
import type { ServerDatabase } from '../../src/server/db/schema';
import { uuidv7 } from '../../src/server/uuid';
import { startTestPostgres, type TestPostgres } from './helpers';

let pgServer: TestPostgres;
const open: Kysely<ServerDatabase>[] = [];
async function fresh(): Promise<Kysely<ServerDatabase>> {
  const db = connect(await pgServer.freshDatabase());
  open.push(db);
  return db;
}

/** Every column of every table in public, and every index: what a migration run leaves. */
async function shape(db: Kysely<ServerDatabase>) {
  const columns = await sql<{ table_name: string; column_name: string; data_type: string; is_nullable: string }>`
    select table_name, column_name, data_type, is_nullable from information_schema.columns
    where table_schema = 'public' order by table_name, column_name`.execute(db);
  const indexes = await sql<{ indexdef: string }>`select indexdef from pg_indexes where schemaname = 'public' order by indexname`.execute(
    db,
  );
  return { columns: columns.rows, indexes: indexes.rows.map((r) => r.indexdef) };
}

beforeAll(async () => {
  pgServer = await startTestPostgres();
});

afterAll(async () => {
  for (const db of open) await db.destroy();
  await pgServer?.stop();
});

describe('migrations', () => {
  it('run on an empty database, then a second run applies nothing and changes nothing', async () => {
    const db = await fresh();
    const first = await migrateToLatest(db);
    expect(first.applied).toEqual(Object.keys(migrations));
    const after = await shape(db);
    expect(after.columns.map((c) => `${c.table_name}.${c.column_name}`)).toEqual(
      expect.arrayContaining(['users.id', 'users.login', 'users.role', 'users.password_hash', 'devices.token_hash', 'devices.revoked_at']),
    );
    await db.insertInto('users').values({ id: uuidv7(), name: 'Kept', login: 'kept', role: 'admin', password_hash: 'x' }).execute();

    const second = await migrateToLatest(db);
    expect(second.applied).toEqual([]);
    expect(await shape(db)).toEqual(after);
    expect(await db.selectFrom('users').select('login').execute()).toEqual([{ login: 'kept' }]);
  });

  it('two servers starting at once migrate once between them', async () => {
    const url = await pgServer.freshDatabase();
    const a = connect(url);
    const b = connect(url);
    open.push(a, b);
    const [ra, rb] = await Promise.all([migrateToLatest(a), migrateToLatest(b)]);
    expect([...ra.applied, ...rb.applied]).toEqual(Object.keys(migrations));
  });

  it('refuse a database a newer server migrated, and leave it as it is', async () => {
    const db = await fresh();
    await migrateToLatest(db);
    await sql`insert into kysely_migration (name, timestamp) values ('9999_from_the_future', now())`.execute(db);
    await expect(migrateToLatest(db)).rejects.toThrow(/newer ExportDesk server \(migrations 9999_from_the_future\)/);
    const names = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
    expect(names.rows.map((r) => r.name)).toEqual([...Object.keys(migrations), '9999_from_the_future']);
  });

  it('the database enforces what the schema says: roles, one active login (any case), devices of real users', async () => {
    const db = await fresh();
    await migrateToLatest(db);
    const id = uuidv7();
    await db.insertInto('users').values({ id, name: 'A', login: 'Ana', role: 'manager', password_hash: 'x' }).execute();
    await expect(
      db
        .insertInto('users')
        .values({ id: uuidv7(), name: 'B', login: 'b', role: 'owner' as 'admin', password_hash: 'x' })
        .execute(),
    ).rejects.toThrow(/check constraint/);
    await expect(
      db.insertInto('users').values({ id: uuidv7(), name: 'C', login: 'ANA', role: 'admin', password_hash: 'x' }).execute(),
    ).rejects.toThrow(/users_login_active/);
    await expect(
      db.insertInto('devices').values({ id: uuidv7(), user_id: uuidv7(), name: 'd', token_hash: 'h' }).execute(),
    ).rejects.toThrow(/foreign key/);
  });
});

describe('uuidv7', () => {
  it('is a version-7 RFC 9562 UUID carrying the time, in the order made', () => {
    const t = Date.now() + 86_400_000; // ahead of every id made so far: a clock that steps back is not followed
    const ids = Array.from({ length: 5000 }, () => uuidv7(t));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(ids[0]!.replace(/-/g, '').slice(0, 12), 16)).toBe(t);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(uuidv7(t + 10_000) > ids[ids.length - 1]!).toBe(true);
    expect(uuidv7(t - 10_000) > ids[ids.length - 1]!).toBe(true);
  });
});
