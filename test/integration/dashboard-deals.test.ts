import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../support/temp-db';

// The dashboard's deal figures (#21 item 6), with the default stage probabilities
// (inquiry 10, quoted 25, sample 40, negotiation 60 %).
let clock = new Date('2026-05-01T08:00:00.000Z');
let t: TestEngine;
const day = (n: number) => new Date(Date.parse('2026-05-01T08:00:00.000Z') + n * 86_400_000);

beforeAll(async () => {
  t = await openTestEngine({ now: () => clock });
  await t.call('currency.save', { base: 'USD', rates: { EUR: 1.2 } });
  const de = await t.call('customers.create', { company: 'Licht Werk GmbH', country: 'DE', industry: 'Lighting', owner: 'Li Na' });
  const fr = await t.call('customers.create', { company: 'Lumière SARL', country: 'FR', industry: 'Lighting', owner: 'Chen Wei' });
  const us = await t.call('customers.create', { company: 'Bright Co', country: 'US', industry: 'Retail', owner: 'Li Na' });
  const deal = (customerId: number, stage: 'inquiry' | 'quoted' | 'negotiation', amountMinor: number, currency = 'USD') =>
    t.call('deals.create', { customerId, title: `Deal ${customerId}-${amountMinor}`, stage, amountMinor, currency });
  // Day 0: five deals open.
  const a = await deal(de.id, 'negotiation', 1_000_000); // 10,000 USD
  const b = await deal(fr.id, 'quoted', 1_000_000, 'EUR'); // 12,000 USD
  const c = await deal(us.id, 'inquiry', 500_000); // 5,000 USD
  const d = await deal(us.id, 'quoted', 200_000, 'ARS'); // no rate: counted, not summed
  const e = await deal(de.id, 'inquiry', 300_000); // 3,000 USD, stays open
  // Day 10 DE's negotiation is won; day 20 FR's quotation is won; day 30 US's inquiry is lost.
  clock = day(10);
  await t.call('deals.move', { id: a.id, version: a.version, stage: 'won' });
  clock = day(20);
  await t.call('deals.move', { id: b.id, version: b.version, stage: 'won' });
  clock = day(30);
  await t.call('deals.move', { id: c.id, version: c.version, stage: 'lost', lostReason: 'price' });
  void d;
  void e;
});
afterAll(async () => {
  await t.close();
});

describe('dashboard.deals', () => {
  it('totals the open pipeline by stage in the base currency, weighted by stage, and counts deals without a rate apart', async () => {
    const f = await t.call('dashboard.deals', {});
    const stage = (s: string) => f.stages.find((x) => x.stage === s)!;
    expect(f.currency).toBe('USD');
    expect(stage('inquiry')).toEqual({ stage: 'inquiry', count: 1, amountMinor: 300_000, weightedMinor: 30_000 });
    expect(stage('quoted')).toEqual({ stage: 'quoted', count: 1, amountMinor: 0, weightedMinor: 0 });
    expect(stage('won')).toMatchObject({ count: 2, amountMinor: 2_200_000 });
    expect(stage('lost')).toMatchObject({ count: 1, amountMinor: 500_000 });
    expect(f.uncounted).toEqual([{ currency: 'ARS', deals: 1 }]);
  });

  it('gives win rate and days to win by region, industry and owner', async () => {
    const byRegion = await t.call('dashboard.deals', { by: 'region' });
    const west = byRegion.groups.find((g) => g.key === '155')!; // Western Europe: DE and FR
    expect(west).toMatchObject({ open: 1, won: 2, lost: 0, wonMinor: 2_200_000, winRate: 1, avgDaysToWin: 15, openWeightedMinor: 30_000 });
    expect(west.name?.en).toBe('Western Europe');
    const north = byRegion.groups.find((g) => g.key === '021')!; // Northern America
    expect(north).toMatchObject({ open: 1, won: 0, lost: 1, winRate: 0, avgDaysToWin: null });

    const byIndustry = await t.call('dashboard.deals', { by: 'industry' });
    expect(byIndustry.groups.map((g) => [g.key, g.won, g.lost, g.open])).toEqual([
      ['Lighting', 2, 0, 1],
      ['Retail', 0, 1, 1],
    ]);
    const byOwner = await t.call('dashboard.deals', { by: 'owner' });
    expect(byOwner.groups.find((g) => g.key === 'Li Na')).toMatchObject({ won: 1, lost: 1, winRate: 0.5, avgDaysToWin: 10 });
    expect(byOwner.groups.find((g) => g.key === 'Chen Wei')).toMatchObject({ won: 1, lost: 0, avgDaysToWin: 20 });
  });

  it('follows the dashboard filter and the window of closed deals', async () => {
    const de = await t.call('dashboard.deals', { filter: { countries: ['DE'] } });
    expect(de.stages.reduce((n, s) => n + s.count, 0)).toBe(2);
    clock = day(30 + 400);
    const later = await t.call('dashboard.deals', { days: 365 });
    expect(later.stages.find((s) => s.stage === 'won')!.count).toBe(0);
    expect(later.stages.find((s) => s.stage === 'inquiry')!.count).toBe(1);
    clock = day(30);
  });
});
