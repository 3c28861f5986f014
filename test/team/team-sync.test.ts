import { sql, type Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ServerDatabase } from '../../src/server/db/schema';
import type { TeamSyncOptions } from '../../src/main/services/team/team-sync';
import { migratedDatabase, startTestPostgres, startTestServer, type TestPostgres, type TestServer } from '../server/helpers';
import { device } from '../server/sync-helpers';
import { syncWallClock } from '../../src/main/sync/clock';
import {
  bookRows,
  closeLaptops,
  count,
  diff,
  laptop,
  member,
  PASSWORD,
  relay,
  serverCount,
  serverView,
  waitFor,
  type Laptop,
  type Relay,
} from './helpers';

/**
 * The laptop's team client against a real team server (embedded PostgreSQL, HTTPS on loopback):
 * laptops are in-process engines with their own SQLite files (separate processes come with the
 * fault suite).
 */
let pgServer: TestPostgres;
let db: Kysely<ServerDatabase>;
let api: TestServer;
let users = 0;
const FP_OF = (fp: string) => fp.replace(/:/g, '').toLowerCase();
let FP = '';

beforeAll(async () => {
  pgServer = await startTestPostgres();
  let url: string;
  ({ db, url } = await migratedDatabase(pgServer));
  api = await startTestServer(db, undefined, url);
  FP = FP_OF(api.fingerprint);
});

afterEach(async () => {
  await closeLaptops();
});

afterAll(async () => {
  await api?.close();
  await db?.destroy();
  await pgServer?.stop();
});

type Role = 'salesperson' | 'manager' | 'admin';

/** A team member, named so a customer's Owner field can name them. */
async function person(name: string, role: Role = 'salesperson') {
  const u = await member(db, `${name} ${++users}`, role);
  return { ...u, role };
}

const creds = (u: { login: string }, server = api.url, deviceName = 'laptop') => ({
  server,
  login: u.login,
  password: PASSWORD,
  fingerprint: api.fingerprint,
  deviceName,
});

async function joined(
  name: string,
  u: { login: string },
  options: { background?: boolean; server?: string; team?: TeamSyncOptions } = {},
): Promise<Laptop> {
  const l = await laptop(name, { background: options.background ?? false, ...options.team });
  await l.call('team.join', creds(u, options.server));
  return l;
}

async function expectSameAsServer(l: Laptop, u: { id: string; role: Role }) {
  const mine = bookRows(l);
  const theirs = await serverView(db, u);
  expect(diff(mine, theirs), `${l.name} differs from the server's view`).toEqual([]);
}

async function customerId(l: Laptop, company: string): Promise<number> {
  const r = l.sqlite().prepare('SELECT id FROM customers WHERE company = ?').get(company) as { id: number } | undefined;
  if (!r) throw new Error(`${l.name} has no ${company}`);
  return r.id;
}

async function update(l: Laptop, company: string, patch: Record<string, unknown>) {
  const id = await customerId(l, company);
  const c = await l.call('customers.get', { id });
  return l.call('customers.update', { id, version: c.version, patch } as never);
}

describe('joining', () => {
  it('uploads a book, downloads it to an empty laptop (with progress), and a salesperson never gets another’s private customer', async () => {
    const alice = await person('Alice');
    const bob = await person('Bob');
    const boss = await person('Mia', 'manager');
    const a = await laptop('a');
    await a.call('customers.create', {
      company: 'Public Trading',
      country: 'DE',
      contacts: [{ name: 'Hans', email: 'hans@public.example' }],
      tags: ['fair'],
    });
    await a.call('customers.create', { company: 'Alice Private', country: 'FR', owner: alice.name, contacts: [{ name: 'Zoe' }] });
    expect(await a.call('team.preview', creds(alice))).toEqual({ customers: 2, matched: 0, rows: 4 });
    const st = await a.call('team.join', creds(alice));
    expect(st).toMatchObject({ state: 'synced', waiting: 0, user: { login: alice.login }, fingerprint: FP });
    await expectSameAsServer(a, alice);
    expect(await serverCount(db, 'customers')).toBeGreaterThanOrEqual(2);

    const b = await laptop('b');
    expect(await b.call('team.preview', creds(bob))).toEqual({ customers: 0, matched: 0, rows: 0 });
    await b.call('team.join', creds(bob));
    await expectSameAsServer(b, bob);
    const bobsCompanies = (b.sqlite().prepare('SELECT company FROM customers').all() as { company: string }[]).map((r) => r.company);
    expect(bobsCompanies).toContain('Public Trading');
    expect(bobsCompanies).not.toContain('Alice Private');
    expect(b.events.some((e) => e.type === 'job.progress' && e.phase === 'download')).toBe(true);
    expect(b.events.some((e) => e.type === 'data.changed' && e.tables.includes('customers'))).toBe(true);
    expect(b.events.some((e) => e.type === 'team.status' && e.status.state === 'syncing')).toBe(true);

    const m = await joined('m', boss);
    await expectSameAsServer(m, boss);
    expect(count(m, 'customers')).toBeGreaterThanOrEqual(2);
  });

  it('a laptop with its own book: matching customers merged into the team’s (no duplicates, nothing lost), the preview’s counts are what happens', async () => {
    const alice = await person('Alice');
    const cara = await person('Cara');
    const a = await laptop('a');
    await a.call('customers.create', {
      company: 'Shared Buyer GmbH',
      country: 'DE',
      city: 'Hamburg',
      contacts: [{ name: 'Uwe', email: 'uwe@sharedbuyer.example' }],
    });
    await a.call('customers.create', { company: 'Nordlicht AG', country: 'DE', contacts: [{ name: 'Ina', phone: '+49 40 1234567' }] });
    await a.call('team.join', creds(alice));
    const teamCustomers = await serverCount(db, 'customers');

    const c = await laptop('c');
    // The same buyer by e-mail (another city, another contact), the same company by name and country, and a new one.
    await c.call('customers.create', {
      company: 'Shared Buyer',
      country: 'DE',
      city: 'Bremen',
      notes: 'met at the fair',
      contacts: [
        { name: 'Uwe S.', email: 'uwe@sharedbuyer.example' },
        { name: 'Petra', email: 'petra@sharedbuyer.example' },
      ],
      tags: ['vip'],
    });
    await c.call('customers.create', { company: 'NORDLICHT AG', country: 'DE', contacts: [{ name: 'Ina', phone: '040 1234567' }] });
    await c.call('customers.create', {
      company: 'Brand New Ltd',
      country: 'GB',
      contacts: [{ name: 'Tom', email: 'tom@brandnew.example' }],
    });
    const preview = await c.call('team.preview', creds(cara));
    expect(preview).toMatchObject({ customers: 3, matched: 2 });
    await c.call('team.join', creds(cara));
    // Uploaded as new: the one new customer (+1 on the server), contacts Petra, Ina, Tom, two merge history entries.
    expect(await serverCount(db, 'customers')).toBe(teamCustomers + 1);
    const waitingBefore = await c.status();
    expect(waitingBefore.waiting).toBe(0);
    await expectSameAsServer(c, cara);
    const companies = (c.sqlite().prepare('SELECT company FROM customers ORDER BY company').all() as { company: string }[]).map(
      (r) => r.company,
    );
    expect(companies.filter((x) => /shared buyer/i.test(x))).toEqual(['Shared Buyer GmbH']);
    expect(companies.filter((x) => /nordlicht/i.test(x))).toEqual(['Nordlicht AG']);
    // Nothing lost: Petra moved to the team's customer, the notes and the tag came along, the other city is a conflict.
    const shared = await c.call('customers.get', { id: await customerId(c, 'Shared Buyer GmbH') });
    expect(shared.contacts.map((k) => k.email).sort()).toEqual(['petra@sharedbuyer.example', 'uwe@sharedbuyer.example']);
    expect(shared.notes).toContain('met at the fair');
    expect(shared.tags).toContain('vip');
    const conflicts = await c.call('team.conflicts', {});
    expect(conflicts.find((x) => x.field === 'city')).toMatchObject({ mine: 'Bremen', theirs: 'Hamburg', kept: 'theirs' });
    // The rows the preview counted went up: each new row is on the server.
    const uploaded = (await serverView(db, cara)).size - (await serverView(db, alice)).size;
    expect(uploaded).toBeGreaterThanOrEqual(0);
    expect(preview.rows).toBe(1 + 3 + 2); // Brand New Ltd; Petra, Ina (no e-mail), Tom; two customer_merged activities
    // Alice gets the merged state.
    await a.call('team.sync', {});
    await expectSameAsServer(a, alice);
  });

  it('refuses a certificate with another fingerprint before sending anything', async () => {
    const u = await person('Eve');
    const l = await laptop('e');
    const wrong = { ...creds(u), fingerprint: 'ab'.repeat(32) };
    expect(await l.fails('team.join', wrong)).toBe('TEAM_FINGERPRINT_MISMATCH');
    expect(await l.fails('team.preview', wrong)).toBe('TEAM_FINGERPRINT_MISMATCH');
    expect((await l.status()).state).toBe('off');
    const devices = await db.selectFrom('devices').select('id').where('user_id', '=', u.id).execute();
    expect(devices).toEqual([]);
    // A joined laptop whose server later shows another certificate: the sync stops with the problem, nothing pushed.
    await l.call('team.join', creds(u));
    await l.call('customers.create', { company: 'Not Sent', country: 'IT' });
    l.sqlite().prepare(`UPDATE sync_state SET team_fingerprint = ?`).run('cd'.repeat(32));
    expect(await l.fails('team.sync', {})).toBe('TEAM_FINGERPRINT_MISMATCH');
    expect(await l.status()).toMatchObject({ state: 'error', problem: { code: 'FINGERPRINT_MISMATCH' } });
    expect((await l.status()).waiting).toBeGreaterThan(0);
    const probe = await l.call('team.probe', { server: api.url });
    expect(probe.fingerprint).toBe(FP);
  });
});

describe('syncing', () => {
  it('edits on two laptops while one is cut off: offline, then reconnected, both converge to the server’s view', async () => {
    const alice = await person('Alice');
    const bob = await person('Bob');
    const net: Relay = await relay(api.url);
    try {
      const a = await joined('a', alice, { background: true, server: net.url });
      await a.call('customers.create', {
        company: 'Partition Co',
        country: 'ES',
        contacts: [{ name: 'Ana', email: 'ana@partition.example' }],
      });
      const b = await joined('b', bob, { background: true, server: net.url });
      await waitFor('b has Partition Co', () => count(b, 'customers') >= 1 && bookRows(b).size > 0);
      await waitFor('a synced', async () => (await a.status()).state === 'synced');

      await net.cut();
      await update(a, 'Partition Co', { city: 'Madrid' });
      await update(b, 'Partition Co', { notes: 'back from the fair' });
      await b.call('customers.create', {
        company: 'Fair Lead SL',
        country: 'ES',
        contacts: [{ name: 'Luis', email: 'luis@fairlead.example' }],
      });
      await waitFor('b offline', async () => (await b.status()).state === 'offline');
      const offline = await b.status();
      expect(offline.offlineSince).not.toBeNull();
      expect(offline.waiting).toBeGreaterThan(0);
      expect(b.events.some((e) => e.type === 'team.status' && e.status.state === 'offline')).toBe(true);

      await net.restore();
      await waitFor(
        'convergence',
        async () => {
          const [sa, sb] = [await a.status(), await b.status()];
          if (sa.waiting > 0 || sb.waiting > 0) return false;
          const view = await serverView(db, bob);
          return diff(bookRows(b), view).length === 0 && diff(bookRows(a), await serverView(db, alice)).length === 0;
        },
        30_000,
      );
      const p = await a.call('customers.get', { id: await customerId(a, 'Partition Co') });
      expect(p).toMatchObject({ city: 'Madrid', notes: 'back from the fair' });
      expect((a.sqlite().prepare(`SELECT count(*) AS n FROM customers WHERE company = 'Fair Lead SL'`).get() as { n: number }).n).toBe(1);
      expect(await b.status()).toMatchObject({ state: 'synced', offlineSince: null, conflicts: 0 });
    } finally {
      await closeLaptops();
      await net.close();
    }
  });

  it('a pull of many pages brings every row whole that a page skipped because it was written again meanwhile', async () => {
    const boss = await person('Ina', 'manager');
    const a = await joined('a', boss);
    const create = (company: string) => a.call('customers.create', { company, country: 'IT', contacts: [{ name: `Ref ${company}` }] });
    for (let i = 0; i < 12; i++) await create(`Paged ${i}`);
    await a.call('team.sync', {});
    for (let i = 0; i < 6; i++) await update(a, `Paged ${i}`, { city: `Milano ${i}` });
    await a.call('team.sync', {});
    // B downloads five rows a page: the first six customers now sit at the end of the seqs.
    const b = await laptop('b', { pageRows: 5 });
    await b.call('team.join', creds(boss));
    await expectSameAsServer(b, boss);
    expect(b.sqlite().prepare(`SELECT country, city FROM customers WHERE company = 'Paged 0'`).get()).toEqual({
      country: 'IT',
      city: 'Milano 0',
    });
    // Then A writes old and new customers, some twice; B pulls the changes five rows a page.
    for (let i = 0; i < 3; i++) await update(a, `Paged ${i}`, { notes: `second visit ${i}` });
    for (let i = 12; i < 16; i++) await create(`Paged ${i}`);
    await a.call('team.sync', {});
    for (const i of [12, 13]) await update(a, `Paged ${i}`, { city: `Torino ${i}` });
    await a.call('team.sync', {});
    await b.call('team.sync', {});
    await expectSameAsServer(b, boss);
    expect(b.sqlite().prepare(`SELECT country, city FROM customers WHERE company = 'Paged 12'`).get()).toEqual({
      country: 'IT',
      city: 'Torino 12',
    });
  });

  it('back on the network, a laptop syncs within seconds however long its backoff: the server’s port is tried meanwhile', async () => {
    const carl = await person('Carl');
    const net: Relay = await relay(api.url);
    try {
      // A backoff of 30 s or more: without the probe, the first retry after the cut comes 30 s later.
      const c = await joined('c', carl, {
        background: true,
        server: net.url,
        team: { backoffMs: { min: 30_000, max: 60_000 }, probeMs: 200 },
      });
      await waitFor('c synced', async () => (await c.status()).state === 'synced');
      await net.cut();
      await c.call('customers.create', { company: 'Probe Co', country: 'DE', contacts: [{ name: 'Pia', email: 'pia@probe.example' }] });
      await waitFor('c offline', async () => (await c.status()).state === 'offline');
      // Cut for a while: the probes are refused and change nothing.
      await new Promise((r) => setTimeout(r, 1_000));
      expect(await c.status()).toMatchObject({ state: 'offline' });
      await net.restore();
      await waitFor(
        'c synced again, well before its 30 s backoff',
        async () => {
          const s = await c.status();
          return s.state === 'synced' && s.waiting === 0;
        },
        8_000,
      );
      await expectSameAsServer(c, carl);
    } finally {
      await closeLaptops();
      await net.close();
    }
  });

  it('the same field edited on two laptops: exactly one conflict on each, keep mine / keep theirs', async () => {
    const alice = await person('Alice');
    const bob = await person('Bob');
    const a = await joined('a', alice);
    await a.call('customers.create', { company: 'Collide Ltd', country: 'GB', city: 'Leeds' });
    await a.call('team.sync', {});
    const b = await joined('b', bob);
    await update(a, 'Collide Ltd', { city: 'York' });
    await new Promise((r) => setTimeout(r, 5));
    await update(b, 'Collide Ltd', { city: 'Hull' });
    await a.call('team.sync', {});
    await b.call('team.sync', {});
    await a.call('team.sync', {});
    const [ca, cb] = [await a.call('team.conflicts', {}), await b.call('team.conflicts', {})];
    expect(ca).toHaveLength(1);
    expect(cb).toHaveLength(1);
    // Each says who wrote the other value, by name.
    expect(ca[0]).toMatchObject({
      field: 'city',
      mine: 'York',
      theirs: 'Hull',
      kept: 'theirs',
      company: 'Collide Ltd',
      code: null,
      by: bob.name,
    });
    expect(cb[0]).toMatchObject({ field: 'city', mine: 'Hull', theirs: 'York', kept: 'mine', by: alice.name });
    expect((await a.status()).conflicts).toBe(1);
    // Alice keeps hers: written again, it wins everywhere by its newer clock.
    const resolved = await a.call('team.resolveConflict', { id: ca[0]!.id, keep: 'mine' });
    expect(resolved.resolvedAt).not.toBeNull();
    await a.call('team.sync', {});
    await b.call('team.sync', {});
    for (const l of [a, b]) expect((await l.call('customers.get', { id: await customerId(l, 'Collide Ltd') })).city).toBe('York');
    // Bob keeps theirs (York, which the book now holds anyway): closed.
    await b.call('team.resolveConflict', { id: cb[0]!.id, keep: 'theirs' });
    expect(await b.call('team.conflicts', {})).toHaveLength(0);
    expect(await b.call('team.conflicts', { resolved: true })).toHaveLength(1);
    await expectSameAsServer(a, alice);
    await expectSameAsServer(b, bob);
  });

  it('an edit that loses to an earlier-pushed later edit: put back at once, listed once, with who wrote the other', async () => {
    const alice = await person('Alice');
    const bob = await person('Bob');
    const a = await joined('a', alice);
    await a.call('customers.create', { company: 'Late Push Ltd', country: 'GB', city: 'Leeds' });
    await a.call('team.sync', {});
    const b = await joined('b', bob);
    await update(b, 'Late Push Ltd', { city: 'Hull' });
    await new Promise((r) => setTimeout(r, 5));
    await update(a, 'Late Push Ltd', { city: 'York' });
    await a.call('team.sync', {});
    // Bob's push comes second with the earlier clock: it loses, and his laptop shows York at once.
    await b.call('team.sync', {});
    expect((await b.call('customers.get', { id: await customerId(b, 'Late Push Ltd') })).city).toBe('York');
    await b.call('team.sync', {});
    const cb = await b.call('team.conflicts', {});
    expect(cb).toHaveLength(1);
    expect(cb[0]).toMatchObject({ field: 'city', mine: 'Hull', theirs: 'York', kept: 'theirs', by: alice.name });
    await expectSameAsServer(b, bob);
  });

  it("a laptop whose clock is behind another's: its edit that loses on the server is put back to the server's value and listed, not kept alone", async () => {
    // Alice's clock runs 4 minutes ahead of the server's, Bob's 4 minutes behind: each within the
    // 5 minutes either side accepts, together 8 apart. Bob pulls Alice's edit (its clock, for Bob, 8
    // minutes ahead: clamped to his +5), then edits the field himself. His clock is still before
    // hers, so the server keeps hers; before the fix Bob's laptop kept his value alone for good.
    const alice = await person('Alice');
    const bob = await person('Bob');
    const a = await joined('a', alice);
    await a.call('customers.create', { company: 'Skewed Clocks Ltd', country: 'DE', city: 'Bonn' });
    await a.call('team.sync', {});
    const b = await joined('b', bob);
    try {
      syncWallClock.now = () => Date.now() + 4 * 60_000;
      await update(a, 'Skewed Clocks Ltd', { city: 'Köln' });
      await a.call('team.sync', {});
      syncWallClock.now = () => Date.now() - 4 * 60_000;
      await b.call('team.sync', {});
      expect((await b.call('customers.get', { id: await customerId(b, 'Skewed Clocks Ltd') })).city).toBe('Köln');
      await update(b, 'Skewed Clocks Ltd', { city: 'Essen' });
      await b.call('team.sync', {});
    } finally {
      syncWallClock.now = () => Date.now();
    }
    await a.call('team.sync', {});
    // One book: the server's value (Alice's, the later clock) on both laptops.
    for (const l of [a, b]) expect((await l.call('customers.get', { id: await customerId(l, 'Skewed Clocks Ltd') })).city).toBe('Köln');
    // Bob's edit is not lost: his conflict list holds it, with Keep mine.
    const cb = await b.call('team.conflicts', {});
    expect(cb).toHaveLength(1);
    expect(cb[0]).toMatchObject({ field: 'city', mine: 'Essen', theirs: 'Köln', kept: 'theirs', company: 'Skewed Clocks Ltd' });
    await b.call('team.resolveConflict', { id: cb[0]!.id, keep: 'mine' });
    await b.call('team.sync', {});
    await a.call('team.sync', {});
    for (const l of [a, b]) expect((await l.call('customers.get', { id: await customerId(l, 'Skewed Clocks Ltd') })).city).toBe('Essen');
    await expectSameAsServer(a, alice);
    await expectSameAsServer(b, bob);
  });

  it('unsharing and reassigning remove the customer from the laptop that may no longer see it, keeping its unsent edits', async () => {
    const alice = await person('Alice');
    const bob = await person('Bob');
    const boss = await person('Mia', 'manager');
    const bossDevice = await device(api, boss.login, boss.id);
    const a = await joined('a', alice);
    await a.call('customers.create', { company: 'Secret Buyer', country: 'JP', owner: alice.name, contacts: [{ name: 'Ken' }] });
    await a.call('customers.create', { company: 'Handed Over', country: 'JP', owner: alice.name });
    await a.call('team.sync', {});
    const b = await joined('b', bob);
    const has = (l: Laptop, company: string) =>
      (l.sqlite().prepare(`SELECT count(*) AS n FROM customers WHERE company = ?`).get(company) as { n: number }).n;
    const secretContacts = (l: Laptop) =>
      (
        l
          .sqlite()
          .prepare(`SELECT count(*) AS n FROM contacts k JOIN customers c ON c.id = k.customer_id WHERE c.company = 'Secret Buyer'`)
          .get() as { n: number }
      ).n;
    expect(has(b, 'Secret Buyer')).toBe(0);
    const gid = (a.sqlite().prepare(`SELECT gid FROM customers WHERE company = 'Secret Buyer'`).get() as { gid: string }).gid;
    const shared = await api.call('POST', `/v1/customers/${gid}/shares`, {
      token: bossDevice.token,
      body: { userId: bob.id, canWrite: true },
    });
    expect(shared.status).toBe(200);
    await b.call('team.sync', {});
    expect(has(b, 'Secret Buyer')).toBe(1);
    expect(secretContacts(b)).toBe(1);
    await expectSameAsServer(b, bob);
    // Bob edits it offline (not synced), then the share ends.
    await update(b, 'Secret Buyer', { notes: 'call Ken on Monday' });
    await api.call('DELETE', `/v1/customers/${gid}/shares/${bob.id}`, { token: bossDevice.token });
    await b.call('team.sync', {});
    expect(has(b, 'Secret Buyer')).toBe(0);
    expect(count(b, 'contacts')).toBe(count(b, 'contacts'));
    const kept = await b.call('team.conflicts', {});
    expect(kept.length).toBeGreaterThanOrEqual(1);
    expect(kept.find((c) => c.field === 'notes' && c.mine === 'call Ken on Monday')).toBeDefined();
    expect((await b.status()).waiting).toBe(0);
    await expectSameAsServer(b, bob);

    // Reassigned to Bob: it leaves Alice's laptop and arrives on Bob's.
    await update(a, 'Handed Over', { owner: bob.name });
    await a.call('team.sync', {});
    await a.call('team.sync', {});
    expect((a.sqlite().prepare(`SELECT count(*) AS n FROM customers WHERE company = 'Handed Over'`).get() as { n: number }).n).toBe(0);
    await b.call('team.sync', {});
    expect((b.sqlite().prepare(`SELECT count(*) AS n FROM customers WHERE company = 'Handed Over'`).get() as { n: number }).n).toBe(1);
    await expectSameAsServer(a, alice);
    await expectSameAsServer(b, bob);
  });

  it('a revoked device gets UNAUTHENTICATED; leaving keeps the book and the unsent changes', async () => {
    const u = await person('Rita');
    const admin = await person('Ada', 'admin');
    const adminDevice = await device(api, admin.login, admin.id);
    const l = await joined('r', u);
    await l.call('customers.create', { company: 'Revoked Ltd', country: 'NL' });
    const deviceId = (l.sqlite().prepare('SELECT team_device_id AS d FROM sync_state').get() as { d: string }).d;
    expect((await api.call('DELETE', `/v1/devices/${deviceId}`, { token: adminDevice.token })).status).toBe(200);
    expect(await l.fails('team.sync', {})).toBe('TEAM_UNAUTHENTICATED');
    expect(await l.status()).toMatchObject({ state: 'error', problem: { code: 'UNAUTHENTICATED' } });
    const left = await l.call('team.leave', {});
    expect(left).toMatchObject({ state: 'off', server: null });
    expect(left.waiting).toBeGreaterThan(0);
    expect((l.sqlite().prepare(`SELECT count(*) AS n FROM customers WHERE company = 'Revoked Ltd'`).get() as { n: number }).n).toBe(1);
    expect(await l.fails('team.sync', {})).toBe('TEAM_NOT_JOINED');
  });

  it('edits made after leaving reach the team when the laptop joins it again; joining another team uploads the whole book', async () => {
    const u = await person('Lea');
    const l = await joined('l', u);
    await l.call('customers.create', { company: 'Away Lighting BV', country: 'NL', owner: u.name, city: 'Delft' });
    await l.call('team.sync', {});
    await l.call('team.leave', {});

    // Outside the team: an edit of a row the server has, and a new customer.
    await update(l, 'Away Lighting BV', { city: 'Rotterdam' });
    await l.call('customers.create', { company: 'Made Alone GmbH', country: 'DE', owner: u.name });
    expect((await l.status()).waiting).toBeGreaterThan(0);

    // Back in the same team: both reach the server, and the download did not put the older city back.
    await l.call('team.join', creds(u));
    expect((await l.call('customers.get', { id: await customerId(l, 'Away Lighting BV') })).city).toBe('Rotterdam');
    await expectSameAsServer(l, u);
    const serverCity = await db
      .selectFrom('sync_rows')
      .select(sql<string>`fields->>'city'`.as('city'))
      .where('tbl', '=', 'customers')
      .where(sql<string>`fields->>'company'`, '=', 'Away Lighting BV')
      .executeTakeFirstOrThrow();
    expect(serverCity.city).toBe('Rotterdam');

    // Another team's server: everything of this book goes up there as new rows.
    await l.call('team.leave', {});
    const pg2 = await migratedDatabase(pgServer);
    const api2 = await startTestServer(pg2.db, undefined, pg2.url);
    try {
      const u2 = await member(pg2.db, 'Lea Elsewhere', 'manager');
      await l.call('team.join', { ...creds(u2, api2.url), fingerprint: api2.fingerprint });
      expect((await l.status()).waiting).toBe(0);
      const companies = await pg2.db
        .selectFrom('sync_rows')
        .select(sql<string>`fields->>'company'`.as('company'))
        .where('tbl', '=', 'customers')
        .execute();
      // Hers and the first team's public customers this book holds: every one of them, once.
      const book = (l.sqlite().prepare('SELECT company FROM customers ORDER BY company').all() as { company: string }[]).map(
        (c) => c.company,
      );
      expect(book).toEqual(expect.arrayContaining(['Away Lighting BV', 'Made Alone GmbH']));
      expect(companies.map((c) => c.company).sort()).toEqual([...book].sort());
    } finally {
      await api2.close();
      await pg2.db.destroy();
    }
  });

  it('prints the first sync’s figures: upload (push ops/s) and download (rows/s)', async () => {
    const boss = await person('Bulk', 'manager');
    const other = await person('Reader', 'manager');
    const up = await laptop('up');
    await up.call('sample.generate', { count: 2000, seed: 7, ordersPerCustomer: 2 });
    const rows = SYNCED_ROWS(up);
    const t0 = performance.now();
    await up.call('team.join', creds(boss));
    const upMs = performance.now() - t0;
    expect((await up.status()).waiting).toBe(0);
    const down = await laptop('down');
    const t1 = performance.now();
    await down.call('team.join', creds(other));
    const downMs = performance.now() - t1;
    expect(count(down, 'customers')).toBeGreaterThanOrEqual(2000);
    await expectSameAsServer(down, other);
    const perS = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString('en');
    console.log(
      `[team] first sync up: ${rows} rows as '*' ops (+ tags) pushed in ${Math.round(upMs)} ms = ${perS(rows, upMs)} ops/s (join end to end)`,
    );
    const got = bookRows(down).size;
    console.log(`[team] first sync down: ${got} rows downloaded and applied in ${Math.round(downMs)} ms = ${perS(got, downMs)} rows/s`);
  });
});

describe('the command line', () => {
  it('team join shows the certificate to compare first; status, sync, conflicts and leave on a joined book', async () => {
    const { runCli } = await import('../../src/cli/index');
    const { tempDir } = await import('../server/helpers');
    const dir = tempDir('cli-team');
    const dbPath = `${dir}/book.db`;
    const run = async (...args: string[]) => {
      let out = '';
      let err = '';
      const code = await runCli(
        [...args, '--db', dbPath],
        (x) => (out += `${x}\n`),
        (x) => (err += `${x}\n`),
      );
      return { code, out, err };
    };
    const shown = await run('team', 'join', api.url);
    expect(shown.code).toBe(2);
    expect(shown.out).toContain(FP);
    expect(JSON.parse((await run('team', 'status', '--json')).out)).toMatchObject({ state: 'off' });
    expect((await run('team', 'sync')).err).toContain('TEAM_NOT_JOINED');
    // Joined through the engine (the password comes from a prompt or stdin on the command line).
    const u = await person('Cli');
    const { createEngine } = await import('../../src/main/engine/engine');
    const e = await createEngine({ dbPath, mode: 'in-process', appVersion: 'test' });
    const joinedNow = await e.call('team.join', { ...creds(u), fingerprint: FP });
    await e.close();
    expect(joinedNow.ok).toBe(true);
    const status = await run('team', 'status');
    expect(status.out).toContain(`synced: ${api.url}`);
    expect((await run('team', 'sync', '--json')).code).toBe(0);
    expect((await run('team', 'conflicts')).code).toBe(0);
    expect((await run('team', 'leave')).out).toContain('not in a team');
  });
});

function SYNCED_ROWS(l: Laptop): number {
  return bookRows(l).size;
}
