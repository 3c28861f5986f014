import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReadDb, WriteDb } from '../../src/main/db/sql';
import { openTestEngine, type TestEngine } from '../support/temp-db';

let t: TestEngine;
let db: WriteDb;
let read: ReadDb;

beforeEach(async () => {
  t = await openTestEngine();
  db = t.engine.database.write;
  read = t.engine.database.read;
});
afterEach(() => t.close());

const now = '2026-12-06T00:00:00.000Z';
const addView = (name: string) =>
  db.transaction((tx) =>
    tx.run(tx.insertInto('saved_views').values({ kind: 'grid', name, state: '{}', created_at: now, updated_at: now })),
  );
const viewNames = () => read.all(read.selectFrom('saved_views').select('name').orderBy('name')).map((r) => r.name);

describe('the SQL handles (src/main/db/sql.ts)', () => {
  it('the read handle cannot write: no builder for it and no run (type errors), and a read-only connection besides', () => {
    // @ts-expect-error the read handle has no insert builder
    const insertInto: unknown = read.insertInto;
    // @ts-expect-error no update builder
    const updateTable: unknown = read.updateTable;
    // @ts-expect-error no delete builder
    const deleteFrom: unknown = read.deleteFrom;
    // @ts-expect-error and no run
    const run: unknown = read.run;
    expect([insertInto, updateTable, deleteFrom, run]).toEqual([undefined, undefined, undefined, undefined]);
    // Even a write built elsewhere (with RETURNING, so it reads as rows) fails on the read connection.
    const insert = t.engine.database.db
      .insertInto('saved_views')
      .values({ kind: 'grid', name: 'x', state: '{}', created_at: now, updated_at: now })
      .returning('id');
    expect(() => read.all(insert)).toThrow(/readonly/i);
    expect(viewNames()).toEqual([]);
  });

  it('a transaction commits as one, and rolls back entirely when its body throws', async () => {
    await addView('kept');
    await expect(
      db.transaction((tx) => {
        tx.run(tx.insertInto('saved_views').values({ kind: 'grid', name: 'lost', state: '{}', created_at: now, updated_at: now }));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(viewNames()).toEqual(['kept']);
  });

  it('refuses an asynchronous body (it would leave the transaction while awaiting) and writes nothing', async () => {
    await expect(
      db.transaction(((tx: Parameters<Parameters<WriteDb['transaction']>[0]>[0]) => {
        tx.run(tx.insertInto('saved_views').values({ kind: 'grid', name: 'async', state: '{}', created_at: now, updated_at: now }));
        return Promise.resolve(1);
      }) as never),
    ).rejects.toThrow(/synchronous/);
    expect(viewNames()).toEqual([]);
  });

  it('a write arriving while a long transaction awaits waits for it, and does not join it (its rollback keeps the other write)', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const long = db.longTransaction(async (tx) => {
      tx.run(tx.insertInto('saved_views').values({ kind: 'grid', name: 'long', state: '{}', created_at: now, updated_at: now }));
      await gate;
      throw new Error('cancelled');
    });
    const other = addView('other');
    let otherDone = false;
    void other.then(() => (otherDone = true));
    await new Promise((r) => setTimeout(r, 30));
    expect(otherDone).toBe(false);
    release();
    await expect(long).rejects.toThrow('cancelled');
    await other;
    expect(viewNames()).toEqual(['other']);
  });

  it('a transaction handle is dead once its transaction ended', async () => {
    let kept: Parameters<Parameters<WriteDb['transaction']>[0]>[0] | undefined;
    await db.transaction((tx) => {
      kept = tx;
    });
    expect(() => kept?.first(kept.selectFrom('saved_views').select('id'))).toThrow(/after it ended/);
  });
});
