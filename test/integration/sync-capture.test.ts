import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeHlc } from '../../src/shared/sync/hlc';
import { applyRemote, type RemoteOp } from '../../src/main/sync/apply';
import { ackOutbox, disableCapture, enableCapture, readOutbox } from '../../src/main/sync/capture';
import { syncWallClock } from '../../src/main/sync/clock';
import { openTestEngine, type TestEngine } from '../support/temp-db';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures');
const NODE = '00000000000000aa';
const OTHER = '00000000000000bb';
const opened: TestEngine[] = [];
afterEach(async () => {
  for (const e of opened.splice(0)) await e.close();
  syncWallClock.now = () => Date.now();
});

async function engine(): Promise<TestEngine> {
  const e = await openTestEngine();
  opened.push(e);
  return e;
}
const handles = (e: TestEngine) => ({ db: e.engine.database.write, read: e.engine.database.read });
const outbox = (e: TestEngine) => readOutbox(handles(e).read, 1_000_000);
const sqlite = (e: TestEngine) => e.engine.database.sqlite;
const gidOf = (e: TestEngine, table: string, id: number) =>
  (sqlite(e).prepare(`SELECT gid FROM ${table} WHERE id = ?`).get(id) as { gid: string }).gid;
let opSeq = 0;
const remote = (op: Omit<RemoteOp, 'opId'> & { opId?: string }): RemoteOp => ({ opId: `remote-${++opSeq}`, ...op });
const hlcAt = (wall: number, node = OTHER, counter = 0) => encodeHlc({ wall, counter, node });

describe('sync capture', () => {
  it('writes nothing to the outbox while capture is off, and every new row still gets a gid', async () => {
    const e = await engine();
    const c = await e.call('customers.create', { company: 'Quiet Ltd', country: 'DE', contacts: [{ name: 'Anna', email: 'a@q.example' }] });
    await e.call('customers.update', { id: c.id, version: c.version, patch: { city: 'Berlin' } });
    expect(outbox(e)).toEqual([]);
    expect(sqlite(e).prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name LIKE 'sync_capture_%'`).get()).toEqual({ n: 0 });
    for (const t of ['customers', 'contacts'])
      expect(
        sqlite(e).prepare(`SELECT count(*) AS n FROM ${t} WHERE gid NOT GLOB '????????-????-7???-[89ab]???-????????????'`).get(),
      ).toEqual({ n: 0 });
  });

  it('records create, update, tag and archive through the real services as field ops in their transaction', async () => {
    const e = await engine();
    await enableCapture(handles(e).db, NODE);
    const c = await e.call('customers.create', {
      company: 'Atlas Imports',
      country: 'TR',
      contacts: [{ name: 'Ali', email: 'ali@atlas.example' }],
    });
    const gid = gidOf(e, 'customers', c.id);
    const created = outbox(e);
    expect(new Set(created.map((o) => o.hlc)).size).toBe(1);
    const row = created.find((o) => o.tbl === 'customers' && o.field === '*');
    expect(row).toMatchObject({ gid, baseSeq: 0, value: { company: 'Atlas Imports', country: 'TR', archived_at: null } });
    expect(row?.value).not.toHaveProperty('rfm_segment');
    const contact = created.find((o) => o.tbl === 'contacts');
    expect(contact).toMatchObject({ field: '*', value: { customer_id: gid, name: 'Ali' } });

    await ackOutbox(
      handles(e).db,
      created.map((o) => o.opId),
    );
    const fresh = await e.call('customers.get', { id: c.id });
    await e.call('customers.update', { id: c.id, version: fresh.version, patch: { city: 'Izmir', notes: 'met at fair' } });
    const updates = outbox(e);
    expect(updates.map((o) => [o.tbl, o.field, o.value]).sort()).toEqual([
      ['customers', 'city', 'Izmir'],
      ['customers', 'notes', 'met at fair'],
    ]);
    expect((updates[0]?.hlc ?? '') > (created[0]?.hlc ?? '')).toBe(true);
    await ackOutbox(
      handles(e).db,
      updates.map((o) => o.opId),
    );

    await e.call('customers.archive', { ids: [c.id], archived: true });
    expect(outbox(e).some((o) => o.field === 'archived_at' && typeof o.value === 'string')).toBe(true);
  });

  it('leaves no ops behind when the transaction fails, and none for a row inserted and deleted in one transaction', async () => {
    const e = await engine();
    await enableCapture(handles(e).db, NODE);
    await expect(
      handles(e).db.transaction((tx) => {
        tx.run(
          tx.insertInto('customers').values({
            company: 'Doomed',
            created_at: 'x',
            updated_at: 'x',
            archived_at: null,
            import_batch_id: null,
            lifecycle_override: null,
            priority: null,
          }),
        );
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(outbox(e)).toEqual([]);
    await handles(e).db.transaction((tx) => {
      const { lastInsertRowid } = tx.run(
        tx.insertInto('customers').values({
          company: 'Fleeting',
          created_at: 'x',
          updated_at: 'x',
          archived_at: null,
          import_batch_id: null,
          lifecycle_override: null,
          priority: null,
        }),
      );
      tx.run(tx.insertInto('customer_tags').values({ customer_id: lastInsertRowid, tag: 'vip' }));
      tx.run(tx.updateTable('customers').set({ city: 'Oslo' }).where('id', '=', lastInsertRowid));
      tx.run(tx.deleteFrom('customers').where('id', '=', lastInsertRowid));
    });
    expect(outbox(e)).toEqual([]);
  });

  it('an update of a row inserted in the same transaction patches its row op; tags are fields of the customer; a delete is _deleted', async () => {
    const e = await engine();
    await enableCapture(handles(e).db, NODE);
    const id = await handles(e).db.transaction((tx) => {
      const { lastInsertRowid } = tx.run(
        tx.insertInto('customers').values({
          company: 'Patch Ltd',
          created_at: 'x',
          updated_at: 'x',
          archived_at: null,
          import_batch_id: null,
          lifecycle_override: null,
          priority: null,
        }),
      );
      tx.run(tx.updateTable('customers').set({ city: 'Oslo' }).where('id', '=', lastInsertRowid));
      tx.run(tx.insertInto('customer_tags').values({ customer_id: lastInsertRowid, tag: 'vip' }));
      return lastInsertRowid;
    });
    const ops = outbox(e);
    expect(ops.map((o) => o.field).sort()).toEqual(['*', 'tag:vip']);
    expect(ops.find((o) => o.field === '*')?.value).toMatchObject({ company: 'Patch Ltd', city: 'Oslo' });
    await ackOutbox(
      handles(e).db,
      ops.map((o) => o.opId),
    );
    await handles(e).db.transaction((tx) => tx.run(tx.deleteFrom('customers').where('id', '=', id)));
    expect(outbox(e).map((o) => [o.field, o.value])).toContainEqual(['_deleted', true]);
    await disableCapture(handles(e).db);
    await handles(e).db.transaction((tx) =>
      tx.run(
        tx.insertInto('customers').values({
          company: 'Off Again',
          created_at: 'x',
          updated_at: 'x',
          archived_at: null,
          import_batch_id: null,
          lifecycle_override: null,
          priority: null,
        }),
      ),
    );
    expect(outbox(e).some((o) => (o.value as { company?: string } | null)?.company === 'Off Again')).toBe(false);
  });

  it('an import of a fixture file writes its ops in one transaction with foreign keys as gids', async () => {
    const e = await engine();
    await enableCapture(handles(e).db, NODE);
    const name = 'alibaba-inquiries-en.csv';
    const a = await e.call('import.analyze', { fileName: name, contentBase64: readFileSync(join(FIXTURES, name)).toString('base64') });
    await e.call('import.commit', { fileId: a.fileId, kind: a.kind, mapping: a.mapping, dryRun: false });
    const ops = outbox(e);
    expect(ops.length).toBeGreaterThan(0);
    expect(new Set(ops.map((o) => o.hlc)).size).toBe(1);
    const customers = new Set(ops.filter((o) => o.tbl === 'customers' && o.field === '*').map((o) => o.gid));
    const inquiries = ops.filter((o) => o.tbl === 'inquiries');
    expect(inquiries.length).toBeGreaterThan(0);
    const local = sqlite(e).prepare('SELECT count(*) AS n FROM inquiries').get() as { n: number };
    expect(inquiries).toHaveLength(local.n);
    for (const i of inquiries) expect(customers.has((i.value as { customer_id: string }).customer_id)).toBe(true);
  });
});

describe('applying remote ops', () => {
  const T0 = 1_718_000_000_000;
  const newCustomer = (gid: string, hlc: string, extra: Record<string, unknown> = {}) =>
    remote({
      hlc,
      tbl: 'customers',
      gid,
      field: '*',
      value: { company: 'Remote Co', country: 'FR', created_at: '2024-01-01T00:00:00.000Z', archived_at: null, ...extra },
    });

  it('does not echo into the outbox, is idempotent, and resolves foreign keys in any order', async () => {
    const e = await engine();
    await enableCapture(handles(e).db, NODE);
    syncWallClock.now = () => T0;
    const cust = '01900000-0000-7000-8000-0000000000c1';
    const contact = remote({
      hlc: hlcAt(T0 - 50),
      tbl: 'contacts',
      gid: '01900000-0000-7000-8000-0000000000d1',
      field: '*',
      value: { customer_id: cust, name: 'Zoe', created_at: 'x' },
    });
    const ops = [contact, newCustomer(cust, hlcAt(T0 - 100))];
    const first = await applyRemote(handles(e).db, ops);
    expect(first).toMatchObject({ applied: 2, pending: 0, conflicts: 0 });
    const again = await applyRemote(handles(e).db, ops);
    expect(again.conflicts).toBe(0);
    expect(sqlite(e).prepare('SELECT count(*) AS n FROM customers').get()).toEqual({ n: 1 });
    expect(sqlite(e).prepare('SELECT c.company, k.name FROM contacts k JOIN customers c ON c.id = k.customer_id').get()).toEqual({
      company: 'Remote Co',
      name: 'Zoe',
    });
    expect(outbox(e)).toEqual([]);
    expect((sqlite(e).prepare('SELECT applying, hlc FROM sync_state').get() as { applying: number; hlc: string }).applying).toBe(0);
  });

  it('last writer wins per field by clock both ways, and each overwrite of a local edit is logged once', async () => {
    const e = await engine();
    await enableCapture(handles(e).db, NODE);
    syncWallClock.now = () => T0;
    const gid = '01900000-0000-7000-8000-0000000000c2';
    await applyRemote(handles(e).db, [newCustomer(gid, hlcAt(T0 - 1000))]);
    const id = (sqlite(e).prepare('SELECT id FROM customers WHERE gid = ?').get(gid) as { id: number }).id;
    // A local edit at T0 (unsent).
    await handles(e).db.transaction((tx) => tx.run(tx.updateTable('customers').set({ city: 'Lyon', notes: 'mine' }).where('id', '=', id)));
    const [cityOp] = outbox(e).filter((o) => o.field === 'city');
    // An older remote edit of city loses (logged: remote lost); a newer one of notes wins over the unsent edit (logged: remote won).
    const older = remote({ hlc: hlcAt(T0 - 500), tbl: 'customers', gid, field: 'city', value: 'Paris' });
    const newer = remote({ hlc: hlcAt(T0 + 60_000), tbl: 'customers', gid, field: 'notes', value: 'theirs' });
    const r = await applyRemote(handles(e).db, [older, newer]);
    expect(r.conflicts).toBe(2);
    expect(sqlite(e).prepare('SELECT city, notes FROM customers WHERE id = ?').get(id)).toEqual({ city: 'Lyon', notes: 'theirs' });
    expect(sqlite(e).prepare('SELECT field, local_value, remote_value, winner FROM sync_conflicts ORDER BY field').all()).toEqual([
      { field: 'city', local_value: '"Lyon"', remote_value: '"Paris"', winner: 'local' },
      { field: 'notes', local_value: '"mine"', remote_value: '"theirs"', winner: 'remote' },
    ]);
    // Again: nothing new logged, nothing changed.
    expect((await applyRemote(handles(e).db, [older, newer])).conflicts).toBe(0);
    expect(sqlite(e).prepare('SELECT count(*) AS n FROM sync_conflicts').get()).toEqual({ n: 2 });
    // After the ack the local city keeps its clock: a remote edit between T0-500 and T0 still loses, a later one wins.
    await ackOutbox(handles(e).db, [cityOp?.opId ?? '']);
    await applyRemote(handles(e).db, [remote({ hlc: hlcAt(T0 - 100), tbl: 'customers', gid, field: 'city', value: 'Nice' })]);
    expect(sqlite(e).prepare('SELECT city FROM customers WHERE id = ?').get(id)).toEqual({ city: 'Lyon' });
    await applyRemote(handles(e).db, [remote({ hlc: hlcAt(T0 + 120_000), tbl: 'customers', gid, field: 'city', value: 'Nantes' })]);
    expect(sqlite(e).prepare('SELECT city FROM customers WHERE id = ?').get(id)).toEqual({ city: 'Nantes' });
    // The local clock moved past what it saw: a new local edit is after the remote one.
    await handles(e).db.transaction((tx) => tx.run(tx.updateTable('customers').set({ city: 'Metz' }).where('id', '=', id)));
    expect((outbox(e).find((o) => o.field === 'city')?.hlc ?? '') > hlcAt(T0 + 120_000)).toBe(true);
  });

  it('a remote clock a year ahead is clamped in the local clock, not an error', async () => {
    const e = await engine();
    await enableCapture(handles(e).db, NODE);
    syncWallClock.now = () => T0;
    const r = await applyRemote(handles(e).db, [newCustomer('01900000-0000-7000-8000-0000000000c3', hlcAt(T0 + 365 * 86_400_000))]);
    expect(r).toMatchObject({ clamped: 1, applied: 1 });
    const { hlc } = sqlite(e).prepare('SELECT hlc FROM sync_state').get() as { hlc: string };
    expect(hlc < hlcAt(T0 + 10 * 60_000, NODE)).toBe(true);
  });
});
