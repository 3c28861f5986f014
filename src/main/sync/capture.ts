/**
 * Turning change capture on and off, and the outbox the sync client drains (issue #19, item 4).
 *
 * - enableCapture: sync_state.enabled = 1 with this laptop's node id, and the capture triggers
 *   made from the table spec (sync/triggers.ts). From then on every write transaction ticks the
 *   clock and records its changes as ops in sync_outbox, in the same transaction.
 * - disableCapture: enabled = 0 and the triggers dropped; a single-user book pays nothing.
 * - readOutbox / ackOutbox: the ops waiting to be pushed, in clock order; an acknowledged op leaves
 *   the outbox and its clock becomes its field's clock (sync_field_clock), which later remote
 *   changes are compared with.
 */
import { sql } from 'kysely';
import { encodeHlc, isNodeId, parseHlc } from '../../shared/sync/hlc';
import type { ReadDb, WriteDb, WriteTx } from '../db/sql';
import { levelOf, SYNC_TABLES } from '../../shared/sync/tables';
import { captureTriggerSql, TRIGGER_PREFIX } from './triggers';

export interface OutboxOp {
  opId: string;
  hlc: string;
  tbl: string;
  gid: string;
  field: string;
  /** The parsed JSON value ('*': an object of the row's fields; foreign keys as gids). */
  value: unknown;
  baseSeq: number;
}

function dropCaptureTriggers(tx: WriteTx): void {
  const triggers = tx.all<{ name: string }>(
    sql`SELECT name FROM sqlite_master WHERE type = 'trigger' AND substr(name, 1, ${TRIGGER_PREFIX.length}) = ${TRIGGER_PREFIX}`,
  );
  for (const { name } of triggers) tx.run(sql.raw(`DROP TRIGGER ${name}`));
}

/** Starts recording local changes as ops, stamped with clocks of node `nodeId` (16 hex digits). */
export async function enableCapture(db: WriteDb, nodeId: string): Promise<void> {
  await db.transaction((tx) => enableCaptureIn(tx, nodeId));
}

/** enableCapture within the caller's transaction (the team's join queues the book's rows in the same one). */
export function enableCaptureIn(tx: WriteTx, nodeId: string): void {
  if (!isNodeId(nodeId)) throw new Error(`a node id is 16 lowercase hex digits: ${nodeId}`);
  {
    const state = tx.first(tx.selectFrom('sync_state').select(['hlc']).where('id', '=', 1));
    const clock = parseHlc(state?.hlc ?? '');
    tx.run(
      tx
        .updateTable('sync_state')
        .set({ enabled: 1, applying: 0, node_id: nodeId, hlc: clock ? encodeHlc({ ...clock, node: nodeId }) : '' })
        .where('id', '=', 1),
    );
    dropCaptureTriggers(tx);
    for (const ddl of captureTriggerSql()) tx.run(sql.raw(ddl));
  }
}

/** Stops recording; ops already in the outbox stay there. */
export async function disableCapture(db: WriteDb): Promise<void> {
  await db.transaction((tx) => {
    tx.run(tx.updateTable('sync_state').set({ enabled: 0 }).where('id', '=', 1));
    dropCaptureTriggers(tx);
  });
}

/** Whether capture is on. */
export function captureEnabled(read: ReadDb): boolean {
  return read.first(read.selectFrom('sync_state').select('enabled').where('id', '=', 1))?.enabled === 1;
}

/** A table's level (parents first) as SQL over sync_outbox.tbl. */
const LEVEL_SQL = `CASE tbl ${SYNC_TABLES.filter((t) => levelOf(t) > 0)
  .map((t) => `WHEN '${t.table}' THEN ${levelOf(t)}`)
  .join(' ')} ELSE 0 END`;

/**
 * Up to `limit` ops waiting to be pushed, oldest clock first; within one clock (one transaction:
 * an import's 100k rows) parents before children, so a batch never holds a child whose parent
 * waits for a later batch.
 */
export function readOutbox(read: ReadDb, limit: number): OutboxOp[] {
  return read
    .all(
      read
        .selectFrom('sync_outbox')
        .select(['op_id', 'hlc', 'tbl', 'gid', 'field', 'value', 'base_seq'])
        .orderBy('hlc')
        .orderBy(sql.raw(LEVEL_SQL))
        .orderBy('op_id')
        .limit(Math.max(0, Math.floor(limit))),
    )
    .map((r) => ({
      opId: r.op_id,
      hlc: r.hlc,
      tbl: r.tbl,
      gid: r.gid,
      field: r.field,
      value: r.value === null ? null : (JSON.parse(r.value) as unknown),
      baseSeq: r.base_seq,
    }));
}

/** Ops waiting to be pushed. */
export function outboxSize(read: ReadDb): number {
  return Number(read.first(read.selectFrom('sync_outbox').select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0);
}

const CHUNK = 500;

/** Removes acknowledged ops from the outbox; their clocks become their fields' clocks. */
export async function ackOutbox(db: WriteDb, opIds: readonly string[]): Promise<number> {
  return db.transaction((tx) => {
    let removed = 0;
    for (let i = 0; i < opIds.length; i += CHUNK) {
      const ids = opIds.slice(i, i + CHUNK);
      tx.run(sql`INSERT INTO sync_field_clock (tbl, gid, field, hlc)
        SELECT tbl, gid, field, max(hlc) FROM sync_outbox WHERE op_id IN (${sql.join(ids)}) GROUP BY tbl, gid, field
        ON CONFLICT (tbl, gid, field) DO UPDATE SET hlc = max(hlc, excluded.hlc)`);
      removed += tx.run(tx.deleteFrom('sync_outbox').where('op_id', 'in', ids)).changes;
    }
    return removed;
  });
}
