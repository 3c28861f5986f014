import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../support/temp-db';

// Classification sees deals (#21 item 6): a customer's potential gains up to pipelinePoints (25 by
// default) for their open deals weighted by each stage's win probability, in full at pipelineFull
// (50,000 in the base currency); closed deals and deals in a currency without a rate add nothing.
let t: TestEngine;
beforeAll(async () => {
  t = await openTestEngine({ now: () => new Date('2026-06-01T08:00:00.000Z') });
  await t.call('currency.save', { base: 'USD', rates: { EUR: 1.1 } });
});
afterAll(async () => {
  await t.close();
});

async function potentialOf(id: number): Promise<number> {
  await t.call('classify.run', {});
  const c = await t.call('customers.get', { id });
  return c.classes.potential;
}

describe('potential and open deals', () => {
  it('adds points for open weighted pipeline, capped, and drops them when the deal closes', async () => {
    const c = await t.call('customers.create', { company: 'Lumen Distribution BV', country: 'NL' });
    const before = await potentialOf(c.id);
    // Negotiation is 60 %: 40,000 USD × 0.6 = 24,000 weighted → 25 × 24,000 / 50,000 = 12 points.
    const deal = await t.call('deals.create', {
      customerId: c.id,
      title: 'LED panels 2026',
      amountMinor: 4_000_000,
      currency: 'USD',
      stage: 'negotiation',
    });
    expect(await potentialOf(c.id)).toBe(before + 12);
    // A second deal in EUR (quoted, 25 %): 100,000 EUR × 1.1 × 0.25 = 27,500 → 51,500 in all: the full 25.
    await t.call('deals.create', { customerId: c.id, title: 'Street lights', amountMinor: 10_000_000, currency: 'EUR', stage: 'quoted' });
    expect(await potentialOf(c.id)).toBe(Math.min(100, before + 25));
    // A deal in a currency without a rate adds nothing.
    const other = await t.call('customers.create', { company: 'Pampa Luces SA', country: 'AR' });
    const otherBefore = await potentialOf(other.id);
    await t.call('deals.create', {
      customerId: other.id,
      title: 'Flood lights',
      amountMinor: 90_000_000,
      currency: 'ARS',
      stage: 'negotiation',
    });
    expect(await potentialOf(other.id)).toBe(otherBefore);
    // Lost: the first deal no longer counts (27,500 weighted left → 13.75 → 14 points).
    await t.call('deals.move', { id: deal.id, version: deal.version, stage: 'lost', lostReason: 'price' });
    expect(await potentialOf(c.id)).toBe(before + 14);
  });

  it('leaves deals out when the rule gives them no points', async () => {
    const c = await t.call('customers.create', { company: 'Nordlicht AB', country: 'SE' });
    await t.call('deals.create', {
      customerId: c.id,
      title: 'Warehouse high bays',
      amountMinor: 9_000_000,
      currency: 'USD',
      stage: 'negotiation',
    });
    const withDeals = await potentialOf(c.id);
    const { rules, version } = await t.call('classify.rules', {});
    await t.call('classify.saveRules', { rules: { ...rules, potential: { ...rules.potential, pipelinePoints: 0 } }, baseVersion: version });
    expect(await potentialOf(c.id)).toBe(withDeals - 25);
  });

  it('follows the deal as it is created, moved and lost, without waiting for a classification run', async () => {
    const { rules, version } = await t.call('classify.rules', {});
    await t.call('classify.saveRules', {
      rules: { ...rules, potential: { ...rules.potential, pipelinePoints: 25 } },
      baseVersion: version,
    });
    const c = await t.call('customers.create', { company: 'Faro Iluminación SL', country: 'ES' });
    await t.call('classify.run', {});
    const start = (await t.call('customers.get', { id: c.id })).classes.potential;
    const potential = async () => (await t.call('customers.get', { id: c.id })).classes.potential;
    // 50,000 USD at inquiry (10 %): 5,000 weighted → 2.5 points → 3.
    const deal = await t.call('deals.create', { customerId: c.id, title: 'Solar street lights', amountMinor: 5_000_000, currency: 'USD' });
    expect(await potential()).toBe(start + 3);
    // Negotiation (60 %): 30,000 weighted → 15 points.
    const moved = await t.call('deals.move', { id: deal.id, version: deal.version, stage: 'negotiation' });
    expect(await potential()).toBe(start + 15);
    // Half the amount: 15,000 weighted → 7.5 → 8.
    const halved = await t.call('deals.update', { id: moved.deal.id, version: moved.deal.version, patch: { amountMinor: 2_500_000 } });
    expect(await potential()).toBe(start + 8);
    await t.call('deals.move', { id: halved.id, version: halved.version, stage: 'lost', lostReason: 'competitor' });
    expect(await potential()).toBe(start);
  });
});
