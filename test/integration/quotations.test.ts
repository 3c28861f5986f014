import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { linesTotal } from '../../src/shared/domain/quotations';
import { openTestEngine, type TestEngine } from '../support/temp-db';
import { deviceSeries } from '../../src/main/services/quotations/document-numbers';
import { pdfText } from '../support/pdf-text';

let t: TestEngine;
const clock = { now: new Date('2026-12-08T08:00:00Z') };
afterEach(async () => {
  await t?.close();
});

async function open() {
  clock.now = new Date('2026-12-08T08:00:00Z');
  t = await openTestEngine({ now: () => clock.now });
  const customer = await t.call('customers.create', { company: 'Hamburg Lights GmbH', country: 'DE', city: 'Hamburg', owner: 'Lily' });
  const bulb = await t.call('products.create', {
    sku: 'LED-E27-9W',
    nameEn: 'LED bulb E27 9W',
    nameZh: 'LED 球泡灯 E27 9W',
    moq: 500,
    currency: 'USD',
    priceTiers: [
      { minQty: 500, unitPriceMinor: 120 },
      { minQty: 1000, unitPriceMinor: 105 },
      { minQty: 5000, unitPriceMinor: 95 },
    ],
    unitsPerCarton: 100,
    leadTimeDays: 25,
  });
  return { customerId: customer.id, productId: bulb.id };
}

function rows<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(t.dbPath, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

const fields = (productId: number, quantity = 1200) => ({
  currency: 'USD',
  language: 'en' as const,
  incoterm: 'FOB' as const,
  namedPlace: 'Ningbo',
  paymentTerms: 'T/T 30% deposit, 70% before shipment',
  validUntil: '2027-01-07',
  lines: [
    { productId, quantity },
    { description: 'Custom gift box printing', quantity: 1, unitPriceMinor: 15000 },
  ],
});
const draft = (customerId: number, productId: number, quantity = 1200) => ({ customerId, ...fields(productId, quantity) });

describe('quotations', () => {
  it('price a catalogue line from its quantity tier, flag it under the MOQ, keep the total equal to the lines', async () => {
    const { customerId, productId } = await open();
    const q = await t.call('quotations.create', draft(customerId, productId));
    expect(q).toMatchObject({ kind: 'quotation', number: 'Q-2026-0001', revision: 1, status: 'draft', issuedOn: '2026-12-08' });
    expect(q.lines[0]).toMatchObject({
      sku: 'LED-E27-9W',
      description: 'LED bulb E27 9W',
      unitPriceMinor: 105,
      amountMinor: 126_000,
      belowMoq: false,
    });
    expect(q.totalMinor).toBe(126_000 + 15_000);
    const small = await t.call('quotations.update', {
      id: q.id,
      version: q.version,
      fields: { ...fields(productId, 200), language: 'zh' },
    });
    expect(small.lines[0]).toMatchObject({
      quantity: 200,
      unitPriceMinor: 120,
      belowMoq: true,
      moq: 500,
      description: 'LED 球泡灯 E27 9W',
    });
    expect(small.totalMinor).toBe(200 * 120 + 15_000);
    const stale = await t.raw('quotations.update', { id: q.id, version: q.version, fields: fields(productId) });
    expect(!stale.ok && stale.error.code).toBe('CONFLICT');
    // The line picker finds products by SKU or name, English or Chinese, case ignored.
    for (const query of ['e27-9', 'bulb', '球泡灯', '']) {
      expect((await t.call('quotations.products', { query })).map((p) => p.sku)).toEqual(['LED-E27-9W']);
    }
    expect(await t.call('quotations.products', { query: 'panel' })).toEqual([]);
    const eur = await t.raw('quotations.create', { ...draft(customerId, productId), currency: 'EUR' });
    expect(!eur.ok && eur.error.code).toBe('QUOTATION_PRODUCT_CURRENCY');
    // The stored total is the lines' sum (read from the table).
    const [sum] = rows<{ total: number; lines: number }>(
      'SELECT q.total_minor AS total, (SELECT sum(amount_minor) FROM quotation_lines WHERE quotation_id = q.id) AS lines FROM quotations q WHERE id = ?',
      q.id,
    );
    expect(sum!.total).toBe(sum!.lines);
  });

  it('number per kind and year without gaps across creates, cancels and a refused create', async () => {
    const { customerId, productId } = await open();
    const a = await t.call('quotations.create', draft(customerId, productId));
    const b = await t.call('quotations.create', draft(customerId, productId));
    await t.call('quotations.cancel', { id: b.id, version: b.version });
    // A create that fails inside its transaction gives its number back.
    const bad = await t.raw('quotations.create', { ...draft(customerId, productId), lines: [{ productId: 999_999, quantity: 1 }] });
    expect(!bad.ok && bad.error.code).toBe('NOT_FOUND');
    const c = await t.call('quotations.create', draft(customerId, productId));
    const nextYear = await t.call('quotations.create', { ...draft(customerId, productId), issuedOn: '2027-01-04' });
    expect([a.number, b.number, c.number, nextYear.number]).toEqual(['Q-2026-0001', 'Q-2026-0002', 'Q-2026-0003', 'Q-2027-0001']);
    const list = await t.call('quotations.list', { customerId });
    expect(list.map((q) => q.number).sort()).toEqual(['Q-2026-0001', 'Q-2026-0002', 'Q-2026-0003', 'Q-2027-0001']);
    expect(list.find((q) => q.id === b.id)?.status).toBe('cancelled');
  });

  it('in a team, each laptop numbers in its own series, so two laptops offline never issue one number twice', async () => {
    const { customerId, productId } = await open();
    const plain = await t.call('quotations.create', draft(customerId, productId));
    expect(plain.number).toBe('Q-2026-0001');
    // This laptop joins a team (the join writes its device id).
    t.engine.database.sqlite.prepare(`UPDATE sync_state SET team_device_id = ? WHERE id = 1`).run('0193c5a2-7b1e-7c3d-9f00-0a1b2c3d4e5f');
    const series = deviceSeries('0193c5a2-7b1e-7c3d-9f00-0a1b2c3d4e5f');
    expect(series).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(deviceSeries('0193c5a2-7b1e-7c3d-9f00-0a1b2c3d4e60')).not.toBe(series);
    const a = await t.call('quotations.create', draft(customerId, productId));
    const sent = await t.call('quotations.send', { id: a.id, version: a.version });
    const accepted = await t.call('quotations.accept', { id: sent.id, version: sent.version });
    const pi = await t.call('quotations.makeProforma', { id: accepted.id, version: accepted.version });
    expect(a.number).toBe(`Q-2026-${series}-0002`);
    expect(pi.number).toBe(`PI-2026-${series}-0001`);
  });

  it('send puts each revision on the timeline and moves the deal to quoted; revise keeps the number and supersedes; accept; PI copy', async () => {
    const { customerId, productId } = await open();
    const deal = await t.call('deals.create', { customerId, title: 'LED bulbs for the spring range', amountMinor: 0, currency: 'USD' });
    const q = await t.call('quotations.create', { ...draft(customerId, productId), opportunityId: deal.id });
    const edit = await t.raw('quotations.revise', { id: q.id, version: q.version });
    expect(!edit.ok && edit.error.code).toBe('QUOTATION_STATUS');
    clock.now = new Date('2026-12-08T09:00:00Z');
    const sent = await t.call('quotations.send', { id: q.id, version: q.version });
    expect(sent).toMatchObject({ status: 'sent', sentAt: '2026-12-08T09:00:00.000Z' });
    const notDraft = await t.raw('quotations.update', { id: q.id, version: sent.version, fields: fields(productId) });
    expect(!notDraft.ok && notDraft.error.code).toBe('QUOTATION_STATUS');
    expect((await t.call('deals.list', { customerId }))[0]?.stage).toBe('quoted');

    clock.now = new Date('2026-12-09T09:00:00Z');
    const rev2 = await t.call('quotations.revise', { id: q.id, version: sent.version });
    expect(rev2).toMatchObject({ number: q.number, revision: 2, status: 'draft', sourceId: q.id, totalMinor: q.totalMinor });
    expect(rev2.lines.map((l) => [l.sku, l.quantity, l.amountMinor])).toEqual(q.lines.map((l) => [l.sku, l.quantity, l.amountMinor]));
    expect((await t.call('quotations.get', { id: q.id })).status).toBe('superseded');
    const cheaper = await t.call('quotations.update', {
      id: rev2.id,
      version: rev2.version,
      fields: { ...fields(productId, 5000), opportunityId: deal.id },
    });
    expect(cheaper.lines[0]!.unitPriceMinor).toBe(95);
    const sent2 = await t.call('quotations.send', { id: rev2.id, version: cheaper.version });
    const timeline = await t.call('timeline.list', { customerId });
    const sentEntries = timeline.filter((e) => e.subtype === 'quotation_sent').map((e) => e.summary);
    expect(sentEntries).toEqual([`Quotation ${q.number} rev 2 sent: USD 4,900.00`, `Quotation ${q.number} sent: USD 1,410.00`]);

    const notAccepted = await t.raw('quotations.makeProforma', { id: rev2.id, version: sent2.version });
    expect(!notAccepted.ok && notAccepted.error.code).toBe('QUOTATION_STATUS');
    const accepted = await t.call('quotations.accept', { id: rev2.id, version: sent2.version });
    const pi = await t.call('quotations.makeProforma', { id: rev2.id, version: accepted.version });
    expect(pi).toMatchObject({
      kind: 'proforma',
      number: 'PI-2026-0001',
      revision: 1,
      status: 'draft',
      sourceId: rev2.id,
      totalMinor: 5000 * 95 + 15_000,
    });
    expect(pi.lines).toHaveLength(2);
    const twice = await t.raw('quotations.makeProforma', { id: rev2.id, version: accepted.version });
    expect(!twice.ok && twice.error.code).toBe('QUOTATION_STATUS');
    // The PI numbers are their own sequence; a new quotation continues the quotations'.
    expect((await t.call('quotations.create', draft(customerId, productId))).number).toBe('Q-2026-0002');
    expect((await t.call('quotations.list', { opportunityId: deal.id })).map((d) => `${d.number}/${d.revision}/${d.status}`)).toEqual([
      'PI-2026-0001/1/draft',
      'Q-2026-0001/2/accepted',
      'Q-2026-0001/1/superseded',
    ]);
  });

  it('renders the PI with the letterhead, bank details and the total of its lines', async () => {
    const { customerId, productId } = await open();
    await t.call('quotations.saveLetterhead', {
      nameEn: 'Ningbo Bright Lighting Co., Ltd.',
      nameZh: '宁波明亮照明有限公司',
      bank: {
        beneficiary: 'Ningbo Bright Lighting',
        bankName: 'Bank of China',
        account: '3578-0000-1234',
        swift: 'BKCHCNBJ92A',
        bankAddress: '',
      },
    });
    const q = await t.call('quotations.create', { ...draft(customerId, productId), language: 'both' });
    const s = await t.call('quotations.send', { id: q.id, version: q.version });
    const a = await t.call('quotations.accept', { id: q.id, version: s.version });
    const pi = await t.call('quotations.makeProforma', { id: q.id, version: a.version });
    const file = await t.call('quotations.pdf', { id: pi.id });
    expect(file).toMatchObject({ fileName: 'PI-2026-0001.pdf', mime: 'application/pdf', rows: 2 });
    const text = (await pdfText(Buffer.from(file.contentBase64, 'base64'))).replace(/\s+/g, '');
    expect(text).toContain('PROFORMAINVOICE形式发票');
    expect(text).toContain('宁波明亮照明有限公司');
    expect(text).toContain('LEDbulbE279W/LED球泡灯E279W');
    expect(text).toContain('BKCHCNBJ92A');
    expect(text).toContain('HamburgLightsGmbH');
    expect(text).toContain('Total合计(USD)1,410.00');
    expect(text).toContain('100pcs/carton');
  });

  it('refuses a logo that is not a PNG or JPEG, or too large', async () => {
    await open();
    const gif = await t.raw('quotations.saveLetterhead', {
      logo: { mime: 'image/png', contentBase64: Buffer.from('GIF89a....').toString('base64') },
    });
    expect(!gif.ok && gif.error.code).toBe('LETTERHEAD_LOGO_NOT_IMAGE');
    const big = Buffer.alloc(600 * 1024);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(big);
    const large = await t.raw('quotations.saveLetterhead', { logo: { mime: 'image/png', contentBase64: big.toString('base64') } });
    expect(large.ok).toBe(false);
  });

  it('property: the stored total is the sum of the lines for any lines', async () => {
    const { customerId } = await open();
    const line = fc.record({
      quantity: fc.integer({ min: 1, max: 1_000_000 }),
      unitPriceMinor: fc.integer({ min: 0, max: 10_000_000 }),
      description: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 25 }), async (lines) => {
        const q = await t.call('quotations.create', { customerId, currency: 'USD', lines });
        expect(q.totalMinor).toBe(linesTotal(lines));
        expect(q.lines.reduce((s, l) => s + l.amountMinor, 0)).toBe(q.totalMinor);
        const [stored] = rows<{ total: number; sum: number }>(
          'SELECT total_minor AS total, (SELECT sum(amount_minor) FROM quotation_lines WHERE quotation_id = ?) AS sum FROM quotations WHERE id = ?',
          q.id,
          q.id,
        );
        expect(stored).toEqual({ total: q.totalMinor, sum: q.totalMinor });
      }),
      { numRuns: 40 },
    );
  });
});
