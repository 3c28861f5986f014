import { describe, expect, it } from 'vitest';
import { idOf, member, relay, teamServerForFile } from './helpers';

/**
 * The two actions on a collision (撞单, #20) between laptops: Bob finds that Alice owns the buyer he
 * is typing, asks her to share it (she shares it read-only, his next sync brings it), and passes
 * her a lead he met for it (her laptop adds it to her customer as quick capture would, then tells
 * the server; Bob's list shows it added).
 */
const team = teamServerForFile();
const joined = team.joined;

describe('collision requests across laptops', () => {
  it('Bob asks Alice to share her customer and passes her a lead for it; she shares it read-only and adds the lead', async () => {
    const alice = await member(team.db, 'Alice Ask');
    const bob = await member(team.db, 'Bob Ask');
    const a = await joined('a', alice.login);
    await a.call('customers.create', {
      company: 'Harbor Lights LLC',
      country: 'AE',
      owner: 'Alice Ask',
      contacts: [{ name: 'Omar', email: 'omar@harbor-lights.example' }],
    });
    await a.call('team.sync', {});
    const b = await joined('b', bob.login);
    const found = await b.call('team.collisions', { company: 'Harbor', contacts: [{ email: 'omar@harbor-lights.example' }] });
    expect(found.matches).toMatchObject([{ owner: 'Alice Ask', company: null, customerId: null, gid: expect.any(String) }]);
    const gid = found.matches[0]!.gid!;

    // Ask to share: kept in Bob's list at once, reaching Alice at her next sync.
    const asked = await b.call('team.collisionRequest', { gid, kind: 'share' });
    expect(asked).toMatchObject({ kind: 'share', owner: 'Alice Ask', by: 'Bob Ask', answer: null });
    expect((await b.call('team.collisionReports', {})).requests).toMatchObject([{ id: asked.id, customerId: null }]);
    await a.call('team.sync', {});
    const toAlice = (await a.call('team.collisionReports', {})).requests;
    expect(toAlice).toMatchObject([{ id: asked.id, company: 'Harbor Lights LLC', customerId: idOf(a, 'Harbor Lights LLC') }]);

    expect(await a.call('team.answerRequest', { id: asked.id, answer: 'shared_read' })).toMatchObject({ answer: 'shared_read' });
    expect(idOf(b, 'Harbor Lights LLC')).toBeNull();
    await b.call('team.sync', {});
    const bobsId = idOf(b, 'Harbor Lights LLC');
    expect(bobsId).not.toBeNull();
    expect((await b.call('team.collisionReports', {})).requests).toMatchObject([
      { id: asked.id, answer: 'shared_read', answeredBy: 'Alice Ask', company: 'Harbor Lights LLC', customerId: bobsId },
    ]);

    // A lead Bob met at the fair, for Alice to follow up.
    const lead = {
      company: 'Harbor Lights',
      name: 'Fatima',
      email: 'fatima@harbor-lights.example',
      phone: '+971 4 555 0199',
      note: 'LED panels, 2,000 pcs',
      fair: 'Canton Fair',
    };
    const passed = await b.call('team.collisionRequest', { gid, kind: 'lead', lead });
    expect(passed).toMatchObject({ kind: 'lead', answer: null, lead: { ...lead, whatsapp: '' } });
    // Alice cannot add a lead her laptop has not fetched yet; after her sync she can.
    expect(await a.fails('team.answerRequest', { id: passed.id, answer: 'added' })).toBe('NOT_FOUND');
    await a.call('team.sync', {});
    // Bob cannot answer his own request.
    expect(await b.fails('team.answerRequest', { id: passed.id, answer: 'declined' })).toBe('TEAM_FORBIDDEN');
    const added = await a.call('team.answerRequest', { id: passed.id, answer: 'added', timeZone: 'Asia/Dubai' });
    expect(added).toMatchObject({ answer: 'added', answeredBy: 'Alice Ask' });
    expect(await a.fails('team.answerRequest', { id: passed.id, answer: 'added' })).toBe('CONFLICT');

    const aliceId = idOf(a, 'Harbor Lights LLC')!;
    const contact = a
      .sqlite()
      .prepare('SELECT name, email, phone FROM contacts WHERE customer_id = ? AND name = ?')
      .get(aliceId, 'Fatima') as { name: string; email: string; phone: string } | undefined;
    expect(contact).toMatchObject({ email: 'fatima@harbor-lights.example' });
    const inquiry = a.sqlite().prepare('SELECT message, source FROM inquiries WHERE customer_id = ?').get(aliceId) as
      { message: string; source: string } | undefined;
    expect(inquiry?.message).toContain('LED panels, 2,000 pcs');
    expect(inquiry?.source).toBe('Canton Fair');
    expect(a.sqlite().prepare('SELECT count(*) AS n FROM leads WHERE customer_id = ?').get(aliceId)).toEqual({ n: 1 });
    expect(a.sqlite().prepare('SELECT count(*) AS n FROM customers').get()).toEqual({ n: 1 });

    // Alice's next sync sends her book's new rows; Bob's next sync shows the lead added (and, shared with him, the new contact).
    await a.call('team.sync', {});
    await b.call('team.sync', {});
    const bobs = (await b.call('team.collisionReports', {})).requests;
    expect(bobs.find((r) => r.id === passed.id)).toMatchObject({ answer: 'added', answeredBy: 'Alice Ask' });
    expect(b.sqlite().prepare('SELECT count(*) AS n FROM contacts WHERE customer_id = ? AND name = ?').get(bobsId, 'Fatima')).toEqual({
      n: 1,
    });
  });

  it('keeps the requests for offline; asking needs the server', async () => {
    const alice = await member(team.db, 'Alice Offline');
    const bob = await member(team.db, 'Bob Offline');
    const a = await joined('a', alice.login);
    await a.call('customers.create', {
      company: 'Desert Rose Trading',
      country: 'AE',
      owner: 'Alice Offline',
      website: 'https://desert-rose.example',
    });
    await a.call('team.sync', {});
    const net = await relay(team.api.url);
    try {
      const b = await joined('b', bob.login, net.url);
      const { matches } = await b.call('team.collisions', { website: 'desert-rose.example' });
      const asked = await b.call('team.collisionRequest', { gid: matches[0]!.gid!, kind: 'share' });
      await net.cut();
      expect((await b.call('team.collisionReports', {})).requests.map((r) => r.id)).toEqual([asked.id]);
      expect(await b.fails('team.collisionRequest', { gid: matches[0]!.gid!, kind: 'share' })).toBe('TEAM_UNREACHABLE');
    } finally {
      await net.close();
    }
  });
});
