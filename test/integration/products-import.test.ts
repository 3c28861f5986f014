import { afterEach, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../support/temp-db';
import { catalogueZhXlsx, CATALOGUE_ROWS } from '../fixtures/catalogue-zh';

let t: TestEngine;
afterEach(async () => {
  await t?.close();
});

const clock = { now: new Date('2026-12-01T08:00:00Z') };

async function analyze(bytes: Buffer, fileName = 'catalogue-zh.xlsx') {
  return t.call('import.analyze', { fileName, contentBase64: bytes.toString('base64') });
}

async function importCatalogue(bytes: Buffer, fileName = 'catalogue-zh.xlsx') {
  const a = await analyze(bytes, fileName);
  return t.call('import.commit', { fileId: a.fileId, kind: a.kind, mapping: a.mapping });
}

const accounted = (c: { imported: number; merged: number; duplicates: number; failed: number }) =>
  c.imported + c.merged + c.duplicates + c.failed;

describe('catalogue import', () => {
  it('recognises a Chinese catalogue, imports new SKUs, names the duplicate and the bad row, and the counts add up', async () => {
    t = await openTestEngine({ now: () => clock.now });
    const bytes = catalogueZhXlsx();
    const a = await analyze(bytes);
    expect(a.kind).toBe('products');
    expect(a.headerRow).toBe(2);
    expect(a.rowCount).toBe(14);
    const byHeader = Object.fromEntries(a.columns.map((c) => [c.header, a.mapping[c.index]]));
    expect(byHeader).toMatchObject({
      型号: 'sku',
      产品名称: 'nameZh',
      英文名: 'nameEn',
      类别: 'category',
      单位: 'unit',
      起订量: 'moq',
      币种: 'currency',
      '单价(100+)': 'tierPrice',
      '单价(500+)': 'tierPrice',
      'Price 1000+': 'tierPrice',
      阶梯价: 'priceTiers',
      HS编码: 'hsCode',
      装箱数: 'unitsPerCarton',
      外箱尺寸: 'cartonSize',
      '毛重(kg)': 'cartonWeight',
      交期: 'leadTime',
      阿里巴巴产品ID: 'alibabaProductId',
      备注: 'notes',
    });

    const preview = await t.call('import.preview', { fileId: a.fileId, kind: 'products', mapping: a.mapping });
    expect(preview.counts).toMatchObject({ rows: 14, imported: 12, merged: 0, duplicates: 1, failed: 1 });
    expect((await t.call('products.list', {})).total).toBe(0);

    const r = await t.call('import.commit', { fileId: a.fileId, kind: 'products', mapping: a.mapping });
    expect(r).toMatchObject({ rows: 14, imported: 12, merged: 0, duplicates: 1, failed: 1, kind: 'products' });
    expect(accounted(r)).toBe(r.rows);
    // The repeated SKU is a duplicate of the earlier row (file row 5: title, header, then data from row 3).
    expect(r.duplicateRows).toEqual([{ row: 15, of: { kind: 'row', row: 5 } }]);
    expect(r.errors).toEqual([expect.objectContaining({ row: 16, column: '起订量', code: 'ROW_BAD_NUMBER' })]);

    const list = await t.call('products.list', { limit: 100 });
    expect(list.total).toBe(12);
    const panel = list.rows.find((p) => p.sku === 'LED-PNL-6060')!;
    expect(panel).toMatchObject({
      nameZh: 'LED面板灯 60x60 40W',
      nameEn: 'LED Panel Light 600x600 40W',
      category: '面板灯',
      moq: 100,
      currency: 'USD',
      priceTiers: [
        { minQty: 100, unitPriceMinor: 1280 },
        { minQty: 500, unitPriceMinor: 1150 },
        { minQty: 1000, unitPriceMinor: 1090 },
      ],
      hsCode: '9405420000',
      unitsPerCarton: 4,
      cartonLengthCm: 63,
      cartonWidthCm: 63,
      cartonHeightCm: 30,
      cartonWeightKg: 12.5,
      leadTimeDays: 15,
      alibabaProductId: '1600123456789',
      notes: '含驱动',
    });
    const bulb = list.rows.find((p) => p.sku === 'LED-BULB-9W')!;
    // The file's first row for the SKU wins: the duplicate's prices are not taken.
    expect(bulb.priceTiers).toEqual([
      { minQty: 500, unitPriceMinor: 65 },
      { minQty: 1000, unitPriceMinor: 58 },
    ]);
    expect(bulb).toMatchObject({ cartonLengthCm: 50, cartonWidthCm: 35, cartonHeightCm: 30, leadTimeDays: 25 });
    expect(list.rows.find((p) => p.sku === 'LED-DL-12W')).toMatchObject({ cartonLengthCm: 60, cartonWidthCm: 40, cartonHeightCm: 35 });
    expect(list.rows.find((p) => p.sku === 'LED-TUBE-T8-18W')?.leadTimeDays).toBe(21);
    expect(list.rows.find((p) => p.sku === 'LED-HB-150W')?.currency).toBe('EUR');
    expect(list.rows.find((p) => p.sku === 'LED-SOLAR-60W')).toMatchObject({
      unit: 'set',
      priceTiers: [
        { minQty: 50, unitPriceMinor: 6800 },
        { minQty: 200, unitPriceMinor: 6250 },
      ],
    });

    // The same file again adds nothing: every good row repeats a product (or the earlier row).
    const again = await importCatalogue(bytes);
    expect(again).toMatchObject({ rows: 14, imported: 0, merged: 0, duplicates: 13, failed: 1 });
    expect(accounted(again)).toBe(again.rows);
    expect((await t.call('products.list', {})).total).toBe(12);
  });

  it('merges a known SKU case-insensitively (only the cells given), and undo puts the catalogue back', async () => {
    t = await openTestEngine({ now: () => clock.now });
    const first = await importCatalogue(catalogueZhXlsx());
    const before = (await t.call('products.list', { search: 'LED-SL-100W' })).rows[0]!;
    // New prices for the street light, written in lower case with a space, its other cells empty; and one new SKU.
    const update = catalogueZhXlsx([
      [' led-sl-100w', null, null, null, null, null, null, 44, 40, 37, null, null, null, null, null, null, null, null],
      ['LED-NEW-1', '新品', 'New one', '面板灯', 'pcs', 10, 'USD', 1.5, null, null, null, null, null, null, null, null, null, null],
    ]);
    const r = await importCatalogue(update, 'prices-2027.xlsx');
    expect(r).toMatchObject({ rows: 2, imported: 1, merged: 1, duplicates: 0, failed: 0 });
    const after = (await t.call('products.list', { search: 'LED-SL-100W' })).rows[0]!;
    expect(after).toMatchObject({ id: before.id, sku: 'LED-SL-100W', nameEn: 'LED Street Light 100W', moq: 50, version: 2, notes: 'IP66' });
    expect(after.priceTiers.map((x) => x.unitPriceMinor)).toEqual([4400, 4000, 3700]);

    // The first import cannot be undone while the later one changed one of its products.
    const blocked = await t.raw('import.undo', { batchId: first.batchId! });
    expect(!blocked.ok && blocked.error.code).toBe('IMPORT_NOT_UNDOABLE');
    const undone = await t.call('import.undo', { batchId: r.batchId! });
    expect(undone).toMatchObject({ productsRemoved: 1, productsRestored: 1 });
    const restored = (await t.call('products.list', { search: 'LED-SL-100W' })).rows[0]!;
    expect(restored.priceTiers).toEqual(before.priceTiers);
    expect((await t.call('products.list', {})).total).toBe(12);
    const undoneFirst = await t.call('import.undo', { batchId: first.batchId! });
    expect(undoneFirst.productsRemoved).toBe(12);
    expect((await t.call('products.list', { archived: 'all' })).total).toBe(0);
    const history = await t.call('import.history', {});
    expect(history.map((h) => [h.kind, h.status])).toEqual([
      ['products', 'undone'],
      ['products', 'undone'],
    ]);
  });

  it('reads back its own export (English and Chinese headers): every row a duplicate of its product', async () => {
    t = await openTestEngine({ now: () => clock.now });
    await importCatalogue(catalogueZhXlsx());
    for (const language of ['en', 'zh-CN'] as const) {
      for (const format of ['xlsx', 'csv'] as const) {
        const file = await t.call('products.export', { language, format });
        const a = await analyze(Buffer.from(file.contentBase64, 'base64'), file.fileName);
        expect(a.kind).toBe('products');
        const r = await t.call('import.commit', { fileId: a.fileId, kind: a.kind, mapping: a.mapping });
        expect(r).toMatchObject({ rows: 12, imported: 0, merged: 0, duplicates: 12, failed: 0 });
      }
    }
  });

  it('reads a file as a catalogue when the user chose that kind (headers too plain to tell)', async () => {
    t = await openTestEngine({ now: () => clock.now });
    const csv = Buffer.from('Model,Description,Price\r\nA-1,Desk lamp,4.50\r\nA-2,Floor lamp,12\r\n', 'utf8');
    const plain = await analyze(csv, 'list.csv');
    expect(plain.kind).not.toBe('products');
    const chosen = await t.call('import.analyze', { fileName: 'list.csv', contentBase64: csv.toString('base64'), kind: 'products' });
    expect(chosen).toMatchObject({ kind: 'products', mapping: ['sku', 'nameEn', 'unitPrice'] });
    const r = await t.call('import.commit', { fileId: chosen.fileId, kind: 'products', mapping: chosen.mapping });
    expect(r).toMatchObject({ rows: 2, imported: 2 });
    const lamp = (await t.call('products.list', { search: 'A-2' })).rows[0]!;
    expect(lamp).toMatchObject({ nameEn: 'Floor lamp', priceTiers: [{ minQty: 1, unitPriceMinor: 1200 }] });
  });

  it('refuses a mapping without a SKU, and a price column whose header names no quantity', async () => {
    t = await openTestEngine({ now: () => clock.now });
    const a = await analyze(catalogueZhXlsx());
    const noSku = a.mapping.map((f) => (f === 'sku' ? null : f));
    const r1 = await t.raw('import.preview', { fileId: a.fileId, kind: 'products', mapping: noSku });
    expect(!r1.ok && r1.error.code).toBe('IMPORT_MAPPING_INVALID');
    const badTier = a.mapping.map((f, i) => (a.columns[i]?.header === '类别' ? 'tierPrice' : f));
    const r2 = await t.raw('import.preview', { fileId: a.fileId, kind: 'products', mapping: badTier });
    expect(!r2.ok && r2.error.code).toBe('IMPORT_MAPPING_INVALID');
    expect(CATALOGUE_ROWS).toHaveLength(14);
  });
});
