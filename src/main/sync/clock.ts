/**
 * The laptop's hybrid logical clock, kept in sync_state.hlc. While sync is enabled it ticks once at
 * the start of every write transaction (db/open.ts hands tickSyncClock to the WriteDb), inside the
 * transaction: the capture triggers stamp every op of the transaction with it, and a transaction
 * that rolls back takes its tick with it. A single-user book pays one read of sync_state per write
 * transaction.
 */
import { compareHlc, encodeHlc, HLC_MAX_WALL, isNodeId, parseHlc, receiveHlc, tickHlc, zeroHlc, type Hlc } from '../../shared/sync/hlc';
import type { CompiledQuery } from 'kysely';
import type { WriteTx } from '../db/sql';

/** Where the clock reads wall time (tests move it). */
export const syncWallClock = { now: (): number => Date.now() };

export interface SyncStateRow {
  enabled: number;
  node_id: string;
  hlc: string;
  applying: number;
  last_seq: number;
}

/** The stored clock (a book that never enabled sync has none yet: zero, of node 0). */
export function clockOf(state: Pick<SyncStateRow, 'hlc' | 'node_id'>): Hlc {
  return parseHlc(state.hlc) ?? zeroHlc(isNodeId(state.node_id) ? state.node_id : '0000000000000000');
}

/** The two statements of a tick, compiled once (a tick runs before every write transaction). */
let compiled: { read: CompiledQuery<Pick<SyncStateRow, 'enabled' | 'node_id' | 'hlc'>>; write: CompiledQuery } | undefined;

/** Ticks the clock when sync is enabled; called first in every write transaction. */
export function tickSyncClock(tx: WriteTx): void {
  compiled ??= {
    read: tx.selectFrom('sync_state').select(['enabled', 'node_id', 'hlc']).where('id', '=', 1).compile(),
    write: tx.updateTable('sync_state').set({ hlc: '' }).where('id', '=', 1).compile(),
  };
  const state = tx.first(compiled.read);
  if (!state || state.enabled !== 1) return;
  tx.run({ ...compiled.write, parameters: [encodeHlc(tickHlc(clockOf(state), syncWallClock.now())), 1] });
}

/**
 * Moves the clock past a clock the server holds for a field, in the caller's write transaction
 * (after its tick): the user's "Keep mine" must win against it. The applier clamps a remote clock
 * to this laptop's time + 5 min; a laptop whose clock runs behind the writer's would otherwise
 * write a value that loses again. The server accepted that clock (never more than 5 min past its
 * own time), so taking it has the same bound.
 */
export function passClock(tx: WriteTx, held: string): void {
  const remote = parseHlc(held);
  const state = tx.first(tx.selectFrom('sync_state').select(['enabled', 'node_id', 'hlc']).where('id', '=', 1));
  if (!remote || !state || state.enabled !== 1) return;
  const local = clockOf(state);
  if (compareHlc(local, remote) > 0) return;
  const passed = receiveHlc(local, remote, syncWallClock.now(), HLC_MAX_WALL).clock;
  tx.run(
    tx
      .updateTable('sync_state')
      .set({ hlc: encodeHlc(passed) })
      .where('id', '=', 1),
  );
}
