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
import type { Statement } from 'better-sqlite3';
import { compareHlc, encodeHlc, parseHlc, receiveHlc, type Hlc } from '../../shared/sync/hlc';
import { hotFragment, type WriteDb, type WriteTx } from '../db/sql';
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

/** The bench figure the applier's prepared statements protect (src/main/db/sql.ts HOT_FIGURES). */
const FIGURE = 'sync: pull+apply throughput (changed rows)';
const IN_CHUNK = 500;
/** IN lists of one length (the last gid repeated), so each statement is prepared once. */
const MARKS = Array.from({ length: IN_CHUNK }, () => '?').join(',');
const pad = (gids: string[]): string[] => (gids.length < IN_CHUNK ? gids.concat(Array(IN_CHUNK - gids.length).fill(gids[0])) : gids);
const maxOf = (a: string, b: string) => (a > b ? a : b);
const k2 = (a: string, b: string) => `${a}\u0000${b}`;

/**
 * Applies ops within one transaction. What it reads per op comes from maps filled once per batch
 * (the rows' field clocks, the unsent outbox clocks, the rows, the local ids of the gids the ops
 * name), kept up to date as it writes; its statements are prepared once per table and column set.
 */
class Applier {
  private readonly node: string;
  conflicts = 0;
  /** `tbl\0gid` → field → clock (sync_field_clock; one row per field). */
  private readonly clocks = new Map<string, Map<string, string>>();
  /** `tbl\0gid` → field → the latest unsent local op's clock (sync_outbox, which applying does not change). */
  private readonly unsentClocks = new Map<string, Map<string, string>>();
  /** `tbl\0gid` → the row (null: not here); missing: not read yet. */
  private readonly rows = new Map<string, Row | null>();
  /** `table\0gid` → local id (null: not here). */
  private readonly ids = new Map<string, number | null>();
  /** `table\0id` → gid. */
  private readonly gids = new Map<string, string | null>();
  /** Which `tbl\0gid` have had their clocks loaded. */
  private readonly loaded = new Set<string>();

  constructor(
    private readonly tx: WriteTx,
    state: SyncStateRow,
  ) {
    this.node = state.node_id;
  }

  private stmt(text: string): Statement<unknown[]> {
    return this.tx.hot(FIGURE)`${hotFragment(text)}`;
  }

  /** Fills the maps for these ops' rows and the rows their foreign keys name: a few statements per table. */
  preload(ops: readonly RemoteOp[]): void {
    const byTable = new Map<string, Set<string>>();
    const refs = new Map<string, Set<string>>();
    const add = (m: Map<string, Set<string>>, table: string, gid: string) => {
      let s = m.get(table);
      if (!s) m.set(table, (s = new Set()));
      s.add(gid);
    };
    for (const op of ops) {
      const t = syncTable(op.tbl);
      if (!t) continue;
      add(byTable, op.tbl, op.gid);
      const refOf = (c: string, v: unknown) => {
        const f = t.fields[c];
        if (f?.kind === 'ref' && typeof v === 'string') add(refs, f.table, v);
      };
      if (op.field === ROW_FIELD && op.value && typeof op.value === 'object') {
        for (const [c, v] of Object.entries(op.value as Row)) refOf(c, v);
      } else refOf(op.field, op.value);
    }
    for (const [tbl, set] of byTable) {
      const gids = [...set].filter((g) => !this.loaded.has(k2(tbl, g)));
      for (let i = 0; i < gids.length; i += IN_CHUNK) {
        const part = pad(gids.slice(i, i + IN_CHUNK));
        const marks = MARKS;
        for (const g of part) {
          this.loaded.add(k2(tbl, g));
          this.clocks.set(k2(tbl, g), new Map());
          this.unsentClocks.set(k2(tbl, g), new Map());
          this.rows.set(k2(tbl, g), null);
        }
        for (const r of this.stmt(`SELECT gid, field, hlc FROM sync_field_clock WHERE tbl = ? AND gid IN (${marks})`).all(tbl, ...part) as {
          gid: string;
          field: string;
          hlc: string;
        }[]) {
          const m = this.clocks.get(k2(tbl, r.gid)) as Map<string, string>;
          m.set(r.field, maxOf(m.get(r.field) ?? '', r.hlc));
        }
        for (const r of this.stmt(
          `SELECT gid, field, max(hlc) AS hlc FROM sync_outbox WHERE tbl = ? AND gid IN (${marks}) GROUP BY gid, field`,
        ).all(tbl, ...part) as { gid: string; field: string; hlc: string }[]) {
          (this.unsentClocks.get(k2(tbl, r.gid)) as Map<string, string>).set(r.field, r.hlc);
        }
        for (const r of this.stmt(`SELECT * FROM ${tbl} WHERE gid IN (${marks})`).all(...part) as Row[]) {
          this.rows.set(k2(tbl, r.gid as string), r);
          if (r.id !== undefined) {
            this.ids.set(k2(tbl, r.gid as string), r.id as number);
            this.gids.set(k2(tbl, String(r.id)), r.gid as string);
          }
        }
      }
    }
    for (const [table, set] of refs) {
      const gids = [...set].filter((g) => !this.ids.has(k2(table, g)));
      for (let i = 0; i < gids.length; i += IN_CHUNK) {
        const part = pad(gids.slice(i, i + IN_CHUNK));
        for (const g of part) this.ids.set(k2(table, g), null);
        for (const r of this.stmt(`SELECT id, gid FROM ${table} WHERE gid IN (${MARKS})`).all(...part) as {
          id: number;
          gid: string;
        }[]) {
          this.ids.set(k2(table, r.gid), r.id);
          this.gids.set(k2(table, String(r.id)), r.gid);
        }
      }
    }
  }

  /** Forgets what a delete may have changed (a cascade takes children with it). */
  private forgetRows(): void {
    this.rows.clear();
    this.ids.clear();
    this.gids.clear();
    this.loaded.clear();
  }

  private ensureClocks(tbl: string, gid: string): void {
    const k = k2(tbl, gid);
    if (this.clocks.has(k)) return;
    const m = new Map<string, string>();
    for (const r of this.stmt(`SELECT field, hlc FROM sync_field_clock WHERE tbl = ? AND gid = ?`).all(tbl, gid) as {
      field: string;
      hlc: string;
    }[])
      m.set(r.field, maxOf(m.get(r.field) ?? '', r.hlc));
    this.clocks.set(k, m);
    const u = new Map<string, string>();
    for (const r of this.stmt(`SELECT field, max(hlc) AS hlc FROM sync_outbox WHERE tbl = ? AND gid = ? GROUP BY field`).all(tbl, gid) as {
      field: string;
      hlc: string;
    }[])
      u.set(r.field, r.hlc);
    this.unsentClocks.set(k, u);
  }

  private row(t: SyncTable, gid: string): Row | undefined {
    const k = k2(t.table, gid);
    let r = this.rows.get(k);
    if (r === undefined) {
      r = (this.stmt(`SELECT * FROM ${t.table} WHERE gid = ?`).get(gid) as Row | undefined) ?? null;
      this.rows.set(k, r);
    }
    return r ?? undefined;
  }

  private gidOf(table: string, id: unknown): string | null {
    if (id === null || id === undefined) return null;
    const k = k2(table, String(id));
    let g = this.gids.get(k);
    if (g === undefined) {
      g = (this.stmt(`SELECT gid FROM ${table} WHERE id = ?`).get(id) as { gid: string } | undefined)?.gid ?? null;
      this.gids.set(k, g);
    }
    return g;
  }

  /** A local id for a gid; undefined when that row is not here (yet). */
  private idOf(table: string, gid: unknown): number | null | undefined {
    if (gid === null || gid === undefined) return null;
    const k = k2(table, String(gid));
    let id = this.ids.get(k);
    if (id === undefined) {
      id = (this.stmt(`SELECT id FROM ${table} WHERE gid = ?`).get(String(gid)) as { id: number } | undefined)?.id ?? null;
      this.ids.set(k, id);
    }
    return id ?? undefined;
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

  /**
   * An op's value as the column stores it; undefined when a row it names is not here. A polymorphic
   * reference names its table in another column: `newer`'s (what is being written) else `row`'s.
   */
  private localValue(t: SyncTable, column: string, value: unknown, row: Row, newer: Row): unknown {
    const f = t.fields[column] as FieldKind;
    if (f.kind === 'ref') return this.idOf(f.table, value);
    if (f.kind === 'polyRef') {
      const table = f.tableColumn in newer ? newer[f.tableColumn] : row[f.tableColumn];
      return typeof table === 'string' && f.tables.includes(table) ? this.idOf(table, value) : null;
    }
    if (f.kind === 'blob') return typeof value === 'string' ? Buffer.from(value, 'hex') : value;
    return value;
  }

  private clock(tbl: string, gid: string, field: string): string {
    this.ensureClocks(tbl, gid);
    return this.clocks.get(k2(tbl, gid))?.get(field) ?? '';
  }

  /** The latest unsent local op's clock for a field (or the row). */
  private unsent(tbl: string, gid: string, field: string): string {
    this.ensureClocks(tbl, gid);
    return this.unsentClocks.get(k2(tbl, gid))?.get(field) ?? '';
  }

  /** The latest unsent local op's clock for any field of the row. */
  private unsentAny(tbl: string, gid: string): string {
    this.ensureClocks(tbl, gid);
    let out = '';
    for (const h of this.unsentClocks.get(k2(tbl, gid))?.values() ?? []) out = maxOf(out, h);
    return out;
  }

  private setClock(tbl: string, gid: string, field: string, hlc: string): void {
    this.stmt(
      `INSERT INTO sync_field_clock (tbl, gid, field, hlc) VALUES (?, ?, ?, ?)
      ON CONFLICT (tbl, gid, field) DO UPDATE SET hlc = max(hlc, excluded.hlc)`,
    ).run(tbl, gid, field, hlc);
    this.ensureClocks(tbl, gid);
    const m = this.clocks.get(k2(tbl, gid)) as Map<string, string>;
    m.set(field, maxOf(m.get(field) ?? '', hlc));
  }

  private conflict(op: RemoteOp, field: string, local: unknown, remote: unknown, localHlc: string, winner: 'local' | 'remote'): void {
    const r = this.stmt(
      `INSERT INTO sync_conflicts (tbl, gid, field, local_value, remote_value, local_hlc, remote_hlc, remote_op_id, winner,
        created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (remote_op_id, field) DO NOTHING`,
    ).run(
      op.tbl,
      op.gid,
      field,
      JSON.stringify(local ?? null),
      JSON.stringify(remote ?? null),
      localHlc,
      op.hlc,
      op.opId,
      winner,
      new Date(syncWallClock.now()).toISOString(),
    );
    this.conflicts += r.changes;
  }

  private wait(op: RemoteOp): Outcome {
    this.stmt(`INSERT INTO sync_pending (op_id, hlc, tbl, gid, field, value) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (op_id) DO NOTHING`).run(
      op.opId,
      op.hlc,
      op.tbl,
      op.gid,
      op.field,
      JSON.stringify(op.value ?? null),
    );
    return 'wait';
  }

  private deleted(tbl: string, gid: string): boolean {
    return this.clock(tbl, gid, DELETED_FIELD) !== '' || this.unsent(tbl, gid, DELETED_FIELD) !== '';
  }

  /**
   * Whether the op is one this book already holds: its row is here, nothing unsent touches the
   * column, and the column's clock (its own, else its row's) is the op's. Applying it would find
   * `local === op.hlc` and change nothing, log nothing; a pulled row carries every field, most of
   * them these, so they are set aside before the sort (only with the maps preload filled).
   */
  holds(op: RemoteOp): boolean {
    if (op.field === ROW_FIELD || op.field === DELETED_FIELD) return false;
    const k = k2(op.tbl, op.gid);
    const clocks = this.clocks.get(k);
    const unsent = this.unsentClocks.get(k);
    if (this.rows.get(k) == null || !clocks || !unsent) return false;
    if (unsent.has(op.field)) return false;
    if (op.field.startsWith(TAG_FIELD_PREFIX)) return clocks.get(op.field) === op.hlc;
    return !unsent.has(ROW_FIELD) && maxOf(clocks.get(op.field) ?? '', clocks.get(ROW_FIELD) ?? '') === op.hlc;
  }

  apply(op: RemoteOp, h: Hlc): Outcome {
    if (op.field !== ROW_FIELD && op.field !== DELETED_FIELD && !op.field.startsWith(TAG_FIELD_PREFIX)) return this.applyFields([op], h);
    const t = syncTable(op.tbl) as SyncTable;
    if (this.deleted(op.tbl, op.gid)) return 'done';
    const row = this.row(t, op.gid);
    if (op.field === DELETED_FIELD) return this.applyDelete(t, op, row);
    if (!row) return op.field === ROW_FIELD ? this.insert(t, op, h) : this.wait(op);
    if (op.field.startsWith(TAG_FIELD_PREFIX)) return this.applyTag(op, row);
    return this.applyColumns(t, op, row, h);
  }

  /** A row op on a row that is here: each of its columns by its own clock. */
  private applyColumns(t: SyncTable, op: RemoteOp, row: Row, h: Hlc): Outcome {
    const value = op.value as Row;
    const fields = Object.keys(value).filter((c) => c in t.fields);
    return this.update(
      t,
      row,
      h,
      fields.map((c) => ({ op, column: c, remote: value[c] })),
      op,
    );
  }

  /**
   * Column ops of one row at one clock (one op, or the ops of one edit, adjacent after the sort):
   * one UPDATE for those that win, as applying them one by one would leave the row (each column
   * by its own clock, conflicts per op and column); an op whose row is not here waits.
   */
  applyFields(ops: readonly RemoteOp[], h: Hlc): Outcome {
    const first = ops[0] as RemoteOp;
    const t = syncTable(first.tbl) as SyncTable;
    if (this.deleted(first.tbl, first.gid)) return 'done';
    const row = this.row(t, first.gid);
    if (!row) {
      for (const op of ops) this.wait(op);
      return 'wait';
    }
    return this.update(
      t,
      row,
      h,
      ops.map((op) => ({ op, column: op.field, remote: op.value })),
      null,
    );
  }

  /** The columns that win (by their clocks) in one UPDATE; `rowOp`: a row op's clock is set even when none does. */
  private update(
    t: SyncTable,
    row: Row,
    h: Hlc,
    changes: readonly { op: RemoteOp; column: string; remote: unknown }[],
    rowOp: RemoteOp | null,
  ): Outcome {
    const { tbl, gid } = rowOp ?? (changes[0] as { op: RemoteOp }).op;
    const rowClock = this.clock(tbl, gid, ROW_FIELD);
    const rowUnsent = this.unsent(tbl, gid, ROW_FIELD);
    const set: Record<string, unknown> = {};
    const won: RemoteOp[] = [];
    for (const { op, column: c, remote } of changes) {
      const unsent = maxOf(this.unsent(tbl, gid, c), rowUnsent);
      const local = maxOf(maxOf(this.clock(tbl, gid, c), rowClock), unsent);
      if (local === op.hlc) continue;
      // Whether the local value differs: only read when a conflict may be logged.
      const mine = () => this.opValue(t, row, c);
      const differs = (m: unknown) => JSON.stringify(m ?? null) !== JSON.stringify(remote ?? null);
      if (local > op.hlc) {
        if (parseHlc(local)?.node === this.node) {
          const m = mine();
          if (differs(m)) this.conflict(op, c, m, remote, local, 'local');
        }
        continue;
      }
      const v = this.localValue(t, c, remote, row, set);
      if (v === undefined) return this.wait(op);
      if (unsent !== '') {
        const m = mine();
        if (differs(m)) this.conflict(op, c, m, remote, unsent, 'remote');
      }
      set[c] = v;
      won.push(op);
    }
    const columns = Object.keys(set);
    if (columns.length > 0) {
      const touch = [t.versioned ? 'version = version + 1' : '', t.touched ? 'updated_at = max(updated_at, ?)' : ''].filter(Boolean);
      const params = columns.map((c) => set[c]);
      if (t.touched) params.push(new Date(h.wall).toISOString());
      this.stmt(`UPDATE ${t.table} SET ${[...columns.map((c) => `"${c}" = ?`), ...touch].join(', ')} WHERE gid = ?`).run(...params, gid);
      const k = k2(t.table, gid);
      if ((t.touched && 'updated_at' in t.fields) || (t.versioned && 'version' in t.fields)) this.rows.delete(k);
      else this.rows.set(k, { ...row, ...set });
    }
    if (rowOp) this.setClock(tbl, gid, ROW_FIELD, rowOp.hlc);
    else for (const op of won) this.setClock(op.tbl, op.gid, op.field, op.hlc);
    return 'done';
  }

  private insert(t: SyncTable, op: RemoteOp, h: Hlc): Outcome {
    const fields = op.value as Row;
    const values: Row = {};
    for (const c of Object.keys(t.fields)) {
      if (!(c in fields)) continue;
      const v = this.localValue(t, c, fields[c], fields, values);
      if (v === undefined) return this.wait(op);
      values[c] = v;
    }
    if (t.touched) values.updated_at = new Date(h.wall).toISOString();
    values.gid = op.gid;
    const columns = Object.keys(values);
    let id: number;
    try {
      id = Number(
        this.stmt(`INSERT INTO ${t.table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(
          ...columns.map((c) => values[c]),
        ).lastInsertRowid,
      );
    } catch (err) {
      // The same record under another gid (an inquiry both laptops imported): kept as a conflict.
      if (!String((err as { code?: unknown }).code ?? '').startsWith('SQLITE_CONSTRAINT')) throw err;
      this.conflict(op, ROW_FIELD, null, fields, '', 'local');
      return 'done';
    }
    const k = k2(t.table, op.gid);
    this.rows.delete(k);
    if (t.key.length === 1 && t.key[0] === 'id') {
      this.ids.set(k, id);
      this.gids.set(k2(t.table, String(id)), op.gid);
    } else this.ids.delete(k);
    this.setClock(op.tbl, op.gid, ROW_FIELD, op.hlc);
    return 'done';
  }

  private applyDelete(t: SyncTable, op: RemoteOp, row: Row | undefined): Outcome {
    if (row) {
      const unsent = this.unsentAny(op.tbl, op.gid);
      if (unsent) {
        const mine = Object.fromEntries(Object.keys(t.fields).map((c) => [c, this.opValue(t, row, c)]));
        this.conflict(op, DELETED_FIELD, mine, true, unsent, 'remote');
      }
      this.stmt(`DELETE FROM ${t.table} WHERE gid = ?`).run(op.gid);
      this.forgetRows();
    }
    this.stmt(`DELETE FROM sync_pending WHERE tbl = ? AND gid = ?`).run(op.tbl, op.gid);
    this.setClock(op.tbl, op.gid, DELETED_FIELD, op.hlc);
    return 'done';
  }

  private applyTag(op: RemoteOp, row: Row): Outcome {
    const local = maxOf(this.clock(op.tbl, op.gid, op.field), this.unsent(op.tbl, op.gid, op.field));
    const tag = op.field.slice(TAG_FIELD_PREFIX.length);
    const present = this.stmt(`SELECT 1 AS x FROM customer_tags WHERE customer_id = ? AND tag = ?`).get(row.id, tag) !== undefined;
    const remote = op.value === true;
    if (local === op.hlc) return 'done';
    if (local > op.hlc) {
      if (present !== remote && parseHlc(local)?.node === this.node) this.conflict(op, op.field, present, remote, local, 'local');
      return 'done';
    }
    const unsent = this.unsent(op.tbl, op.gid, op.field);
    if (unsent !== '' && present !== remote) this.conflict(op, op.field, present, remote, unsent, 'remote');
    if (remote) this.stmt(`INSERT INTO customer_tags (customer_id, tag) VALUES (?, ?) ON CONFLICT DO NOTHING`).run(row.id, tag);
    else this.stmt(`DELETE FROM customer_tags WHERE customer_id = ? AND tag = ?`).run(row.id, tag);
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

/** A column op whose value needs no other row (not a row, delete, tag or reference op): one that may share an UPDATE. */
function plainColumn(op: RemoteOp): boolean {
  if (op.field === ROW_FIELD || op.field === DELETED_FIELD || op.field.startsWith(TAG_FIELD_PREFIX)) return false;
  const kind = syncTable(op.tbl)?.fields[op.field]?.kind;
  return kind !== undefined && kind !== 'ref' && kind !== 'polyRef';
}

export interface ApplyOptions {
  /** Runs in the same transaction, after the ops and while remote changes are being applied (triggers quiet). */
  within?: (tx: WriteTx) => void;
  /** The server sequence the pulled page ends at: last_seq moves there in the same transaction. */
  lastSeq?: number;
  /** The page was the last of its pull (nothing more): pull_base moves to last_seq too. */
  complete?: boolean;
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
    const valid = ops
      .map((op) => ({ op, h: parseHlc(op.hlc) }))
      .filter((x): x is { op: RemoteOp; h: Hlc } => {
        const ok = x.h !== null && wellFormed(x.op) && !(x.op.seq !== undefined && x.op.seq <= state.last_seq);
        if (!ok) result.skipped += 1;
        return ok;
      });
    applier.preload(valid.map((x) => x.op));
    // What the book already holds is skipped (counted with the ops applied before); the rest in clock order.
    const parsed = valid
      .filter(({ op }) => {
        if (!applier.holds(op)) return true;
        result.skipped += 1;
        if (op.seq !== undefined && op.seq > lastSeq) lastSeq = op.seq;
        return false;
      })
      .sort((a, b) => compareHlc(a.h, b.h) || (a.op.opId < b.op.opId ? -1 : a.op.opId > b.op.opId ? 1 : 0));
    for (let i = 0; i < parsed.length;) {
      const { op, h } = parsed[i] as { op: RemoteOp; h: Hlc };
      // The column ops of one edit of a row (same row, same clock: adjacent) go in one UPDATE.
      let j = i + 1;
      if (plainColumn(op)) {
        const fields = new Set([op.field]);
        for (; j < parsed.length; j++) {
          const next = (parsed[j] as { op: RemoteOp }).op;
          if (next.hlc !== op.hlc || next.gid !== op.gid || next.tbl !== op.tbl || !plainColumn(next) || fields.has(next.field)) break;
          fields.add(next.field);
        }
      }
      const group = parsed.slice(i, j);
      i = j;
      for (const x of group) {
        const r = receiveHlc(clock, x.h, syncWallClock.now());
        clock = r.clock;
        if (r.clamped) result.clamped += 1;
        if (x.op.seq !== undefined && x.op.seq > lastSeq) lastSeq = x.op.seq;
      }
      const outcome =
        group.length === 1
          ? applier.apply(op, h)
          : applier.applyFields(
              group.map((x) => x.op),
              h,
            );
      if (outcome === 'done') result.applied += group.length;
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
        .set({
          applying: 0,
          hlc: state.node_id ? encodeHlc(clock) : state.hlc,
          last_seq: lastSeq,
          ...(options.complete ? { pull_base: lastSeq } : {}),
        })
        .where('id', '=', 1),
    );
    return result;
  });
}
