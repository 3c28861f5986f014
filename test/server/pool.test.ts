import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ServerDatabase } from '../../src/server/db/schema';
import { POOL_RULES_GID, type OwnerChangeData } from '../../src/shared/domain/pool';
import type { OpResult, PullOutput } from '../../src/shared/team/sync';
import { migratedDatabase, startTestPostgres, startTestServer, type TestPostgres, type TestServer } from './helpers';
import { device, member, newGid, op, pullAll, push, row, type Device } from './sync-helpers';

/**
 * The public pool on the team server (#20): a salesperson's change of owner is decided by the firm's
 * rules (the first claim wins, the cap, the cooling-off), a refused one answers with the server's
 * value; every accepted change is an owner event and a timeline entry every laptop pulls; the return
 * rules move owned customers nobody follows up back to the pool, at the server's (injected) clock.
 */
const DAY = 86_400_000;
let pgServer: TestPostgres;
let db: Kysely<ServerDatabase>;
let api: TestServer;
let clock = Date.now();
let alice: Device; // salesperson "Alice Chen"
let bob: Device; // salesperson "Bob Li"
let boss: Device; // manager "Mia Boss"

beforeAll(async () => {
  pgServer = await startTestPostgres();
  let url: string;
  ({ db, url } = await migratedDatabase(pgServer));
  api = await startTestServer(db, undefined, url, () => clock);
  const a = await member(db, 'Alice Chen');
  const b = await member(db, 'Bob Li');
  const m = await member(db, 'Mia Boss', 'manager');
  alice = await device(api, a.login, a.id);
  bob = await device(api, b.login, b.id);
  boss = await device(api, m.login, m.id);
});

afterAll(async () => {
  await api?.close();
  await db?.destroy();
  await pgServer?.stop();
});

beforeEach(() => {
  clock = Date.now();
});

/** A customer made by the manager with this owner ('' = the pool); everyone pulls it. */
async function customer(owner: string, company = `Pool Co ${newGid().slice(-6)}`): Promise<string> {
  const gid = newGid();
  const r = await push(api, boss, row(boss, 'customers', gid, { company, owner, country: 'DE' }));
  expect(r.results.every((x) => x.status === 'applied')).toBe(true);
  for (const d of [alice, bob, boss]) await pullAll(api, d);
  return gid;
}

async function setRules(fields: Record<string, number | null>): Promise<void> {
  const r = await push(api, boss, [op(boss, 'pool_rules', POOL_RULES_GID, '*', fields)]);
  expect(r.results[0]?.status).toBe('applied');
}

const claim = (d: Device, gid: string, name: string) => push(api, d, [op(d, 'customers', gid, 'owner', name)]);
const only = (r: { results: OpResult[] }) => r.results[0]!;

/** The owner-change timeline entries (activities rows) of a customer that a pull brought. */
function ownerEntries(rows: PullOutput['rows'], gid: string): { kind: string; data: OwnerChangeData }[] {
  return rows
    .filter((r) => r.tbl === 'activities' && r.fields.customer_id === gid && String(r.fields.kind).startsWith('owner_'))
    .map((r) => ({ kind: String(r.fields.kind), data: JSON.parse(String(r.fields.data)) as OwnerChangeData }));
}

async function owner(gid: string): Promise<string | null> {
  const c = await db.selectFrom('sync_customers').select('owner_user_id').where('gid', '=', gid).executeTakeFirstOrThrow();
  return c.owner_user_id;
}

describe('claims from the pool', () => {
  it('two salespeople claim the same customer offline: the first to sync gets it, the other is refused with who holds it and gets the value back', async () => {
    await setRules({ cap: null, cooling_days: 7 });
    const gid = await customer('');
    const mine = claim(alice, gid, 'Alice Chen');
    expect(only(await mine)).toMatchObject({ status: 'applied', won: true });
    const late = only(await claim(bob, gid, 'Bob Li'));
    expect(late).toMatchObject({ status: 'rejected', code: 'POOL_TAKEN', current: { value: 'Alice Chen', by: 'Alice Chen' } });
    expect(await owner(gid)).toBe(alice.userId);

    // The claim is on the customer's timeline, as every laptop that sees it pulls it.
    const got = await pullAll(api, alice);
    expect(ownerEntries(got.rows, gid)).toEqual([
      { kind: 'owner_claim', data: { from: '', to: 'Alice Chen', by: 'Alice Chen', reason: 'claim' } },
    ]);
    // Bob no longer sees Alice's customer.
    expect((await pullAll(api, bob)).removed).toContain(gid);
  });

  it('a salesperson cannot take a colleague’s customer shared with them, nor give a pool customer to someone else', async () => {
    const bobs = await customer('Bob Li');
    const share = await api.call('POST', `/v1/customers/${bobs}/shares`, {
      token: boss.token,
      body: { userId: alice.userId, canWrite: true },
    });
    expect(share.status).toBe(200);
    await pullAll(api, alice);
    expect(only(await claim(alice, bobs, 'Alice Chen'))).toMatchObject({
      status: 'rejected',
      code: 'POOL_TAKEN',
      current: { value: 'Bob Li' },
    });
    // Her other edits of the shared customer still go through.
    expect(only(await push(api, alice, [op(alice, 'customers', bobs, 'city', 'Hamburg')]))).toMatchObject({ status: 'applied' });

    const pool = await customer('');
    expect(only(await claim(alice, pool, 'Bob Li'))).toMatchObject({ status: 'rejected', code: 'FORBIDDEN', current: { value: '' } });
    expect(await owner(pool)).toBeNull();
  });

  it('the cap refuses a claim beyond it; customers who ordered stay outside the cap when the rules say so', async () => {
    const c = await member(db, 'Cara Cap');
    const cara = await device(api, c.login, c.id);
    await setRules({ cap: 2, won_outside_cap: 1 });
    const [one, two, three] = [await customer(''), await customer(''), await customer('')];
    await pullAll(api, cara);
    expect(only(await claim(cara, one, 'Cara Cap')).status).toBe('applied');
    expect(only(await claim(cara, two, 'Cara Cap')).status).toBe('applied');
    expect(only(await claim(cara, three, 'Cara Cap'))).toMatchObject({ status: 'rejected', code: 'POOL_CAP', current: { value: '' } });

    // An order on one of hers: that customer no longer counts, the third claim goes through.
    const order = await push(
      api,
      cara,
      row(cara, 'orders', newGid(), { customer_id: one, ordered_at: new Date().toISOString(), cancelled: 0 }),
    );
    expect(order.results.every((r) => r.status === 'applied')).toBe(true);
    expect(only(await claim(cara, three, 'Cara Cap')).status).toBe('applied');

    // Within one batch the cap counts the claims before: two more in one push, one is refused.
    await setRules({ cap: 3, won_outside_cap: 1 });
    const [four, five] = [await customer(''), await customer('')];
    await pullAll(api, cara);
    const both = await push(api, cara, [
      op(cara, 'customers', four, 'owner', 'Cara Cap'),
      op(cara, 'customers', five, 'owner', 'Cara Cap'),
    ]);
    expect(both.results.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual(['applied', 'POOL_CAP']);
    await setRules({ cap: null });
  });

  it('a released customer cannot be claimed back by the same salesperson before the cooling-off ends; a colleague can at once', async () => {
    await setRules({ cap: null, cooling_days: 7 });
    const gid = await customer('');
    expect(only(await claim(alice, gid, 'Alice Chen')).status).toBe('applied');
    expect(only(await claim(alice, gid, '')).status).toBe('applied');
    expect(await owner(gid)).toBeNull();
    expect(only(await claim(alice, gid, 'Alice Chen'))).toMatchObject({ status: 'rejected', code: 'POOL_COOLING' });

    clock = Date.now() + 8 * DAY;
    expect(only(await claim(alice, gid, 'Alice Chen')).status).toBe('applied');
    expect(only(await claim(alice, gid, '')).status).toBe('applied');
    clock = Date.now();
    await pullAll(api, bob);
    expect(only(await claim(bob, gid, 'Bob Li')).status).toBe('applied');

    const events = await db
      .selectFrom('owner_events')
      .select(['reason', 'from_user', 'to_user'])
      .where('customer_gid', '=', gid)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.reason)).toEqual(['claim', 'release', 'claim', 'release', 'claim']);
  });

  it('a manager moves any customer: a transfer on the timeline', async () => {
    const gid = await customer('Alice Chen');
    const r = await push(api, boss, [op(boss, 'customers', gid, 'owner', 'Bob Li')]);
    expect(only(r).status).toBe('applied');
    expect(await owner(gid)).toBe(bob.userId);
    const got = await pullAll(api, bob);
    expect(ownerEntries(got.rows, gid)).toEqual([
      { kind: 'owner_transfer', data: { from: 'Alice Chen', to: 'Bob Li', by: 'Mia Boss', reason: 'transfer' } },
    ]);
  });
});

describe('the return rules', () => {
  it('a customer with no completed follow-up for 30 days returns to the pool; one followed up recently stays; the rule is on the timeline', async () => {
    await setRules({ return_followup_days: 30, return_order_days: null, cap: null });
    const idle = await customer('Alice Chen');
    const busy = await customer('Alice Chen');
    const done = new Date(Date.now() + 26 * DAY).toISOString();
    const f = await push(
      api,
      alice,
      row(alice, 'follow_ups', newGid(), { customer_id: busy, status: 'done', done_at: done, type: 'call' }),
    );
    expect(f.results.every((r) => r.status === 'applied')).toBe(true);

    // Not yet due at 29 days.
    clock = Date.now() + 29 * DAY;
    let run = await api.call('POST', '/v1/pool/run', { token: boss.token, body: {} });
    expect(run.status).toBe(200);
    expect(await owner(idle)).toBe(alice.userId);

    clock = Date.now() + 31 * DAY;
    run = await api.call('POST', '/v1/pool/run', { token: boss.token, body: {} });
    expect((run.body.value as { returned: number }).returned).toBeGreaterThanOrEqual(1);
    expect(await owner(idle)).toBeNull();
    expect(await owner(busy)).toBe(alice.userId);

    // Alice's laptop learns it: the owner field is '' and the timeline says why.
    const got = await pullAll(api, alice);
    expect(got.rows.filter((r) => r.gid === idle && r.tbl === 'customers').at(-1)?.fields.owner).toBe('');
    expect(ownerEntries(got.rows, idle)).toEqual([
      {
        kind: 'owner_rule',
        data: { from: 'Alice Chen', to: '', by: '', reason: 'rule', rule: { kind: 'followup', days: 30, lastAt: null } },
      },
    ]);
    // A salesperson may not run the rules.
    expect((await api.call('POST', '/v1/pool/run', { token: alice.token, body: {} })).status).toBe(403);
  });

  it('a salesperson may not change the pool rules; a manager may, within their ranges', async () => {
    const r = await push(api, alice, [op(alice, 'pool_rules', POOL_RULES_GID, 'cap', 1000)]);
    expect(only(r)).toMatchObject({ status: 'rejected', code: 'FORBIDDEN' });
    const bad = await push(api, boss, [
      op(boss, 'pool_rules', POOL_RULES_GID, 'cooling_days', null),
      op(boss, 'pool_rules', POOL_RULES_GID, 'won_outside_cap', 'yes'),
      op(boss, 'pool_rules', POOL_RULES_GID, 'return_order_days', 0),
      op(boss, 'pool_rules', POOL_RULES_GID, 'salesperson_bonus', 1),
      op(boss, 'pool_rules', POOL_RULES_GID, '*', { cap: 5, cooling_days: -1 }),
      op(boss, 'pool_rules', POOL_RULES_GID, 'return_order_days', null),
    ]);
    expect(bad.results.map((x) => (x.status === 'rejected' ? x.code : x.status))).toEqual([
      'INVALID_VALUE',
      'INVALID_VALUE',
      'INVALID_VALUE',
      'INVALID_VALUE',
      'INVALID_VALUE',
      'applied',
    ]);
  });
});
