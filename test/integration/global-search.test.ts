import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../src/shared/ipc/contract';
import type { GlobalSearchResult } from '../../src/shared/domain/search';
import { openTestEngine, type TestEngine } from '../support/temp-db';

let t: TestEngine;
const ids: Record<string, number> = {};

const search = (query: string, limit?: number): Promise<GlobalSearchResult> =>
  t.call('search.global', limit ? { query, limit } : { query });
const companies = (r: GlobalSearchResult) => r.customers.items.map((c) => c.company);

beforeAll(async () => {
  t = await openTestEngine();
  const make = async (
    key: string,
    company: string,
    country: string,
    contacts: { name?: string; email?: string; phone?: string; mobile?: string; wechat?: string }[] = [],
  ) => {
    ids[key] = (await t.call('customers.create', { company, country, owner: 'Li Na', contacts })).id;
  };
  await make('guangming', '深圳市光明照明有限公司', 'CN', [{ name: '王芳', email: 'wangfang@gmlighting.cn', mobile: '+86 13800138000' }]);
  await make('guangmingTail', '佛山光明', 'CN');
  await make('ningbo', '宁波海天照明电器有限公司', 'CN');
  await make('harbor', 'Harbor Lights Trading LLC', 'AE', [
    { name: 'Omar Hassan', email: 'omar@harborlights.ae', phone: '+971 4 555 0199' },
  ]);
  await make('nordic', 'Nordic Tools AB', 'SE', [{ name: 'Anna Berg', email: 'anna.berg@nordictools.se', wechat: 'annab_se' }]);
  await make('lights', 'Bright Lights GmbH', 'DE');
  await make('special', 'Quote "Co" 100% _Under_ Ltd', 'GB');
  await make('capeTown', 'Cape Town Lighting (Pty) Ltd', 'ZA');
  await make('joburg', 'Joburg Lamps', 'ZA');
  await make('archived', 'Harbor Lights Archive Ltd', 'GB');
  await t.call('customers.archive', { ids: [ids.archived as number], archived: true });
  const sqlite = t.engine.database.sqlite;
  const inquiry = sqlite.prepare(
    `INSERT INTO inquiries (external_id, customer_id, received_at, subject, product, created_at) VALUES (?, ?, ?, ?, ?, 'x')`,
  );
  inquiry.run('2000123456789', ids.guangming, '2026-10-01T00:00:00.000Z', 'LED panel quotation', 'LED Panel 600x600');
  inquiry.run('2000123456790', ids.harbor, '2026-10-02T00:00:00.000Z', 'Flood lights', 'Flood Light 200W');
  inquiry.run('INQ-ab-7', ids.nordic, '2026-10-03T00:00:00.000Z', '', '');
  const order = sqlite.prepare(
    `INSERT INTO orders (external_no, customer_id, ordered_at, amount_minor, currency, product, created_at) VALUES (?, ?, ?, ?, ?, ?, 'x')`,
  );
  order.run('PO-2026-0042', ids.harbor, '2026-10-15T00:00:00.000Z', 1234500, 'USD', 'LED panel');
  order.run('PO-2026-0043', ids.archived, '2026-10-16T00:00:00.000Z', 990000, 'EUR', 'Spots');
});
afterAll(async () => {
  await t.close();
});

describe('global search', () => {
  it('finds a country by its name in Chinese or English, with its active customers, and opens nothing else for it', async () => {
    // Before: "南非" found nothing (names were not searched, only codes were stored).
    const zh = await search('南非');
    expect(zh.countries.items).toEqual([{ code: 'ZA', customers: 2 }]);
    expect((await search('South Africa')).countries.items).toEqual([{ code: 'ZA', customers: 2 }]);
    expect((await search('south af')).countries.items).toEqual([{ code: 'ZA', customers: 2 }]);
    // Names the import reads (other languages, aliases) match whole.
    expect((await search('Südafrika')).countries.items).toEqual([{ code: 'ZA', customers: 2 }]);
    expect((await search('德国')).countries.items).toEqual([{ code: 'DE', customers: 1 }]);
    expect((await search('瑞典')).countries.items).toEqual([{ code: 'SE', customers: 1 }]);
    expect((await search('中国台湾')).countries.items).toEqual([]); // no customers there: no row
    // "United" starts several names: only those with active customers (GB's archived one does not count).
    expect((await search('united')).countries.items).toEqual([
      { code: 'AE', customers: 1 },
      { code: 'GB', customers: 1 },
    ]);
    // Too short to mean a country, and archived customers do not count.
    expect((await search('de')).countries.items).toEqual([]);
    expect((await search('南')).countries.items).toEqual([]);
    expect((await search('Harbor')).countries.items).toEqual([]);
  });

  it('finds a customer by a Chinese company fragment of 3+ characters and of 2 characters', async () => {
    expect(companies(await search('光明照明'))).toEqual(['深圳市光明照明有限公司']);
    // Two characters: too short for trigrams; names that end with the fragment count too.
    expect(companies(await search('光明'))).toEqual(['佛山光明', '深圳市光明照明有限公司']);
    expect(companies(await search('照明')).sort()).toEqual(['宁波海天照明电器有限公司', '深圳市光明照明有限公司'].sort());
    const one = await search('佛');
    expect(companies(one)).toEqual(['佛山光明']);
  });

  it('finds English company fragments whatever their case, prefixes first', async () => {
    const r = await search('LIGHTS');
    // Active before archived; word starts before inner matches.
    expect(companies(r)).toEqual(['Bright Lights GmbH', 'Harbor Lights Trading LLC', 'Harbor Lights Archive Ltd']);
    expect(r.customers.items.at(-1)?.archived).toBe(true);
    expect(companies(await search('harb'))).toEqual(['Harbor Lights Trading LLC', 'Harbor Lights Archive Ltd']);
    expect(companies(await search('or'))).toEqual(expect.arrayContaining(['Nordic Tools AB', 'Harbor Lights Trading LLC']));
    expect(r.customers.items[0]).toMatchObject({ id: ids.lights, country: 'DE', owner: 'Li Na', archived: false });
  });

  it('finds contacts by e-mail, phone digits, Chinese name and messaging ID, with the field that matched', async () => {
    const byEmail = await search('omar@harbor');
    expect(byEmail.contacts.items).toEqual([
      expect.objectContaining({
        customerId: ids.harbor,
        name: 'Omar Hassan',
        company: 'Harbor Lights Trading LLC',
        matchedField: 'email',
        matchedText: 'omar@harborlights.ae',
        phone: '+971 4 555 0199',
      }),
    ]);
    expect(byEmail.customers.items).toEqual([]);
    const byPhone = await search('13800138');
    expect(byPhone.contacts.items.map((c) => [c.name, c.matchedField, c.phone])).toEqual([['王芳', 'mobile', '+86 13800138000']]);
    expect((await search('555 0199')).contacts.items.map((c) => c.matchedField)).toEqual(['phone']);
    expect((await search('王芳')).contacts.items.map((c) => [c.name, c.company])).toEqual([['王芳', '深圳市光明照明有限公司']]);
    expect((await search('annab')).contacts.items.map((c) => [c.matchedField, c.matchedText])).toEqual([['wechat', 'annab_se']]);
    expect((await search('GMLIGHTING.CN')).contacts.items.map((c) => c.email)).toEqual(['wangfang@gmlighting.cn']);
  });

  it('finds inquiries by exact ID and by prefix, exact first, with their customer', async () => {
    const exact = await search('2000123456789');
    expect(exact.inquiries.items).toEqual([
      expect.objectContaining({
        externalId: '2000123456789',
        customerId: ids.guangming,
        company: '深圳市光明照明有限公司',
        subject: 'LED panel quotation',
        receivedAt: '2026-10-01T00:00:00.000Z',
      }),
    ]);
    const prefix = await search('20001234567');
    expect(prefix.inquiries.items.map((i) => i.externalId)).toEqual(['2000123456789', '2000123456790']);
    expect((await search('200012345679')).inquiries.items.map((i) => i.customerId)).toEqual([ids.harbor]);
    // IDs compare case-sensitively; the term is also tried upper-cased.
    expect((await search('INQ-ab')).inquiries.items.map((i) => i.externalId)).toEqual(['INQ-ab-7']);
    expect((await search('inq-')).inquiries.items.map((i) => i.externalId)).toEqual(['INQ-ab-7']);
    // Mixed case is found only as stored (as typed) or all upper case.
    expect((await search('inq-ab')).inquiries.items).toEqual([]);
    expect((await search('2')).inquiries.items).toEqual([]);
  });

  it('finds orders by number, typed in any case', async () => {
    const r = await search('po-2026-004');
    expect(r.orders.items.map((o) => [o.externalNo, o.company, o.amountMinor, o.currency, o.archived])).toEqual([
      ['PO-2026-0042', 'Harbor Lights Trading LLC', 1234500, 'USD', false],
      ['PO-2026-0043', 'Harbor Lights Archive Ltd', 990000, 'EUR', true],
    ]);
    expect((await search('PO-2026-0043')).orders.items).toHaveLength(1);
  });

  it('answers nothing for no match and for an empty query', async () => {
    for (const q of ['zzqqxx', 'Кириллица', '', '   ']) {
      const r = await search(q);
      expect([r.customers, r.contacts, r.inquiries, r.orders]).toEqual(Array(4).fill({ items: [], more: false }));
    }
  });

  it('takes quotes, LIKE wildcards, FTS syntax and NUL as plain text, without an error', async () => {
    expect(companies(await search('"Co"'))).toEqual(['Quote "Co" 100% _Under_ Ltd']);
    expect(companies(await search('100%'))).toEqual(['Quote "Co" 100% _Under_ Ltd']);
    expect(companies(await search('%'))).toEqual(['Quote "Co" 100% _Under_ Ltd']);
    expect(companies(await search('_'))).toEqual(['Quote "Co" 100% _Under_ Ltd']);
    expect(companies(await search('_Under_'))).toEqual(['Quote "Co" 100% _Under_ Ltd']);
    for (const q of [
      '"',
      '""',
      "'",
      '\\',
      '\u0000',
      'Quo\u0000te',
      'a OR b',
      'NEAR(a b)',
      '*',
      'lights*',
      '^x',
      'col:1',
      '(',
      ')',
      '\uD800',
      '💥',
      '%_%',
    ]) {
      const r = await t.raw('search.global', { query: q });
      expect(r.ok, `${JSON.stringify(q)}: ${JSON.stringify(r)}`).toBe(true);
    }
    expect(companies(await search('Quo\u0000te'))).toEqual(['Quote "Co" 100% _Under_ Ltd']);
  });

  it('limits each group and says when there is more', async () => {
    const r = await search('li', 1);
    expect(r.customers.items).toHaveLength(1);
    expect(r.customers.more).toBe(true);
    expect(r.customers.items[0]?.archived).toBe(false);
  });

  it('checks its input: trimmed, at most 200 characters, limit 1–50', async () => {
    expect(contract['search.global'].input.parse({ query: '  光明 ' })).toEqual({ query: '光明', limit: 8 });
    for (const bad of [{ query: 'x'.repeat(201) }, { query: 'x', limit: 0 }, { query: 'x', limit: 51 }, { limit: 5 }, { query: 1 }]) {
      const r = await t.raw('search.global', bad);
      expect(!r.ok && r.error.code).toBe('INVALID_INPUT');
    }
  });

  it('uses the indexes for ID prefixes and company prefixes', () => {
    const db = t.engine.database.readSqlite;
    const plan = (q: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${q}`).all('a', 'b') as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan(`SELECT id FROM inquiries WHERE external_id >= ? AND external_id < ? ORDER BY external_id LIMIT 9`)).toContain(
      'USING COVERING INDEX inquiries_external_id (external_id>? AND external_id<?)',
    );
    expect(plan(`SELECT id FROM orders WHERE external_no >= ? AND external_no < ? ORDER BY external_no LIMIT 9`)).toContain(
      'USING COVERING INDEX orders_external_no (external_no>? AND external_no<?)',
    );
    expect(
      plan(`SELECT id FROM customers c WHERE c.archived_at IS NULL AND c.company >= ? AND c.company < ? ORDER BY c.company LIMIT 9`),
    ).toContain('USING INDEX customers_active_company (company>? AND company<?)');
  });

  it('sees a change as soon as it is committed (the vocabulary of short fragments included)', async () => {
    expect((await search('鑫')).customers.items).toEqual([]);
    const c = await t.call('customers.create', { company: '鑫达五金', country: 'CN', contacts: [{ name: '鑫 Li', phone: '+86 20 1234' }] });
    expect(companies(await search('鑫'))).toEqual(['鑫达五金']);
    expect((await search('鑫')).contacts.items.map((x) => x.name)).toEqual(['鑫 Li']);
    await t.call('customers.update', { id: c.id, version: c.version, patch: { company: '鑫达五金工具' } });
    expect(companies(await search('五金工具'))).toEqual(['鑫达五金工具']);
  });
});
