import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { syncCaptureTriggers } from '../../src/main/db/capture-triggers';
import { createKysely, openSqlite } from '../../src/main/db/connection';
import { migrateToLatest } from '../../src/main/db/migrate';
import { MIGRATIONS } from '../../src/main/db/migrations';
import { createEngine } from '../../src/main/engine/engine';
import { applyRemote } from '../../src/main/sync/apply';
import { enableCapture, readOutbox } from '../../src/main/sync/capture';
import { queueBook } from '../../src/main/sync/first-sync';
import { POOL_RULES_GID, type PoolRules } from '../../src/shared/domain/pool';
import { encodeHlc } from '../../src/shared/sync/hlc';
import { openTestEngine, tempDir, type TestEngine } from '../support/temp-db';

const DAY = 86_400_000;
const T0 = Date.parse('2026-01-05T09:00:00.000Z');
const opened: TestEngine[] = [];
const cleanups: (() => void)[] = [];
afterEach(async () => {
  for (const e of opened.splice(0)) await e.close();
  for (const c of cleanups.splice(0)) c();
});

/** An engine on a fresh book whose clock the test moves. */
async function book(dbPath?: string) {
  const clock = { now: T0 };
  const e = await openTestEngine({ now: () => new Date(clock.now), dbPath });
  opened.push(e);
  const sqlite = e.engine.database.sqlite;
  const customer = async (company: string, owner = '') => (await e.call('customers.create', { company, owner })).id;
  const error = async (channel: string, input: unknown) => {
    const r = await e.raw(channel, input);
    if (r.ok) throw new Error(`${channel} succeeded`);
    return r.error as { code: string; details?: Record<string, unknown> };
  };
  const ownerOf = (id: number) => (sqlite.prepare(`SELECT owner FROM customers WHERE id = ?`).get(id) as { owner: string }).owner;
  const activities = (id: number) =>
    (
      sqlite
        .prepare(`SELECT kind, occurred_at, summary, data FROM activities WHERE customer_id = ? AND kind LIKE 'owner%' ORDER BY id`)
        .all(id) as { kind: string; occurred_at: string; summary: string; data: string }[]
    ).map((a) => ({ ...a, data: JSON.parse(a.data) as unknown }));
  const order = (id: number, at: number, cancelled = 0) =>
    sqlite
      .prepare(
        `INSERT INTO orders (customer_id, ordered_at, amount_minor, currency, cancelled, created_at) VALUES (?, ?, 1000, 'USD', ?, ?)`,
      )
      .run(id, new Date(at).toISOString(), cancelled, new Date(at).toISOString());
  const done = (id: number, at: number) =>
    sqlite
      .prepare(
        `INSERT INTO follow_ups (customer_id, type, due_at, status, done_at, outcome, created_at, updated_at) VALUES (?, 'call', ?, 'done', ?, 'ok', ?, ?)`,
      )
      .run(id, ...Array(4).fill(new Date(at).toISOString()));
  const rules = async (patch: Partial<PoolRules>) => {
    const { rules: current } = await e.call('pool.rules', {});
    return e.call('pool.saveRules', { ...current, ...patch });
  };
  /** Puts the book in a team as this user (what team.join stores), with capture on. */
  const joinAs = async (name: string, role: 'salesperson' | 'manager') => {
    await enableCapture(e.engine.database.write, '00000000000000aa');
    sqlite
      .prepare(`UPDATE sync_state SET team_device_id = 'd', team_server = 'https://team.example', team_user = ? WHERE id = 1`)
      .run(JSON.stringify({ id: 'u1', name, login: name.toLowerCase(), role }));
  };
  return { e, clock, sqlite, customer, error, ownerOf, activities, order, done, rules, joinAs };
}

describe('the public pool on a book of its own', () => {
  it('asks who you are before a claim or a release (ME_REQUIRED), and shows the pool to anyone', async () => {
    const b = await book();
    const id = await b.customer('Pool Ltd');
    expect(await b.e.call('pool.status', { customerId: id })).toMatchObject({
      owner: '',
      me: null,
      inPool: true,
      mine: false,
      canClaim: false,
      refusal: null,
      canRelease: false,
      pending: false,
      returnsAt: null,
    });
    expect((await b.error('pool.claim', { customerId: id })).code).toBe('ME_REQUIRED');
    expect((await b.error('pool.claim', { customerId: 999 })).code).toBe('NOT_FOUND');
    expect(b.ownerOf(id)).toBe('');
  });

  it('claims a customer from the pool and releases it, each on the timeline, with the version moved', async () => {
    const b = await book();
    await b.e.call('prefs.save', { me: 'Lily' });
    const id = await b.customer('Atlas Imports');
    const before = await b.e.call('customers.get', { id });
    const claimed = await b.e.call('pool.claim', { customerId: id });
    expect(claimed).toMatchObject({ owner: 'Lily', me: 'Lily', inPool: false, mine: true, canClaim: false, canRelease: true, held: 1 });
    expect(claimed.returnsAt).toEqual({ at: new Date(T0 + 30 * DAY).toISOString(), kind: 'followup', days: 30 });
    const after = await b.e.call('customers.get', { id });
    expect(after.version).toBe(before.version + 1);
    expect(after.owner).toBe('Lily');
    // Claiming your own customer again changes nothing.
    await b.e.call('pool.claim', { customerId: id });
    expect((await b.e.call('customers.get', { id })).version).toBe(after.version);

    b.clock.now += 3 * DAY;
    const released = await b.e.call('pool.release', { customerId: id });
    expect(released).toMatchObject({ owner: '', inPool: true, mine: false, canClaim: false, refusal: 'POOL_COOLING', returnsAt: null });
    expect(released.coolingEndsAt).toBe(new Date(T0 + 10 * DAY).toISOString());
    expect(b.activities(id)).toEqual([
      {
        kind: 'owner_claim',
        occurred_at: new Date(T0).toISOString(),
        summary: ' → Lily',
        data: { from: '', to: 'Lily', by: 'Lily', reason: 'claim' },
      },
      {
        kind: 'owner_release',
        occurred_at: new Date(T0 + 3 * DAY).toISOString(),
        summary: 'Lily → ',
        data: { from: 'Lily', to: '', by: 'Lily', reason: 'release' },
      },
    ]);
    // Releasing a customer in the pool changes nothing.
    await b.e.call('pool.release', { customerId: id });
    expect(b.activities(id)).toHaveLength(2);
  });

  it("refuses another's customer (POOL_TAKEN) for a claim and a release, whatever the case of the name", async () => {
    const b = await book();
    await b.e.call('prefs.save', { me: 'Lily' });
    const bobs = await b.customer('Bob Trading', 'Bob');
    const status = await b.e.call('pool.status', { customerId: bobs });
    expect(status).toMatchObject({ inPool: false, mine: false, canClaim: false, refusal: 'POOL_TAKEN', canRelease: false });
    const claim = await b.error('pool.claim', { customerId: bobs });
    expect(claim).toMatchObject({ code: 'POOL_TAKEN', details: { customerId: bobs, owner: 'Bob' } });
    expect((await b.error('pool.release', { customerId: bobs })).code).toBe('POOL_TAKEN');
    expect(b.ownerOf(bobs)).toBe('Bob');
    // The owner column ignores case: "lily" is Lily.
    const mine = await b.customer('Lower Case Ltd', 'lily');
    expect(await b.e.call('pool.status', { customerId: mine })).toMatchObject({ mine: true, canRelease: true, refusal: null });
    await b.e.call('pool.release', { customerId: mine });
    expect(b.ownerOf(mine)).toBe('');
  });

  it('keeps a released customer from its last owner for the cooling-off days, then lets them claim it', async () => {
    const b = await book();
    await b.e.call('prefs.save', { me: 'Lily' });
    const id = await b.customer('Cooling GmbH', 'Lily');
    await b.e.call('pool.release', { customerId: id });
    const refused = await b.error('pool.claim', { customerId: id });
    expect(refused).toMatchObject({ code: 'POOL_COOLING', details: { coolingEndsAt: new Date(T0 + 7 * DAY).toISOString() } });
    // Someone else may claim it at once.
    await b.e.call('prefs.save', { me: 'Bob' });
    expect(await b.e.call('pool.status', { customerId: id })).toMatchObject({ canClaim: true, refusal: null });
    await b.e.call('prefs.save', { me: 'Lily' });
    b.clock.now = T0 + 7 * DAY - 1;
    expect((await b.error('pool.claim', { customerId: id })).code).toBe('POOL_COOLING');
    b.clock.now = T0 + 7 * DAY;
    expect(await b.e.call('pool.claim', { customerId: id })).toMatchObject({ mine: true });
    // No cooling-off at all when the rules say 0 days.
    await b.rules({ coolingDays: 0 });
    await b.e.call('pool.release', { customerId: id });
    expect(await b.e.call('pool.claim', { customerId: id })).toMatchObject({ mine: true });
  });

  it('caps the customers one salesperson holds; customers who ordered are outside the cap unless the rules say otherwise', async () => {
    const b = await book();
    await b.e.call('prefs.save', { me: 'Lily' });
    await b.rules({ cap: 2 });
    const held = [await b.customer('One', 'Lily'), await b.customer('Two', 'LILY')];
    const archived = await b.customer('Archived', 'Lily');
    await b.e.call('customers.archive', { ids: [archived], archived: true });
    const next = await b.customer('Three');
    expect(await b.e.call('pool.status', { customerId: next })).toMatchObject({ canClaim: false, refusal: 'POOL_CAP', held: 2, cap: 2 });
    expect(await b.error('pool.claim', { customerId: next })).toMatchObject({ code: 'POOL_CAP', details: { held: 2, cap: 2 } });
    // A cancelled order is no order.
    b.order(held[0]!, T0 - DAY, 1);
    expect((await b.error('pool.claim', { customerId: next })).code).toBe('POOL_CAP');
    b.order(held[0]!, T0 - DAY);
    expect(await b.e.call('pool.status', { customerId: next })).toMatchObject({ canClaim: true, held: 1 });
    await b.rules({ wonOutsideCap: false });
    expect(await b.e.call('pool.status', { customerId: next })).toMatchObject({ canClaim: false, refusal: 'POOL_CAP', held: 2 });
    await b.rules({ wonOutsideCap: true });
    expect(await b.e.call('pool.claim', { customerId: next })).toMatchObject({ mine: true, held: 2 });
  });

  it('says when the rules would return an owned customer: the earlier rule, counted from the later of the claim and the last touch', async () => {
    const b = await book();
    await b.e.call('prefs.save', { me: 'Lily' });
    // Owned since its creation (no owner change on its timeline).
    const id = await b.customer('Rhythm Ltd', 'Bob');
    const returns = async () => (await b.e.call('pool.status', { customerId: id })).returnsAt;
    expect(await returns()).toEqual({ at: new Date(T0 + 30 * DAY).toISOString(), kind: 'followup', days: 30 });
    b.done(id, T0 + 10 * DAY);
    expect(await returns()).toEqual({ at: new Date(T0 + 40 * DAY).toISOString(), kind: 'followup', days: 30 });
    // A follow-up done before the owner got the customer does not count.
    const older = await b.customer('Older Ltd', 'Bob');
    b.done(older, T0 - 20 * DAY);
    expect((await b.e.call('pool.status', { customerId: older })).returnsAt?.at).toBe(new Date(T0 + 30 * DAY).toISOString());
    await b.rules({ returnAfterFollowupDays: null, returnAfterOrderDays: 90 });
    b.order(id, T0 + 5 * DAY);
    expect(await returns()).toEqual({ at: new Date(T0 + 95 * DAY).toISOString(), kind: 'order', days: 90 });
    await b.rules({ returnAfterFollowupDays: 200, returnAfterOrderDays: 90 });
    expect((await returns())?.kind).toBe('order');
    await b.rules({ returnAfterFollowupDays: null, returnAfterOrderDays: null });
    expect(await returns()).toBeNull();
  });

  it('applies the return rules: every owned customer due goes to the pool with its rule on the timeline, once', async () => {
    const b = await book();
    await b.e.call('prefs.save', { me: 'Lily' });
    const quiet = await b.customer('Quiet Ltd', 'Lily');
    const touched = await b.customer('Touched Ltd', 'Bob');
    const ordering = await b.customer('Ordering Ltd', 'Bob');
    const archived = await b.customer('Archived Ltd', 'Bob');
    const pool = await b.customer('Pool Ltd');
    await b.e.call('customers.archive', { ids: [archived], archived: true });
    b.done(touched, T0 + 20 * DAY);
    b.done(ordering, T0 + 35 * DAY);
    b.order(ordering, T0 + 1 * DAY);
    await b.rules({ returnAfterFollowupDays: 30, returnAfterOrderDays: 60 });

    b.clock.now = T0 + 30 * DAY - 1;
    expect(await b.e.call('pool.applyRules', {})).toEqual({ returned: 0 });
    b.clock.now = T0 + 41 * DAY;
    const version = (await b.e.call('customers.get', { id: quiet })).version;
    expect(await b.e.call('pool.applyRules', {})).toEqual({ returned: 1 });
    expect([quiet, touched, ordering, archived, pool].map(b.ownerOf)).toEqual(['', 'Bob', 'Bob', 'Bob', '']);
    expect((await b.e.call('customers.get', { id: quiet })).version).toBe(version + 1);
    expect(b.activities(quiet)).toEqual([
      {
        kind: 'owner_rule',
        occurred_at: new Date(T0 + 41 * DAY).toISOString(),
        summary: 'Lily → ',
        data: { from: 'Lily', to: '', by: '', reason: 'rule', rule: { kind: 'followup', days: 30, lastAt: null } },
      },
    ]);
    expect(await b.e.call('pool.applyRules', {})).toEqual({ returned: 0 });
    // The rules count from the claim: a customer just claimed is not returned for its past.
    await b.e.call('pool.claim', { customerId: pool });
    b.clock.now = T0 + 51 * DAY;
    expect(await b.e.call('pool.applyRules', {})).toEqual({ returned: 1 });
    expect(b.activities(touched)[0]?.data).toMatchObject({
      from: 'Bob',
      rule: { kind: 'followup', days: 30, lastAt: new Date(T0 + 20 * DAY).toISOString() },
    });
    b.clock.now = T0 + 61 * DAY;
    expect(await b.e.call('pool.applyRules', {})).toEqual({ returned: 1 });
    expect(b.activities(ordering)[0]?.data).toMatchObject({ rule: { kind: 'order', days: 60, lastAt: new Date(T0 + DAY).toISOString() } });
    expect([pool, archived].map(b.ownerOf)).toEqual(['Lily', 'Bob']);
  });
});

describe('since when an owner has held a customer (customers.owner_since)', () => {
  const iso = (ms: number) => new Date(ms).toISOString();
  const ownerSince = (b: Awaited<ReturnType<typeof book>>, id: number) =>
    (b.sqlite.prepare(`SELECT owner_since FROM customers WHERE id = ?`).get(id) as { owner_since: string | null }).owner_since;

  it('restarts with every change of owner, however it is made: the edit form, the bulk "assign owner", a board drag, a pull', async () => {
    const b = await book();
    await b.rules({ returnAfterFollowupDays: 30, returnAfterOrderDays: null });
    const edited = await b.customer('Edited Ltd', 'Bob');
    const assigned = await b.customer('Assigned Ltd', 'Bob');
    const dragged = await b.customer('Dragged Ltd', 'Bob');
    const pulled = await b.customer('Pulled Ltd', 'Bob');
    const idle = await b.customer('Idle Ltd', 'Bob');
    const pool = await b.customer('Pool Ltd');
    expect([edited, idle].map((id) => ownerSince(b, id))).toEqual([iso(T0), iso(T0)]);
    expect(ownerSince(b, pool)).toBeNull();

    // 100 days later Bob's customers are given to others, none through the pool.
    b.clock.now = T0 + 100 * DAY;
    const version = (id: number) => b.e.call('customers.get', { id }).then((c) => c.version);
    await b.e.call('customers.update', { id: edited, version: await version(edited), patch: { owner: 'Lily' } });
    expect(await b.e.call('customers.bulk', { kind: 'assignOwner', ids: [assigned], owner: 'Lily' })).toMatchObject({ changed: 1 });
    await b.e.call('boards.move', { customerId: dragged, version: await version(dragged), dimension: 'owner', from: 'Bob', to: 'Ann' });
    await applyRemote(b.e.engine.database.write, [
      {
        opId: 'pulled-owner',
        hlc: encodeHlc({ wall: T0 + 100 * DAY - 60_000, counter: 0, node: '00000000000000bb' }),
        tbl: 'customers',
        gid: (b.sqlite.prepare(`SELECT gid FROM customers WHERE id = ?`).get(pulled) as { gid: string }).gid,
        field: 'owner',
        value: 'Li Na',
      },
    ]);
    expect([edited, assigned, dragged, pulled].map(b.ownerOf)).toEqual(['Lily', 'Lily', 'Ann', 'Li Na']);
    // The engine's clock of the change (a pull: the time of the edit on the laptop that made it).
    expect([edited, assigned, dragged, pulled].map((id) => ownerSince(b, id))).toEqual([
      iso(T0 + 100 * DAY),
      iso(T0 + 100 * DAY),
      iso(T0 + 100 * DAY),
      iso(T0 + 100 * DAY - 60_000),
    ]);
    expect((await b.e.call('pool.status', { customerId: edited })).returnsAt).toEqual({
      at: iso(T0 + 130 * DAY),
      kind: 'followup',
      days: 30,
    });

    // The same day, only the customer nobody touched goes back to the pool.
    expect(await b.e.call('pool.applyRules', {})).toEqual({ returned: 1 });
    expect([edited, assigned, dragged, pulled, idle].map(b.ownerOf)).toEqual(['Lily', 'Lily', 'Ann', 'Li Na', '']);

    // The same owner written in another case is no change of owner (the column ignores case).
    b.clock.now = T0 + 110 * DAY;
    expect(await b.e.call('customers.bulk', { kind: 'assignOwner', ids: [assigned], owner: 'LILY' })).toMatchObject({ changed: 1 });
    expect(ownerSince(b, assigned)).toBe(iso(T0 + 100 * DAY));

    b.clock.now = T0 + 130 * DAY - 60_000 - 1;
    expect(await b.e.call('pool.applyRules', {})).toEqual({ returned: 0 });
    b.clock.now = T0 + 130 * DAY;
    expect(await b.e.call('pool.applyRules', {})).toEqual({ returned: 4 });
  });

  it('is stamped with now when a statement changes the owner without moving updated_at, and kept when a statement gives it', async () => {
    const b = await book();
    const id = await b.customer('Raw Ltd', 'Bob');
    const before = new Date().toISOString();
    b.sqlite.prepare(`UPDATE customers SET owner = 'Ann' WHERE id = ?`).run(id);
    const stamped = ownerSince(b, id)!;
    expect(stamped).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(stamped >= before && stamped <= new Date().toISOString()).toBe(true);
    b.sqlite.prepare(`UPDATE customers SET owner = 'Zed', owner_since = '2030-01-01T00:00:00.000Z' WHERE id = ?`).run(id);
    expect(ownerSince(b, id)).toBe('2030-01-01T00:00:00.000Z');
    // An insert that gives it keeps it; one into the pool has none.
    const given = Number(
      b.sqlite
        .prepare(
          `INSERT INTO customers (company, owner, owner_since, created_at, updated_at) VALUES ('Given Ltd', 'Bob', '2020-02-02T00:00:00.000Z', 'x', 'x')`,
        )
        .run().lastInsertRowid,
    );
    expect(ownerSince(b, given)).toBe('2020-02-02T00:00:00.000Z');
  });

  it('is not shared: the capture sends neither it nor anything for a change of it alone', async () => {
    const b = await book();
    await b.joinAs('Li Na', 'salesperson');
    const id = await b.customer('Local Ltd', 'Bob');
    const ops = readOutbox(b.e.engine.database.read, 100).filter((o) => o.tbl === 'customers');
    expect(ops.map((o) => o.field)).toEqual(['*']);
    expect(ops[0]?.value).toMatchObject({ company: 'Local Ltd', owner: 'Bob' });
    expect(ops[0]?.value).not.toHaveProperty('owner_since');
    b.sqlite.prepare(`DELETE FROM sync_outbox`).run();
    b.sqlite.prepare(`UPDATE customers SET owner_since = '2031-01-01T00:00:00.000Z' WHERE id = ?`).run(id);
    expect(readOutbox(b.e.engine.database.read, 100)).toEqual([]);
    // A change of owner sends the owner, and only that (owner_since follows it here, unsent).
    b.clock.now = T0 + DAY;
    await b.e.call('customers.bulk', { kind: 'assignOwner', ids: [id], owner: 'Li Na' });
    expect(readOutbox(b.e.engine.database.read, 100).map((o) => [o.tbl, o.field, o.value])).toEqual([['customers', 'owner', 'Li Na']]);
    expect(ownerSince(b, id)).toBe(iso(T0 + DAY));
  });

  it('starts at the upgrade for every owned customer: a book imported long ago is not emptied by the first run', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const dbPath = join(t.dir, 'old.db');
    // A book at 0015: owned customers created years ago, one in the pool, nothing done since.
    const names = Object.keys(MIGRATIONS);
    const old = openSqlite(dbPath);
    const kdb = createKysely(old);
    await migrateToLatest(
      old,
      kdb as never,
      dbPath,
      Object.fromEntries(names.slice(0, names.indexOf('0016_pool')).map((n) => [n, MIGRATIONS[n]!])),
    );
    const insert = old.prepare(`INSERT INTO customers (company, owner, created_at, updated_at) VALUES (?, ?, ?, ?)`);
    for (let i = 0; i < 20; i++) insert.run(`Old ${i} Ltd`, i % 2 ? 'Lily' : 'Bob', '2019-03-04T05:06:07.000Z', '2019-03-04T05:06:07.000Z');
    insert.run('Pool Ltd', '', '2019-03-04T05:06:07.000Z', '2019-03-04T05:06:07.000Z');
    await kdb.destroy();

    const before = new Date().toISOString();
    const clock = { now: Date.now() };
    const e = await openTestEngine({ dbPath, now: () => new Date(clock.now) });
    opened.push(e);
    const after = new Date().toISOString();
    const since = e.engine.database.sqlite.prepare(`SELECT owner, owner_since FROM customers ORDER BY id`).all() as {
      owner: string;
      owner_since: string | null;
    }[];
    expect(
      since.filter((c) => c.owner !== '').every((c) => c.owner_since !== null && c.owner_since >= before && c.owner_since <= after),
    ).toBe(true);
    expect(since.find((c) => c.owner === '')?.owner_since).toBeNull();

    await e.call('pool.saveRules', {
      returnAfterFollowupDays: 30,
      returnAfterOrderDays: 180,
      cap: null,
      wonOutsideCap: true,
      coolingDays: 7,
    });
    expect(await e.call('pool.applyRules', {})).toEqual({ returned: 0 });
    clock.now += 29 * DAY;
    expect(await e.call('pool.applyRules', {})).toEqual({ returned: 0 });
    // The rules count from the upgrade: 30 days on, the idle customers go back.
    clock.now += DAY + 60_000;
    expect(await e.call('pool.applyRules', {})).toEqual({ returned: 20 });
  });
});

describe('the pool rules', () => {
  it('are the defaults until saved, then one row with the fixed gid, changed in place', async () => {
    const b = await book();
    expect(await b.e.call('pool.rules', {})).toEqual({
      rules: { returnAfterFollowupDays: 30, returnAfterOrderDays: 180, cap: null, wonOutsideCap: true, coolingDays: 7 },
      canEdit: true,
    });
    await b.rules({ cap: 20, returnAfterOrderDays: null });
    b.clock.now += DAY;
    const saved = await b.rules({ coolingDays: 3 });
    expect(saved).toEqual({
      rules: { returnAfterFollowupDays: 30, returnAfterOrderDays: null, cap: 20, wonOutsideCap: true, coolingDays: 3 },
      canEdit: true,
    });
    expect(b.sqlite.prepare(`SELECT * FROM pool_rules`).all()).toEqual([
      {
        id: 1,
        gid: POOL_RULES_GID,
        return_followup_days: 30,
        return_order_days: null,
        cap: 20,
        won_outside_cap: 1,
        cooling_days: 3,
        updated_at: new Date(T0 + DAY).toISOString(),
      },
    ]);
    expect((await b.error('pool.saveRules', { coolingDays: -1 })).code).toBe('INVALID_INPUT');
  });
});

describe('the pool in a team', () => {
  it('uses the team user as "me"; a salesperson may not change the rules or release another\'s customer', async () => {
    const b = await book();
    await b.e.call('prefs.save', { me: 'Someone Else' });
    const bobs = await b.customer('Bob Trading', 'Bob');
    await b.joinAs('Li Na', 'salesperson');
    expect(await b.e.call('pool.rules', {})).toMatchObject({ canEdit: false });
    expect((await b.error('pool.saveRules', { cap: 3 })).code).toBe('MANAGER_REQUIRED');
    expect(b.sqlite.prepare(`SELECT count(*) AS n FROM pool_rules`).get()).toEqual({ n: 0 });
    expect(await b.e.call('pool.status', { customerId: bobs })).toMatchObject({ me: 'Li Na', canRelease: false });
    expect((await b.error('pool.release', { customerId: bobs })).code).toBe('POOL_TAKEN');
    // The server applies the return rules in a team; a salesperson may not ask it to now, and this laptop returns nothing itself.
    b.clock.now += 400 * DAY;
    expect((await b.error('pool.applyRules', {})).code).toBe('MANAGER_REQUIRED');
    expect(b.ownerOf(bobs)).toBe('Bob');
  });

  it('claims here and leaves the timeline to the server: the change waits in the outbox (pending) until answered', async () => {
    const b = await book();
    const id = await b.customer('Open Seas Ltd');
    await b.joinAs('Li Na', 'salesperson');
    const claimed = await b.e.call('pool.claim', { customerId: id });
    expect(claimed).toMatchObject({ owner: 'Li Na', mine: true, pending: true });
    expect(b.activities(id)).toEqual([]);
    const ops = readOutbox(b.e.engine.database.read, 100).filter((o) => o.tbl === 'customers' && o.field === 'owner');
    expect(ops.map((o) => o.value)).toEqual(['Li Na']);
    b.sqlite.prepare(`DELETE FROM sync_outbox`).run();
    expect(await b.e.call('pool.status', { customerId: id })).toMatchObject({ pending: false });
  });

  it("lets a manager save the rules (sent as the one row's op) and release anyone's customer", async () => {
    const b = await book();
    const bobs = await b.customer('Bob Trading', 'Bob');
    await b.joinAs('Wang Fang', 'manager');
    b.sqlite.prepare(`DELETE FROM sync_outbox`).run();
    expect(await b.e.call('pool.status', { customerId: bobs })).toMatchObject({ canRelease: true, mine: false });
    await b.e.call('pool.release', { customerId: bobs });
    expect(b.ownerOf(bobs)).toBe('');
    expect(b.activities(bobs)).toEqual([]);
    await b.rules({ cap: 30 });
    const rows = readOutbox(b.e.engine.database.read, 100).filter((o) => o.tbl === 'pool_rules');
    expect(rows).toEqual([
      expect.objectContaining({
        gid: POOL_RULES_GID,
        field: '*',
        value: { return_followup_days: 30, return_order_days: 180, cap: 30, won_outside_cap: 1, cooling_days: 7 },
      }),
    ]);
    b.sqlite.prepare(`DELETE FROM sync_outbox`).run();
    await b.rules({ cap: 30, coolingDays: 2 });
    expect(readOutbox(b.e.engine.database.read, 100).map((o) => [o.tbl, o.field, o.value])).toEqual([['pool_rules', 'cooling_days', 2]]);
  });
});

describe('the pool_rules table in the sync', () => {
  it("gets its capture triggers at open on a laptop that joined before the table existed, and goes up with the book's first upload", async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const path = join(t.dir, 'book.db');
    const first = await book(path);
    await first.rules({ cap: 12 });
    await enableCapture(first.e.engine.database.write, '00000000000000aa');
    // What a laptop that joined under 0015 has: every capture trigger but pool_rules'.
    for (const name of first.sqlite
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_capture_pool_rules%'`)
      .pluck()
      .all() as string[])
      first.sqlite.exec(`DROP TRIGGER ${name}`);
    await first.e.engine.close();
    opened.splice(0);

    const again = await book(path);
    const triggers = again.sqlite
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_capture_pool_rules%' ORDER BY name`)
      .pluck()
      .all();
    expect(triggers).toEqual(['sync_capture_pool_rules_delete', 'sync_capture_pool_rules_insert', 'sync_capture_pool_rules_update']);
    // Once they are the spec's, an open leaves them alone.
    expect(syncCaptureTriggers(again.sqlite)).toBe(false);
    await again.rules({ cap: 13 });
    expect(readOutbox(again.e.engine.database.read, 100).map((o) => [o.tbl, o.gid, o.field, o.value])).toEqual([
      ['pool_rules', POOL_RULES_GID, 'cap', 13],
    ]);
    // The first upload of the book (team join) sends the row whole.
    again.sqlite.prepare(`DELETE FROM sync_outbox`).run();
    await queueBook(again.e.engine.database.write, new Date(T0).toISOString());
    expect(readOutbox(again.e.engine.database.read, 100).filter((o) => o.tbl === 'pool_rules')).toEqual([
      expect.objectContaining({ gid: POOL_RULES_GID, field: '*', value: expect.objectContaining({ cap: 13 }) }),
    ]);
  });
});

describe('the engine applies the return rules by itself', () => {
  it('soon after start on a book whose rules were saved, never on one that has not set up a pool', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const dbPath = join(t.dir, 'book.db');
    const setup = await book(dbPath);
    const id = await setup.customer('Long Ago Ltd', 'Lily');
    await setup.e.engine.close();
    opened.splice(0);
    const later = () => new Date(T0 + 100 * DAY);
    const start = () =>
      createEngine({ dbPath, mode: 'in-process', appVersion: 'test', now: later, poolRules: { schedule: true, firstDelayMs: 1 } });
    const sqliteOwner = (e: Awaited<ReturnType<typeof start>>) =>
      (e.database.sqlite.prepare(`SELECT owner FROM customers WHERE id = ?`).get(id) as { owner: string }).owner;

    let e = await start();
    await new Promise((r) => setTimeout(r, 200));
    expect(sqliteOwner(e)).toBe('Lily');
    await e.call('pool.saveRules', {
      returnAfterFollowupDays: 30,
      returnAfterOrderDays: 180,
      cap: null,
      wonOutsideCap: true,
      coolingDays: 7,
    });
    await e.close();

    const events: unknown[] = [];
    e = await createEngine({
      dbPath,
      mode: 'in-process',
      appVersion: 'test',
      now: later,
      emit: (ev) => events.push(ev),
      poolRules: { schedule: true, firstDelayMs: 1 },
    });
    for (let i = 0; i < 50 && sqliteOwner(e) !== ''; i++) await new Promise((r) => setTimeout(r, 20));
    expect(sqliteOwner(e)).toBe('');
    expect(events).toContainEqual({ type: 'data.changed', tables: ['customers', 'pool'] });
    await e.close();
  });
});
