import { afterEach, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../support/temp-db';
import { readXlsx } from '../../src/main/import/read-xlsx';

let t: TestEngine;
const clock = { now: new Date('2026-12-01T08:00:00Z') };
afterEach(async () => {
  await t?.close();
});

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

async function importCsv(fileName: string, csv: string) {
  const a = await t.call('import.analyze', { fileName, contentBase64: b64(csv) });
  return t.call('import.commit', { fileId: a.fileId, kind: a.kind, mapping: a.mapping });
}

const LED = {
  sku: 'LED-PNL-6060',
  nameEn: 'LED Panel Light 60x60 40W',
  nameZh: 'LED面板灯 60x60 40W',
  category: 'Panel lights',
  moq: 100,
  priceTiers: [
    { minQty: 500, unitPriceMinor: 1150 },
    { minQty: 100, unitPriceMinor: 1280 },
  ],
};

describe('products', () => {
  it('are created, listed, searched, edited by version, archived; a SKU is unique case-insensitively', async () => {
    t = await openTestEngine({ now: () => clock.now });
    const p = await t.call('products.create', LED);
    expect(p).toMatchObject({ sku: 'LED-PNL-6060', unit: 'pcs', currency: 'USD', version: 1, hasPhoto: false, archivedAt: null });
    // Tiers come back ascending by quantity.
    expect(p.priceTiers.map((x) => x.minQty)).toEqual([100, 500]);
    await t.call('products.create', { sku: 'LED-BULB-9W', nameEn: 'LED Bulb 9W', nameZh: 'LED球泡灯 9W', category: 'Bulbs' });

    const taken = await t.raw('products.create', { sku: '  led-pnl-6060 ', nameEn: 'Another' });
    expect(!taken.ok && taken.error.code).toBe('PRODUCT_SKU_TAKEN');
    expect(!taken.ok && taken.error.details).toMatchObject({ productId: p.id, archived: false });

    const byZh = await t.call('products.list', { search: '球泡' });
    expect(byZh.rows.map((r) => r.sku)).toEqual(['LED-BULB-9W']);
    const bySku = await t.call('products.list', { search: 'pnl' });
    expect(bySku.rows.map((r) => r.sku)).toEqual(['LED-PNL-6060']);
    // LIKE wildcards in the search are literal.
    expect((await t.call('products.list', { search: '%' })).total).toBe(0);
    const all = await t.call('products.list', {});
    expect(all.total).toBe(2);
    expect(all.categories).toEqual(['Bulbs', 'Panel lights']);
    expect((await t.call('products.list', { category: 'Bulbs' })).rows.map((r) => r.sku)).toEqual(['LED-BULB-9W']);

    const edited = await t.call('products.update', {
      id: p.id,
      version: 1,
      patch: { moq: 200, costMinor: 800, costCurrency: 'cny', hsCode: '9405420000' },
    });
    expect(edited).toMatchObject({ moq: 200, costMinor: 800, costCurrency: 'CNY', version: 2, nameEn: LED.nameEn });
    const stale = await t.raw('products.update', { id: p.id, version: 1, patch: { moq: 300 } });
    expect(!stale.ok && stale.error.code).toBe('CONFLICT');
    const clash = await t.raw('products.update', { id: p.id, version: 2, patch: { sku: 'led-bulb-9w' } });
    expect(!clash.ok && clash.error.code).toBe('PRODUCT_SKU_TAKEN');
    // Its own SKU in another case is no clash.
    const recased = await t.call('products.update', { id: p.id, version: 2, patch: { sku: 'led-pnl-6060' } });
    expect(recased.sku).toBe('led-pnl-6060');

    const archived = await t.call('products.setArchived', { id: p.id, version: recased.version, archived: true });
    expect(archived.archivedAt).not.toBeNull();
    expect((await t.call('products.list', {})).rows.map((r) => r.sku)).toEqual(['LED-BULB-9W']);
    expect((await t.call('products.list', { archived: 'archived' })).rows.map((r) => r.id)).toEqual([p.id]);
    expect((await t.call('products.list', { archived: 'all' })).total).toBe(2);
    // An archived product still holds its SKU.
    const again = await t.raw('products.create', { sku: 'LED-PNL-6060' });
    expect(!again.ok && again.error.details).toMatchObject({ archived: true });
    const back = await t.call('products.setArchived', { id: p.id, version: archived.version, archived: false });
    expect(back.archivedAt).toBeNull();

    const badTiers = await t.raw('products.create', {
      sku: 'X',
      priceTiers: [
        { minQty: 10, unitPriceMinor: 1 },
        { minQty: 10, unitPriceMinor: 2 },
      ],
    });
    expect(!badTiers.ok && badTiers.error.code).toBe('INVALID_INPUT');
  });

  it('keep a photo of at most 2 MB that is an image', async () => {
    t = await openTestEngine({ now: () => clock.now });
    const p = await t.call('products.create', { sku: 'P1' });
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 1)]);
    const withPhoto = await t.call('products.setPhoto', { id: p.id, version: 1, contentBase64: png.toString('base64') });
    expect(withPhoto).toMatchObject({ hasPhoto: true, photoMime: 'image/png', version: 2 });
    expect((await t.call('products.photo', { id: p.id }))?.contentBase64).toBe(png.toString('base64'));
    const text = await t.raw('products.setPhoto', { id: p.id, version: 2, contentBase64: b64('hello, not an image') });
    expect(!text.ok && text.error.code).toBe('PRODUCT_PHOTO_NOT_IMAGE');
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(2 * 1024 * 1024)]);
    const tooBig = await t.raw('products.setPhoto', { id: p.id, version: 2, contentBase64: big.toString('base64') });
    expect(!tooBig.ok && tooBig.error.code).toBe('PRODUCT_PHOTO_TOO_LARGE');
    const cleared = await t.call('products.clearPhoto', { id: p.id, version: 2 });
    expect(cleared).toMatchObject({ hasPhoto: false, photoMime: null });
    expect(await t.call('products.photo', { id: p.id })).toBeNull();
  });

  it("list a customer's asked-for and bought products, matched by Alibaba id, SKU or name", async () => {
    t = await openTestEngine({ now: () => clock.now });
    const panel = await t.call('products.create', { ...LED, alibabaProductId: '1600123456789' });
    const bulb = await t.call('products.create', { sku: 'LED-BULB-9W', nameEn: 'LED Bulb 9W', nameZh: 'LED球泡灯 9W' });
    await importCsv(
      'inquiries.csv',
      [
        'Inquiry ID,Inquiry Time,Company,Country,Email,Product Name,Product ID,Quantity,Subject',
        // By the Alibaba product id (the title differs).
        '5001,2026-10-01 10:00,Berlin Licht GmbH,DE,anna@berlinlicht.de,Ultra slim panel,1600123456789,500,Panels',
        // By the English name, in another case.
        '5002,2026-10-05 10:00,Berlin Licht GmbH,DE,anna@berlinlicht.de,led panel light 60x60 40w,,1000,Panels again',
        // By the Chinese name.
        '5003,2026-10-07 10:00,Berlin Licht GmbH,DE,anna@berlinlicht.de,LED球泡灯 9W,,,Bulbs',
        // Nothing in the catalogue.
        '5004,2026-10-09 10:00,Berlin Licht GmbH,DE,anna@berlinlicht.de,Solar street light 100W,,50,Solar',
        '5005,2026-10-10 10:00,Other Buyer Ltd,GB,bob@other.co.uk,LED Bulb 9W,,10,Other',
      ].join('\n'),
    );
    await importCsv(
      'orders.csv',
      [
        'Order No,Order Date,Company,Country,Email,Product,SKU,Quantity,Unit Price,Currency,Order Status',
        'SO-1,2026-11-01,Berlin Licht GmbH,DE,anna@berlinlicht.de,Panel 60x60,led-pnl-6060,300,12.80,USD,Completed',
        'SO-2,2026-11-15,Berlin Licht GmbH,DE,anna@berlinlicht.de,Panel 60x60,LED-PNL-6060,200,12.80,USD,Completed',
        'SO-3,2026-11-20,Berlin Licht GmbH,DE,anna@berlinlicht.de,Mystery lamp,,5,3.00,USD,Completed',
        'SO-4,2026-11-21,Berlin Licht GmbH,DE,anna@berlinlicht.de,LED Bulb 9W,,5,3.00,USD,Cancelled',
      ].join('\n'),
    );
    const customers = await t.call('customers.list', { filter: { search: 'Berlin' } } as never);
    const id = (customers as { rows: { id: number }[] }).rows[0]!.id;
    const { asked, bought } = await t.call('products.ofCustomer', { customerId: id });
    const askedPanel = asked.find((a) => a.productId === panel.id);
    expect(askedPanel).toMatchObject({ count: 2, quantity: 1500, sku: 'LED-PNL-6060', lastAt: expect.stringContaining('2026-10-05') });
    expect(asked.find((a) => a.productId === bulb.id)).toMatchObject({ count: 1, quantity: null, matchedBy: 'name' });
    expect(asked.find((a) => a.productId === null)).toMatchObject({ text: 'Solar street light 100W', count: 1, quantity: 50 });
    expect(asked).toHaveLength(3);
    // Bought: the two panel orders by SKU; the cancelled bulb order is no purchase.
    expect(bought.find((b) => b.productId === panel.id)).toMatchObject({ count: 2, quantity: 500, matchedBy: 'sku' });
    expect(bought.find((b) => b.productId === null)).toMatchObject({ text: 'Mystery lamp', count: 1 });
    expect(bought).toHaveLength(2);
    const missing = await t.raw('products.ofCustomer', { customerId: 999_999 });
    expect(!missing.ok && missing.error.code).toBe('NOT_FOUND');
  });

  it('export the filtered catalogue to XLSX (default) and CSV with headers in the language', async () => {
    t = await openTestEngine({ now: () => clock.now });
    await t.call('products.create', { ...LED, hsCode: '9405420000', cartonLengthCm: 60, cartonWidthCm: 40, cartonHeightCm: 35 });
    await t.call('products.create', { sku: 'LED-BULB-9W', nameEn: 'LED Bulb 9W', category: 'Bulbs' });
    const xlsx = await t.call('products.export', { category: 'Panel lights', language: 'zh-CN' });
    expect(xlsx.fileName).toMatch(/^products-.*\.xlsx$/);
    expect(xlsx.rows).toBe(1);
    const table = readXlsx(Buffer.from(xlsx.contentBase64, 'base64'));
    expect(table.headers.slice(0, 3)).toEqual(['型号', '产品名称', '英文名']);
    const row = table.rows[0]!;
    expect(row[0]).toBe('LED-PNL-6060');
    expect(row[table.headers.indexOf('阶梯价')]).toBe('100+: 12.80; 500+: 11.50');
    expect(row[table.headers.indexOf('外箱尺寸')]).toBe('60x40x35 cm');
    const csv = await t.call('products.export', { format: 'csv', search: 'bulb' });
    const text = Buffer.from(csv.contentBase64, 'base64').toString('utf8');
    expect(text.split('\r\n')[0]).toContain('SKU,Chinese Name,English Name');
    expect(csv.rows).toBe(1);
  });
});
