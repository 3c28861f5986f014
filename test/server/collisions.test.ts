import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerDatabase } from '../../src/server/db/schema';
import type { CollisionMatch, CollisionQuery, CollisionReport } from '../../src/shared/team/collisions';
import { migratedDatabase, startTestPostgres, startTestServer, type TestPostgres, type TestServer } from './helpers';
import { device, member, newGid, push, row, type Device } from './sync-helpers';

/**
 * The collision check (查重/撞单, #20): the import's keys against the whole team's book, including
 * colleagues' private customers the asking salesperson cannot see — which are answered by owner and
 * since when only.
 */
let pgServer: TestPostgres;
let db: Kysely<ServerDatabase>;
let api: TestServer;
let alice: Device;
let bob: Device;
let boss: Device;
let harbor = '';

beforeAll(async () => {
  pgServer = await startTestPostgres();
  let url: string;
  ({ db, url } = await migratedDatabase(pgServer));
  api = await startTestServer(db, undefined, url);
  const a = await member(db, 'Alice Chen');
  const b = await member(db, 'Bob Li');
  const m = await member(db, 'Mia Boss', 'manager');
  alice = await device(api, a.login, a.id);
  bob = await device(api, b.login, b.id);
  boss = await device(api, m.login, m.id);
  harbor = newGid();
  const r = await push(api, alice, [
    ...row(alice, 'customers', harbor, {
      company: 'Harbor Lights LLC',
      company_key: 'harbor lights',
      country: 'AE',
      website: 'https://www.harbor-lights.example',
      website_domain: 'harbor-lights.example',
      owner: 'Alice Chen',
    }),
    ...row(alice, 'contacts', newGid(), {
      customer_id: harbor,
      name: 'Omar',
      email: 'Omar@Harbor-Lights.example',
      phone: '+971 4 555 0101',
    }),
  ]);
  expect(r.results.every((x) => x.status === 'applied')).toBe(true);
});

afterAll(async () => {
  await api?.close();
  await db?.destroy();
  await pgServer?.stop();
});

async function check(d: Device, query: CollisionQuery): Promise<CollisionMatch[]> {
  const r = await api.call('POST', '/v1/collisions', { token: d.token, body: query });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return (r.body.value as { matches: CollisionMatch[] }).matches;
}

describe('collision check', () => {
  it('finds a colleague’s private customer by e-mail, domain, company and country, or phone, naming only its owner', async () => {
    const byEmail = await check(bob, { emails: ['omar@harbor-lights.example'] });
    expect(byEmail).toEqual([
      { gid: harbor, by: ['email'], owner: 'Alice Chen', ownerId: alice.userId, since: expect.any(String), visible: false, company: null },
    ]);
    expect((await check(bob, { domains: ['harbor-lights.example'] }))[0]).toMatchObject({ gid: harbor, by: ['domain'] });
    expect((await check(bob, { companyKey: 'harbor lights', country: 'AE' }))[0]).toMatchObject({ gid: harbor, by: ['company'] });
    expect(await check(bob, { companyKey: 'harbor lights', country: 'DE' })).toEqual([]);
    expect((await check(bob, { phoneKeys: ['145550101'] }))[0]).toMatchObject({ gid: harbor, by: ['phone'] });
    const all = await check(bob, {
      emails: ['omar@harbor-lights.example'],
      companyKey: 'harbor lights',
      country: 'AE',
      phoneKeys: ['145550101'],
    });
    expect(all).toHaveLength(1);
    expect(all[0]!.by).toEqual(['email', 'company', 'phone']);
  });

  it('the owner and a manager see the company; nothing matches a new buyer; the customer being edited is left out', async () => {
    expect((await check(boss, { emails: ['omar@harbor-lights.example'] }))[0]).toMatchObject({
      visible: true,
      company: 'Harbor Lights LLC',
    });
    expect((await check(alice, { domains: ['harbor-lights.example'] }))[0]).toMatchObject({ visible: true, company: 'Harbor Lights LLC' });
    expect(
      await check(bob, { emails: ['someone@new-buyer.example'], domains: ['new-buyer.example'], companyKey: 'new buyer', country: 'AE' }),
    ).toEqual([]);
    expect(await check(alice, { domains: ['harbor-lights.example'], exceptGid: harbor })).toEqual([]);
  });

  it('refuses a malformed query', async () => {
    const r = await api.call('POST', '/v1/collisions', { token: bob.token, body: { phoneKeys: ['12'] } });
    expect(r.status).toBe(400);
  });
});

async function reports(d: Device): Promise<CollisionReport[]> {
  const r = await api.call('GET', '/v1/collisions/reports', { token: d.token });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return (r.body.value as { reports: CollisionReport[] }).reports;
}

describe('collisions found at sync', () => {
  it('a lead another salesperson pushes for Alice’s buyer is reported once, to both of them and the manager, not to others', async () => {
    const carol = await member(db, 'Carol Wu');
    const carolDevice = await device(api, carol.login, carol.id);
    // Bob captured it offline at a fair: the same e-mail domain and phone, another spelling of the company.
    const lead = newGid();
    const r = await push(api, bob, [
      ...row(bob, 'customers', lead, { company: 'Harbour Lights', company_key: 'harbour lights', country: 'AE', owner: 'Bob Li' }),
      ...row(bob, 'contacts', newGid(), {
        customer_id: lead,
        name: 'Omar',
        email: 'sales@harbor-lights.example',
        phone: '+971-4-555-0101',
      }),
    ]);
    expect(r.results.every((x) => x.status === 'applied')).toBe(true);

    const forBob = await reports(bob);
    expect(forBob).toHaveLength(1);
    expect(forBob[0]).toMatchObject({
      by: ['domain', 'phone'],
      customer: { gid: lead, owner: 'Bob Li', ownerId: bob.userId, visible: true, company: 'Harbour Lights' },
      // Alice's customer stays private: her name, no company.
      other: { gid: harbor, owner: 'Alice Chen', ownerId: alice.userId, visible: false, company: null },
      handledAt: null,
      handledBy: null,
    });
    const forAlice = await reports(alice);
    expect(forAlice.map((x) => x.id)).toEqual([forBob[0]!.id]);
    expect(forAlice[0]!.other).toMatchObject({ visible: true, company: 'Harbor Lights LLC' });
    expect(forAlice[0]!.customer).toMatchObject({ visible: false, company: null });
    expect((await reports(boss)).map((x) => x.id)).toEqual([forBob[0]!.id]);
    expect(await reports(carolDevice)).toEqual([]);

    // Pushing the lead again (a new note) does not report the pair twice.
    await push(api, bob, row(bob, 'customers', lead, { company_key: 'harbour lights', country: 'AE', notes: 'met at the fair' }));
    expect(await reports(bob)).toHaveLength(1);

    // Carol cannot mark it handled (she does not see it); Alice can, and everyone sees who did.
    const refused = await api.call('POST', `/v1/collisions/reports/${forBob[0]!.id}/handled`, { token: carolDevice.token, body: {} });
    expect(refused.status).toBe(404);
    const done = await api.call('POST', `/v1/collisions/reports/${forBob[0]!.id}/handled`, { token: alice.token, body: {} });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect((await reports(bob))[0]).toMatchObject({ handledBy: 'Alice Chen', handledAt: expect.any(String) });
  });

  it('a shared webmail domain is no collision, and customers of the same owner or in the pool are not reported', async () => {
    const before = (await reports(boss)).length;
    const a = newGid();
    const b = newGid();
    const c = newGid();
    await push(api, alice, [
      ...row(alice, 'customers', a, { company: 'Sole Trader A', company_key: 'sole trader a', country: 'GB', owner: 'Alice Chen' }),
      ...row(alice, 'contacts', newGid(), { customer_id: a, email: 'a.trader@yahoo.co.uk' }),
      ...row(alice, 'customers', c, { company: 'Mini Shop', company_key: 'mini shop', country: 'GB', owner: 'Alice Chen' }),
      ...row(alice, 'contacts', newGid(), { customer_id: c, email: 'shop@mini-shop.example' }),
    ]);
    await push(api, bob, [
      ...row(bob, 'customers', b, { company: 'Sole Trader B', company_key: 'sole trader b', country: 'GB', owner: 'Bob Li' }),
      ...row(bob, 'contacts', newGid(), { customer_id: b, email: 'b.trader@yahoo.co.uk' }),
      // The same e-mail domain as Alice's Mini Shop, but in the pool: nobody chases it.
      ...row(bob, 'customers', newGid(), { company: 'Mini Shop Ltd', company_key: 'mini shop', country: 'GB', owner: '' }),
    ]);
    expect(await reports(boss)).toHaveLength(before);
  });
});
