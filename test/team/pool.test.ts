import type { Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ServerDatabase } from '../../src/server/db/schema';
import { migratedDatabase, startTestPostgres, startTestServer, type TestPostgres, type TestServer } from '../server/helpers';
import { closeLaptops, laptop, member, PASSWORD, type Laptop } from './helpers';

/**
 * The public pool between laptops and the team server (#20): claims made offline on two laptops
 * meet at the server, which keeps the first; the other laptop gets the refusal with who holds the
 * customer, its own edit undone and the customer gone from its book; the winner's timeline says
 * it was claimed. The server's return rule (at its injected clock) puts an idle customer back in
 * the pool, and the laptop shows it there with the rule on its timeline.
 */
const DAY = 86_400_000;
let pgServer: TestPostgres;
let db: Kysely<ServerDatabase>;
let api: TestServer;
let clock = Date.now();

beforeAll(async () => {
  pgServer = await startTestPostgres();
  let url: string;
  ({ db, url } = await migratedDatabase(pgServer));
  api = await startTestServer(db, undefined, url, () => clock);
});

afterEach(async () => {
  await closeLaptops();
  clock = Date.now();
});

afterAll(async () => {
  await api?.close();
  await db?.destroy();
  await pgServer?.stop();
});

const creds = (login: string) => ({ server: api.url, login, password: PASSWORD, fingerprint: api.fingerprint, deviceName: 'laptop' });

async function joined(name: string, login: string): Promise<Laptop> {
  const l = await laptop(name, { background: false });
  await l.call('team.join', creds(login));
  return l;
}

const idOf = (l: Laptop, company: string) =>
  (l.sqlite().prepare('SELECT id FROM customers WHERE company = ?').get(company) as { id: number } | undefined)?.id;

describe('the pool across laptops', () => {
  it('two salespeople claim one pool customer offline: the first to sync keeps it, the other is told who holds it and loses the copy', async () => {
    const alice = await member(db, 'Alice Pool');
    const bob = await member(db, 'Bob Pool');
    const boss = await member(db, 'Mia Pool', 'manager');
    const m = await joined('m', boss.login);
    await m.call('customers.create', { company: 'Harbor Lights LLC', country: 'AE', owner: '' });
    await m.call('team.sync', {});
    const a = await joined('a', alice.login);
    const b = await joined('b', bob.login);
    const aId = idOf(a, 'Harbor Lights LLC')!;
    const bId = idOf(b, 'Harbor Lights LLC')!;
    expect(await a.call('pool.status', { customerId: aId })).toMatchObject({ inPool: true, canClaim: true, me: 'Alice Pool' });

    // Both claim while neither has synced: each laptop shows it as theirs, waiting for the server.
    expect(await a.call('pool.claim', { customerId: aId })).toMatchObject({ mine: true, pending: true });
    expect(await b.call('pool.claim', { customerId: bId })).toMatchObject({ mine: true, pending: true });

    await a.call('team.sync', {});
    expect(await a.call('pool.status', { customerId: aId })).toMatchObject({ mine: true, pending: false, owner: 'Alice Pool' });
    await b.call('team.sync', {});

    // Bob: refused, with who holds it; the customer left his book (it is Alice's now).
    const refused = (await b.call('team.conflicts', {})).filter((c) => c.code === 'POOL_TAKEN');
    expect(refused).toHaveLength(1);
    expect(JSON.stringify(refused[0])).toContain('Alice Pool');
    expect(idOf(b, 'Harbor Lights LLC')).toBeUndefined();
    // The list still names the customer Bob did not get (logged with the conflict), and who holds it.
    expect(refused[0]).toMatchObject({ customerId: null, company: 'Harbor Lights LLC', by: 'Alice Pool' });

    // Alice's timeline: claimed from the pool, as the server wrote it.
    const timeline = await a.call('timeline.list', { customerId: aId, kinds: [], limit: 50 });
    expect(timeline.find((e) => e.subtype === 'owner_claim')).toMatchObject({ kind: 'activity', summary: ' → Alice Pool' });

    // The manager's laptop sees Alice as the owner.
    await m.call('team.sync', {});
    expect((m.sqlite().prepare('SELECT owner FROM customers WHERE company = ?').get('Harbor Lights LLC') as { owner: string }).owner).toBe(
      'Alice Pool',
    );
  });

  it('a manager hands 200 customers of a leaving salesperson to a colleague with their open follow-ups, and undoes it; the laptops follow', async () => {
    const alice = await member(db, 'Alice Leaves');
    const bob = await member(db, 'Bob Takes');
    const boss = await member(db, 'Mia Hands', 'manager');
    const a = await joined('a', alice.login);
    const due = new Date(Date.now() + DAY).toISOString();
    for (let i = 0; i < 200; i++) {
      const c = await a.call('customers.create', { company: `Handed ${i}`, country: 'DE', owner: 'Alice Leaves' });
      if (i < 50) await a.call('followups.create', { customerId: c.id, type: 'call', dueAt: due, note: 'call', owner: 'Alice Leaves' });
    }
    await a.call('team.sync', {});
    const m = await joined('m', boss.login);
    const b = await joined('b', bob.login);
    expect(await b.fails('pool.handOver', { from: 'Alice Leaves', to: 'Bob Takes' })).toBe('MANAGER_REQUIRED');
    // The manager's laptop knows the team's members (Bob holds nothing yet, and is offered all the same).
    await m.call('team.sync', {});
    expect(await m.call('team.members', {})).toEqual(
      expect.arrayContaining([
        { name: 'Alice Leaves', role: 'salesperson' },
        { name: 'Bob Takes', role: 'salesperson' },
        { name: 'Mia Hands', role: 'manager' },
      ]),
    );

    const input = { from: 'Alice Leaves', to: 'Bob Takes' };
    expect(await m.call('pool.handOverPreview', input)).toMatchObject({ customers: 200, followUps: 50 });
    const done = await m.call('pool.handOver', input);
    await m.call('team.sync', {});
    const owners = await db
      .selectFrom('sync_customers')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('owner_user_id', '=', bob.id)
      .executeTakeFirstOrThrow();
    expect(Number(owners.n)).toBe(200);
    const events = await db.selectFrom('owner_events').select('reason').where('by_user', '=', boss.id).execute();
    expect(events.filter((e) => e.reason === 'transfer')).toHaveLength(200);

    await b.call('team.sync', {});
    const bobs = b.sqlite().prepare(`SELECT count(*) AS n FROM customers WHERE owner = 'Bob Takes'`).get() as { n: number };
    expect(bobs.n).toBe(200);
    const bobsFollowUps = b
      .sqlite()
      .prepare(`SELECT count(*) AS n FROM follow_ups WHERE owner = 'Bob Takes' AND status = 'open'`)
      .get() as { n: number };
    expect(bobsFollowUps.n).toBe(50);
    await a.call('team.sync', {});
    expect((a.sqlite().prepare(`SELECT count(*) AS n FROM customers`).get() as { n: number }).n).toBe(0);

    // Undone: back to Alice, on every laptop.
    expect(await m.call('pool.undoHandOver', done.undo)).toMatchObject({ customers: 200, followUps: 50 });
    await m.call('team.sync', {});
    await a.call('team.sync', {});
    await b.call('team.sync', {});
    expect((a.sqlite().prepare(`SELECT count(*) AS n FROM customers WHERE owner = 'Alice Leaves'`).get() as { n: number }).n).toBe(200);
    expect((b.sqlite().prepare(`SELECT count(*) AS n FROM customers`).get() as { n: number }).n).toBe(0);
  });

  it('the server returns a customer nobody followed up for 30 days to the pool; the laptop shows it there with the rule', async () => {
    const alice = await member(db, 'Alice Rule');
    const boss = await member(db, 'Mia Rule', 'manager');
    const a = await joined('a', alice.login);
    const created = await a.call('customers.create', { company: 'Idle Imports BV', country: 'NL', owner: 'Alice Rule' });
    await a.call('team.sync', {});
    expect(await a.call('pool.status', { customerId: created.id })).toMatchObject({
      mine: true,
      returnsAt: { kind: 'followup', days: 30 },
    });

    clock = Date.now() + 31 * DAY;
    // A salesperson cannot ask the server to apply them; the manager's laptop can (Settings → Public pool).
    expect(await a.fails('pool.applyRules', {})).toBe('MANAGER_REQUIRED');
    const m = await joined('m', boss.login);
    const run = await m.call('pool.applyRules', {});
    expect(run.returned).toBeGreaterThanOrEqual(1);
    // The manager's laptop synced after the run: the customer is in the pool there.
    const onM = idOf(m, 'Idle Imports BV')!;
    expect(await m.call('pool.status', { customerId: onM })).toMatchObject({ inPool: true, owner: '' });

    await a.call('team.sync', {});
    expect(await a.call('pool.status', { customerId: created.id })).toMatchObject({ inPool: true, owner: '' });
    const timeline = await a.call('timeline.list', { customerId: created.id, kinds: [], limit: 50 });
    expect(timeline.find((e) => e.subtype === 'owner_rule')).toMatchObject({ summary: 'Alice Rule → ' });

    // Claimed again from the laptop, whose clock is a month behind the server's stamp of the return:
    // the pool decides, not the clocks; the claim takes effect on the server and stays on the laptop.
    await a.call('pool.claim', { customerId: created.id });
    await a.call('team.sync', {});
    expect(await a.call('pool.status', { customerId: created.id })).toMatchObject({ mine: true, pending: false, owner: 'Alice Rule' });
    const registry = await db.selectFrom('sync_customers').select('owner_user_id').execute();
    expect(registry.map((r) => r.owner_user_id)).toContain(alice.id);
    await m.call('team.sync', {});
    expect((m.sqlite().prepare('SELECT owner FROM customers WHERE id = ?').get(onM) as { owner: string }).owner).toBe('Alice Rule');
  });
});
