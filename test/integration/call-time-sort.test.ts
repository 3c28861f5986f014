import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../support/temp-db';

// Tuesday 3 March 2026, 10:00 UTC: Berlin 11:00, London 10:00, Riyadh 13:00 (all in working hours),
// New York 05:00 (opens in 4 h), Sydney 21:00 (opens at 09:00 there: in 12 h), Tokyo 19:00 (in 14 h),
// Shanghai 18:00 (closed: opens in 15 h).
const NOW = new Date('2026-03-03T10:00:00.000Z');

let t: TestEngine;
const companies: [string, string][] = [
  ['Tokyo Lights KK', 'JP'],
  ['No Country Ltd', ''],
  ['Berlin Licht GmbH', 'DE'],
  ['Sydney Lamps Pty', 'AU'],
  ['Shanghai Trading', 'CN'],
  ['London Lamps Ltd', 'GB'],
  ['NY Lighting Inc', 'US'],
  ['Riyadh Noor Co', 'SA'],
];

beforeAll(async () => {
  t = await openTestEngine({ now: () => NOW });
  for (const [company, country] of companies) await t.call('customers.create', { company, country });
});
afterAll(async () => {
  await t.close();
});

const order = [
  'Berlin Licht GmbH',
  'London Lamps Ltd',
  'Riyadh Noor Co',
  'NY Lighting Inc',
  'Sydney Lamps Pty',
  'Tokyo Lights KK',
  'Shanghai Trading',
  'No Country Ltd',
];

describe('the good-time-to-call sort (customers.list, sort localTime)', () => {
  it('puts customers in their working hours first, then by how soon their day starts, those without a country last', async () => {
    const page = await t.call('customers.list', { sort: { key: 'localTime', dir: 'asc' }, limit: 50 });
    // The three open now tie at 0 minutes and follow the id (the order they were created in).
    const open = page.rows.slice(0, 3).map((r) => r.company);
    expect(new Set(open)).toEqual(new Set(order.slice(0, 3)));
    expect(page.rows.slice(3).map((r) => r.company)).toEqual(order.slice(3));
    const desc = await t.call('customers.list', { sort: { key: 'localTime', dir: 'desc' }, limit: 50 });
    expect(desc.rows.map((r) => r.id)).toEqual([...page.rows.map((r) => r.id)].reverse());
  });

  it('pages through the same order with its keyset cursor (one "now" for every page)', async () => {
    const all = await t.call('customers.list', { sort: { key: 'localTime', dir: 'asc' }, limit: 50 });
    const seen: string[] = [];
    let after: { value: string | number; id: number } | undefined;
    for (let i = 0; i < 10; i++) {
      const page = await t.call('customers.list', { sort: { key: 'localTime', dir: 'asc' }, limit: 3, ...(after ? { after } : {}) });
      seen.push(...page.rows.map((r) => r.company));
      if (!page.nextCursor) break;
      expect(String(page.nextCursor.value)).toMatch(/^\d+\|\d+$/);
      after = page.nextCursor;
    }
    expect(seen).toEqual(all.rows.map((r) => r.company));
  });

  it('refuses a cursor that is not one of this sort', async () => {
    const r = await t.raw('customers.list', { sort: { key: 'localTime', dir: 'asc' }, after: { value: 'Berlin', id: 1 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('INVALID_INPUT');
  });

  it("gives each row its country's main zone, marked when the country has several", async () => {
    const page = await t.call('customers.list', { sort: { key: 'company', dir: 'asc' }, limit: 50 });
    const zone = (company: string) => page.rows.find((r) => r.company === company)?.localZone;
    expect(zone('Berlin Licht GmbH')).toEqual({ zone: 'Europe/Berlin', several: false });
    expect(zone('NY Lighting Inc')).toEqual({ zone: 'America/New_York', several: true });
    expect(zone('No Country Ltd')).toBeNull();
  });

  it('exports in that order with the local time the grid shows', async () => {
    const file = await t.call('export.customers', {
      format: 'csv',
      language: 'en',
      timeZone: 'Asia/Shanghai',
      columns: ['company', 'localTime'],
      sort: { key: 'localTime', dir: 'asc' },
    });
    const text = Buffer.from(file.contentBase64, 'base64')
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    const lines = text.trim().split(/\r?\n/);
    expect(lines[0]).toBe('Company,Local time');
    expect(lines.slice(4).map((l) => l.split(',')[0])).toEqual(order.slice(3));
    expect(lines).toContain('NY Lighting Inc,≈ Tue 05:00');
    expect(lines).toContain('Berlin Licht GmbH,Tue 11:00');
  });
});
