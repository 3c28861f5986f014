import type { Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerDatabase } from '../../src/server/db/schema';
import type { SyncOp } from '../../src/shared/team/sync';
import { migratedDatabase, startTestPostgres, startTestServer, type TestPostgres, type TestServer } from './helpers';
import { device, hlcAt, member, newGid, op, pullAll, pullPage, push, row, type Device } from './sync-helpers';

let pgServer: TestPostgres;
let db: Kysely<ServerDatabase>;
let url: string;
let api: TestServer;
let alice: Device; // salesperson "Alice Chen"
let alice2: Device; // her second laptop
let bob: Device; // salesperson "Bob Li"
let cara: Device; // salesperson "Cara"
let boss: Device; // manager
let adminToken: string;

beforeAll(async () => {
  pgServer = await startTestPostgres();
  ({ db, url } = await migratedDatabase(pgServer));
  api = await startTestServer(db, undefined, url);
  const a = await member(db, 'Alice Chen');
  const b = await member(db, 'Bob Li');
  const c = await member(db, 'Cara');
  const m = await member(db, 'Mia Boss', 'manager');
  const admin = await member(db, 'Ada Admin', 'admin');
  alice = await device(api, a.login, a.id);
  alice2 = await device(api, a.login, a.id);
  bob = await device(api, b.login, b.id);
  cara = await device(api, c.login, c.id);
  boss = await device(api, m.login, m.id);
  adminToken = (await device(api, admin.login, admin.id)).token;
});

afterAll(async () => {
  await api?.close();
  await db?.destroy();
  await pgServer?.stop();
});

/** A new customer (and optionally a contact) pushed by `d`; returns its gid and the contact's. */
async function customer(d: Device, owner: string, company = 'Acme') {
  const gid = newGid();
  const contact = newGid();
  const r = await push(api, d, [
    ...row(d, 'customers', gid, { company, owner, country: 'DE' }),
    ...row(d, 'contacts', contact, { customer_id: gid, name: 'Hans', email: 'hans@example.com' }),
  ]);
  expect(r.results.map((x) => x.status)).toEqual(Array(6).fill('applied'));
  return { gid, contact };
}

describe('push and pull', () => {
  it('round-trips between two users’ devices: a public customer and its contact, then an edit back', async () => {
    const { gid, contact } = await customer(alice, '');
    const got = await pullAll(api, bob);
    const c = got.rows.find((r) => r.gid === gid)!;
    expect(c).toMatchObject({ tbl: 'customers', customerGid: gid, fields: { company: 'Acme', owner: '', country: 'DE' } });
    expect(got.rows.find((r) => r.gid === contact)).toMatchObject({ tbl: 'contacts', customerGid: gid, fields: { customer_id: gid } });
    expect(Object.keys(c.clocks).sort()).toEqual(['company', 'country', 'owner']);

    const edit = await push(api, bob, [op(bob, 'customers', gid, 'company', 'Acme GmbH')]);
    expect(edit.results[0]).toMatchObject({ status: 'applied', won: true });
    const back = await pullAll(api, alice);
    expect(back.rows.find((r) => r.gid === gid)?.fields).toMatchObject({ company: 'Acme GmbH', country: 'DE' });
    expect(back.conflicts).toEqual([]);
  });

  it('a re-sent batch is answered as before and applied once', async () => {
    const gid = newGid();
    const ops = row(alice, 'customers', gid, { company: 'Once Ltd', owner: '' });
    const bad = op(alice, 'no_such_table', newGid(), 'x', 1);
    const first = await push(api, alice, [...ops, bad]);
    expect(first.results.map((r) => r.status)).toEqual(['applied', 'applied', 'rejected']);
    const before = await db.selectFrom('sync_rows').select(['seq', 'fields']).where('gid', '=', gid).executeTakeFirstOrThrow();
    const opsBefore = await db
      .selectFrom('sync_ops')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    // The same batch again (a lost answer), twice over in one request.
    const again = await push(api, alice, [...ops, bad, ...ops]);
    expect(again.results.map((r) => r.status)).toEqual(Array(5).fill('duplicate'));
    expect(again.results[0]).toMatchObject({ first: 'applied' });
    expect(again.results[2]).toMatchObject({ first: 'rejected', code: 'UNKNOWN_TABLE' });
    expect(again.seq).toBe(first.seq);
    const after = await db.selectFrom('sync_rows').select(['seq', 'fields']).where('gid', '=', gid).executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    const opsAfter = await db
      .selectFrom('sync_ops')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(opsAfter.n).toBe(opsBefore.n);
  });

  it('rejects what does not sync or cannot be kept, op by op, and applies the rest', async () => {
    const gid = newGid();
    const r = await push(api, alice, [
      op(alice, 'customers', gid, 'company', 'Mixed'),
      op(alice, 'search_docs', newGid(), 'text', 'x'),
      op(alice, 'customers', gid, 'Bad-Name', 1),
      op(alice, 'customers', gid, 'note', 'nul \u0000 here'),
      op(alice, 'contacts', newGid(), 'customer_id', 'not-a-gid'),
      op(alice, 'contacts', newGid(), 'name', 'orphan'),
    ]);
    expect(r.results.map((x) => (x.status === 'rejected' ? x.code : x.status))).toEqual([
      'applied',
      'UNKNOWN_TABLE',
      'INVALID_FIELD',
      'INVALID_VALUE',
      'INVALID_FIELD',
      'NO_PARENT',
    ]);
  });
});

describe('last writer wins, by the clock of the edit', () => {
  async function collide(order: 'newer first' | 'older first') {
    const { gid } = await customer(alice, '');
    await pullAll(api, alice);
    await pullAll(api, bob);
    const now = Date.now();
    const newer = op(alice, 'customers', gid, 'company', `Alice's name (${order})`, { hlc: hlcAt(now + 1000, alice.node) });
    const older = op(bob, 'customers', gid, 'company', `Bob's name (${order})`, { hlc: hlcAt(now, bob.node) });
    const pushes =
      order === 'newer first'
        ? [() => push(api, alice, [newer]), () => push(api, bob, [older])]
        : [() => push(api, bob, [older]), () => push(api, alice, [newer])];
    const [r1, r2] = [await pushes[0]!(), await pushes[1]!()];
    // Re-sent, they change nothing and log nothing more.
    await push(api, alice, [newer]);
    await push(api, bob, [older]);
    return { gid, newer, older, r1, r2 };
  }

  it.each(['newer first', 'older first'] as const)(
    'the later edit is kept whichever arrives first (%s), the overwrite logged once',
    async (order) => {
      const { gid, newer, older, r1, r2 } = await collide(order);
      const kept = await db.selectFrom('sync_rows').select('fields').where('gid', '=', gid).executeTakeFirstOrThrow();
      expect((kept.fields as { company: string }).company).toBe(newer.value);
      if (order === 'newer first') {
        expect(r2.results[0]).toMatchObject({ status: 'applied', won: false });
      } else {
        expect(r1.results[0]).toMatchObject({ status: 'applied', won: true });
        expect(r2.results[0]).toMatchObject({ status: 'applied', won: true });
      }
      const conflicts = await db.selectFrom('sync_conflicts').selectAll().where('gid', '=', gid).execute();
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]).toMatchObject({
        field: 'company',
        kept_value: newer.value,
        kept_hlc: newer.hlc,
        kept_user_id: alice.userId,
        kept_device_id: alice.deviceId,
        lost_value: older.value,
        lost_hlc: older.hlc,
        lost_user_id: bob.userId,
      });
      // Both see it in their pull; Cara, not involved, does not.
      for (const d of [alice, bob]) expect((await pullAll(api, d)).conflicts.map((c) => c.gid)).toContain(gid);
      expect((await pullAll(api, cara)).conflicts.map((c) => c.gid)).not.toContain(gid);
    },
  );

  it('an edit made after pulling the other’s is no conflict; one device’s own edits never conflict', async () => {
    const { gid } = await customer(alice, '');
    await pullAll(api, bob);
    await push(api, bob, [op(bob, 'customers', gid, 'company', 'seen and changed')]);
    await push(api, bob, [op(bob, 'customers', gid, 'company', 'and again')]);
    expect(await db.selectFrom('sync_conflicts').select('id').where('gid', '=', gid).execute()).toEqual([]);
    // Alice's second laptop had not pulled Bob's edit: a real conflict.
    await push(api, alice2, [op(alice2, 'customers', gid, 'company', 'blind edit')]);
    expect(await db.selectFrom('sync_conflicts').select('id').where('gid', '=', gid).execute()).toHaveLength(1);
  });

  it('a clock far in the future is clamped to the server’s now, not fatal, and does not block later edits', async () => {
    const { gid } = await customer(alice, '');
    const future = op(alice, 'customers', gid, 'company', 'from the future', { hlc: hlcAt(Date.now() + 86_400_000, alice.node) });
    const before = Date.now();
    const r = await push(api, alice, [future]);
    const result = r.results[0]!;
    expect(result).toMatchObject({ status: 'applied', won: true, clampedHlc: expect.any(String) });
    const clampedWall = Number((result as { clampedHlc: string }).clampedHlc.slice(0, 13));
    expect(clampedWall).toBeGreaterThanOrEqual(before - 5);
    expect(clampedWall).toBeLessThanOrEqual(Date.now() + 5);
    await pullAll(api, bob);
    await new Promise((done) => setTimeout(done, 5));
    expect((await push(api, bob, [op(bob, 'customers', gid, 'company', 'now')])).results[0]).toMatchObject({ won: true });
    const stored = await db.selectFrom('sync_ops').select(['hlc', 'clamped']).where('op_id', '=', future.opId).executeTakeFirstOrThrow();
    expect(stored).toEqual({ hlc: (result as { clampedHlc: string }).clampedHlc, clamped: true });
  });
});

describe('visibility', () => {
  /** Alice's private customer with a contact, an order and its line. */
  async function privateCustomer(owner = 'alice chen') {
    const { gid, contact } = await customer(alice, owner, 'Private Co');
    const order = newGid();
    const line = newGid();
    const r = await push(api, alice, [
      ...row(alice, 'orders', order, { customer_id: gid, amount_minor: 100_00, currency: 'EUR' }),
      ...row(alice, 'order_lines', line, { order_id: order, sku: 'X-1', qty: 2 }),
    ]);
    expect(r.results.every((x) => x.status === 'applied')).toBe(true);
    return { gid, all: [gid, contact, order, line] };
  }

  it('a salesperson gets public customers and their own, never another’s private one or its children; a manager gets all', async () => {
    const mine = await privateCustomer();
    const pub = await customer(cara, '  ');
    const bobs = await pullAll(api, bob);
    for (const g of mine.all) expect(bobs.gids).not.toContain(g);
    expect(bobs.gids).toContain(pub.gid);
    expect(bobs.gids).toContain(pub.contact);
    const alices = await pullAll(api, alice2);
    for (const g of mine.all) expect(alices.gids).toContain(g);
    const managers = await pullAll(api, boss);
    for (const g of [...mine.all, pub.gid]) expect(managers.gids).toContain(g);
    // The owner's name maps to the user case-insensitively; the registry has it.
    const reg = await db.selectFrom('sync_customers').selectAll().where('gid', '=', mine.gid).executeTakeFirstOrThrow();
    expect(reg.owner_user_id).toBe(alice.userId);
    const rows = await db.selectFrom('sync_rows').select(['owner_user_id', 'customer_gid']).where('customer_gid', '=', mine.gid).execute();
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.owner_user_id === alice.userId)).toBe(true);
  });

  it('sharing brings a customer to a user (read-only refuses their edits); unsharing removes it from their next pull', async () => {
    const mine = await privateCustomer();
    await pullAll(api, bob);
    const salesShare = await api.call('POST', `/v1/customers/${mine.gid}/shares`, {
      token: cara.token,
      body: { userId: bob.userId, canWrite: false },
    });
    expect(salesShare.status).toBe(403);
    const shared = await api.call('POST', `/v1/customers/${mine.gid}/shares`, {
      token: boss.token,
      body: { userId: bob.userId, canWrite: false },
    });
    expect(shared.status, JSON.stringify(shared.body)).toBe(200);
    const got = await pullAll(api, bob);
    for (const g of mine.all) expect(got.gids).toContain(g);
    const edit = await push(api, bob, [op(bob, 'customers', mine.gid, 'company', 'mine now')]);
    expect(edit.results[0]).toMatchObject({ status: 'rejected', code: 'FORBIDDEN' });
    await api.call('POST', `/v1/customers/${mine.gid}/shares`, { token: adminToken, body: { userId: bob.userId, canWrite: true } });
    expect((await push(api, bob, [op(bob, 'customers', mine.gid, 'company', 'shared edit')])).results[0]).toMatchObject({
      status: 'applied',
    });
    const list = await api.call('GET', `/v1/customers/${mine.gid}/shares`, { token: boss.token });
    expect(list.body.value).toEqual({ shares: [{ customerGid: mine.gid, userId: bob.userId, canWrite: true }] });

    const unshared = await api.call('DELETE', `/v1/customers/${mine.gid}/shares/${bob.userId}`, { token: boss.token });
    expect(unshared.body.value).toEqual({ removed: true });
    const after = await pullAll(api, bob);
    expect(after.removed).toEqual([mine.gid]);
    expect(after.rows.filter((r) => mine.all.includes(r.gid))).toEqual([]);
    expect((await push(api, bob, [op(bob, 'customers', mine.gid, 'company', 'too late')])).results[0]).toMatchObject({ code: 'FORBIDDEN' });
    // From an older cursor too, never their rows.
    const fromZero = await pullPage(api, bob, { since: 0, limit: 5000 });
    expect(fromZero.rows.filter((r) => mine.all.includes(r.gid))).toEqual([]);
  });

  it('reassigning moves a customer with its children to the new owner and removes it from the old one', async () => {
    const mine = await privateCustomer();
    await pullAll(api, alice);
    await pullAll(api, bob);
    await push(api, alice, [op(alice, 'customers', mine.gid, 'owner', 'Bob Li')]);
    const bobs = await pullAll(api, bob);
    for (const g of mine.all) expect(bobs.gids).toContain(g);
    expect(bobs.rows.find((r) => r.gid === mine.gid)?.fields.owner).toBe('Bob Li');
    const alices = await pullAll(api, alice);
    expect(alices.removed).toContain(mine.gid);
    // A customer she cannot see is unknown to her.
    expect((await push(api, alice, [op(alice, 'contacts', newGid(), 'customer_id', mine.gid)])).results[0]).toMatchObject({
      code: 'NO_PARENT',
    });
    // A public customer made private leaves every other salesperson’s laptop.
    const pub = await customer(cara, '');
    await pullAll(api, alice);
    await pullAll(api, bob);
    await push(api, cara, [op(cara, 'customers', pub.gid, 'owner', 'Cara')]);
    expect((await pullAll(api, alice)).removed).toContain(pub.gid);
    expect((await pullAll(api, bob)).removed).toContain(pub.gid);
    expect((await pullAll(api, boss)).removed).toEqual([]);
    // A salesperson may hand a new customer straight to a colleague.
    const handed = newGid();
    await push(api, alice, row(alice, 'customers', handed, { company: 'For Bob', owner: 'BOB LI' }));
    expect((await pullAll(api, bob)).gids).toContain(handed);
    expect((await pullAll(api, alice)).gids).not.toContain(handed);
  });

  it('a pull carries the fields written after its cursor; a row new in sight (shared, reassigned, moved to a customer in sight) comes whole', async () => {
    const fieldsOf = (rows: { gid: string; fields: object; clocks: object }[], gid: string) => {
      const r = rows.find((x) => x.gid === gid);
      return r && { fields: Object.keys(r.fields).sort(), clocks: Object.keys(r.clocks).sort() };
    };
    // An edit of one field: that field and its clock, not the whole row; from the start, the whole row.
    const pub = await customer(alice, '', 'Field Co');
    await pullAll(api, bob);
    await push(api, alice, [op(alice, 'customers', pub.gid, 'company', 'Field Co Ltd')]);
    const edited = await pullAll(api, bob);
    expect(fieldsOf(edited.rows, pub.gid)).toEqual({ fields: ['company'], clocks: ['company'] });
    expect(edited.rows.find((r) => r.gid === pub.gid)?.fields).toEqual({ company: 'Field Co Ltd' });
    expect(fieldsOf(edited.rows, pub.contact)).toBeUndefined();
    const whole = await pullPage(api, bob, { since: 0, limit: 5000 });
    expect(fieldsOf(whole.rows, pub.gid)).toEqual({ fields: ['company', 'country', 'owner'], clocks: ['company', 'country', 'owner'] });

    // A download of several pages reads rows by their latest seq: a row written before the first
    // page's end and again after it is not in that page; a later page brings it whole (fields after
    // the base, where the last complete pull ended), not only what was written after its own cursor.
    const before = bob.cursor;
    const early = await customer(alice, '', 'Early Co');
    await customer(alice, '', 'Filler Co');
    await push(api, alice, [op(alice, 'customers', early.gid, 'company', 'Early Co Ltd')]);
    const firstPage = await pullPage(api, bob, { since: before, base: before, limit: 2 });
    expect(firstPage.more).toBe(true);
    expect(firstPage.rows.map((r) => r.gid)).not.toContain(early.gid);
    const rest = await pullPage(api, bob, { since: firstPage.seq, base: before, limit: 5000 });
    expect(rest.rows.find((r) => r.gid === early.gid)?.fields).toEqual({ company: 'Early Co Ltd', owner: '', country: 'DE' });
    // (From its own cursor alone, the early fields would be missing: the reason for the base.)
    const naive = await pullPage(api, bob, { since: firstPage.seq, base: firstPage.seq, limit: 5000 });
    expect(naive.rows.find((r) => r.gid === early.gid)?.fields).toEqual({ company: 'Early Co Ltd' });
    await pullAll(api, bob);

    // Shared with Bob after he pulled past every write of it: whole, children too.
    const shared = await privateCustomer();
    await push(api, alice, [op(alice, 'customers', shared.gid, 'country', 'FR')]);
    await pullAll(api, bob);
    await api.call('POST', `/v1/customers/${shared.gid}/shares`, { token: boss.token, body: { userId: bob.userId, canWrite: false } });
    const sharedRows = (await pullAll(api, bob)).rows;
    expect(fieldsOf(sharedRows, shared.gid)?.fields).toEqual(['company', 'country', 'owner']);
    expect(sharedRows.find((r) => r.gid === shared.gid)?.fields).toMatchObject({ company: 'Private Co', country: 'FR' });
    for (const g of shared.all) expect(Object.keys(sharedRows.find((r) => r.gid === g)?.fields ?? {}).length).toBeGreaterThan(0);
    // Reassigned to Cara: whole to her (and to everyone who pulls it then: a rare event, not worth
    // knowing who saw it before).
    await pullAll(api, cara);
    await push(api, alice, [op(alice, 'customers', shared.gid, 'owner', 'Cara')]);
    const caras = (await pullAll(api, cara)).rows;
    expect(fieldsOf(caras, shared.gid)?.fields).toEqual(['company', 'country', 'owner']);
    expect(caras.find((r) => r.gid === shared.gid)?.fields).toMatchObject({ country: 'FR', owner: 'Cara' });
    // An edit after that: the changed field only again.
    await pullAll(api, boss);
    await push(api, cara, [op(cara, 'customers', shared.gid, 'country', 'BE')]);
    expect(fieldsOf((await pullAll(api, boss)).rows, shared.gid)).toEqual({ fields: ['country'], clocks: ['country'] });

    // A contact of Alice's private customer moved to a public one: Bob, who never saw it, gets it whole.
    const other = await privateCustomer();
    await pullAll(api, bob);
    await push(api, alice, [op(alice, 'contacts', other.all[1]!, 'customer_id', pub.gid)]);
    const moved = (await pullAll(api, bob)).rows.find((r) => r.gid === other.all[1]);
    expect(moved?.fields).toMatchObject({ customer_id: pub.gid, name: 'Hans', email: 'hans@example.com' });
  });

  it('forged requests with a valid token of another salesperson are refused and see nothing', async () => {
    const mine = await privateCustomer();
    const before = await db
      .selectFrom('sync_rows')
      .select(['gid', 'fields', 'seq'])
      .where('customer_gid', '=', mine.gid)
      .orderBy('gid')
      .execute();
    const forged: SyncOp[] = [
      op(bob, 'customers', mine.gid, 'company', 'hijacked'),
      op(bob, 'customers', mine.gid, 'owner', 'Bob Li'),
      op(bob, 'contacts', newGid(), 'customer_id', mine.gid),
      op(bob, 'contacts', mine.all[1]!, 'email', 'evil@example.com'),
      op(bob, 'order_lines', newGid(), 'order_id', mine.all[2]!),
      op(bob, 'customers', newGid(), 'company', 'decoy'),
    ];
    // A "new" row whose gid is Alice's contact, under Bob's own new customer: the gid is taken.
    const decoy = forged[5]!.gid;
    forged.push(op(bob, 'contacts', mine.all[1]!, 'customer_id', decoy));
    const r = await push(api, bob, forged);
    // Taking another's customer by its owner field is a claim someone beat (#20): POOL_TAKEN, nothing else told.
    expect(r.results.map((x) => (x.status === 'rejected' ? x.code : x.status))).toEqual([
      'FORBIDDEN',
      'POOL_TAKEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'NO_PARENT',
      'applied',
      'FORBIDDEN',
    ]);
    const after = await db
      .selectFrom('sync_rows')
      .select(['gid', 'fields', 'seq'])
      .where('customer_gid', '=', mine.gid)
      .orderBy('gid')
      .execute();
    expect(after).toEqual(before);
    const page = await pullPage(api, bob, { since: 0, limit: 5000 });
    expect(page.rows.filter((x) => mine.all.includes(x.gid) || x.customerGid === mine.gid)).toEqual([]);
  });

  it('PostgreSQL itself refuses: as the app role with another user set, the rows are not there and cannot be written', async () => {
    const mine = await privateCustomer();
    const client = new pg.Client(url);
    await client.connect();
    const as = async (userId: string, role: string, query: string, params: unknown[] = []) => {
      await client.query('begin');
      try {
        await client.query(
          `select set_config('role', 'exportdesk_app', true), set_config('exportdesk.user_id', $1, true), set_config('exportdesk.role', $2, true)`,
          [userId, role],
        );
        return await client.query(query, params);
      } finally {
        await client.query('rollback');
      }
    };
    try {
      const count = `select count(*)::int as n from sync_rows where customer_gid = $1`;
      expect((await as(bob.userId, 'salesperson', count, [mine.gid])).rows[0].n).toBe(0);
      expect((await as(alice.userId, 'salesperson', count, [mine.gid])).rows[0].n).toBe(4);
      expect((await as(boss.userId, 'manager', count, [mine.gid])).rows[0].n).toBe(4);
      expect(
        (await as(bob.userId, 'salesperson', `select count(*)::int as n from sync_customers where gid = $1`, [mine.gid])).rows[0].n,
      ).toBe(0);
      const update = await as(bob.userId, 'salesperson', `update sync_rows set fields = '{}' where customer_gid = $1`, [mine.gid]);
      expect(update.rowCount).toBe(0);
      for (const owner of [alice.userId, null]) {
        await expect(
          as(
            bob.userId,
            'salesperson',
            `insert into sync_rows (tbl, gid, customer_gid, owner_user_id, team, fields, clocks, writers, seq)
             values ('contacts', $1, $2, $3, false, '{}', '{}', '{}', 999999999)`,
            [newGid(), mine.gid, owner],
          ),
        ).rejects.toThrow(/row-level security/);
      }
      await expect(
        as(bob.userId, 'salesperson', `update sync_customers set owner_user_id = $1 where gid = $2`, [bob.userId, mine.gid]),
      ).resolves.toMatchObject({
        rowCount: 0,
      });
      await expect(as(bob.userId, 'salesperson', `delete from sync_rows`)).rejects.toThrow(/permission denied/);
      // Nothing set (a forgotten set_config): nothing at all.
      expect((await as('', '', `select count(*)::int as n from sync_rows`)).rows[0].n).toBe(0);
      expect((await as('', '', `select count(*)::int as n from sync_customers`)).rows[0].n).toBe(0);
      // The app role owns nothing, cannot bypass RLS, and every table's RLS is forced.
      const role = await client.query(`select rolbypassrls, rolsuper, rolcanlogin from pg_roles where rolname = 'exportdesk_app'`);
      expect(role.rows).toEqual([{ rolbypassrls: false, rolsuper: false, rolcanlogin: false }]);
      const owned = await client.query(
        `select count(*)::int as n from pg_class c join pg_roles r on r.oid = c.relowner where r.rolname = 'exportdesk_app'`,
      );
      expect(owned.rows[0].n).toBe(0);
      const tables = await client.query(
        `select relname, relrowsecurity, relforcerowsecurity from pg_class where relname in
         ('sync_rows', 'sync_customers', 'customer_shares', 'sync_ops', 'sync_conflicts', 'sync_access_log') order by relname`,
      );
      expect(tables.rows).toHaveLength(6);
      expect(
        tables.rows.every((t: { relrowsecurity: boolean; relforcerowsecurity: boolean }) => t.relrowsecurity && t.relforcerowsecurity),
      ).toBe(true);
    } finally {
      await client.end();
    }
  });

  it('team-wide tables (survey templates): read by all, written by managers only', async () => {
    const key = newGid();
    const bySales = await push(api, bob, [op(bob, 'survey_templates', key, 'name_en', 'NPS after delivery')]);
    expect(bySales.results[0]).toMatchObject({ status: 'rejected', code: 'FORBIDDEN' });
    const byManager = await push(api, boss, [op(boss, 'survey_templates', key, 'name_en', 'NPS (team)')]);
    expect(byManager.results[0]).toMatchObject({ status: 'applied' });
    const got = await pullAll(api, cara);
    expect(got.rows.find((r) => r.gid === key)).toMatchObject({
      tbl: 'survey_templates',
      customerGid: null,
      fields: { name_en: 'NPS (team)' },
    });
    expect((await push(api, bob, [op(bob, 'survey_templates', key, 'name_en', 'mine')])).results[0]).toMatchObject({ code: 'FORBIDDEN' });
    // What stays on each laptop does not sync.
    expect((await push(api, boss, [op(boss, 'settings', newGid(), 'value', '{}')])).results[0]).toMatchObject({ code: 'UNKNOWN_TABLE' });
  });
});

describe('a new row as one op (field *) and tags as fields, as the laptop sends them', () => {
  it('expands * into its fields at the op’s clock, one result per op; the owner and parent come from the object', async () => {
    const gid = newGid();
    const contact = newGid();
    const order = newGid();
    const line = newGid();
    const ops = [
      op(alice, 'customers', gid, '*', { company: 'Star GmbH', owner: 'Alice Chen', country: 'DE', notes: null }),
      op(alice, 'contacts', contact, '*', { customer_id: gid, name: 'Uta', email: 'uta@star.example' }),
      op(alice, 'orders', order, '*', { customer_id: gid, amount_minor: 5000, currency: 'EUR' }),
      op(alice, 'order_lines', line, '*', { order_id: order, product: 'Widget', quantity: 3 }),
    ];
    // Children before their parents in the batch: the server inserts parents first.
    const r = await push(api, alice, [...ops].reverse());
    expect(r.results.map((x) => x.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
    expect(r.results.map((x) => x.opId)).toEqual([...ops].reverse().map((o) => o.opId));
    const stored = await db.selectFrom('sync_rows').selectAll().where('gid', '=', gid).executeTakeFirstOrThrow();
    expect(stored.fields).toEqual({ company: 'Star GmbH', owner: 'Alice Chen', country: 'DE', notes: null });
    expect(stored.clocks).toEqual({ company: ops[0]!.hlc, owner: ops[0]!.hlc, country: ops[0]!.hlc, notes: ops[0]!.hlc });
    expect(stored.owner_user_id).toBe(alice.userId);
    const lineRow = await db.selectFrom('sync_rows').selectAll().where('gid', '=', line).executeTakeFirstOrThrow();
    expect(lineRow).toMatchObject({ customer_gid: gid, owner_user_id: alice.userId });
    // Private to Alice: Bob never gets it; her other laptop gets every row.
    const bobs = await pullAll(api, bob);
    for (const g of [gid, contact, order, line]) expect(bobs.gids).not.toContain(g);
    const hers = await pullAll(api, alice2);
    for (const g of [gid, contact, order, line]) expect(hers.gids).toContain(g);
    // Re-sent: duplicates, applied once; one sync_ops record per op.
    const again = await push(api, alice, ops);
    expect(again.results.map((x) => x.status)).toEqual(Array(4).fill('duplicate'));
    const recorded = await db.selectFrom('sync_ops').select('op_id').where('gid', 'in', [gid, contact, order, line]).execute();
    expect(recorded).toHaveLength(4);
  });

  it('a * op meets field-level last writer wins: a newer field edit survives an older row op, an older field loses to it', async () => {
    const gid = newGid();
    const now = Date.now();
    const newerEdit = op(alice, 'customers', gid, 'company', 'renamed later', { hlc: hlcAt(now + 2000, alice.node) });
    const rowOp = op(bob, 'customers', gid, '*', { company: 'Original', city: 'Ulm', owner: '' }, { hlc: hlcAt(now + 1000, bob.node) });
    const olderEdit = op(cara, 'customers', gid, 'city', 'older city', { hlc: hlcAt(now, cara.node) });
    expect((await push(api, alice, [newerEdit])).results[0]).toMatchObject({ status: 'applied', won: true });
    const r = await push(api, bob, [rowOp]);
    // Partly kept: city is its, company stays the newer edit's.
    expect(r.results[0]).toMatchObject({ status: 'applied', won: false });
    expect((await push(api, cara, [olderEdit])).results[0]).toMatchObject({ status: 'applied', won: false });
    const stored = await db.selectFrom('sync_rows').select(['fields', 'clocks']).where('gid', '=', gid).executeTakeFirstOrThrow();
    expect(stored.fields).toEqual({ company: 'renamed later', city: 'Ulm', owner: '' });
    expect(stored.clocks).toMatchObject({ company: newerEdit.hlc, city: rowOp.hlc });
  });

  it('tags are boolean fields of a customer: two devices’ tags both kept, removal is false; malformed ones rejected', async () => {
    const { gid } = await customer(alice, '');
    await pullAll(api, bob);
    await push(api, alice, [op(alice, 'customers', gid, 'tag:VIP', true), op(alice, 'customers', gid, 'tag:展会 2025', true)]);
    await push(api, bob, [op(bob, 'customers', gid, 'tag:hot lead', true), op(bob, 'customers', gid, 'tag:VIP', false)]);
    const got = (await pullAll(api, cara)).rows.find((r) => r.gid === gid)!;
    expect(got.fields).toMatchObject({ 'tag:VIP': false, 'tag:展会 2025': true, 'tag:hot lead': true });
    const bad = await push(api, alice, [
      op(alice, 'contacts', newGid(), 'tag:VIP', true),
      op(alice, 'customers', gid, 'tag:VIP', 'yes'),
      op(alice, 'customers', gid, 'tag:', true),
      op(alice, 'customers', gid, '*', 'not an object'),
      op(alice, 'customers', gid, '*', { 'Bad Name': 1 }),
      op(alice, 'contacts', newGid(), '*', { customer_id: 'not-a-gid', name: 'x' }),
      op(alice, 'contacts', newGid(), '*', { name: 'no parent' }),
    ]);
    expect(bad.results.map((x) => (x.status === 'rejected' ? x.code : x.status))).toEqual([
      'INVALID_FIELD',
      'INVALID_VALUE',
      'INVALID_FIELD',
      'INVALID_VALUE',
      'INVALID_FIELD',
      'INVALID_FIELD',
      'NO_PARENT',
    ]);
  });
});

describe('long-poll', () => {
  it('answers promptly when another device pushes something this user may see, and waits out the rest', async () => {
    await pullAll(api, bob);
    const started = Date.now();
    const waiting = pullPage(api, bob, { wait: 20 });
    await new Promise((done) => setTimeout(done, 300));
    // A private customer of Alice's does not wake Bob's pull with anything…
    await customer(alice, 'Alice Chen', 'not for Bob');
    await new Promise((done) => setTimeout(done, 200));
    const pushedAt = Date.now();
    const { gid } = await customer(alice2, '', 'for everyone');
    const page = await waiting;
    const answeredIn = Date.now() - pushedAt;
    expect(page.rows.map((r) => r.gid)).toContain(gid);
    expect(page.rows.every((r) => r.fields.company !== 'not for Bob')).toBe(true);
    expect(answeredIn).toBeLessThan(2000);
    console.log(`[sync] long-poll answered ${answeredIn} ms after the push (waited ${Date.now() - started} ms in all)`);
    bob.cursor = page.seq;
    const t0 = Date.now();
    const empty = await pullPage(api, bob, { wait: 1 });
    expect(empty.rows).toEqual([]);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
  });
});
