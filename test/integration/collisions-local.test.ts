import { afterEach, describe, expect, it } from 'vitest';
import { collisionQuery } from '../../src/main/services/team/collisions';
import { collisionDraftSchema, type CollisionDraft } from '../../src/shared/ipc/channels/team';
import { openTestEngine, type TestEngine } from '../support/temp-db';

/**
 * The collision check (查重/撞单, #20) on a laptop without a team: the draft's keys are the import's
 * (company key in its country, web and company e-mail domains, e-mails, last nine digits of phones),
 * matched against this book by quick capture's matcher, answered as the team server would: by which
 * keys, the owner (null: the pool), since when, the company and the local id.
 */
let t: TestEngine;
const clock = new Date('2026-05-03T08:00:00Z');
afterEach(async () => {
  await t?.close();
});

async function open() {
  t = await openTestEngine({ now: () => clock });
  const acme = await t.call('customers.create', {
    company: 'ACME Trading Co., Ltd.',
    country: 'DE',
    owner: 'Li Na',
    website: 'https://www.acme-trading.de',
    contacts: [{ name: 'Hans Vogel', email: 'hans@acme-trading.de', phone: '+49 (30) 1234-5678', mobile: '+49 171 9876543' }],
  });
  const pooled = await t.call('customers.create', {
    company: 'Harbor Lights LLC',
    country: 'AE',
    owner: '',
    contacts: [{ name: 'Omar', email: 'omar@gmail.com' }],
  });
  return { acme: acme.id, pooled: pooled.id };
}

const check = (draft: CollisionDraft) => t.call('team.collisions', draft);
const heldSince = (id: number) =>
  t.engine.database.readSqlite.prepare('SELECT coalesce(owner_since, created_at) FROM customers WHERE id = ?').pluck().get(id) as string;

describe('collision keys', () => {
  it('are the import’s: company key and country, web and company e-mail domains (no webmail), e-mails, last nine phone digits', () => {
    const query = collisionQuery(
      collisionDraftSchema.parse({
        company: '  ACME Trading Co., Ltd. ',
        country: 'de',
        website: 'https://www.Acme-Trading.de/en/',
        contacts: [
          { email: ' Hans@ACME-Trading.de ', phone: '+49 (30) 1234-5678', mobile: '0049 171 9876543' },
          { email: 'hans@acme-trading.de', phone: '030 12345678', mobile: '' },
          { email: 'omar@gmail.com', phone: '12-34', mobile: '' },
          { email: 'j***n@example.com', phone: '138****1234', mobile: '' },
        ],
      }),
    );
    expect(query).toEqual({
      companyKey: 'acme trading',
      country: 'DE',
      domains: ['acme-trading.de'],
      emails: ['hans@acme-trading.de', 'omar@gmail.com'],
      phoneKeys: ['012345678', '719876543'],
    });
    // An unknown or unrecognised country matches only names without one, as on the server.
    expect(collisionQuery(collisionDraftSchema.parse({ company: '浙江华为有限公司', country: 'deu' }))).toMatchObject({
      companyKey: '浙江华为',
      country: '',
    });
  });
});

describe('collision check without a team', () => {
  it('answers from this book: by which keys, the owner and since when, the company and its id', async () => {
    const { acme } = await open();
    expect(await check({ contacts: [{ email: 'HANS@acme-trading.de' }] })).toEqual({
      checked: 'local',
      matches: [
        { by: ['email', 'domain'], owner: 'Li Na', since: heldSince(acme), company: 'ACME Trading Co., Ltd.', customerId: acme, gid: null },
      ],
    });
    // The web address's domain, a colleague's address at the same company, the phone or the mobile as typed.
    expect((await check({ website: 'acme-trading.de' })).matches).toMatchObject([{ by: ['domain'], customerId: acme }]);
    expect((await check({ contacts: [{ email: 'sales@acme-trading.de' }] })).matches).toMatchObject([{ by: ['domain'] }]);
    expect((await check({ contacts: [{ phone: '030 12345678' }] })).matches).toMatchObject([{ by: ['phone'], customerId: acme }]);
    expect((await check({ contacts: [{ mobile: '171-987-6543' }] })).matches).toMatchObject([{ by: ['phone'], customerId: acme }]);
    // The company name within its country; every key of one customer in one line, strongest first.
    expect((await check({ company: 'acme trading co ltd', country: 'DE' })).matches).toMatchObject([{ by: ['company'] }]);
    expect(
      (await check({ company: 'ACME Trading Co Ltd', country: 'DE', contacts: [{ email: 'hans@acme-trading.de', phone: '3012345678' }] }))
        .matches,
    ).toEqual([expect.objectContaining({ by: ['email', 'domain', 'company', 'phone'], customerId: acme })]);
  });

  it('a pool customer has no owner; a similar name, another country, webmail or the customer being edited are no collision', async () => {
    const { acme, pooled } = await open();
    expect(await check({ company: 'Harbor Lights L.L.C.', country: 'AE' })).toEqual({
      checked: 'local',
      matches: [{ by: ['company'], owner: null, since: heldSince(pooled), company: 'Harbor Lights LLC', customerId: pooled, gid: null }],
    });
    expect(await check({ company: 'Harbor Lights LLC', country: 'OM' })).toEqual({ checked: 'local', matches: [] });
    // Alike but for the legal form, nothing else in common: quick capture's "similar name", not a collision.
    expect((await check({ company: 'Acme Trading', country: 'DE' })).matches).toEqual([]);
    // Someone else at gmail.com is not the pool customer's company.
    expect((await check({ contacts: [{ email: 'someone@gmail.com' }] })).matches).toEqual([]);
    expect((await check({ contacts: [{ email: 'omar@gmail.com' }] })).matches).toMatchObject([{ by: ['email'], customerId: pooled }]);
    // Editing ACME itself: its own keys do not collide with it.
    expect(await check({ company: 'ACME Trading Co., Ltd.', country: 'DE', exceptCustomerId: acme })).toEqual({
      checked: 'local',
      matches: [],
    });
  });

  it('nothing to match (no name, e-mail, web address or phone yet): checked none', async () => {
    await open();
    expect(await check({})).toEqual({ checked: 'none', matches: [] });
    expect(await check({ company: '  ', website: 'not a site', contacts: [{ email: 'hans@', phone: '12 34' }] })).toEqual({
      checked: 'none',
      matches: [],
    });
  });
});
