import { sql, type Kysely, type Transaction } from 'kysely';
import type { ServerDatabase } from '../db/schema';
import { APP_ROLE } from '../db/migrations/0002_sync';

/**
 * Every sync request runs in a transaction as the app role (exportdesk_app: owns no table, cannot
 * bypass row-level security) with the user and their role set for that transaction only, so
 * PostgreSQL's policies decide what the request sees and may write, whatever the code around it
 * does. set_config(…, true) is SET LOCAL: it ends with the transaction, and a pooled connection
 * goes back to the pool as the server's own login role with nothing set.
 */
export type Db = Kysely<ServerDatabase>;
export type Tx = Transaction<ServerDatabase>;

export type ActorRole = 'salesperson' | 'manager' | 'admin';

export interface Actor {
  userId: string;
  role: ActorRole;
}

export const seesAll = (role: ActorRole): boolean => role === 'manager' || role === 'admin';

export async function asUser<T>(db: Db, actor: Actor, work: (trx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('role', ${APP_ROLE}, true), set_config('exportdesk.user_id', ${actor.userId}, true),
                     set_config('exportdesk.role', ${actor.role}, true)`.execute(trx);
    return work(trx);
  });
}

/**
 * Runs `work` as the server's 'system' step within the user's transaction (still the app role, under
 * RLS), then gives the user's role back: for what follows from a write the user was allowed to make
 * but no user may do directly (moving a customer's rows to its new owner's sight).
 */
export async function asSystem<T>(trx: Tx, actor: Actor, work: () => Promise<T>): Promise<T> {
  await sql`select set_config('exportdesk.role', 'system', true)`.execute(trx);
  const result = await work();
  await sql`select set_config('exportdesk.role', ${actor.role}, true)`.execute(trx);
  return result;
}

/**
 * Takes the sync counter's row lock and returns its value. Every writer of sync data takes it
 * first and holds it to its commit, so writers run one at a time and the seqs each assigns are
 * above every seq already committed: a reader that sees seq n has seen every seq below n (no gap
 * that fills in later, which a plain sequence would allow, since transactions commit in any order).
 */
export async function lockCounter(trx: Tx): Promise<number> {
  const { rows } = await sql<{ seq: string }>`update sync_counter set seq = seq where id = 1 returning seq`.execute(trx);
  return Number(rows[0]!.seq);
}

/** Sets the counter to the last seq this transaction used and tells long-polls (at commit). */
export async function finishCounter(trx: Tx, start: number, last: number): Promise<void> {
  if (last === start) return;
  await sql`update sync_counter set seq = ${last} where id = 1`.execute(trx);
  await sql`select pg_notify(${SYNC_CHANNEL}, ${String(last)})`.execute(trx);
}

export const SYNC_CHANNEL = 'exportdesk_sync';
