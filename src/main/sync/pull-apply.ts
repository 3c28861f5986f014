/**
 * A pulled page applied to the book (issue #19, item 5): the server sends rows (fields, each
 * field's clock, the row's seq); the applier (apply.ts) takes ops. Converted here:
 *
 * - a row not here yet → one '*' op at its earliest clock carrying every shared column, then one
 *   op per field whose clock is later (tags and `_deleted` are always their own ops);
 * - a row already here → one op per field at that field's clock (a '*' at the earliest clock would
 *   meet this laptop's newer edits and log conflicts that are none).
 *
 * Op ids are made from the row, field and clock (`<tbl>:<gid>:<field>:<hlc>`), so the same page
 * applied twice (a crash before last_seq moved) gives the same ops and changes nothing more.
 *
 * In the same transaction as the ops: the customers this user may no longer see are dropped with
 * every row of theirs (their unsent local edits kept in sync_conflicts as REMOVED, nothing lost),
 * the server's conflicts join the local list (each once, and not twice when the applier already
 * logged the same collision), and last_seq moves to the page's end, so a crash mid-apply pulls
 * the page again and never skips it.
 */
import { sql } from 'kysely';
import type { PullOutput, SyncConflict, SyncRow } from '../../shared/team/sync';
import { DELETED_FIELD, levelOf, ROW_FIELD, SYNC_TABLES, syncTable, TAG_FIELD_PREFIX, type SyncTable } from '../../shared/sync/tables';
import type { ReadDb, WriteDb, WriteTx } from '../db/sql';
import { applyRemote, type ApplyResult, type RemoteOp } from './apply';

const opId = (tbl: string, gid: string, field: string, hlc: string) => `${tbl}:${gid}:${field}:${hlc}`;

/** The gids of these rows that are in the book, by table. */
function presentGids(read: ReadDb | WriteTx, rows: readonly SyncRow[]): Set<string> {
  const present = new Set<string>();
  const byTable = new Map<string, string[]>();
  for (const r of rows) {
    if (!syncTable(r.tbl)) continue;
    const list = byTable.get(r.tbl);
    if (list) list.push(r.gid);
    else byTable.set(r.tbl, [r.gid]);
  }
  for (const [tbl, gids] of byTable) {
    for (let i = 0; i < gids.length; i += 500) {
      const part = gids.slice(i, i + 500);
      for (const r of read.all<{ gid: string }>(sql`SELECT gid FROM ${sql.table(tbl)} WHERE gid IN (${sql.join(part)})`)) {
        present.add(`${tbl}:${r.gid}`);
      }
    }
  }
  return present;
}

/** Pulled rows as the applier's ops; see the file's comment. */
export function rowsToOps(rows: readonly SyncRow[], present: ReadonlySet<string>): RemoteOp[] {
  const ops: RemoteOp[] = [];
  for (const row of rows) {
    const t = syncTable(row.tbl);
    if (!t) continue;
    const here = present.has(`${row.tbl}:${row.gid}`);
    const field = (f: string) => {
      const hlc = row.clocks[f];
      if (hlc)
        ops.push({ opId: opId(row.tbl, row.gid, f, hlc), hlc, tbl: row.tbl, gid: row.gid, field: f, value: row.fields[f], seq: row.seq });
    };
    if (row.fields[DELETED_FIELD] === true) {
      field(DELETED_FIELD);
      continue;
    }
    const columns = Object.keys(row.fields).filter((f) => f in t.fields);
    if (here || columns.length === 0) {
      for (const f of Object.keys(row.fields)) field(f);
      continue;
    }
    const earliest = columns.map((c) => row.clocks[c] ?? '').reduce((a, b) => (b !== '' && (a === '' || b < a) ? b : a), '');
    if (!earliest) continue;
    ops.push({
      opId: opId(row.tbl, row.gid, ROW_FIELD, earliest),
      hlc: earliest,
      tbl: row.tbl,
      gid: row.gid,
      field: ROW_FIELD,
      value: Object.fromEntries(columns.map((c) => [c, row.fields[c]])),
      seq: row.seq,
    });
    for (const f of Object.keys(row.fields)) {
      if (f.startsWith(TAG_FIELD_PREFIX) || (row.clocks[f] ?? '') > earliest) field(f);
    }
  }
  return ops;
}

/** Every row of a customer in the book (children, then grandchildren), as (table, gid). */
export function rowsOfCustomer(tx: ReadDb | WriteTx, customerId: number): { tbl: string; gid: string }[] {
  const out: { tbl: string; gid: string }[] = [];
  for (const t of SYNC_TABLES) {
    const a = t.audience;
    if (a.kind !== 'child') continue;
    const level = levelOf(t);
    const q =
      level === 1
        ? sql<{ gid: string }>`SELECT gid FROM ${sql.table(t.table)} WHERE ${sql.ref(a.fk)} = ${customerId}`
        : sql<{ gid: string }>`SELECT gid FROM ${sql.table(t.table)} WHERE ${sql.ref(a.fk)} IN
            (SELECT id FROM ${sql.table(a.parent)} WHERE customer_id = ${customerId})`;
    for (const r of tx.all(q)) out.push({ tbl: t.table, gid: r.gid });
  }
  return out;
}

/**
 * Drops customers this user may no longer see (unshared, reassigned): their rows go (the delete
 * cascades to every child), their unsent edits move from the outbox to sync_conflicts with the
 * code REMOVED (the value kept), their clocks and waiting ops are forgotten (if the customer
 * comes back, it comes whole).
 */
function removeCustomers(tx: WriteTx, gids: readonly string[], now: string): number {
  let removed = 0;
  for (const gid of gids) {
    const customer = tx.first<{ id: number }>(sql`SELECT id FROM customers WHERE gid = ${gid}`);
    const rows = [{ tbl: 'customers', gid }, ...(customer ? rowsOfCustomer(tx, customer.id) : [])];
    for (let i = 0; i < rows.length; i += 200) {
      const part = rows.slice(i, i + 200);
      const match = sql.join(
        part.map((r) => sql`(tbl = ${r.tbl} AND gid = ${r.gid})`),
        sql` OR `,
      );
      tx.run(sql`INSERT INTO sync_conflicts (tbl, gid, field, local_value, remote_value, local_hlc, remote_hlc, remote_op_id, winner, created_at, code)
        SELECT tbl, gid, field, value, NULL, hlc, '', 'removed:' || op_id, 'remote', ${now}, 'REMOVED' FROM sync_outbox WHERE ${match}
        ON CONFLICT (remote_op_id, field) DO NOTHING`);
      tx.run(sql`DELETE FROM sync_outbox WHERE ${match}`);
      tx.run(sql`DELETE FROM sync_field_clock WHERE ${match}`);
      tx.run(sql`DELETE FROM sync_pending WHERE ${match}`);
    }
    if (customer) {
      tx.run(sql`DELETE FROM customers WHERE id = ${customer.id}`);
      removed += 1;
    }
  }
  return removed;
}

/** Which side of a server conflict is this laptop's (its device, else its user), or null. */
function mineOf(c: SyncConflict, me: { deviceId: string; userId: string }): 'kept' | 'lost' | null {
  if (c.kept.deviceId === me.deviceId) return 'kept';
  if (c.lost.deviceId === me.deviceId) return 'lost';
  if (c.kept.userId === me.userId) return 'kept';
  if (c.lost.userId === me.userId) return 'lost';
  return null;
}

/**
 * The server's conflicts in the local list: each once (by its id), and not when the applier
 * already logged the same collision (same field, same two clocks).
 */
function addServerConflicts(tx: WriteTx, conflicts: readonly SyncConflict[], me: { deviceId: string; userId: string }): number {
  let added = 0;
  for (const c of conflicts) {
    const side = mineOf(c, me);
    if (!side) continue;
    const mine = side === 'kept' ? c.kept : c.lost;
    const theirs = side === 'kept' ? c.lost : c.kept;
    const same = tx.first<{ id: number }>(sql`SELECT id FROM sync_conflicts WHERE tbl = ${c.tbl} AND gid = ${c.gid} AND field = ${c.field}
      AND ((local_hlc = ${mine.hlc} AND remote_hlc = ${theirs.hlc}) OR (local_hlc = ${theirs.hlc} AND remote_hlc = ${mine.hlc}))`);
    if (same) {
      // Logged here first (the push's answer said my value lost): it learns who wrote the other.
      tx.run(sql`UPDATE sync_conflicts SET by_user = ${theirs.userName ?? theirs.userId} WHERE id = ${same.id} AND by_user IS NULL`);
      continue;
    }
    added += tx.run(sql`INSERT INTO sync_conflicts (tbl, gid, field, local_value, remote_value, local_hlc, remote_hlc, remote_op_id, winner,
        created_at, by_user, server_id)
      VALUES (${c.tbl}, ${c.gid}, ${c.field}, ${JSON.stringify(mine.value ?? null)}, ${JSON.stringify(theirs.value ?? null)}, ${mine.hlc},
        ${theirs.hlc}, ${`server:${c.id}`}, ${side === 'kept' ? 'local' : 'remote'}, ${c.createdAt}, ${theirs.userName ?? theirs.userId}, ${c.id})
      ON CONFLICT DO NOTHING`).changes;
  }
  return added;
}

/** The applier's local conflicts that the server also reported come in one pull later: drop the later twin (its "by" kept). */
function dropTwins(tx: WriteTx): void {
  // An open local conflict takes the name of who wrote the other value from its server twin.
  tx.run(sql`UPDATE sync_conflicts SET by_user = (
      SELECT o.by_user FROM sync_conflicts o WHERE o.server_id IS NOT NULL AND o.resolved_at IS NULL AND o.by_user IS NOT NULL
        AND o.tbl = sync_conflicts.tbl AND o.gid = sync_conflicts.gid AND o.field = sync_conflicts.field
        AND ((o.local_hlc = sync_conflicts.local_hlc AND o.remote_hlc = sync_conflicts.remote_hlc)
          OR (o.local_hlc = sync_conflicts.remote_hlc AND o.remote_hlc = sync_conflicts.local_hlc)) LIMIT 1)
    WHERE server_id IS NULL AND code IS NULL AND by_user IS NULL AND resolved_at IS NULL`);
  tx.run(sql`DELETE FROM sync_conflicts WHERE server_id IS NOT NULL AND resolved_at IS NULL AND EXISTS (
    SELECT 1 FROM sync_conflicts o WHERE o.id <> sync_conflicts.id AND o.server_id IS NULL AND o.code IS NULL
      AND o.tbl = sync_conflicts.tbl AND o.gid = sync_conflicts.gid AND o.field = sync_conflicts.field
      AND ((o.local_hlc = sync_conflicts.local_hlc AND o.remote_hlc = sync_conflicts.remote_hlc)
        OR (o.local_hlc = sync_conflicts.remote_hlc AND o.remote_hlc = sync_conflicts.local_hlc)))`);
}

export interface PageResult extends ApplyResult {
  rows: number;
  removed: number;
  serverConflicts: number;
  /** The tables whose rows changed (for data.changed). */
  tables: string[];
}

/** Applies one pulled page in one transaction; see the file's comment. */
export async function applyPage(
  db: WriteDb,
  read: ReadDb,
  page: PullOutput,
  me: { deviceId: string; userId: string },
  now: string,
): Promise<PageResult> {
  const ops = rowsToOps(page.rows, presentGids(read, page.rows));
  let removed = 0;
  let serverConflicts = 0;
  const result = await applyRemote(db, ops, {
    lastSeq: page.seq,
    complete: !page.more,
    within: (tx) => {
      removed = removeCustomers(tx, page.removed, now);
      serverConflicts = addServerConflicts(tx, page.conflicts, me);
      dropTwins(tx);
      tx.run(sql`UPDATE sync_state SET last_sync_at = ${now} WHERE id = 1`);
    },
  });
  const tables = new Set(page.rows.map((r) => r.tbl));
  if (removed > 0) tables.add('customers');
  return {
    ...result,
    rows: page.rows.length,
    removed,
    serverConflicts,
    tables: [...tables].filter((t) => syncTable(t) as SyncTable | undefined),
  };
}
