import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerDatabase } from '../../src/server/db/schema';
import type { CollisionRequest, CollisionRequestInput } from '../../src/shared/team/collisions';
import { migratedDatabase, startTestPostgres, startTestServer, type Reply, type TestPostgres, type TestServer } from './helpers';
import { device, member, newGid, pullAll, push, row, type Device } from './sync-helpers';

/**
 * The two actions on a collision (撞单, #20): ask the owner of a colleague's customer to share it,
 * or pass them a lead for it. The owner (or a manager) answers; a share brings the customer to the
 * asker's next pull.
 */
let pgServer: TestPostgres;
let db: Kysely<ServerDatabase>;
let api: TestServer;
let alice: Device;
let bob: Device;
let carol: Device;
let boss: Device;
let harbor = '';
let lagoon = '';
let pool = '';
let contact = '';

beforeAll(async () => {
  pgServer = await startTestPostgres();
  let url: string;
  ({ db, url } = await migratedDatabase(pgServer));
  api = await startTestServer(db, undefined, url);
  const a = await member(db, 'Alice Chen');
  const b = await member(db, 'Bob Li');
  const c = await member(db, 'Carol Wu');
  const m = await member(db, 'Mia Boss', 'manager');
  alice = await device(api, a.login, a.id);
  bob = await device(api, b.login, b.id);
  carol = await device(api, c.login, c.id);
  boss = await device(api, m.login, m.id);
  harbor = newGid();
  lagoon = newGid();
  pool = newGid();
  contact = newGid();
  const r = await push(api, alice, [
    ...row(alice, 'customers', harbor, { company: 'Harbor Lights LLC', company_key: 'harbor lights', country: 'AE', owner: 'Alice Chen' }),
    ...row(alice, 'contacts', contact, { customer_id: harbor, name: 'Omar', email: 'omar@harbor-lights.example' }),
    ...row(alice, 'customers', lagoon, { company: 'Lagoon Trading', company_key: 'lagoon trading', country: 'AE', owner: 'Alice Chen' }),
    ...row(alice, 'customers', pool, { company: 'Pool Partners', company_key: 'pool partners', country: 'DE', owner: '' }),
  ]);
  expect(r.results.every((x) => x.status === 'applied')).toBe(true);
  for (const d of [alice, bob, carol, boss]) await pullAll(api, d);
});

afterAll(async () => {
  await api?.close();
  await db?.destroy();
  await pgServer?.stop();
});

async function ask(d: Device, body: CollisionRequestInput): Promise<Reply> {
  return api.call('POST', '/v1/collisions/requests', { token: d.token, body });
}

async function asked(d: Device, body: CollisionRequestInput): Promise<CollisionRequest> {
  const r = await ask(d, body);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return (r.body.value as { request: CollisionRequest }).request;
}

async function answer(d: Device, id: string, value: string): Promise<Reply> {
  return api.call('POST', `/v1/collisions/requests/${id}/answer`, { token: d.token, body: { answer: value } });
}

async function requests(d: Device): Promise<CollisionRequest[]> {
  const r = await api.call('GET', '/v1/collisions/reports', { token: d.token });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return (r.body.value as { requests: CollisionRequest[] }).requests;
}

const code = (r: Reply) => (r.body as { error?: { code: string } }).error?.code;

describe('collision requests', () => {
  it('ask to share: the owner sees it and shares read-only; the asker’s next pull brings the customer and its rows', async () => {
    const request = await asked(bob, { gid: harbor, kind: 'share' });
    expect(request).toMatchObject({
      gid: harbor,
      kind: 'share',
      by: 'Bob Li',
      byId: bob.userId,
      owner: 'Alice Chen',
      ownerId: alice.userId,
      visible: false,
      company: null,
      lead: null,
      answer: null,
      answeredAt: null,
    });
    // Asking again while it is open answers the open one.
    expect((await asked(bob, { gid: harbor, kind: 'share' })).id).toBe(request.id);

    const forAlice = await requests(alice);
    expect(forAlice.map((r) => r.id)).toEqual([request.id]);
    expect(forAlice[0]).toMatchObject({ visible: true, company: 'Harbor Lights LLC', by: 'Bob Li' });
    expect((await requests(boss)).map((r) => r.id)).toEqual([request.id]);

    // Carol, neither the owner nor a manager, neither sees nor answers it; nor does Bob answer his own.
    expect(await requests(carol)).toEqual([]);
    const refused = await answer(carol, request.id, 'shared_write');
    expect(refused.status).toBe(403);
    expect(code(refused)).toBe('FORBIDDEN');
    expect(code(await answer(bob, request.id, 'shared_write'))).toBe('FORBIDDEN');
    // A share request is not "added".
    expect(code(await answer(alice, request.id, 'added'))).toBe('INVALID_INPUT');

    expect((await pullAll(api, bob)).gids.has(harbor)).toBe(false);
    const done = await answer(alice, request.id, 'shared_read');
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect((done.body.value as { request: CollisionRequest }).request).toMatchObject({
      answer: 'shared_read',
      answeredBy: 'Alice Chen',
      answeredAt: expect.any(String),
    });
    expect(code(await answer(alice, request.id, 'declined'))).toBe('CONFLICT');

    const pulled = await pullAll(api, bob);
    expect(pulled.gids.has(harbor)).toBe(true);
    expect(pulled.gids.has(contact)).toBe(true);
    expect(pulled.gids.has(lagoon)).toBe(false);
    const shares = await api.call('GET', `/v1/customers/${harbor}/shares`, { token: boss.token });
    expect((shares.body.value as { shares: unknown[] }).shares).toEqual([{ customerGid: harbor, userId: bob.userId, canWrite: false }]);
    // Bob now sees the company in his list; asking to share again is refused (it is shared).
    expect((await requests(bob))[0]).toMatchObject({ id: request.id, visible: true, company: 'Harbor Lights LLC', answer: 'shared_read' });
    expect(code(await ask(bob, { gid: harbor, kind: 'share' }))).toBe('CONFLICT');
    // Read-only: his write is refused.
    const write = await push(api, bob, row(bob, 'customers', harbor, { notes: 'mine now?' }));
    expect(write.results[0]).toMatchObject({ status: 'rejected', code: 'FORBIDDEN' });
  });

  it('a lead request carries its fields to the owner, who adds it; others do not see it', async () => {
    const lead = {
      company: 'Lagoon Trading',
      name: 'Fatima',
      email: 'Fatima@Lagoon.example',
      phone: '+971 4 555 0199',
      whatsapp: '',
      note: 'Wants LED panels, 2,000 pcs',
      fair: 'Canton Fair',
    };
    const request = await asked(carol, { gid: lagoon, kind: 'lead', lead });
    expect(request).toMatchObject({ kind: 'lead', owner: 'Alice Chen', visible: false, company: null });
    const forAlice = (await requests(alice)).find((r) => r.id === request.id);
    expect(forAlice?.lead).toEqual({ ...lead, email: 'fatima@lagoon.example' });
    expect(forAlice).toMatchObject({ company: 'Lagoon Trading', by: 'Carol Wu' });
    expect((await requests(bob)).some((r) => r.id === request.id)).toBe(false);
    expect(code(await answer(bob, request.id, 'declined'))).toBe('FORBIDDEN');

    const done = await answer(alice, request.id, 'added');
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const forCarol = (await requests(carol)).find((r) => r.id === request.id);
    expect(forCarol).toMatchObject({ answer: 'added', answeredBy: 'Alice Chen', visible: false, company: null });
    // Adding a lead shares nothing.
    expect((await pullAll(api, carol)).gids.has(lagoon)).toBe(false);

    // A manager may answer too; a second lead for the same customer is a request of its own.
    const again = await asked(carol, { gid: lagoon, kind: 'lead', lead: { ...lead, name: 'Yusuf' } });
    expect(again.id).not.toBe(request.id);
    expect((await answer(boss, again.id, 'declined')).status).toBe(200);
    expect((await requests(carol)).find((r) => r.id === again.id)).toMatchObject({ answer: 'declined', answeredBy: 'Mia Boss' });
  });

  it('refuses the pool, one’s own customer, an unknown one, a lead without its fields', async () => {
    const inPool = await ask(bob, { gid: pool, kind: 'share' });
    expect(inPool.status).toBe(409);
    expect(code(inPool)).toBe('CONFLICT');
    expect(code(await ask(bob, { gid: pool, kind: 'lead', lead: { company: 'Pool Partners' } as never }))).toBe('CONFLICT');
    expect(code(await ask(alice, { gid: lagoon, kind: 'share' }))).toBe('CONFLICT');
    expect(code(await ask(alice, { gid: lagoon, kind: 'lead', lead: { company: 'x' } as never }))).toBe('CONFLICT');
    const unknown = await ask(bob, { gid: newGid(), kind: 'share' });
    expect(unknown.status).toBe(404);
    expect(code(unknown)).toBe('NOT_FOUND');
    expect(code(await ask(bob, { gid: lagoon, kind: 'lead' }))).toBe('INVALID_INPUT');
    expect(code(await answer(alice, newGid(), 'declined'))).toBe('NOT_FOUND');
    // Managers see everything: nothing to ask.
    expect(code(await ask(boss, { gid: lagoon, kind: 'share' }))).toBe('CONFLICT');
  });

  it('a writable share lets the asker write the customer', async () => {
    const request = await asked(carol, { gid: lagoon, kind: 'share' });
    expect((await answer(alice, request.id, 'shared_write')).status).toBe(200);
    expect((await pullAll(api, carol)).gids.has(lagoon)).toBe(true);
    const write = await push(api, carol, row(carol, 'customers', lagoon, { notes: 'met at the fair' }));
    expect(write.results[0]).toMatchObject({ status: 'applied' });
  });
});
