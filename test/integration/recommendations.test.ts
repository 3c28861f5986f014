import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../support/temp-db';

// Recommendations (#21 item 5) over a small book: LED distributors in Western Europe (DE, FR, NL,
// BE), one in the US, and a furniture retailer in Germany.
let t: TestEngine;
const ids: Record<string, number> = {};

function order(customer: string, products: string[], refs: string[] = []) {
  const db = t.engine.database.sqlite;
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO orders (customer_id, ordered_at, amount_minor, currency, created_at) VALUES (?, '2026-03-01T00:00:00Z', 100000, 'USD', '2026-03-01T00:00:00Z')`,
    )
    .run(ids[customer]);
  products.forEach((p, i) =>
    db
      .prepare(
        `INSERT INTO order_lines (order_id, product, product_ref, quantity, unit_price_minor, amount_minor) VALUES (?, ?, ?, 10, 1000, 10000)`,
      )
      .run(lastInsertRowid, p, refs[i] ?? ''),
  );
}

beforeAll(async () => {
  t = await openTestEngine({ now: () => new Date('2026-06-01T08:00:00.000Z') });
  const customers: [string, string, string][] = [
    ['Licht Werk GmbH', 'DE', 'LED lighting'],
    ['Lumière SARL', 'FR', 'LED lighting'],
    ['Lichtpunt BV', 'NL', 'LED lighting'],
    ['Brussels Lamps SA', 'BE', 'LED lighting'],
    ['Hanse Leuchten KG', 'DE', 'LED lighting'],
    ['Bright Co', 'US', 'LED lighting'],
    ['Möbel Haus GmbH', 'DE', 'Furniture'],
  ];
  for (const [company, country, industry] of customers) {
    ids[company] = (await t.call('customers.create', { company, country, industry })).id;
  }
  await t.call('products.create', { sku: 'PNL-600', nameEn: 'LED Panel 600x600', nameZh: 'LED面板灯', currency: 'USD', priceTiers: [] });
  await t.call('products.create', {
    sku: 'HB-150',
    nameEn: 'UFO High Bay 150W',
    nameZh: '工矿灯',
    currency: 'USD',
    priceTiers: [],
    alibabaProductId: '1600123456789',
  });
  await t.call('products.create', { sku: 'TB-T8', nameEn: 'T8 LED Tube', nameZh: 'T8灯管', currency: 'USD', priceTiers: [] });
  // Everyone in Western Europe bought panels; three of them also bought high bays (one by its Alibaba id), two tubes.
  order('Lumière SARL', ['LED Panel 600x600', 'UFO High Bay'], ['', '1600123456789']);
  order('Lichtpunt BV', ['PNL-600', 'UFO High Bay 150W']);
  order('Brussels Lamps SA', ['led panel 600x600', 'UFO High Bay 150W', 'T8 LED Tube']);
  order('Hanse Leuchten KG', ['T8 LED Tube']);
  order('Bright Co', ['Street Light 100W']);
  order('Möbel Haus GmbH', ['Office Chair']);
  // Licht Werk bought panels and asked about nothing else.
  order('Licht Werk GmbH', ['LED Panel 600x600']);
});
afterAll(async () => {
  await t.close();
});

describe('recommendations.forCustomer', () => {
  it('suggests what similar buyers bought that the customer never asked for nor bought, explained', async () => {
    const r = await t.call('recommendations.forCustomer', { customerId: ids['Licht Werk GmbH']! });
    expect(r.cohort).toMatchObject({ industry: 'LED lighting', scope: 'both', buyers: 4, region: { code: '155' } });
    expect(r.items.map((i) => [i.sku, i.buyers, i.alsoBoughtBuyers, i.alsoBought?.sku])).toEqual([
      ['HB-150', 3, 3, 'PNL-600'],
      ['TB-T8', 2, 1, 'PNL-600'],
    ]);
    // Nothing the customer already bought, nothing from another industry or region.
    expect(r.items.some((i) => i.sku === 'PNL-600' || i.text === 'Office Chair' || i.text === 'Street Light 100W')).toBe(false);
  });

  it('widens to the industry anywhere when the region has too few buyers', async () => {
    const r = await t.call('recommendations.forCustomer', { customerId: ids['Bright Co']! });
    expect(r.cohort?.scope).toBe('industry');
    expect(r.items.map((i) => i.sku)).toEqual(['PNL-600', 'HB-150', 'TB-T8']);
    expect(r.items[0]).toMatchObject({ buyers: 4, alsoBoughtBuyers: 0, alsoBought: null });
  });
});

describe('recommendations.forProduct', () => {
  it('lists the customers of the buying cohorts who have not bought nor asked for it', async () => {
    const highBay = (await t.call('products.list', { search: 'HB-150' })).rows[0]!;
    const r = await t.call('recommendations.forProduct', { productId: highBay.id });
    expect(r.buyers).toBe(3);
    expect(r.items.map((i) => [i.company, i.cohortBuyers, i.cohortSize])).toEqual([
      ['Hanse Leuchten KG', 3, 5],
      ['Licht Werk GmbH', 3, 5],
    ]);
    // An inquiry about it takes the customer off the list.
    t.engine.database.sqlite
      .prepare(
        `INSERT INTO inquiries (customer_id, received_at, subject, product, product_ref, created_at) VALUES (?, '2026-05-01T00:00:00Z', 'RFQ', 'UFO High Bay 150W', '', '2026-05-01T00:00:00Z')`,
      )
      .run(ids['Hanse Leuchten KG']);
    const after = await t.call('recommendations.forProduct', { productId: highBay.id });
    expect(after.items.map((i) => i.company)).toEqual(['Licht Werk GmbH']);
  });

  it('refuses a product that does not exist', async () => {
    const r = await t.raw('recommendations.forProduct', { productId: 999_999 });
    expect(r.ok ? null : r.error.code).toBe('NOT_FOUND');
  });
});
