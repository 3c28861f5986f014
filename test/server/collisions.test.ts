import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerDatabase } from '../../src/server/db/schema';
import type { CollisionMatch, CollisionQuery } from '../../src/shared/team/collisions';
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
