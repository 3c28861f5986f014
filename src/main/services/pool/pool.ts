import { sql } from 'kysely';
import { AppError } from '../../../shared/errors';
import { claimRefusal, coolingEnds, ownerChangeKind, type OwnerChangeData, type PoolRefusal } from '../../../shared/domain/pool';
import type { PoolStatus } from '../../../shared/ipc/channels/pool';
import type { ReadDb, WriteTx } from '../../db/sql';
import { isoNow, type ServiceContext } from '../context';
import { heldBy, holdingFactsOf, releasedBy, returnsAt } from './facts';
import { actsForFirm, requireMe, sameName, whoAmI } from './me';
import { readPoolRules } from './rules';

/**
 * Claiming a customer from the public pool (公海) and releasing one to it (#20). The rules decide
 * as src/shared/domain/pool.ts says, here on the laptop. On a book of its own the laptop is the
 * authority: the owner changes and the change goes on the customer's timeline (activities
 * `owner_claim` / `owner_release`). In a team the owner is changed here too (the capture sends it),
 * but the server decides again and writes the timeline entry everyone pulls; a claim it refuses
 * comes back with the server's owner, which the sync puts back (team-sync.ts, acknowledge).
 */

function customerRow(reader: ReadDb | WriteTx, id: number) {
  const c = reader.first(reader.selectFrom('customers').select(['id', 'gid', 'owner', 'archived_at']).where('id', '=', id));
  if (!c) throw new AppError('NOT_FOUND', `customer ${id} does not exist`, { id });
  return c;
}

/** The customer's place in the pool for this user, at `now` (ms). */
export function poolStatusIn(reader: ReadDb | WriteTx, customerId: number, now: number): PoolStatus {
  const c = customerRow(reader, customerId);
  const me = whoAmI(reader);
  const rules = readPoolRules(reader);
  const inPool = c.owner === '';
  const mine = me.name !== null && !inPool && sameName(c.owner, me.name);
  const held = me.name !== null ? heldBy(reader, me.name, rules) : 0;
  const releasedAt = me.name !== null ? releasedBy(reader, customerId, me.name) : null;
  const refusal =
    me.name === null
      ? null
      : claimRefusal(rules, { owner: inPool ? null : mine ? me.name : c.owner, me: me.name, held, releasedByMeAt: releasedAt, now });
  const pending =
    me.inTeam &&
    reader.first(
      reader
        .selectFrom('sync_outbox')
        .select(sql<number>`1`.as('x'))
        .where('tbl', '=', 'customers')
        .where('gid', '=', c.gid)
        .where('field', '=', 'owner'),
    ) !== undefined;
  const facts = inPool ? undefined : holdingFactsOf(reader, customerId);
  return {
    customerId,
    owner: c.owner,
    me: me.name,
    inPool,
    mine,
    canClaim: me.name !== null && inPool && refusal === null,
    refusal,
    coolingEndsAt: refusal === 'POOL_COOLING' ? coolingEnds(rules, releasedAt, now) : null,
    held,
    cap: rules.cap,
    canRelease: me.name !== null && !inPool && (mine || (me.inTeam && actsForFirm(me))),
    pending,
    returnsAt: facts ? returnsAt(rules, facts) : null,
  };
}

export function poolStatus(ctx: ServiceContext, customerId: number): PoolStatus {
  return poolStatusIn(ctx.read, customerId, ctx.now().getTime());
}

export interface OwnerActivity {
  customer_id: number;
  kind: string;
  occurred_at: string;
  summary: string;
  data: string;
  created_at: string;
}

/** The timeline entry of an owner change (made here only on a book that is not in a team). */
export function ownerChangeActivity(customerId: number, data: OwnerChangeData, at: string): OwnerActivity {
  return {
    customer_id: customerId,
    kind: ownerChangeKind(data.reason),
    occurred_at: at,
    summary: `${data.from} → ${data.to}`,
    data: JSON.stringify(data),
    created_at: at,
  };
}

/** A claim or release the rules refuse, with the details the UI explains it by (who holds it, the cap, the cooling-off). */
function refusalError(code: PoolRefusal, message: string, status: PoolStatus): AppError {
  return new AppError(code, message, {
    customerId: status.customerId,
    owner: status.owner || null,
    held: status.held,
    cap: status.cap,
    coolingEndsAt: status.coolingEndsAt,
  });
}

/** The owner's change, with owner_since given (the 0016 trigger stamps it only when the statement does not). */
function setOwner(tx: WriteTx, customerId: number, owner: string, now: string): void {
  tx.run(
    tx
      .updateTable('customers')
      .set({ owner, owner_since: now, updated_at: now, version: sql<number>`version + 1` })
      .where('id', '=', customerId),
  );
}

/**
 * Claims a customer for this user: ME_REQUIRED without a user; POOL_TAKEN / POOL_CAP / POOL_COOLING
 * (details: customerId, owner, held, cap, coolingEndsAt) when the rules refuse; a customer already
 * theirs is left as it is. One transaction.
 */
export async function claimCustomer(ctx: ServiceContext, customerId: number): Promise<PoolStatus> {
  const nowMs = ctx.now().getTime();
  const now = isoNow(ctx);
  return ctx.db.transaction((tx) => {
    const status = poolStatusIn(tx, customerId, nowMs);
    const me = whoAmI(tx);
    const name = requireMe(me);
    if (status.mine) return status;
    if (status.refusal !== null) {
      const why = {
        POOL_TAKEN: `the customer is ${status.owner}'s`,
        POOL_CAP: `you hold ${status.held} customers, the cap is ${status.cap ?? 'none'}`,
        POOL_COOLING: `you released the customer less than the cooling-off period ago (claimable from ${status.coolingEndsAt ?? 'now'})`,
      }[status.refusal];
      throw refusalError(status.refusal, `this customer cannot be claimed: ${why}`, status);
    }
    setOwner(tx, customerId, name, now);
    if (!me.inTeam) {
      tx.run(tx.insertInto('activities').values(ownerChangeActivity(customerId, { from: '', to: name, by: name, reason: 'claim' }, now)));
    }
    return poolStatusIn(tx, customerId, nowMs);
  });
}

/**
 * Returns a customer to the pool: its owner may, and in a team a manager or admin may release
 * anyone's (POOL_TAKEN otherwise, as the server answers; ME_REQUIRED without a user). A customer
 * already in the pool is left as it is. One transaction.
 */
export async function releaseCustomer(ctx: ServiceContext, customerId: number): Promise<PoolStatus> {
  const nowMs = ctx.now().getTime();
  const now = isoNow(ctx);
  return ctx.db.transaction((tx) => {
    const status = poolStatusIn(tx, customerId, nowMs);
    const me = whoAmI(tx);
    const name = requireMe(me);
    if (status.inPool) return status;
    if (!status.canRelease) {
      throw refusalError(
        'POOL_TAKEN',
        `the customer is ${status.owner}'s: only they${me.inTeam ? ' or a manager' : ''} may release it`,
        status,
      );
    }
    setOwner(tx, customerId, '', now);
    if (!me.inTeam) {
      tx.run(
        tx
          .insertInto('activities')
          .values(ownerChangeActivity(customerId, { from: status.owner, to: '', by: name, reason: 'release' }, now)),
      );
    }
    return poolStatusIn(tx, customerId, nowMs);
  });
}
