import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { idOf, member, relay, teamServerForFile } from './helpers';

/**
 * The collision check (查重/撞单, #20) between laptops and the team server: Bob, a salesperson, types
 * the e-mail of a private customer of Alice's he cannot see; the server tells him who owns it and
 * since when, not its name, and his laptop has no id for it. Server cut off or silent: his laptop
 * answers from its own book, within the check's few seconds.
 */
const team = teamServerForFile();
const joined = team.joined;

/** A TCP front for the server that can go silent: connections are taken and never answered (a captive Wi-Fi at a fair). */
async function stallingFront(target: string): Promise<{ url: string; stall(): void; close(): Promise<void> }> {
  const port = Number(new URL(target).port);
  const sockets = new Set<Socket>();
  let stalled = false;
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on('error', () => client.destroy()).on('close', () => sockets.delete(client));
    if (stalled) return;
    const upstream = connect(port, '127.0.0.1');
    sockets.add(upstream);
    upstream.on('error', () => client.destroy()).on('close', () => sockets.delete(upstream));
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stall() {
      stalled = true;
      for (const s of sockets) s.destroy();
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

describe('collision check across laptops', () => {
  it('a salesperson learns who owns a colleague’s private customer and since when, not its name; the owner sees it whole', async () => {
    const alice = await member(team.db, 'Alice Collide');
    const bob = await member(team.db, 'Bob Collide');
    const a = await joined('a', alice.login);
    await a.call('customers.create', {
      company: 'Harbor Lights LLC',
      country: 'AE',
      owner: 'Alice Collide',
      website: 'https://www.harbor-lights.example',
      contacts: [{ name: 'Omar', email: 'omar.harbor@gmail.com', phone: '+971 4 555 0101' }],
    });
    await a.call('team.sync', {});
    const b = await joined('b', bob.login);
    expect(idOf(b, 'Harbor Lights LLC')).toBeNull();

    const draft = { company: 'New Lead FZE', country: 'AE', contacts: [{ email: 'Omar.Harbor@gmail.com' }] };
    expect(await b.call('team.collisions', draft)).toEqual({
      checked: 'team',
      matches: [
        { by: ['email'], owner: 'Alice Collide', since: expect.any(String), company: null, customerId: null, gid: expect.any(String) },
      ],
    });
    // The web domain and the phone as typed at a booth find it too; the company name within its country.
    expect((await b.call('team.collisions', { website: 'harbor-lights.example/contact' })).matches).toMatchObject([{ by: ['domain'] }]);
    expect((await b.call('team.collisions', { contacts: [{ mobile: '00971 4 555 0101' }] })).matches).toMatchObject([{ by: ['phone'] }]);
    expect((await b.call('team.collisions', { company: 'Harbor Lights', country: 'AE' })).matches).toMatchObject([{ by: ['company'] }]);
    expect(await b.call('team.collisions', { company: 'Harbor Lights', country: 'OM' })).toEqual({ checked: 'team', matches: [] });

    // Alice, who owns it: its name and her laptop's id; editing it, it does not collide with itself.
    const aliceId = idOf(a, 'Harbor Lights LLC');
    expect(await a.call('team.collisions', draft)).toEqual({
      checked: 'team',
      matches: [
        {
          by: ['email'],
          owner: 'Alice Collide',
          since: expect.any(String),
          company: 'Harbor Lights LLC',
          customerId: aliceId,
          gid: expect.any(String),
        },
      ],
    });
    expect(await a.call('team.collisions', { ...draft, exceptCustomerId: aliceId! })).toEqual({ checked: 'team', matches: [] });
  });

  it('a lead captured offline at a fair for a colleague’s customer is listed at the next sync for both and their manager', async () => {
    const alice = await member(team.db, 'Alice Fair');
    const bob = await member(team.db, 'Bob Fair');
    const boss = await member(team.db, 'Mia Fair', 'manager');
    const a = await joined('a', alice.login);
    await a.call('customers.create', {
      company: 'Gulf Lamps Trading LLC',
      country: 'AE',
      owner: 'Alice Fair',
      website: 'https://gulf-lamps.example',
      contacts: [{ name: 'Khalid', email: 'khalid@gulf-lamps.example' }],
    });
    await a.call('team.sync', {});
    const net = await relay(team.api.url);
    try {
      const b = await joined('b', bob.login, net.url);
      await net.cut();
      // At the fair, no network: the check answers from Bob's book (he does not have Alice's customer).
      const lead = { company: 'Gulf Lamps', country: 'AE', email: 'buyer@gulf-lamps.example' };
      expect(await b.call('team.collisions', { company: lead.company, country: lead.country, contacts: [{ email: lead.email }] })).toEqual({
        checked: 'local',
        matches: [],
      });
      await b.call('capture.save', { ...lead, name: 'Khalid', owner: 'Bob Fair', fair: 'Canton Fair', timeZone: 'Asia/Shanghai' });
      expect((await b.call('team.collisionReports', {})).reports).toEqual([]);

      await net.restore();
      await b.call('team.sync', {});
      const forBob = await b.call('team.collisionReports', {});
      expect(forBob.fetchedAt).not.toBeNull();
      expect(forBob.reports).toHaveLength(1);
      expect(forBob.reports[0]).toMatchObject({
        by: ['domain'],
        customer: { owner: 'Bob Fair', company: 'Gulf Lamps', visible: true },
        other: { owner: 'Alice Fair', company: null, visible: false },
        customerId: idOf(b, 'Gulf Lamps'),
        otherId: null,
        handledAt: null,
      });

      await a.call('team.sync', {});
      const forAlice = await a.call('team.collisionReports', {});
      expect(forAlice.reports.map((r) => r.id)).toEqual([forBob.reports[0]!.id]);
      expect(forAlice.reports[0]).toMatchObject({
        other: { company: 'Gulf Lamps Trading LLC' },
        otherId: idOf(a, 'Gulf Lamps Trading LLC'),
      });
      const m = await joined('m', boss.login);
      expect((await m.call('team.collisionReports', {})).reports.map((r) => r.id)).toEqual([forBob.reports[0]!.id]);

      // Alice takes it up with Bob and marks it handled; Bob's list says so at his next sync, and offline it stays.
      expect(await a.call('team.collisionHandled', { id: forBob.reports[0]!.id })).toMatchObject({ handledBy: 'Alice Fair' });
      await b.call('team.sync', {});
      await net.cut();
      expect((await b.call('team.collisionReports', {})).reports[0]).toMatchObject({
        handledBy: 'Alice Fair',
        handledAt: expect.any(String),
      });
      await expect(b.call('team.collisionHandled', { id: forBob.reports[0]!.id })).rejects.toMatchObject({ code: 'TEAM_UNREACHABLE' });
    } finally {
      await net.close();
    }
  });

  it('server cut off: the laptop answers from its own book at once', async () => {
    const bob = await member(team.db, 'Bob Offline');
    const net = await relay(team.api.url);
    try {
      const b = await joined('b', bob.login, net.url);
      await b.call('customers.create', {
        company: 'Dune Traders',
        country: 'AE',
        owner: 'Bob Offline',
        contacts: [{ name: 'Sara', email: 'sara@dune-traders.example' }],
      });
      await b.call('team.sync', {});
      const draft = { contacts: [{ email: 'sara@dune-traders.example' }] };
      expect(await b.call('team.collisions', draft)).toMatchObject({ checked: 'team', matches: [{ by: ['email', 'domain'] }] });

      await net.cut();
      const started = Date.now();
      expect(await b.call('team.collisions', draft)).toEqual({
        checked: 'local',
        matches: [
          {
            by: ['email', 'domain'],
            owner: 'Bob Offline',
            since: expect.any(String),
            company: 'Dune Traders',
            customerId: idOf(b, 'Dune Traders'),
            gid: null,
          },
        ],
      });
      expect(Date.now() - started).toBeLessThan(2_000);

      await net.restore();
      expect(await b.call('team.collisions', draft)).toMatchObject({ checked: 'team' });
    } finally {
      await net.close();
    }
  });

  it('server silent: after ~3 s the laptop answers from its own book', async () => {
    const bob = await member(team.db, 'Bob Stalled');
    const front = await stallingFront(team.api.url);
    try {
      const b = await joined('b', bob.login, front.url);
      front.stall();
      const started = Date.now();
      expect(await b.call('team.collisions', { company: 'Anything Ltd', country: 'GB' })).toEqual({ checked: 'local', matches: [] });
      const took = Date.now() - started;
      expect(took).toBeGreaterThanOrEqual(2_500);
      expect(took).toBeLessThan(6_000);
    } finally {
      await front.close();
    }
  });
});
