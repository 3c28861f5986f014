import { isDeepStrictEqual } from 'node:util';
import { sql } from 'kysely';
import { TeamError } from '../../shared/team/errors';
import { MAX_CLOCK_AHEAD_MS, type OpRejectCode, type OpResult, type SyncOp } from '../../shared/team/sync';
import {
  DELETED_FIELD,
  FIELD_NAME,
  levelOf as tableLevel,
  isTagField,
  ROW_FIELD,
  syncTable,
  TAG_FIELD_PREFIX,
  type Audience,
} from '../../shared/sync/tables';
import { claimRefusal, poolRuleValueOk, poolRulesOf, POOL_RULES_GID, type PoolRules, type PoolRulesRow } from '../../shared/domain/pool';
import { uuidv7 } from '../uuid';
import { membersByName, moveCustomers, ownerOf, type Move, type TeamMember } from './ownership';
import { KEY_FIELDS, recordCollisions, refreshKeys } from './collisions';
import { pick } from './pick';
import { FACT_FIELDS, refreshFacts } from './pool';
import { asSystem, asUser, finishCounter, lockCounter, seesAll, type Actor, type Db, type Tx } from './session';

/**
 * POST /v1/push: a batch of field-level ops applied in one transaction.
 *
 * 1. Each op is checked on its own (table, field, value); a clock more than 5 minutes ahead of the
 *    server's is clamped to the server's now (the result says so). An op is one field, a tag of a
 *    customer (`tag:<t>`, true or false) or a whole new row (field '*', its value an object of the
 *    row's fields, as the laptop's capture sends a new row): '*' is expanded into one change per
 *    field at the op's clock and goes through everything below like the field ops (its row's
 *    customer and owner are taken from the object); it is answered once, as one op.
 * 2. In the transaction, as the app role under RLS: the counter lock (pushes run one at a time, so
 *    seqs follow commit order), known op ids (duplicates answer as they did the first time), the
 *    rows the batch touches and the parents its new rows name, the users by name.
 * 3. New customers are registered (as public or the writer's own until the 'system' step moves
 *    them); a registry row that already exists unseen means another's customer: FORBIDDEN.
 * 4. Every op is checked against its row's customer (may this user write it?) and applied in memory:
 *    field-level last-writer-wins by HLC, ties by op id. An op meets a concurrent write when the
 *    field's current value came from another device at a seq after the op's baseSeq (the laptop
 *    had not seen it); that is logged once in sync_conflicts, whichever side wins.
 * 5. Written with a few multi-row statements (jsonb_to_recordset), never one per op: new rows
 *    (parents before children, each level inserted ON CONFLICT DO NOTHING: a gid already taken by
 *    a row this user cannot see rejects its ops), changed rows, conflicts, the ops. Customers whose
 *    owner changed are moved ('system' step), then the counter is set and NOTIFY sent (at commit).
 *
 * PostgreSQL's policies check every row written again: if this code let through what they do not,
 * the statement fails and so does the whole batch (nothing half-applied).
 */

interface Writer {
  /** device id */
  d: string;
  /** user id */
  u: string;
  /** seq of the write (0 while pending in this push) */
  s: number;
  /** op id */
  o: string;
}

interface RowState {
  tbl: string;
  gid: string;
  customerGid: string | null;
  ownerUserId: string | null;
  team: boolean;
  fields: Record<string, unknown>;
  clocks: Record<string, string>;
  writers: Record<string, Writer>;
  /** Whether this user may write it (computed by the database's own function for loaded rows). */
  mayWrite: boolean;
  isNew: boolean;
  /** Why its ops are rejected (set while resolving a new row). */
  rejected?: OpRejectCode;
  /** For a customer this user cannot see that their op claimed: who holds it (a name). */
  holder?: string;
  changed: boolean;
  /** The fields this batch changed (an existing row's UPDATE writes only these). */
  dirty: Set<string>;
  seq: number;
  /** 0 for customers and team rows, 1 for their children, 2 for grandchildren (insert order). */
  level: number;
}

interface Prepared {
  index: number;
  op: SyncOp;
  hlc: string;
  clamped: boolean;
  spec: Audience;
  level: number;
  /** The field changes the op makes: one, or one per field of a '*' op. */
  changes: { field: string; value: unknown }[];
}

interface ConflictRow {
  id: string;
  seq: number;
  tbl: string;
  gid: string;
  customer_gid: string | null;
  field: string;
  kept_value: unknown;
  kept_hlc: string;
  kept_device_id: string | null;
  kept_user_id: string | null;
  kept_op_id: string | null;
  lost_value: unknown;
  lost_hlc: string;
  lost_device_id: string | null;
  lost_user_id: string | null;
  lost_op_id: string | null;
}

export interface PushPrincipal extends Actor {
  deviceId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const key = (tbl: string, gid: string) => `${tbl}\u0000${gid.toLowerCase()}`;
const pad13 = (n: number) => String(n).padStart(13, '0');

/** A clock just after `held` (its time, the next counter), with the node of `mine`. */
export function justAfter(held: string, mine: string): string {
  const counter = Number(held.slice(14, 19)) + 1;
  if (counter > 99_999) return `${pad13(Number(held.slice(0, 13)) + 1)}-00000-${mine.slice(20)}`;
  return `${held.slice(0, 13)}-${String(counter).padStart(5, '0')}-${mine.slice(20)}`;
}

/** The op's clock, or the server's now (counter 0, the op's node) when it is too far ahead. */
export function clampHlc(hlc: string, now: number): { hlc: string; clamped: boolean } {
  const wall = Number(hlc.slice(0, 13));
  if (wall <= now + MAX_CLOCK_AHEAD_MS) return { hlc, clamped: false };
  return { hlc: `${pad13(Math.floor(now))}-00000-${hlc.slice(20)}`, clamped: true };
}

const isObject = (v: unknown): v is Record<string, SyncOp['value']> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The op's field changes, or why it is rejected before the transaction. */
function staticCheck(op: SyncOp, spec: Audience | undefined): OpRejectCode | { field: string; value: unknown }[] {
  if (!spec) return 'UNKNOWN_TABLE';
  let changes: { field: string; value: unknown }[];
  if (op.field === ROW_FIELD) {
    if (!isObject(op.value) || Object.keys(op.value).length === 0) return 'INVALID_VALUE';
    changes = Object.entries(op.value).map(([field, value]) => ({ field, value }));
    if (changes.some((c) => !FIELD_NAME.test(c.field))) return 'INVALID_FIELD';
  } else if (op.field.startsWith(TAG_FIELD_PREFIX)) {
    if (spec.kind !== 'customer' || !isTagField(op.field)) return 'INVALID_FIELD';
    if (typeof op.value !== 'boolean') return 'INVALID_VALUE';
    changes = [{ field: op.field, value: op.value }];
  } else {
    if (!FIELD_NAME.test(op.field)) return 'INVALID_FIELD';
    changes = [{ field: op.field, value: op.value }];
  }
  if (spec.kind === 'child' && changes.some((c) => c.field === spec.fk && !(typeof c.value === 'string' && UUID.test(c.value)))) {
    return 'INVALID_FIELD';
  }
  if (JSON.stringify(op.value).includes('\\u0000')) return 'INVALID_VALUE';
  // The pool's rules: only their own fields, each in its range (a laptop keeps some NOT NULL).
  if (op.tbl === 'pool_rules' && changes.some((c) => c.field !== DELETED_FIELD && !poolRuleValueOk(c.field, c.value)))
    return 'INVALID_VALUE';
  return changes;
}

type LoadedRow = {
  tbl: string;
  gid: string;
  customer_gid: string | null;
  owner_user_id: string | null;
  team: boolean;
  fields: Record<string, unknown>;
  clocks: Record<string, string>;
  writers: Record<string, Writer>;
  seq: string;
  may_write: boolean;
};

export async function push(
  db: Db,
  who: PushPrincipal,
  ops: SyncOp[],
  now: number = Date.now(),
): Promise<{ results: OpResult[]; seq: number }> {
  const results: (OpResult | undefined)[] = new Array<OpResult | undefined>(ops.length);
  /** The first occurrence of each op id (all are recorded in sync_ops), and those to apply. */
  const firsts: Pick<Prepared, 'index' | 'op' | 'hlc' | 'clamped'>[] = [];
  const prepared: Prepared[] = [];
  const firstIndex = new Map<string, number>();
  ops.forEach((op, index) => {
    if (firstIndex.has(op.opId)) return; // a repeat within the batch: answered after the first
    firstIndex.set(op.opId, index);
    const first = { index, op, ...clampHlc(op.hlc, now) };
    firsts.push(first);
    const table = syncTable(op.tbl);
    const checked = staticCheck(op, table?.audience);
    if (typeof checked === 'string') results[index] = { opId: op.opId, status: 'rejected', code: checked };
    else prepared.push({ ...first, spec: table!.audience, level: tableLevel(table!), changes: checked });
  });

  return asUser(db, who, async (trx) => {
    const start = await lockCounter(trx);
    let next = start;

    // Ops this server has seen (this user's; another user's op id is caught by the insert below).
    const known = new Map<string, { status: 'applied' | 'rejected'; code: string | null }>();
    if (firstIndex.size > 0) {
      const { rows } = await sql<{ op_id: string; status: 'applied' | 'rejected'; code: string | null }>`
        select op_id, status, code from sync_ops where op_id = any(${[...firstIndex.keys()]}::uuid[])`.execute(trx);
      for (const r of rows) known.set(r.op_id.toLowerCase(), r);
    }
    const fresh = prepared.filter((p) => {
      const k = known.get(p.op.opId.toLowerCase());
      if (!k) return true;
      results[p.index] = { opId: p.op.opId, status: 'duplicate', first: k.status, ...(k.code ? { code: k.code as OpRejectCode } : {}) };
      return false;
    });
    for (const [opId, index] of firstIndex) {
      const k = known.get(opId.toLowerCase());
      if (k && results[index]?.status === 'rejected') {
        results[index] = { opId, status: 'duplicate', first: k.status, ...(k.code ? { code: k.code as OpRejectCode } : {}) };
      }
    }

    const rows = await loadRows(trx, fresh);
    const members = await membersByName(trx);

    // The last op (by clock) of each new row's fields that decide where it belongs.
    const latest = new Map<string, { p: Prepared; value: unknown }>();
    const decisiveField = (spec: Audience) => (spec.kind === 'child' ? spec.fk : spec.kind === 'customer' ? spec.ownerField : null);
    for (const p of fresh) {
      const field = decisiveField(p.spec);
      const change = field === null ? undefined : p.changes.find((c) => c.field === field);
      if (!change) continue;
      const k = `${key(p.op.tbl, p.op.gid)}\u0000${change.field}`;
      const prev = latest.get(k);
      if (!prev || p.hlc > prev.p.hlc || (p.hlc === prev.p.hlc && p.op.opId > prev.p.op.opId)) latest.set(k, { p, value: change.value });
    }
    const decisiveValue = (tbl: string, gid: string, field: string) => latest.get(`${key(tbl, gid)}\u0000${field}`)?.value;

    // New customers: registered first, as public or the writer's own (the 'system' step moves them).
    const newCustomers = new Map<string, { gid: string; owner: string | null }>();
    for (const p of fresh) {
      if (p.spec.kind !== 'customer' || rows.has(key(p.op.tbl, p.op.gid)) || newCustomers.has(p.op.gid.toLowerCase())) continue;
      const mapped = ownerOf(decisiveValue(p.op.tbl, p.op.gid, p.spec.ownerField), members);
      const owner = seesAll(who.role) || mapped === null || mapped === who.userId ? mapped : who.userId;
      newCustomers.set(p.op.gid.toLowerCase(), { gid: p.op.gid.toLowerCase(), owner });
    }
    if (newCustomers.size > 0) {
      const { rows: registered } = await sql<{ gid: string }>`
        insert into sync_customers (gid, owner_user_id)
        select x.gid, x.owner from jsonb_to_recordset(${JSON.stringify([...newCustomers.values()])}::jsonb) as x(gid uuid, owner uuid)
        on conflict (gid) do nothing returning gid`.execute(trx);
      const ok = new Set(registered.map((r) => r.gid));
      // A customer that exists unseen: another's. A change of its owner is a claim someone beat (POOL_TAKEN, with who holds it).
      const claimed = new Set(
        fresh
          .filter(
            (p) => p.spec.kind === 'customer' && !ok.has(p.op.gid.toLowerCase()) && p.changes.some((c) => c.field === CUSTOMER_OWNER_FIELD),
          )
          .map((p) => p.op.gid.toLowerCase()),
      );
      const holders = claimed.size > 0 ? await holdersOf(trx, who, [...claimed]) : new Map<string, string>();
      for (const c of newCustomers.values()) {
        const taken = claimed.has(c.gid);
        rows.set(key('customers', c.gid), {
          ...blankRow('customers', c.gid, 0),
          customerGid: c.gid,
          ownerUserId: c.owner,
          mayWrite: ok.has(c.gid),
          ...(ok.has(c.gid) ? {} : { rejected: 'FORBIDDEN' as const }),
          ...(taken && holders.has(c.gid) ? { holder: holders.get(c.gid) } : {}),
        });
      }
    }

    // Other new rows, parents before children: where they belong and whether this user may write there.
    const byLevel = [...fresh].sort((a, b) => a.level - b.level);
    for (const p of byLevel) {
      const k = key(p.op.tbl, p.op.gid);
      if (rows.has(k)) continue;
      const row = blankRow(p.op.tbl, p.op.gid, p.level);
      rows.set(k, row);
      if (p.spec.kind === 'team') {
        row.team = true;
        row.mayWrite = seesAll(who.role);
        if (!row.mayWrite) row.rejected = 'FORBIDDEN';
      } else if (p.spec.kind === 'child') {
        const parentGid = decisiveValue(p.op.tbl, p.op.gid, p.spec.fk);
        const parent = typeof parentGid === 'string' ? rows.get(key(p.spec.parent, parentGid)) : undefined;
        if (!parent) {
          row.rejected = 'NO_PARENT';
        } else if (parent.rejected || !parent.mayWrite) {
          row.rejected = parent.rejected === 'NO_PARENT' ? 'NO_PARENT' : 'FORBIDDEN';
        } else {
          row.customerGid = parent.customerGid;
          row.ownerUserId = parent.ownerUserId;
          row.mayWrite = true;
        }
      }
    }

    // Apply in batch order.
    let pool: PoolCheck | undefined;
    const conflicts: ConflictRow[] = [];
    const applied: { p: Prepared; row: RowState; won: boolean; anyWon: boolean; conflicts: ConflictRow[] }[] = [];
    for (const p of fresh) {
      const row = rows.get(key(p.op.tbl, p.op.gid))!;
      let reject: OpRejectCode | undefined = row.rejected ?? (row.mayWrite ? undefined : 'FORBIDDEN');
      // A claim of a customer someone else holds now (unseen): taken, not merely forbidden.
      if (reject === 'FORBIDDEN' && row.holder !== undefined && p.changes.some((c) => c.field === CUSTOMER_OWNER_FIELD))
        reject = 'POOL_TAKEN';
      // Moving an existing child to another parent: the new parent must be writable too.
      const spec = p.spec;
      const move = spec.kind === 'child' ? p.changes.find((c) => c.field === spec.fk) : undefined;
      if (!reject && !row.isNew && spec.kind === 'child' && move) {
        const parent = rows.get(key(spec.parent, move.value as string));
        if (!parent || parent.rejected || !parent.mayWrite) reject = parent ? 'FORBIDDEN' : 'NO_PARENT';
      }
      // A salesperson's change of an existing customer's owner: the pool's rules decide (claim, release, transfer).
      if (!reject && spec.kind === 'customer' && !row.isNew && !seesAll(who.role)) {
        const change = p.changes.find((c) => c.field === spec.ownerField);
        if (change) {
          pool ??= await loadPool(trx, who, fresh, now);
          reject = pool.decide(row, ownerOf(change.value, members)) ?? undefined;
          // Decided here, not by the clocks: a claim the pool allows takes effect even when the owner's
          // clock is later than the op's (the server's own move — a return by rule, a hand-over —
          // stamped by a server clock that runs ahead of the laptop's). The op is taken just after that
          // clock, and the laptop told so (clampedHlc), or it would lose and keep its claim alone.
          const held = row.clocks[spec.ownerField];
          if (!reject && held !== undefined && p.hlc <= held) {
            p.hlc = justAfter(held, p.hlc);
            p.clamped = true;
          }
        }
      }
      if (reject) {
        results[p.index] = { opId: p.op.opId, status: 'rejected', code: reject, ...currentOf(row, p.op, members) };
        continue;
      }
      let won = true;
      let anyWon = false;
      const opConflicts: ConflictRow[] = [];
      for (const { field, value } of p.changes) {
        const c = applyChange(row, p, field, value, who);
        won &&= c.won;
        anyWon ||= c.won;
        if (c.conflict) {
          opConflicts.push(c.conflict);
          conflicts.push(c.conflict);
        }
      }
      applied.push({ p, row, won, anyWon, conflicts: opConflicts });
    }

    // A child whose parent changed belongs to the new parent's customer.
    const changedRows = [...rows.values()].filter((r) => r.changed);
    for (const row of changedRows) {
      const spec = syncTable(row.tbl)!.audience;
      if (spec.kind !== 'child' || row.isNew) continue;
      const parent = rows.get(key(spec.parent, String(row.fields[spec.fk])));
      if (parent && parent.customerGid !== row.customerGid) {
        row.customerGid = parent.customerGid;
        row.ownerUserId = parent.ownerUserId;
      }
    }

    // New rows, level by level; a gid already taken (by a row this user cannot see) rejects its ops.
    const failed = new Set<RowState>();
    for (const level of [0, 1, 2]) {
      const batch = changedRows.filter((r) => r.isNew && r.level === level && !failed.has(r));
      if (level > 0) {
        for (const r of batch) {
          const spec = syncTable(r.tbl)!.audience as Extract<Audience, { kind: 'child' }>;
          const parent = rows.get(key(spec.parent, String(r.fields[spec.fk])));
          if (parent && failed.has(parent)) failed.add(r);
        }
      }
      const insert = batch.filter((r) => !failed.has(r));
      if (insert.length === 0) continue;
      for (const r of insert) r.seq = ++next;
      const { rows: inserted } = await sql<{ tbl: string; gid: string }>`
        insert into sync_rows (tbl, gid, customer_gid, owner_user_id, team, fields, clocks, writers, seq, full_seq)
        select x.tbl, x.gid, x.customer_gid, x.owner_user_id, x.team, x.fields, x.clocks, x.writers, x.seq, x.seq
        from jsonb_to_recordset(${JSON.stringify(insert.map(rowRecord))}::jsonb)
          as x(tbl text, gid uuid, customer_gid uuid, owner_user_id uuid, team boolean, fields jsonb, clocks jsonb, writers jsonb, seq bigint)
        on conflict (tbl, gid) do nothing returning tbl, gid`.execute(trx);
      if (inserted.length < insert.length) {
        const ok = new Set(inserted.map((r) => key(r.tbl, r.gid)));
        for (const r of insert) if (!ok.has(key(r.tbl, r.gid))) failed.add(r);
        // Close the gaps the refused rows left (only a forged or corrupt batch gets here).
        next -= insert.length;
        const kept = insert.filter((r) => !failed.has(r));
        for (const r of kept) r.seq = ++next;
        await sql`update sync_rows r set seq = x.seq, full_seq = x.seq, writers = x.writers
                  from jsonb_to_recordset(${JSON.stringify(kept.map(rowRecord))}::jsonb) as x(tbl text, gid uuid, writers jsonb, seq bigint)
                  where r.tbl = x.tbl and r.gid = x.gid`.execute(trx);
      }
    }

    const updates = changedRows.filter((r) => !r.isNew);
    if (updates.length > 0) {
      for (const r of updates) r.seq = ++next;
      const updated = await sql`
        update sync_rows r set customer_gid = x.customer_gid, owner_user_id = x.owner_user_id,
               fields = r.fields || x.fields, clocks = r.clocks || x.clocks, writers = r.writers || x.writers, seq = x.seq,
               -- a row that moved to another customer goes whole to that customer's audience
               full_seq = case when r.customer_gid is distinct from x.customer_gid then x.seq else r.full_seq end
        from jsonb_to_recordset(${JSON.stringify(updates.map(patchRecord))}::jsonb)
          as x(tbl text, gid uuid, customer_gid uuid, owner_user_id uuid, fields jsonb, clocks jsonb, writers jsonb, seq bigint)
        where r.tbl = x.tbl and r.gid = x.gid`.execute(trx);
      if (Number(updated.numAffectedRows ?? 0) !== updates.length) {
        throw new Error(`push: ${updates.length} rows to update, the database let ${String(updated.numAffectedRows)} through`);
      }
    }

    // Results, conflicts and the ops' record.
    const keptConflicts: ConflictRow[] = [];
    for (const a of applied) {
      if (failed.has(a.row)) {
        results[a.p.index] = { opId: a.p.op.opId, status: 'rejected', code: 'FORBIDDEN' };
        continue;
      }
      for (const c of a.conflicts) {
        c.customer_gid = a.row.customerGid;
        keptConflicts.push(c);
      }
    }
    for (const c of keptConflicts) c.seq = ++next;
    for (const a of applied) {
      if (failed.has(a.row)) continue;
      results[a.p.index] = {
        opId: a.p.op.opId,
        status: 'applied',
        seq: a.anyWon ? a.row.seq : (a.conflicts[0]?.seq ?? next),
        won: a.won,
        ...(a.p.clamped ? { clampedHlc: a.p.hlc } : {}),
        ...(a.won ? {} : lostTo(a.row, a.p.op.field)),
      };
    }
    if (keptConflicts.length > 0) {
      await sql`
        insert into sync_conflicts (id, seq, tbl, gid, customer_gid, field, kept_value, kept_hlc, kept_device_id, kept_user_id, kept_op_id,
                                    lost_value, lost_hlc, lost_device_id, lost_user_id, lost_op_id)
        select x.id, x.seq, x.tbl, x.gid, x.customer_gid, x.field, x.kept_value, x.kept_hlc, x.kept_device_id, x.kept_user_id, x.kept_op_id,
               x.lost_value, x.lost_hlc, x.lost_device_id, x.lost_user_id, x.lost_op_id
        from jsonb_to_recordset(${JSON.stringify(keptConflicts)}::jsonb)
          as x(id uuid, seq bigint, tbl text, gid uuid, customer_gid uuid, field text, kept_value jsonb, kept_hlc text, kept_device_id uuid,
               kept_user_id uuid, kept_op_id uuid, lost_value jsonb, lost_hlc text, lost_device_id uuid, lost_user_id uuid, lost_op_id uuid)`.execute(
        trx,
      );
    }

    // What the pool's return rules read of the customers this batch touched (their follow-ups, orders, archive state).
    const touched = new Set<string>();
    for (const row of changedRows) {
      const facts = FACT_FIELDS[row.tbl];
      if (!facts || failed.has(row) || row.customerGid === null) continue;
      if (row.isNew || facts.some((f) => row.dirty.has(f))) touched.add(row.customerGid);
    }
    await refreshFacts(trx, who, [...touched]);
    // And the collision check's keys of the customers whose keyed fields changed.
    const keyed = new Set<string>();
    for (const row of changedRows) {
      const fields = KEY_FIELDS[row.tbl];
      if (!fields || failed.has(row) || row.customerGid === null) continue;
      if (row.isNew || fields.some((f) => row.dirty.has(f))) keyed.add(row.customerGid);
    }
    await refreshKeys(trx, who, [...keyed]);

    // Customers whose owner field now names someone else than the registry: the 'system' step.
    const moves: Move[] = [];
    for (const row of changedRows) {
      if (row.tbl !== 'customers' || failed.has(row)) continue;
      const to = ownerOf(row.fields[CUSTOMER_OWNER_FIELD], members);
      if (to !== row.ownerUserId)
        moves.push({ gid: row.gid, from: row.ownerUserId, to, by: who.userId, reason: moveReason(who, row.ownerUserId, to) });
    }
    next = await moveCustomers(trx, who, moves, next, now);
    // Collisions with another salesperson's customer (a lead captured offline is checked here, when it arrives).
    await recordCollisions(trx, who, [...new Set([...keyed, ...moves.map((m) => m.gid)])], now);

    const record = firsts.flatMap((p) => {
      const r = results[p.index]!;
      if (r.status === 'duplicate') return [];
      return [
        {
          op_id: p.op.opId,
          seq: r.status === 'applied' ? r.seq : next,
          device_id: who.deviceId,
          user_id: who.userId,
          tbl: p.op.tbl,
          gid: p.op.gid,
          field: p.op.field,
          hlc: p.hlc,
          status: r.status,
          code: r.status === 'rejected' ? r.code : null,
          won: r.status === 'applied' ? r.won : null,
          clamped: p.clamped,
        },
      ];
    });
    if (record.length > 0) {
      const { rows: stored } = await sql<{ n: string }>`
        with stored as (
          insert into sync_ops (op_id, seq, device_id, user_id, tbl, gid, field, hlc, status, code, won, clamped)
          select x.op_id, x.seq, x.device_id, x.user_id, x.tbl, x.gid, x.field, x.hlc, x.status, x.code, x.won, x.clamped
          from jsonb_to_recordset(${JSON.stringify(record)}::jsonb)
            as x(op_id uuid, seq bigint, device_id uuid, user_id uuid, tbl text, gid uuid, field text, hlc text, status text, code text,
                 won boolean, clamped boolean)
          on conflict (op_id) do nothing returning 1)
        select count(*) as n from stored`.execute(trx);
      if (Number(stored[0]!.n) !== record.length) {
        throw new TeamError('CONFLICT', 'an op id of this batch was already used by another user');
      }
    }

    // Repeats of an op within the batch answer as its first occurrence did.
    ops.forEach((op, index) => {
      if (results[index]) return;
      const first = results[firstIndex.get(op.opId)!]!;
      results[index] =
        first.status === 'duplicate'
          ? first
          : { opId: op.opId, status: 'duplicate', first: first.status, ...(first.status === 'rejected' ? { code: first.code } : {}) };
    });

    await finishCounter(trx, start, next);
    return { results: results as OpResult[], seq: next };
  });
}

const customerAudience = syncTable('customers')?.audience;
const CUSTOMER_OWNER_FIELD = customerAudience?.kind === 'customer' ? customerAudience.ownerField : 'owner';

/**
 * One field change of an op on its row, in memory: field-level last writer wins by HLC (ties by op
 * id); a concurrent write (the field's value came from another device at a seq after the op's
 * baseSeq) with another value is a conflict, whichever wins.
 */
function applyChange(
  row: RowState,
  p: Prepared,
  field: string,
  value: unknown,
  who: PushPrincipal,
): { won: boolean; conflict?: ConflictRow } {
  const current = row.clocks[field];
  const writer = row.writers[field];
  const opId = p.op.opId.toLowerCase();
  const won = current === undefined || p.hlc > current || (p.hlc === current && (writer === undefined || opId > writer.o));
  const concurrent = current !== undefined && writer !== undefined && writer.d !== who.deviceId && writer.s > p.op.baseSeq;
  let conflict: ConflictRow | undefined;
  if (concurrent && !isDeepStrictEqual(row.fields[field], value)) {
    const mine = { value, hlc: p.hlc, device: who.deviceId, user: who.userId, op: opId };
    const theirs = { value: row.fields[field], hlc: current, device: writer.d, user: writer.u, op: writer.o };
    const [kept, lost] = won ? [mine, theirs] : [theirs, mine];
    conflict = {
      id: uuidv7(),
      seq: 0,
      tbl: row.tbl,
      gid: row.gid,
      customer_gid: row.customerGid,
      field,
      kept_value: kept.value,
      kept_hlc: kept.hlc,
      kept_device_id: kept.device,
      kept_user_id: kept.user,
      kept_op_id: kept.op,
      lost_value: lost.value,
      lost_hlc: lost.hlc,
      lost_device_id: lost.device,
      lost_user_id: lost.user,
      lost_op_id: lost.op,
    };
  }
  if (won) {
    row.fields[field] = value;
    row.clocks[field] = p.hlc;
    row.writers[field] = { d: who.deviceId, u: who.userId, s: 0, o: opId };
    row.changed = true;
    row.dirty.add(field);
  }
  return conflict ? { won, conflict } : { won };
}

type LostValue = NonNullable<Extract<OpResult, { status: 'applied' }>['current']>['value'];

/** What a field's losing op is told (see OpResult 'applied'.current): a plain field's value and clock. */
function lostTo(row: RowState, field: string): Pick<Extract<OpResult, { status: 'applied' }>, 'current'> {
  if (field === ROW_FIELD || !(field in row.clocks)) return {};
  return { current: { value: (row.fields[field] ?? null) as LostValue, hlc: row.clocks[field] ?? null } };
}

function blankRow(tbl: string, gid: string, level: number): RowState {
  return {
    tbl,
    gid: gid.toLowerCase(),
    customerGid: null,
    ownerUserId: null,
    team: false,
    fields: {},
    clocks: {},
    writers: {},
    mayWrite: false,
    isNew: true,
    changed: false,
    dirty: new Set(),
    seq: 0,
    level,
  };
}

/** An existing row's changes as its UPDATE merges them (fields, clocks, writers of the changed fields only: a fifth of the JSON). */
function patchRecord(r: RowState) {
  const whole = rowRecord(r);
  return { ...whole, fields: pick(whole.fields, r.dirty), clocks: pick(whole.clocks, r.dirty), writers: pick(whole.writers, r.dirty) };
}

function rowRecord(r: RowState) {
  const writers: Record<string, Writer> = {};
  for (const [field, w] of Object.entries(r.writers)) writers[field] = w.s === 0 ? { ...w, s: r.seq } : w;
  r.writers = writers;
  return {
    tbl: r.tbl,
    gid: r.gid,
    customer_gid: r.customerGid,
    owner_user_id: r.ownerUserId,
    team: r.team,
    fields: r.fields,
    clocks: r.clocks,
    writers,
    seq: r.seq,
  };
}

/** The rows the ops touch and the parents their foreign keys name, as far as this user can see them. */
async function loadRows(trx: Tx, fresh: Prepared[]): Promise<Map<string, RowState>> {
  const keys = new Map<string, { tbl: string; gid: string }>();
  for (const p of fresh) {
    keys.set(key(p.op.tbl, p.op.gid), { tbl: p.op.tbl, gid: p.op.gid });
    const spec = p.spec;
    if (spec.kind !== 'child') continue;
    for (const c of p.changes) {
      if (c.field === spec.fk) keys.set(key(spec.parent, c.value as string), { tbl: spec.parent, gid: c.value as string });
    }
  }
  const rows = new Map<string, RowState>();
  if (keys.size === 0) return rows;
  // Loaded rows' parents (for a child moving within a batch nothing more is needed: its new
  // parent was named by the op and is among the keys).
  const { rows: found } = await sql<LoadedRow>`
    select r.tbl, r.gid, r.customer_gid, r.owner_user_id, r.team, r.fields, r.clocks, r.writers, r.seq,
           exportdesk_may_write(r.team, r.customer_gid, r.owner_user_id) as may_write
    from jsonb_to_recordset(${JSON.stringify([...keys.values()])}::jsonb) as k(tbl text, gid uuid)
    join sync_rows r on r.tbl = k.tbl and r.gid = k.gid`.execute(trx);
  for (const r of found) {
    const spec = syncTable(r.tbl);
    rows.set(key(r.tbl, r.gid), {
      tbl: r.tbl,
      gid: r.gid,
      customerGid: r.customer_gid,
      ownerUserId: r.owner_user_id,
      team: r.team,
      fields: r.fields,
      clocks: r.clocks,
      writers: r.writers,
      mayWrite: r.may_write,
      isNew: false,
      changed: false,
      dirty: new Set(),
      seq: Number(r.seq),
      level: spec ? tableLevel(spec) : 0,
    });
  }
  return rows;
}

/** Why an accepted change of owner happened, as the timeline says it. */
function moveReason(who: Actor, from: string | null, to: string | null): Move['reason'] {
  if (to === null) return 'release';
  if (from === null && to === who.userId) return 'claim';
  return 'transfer';
}

/**
 * What a salesperson's push needs to decide changes of owner (#20): the firm's pool rules, how many
 * customers they hold against the cap, when they last released each customer the batch claims; and
 * the owners decided so far in this batch.
 */
interface PoolCheck {
  /** Why the change of `row`'s owner to `to` is refused (null: it is not), noting it when accepted. */
  decide(row: RowState, to: string | null): OpRejectCode | null;
}

async function loadPool(trx: Tx, who: Actor, fresh: Prepared[], now: number): Promise<PoolCheck> {
  const { rows: ruleRows } = await sql<{ fields: Partial<PoolRulesRow> }>`
    select fields from sync_rows where tbl = 'pool_rules' and gid = ${POOL_RULES_GID}`.execute(trx);
  const rules: PoolRules = poolRulesOf(ruleRows[0]?.fields);
  const { rows: heldRows } = await sql<{ n: string }>`
    select count(*) as n from sync_customers c
    where c.owner_user_id = ${who.userId}
      and not (${rules.wonOutsideCap} and exists (
        select 1 from sync_rows o where o.customer_gid = c.gid and o.tbl = 'orders'
          and coalesce(o.fields ->> 'cancelled', '0') not in ('1', 'true') and coalesce(o.fields ->> '_deleted', 'false') <> 'true'))`.execute(
    trx,
  );
  let held = Number(heldRows[0]?.n ?? 0);
  const gids = [...new Set(fresh.filter((p) => p.spec.kind === 'customer').map((p) => p.op.gid.toLowerCase()))];
  const released = new Map<string, string>();
  if (gids.length > 0) {
    const { rows: rel } = await sql<{ customer_gid: string; at: Date }>`
      select customer_gid, max(at) as at from owner_events
      where from_user = ${who.userId} and reason = 'release' and customer_gid = any(${gids}::uuid[]) group by customer_gid`.execute(trx);
    for (const r of rel) released.set(r.customer_gid, r.at.toISOString());
  }
  const owners = new Map<RowState, string | null>();
  return {
    decide(row, to) {
      const current = owners.has(row) ? owners.get(row)! : row.ownerUserId;
      if (to === current) return null;
      if (current === who.userId) {
        // Their own customer: released to the pool or handed to a colleague.
        owners.set(row, to);
        held -= 1;
        return null;
      }
      if (current !== null) return 'POOL_TAKEN';
      if (to !== who.userId) return 'FORBIDDEN';
      const refusal = claimRefusal(rules, { owner: null, me: who.userId, held, releasedByMeAt: released.get(row.gid) ?? null, now });
      if (refusal) return refusal;
      owners.set(row, to);
      held += 1;
      return null;
    },
  };
}

/** Who holds these customers (names), looked up in the 'system' step: the user cannot see them, only that they are taken. */
async function holdersOf(trx: Tx, who: Actor, gids: string[]): Promise<Map<string, string>> {
  return asSystem(trx, who, async () => {
    const { rows } = await sql<{ gid: string; name: string }>`
      select c.gid, u.name from sync_customers c join users u on u.id = c.owner_user_id where c.gid = any(${gids}::uuid[])`.execute(trx);
    return new Map(rows.map((r) => [r.gid, r.name]));
  });
}

/** A refused op's field as the server has it (the laptop puts it back), when the row exists and is seen. */
function currentOf(
  row: RowState,
  op: SyncOp,
  members: Map<string, TeamMember>,
): Pick<Extract<OpResult, { status: 'rejected' }>, 'current'> {
  if (row.holder !== undefined && op.field === CUSTOMER_OWNER_FIELD) return { current: { value: row.holder, hlc: null, by: row.holder } };
  if (row.isNew || op.field === ROW_FIELD || op.field.startsWith(TAG_FIELD_PREFIX)) return {};
  const value = (row.fields[op.field] ?? null) as NonNullable<Extract<OpResult, { status: 'rejected' }>['current']>['value'];
  let by: string | null = null;
  if (row.tbl === 'customers' && row.ownerUserId !== null) {
    for (const m of members.values()) if (m.id === row.ownerUserId) by = m.name;
  }
  return { current: { value, hlc: row.clocks[op.field] ?? null, by } };
}
