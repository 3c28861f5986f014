import { sql } from 'kysely';
import type { CollisionAnswer, CollisionLead, CollisionRequest, CollisionRequestKind } from '../../shared/team/collisions';
import { TeamError } from '../../shared/team/errors';
import { uuidv7 } from '../uuid';
import { userNames, visibleCompanies } from './collisions';
import { shareCustomer } from './ownership';
import { asSystem, asUser, seesAll, type Actor, type Db, type Tx } from './session';

/**
 * What a salesperson does about a colleague's customer the collision check found (撞单, #20):
 * asks its owner to share it, or passes them a lead met for it (migration 0006,
 * collision_requests). The asker, the customer's owner (now) and the managers see a request; the
 * owner or a manager answers it: a share (read-only or writable: the asker's next pull brings the
 * customer), 'added' (a lead the owner's laptop has added to the customer) or declined.
 */
export interface RequestInput {
  gid: string;
  kind: CollisionRequestKind;
  lead?: CollisionLead | undefined;
}

interface RequestRow {
  id: string;
  customer_gid: string;
  kind: CollisionRequestKind;
  by_user: string;
  lead: CollisionLead | null;
  created_at: Date;
  answered_at: Date | null;
  answered_by: string | null;
  answer: CollisionAnswer | null;
}

const COLUMNS = sql.raw('id, customer_gid, kind, by_user, lead, created_at, answered_at, answered_by, answer');
const LIMIT = 200;

/** The requests as this user sees them: names, the customer's owner now, its company only where the user may see the customer. */
async function describe(trx: Tx, actor: Actor, rows: readonly RequestRow[]): Promise<CollisionRequest[]> {
  if (rows.length === 0) return [];
  const gids = [...new Set(rows.map((r) => r.customer_gid))];
  // Who holds each customer now: the asker may not see it, yet is told whom they asked.
  const owners = new Map(
    (
      await asSystem(trx, actor, () =>
        sql<{ gid: string; owner: string | null }>`
          select gid, owner_user_id as owner from sync_customers where gid = any(${gids}::uuid[])`.execute(trx),
      )
    ).rows.map((o) => [o.gid, o.owner]),
  );
  const userIds = [
    ...new Set(rows.flatMap((r) => [r.by_user, r.answered_by, owners.get(r.customer_gid) ?? null]).filter((u): u is string => u !== null)),
  ];
  const names = await userNames(trx, userIds);
  // Under this user's row-level security: what they may see.
  const visible = await visibleCompanies(trx, gids);
  return rows.map((r) => {
    const owner = owners.get(r.customer_gid) ?? null;
    return {
      id: r.id,
      gid: r.customer_gid,
      kind: r.kind,
      by: names.get(r.by_user) ?? null,
      byId: r.by_user,
      owner: owner ? (names.get(owner) ?? null) : null,
      ownerId: owner,
      visible: visible.has(r.customer_gid),
      company: visible.get(r.customer_gid) ?? null,
      lead: r.lead,
      createdAt: r.created_at.toISOString(),
      answeredAt: r.answered_at ? r.answered_at.toISOString() : null,
      answeredBy: r.answered_by ? (names.get(r.answered_by) ?? null) : null,
      answer: r.answer,
    };
  });
}

async function byId(trx: Tx, id: string): Promise<RequestRow | undefined> {
  const { rows } = await sql<RequestRow>`select ${COLUMNS} from collision_requests where id = ${id}::uuid`.execute(trx);
  return rows[0];
}

/**
 * POST /v1/collisions/requests. The customer must exist (NOT_FOUND) and be a colleague's: the
 * asker's own, or one in the pool (claim it instead), is a CONFLICT; so is a share asked by a
 * manager (who sees every customer) or by someone it is already shared with. A second share
 * request while one is open answers the open one.
 */
export async function requestCollisionAction(db: Db, actor: Actor, input: RequestInput, now: number): Promise<CollisionRequest> {
  return asUser(db, actor, async (trx) => {
    const customer = await asSystem(trx, actor, async () => {
      const { rows } = await sql<{ owner: string | null; shared: boolean }>`
        select c.owner_user_id as owner,
               exists (select 1 from customer_shares s where s.customer_gid = c.gid and s.user_id = ${actor.userId}::uuid) as shared
        from sync_customers c where c.gid = ${input.gid}::uuid`.execute(trx);
      return rows[0];
    });
    if (!customer) throw new TeamError('NOT_FOUND', 'no such customer on the server');
    if (customer.owner === null) throw new TeamError('CONFLICT', 'the customer is in the public pool: claim it instead');
    if (customer.owner === actor.userId) throw new TeamError('CONFLICT', 'the customer is already yours');
    if (input.kind === 'share') {
      if (seesAll(actor.role)) throw new TeamError('CONFLICT', 'managers see every customer already');
      if (customer.shared) throw new TeamError('CONFLICT', 'the customer is already shared with you');
    }
    const id = uuidv7(now);
    const at = new Date(now).toISOString();
    const lead = input.kind === 'lead' && input.lead ? JSON.stringify(input.lead) : null;
    await asSystem(trx, actor, () =>
      sql`insert into collision_requests (id, customer_gid, kind, by_user, lead, created_at)
          values (${id}::uuid, ${input.gid}::uuid, ${input.kind}, ${actor.userId}::uuid, ${lead}::jsonb, ${at}::timestamptz)
          on conflict (customer_gid, by_user) where kind = 'share' and answered_at is null do nothing`.execute(trx),
    );
    // Asked before and not answered yet: that one.
    const { rows } =
      input.kind === 'share'
        ? await sql<RequestRow>`select ${COLUMNS} from collision_requests
            where customer_gid = ${input.gid}::uuid and by_user = ${actor.userId}::uuid and kind = 'share' and answered_at is null`.execute(
            trx,
          )
        : { rows: [await byId(trx, id)].filter((r): r is RequestRow => r !== undefined) };
    if (rows.length === 0) throw new Error('the request just made is not there');
    return (await describe(trx, actor, rows))[0]!;
  });
}

/** The requests this user made or may answer (managers: all), open ones first, newest first. */
export async function collisionRequests(db: Db, actor: Actor): Promise<CollisionRequest[]> {
  return asUser(db, actor, async (trx) => {
    const { rows } = await sql<RequestRow>`
      select ${COLUMNS} from collision_requests
      order by answered_at is not null, created_at desc, id desc
      limit ${LIMIT}`.execute(trx);
    return describe(trx, actor, rows);
  });
}

/**
 * POST /v1/collisions/requests/:id/answer, by the customer's owner or a manager (FORBIDDEN for
 * anyone else, the asker included; NOT_FOUND: no such request; CONFLICT: answered already).
 * 'shared_read' / 'shared_write' share the customer with the asker (the 'system' step: the owner
 * may share their own customer this way); 'added' is for a lead only (INVALID_INPUT otherwise).
 */
export async function answerCollisionRequest(
  db: Db,
  actor: Actor,
  id: string,
  answer: CollisionAnswer,
  now: number,
): Promise<CollisionRequest> {
  return asUser(db, actor, async (trx) => {
    const found = await asSystem(trx, actor, async () => {
      const { rows } = await sql<RequestRow & { owner: string | null }>`
        select r.id, r.customer_gid, r.kind, r.by_user, r.lead, r.created_at, r.answered_at, r.answered_by, r.answer,
               c.owner_user_id as owner
        from collision_requests r join sync_customers c on c.gid = r.customer_gid
        where r.id = ${id}::uuid`.execute(trx);
      return rows[0];
    });
    if (!found) throw new TeamError('NOT_FOUND', 'no such request');
    if (!(seesAll(actor.role) || found.owner === actor.userId)) {
      throw new TeamError('FORBIDDEN', 'only the customer’s owner or a manager answers this request');
    }
    if (answer === 'added' && found.kind !== 'lead') throw new TeamError('INVALID_INPUT', 'only a lead is added');
    const updated = await sql`
      update collision_requests set answered_at = ${new Date(now).toISOString()}::timestamptz, answered_by = ${actor.userId}::uuid, answer = ${answer}
      where id = ${id}::uuid and answered_at is null`.execute(trx);
    if (Number(updated.numAffectedRows ?? 0) === 0) throw new TeamError('CONFLICT', 'the request was answered already');
    if (answer === 'shared_read' || answer === 'shared_write') {
      await asSystem(trx, actor, () =>
        shareCustomer(trx, { gid: found.customer_gid, userId: found.by_user, canWrite: answer === 'shared_write' }),
      );
    }
    const row = await byId(trx, id);
    return (await describe(trx, actor, [row!]))[0]!;
  });
}
