/**
 * Applying remote ops (what a pull brings) to the laptop's book, in one transaction, with
 * sync_state.applying = 1 so the capture triggers do not echo them into the outbox.
 *
 * Field-level last writer wins by HLC: an op changes a field only when its clock is after the
 * field's local clock, which is the latest of sync_field_clock's entry for the field, its row's
 * '*' entry (the row op that brought the row), and the clocks of unsent local ops for the field or
 * row in sync_outbox. The order ops arrive in does not matter: an op whose row (or a row one of its
 * foreign keys names) has not arrived waits in sync_pending and is tried again after each batch;
 * a deleted row keeps a `_deleted` clock, so its late ops are ignored.
 *
 * Conflicts are kept, never dropped (sync_conflicts, once per remote op and field): a remote value
 * that replaced an unsent local edit (winner 'remote'), and a remote value that lost against an
 * edit made on this laptop (winner 'local').
 */
import { sql } from 'kysely';
import { compareHlc, encodeHlc, parseHlc, receiveHlc, type Hlc } from '../../shared/sync/hlc';
import type { WriteDb, WriteTx } from '../db/sql';
import { clockOf, syncWallClock, type SyncStateRow } from './clock';
import { DELETED_FIELD, ROW_FIELD, syncTable, TAG_FIELD_PREFIX, type FieldKind, type SyncTable } from '../../shared/sync/tables';

export interface RemoteOp {
  opId: string;
  hlc: string;
  tbl: string;
  gid: string;
  field: string;
  value: unknown;
  /** The server's sequence: an op at or below sync_state.last_seq was applied before and is skipped. */
  seq?: number;
}

export interface ApplyResult {
  /** Ops that changed something or lost to a newer local value. */
  applied: number;
  /** Ops waiting for their row or a row they name. */
  pending: number;
  /** Ops already applied (seq) or malformed. */
  skipped: number;
  /** Remote clocks too far ahead, clamped when merged into the local clock. */
  clamped: number;
  conflicts: number;
}

type Row = Record<string, unknown>;
type Outcome = 'done' | 'wait';

const iso = (h: Hlc) => new Date(h.wall).toISOString();

class Applier {
  private readonly node: string;
  conflicts = 0;

  constructor(
    private readonly tx: WriteTx,
    state: SyncStateRow,
  ) {
    this.node = state.node_id;
  }

  private row(t: SyncTable, gid: string): Row | undefined {
    return this.tx.first<Row>(sql`SELECT * FROM ${sql.table(t.table)} WHERE gid = ${gid}`);
  }

  private gidOf(table: string, id: unknown): string | null {
    if (id === null || id === undefined) return null;
    return this.tx.first<{ gid: string }>(sql`SELECT gid FROM ${sql.table(table)} WHERE id = ${id}`)?.gid ?? null;
  }

  /** A local id for a gid; undefined when that row is not here (yet). */
  private idOf(table: string, gid: unknown): number | null | undefined {
    if (gid === null || gid === undefined) return null;
    return this.tx.first<{ id: number }>(sql`SELECT id FROM ${sql.table(table)} WHERE gid = ${String(gid)}`)?.id;
  }

  /** A column of a local row as an op carries it. */
  private opValue(t: SyncTable, row: Row, column: string): unknown {
    const f = t.fields[column] as FieldKind;
    const v = row[column] ?? null;
    if (f.kind === 'ref') return this.gidOf(f.table, v);
    if (f.kind === 'polyRef') return typeof row[f.tableColumn] === 'string' ? this.gidOf(row[f.tableColumn] as string, v) : null;
    if (f.kind === 'blob') return Buffer.isBuffer(v) ? v.toString('hex').toUpperCase() : v;
    return v;
  }

  /** An op's value as the column stores it; undefined when a row it names is not here. */
  private localValue(t: SyncTable, column: string, value: unknown, row: Row): unknown {
    const f = t.fields[column] as FieldKind;
    if (f.kind === 'ref') return this.idOf(f.table, value);
    if (f.kind === 'polyRef') {
      const table = row[f.tableColumn];
      return typeof table === 'string' && f.tables.includes(table) ? this.idOf(table, value) : null;
    }
    if (f.kind === 'blob') return typeof value === 'string' ? Buffer.from(value, 'hex') : value;
    return value;
  }

  private clock(tbl: string, gid: string, field: string): string {
    return (
      this.tx.first<{ hlc: string | null }>(
        sql`SELECT max(hlc) AS hlc FROM sync_field_clock WHERE tbl = ${tbl} AND gid = ${gid} AND field = ${field}`,
      )?.hlc ?? ''
    );
  }

  /** The latest unsent local op's clock for a field (or the row). */
  private unsent(tbl: string, gid: string, field: string): string {
    return (
      this.tx.first<{ hlc: string | null }>(
        sql`SELECT max(hlc) AS hlc FROM sync_outbox WHERE tbl = ${tbl} AND gid = ${gid} AND field = ${field}`,
      )?.hlc ?? ''
    );
  }

  private setClock(tbl: string, gid: string, field: string, hlc: string): void {
    this.tx.run(sql`INSERT INTO sync_field_clock (tbl, gid, field, hlc) VALUES (${tbl}, ${gid}, ${field}, ${hlc})
      ON CONFLICT (tbl, gid, field) DO UPDATE SET hlc = max(hlc, excluded.hlc)`);
  }

  private conflict(op: RemoteOp, field: string, local: unknown, remote: unknown, localHlc: string, winner: 'local' | 'remote'): void {
    const r = this.tx
      .run(sql`INSERT INTO sync_conflicts (tbl, gid, field, local_value, remote_value, local_hlc, remote_hlc, remote_op_id, winner, created_at)
      VALUES (${op.tbl}, ${op.gid}, ${field}, ${JSON.stringify(local ?? null)}, ${JSON.stringify(remote ?? null)}, ${localHlc}, ${op.hlc},
        ${op.opId}, ${winner}, ${new Date(syncWallClock.now()).toISOString()})
      ON CONFLICT (remote_op_id, field) DO NOTHING`);
    this.conflicts += r.changes;
  }

  private wait(op: RemoteOp): Outcome {
    this.tx
      .run(sql`INSERT INTO sync_pending (op_id, hlc, tbl, gid, field, value) VALUES (${op.opId}, ${op.hlc}, ${op.tbl}, ${op.gid}, ${op.field},
      ${JSON.stringify(op.value ?? null)}) ON CONFLICT (op_id) DO NOTHING`);
    return 'wait';
  }

  private deleted(tbl: string, gid: string): boolean {
    return this.clock(tbl, gid, DELETED_FIELD) !== '' || this.unsent(tbl, gid, DELETED_FIELD) !== '';
  }

  private touch(t: SyncTable, h: Hlc): string {
    return [t.versioned ? 'version = version + 1' : '', t.touched ? `updated_at = max(updated_at, '${iso(h)}')` : '']
      .filter(Boolean)
      .join(', ');
  }

  apply(op: RemoteOp, h: Hlc): Outcome {
    const t = syncTable(op.tbl) as SyncTable;
    if (this.deleted(op.tbl, op.gid)) return 'done';
    const row = this.row(t, op.gid);
    if (op.field === DELETED_FIELD) return this.applyDelete(t, op, row);
    if (!row) return op.field === ROW_FIELD ? this.insert(t, op, h) : this.wait(op);
    if (op.field.startsWith(TAG_FIELD_PREFIX)) return this.applyTag(op, row);
    const fields = op.field === ROW_FIELD ? Object.keys(op.value as Row).filter((c) => c in t.fields) : [op.field];
    const rowClock = this.clock(op.tbl, op.gid, ROW_FIELD);
    const rowUnsent = this.unsent(op.tbl, op.gid, ROW_FIELD);
    const set: Record<string, unknown> = {};
    for (const c of fields) {
      const remote = op.field === ROW_FIELD ? (op.value as Row)[c] : op.value;
      const unsent = [this.unsent(op.tbl, op.gid, c), rowUnsent].reduce((a, b) => (a > b ? a : b));
      const local = [this.clock(op.tbl, op.gid, c), rowClock, unsent].reduce((a, b) => (a > b ? a : b));
      if (local === op.hlc) continue;
      const mine = this.opValue(t, row, c);
      const differs = JSON.stringify(mine ?? null) !== JSON.stringify(remote ?? null);
      if (local > op.hlc) {
        if (differs && parseHlc(local)?.node === this.node) this.conflict(op, c, mine, remote, local, 'local');
        continue;
      }
      const v = this.localValue(t, c, remote, { ...row, ...set });
      if (v === undefined) return this.wait(op);
      if (differs && unsent !== '') this.conflict(op, c, mine, remote, unsent, 'remote');
      set[c] = v;
    }
    const columns = Object.keys(set);
    if (columns.length > 0) {
      const touch = this.touch(t, h);
      this.tx.run(sql`UPDATE ${sql.table(t.table)} SET ${sql.join(columns.map((c) => sql`${sql.ref(c)} = ${set[c]}`))}
        ${sql.raw(touch ? `, ${touch}` : '')} WHERE gid = ${op.gid}`);
    }
    if (op.field === ROW_FIELD) this.setClock(op.tbl, op.gid, ROW_FIELD, op.hlc);
    else if (columns.length > 0) this.setClock(op.tbl, op.gid, op.field, op.hlc);
    return 'done';
  }

  private insert(t: SyncTable, op: RemoteOp, h: Hlc): Outcome {
    const fields = op.value as Row;
    const values: Row = {};
    for (const c of Object.keys(t.fields)) {
      if (!(c in fields)) continue;
      const v = this.localValue(t, c, fields[c], { ...fields, ...values });
      if (v === undefined) return this.wait(op);
      values[c] = v;
    }
    if (t.touched) values.updated_at = iso(h);
    values.gid = op.gid;
    const columns = Object.keys(values);
    try {
      this.tx.run(
        sql`INSERT INTO ${sql.table(t.table)} (${sql.join(columns.map((c) => sql.ref(c)))}) VALUES (${sql.join(columns.map((c) => values[c]))})`,
      );
    } catch (err) {
      // The same record under another gid (an inquiry both laptops imported): kept as a conflict.
      if (!String((err as { code?: unknown }).code ?? '').startsWith('SQLITE_CONSTRAINT')) throw err;
      this.conflict(op, ROW_FIELD, null, fields, '', 'local');
      return 'done';
    }
    this.setClock(op.tbl, op.gid, ROW_FIELD, op.hlc);
    return 'done';
  }

  private applyDelete(t: SyncTable, op: RemoteOp, row: Row | undefined): Outcome {
    if (row) {
      const unsent = this.tx.first<{ hlc: string | null }>(
        sql`SELECT max(hlc) AS hlc FROM sync_outbox WHERE tbl = ${op.tbl} AND gid = ${op.gid}`,
      )?.hlc;
      if (unsent) {
        const mine = Object.fromEntries(Object.keys(t.fields).map((c) => [c, this.opValue(t, row, c)]));
        this.conflict(op, DELETED_FIELD, mine, true, unsent, 'remote');
      }
      this.tx.run(sql`DELETE FROM ${sql.table(t.table)} WHERE gid = ${op.gid}`);
    }
    this.tx.run(sql`DELETE FROM sync_pending WHERE tbl = ${op.tbl} AND gid = ${op.gid}`);
    this.setClock(op.tbl, op.gid, DELETED_FIELD, op.hlc);
    return 'done';
  }

  private applyTag(op: RemoteOp, row: Row): Outcome {
    const local = [this.clock(op.tbl, op.gid, op.field), this.unsent(op.tbl, op.gid, op.field)].reduce((a, b) => (a > b ? a : b));
    const tag = op.field.slice(TAG_FIELD_PREFIX.length);
    const present = this.tx.first(sql`SELECT 1 AS x FROM customer_tags WHERE customer_id = ${row.id} AND tag = ${tag}`) !== undefined;
    const remote = op.value === true;
    if (local === op.hlc) return 'done';
    if (local > op.hlc) {
      if (present !== remote && parseHlc(local)?.node === this.node) this.conflict(op, op.field, present, remote, local, 'local');
      return 'done';
    }
    const unsent = this.unsent(op.tbl, op.gid, op.field);
    if (unsent !== '' && present !== remote) this.conflict(op, op.field, present, remote, unsent, 'remote');
    if (remote) this.tx.run(sql`INSERT INTO customer_tags (customer_id, tag) VALUES (${row.id}, ${tag}) ON CONFLICT DO NOTHING`);
    else this.tx.run(sql`DELETE FROM customer_tags WHERE customer_id = ${row.id} AND tag = ${tag}`);
    this.setClock(op.tbl, op.gid, op.field, op.hlc);
    return 'done';
  }
}

/** Whether an op names a shared table and one of its fields. */
function wellFormed(op: RemoteOp): boolean {
  const t = syncTable(op.tbl);
  if (!t || typeof op.gid !== 'string' || op.gid === '' || typeof op.opId !== 'string') return false;
  if (op.field === ROW_FIELD) return typeof op.value === 'object' && op.value !== null && !Array.isArray(op.value);
  if (op.field === DELETED_FIELD) return true;
  if (op.field.startsWith(TAG_FIELD_PREFIX)) return op.tbl === 'customers' && typeof op.value === 'boolean';
  return op.field in t.fields;
}

export interface ApplyOptions {
  /** Runs in the same transaction, after the ops and while remote changes are being applied (triggers quiet). */
  within?: (tx: WriteTx) => void;
  /** The server sequence the pulled page ends at: last_seq moves there in the same transaction. */
  lastSeq?: number;
}

/** Applies remote ops in one transaction; see the file's comment. */
export async function applyRemote(db: WriteDb, ops: readonly RemoteOp[], options: ApplyOptions = {}): Promise<ApplyResult> {
  return db.transaction((tx) => {
    const state = tx.first(tx.selectFrom('sync_state').selectAll().where('id', '=', 1)) as SyncStateRow & { id: number };
    tx.run(tx.updateTable('sync_state').set({ applying: 1 }).where('id', '=', 1));
    const applier = new Applier(tx, state);
    const result: ApplyResult = { applied: 0, pending: 0, skipped: 0, clamped: 0, conflicts: 0 };
    let clock = clockOf(state);
    let lastSeq = state.last_seq;
    const parsed = ops
      .map((op) => ({ op, h: parseHlc(op.hlc) }))
      .filter((x): x is { op: RemoteOp; h: Hlc } => {
        const ok = x.h !== null && wellFormed(x.op) && !(x.op.seq !== undefined && x.op.seq <= state.last_seq);
        if (!ok) result.skipped += 1;
        return ok;
      })
      .sort((a, b) => compareHlc(a.h, b.h) || (a.op.opId < b.op.opId ? -1 : a.op.opId > b.op.opId ? 1 : 0));
    for (const { op, h } of parsed) {
      const r = receiveHlc(clock, h, syncWallClock.now());
      clock = r.clock;
      if (r.clamped) result.clamped += 1;
      if (op.seq !== undefined && op.seq > lastSeq) lastSeq = op.seq;
      if (applier.apply(op, h) === 'done') result.applied += 1;
    }
    // Ops that waited for a row: again, until a round applies none.
    for (let progress = true; progress;) {
      progress = false;
      const waiting = tx.all(tx.selectFrom('sync_pending').selectAll().orderBy('hlc').orderBy('op_id'));
      for (const p of waiting) {
        const op: RemoteOp = {
          opId: p.op_id,
          hlc: p.hlc,
          tbl: p.tbl,
          gid: p.gid,
          field: p.field,
          value: p.value === null ? null : JSON.parse(p.value),
        };
        tx.run(tx.deleteFrom('sync_pending').where('op_id', '=', p.op_id));
        if (applier.apply(op, parseHlc(op.hlc) as Hlc) === 'done') {
          progress = true;
          result.applied += 1;
        }
      }
    }
    result.pending = Number(tx.first(tx.selectFrom('sync_pending').select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0);
    result.conflicts = applier.conflicts;
    options.within?.(tx);
    if (options.lastSeq !== undefined && options.lastSeq > lastSeq) lastSeq = options.lastSeq;
    tx.run(
      tx
        .updateTable('sync_state')
        .set({ applying: 0, hlc: state.node_id ? encodeHlc(clock) : state.hlc, last_seq: lastSeq })
        .where('id', '=', 1),
    );
    return result;
  });
}
