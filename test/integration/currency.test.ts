import { afterEach, describe, expect, it } from 'vitest';
import { REFERENCE_RATES_DATE, referenceRate } from '../../src/shared/domain/reference-rates';
import { localDayKey, systemTimeZone } from '../../src/shared/time/zoned';
import { openTestEngine, type TestEngine } from '../support/temp-db';

let t: TestEngine;
afterEach(async () => {
  await t?.close();
});

const NOW = new Date('2026-12-06T09:30:00Z');

/** An order file as an Alibaba export writes one: a Spanish buyer in EUR, a British one in GBP, an Icelandic one in ISK. */
const ORDERS = [
  'Order No,Order Date,Company,Country,Amount,Currency',
  '9001,2026-10-02,Iluminación Sol SL,ES,30000.00,EUR',
  '9002,2026-11-03,Iluminación Sol SL,ES,22000.00,EUR',
  '9003,2026-11-10,Brighton Lamps Ltd,GB,1000.00,GBP',
  '9004,2026-11-12,Reykjavik Ljós ehf,IS,500000,ISK',
  '9005,2026-11-13,Reykjavik Ljós ehf,IS,250000,ISK',
  '',
].join('\r\n');

async function importOrders() {
  const a = await t.call('import.analyze', { fileName: 'orders.csv', contentBase64: Buffer.from(ORDERS).toString('base64') });
  const plan = { fileId: a.fileId, kind: a.kind, mapping: a.mapping };
  const preview = await t.call('import.preview', plan);
  const report = await t.call('import.commit', plan);
  return { preview, report };
}

async function customerNamed(company: string) {
  const list = await t.call('customers.list', { limit: 100 });
  const row = list.rows.find((r) => r.company === company);
  if (!row) throw new Error(`${company} not listed`);
  return row;
}

describe('exchange rates: the reference table, the user’s own rates, and orders not counted', () => {
  it('EUR and GBP orders count in revenue from the first import, at the dated reference rates', async () => {
    t = await openTestEngine({ now: () => NOW });
    const { preview } = await importOrders();
    // The preview names each currency of the file with its rows: the wizard asks for ISK's rate.
    expect(preview.findings.currencies).toEqual([
      { currency: 'EUR', rows: 2 },
      { currency: 'ISK', rows: 2 },
      { currency: 'GBP', rows: 1 },
    ]);
    await t.call('classify.run', {});

    const spain = await customerNamed('Iluminación Sol SL');
    // €52,000 this year is not "no revenue": 52,000 × 1.16 = US$60,320.
    expect(spain.classes.revenueMinor).toBe(Math.round(52_000_00 * (referenceRate('EUR', 'USD') ?? 0)));
    expect(spain.classes.revenueMinor).toBe(60_320_00);
    const uk = await customerNamed('Brighton Lamps Ltd');
    expect(uk.classes.revenueMinor).toBe(1_320_00);

    // ISK is not in the table: its two orders are left out, and said so for the book and the customer.
    const iceland = await customerNamed('Reykjavik Ljós ehf');
    expect(iceland.classes.revenueMinor).toBe(0);
    const settings = await t.call('currency.get', {});
    expect(settings).toMatchObject({ base: 'USD', rates: {}, uncounted: [{ currency: 'ISK', orders: 2 }] });
    expect(await t.call('currency.uncounted', {})).toEqual([{ currency: 'ISK', orders: 2 }]);
    expect(await t.call('currency.uncounted', { customerId: iceland.id })).toEqual([{ currency: 'ISK', orders: 2 }]);
    expect(await t.call('currency.uncounted', { customerId: spain.id })).toEqual([]);
    const dashboard = await t.call('dashboard.overview', {});
    expect(dashboard.revenueMinor).toBe(60_320_00 + 1_320_00);
    expect(REFERENCE_RATES_DATE).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('a rate the user sets wins over the table, is dated the local day it was set, and keeps that day until changed', async () => {
    let clock = NOW;
    t = await openTestEngine({ now: () => clock });
    await importOrders();
    await t.call('currency.save', { base: 'USD', rates: { EUR: 1.2, ISK: 0.0072 } });
    const today = localDayKey(NOW.getTime(), systemTimeZone());
    const saved = await t.call('currency.get', {});
    expect(saved).toMatchObject({ rates: { EUR: 1.2, ISK: 0.0072 }, rateDates: { EUR: today, ISK: today }, uncounted: [] });
    await t.call('classify.run', {});
    expect((await customerNamed('Iluminación Sol SL')).classes.revenueMinor).toBe(62_400_00);
    expect((await customerNamed('Brighton Lamps Ltd')).classes.revenueMinor).toBe(1_320_00); // still the table's
    expect((await customerNamed('Reykjavik Ljós ehf')).classes.revenueMinor).toBe(5_400_00);

    // Saved again a week later with EUR unchanged and ISK changed: only ISK gets the new day.
    const later = new Date(NOW.getTime() + 7 * 86_400_000);
    clock = later;
    await t.call('currency.save', { base: 'USD', rates: { EUR: 1.2, ISK: 0.0075 } });
    expect((await t.call('currency.get', {})).rateDates).toEqual({ EUR: today, ISK: localDayKey(later.getTime(), systemTimeZone()) });

    // Removing the user's rate for EUR falls back to the reference table, not to "no rate".
    await t.call('currency.save', { base: 'USD', rates: { ISK: 0.0075 } });
    await t.call('classify.run', {});
    expect((await customerNamed('Iluminación Sol SL')).classes.revenueMinor).toBe(60_320_00);
  });

  it('another base currency re-expresses the reference rates in it', async () => {
    t = await openTestEngine({ now: () => NOW });
    await importOrders();
    await t.call('currency.save', { base: 'EUR', rates: {} });
    await t.call('classify.run', {});
    expect((await customerNamed('Iluminación Sol SL')).classes.revenueMinor).toBe(52_000_00);
    // 1 GBP = 1.32 / 1.16 EUR (6 significant digits).
    expect((await customerNamed('Brighton Lamps Ltd')).classes.revenueMinor).toBe(Math.round(1000_00 * 1.13793));
  });

  it('an invalid rate changes nothing', async () => {
    t = await openTestEngine({ now: () => NOW });
    await t.call('currency.save', { base: 'USD', rates: { EUR: 1.2 } });
    await expect(t.call('currency.save', { base: 'USD', rates: { EUR: -1 } })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(t.call('currency.save', { base: 'US', rates: {} })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await t.call('currency.get', {})).toMatchObject({ base: 'USD', rates: { EUR: 1.2 } });
  });
});
