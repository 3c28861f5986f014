/**
 * The laptop's hybrid logical clock, kept in sync_state.hlc. While sync is enabled it ticks once at
 * the start of every write transaction (db/open.ts hands tickSyncClock to the WriteDb), inside the
 * transaction: the capture triggers stamp every op of the transaction with it, and a transaction
 * that rolls back takes its tick with it. A single-user book pays one read of sync_state per write
 * transaction.
 */
import { encodeHlc, isNodeId, parseHlc, tickHlc, zeroHlc, type Hlc } from '../../shared/sync/hlc';
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
