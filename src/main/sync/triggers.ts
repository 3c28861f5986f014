/**
 * The capture triggers, made from the table spec (src/shared/sync/tables.ts): while sync is enabled and no
 * remote change is being applied, every insert, update and delete of a shared table writes its
 * field ops to sync_outbox in the same statement, so in the same transaction as the change. The
 * ops carry sync_state.hlc, ticked once per write transaction by the engine (sync/clock.ts), and
 * sync_state.last_seq as their base_seq.
 */
import { NOW_MS_SQL, UUIDV7_SQL } from '../db/migrations/0013_sync_capture';
import { DELETED_FIELD, ROW_FIELD, SYNC_TABLES, TAG_FIELD_PREFIX, type FieldKind, type SyncTable } from '../../shared/sync/tables';

export const TRIGGER_PREFIX = 'sync_capture_';

const ACTIVE = `(SELECT applying FROM sync_state WHERE id = 1) = 0 AND (SELECT enabled FROM sync_state WHERE id = 1) = 1`;
const HLC = `(SELECT hlc FROM sync_state WHERE id = 1)`;
const OP_ID = UUIDV7_SQL(NOW_MS_SQL);
const NOW_ISO = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;
const q = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** A column of the trigger row (`new`/`old`) as the value an op carries: plain, a gid for a foreign key, hex for a BLOB. */
function opValue(row: string, column: string, f: FieldKind): string {
  switch (f.kind) {
    case 'value':
      return `${row}.${column}`;
    case 'blob':
      return `hex(${row}.${column})`;
    case 'ref':
      return `(SELECT gid FROM ${f.table} WHERE id = ${row}.${column})`;
    case 'polyRef':
      return `CASE ${row}.${f.tableColumn} ${f.tables.map((t) => `WHEN ${q(t)} THEN (SELECT gid FROM ${t} WHERE id = ${row}.${column})`).join(' ')} END`;
  }
}

function match(t: SyncTable, row: 'new' | 'old'): string {
  return t.key.map((k) => `${k} = ${row}.${k}`).join(' AND ');
}

/** A row as its '*' op carries it (JSON text), `row` naming the row in SQL ('new' in a trigger, a table alias in a select). */
export function rowObject(t: SyncTable, row: string): string {
  return `json_object(${Object.entries(t.fields)
    .map(([c, f]) => `${q(c)}, ${opValue(row, c, f)}`)
    .join(', ')})`;
}

/** An outbox insert of one op (value: SQL giving JSON text), coalesced with an op of the same field in this transaction. */
function emit(table: string, gid: string, field: string, json: string, when: string): string {
  return `INSERT INTO sync_outbox (op_id, hlc, tbl, gid, field, value, base_seq, created_at)
    SELECT ${OP_ID}, s.hlc, ${q(table)}, ${gid}, ${field}, ${json}, s.last_seq, ${NOW_ISO} FROM sync_state s WHERE s.id = 1 AND ${when}
    ON CONFLICT (tbl, gid, field, hlc) DO UPDATE SET value = excluded.value`;
}

/** Whether this transaction inserted the row (its '*' op carries this transaction's clock). */
function insertedHere(table: string, gid: string): string {
  return `EXISTS (SELECT 1 FROM sync_outbox WHERE tbl = ${q(table)} AND gid = ${gid} AND field = '${ROW_FIELD}' AND hlc = ${HLC})`;
}

function tableTriggers(t: SyncTable): string[] {
  const name = `${TRIGGER_PREFIX}${t.table}`;
  const gidOf = (row: 'new' | 'old') =>
    row === 'new' ? `coalesce(new.gid, (SELECT gid FROM ${t.table} WHERE ${match(t, 'new')}))` : 'old.gid';
  const columns = Object.keys(t.fields);
  return [
    // The gid first when the insert gave none (the 0013 gid trigger may fire after this one), then the row as one op.
    `CREATE TRIGGER ${name}_insert AFTER INSERT ON ${t.table} WHEN ${ACTIVE} BEGIN
      UPDATE ${t.table} SET gid = ${UUIDV7_SQL(NOW_MS_SQL)} WHERE new.gid IS NULL AND ${match(t, 'new')} AND gid IS NULL;
      ${emit(t.table, gidOf('new'), `'${ROW_FIELD}'`, rowObject(t, 'new'), '1')};
    END`,
    `CREATE TRIGGER ${name}_update AFTER UPDATE OF ${columns.join(', ')} ON ${t.table} WHEN ${ACTIVE} BEGIN
      UPDATE sync_outbox SET value = json_set(value, ${columns.map((c) => `'$.${c}', ${opValue('new', c, t.fields[c] as FieldKind)}`).join(', ')})
        WHERE tbl = ${q(t.table)} AND gid = new.gid AND field = '${ROW_FIELD}' AND hlc = ${HLC};
      ${columns
        .map((c) =>
          emit(
            t.table,
            'new.gid',
            q(c),
            `json_quote(${opValue('new', c, t.fields[c] as FieldKind)})`,
            `old.${c} IS NOT new.${c} AND NOT ${insertedHere(t.table, 'new.gid')}`,
          ),
        )
        .join(';\n')};
    END`,
    // A row inserted and deleted in one transaction leaves nothing; any other delete is `_deleted`.
    `CREATE TRIGGER ${name}_delete AFTER DELETE ON ${t.table} WHEN ${ACTIVE} BEGIN
      ${emit(t.table, 'old.gid', `'${DELETED_FIELD}'`, `'true'`, `NOT ${insertedHere(t.table, 'old.gid')}`)};
      DELETE FROM sync_outbox WHERE tbl = ${q(t.table)} AND gid = old.gid AND hlc = ${HLC} AND ${insertedHere(t.table, 'old.gid')};
    END`,
  ];
}

function tagTriggers(): string[] {
  const name = `${TRIGGER_PREFIX}customer_tags`;
  const tag = (row: 'new' | 'old', present: boolean) =>
    emit(
      'customers',
      `(SELECT gid FROM customers WHERE id = ${row}.customer_id)`,
      `'${TAG_FIELD_PREFIX}' || ${row}.tag`,
      present ? `'true'` : `'false'`,
      `(SELECT gid FROM customers WHERE id = ${row}.customer_id) IS NOT NULL`,
    );
  return [
    `CREATE TRIGGER ${name}_insert AFTER INSERT ON customer_tags WHEN ${ACTIVE} BEGIN ${tag('new', true)}; END`,
    `CREATE TRIGGER ${name}_update AFTER UPDATE ON customer_tags WHEN ${ACTIVE} BEGIN ${tag('old', false)}; ${tag('new', true)}; END`,
    `CREATE TRIGGER ${name}_delete AFTER DELETE ON customer_tags WHEN ${ACTIVE} BEGIN ${tag('old', false)}; END`,
  ];
}

/** Every capture trigger's CREATE statement, in spec order. */
export function captureTriggerSql(): string[] {
  return [...SYNC_TABLES.flatMap(tableTriggers), ...tagTriggers()];
}
