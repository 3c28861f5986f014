import { sql } from 'kysely';
import { poolReturnDue, poolRulesOf, POOL_RULES_GID, type PoolRules, type PoolRulesRow } from '../../shared/domain/pool';
import { FACTS_SET } from '../db/migrations/0004_pool';
import { moveCustomers, serverHlc, type Move } from './ownership';
import { asSystem, asUser, finishCounter, lockCounter, type Actor, type Db, type Tx } from './session';

/**
 * The pool's return rules on the server (#20): every owned customer with no completed follow-up for
 * N days, or no order for M days (each counted from the later of the last one and the day its owner
 * got it; src/shared/domain/pool.ts poolReturnDue), goes back to the public pool: its owner field
 * becomes '' (a change the server writes, at its own clock), the registry moves it, and the
 * customer's timeline says which rule returned it (moveCustomers). One transaction.
 *
 * The server runs it by itself (hourly) and a manager can run it now (POST /v1/pool/run). It runs as
 * the server's own job: an admin-level actor with no user (RLS still applies; the nil user id).
 */
const JOB: Actor = { userId: '00000000-0000-0000-0000-000000000000', role: 'admin' };
const NIL = JOB.userId;

export interface PoolRun {
  returned: number;
  /** Owned customers the rules looked at. */
  checked: number;
  seq: number;
}

export async function applyPoolRules(db: Db, now: number = Date.now()): Promise<PoolRun> {
  return asUser(db, JOB, async (trx) => {
    const start = await lockCounter(trx);
    const { rows: ruleRows } = await sql<{ fields: Partial<PoolRulesRow> }>`
      select fields from sync_rows where tbl = 'pool_rules' and gid = ${POOL_RULES_GID}`.execute(trx);
    const rules: PoolRules = poolRulesOf(ruleRows[0]?.fields);
    if (rules.returnAfterFollowupDays === null && rules.returnAfterOrderDays === null) return { returned: 0, checked: 0, seq: start };
    const { rows: counted } = await sql<{ n: string }>`
      select count(*) as n from sync_customers where owner_user_id is not null and not archived`.execute(trx);
    const checked = Number(counted[0]?.n ?? 0);
    // The customers due, from the facts pushes keep on the registry (one row each; see refreshFacts).
    const { rows } = await sql<{ gid: string; owner: string; owned_since: Date; last_done: Date | null; last_order: Date | null }>`
      select gid, owner_user_id as owner, owned_since, last_done_at as last_done, last_order_at as last_order
      from sync_customers
      where owner_user_id is not null and not archived and (
        (${rules.returnAfterFollowupDays}::int is not null
          and greatest(owned_since, coalesce(last_done_at, owned_since)) <= ${new Date(now).toISOString()}::timestamptz - make_interval(days => ${rules.returnAfterFollowupDays}::int))
        or (${rules.returnAfterOrderDays}::int is not null
          and greatest(owned_since, coalesce(last_order_at, owned_since)) <= ${new Date(now).toISOString()}::timestamptz - make_interval(days => ${rules.returnAfterOrderDays}::int)))
      order by gid`.execute(trx);
    const iso = (d: Date | null) => (d === null ? null : d.toISOString());
    const moves: Move[] = [];
    for (const r of rows) {
      const due = poolReturnDue(
        rules,
        { ownedSince: r.owned_since.toISOString(), lastDoneAt: iso(r.last_done), lastOrderAt: iso(r.last_order) },
        now,
      );
      if (due) moves.push({ gid: r.gid, from: r.owner, to: null, by: null, reason: 'rule', rule: due });
    }
    if (moves.length === 0) return { returned: 0, checked, seq: start };
    // The owner field, as the server writes it: '' at the server's clock (the registry follows in moveCustomers).
    const hlc = serverHlc(now);
    const writer = JSON.stringify({ d: NIL, u: NIL, s: start + 1, o: NIL });
    await sql`update sync_rows r set fields = r.fields || jsonb_build_object('owner', ''),
                clocks = r.clocks || jsonb_build_object('owner', ${hlc}::text),
                writers = r.writers || jsonb_build_object('owner', ${writer}::jsonb)
              where r.tbl = 'customers' and r.gid = any(${moves.map((m) => m.gid)}::uuid[])`.execute(trx);
    const seq = await moveCustomers(trx, JOB, moves, start, now);
    await finishCounter(trx, start, seq);
    return { returned: moves.length, checked, seq };
  });
}

/** Runs the rules every `everyMs` (first after `firstMs`) until stopped; a failed run is logged and tried again next time. */
export function schedulePoolRules(
  db: Db,
  options: { everyMs: number; firstMs: number; now: () => number; log: (line: string) => void },
): () => void {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = async () => {
    try {
      const run = await applyPoolRules(db, options.now());
      if (run.returned > 0) options.log(`[pool] ${run.returned} of ${run.checked} owned customers returned to the pool by the rules`);
    } catch (err) {
      options.log(`[pool] the return rules failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (!stopped) timer = setTimeout(() => void tick(), options.everyMs);
  };
  timer = setTimeout(() => void tick(), options.firstMs);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

/** The fields whose change can change what the rules read of a customer, by table. */
export const FACT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  customers: ['archived_at', '_deleted'],
  follow_ups: ['status', 'done_at', '_deleted', 'customer_id'],
  orders: ['ordered_at', 'cancelled', '_deleted', 'customer_id'],
};

/**
 * Recomputes the facts the return rules read (latest follow-up done, latest order not cancelled,
 * archived or deleted) of these customers from their rows, in the 'system' step of the push that
 * changed them: the hourly run then reads one registry row per customer.
 */
export async function refreshFacts(trx: Tx, actor: Actor, customerGids: readonly string[]): Promise<void> {
  if (customerGids.length === 0) return;
  await asSystem(trx, actor, async () => {
    await sql`
      update sync_customers c set ${sql.raw(FACTS_SET)}
      where c.gid = any(${[...customerGids]}::uuid[])`.execute(trx);
  });
}
