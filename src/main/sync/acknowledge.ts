/**
 * What the laptop does with the server's answer to a push (team-sync.ts pushOnce), in the caller's
 * write transaction:
 * - an op applied (or a duplicate of one applied) leaves the outbox; its clock (the server's clamped
 *   one when it clamped) becomes its field's;
 * - an op applied that lost to a later clock (`won: false`, with the server's `current`) puts the
 *   server's value back and lists mine as a conflict, under the same rules as a refused one;
 * - an op refused leaves it for the conflict list with its reject code, never silently. When the
 *   server says what the field holds there (`current`: its value, clock and, for a refused change
 *   of owner, who holds the customer), that value goes in the entry beside mine, and the field is
 *   put back to it: a refused edit (a claim someone else won, POOL_TAKEN) does not stay on this
 *   laptop alone. Only a plain value column is put back (not a new row, a delete, a tag or a
 *   reference), only while no later edit of the field waits to be sent and the book does not hold
 *   a newer value of it already (a pull may have brought one), with sync_state.applying = 1 so the
 *   capture triggers do not send it back; the field's clock becomes the server's.
 */
import { sql } from 'kysely';
import { parseHlc } from '../../shared/sync/hlc';
import { syncTable } from '../../shared/sync/tables';
import type { OpResult, SyncOp } from '../../shared/team/sync';
import type { WriteTx } from '../db/sql';

export interface AckOutcome {
  /** Tables whose rows were put back to the server's value (the pages showing them refresh). */
  reverted: string[];
}

export function acknowledgeResults(tx: WriteTx, ops: readonly SyncOp[], results: readonly OpResult[], now: string): AckOutcome {
  const byId = new Map(ops.map((o) => [o.opId, o]));
  const reverted = new Set<string>();
  for (const r of results) {
    const op = byId.get(r.opId);
    if (!op) continue;
    const refused = r.status === 'rejected' ? r.code : r.status === 'duplicate' && r.first === 'rejected' ? (r.code ?? 'FORBIDDEN') : null;
    if (refused) {
      if (listMine(tx, op, r.status === 'rejected' ? r.current : undefined, refused, `rejected:${op.opId}`, now)) reverted.add(op.tbl);
    } else {
      // Applied, but a later clock holds the field: the server's value comes back here, mine goes to
      // the conflict list (Keep mine writes it again). A laptop whose clock is behind the writer's
      // has pulled that value already and would otherwise keep its own alone.
      if (r.status === 'applied' && !r.won && r.current && listMine(tx, op, r.current, null, `lost:${op.opId}`, now)) reverted.add(op.tbl);
      const hlc = r.status === 'applied' && r.clampedHlc ? r.clampedHlc : op.hlc;
      tx.run(sql`INSERT INTO sync_field_clock (tbl, gid, field, hlc) VALUES (${op.tbl}, ${op.gid}, ${op.field}, ${hlc})
        ON CONFLICT (tbl, gid, field) DO UPDATE SET hlc = max(hlc, excluded.hlc)`);
    }
    tx.run(tx.deleteFrom('sync_outbox').where('op_id', '=', op.opId));
  }
  return { reverted: [...reverted] };
}

/**
 * Mine in the conflict list beside the server's value of the field (`current`, when it said), once
 * per key; then that value is put back when it may be (putBack). Whether the row changed.
 */
function listMine(
  tx: WriteTx,
  op: SyncOp,
  current: { value: unknown; hlc: string | null; by?: string | null } | undefined,
  code: string | null,
  key: string,
  now: string,
): boolean {
  tx.run(sql`INSERT INTO sync_conflicts (tbl, gid, field, local_value, remote_value, local_hlc, remote_hlc, remote_op_id, winner,
      created_at, code, by_user)
    VALUES (${op.tbl}, ${op.gid}, ${op.field}, ${JSON.stringify(op.value)}, ${current ? JSON.stringify(current.value ?? null) : null},
      ${op.hlc}, ${current?.hlc ?? ''}, ${key}, 'remote', ${now}, ${code}, ${current?.by ?? null})
    ON CONFLICT DO NOTHING`);
  return current !== undefined && putBack(tx, op, current, now);
}

/** Puts the server's value of a refused op's field back (see the file's comment); whether the row changed. */
function putBack(tx: WriteTx, op: SyncOp, current: { value: unknown; hlc: string | null }, now: string): boolean {
  const t = syncTable(op.tbl);
  if (!t || t.fields[op.field]?.kind !== 'value') return false;
  const later = tx.first<{ x: number }>(sql`SELECT 1 AS x FROM sync_outbox
    WHERE tbl = ${op.tbl} AND gid = ${op.gid} AND field IN (${op.field}, '*', '_deleted') AND op_id <> ${op.opId} AND hlc >= ${op.hlc}`);
  if (later) return false;
  const held = tx.first<{ hlc: string | null }>(sql`SELECT max(hlc) AS hlc FROM sync_field_clock
    WHERE tbl = ${op.tbl} AND gid = ${op.gid} AND field IN (${op.field}, '*')`)?.hlc;
  if (current.hlc !== null && held && held > current.hlc) return false;
  const raw = current.value ?? null;
  if (raw !== null && typeof raw === 'object') return false;
  // As the column stores it (SQLite has no booleans).
  const value = typeof raw === 'boolean' ? Number(raw) : (raw as string | number | null);
  const touch = [
    t.versioned ? sql`, version = version + 1` : sql``,
    t.touched ? sql`, updated_at = max(updated_at, ${touchedAt(current.hlc, now)})` : sql``,
  ];
  tx.run(sql`UPDATE sync_state SET applying = 1 WHERE id = 1`);
  const changed = tx.run(
    sql`UPDATE ${sql.table(t.table)} SET ${sql.ref(op.field)} = ${value} ${touch[0]} ${touch[1]}
      WHERE gid = ${op.gid} AND ${sql.ref(op.field)} IS NOT ${value}`,
  ).changes;
  tx.run(sql`UPDATE sync_state SET applying = 0 WHERE id = 1`);
  if (current.hlc !== null) {
    tx.run(sql`INSERT INTO sync_field_clock (tbl, gid, field, hlc) VALUES (${op.tbl}, ${op.gid}, ${op.field}, ${current.hlc})
      ON CONFLICT (tbl, gid, field) DO UPDATE SET hlc = excluded.hlc`);
  }
  return changed > 0;
}

/** The time a touched row's updated_at moves to: the server value's clock time, else now. */
function touchedAt(hlc: string | null, now: string): string {
  const h = hlc === null ? null : parseHlc(hlc);
  return h ? new Date(h.wall).toISOString() : now;
}
