import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connect } from '../../src/server/db/connect';
import type { ServerDatabase } from '../../src/server/db/schema';
import { startTestPostgres, type TestPostgres } from './helpers';

/**
 * Regression (found by the fault suite, test/team/faults.test.ts): PostgreSQL going away while a
 * request held a pooled connection emitted 'error' on that connection with no listener, and the
 * team server process died ("Unhandled 'error' event"). The request must fail; the process and
 * the pool must go on.
 */
let pgServer: TestPostgres;
let url: string;
let db: Kysely<ServerDatabase>;

beforeAll(async () => {
  pgServer = await startTestPostgres();
  url = await pgServer.freshDatabase();
  db = connect(url);
});

afterAll(async () => {
  await db?.destroy();
  await pgServer?.stop();
});

it('a connection that breaks while checked out fails its request, not the process; the pool goes on', async () => {
  const errors: Error[] = [];
  const watched = connect(url, { onError: (e) => errors.push(e) });
  const admin = new pg.Client(url);
  await admin.connect();
  try {
    for (const pool of [db, watched]) {
      const attempt = pool.transaction().execute(async (trx) => {
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
        await admin.query('select pg_terminate_backend($1)', [rows[0]!.pid]);
        // The connection ends while this transaction still holds it (between two queries).
        await new Promise((r) => setTimeout(r, 300));
        await sql`select 1`.execute(trx);
      });
      await expect(attempt).rejects.toThrow();
      expect((await sql<{ x: number }>`select 1 as x`.execute(pool)).rows).toEqual([{ x: 1 }]);
    }
    expect(errors.map((e) => e.message).join()).toMatch(/terminat/i);
  } finally {
    await admin.end();
    await watched.destroy();
  }
});
