import { afterEach, describe, expect, it } from 'vitest';
import { acknowledgeResults } from '../../src/main/sync/acknowledge';
import { enableCapture, readOutbox } from '../../src/main/sync/capture';
import { encodeHlc } from '../../src/shared/sync/hlc';
import type { OpResult, SyncOp } from '../../src/shared/team/sync';
import { openTestEngine, type TestEngine } from '../support/temp-db';

/**
 * A claim the server refuses comes back with the server's owner, which the laptop puts back
 * (src/main/sync/acknowledge.ts). The server's side is fed here as its answer to a push: the same
 * acknowledge the team sync runs, on a real book with capture on.
 */
const opened: TestEngine[] = [];
afterEach(async () => {
  for (const e of opened.splice(0)) await e.close();
});

const SERVER_NODE = '00000000000000bb';
const hlcAt = (wall: number, counter = 0) => encodeHlc({ wall, counter, node: SERVER_NODE });

async function laptop() {
  const e = await openTestEngine();
  opened.push(e);
  const sqlite = e.engine.database.sqlite;
  const write = e.engine.database.write;
  const read = e.engine.database.read;
  await enableCapture(write, '00000000000000aa');
  sqlite
    .prepare(`UPDATE sync_state SET team_device_id = 'd', team_server = 'https://team.example', team_user = ? WHERE id = 1`)
    .run(JSON.stringify({ id: 'u1', name: 'Lily', login: 'lily', role: 'salesperson' }));
  const customer = async (company: string) => {
    const c = await e.call('customers.create', { company });
    return { id: c.id, gid: (sqlite.prepare(`SELECT gid FROM customers WHERE id = ?`).get(c.id) as { gid: string }).gid };
  };
  /** The outbox as the push sends it. */
  const pushed = (): SyncOp[] =>
    readOutbox(read, 1000).map((o) => ({
      opId: o.opId,
      hlc: o.hlc,
      tbl: o.tbl,
      gid: o.gid,
      field: o.field,
      value: (o.value ?? null) as SyncOp['value'],
      baseSeq: o.baseSeq,
    }));
  /** Everything sent so far was applied (the customer is on the server). */
  const allApplied = async () => {
    const ops = pushed();
    await write.transaction((tx) =>
      acknowledgeResults(
        tx,
        ops,
        ops.map((o) => ({ opId: o.opId, status: 'applied' as const, seq: 1, won: true })),
        new Date().toISOString(),
      ),
    );
  };
  const answer = (ops: SyncOp[], results: OpResult[]) =>
    write.transaction((tx) => acknowledgeResults(tx, ops, results, '2026-02-01T00:00:00.000Z'));
  const row = (id: number) =>
    sqlite.prepare(`SELECT owner, version FROM customers WHERE id = ?`).get(id) as { owner: string; version: number };
  const clock = (gid: string, field: string) =>
    (
      sqlite.prepare(`SELECT hlc FROM sync_field_clock WHERE tbl = 'customers' AND gid = ? AND field = ?`).get(gid, field) as
        { hlc: string } | undefined
    )?.hlc;
  return { e, sqlite, customer, pushed, allApplied, answer, row, clock };
}

describe('a change of owner the server refuses', () => {
  it("puts the server's owner back, quietly (nothing sent again), and lists the refusal with who holds the customer", async () => {
    const l = await laptop();
    const c = await l.customer('Contested Ltd');
    await l.allApplied();
    await l.e.call('pool.claim', { customerId: c.id });
    const before = l.row(c.id);
    expect(before.owner).toBe('Lily');
    const ops = l.pushed();
    expect(ops.map((o) => [o.field, o.value])).toEqual([['owner', 'Lily']]);
    // Li Na's claim reached the server first (after the customer was created: a clock after its row's).
    const wonAt = Math.ceil(Date.now() / 1000) * 1000 + 1000;
    const serverHlc = hlcAt(wonAt);
    const out = await l.answer(ops, [
      { opId: ops[0]!.opId, status: 'rejected', code: 'POOL_TAKEN', current: { value: 'Li Na', hlc: serverHlc, by: 'Li Na' } },
    ]);
    expect(out).toEqual({ reverted: ['customers'] });
    expect(l.row(c.id)).toEqual({ owner: 'Li Na', version: before.version + 1 });
    expect(l.pushed()).toEqual([]);
    expect(l.clock(c.gid, 'owner')).toBe(serverHlc);
    expect(await l.e.call('pool.status', { customerId: c.id })).toMatchObject({
      owner: 'Li Na',
      mine: false,
      pending: false,
      refusal: 'POOL_TAKEN',
    });
    const conflicts = await l.e.call('team.conflicts', {});
    expect(conflicts).toEqual([
      expect.objectContaining({
        tbl: 'customers',
        gid: c.gid,
        field: 'owner',
        customerId: c.id,
        company: 'Contested Ltd',
        mine: 'Lily',
        theirs: 'Li Na',
        kept: 'theirs',
        by: 'Li Na',
        code: 'POOL_TAKEN',
        theirsAt: new Date(wonAt).toISOString(),
      }),
    ]);
    // A refusal can only be dismissed.
    expect((await l.e.raw('team.resolveConflict', { id: conflicts[0]!.id, keep: 'mine' })).ok).toBe(false);
    expect((await l.e.call('team.resolveConflict', { id: conflicts[0]!.id, keep: 'theirs' })).resolvedAt).not.toBeNull();
    expect(l.row(c.id).owner).toBe('Li Na');
  });

  it('leaves the field alone when a later edit of it waits to be sent, or the book already holds a newer value', async () => {
    const l = await laptop();
    const c = await l.customer('Busy Ltd');
    await l.allApplied();
    await l.e.call('pool.claim', { customerId: c.id });
    const claim = l.pushed();
    await l.e.call('pool.release', { customerId: c.id });
    // The release waits in the outbox: the claim's refusal does not undo it.
    await l.answer(claim, [
      {
        opId: claim[0]!.opId,
        status: 'rejected',
        code: 'POOL_TAKEN',
        current: { value: 'Li Na', hlc: hlcAt(Date.now() + 1000), by: 'Li Na' },
      },
    ]);
    expect(l.row(c.id).owner).toBe('');
    expect(l.pushed().map((o) => [o.field, o.value])).toEqual([['owner', '']]);
    await l.allApplied();

    // A pull brought a newer owner (clock after the server's answer): it stays.
    await l.e.call('pool.claim', { customerId: c.id }).catch(() => undefined);
    const again = l.pushed();
    l.sqlite
      .prepare(`UPDATE sync_field_clock SET hlc = ? WHERE tbl = 'customers' AND gid = ? AND field = 'owner'`)
      .run(hlcAt(Date.now() + 60_000), c.gid);
    await l.answer(again, [
      {
        opId: again[0]!.opId,
        status: 'rejected',
        code: 'POOL_TAKEN',
        current: { value: 'Li Na', hlc: hlcAt(Date.now() + 1000), by: 'Li Na' },
      },
    ]);
    expect(l.row(c.id).owner).toBe('Lily');
    const logged = l.sqlite.prepare(`SELECT remote_value, by_user, code FROM sync_conflicts ORDER BY id`).all();
    expect(logged).toEqual([
      { remote_value: '"Li Na"', by_user: 'Li Na', code: 'POOL_TAKEN' },
      { remote_value: '"Li Na"', by_user: 'Li Na', code: 'POOL_TAKEN' },
    ]);
  });

  it('keeps the older behaviour without `current`, and never writes back a whole row', async () => {
    const l = await laptop();
    const c = await l.customer('Plain Ltd');
    const created = l.pushed();
    // The new row refused (with a current the server would not send for one): nothing to put back.
    await l.answer(
      created,
      created.map((o) => ({
        opId: o.opId,
        status: 'rejected' as const,
        code: 'FORBIDDEN' as const,
        current: { value: 'x', hlc: null, by: null },
      })),
    );
    await l.e.call('customers.update', {
      id: c.id,
      version: (await l.e.call('customers.get', { id: c.id })).version,
      patch: { city: 'Oslo' },
    });
    const edit = l.pushed();
    await l.answer(edit, [{ opId: edit[0]!.opId, status: 'rejected', code: 'FORBIDDEN' }]);
    expect(l.sqlite.prepare(`SELECT city FROM customers WHERE id = ?`).get(c.id)).toEqual({ city: 'Oslo' });
    expect(l.sqlite.prepare(`SELECT field, remote_value, code FROM sync_conflicts ORDER BY id`).all()).toEqual([
      { field: '*', remote_value: '"x"', code: 'FORBIDDEN' },
      { field: 'city', remote_value: null, code: 'FORBIDDEN' },
    ]);
  });
});
