import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../support/temp-db';

let t: TestEngine;
beforeEach(async () => {
  t = await openTestEngine();
});
afterEach(async () => {
  await t.close();
});

describe('customers', () => {
  it('creates a customer with contacts and tags and reads it back', async () => {
    const c = await t.call('customers.create', {
      company: 'Atlas Imports Co., Ltd',
      country: 'tr',
      industry: 'Lights & Lighting',
      tags: ['VIP', 'vip', 'OEM'],
      contacts: [{ name: 'David Tanaka', email: 'David.Tanaka@Atlas.example' }],
    });
    expect(c.country).toBe('TR');
    expect(c.tags).toEqual(['OEM', 'VIP']);
    expect(c.contacts).toHaveLength(1);
    expect(c.contacts[0]?.email).toBe('david.tanaka@atlas.example');
    expect(c.contacts[0]?.isPrimary).toBe(true);
    expect(c.primaryEmail).toBe('david.tanaka@atlas.example');
    const again = await t.call('customers.get', { id: c.id });
    expect(again).toEqual(c);
  });

  it('rejects bad input with INVALID_INPUT and writes nothing', async () => {
    const bad = [
      { company: '' },
      { company: 'X', country: 'Germany' },
      { company: 'X', contacts: [{ email: 'not-an-email' }] },
      { company: 'X', unknownField: 1 },
      { company: 42 },
      null,
      'customers',
    ];
    for (const input of bad) {
      const r = await t.raw('customers.create', input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('INVALID_INPUT');
    }
    const stats = await t.call('stats.overview', {});
    expect(stats.customers).toBe(0);
  });

  it('updates with optimistic versioning and refuses a stale version', async () => {
    const c = await t.call('customers.create', { company: 'Metro Trading SARL', country: 'CL' });
    const updated = await t.call('customers.update', { id: c.id, version: c.version, patch: { city: 'Santiago', priority: 'high' } });
    expect(updated.city).toBe('Santiago');
    expect(updated.priority).toBe('high');
    expect(updated.version).toBe(c.version + 1);
    const stale = await t.raw('customers.update', { id: c.id, version: c.version, patch: { city: 'Lima' } });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.error.code).toBe('CONFLICT');
    expect((await t.call('customers.get', { id: c.id })).city).toBe('Santiago');
    const missing = await t.raw('customers.update', { id: 9999, version: 1, patch: { city: 'x' } });
    expect(!missing.ok && missing.error.code).toBe('NOT_FOUND');
  });

  it('a patch changes only the fields it names (customer and contact)', async () => {
    const c = await t.call('customers.create', {
      company: 'Crown Lighting Co., Ltd',
      country: 'CO',
      owner: 'Kevin Chen',
      industry: 'Lights & Lighting',
      tags: ['VIP'],
      priority: 'high',
      contacts: [{ name: 'Tendai Okafor', email: 'tendai@crown.example', phone: '+57 1 234' }],
    });
    const u = await t.call('customers.update', { id: c.id, version: c.version, patch: { city: 'Bogotá' } });
    expect(u).toMatchObject({
      city: 'Bogotá',
      country: 'CO',
      owner: 'Kevin Chen',
      industry: 'Lights & Lighting',
      tags: ['VIP'],
      priority: 'high',
    });
    const contact = u.contacts[0]!;
    const changed = await t.call('contacts.update', { id: contact.id, contact: { title: 'Buyer' } });
    expect(changed).toMatchObject({
      title: 'Buyer',
      name: 'Tendai Okafor',
      email: 'tendai@crown.example',
      phone: '+57 1 234',
      isPrimary: true,
    });
  });

  it('lists with filter, sort and keyset paging that visits every row once', async () => {
    const names = ['delta', 'Alpha', 'charlie', 'Bravo', 'echo', 'foxtrot', 'golf'];
    for (const [i, n] of names.entries()) await t.call('customers.create', { company: n, country: i % 2 ? 'DE' : 'US' });
    const seen: string[] = [];
    let after: { value: string | number; id: number } | undefined;
    for (;;) {
      const page = await t.call('customers.list', { sort: { key: 'company', dir: 'asc' }, limit: 2, ...(after ? { after } : {}) });
      seen.push(...page.rows.map((r) => r.company));
      if (!page.nextCursor) break;
      after = page.nextCursor;
    }
    expect(seen).toEqual(['Alpha', 'Bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf']);
    const de = await t.call('customers.list', { filter: { countries: ['de'] }, sort: { key: 'company', dir: 'desc' }, withTotal: true });
    expect(de.total).toBe(3);
    // DE holds every second name: Alpha, Bravo, foxtrot; case does not decide the order.
    expect(de.rows.map((r) => r.company)).toEqual(['foxtrot', 'Bravo', 'Alpha']);
  });

  it('finds customers by company fragment, email and short Chinese fragments', async () => {
    await t.call('customers.create', { company: '深圳明亮照明有限公司', country: 'CN' });
    await t.call('customers.create', {
      company: 'Prime Lighting FZE',
      country: 'AE',
      contacts: [{ name: 'Yuki Yilmaz', email: 'yuki@primelightingfze.ae' }],
    });
    const search = async (s: string) => (await t.call('customers.list', { filter: { search: s } })).rows.map((r) => r.company);
    expect(await search('照明')).toEqual(['深圳明亮照明有限公司']);
    // With a total (the grid's first page) the short-fragment scan runs once for page and count.
    const counted = await t.call('customers.list', { filter: { search: 'fz' }, withTotal: true });
    expect(counted.total).toBe(1);
    expect(counted.rows.map((r) => r.company)).toEqual(['Prime Lighting FZE']);
    expect((await t.call('customers.list', { filter: { search: '%' }, withTotal: true })).total).toBe(0);
    expect(await search('明亮照明')).toEqual(['深圳明亮照明有限公司']);
    expect(await search('lighting')).toEqual(['Prime Lighting FZE']);
    expect(await search('yuki@prime')).toEqual(['Prime Lighting FZE']);
    expect(await search('Yilmaz')).toEqual(['Prime Lighting FZE']);
    expect(await search('100%"')).toEqual([]);
  });

  it('archives and restores in one call, and hides archived customers from the default list', async () => {
    const a = await t.call('customers.create', { company: 'A Co' });
    const b = await t.call('customers.create', { company: 'B Co' });
    expect((await t.call('customers.archive', { ids: [a.id, b.id], archived: true })).changed).toBe(2);
    expect((await t.call('customers.list', {})).rows).toHaveLength(0);
    expect((await t.call('customers.list', { filter: { archived: 'archived' } })).rows).toHaveLength(2);
    expect((await t.call('customers.archive', { ids: [a.id], archived: false })).changed).toBe(1);
    expect((await t.call('customers.list', {})).rows.map((r) => r.company)).toEqual(['A Co']);
  });

  it('counts customers by country, region and continent', async () => {
    await t.call('customers.create', { company: 'A', country: 'DE' });
    await t.call('customers.create', { company: 'B', country: 'FR' });
    await t.call('customers.create', { company: 'C', country: 'NG' });
    await t.call('customers.create', { company: 'D', country: 'BR' });
    const s = await t.call('stats.overview', {});
    expect(s.customers).toBe(4);
    expect(s.byCountry).toEqual({ DE: 1, FR: 1, NG: 1, BR: 1 });
    expect(s.byRegion.find((r) => r.code === '155')).toMatchObject({ count: 2, name: { en: 'Western Europe', zh: '西欧' } });
    expect(s.byRegion.find((r) => r.code === '011')).toMatchObject({ count: 1, name: { en: 'Western Africa', zh: '西非' } });
    expect(s.byRegion.find((r) => r.code === '005')).toMatchObject({ count: 1, name: { zh: '南美洲' } });
    expect(s.byContinent.find((r) => r.code === '150')?.count).toBe(2);
    expect(s.byContinent.find((r) => r.code === '019')?.count).toBe(1);
  });
});
