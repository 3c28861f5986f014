import { sql } from 'kysely';
import { ownerChangeKind, type OwnerChangeData, type OwnerChangeReason } from '../../shared/domain/pool';
import type { CustomerShare } from '../../shared/team/sync';
import { TeamError } from '../../shared/team/errors';
import { uuidv7 } from '../uuid';
import { asSystem, asUser, finishCounter, lockCounter, type Actor, type Db, type Tx } from './session';

/**
 * Who owns a customer, and who else may see it.
 *
 * The laptop keeps a customer's owner as a person's name (customers.owner). The server maps it to
 * the active user of that name (case-insensitive, surrounding spaces ignored; two users of one name:
 * the earlier made); no such user, or no name, makes the customer public (the pool). The registry
 * (sync_customers) holds the result; every row of the customer carries it (owner_user_id), checked
 * against the registry by the write policy.
 */
export interface TeamMember {
  id: string;
  role: string;
  /** As the admin wrote it. */
  name: string;
}

export async function membersByName(trx: Tx): Promise<Map<string, TeamMember>> {
  const { rows } = await sql<{ id: string; name: string; role: string }>`
    select id, name, role from users where removed_at is null order by id`.execute(trx);
  const map = new Map<string, TeamMember>();
  for (const r of rows) {
    const key = nameKey(r.name);
    if (!map.has(key)) map.set(key, { id: r.id, role: r.role, name: r.name });
  }
  return map;
}

export const nameKey = (name: string): string => name.trim().toLowerCase();

/** The user a customer's owner field names (null: public). */
export function ownerOf(value: unknown, members: Map<string, TeamMember>): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  return members.get(nameKey(value))?.id ?? null;
}

export interface Move {
  gid: string;
  from: string | null;
  to: string | null;
  /** Why (the customer's timeline says it): a claim from the pool, a release to it, a return rule, a transfer. */
  reason: OwnerChangeReason;
  /** Who made it (null: a rule). */
  by: string | null;
  /** For a rule: which, its days, the last follow-up done or order. */
  rule?: OwnerChangeData['rule'];
}

/** The node of the clocks the server writes with (its own changes: an owner returned by a rule, the timeline entries). */
export const SERVER_NODE = '0000000000000000';
const NIL = '00000000-0000-0000-0000-000000000000';
export const serverHlc = (now: number) => `${String(Math.floor(now)).padStart(13, '0')}-00000-${SERVER_NODE}`;

/**
 * Moves customers to their new owners (the 'system' step of a push that changed an owner field, or
 * of the pool's return rules): the registry (owner and since when), every row's owner_user_id, new
 * seqs for all their rows (so the new audience's next pull brings them), an owner_events row and a
 * timeline entry (an activities row, kind owner_<reason>, as every laptop keeps them) per move, and
 * an access-log entry for each salesperson who could see a customer before and cannot now (their
 * next pull drops it). Returns the last seq used.
 */
export async function moveCustomers(trx: Tx, actor: Actor, moves: Move[], lastSeq: number, now: number = Date.now()): Promise<number> {
  if (moves.length === 0) return lastSeq;
  return asSystem(trx, actor, async () => {
    const at = new Date(now).toISOString();
    const json = JSON.stringify(moves);
    await sql`update sync_customers c set owner_user_id = m."to", owned_since = ${at}::timestamptz
              from jsonb_to_recordset(${json}::jsonb) as m(gid uuid, "to" uuid) where c.gid = m.gid`.execute(trx);
    let seq = await resequence(
      trx,
      moves.map((m) => m.gid),
      lastSeq,
    );
    seq = await recordOwnerChanges(trx, moves, seq, now);
    // Who lost sight: the old owner (a public customer: every salesperson), unless they are the new
    // owner or it is shared with them; managers and admins see everything anyway.
    const { rows } = await sql<{ user_id: string; customer_gid: string }>`
      select u.id as user_id, m.gid as customer_gid
      from jsonb_to_recordset(${json}::jsonb) as m(gid uuid, "from" uuid, "to" uuid)
      join users u on u.removed_at is null and u.role = 'salesperson'
                  and (m."from" is null or u.id = m."from") and m."to" is not null and u.id <> m."to"
      where not exists (select 1 from customer_shares s where s.customer_gid = m.gid and s.user_id = u.id)
      order by m.gid, u.id`.execute(trx);
    if (rows.length > 0) {
      seq += 1;
      await sql`insert into sync_access_log (seq, user_id, customer_gid)
                select ${seq}, x.user_id, x.customer_gid from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(user_id uuid, customer_gid uuid)`.execute(
        trx,
      );
    }
    return seq;
  });
}

/** owner_events and the timeline entries of these moves (in the 'system' step), at seqs after lastSeq; returns the last. */
async function recordOwnerChanges(trx: Tx, moves: Move[], lastSeq: number, now: number): Promise<number> {
  const ids = [...new Set(moves.flatMap((m) => [m.from, m.to, m.by]).filter((id): id is string => id !== null))];
  const names = new Map<string, string>();
  if (ids.length > 0) {
    const { rows } = await sql<{ id: string; name: string }>`select id, name from users where id = any(${ids}::uuid[])`.execute(trx);
    for (const r of rows) names.set(r.id, r.name);
  }
  const nameOf = (id: string | null) => (id === null ? '' : (names.get(id) ?? ''));
  const at = new Date(now).toISOString();
  const hlc = serverHlc(now);
  let seq = lastSeq;
  const events = moves.map((m) => ({
    id: uuidv7(now),
    seq: ++seq,
    customer_gid: m.gid,
    from_user: m.from,
    to_user: m.to,
    by_user: m.by,
    reason: m.reason,
    rule: m.rule ?? null,
  }));
  await sql`insert into owner_events (id, seq, customer_gid, from_user, to_user, by_user, reason, rule, at)
            select x.id, x.seq, x.customer_gid, x.from_user, x.to_user, x.by_user, x.reason, x.rule, ${at}::timestamptz
            from jsonb_to_recordset(${JSON.stringify(events)}::jsonb)
              as x(id uuid, seq bigint, customer_gid uuid, from_user uuid, to_user uuid, by_user uuid, reason text, rule jsonb)`.execute(
    trx,
  );
  const activities = moves.map((m, i) => {
    const data: OwnerChangeData = {
      from: nameOf(m.from),
      to: nameOf(m.to),
      by: nameOf(m.by),
      reason: m.reason,
      ...(m.rule ? { rule: m.rule } : {}),
    };
    const fields = {
      customer_id: m.gid,
      kind: ownerChangeKind(m.reason),
      occurred_at: at,
      summary: `${data.from} → ${data.to}`,
      ref_table: null,
      ref_id: null,
      data: JSON.stringify(data),
      created_at: at,
    };
    const gid = uuidv7(now);
    const rowSeq = ++seq;
    const writer = { d: NIL, u: m.by ?? NIL, s: rowSeq, o: events[i]!.id };
    return {
      tbl: 'activities',
      gid,
      customer_gid: m.gid,
      owner_user_id: m.to,
      fields,
      clocks: Object.fromEntries(Object.keys(fields).map((f) => [f, hlc])),
      writers: Object.fromEntries(Object.keys(fields).map((f) => [f, writer])),
      seq: rowSeq,
    };
  });
  await sql`insert into sync_rows (tbl, gid, customer_gid, owner_user_id, team, fields, clocks, writers, seq, full_seq)
            select x.tbl, x.gid, x.customer_gid, x.owner_user_id, false, x.fields, x.clocks, x.writers, x.seq, x.seq
            from jsonb_to_recordset(${JSON.stringify(activities)}::jsonb)
              as x(tbl text, gid uuid, customer_gid uuid, owner_user_id uuid, fields jsonb, clocks jsonb, writers jsonb, seq bigint)`.execute(
    trx,
  );
  return seq;
}

/** Gives every row of these customers a new seq after lastSeq (their order kept); returns the last. */
export async function resequence(trx: Tx, customerGids: string[], lastSeq: number): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    with moved as (
      select r.tbl, r.gid, c.owner_user_id, row_number() over (order by r.seq) as n
      from sync_rows r join sync_customers c on c.gid = r.customer_gid
      where r.customer_gid = any(${customerGids}::uuid[]))
    update sync_rows r set seq = ${lastSeq} + moved.n, full_seq = ${lastSeq} + moved.n, owner_user_id = moved.owner_user_id
    from moved where r.tbl = moved.tbl and r.gid = moved.gid
    returning moved.n`.execute(trx);
  return lastSeq + rows.length;
}

const toShare = (r: { customer_gid: string; user_id: string; can_write: boolean }): CustomerShare => ({
  customerGid: r.customer_gid,
  userId: r.user_id,
  canWrite: r.can_write,
});

export async function shares(db: Db, actor: Actor, customerGid: string): Promise<CustomerShare[]> {
  return asUser(db, actor, async (trx) => {
    const rows = await trx
      .selectFrom('customer_shares')
      .select(['customer_gid', 'user_id', 'can_write'])
      .where('customer_gid', '=', customerGid)
      .orderBy('user_id')
      .execute();
    return rows.map(toShare);
  });
}

/**
 * Shares a customer with a user (or changes whether they may write it): the managers' endpoint. A
 * new share gives the customer's rows new seqs, so the user's next pull brings them.
 */
export async function addShare(db: Db, actor: Actor, input: ShareInput): Promise<CustomerShare> {
  return asUser(db, actor, (trx) => shareCustomer(trx, input));
}

export interface ShareInput {
  gid: string;
  userId: string;
  canWrite: boolean;
}

/**
 * The share itself, within a transaction whose role may write customer_shares: a manager's (the
 * endpoint above), or the 'system' step of an owner's answer to a request to share
 * (collision-requests.ts), who has been checked to own the customer.
 */
export async function shareCustomer(trx: Tx, input: ShareInput): Promise<CustomerShare> {
  const start = await lockCounter(trx);
  const user = await trx
    .selectFrom('users')
    .select(['id'])
    .where('id', '=', input.userId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  if (!user) throw new TeamError('NOT_FOUND', 'no such user');
  const customer = await trx.selectFrom('sync_customers').select('gid').where('gid', '=', input.gid).executeTakeFirst();
  if (!customer) throw new TeamError('NOT_FOUND', 'no such customer on the server');
  const before = await trx
    .selectFrom('customer_shares')
    .select('can_write')
    .where('customer_gid', '=', input.gid)
    .where('user_id', '=', input.userId)
    .executeTakeFirst();
  const row = await trx
    .insertInto('customer_shares')
    .values({ customer_gid: input.gid, user_id: input.userId, can_write: input.canWrite })
    .onConflict((oc) => oc.columns(['customer_gid', 'user_id']).doUpdateSet({ can_write: input.canWrite }))
    .returning(['customer_gid', 'user_id', 'can_write'])
    .executeTakeFirstOrThrow();
  if (!before) await finishCounter(trx, start, await resequence(trx, [input.gid], start));
  return toShare(row);
}

/** Unshares it: if the user may no longer see the customer, their next pull drops it. */
export async function dropShare(db: Db, actor: Actor, input: { gid: string; userId: string }): Promise<{ removed: boolean }> {
  return asUser(db, actor, async (trx) => {
    const start = await lockCounter(trx);
    const deleted = await trx
      .deleteFrom('customer_shares')
      .where('customer_gid', '=', input.gid)
      .where('user_id', '=', input.userId)
      .returning('user_id')
      .executeTakeFirst();
    if (!deleted) return { removed: false };
    const { rows } = await sql<{ loses: boolean }>`
      select u.role = 'salesperson' and c.owner_user_id is not null and c.owner_user_id <> u.id as loses
      from users u, sync_customers c where u.id = ${input.userId} and c.gid = ${input.gid}`.execute(trx);
    if (rows[0]?.loses) {
      await trx
        .insertInto('sync_access_log')
        .values({ seq: start + 1, user_id: input.userId, customer_gid: input.gid })
        .execute();
      await finishCounter(trx, start, start + 1);
    }
    return { removed: true };
  });
}
