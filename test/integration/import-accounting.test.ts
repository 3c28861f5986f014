/**
 * Nothing an import reads is dropped silently: every row ends imported, merged (into a named
 * customer), a duplicate (of a named row or record) or failed (with a code), and the counts add
 * up to the rows read — in the preview and after the import alike.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../src/shared/ipc/contract';
import { openTestEngine, type TestEngine } from '../support/temp-db';

const SHARED = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures');
const OWN = join(import.meta.dirname, '..', 'fixtures');
const fixture = (name: string) =>
  name.includes('/') ? name : ([join(OWN, name), join(SHARED, name)].find((p) => readdirSync(join(p, '..')).includes(name)) ?? name);

let t: TestEngine;
beforeEach(async () => {
  t = await openTestEngine();
});
afterEach(async () => {
  await t.close();
});

type Report = ChannelOutput<'import.commit'>;

async function analyze(path: string) {
  const name = path.split('/').pop() as string;
  return t.call('import.analyze', { fileName: name, contentBase64: readFileSync(path).toString('base64') });
}

async function importFile(
  path: string,
  options: { acceptedMerges?: string[] } = {},
): Promise<{ preview: ChannelOutput<'import.preview'>; report: Report }> {
  const a = await analyze(path);
  const plan = { fileId: a.fileId, kind: a.kind, mapping: a.mapping, acceptedMerges: options.acceptedMerges ?? [] };
  const preview = await t.call('import.preview', plan);
  const report = await t.call('import.commit', plan);
  return { preview, report };
}

const count = (sql: string, ...params: unknown[]) =>
  t.engine.database.readSqlite
    .prepare(sql)
    .pluck()
    .get(...params) as number;
const tables = () =>
  ['customers', 'contacts', 'inquiries', 'orders', 'order_lines', 'customer_tags'].map((x) => count(`SELECT count(*) FROM ${x}`));

function expectAccounted(
  c: { rows: number; imported: number; merged: number; duplicates: number; failed: number; skipped: number },
  label: string,
) {
  expect(c.imported + c.merged + c.duplicates + c.failed, `${label}: every row accounted for`).toBe(c.rows);
  expect(c.skipped, label).toBe(c.duplicates + c.failed);
}

const ALL_FIXTURES = [
  ...readdirSync(SHARED)
    .filter((n) => /\.(csv|xlsx)$/.test(n))
    .map((n) => join(SHARED, n)),
  ...readdirSync(OWN)
    .filter((n) => /\.(csv|xlsx)$/.test(n))
    .map((n) => join(OWN, n)),
];

describe('every row is accounted for', () => {
  it.each(ALL_FIXTURES.map((p) => [p.split('/').pop() as string, p]))(
    '%s: the counts add up, in the preview and after the import, and again on a re-import that adds nothing',
    async (_name, path) => {
      const { preview, report } = await importFile(path);
      expectAccounted(report, 'commit');
      expectAccounted(preview.counts, 'preview');
      // The preview is the import, without writing.
      expect(pick(preview.counts)).toEqual(pick(report));
      const after = tables();
      const again = await importFile(path);
      expectAccounted(again.report, 're-import');
      expect(again.report.imported + again.report.merged, 'a re-import adds nothing').toBe(0);
      expect(again.report.duplicates).toBe(report.rows - report.failed);
      expect(tables()).toEqual(after);
      // Each duplicate names what it repeats.
      for (const d of again.report.duplicateRows) expect(d.of.kind === 'row' ? d.of.row : d.of.id).toBeGreaterThan(0);
    },
  );

  it('all the sample files together: rows merged into existing customers are named with the customer', async () => {
    let merged = 0;
    for (const path of ALL_FIXTURES.filter((p) => p.startsWith(SHARED))) {
      const { report } = await importFile(path);
      expectAccounted(report, path);
      merged += report.merged;
      expect(report.mergedInto.reduce((n, m) => n + m.rows, 0)).toBe(report.merged);
      for (const m of report.mergedInto)
        expect(count(`SELECT count(*) FROM customers WHERE id = ? AND company = ?`, m.customerId, m.company)).toBe(1);
    }
    expect(merged).toBeGreaterThan(0);
  });
});

function pick(c: Report | ChannelOutput<'import.preview'>['counts']) {
  const { rows, imported, merged, duplicates, failed, skipped, customersCreated, customersMerged, contactsCreated, inquiries, orders } = c;
  return { rows, imported, merged, duplicates, failed, skipped, customersCreated, customersMerged, contactsCreated, inquiries, orders };
}

describe('IDs a spreadsheet mangled', () => {
  it('an Excel-saved CSV with 5.00001E+13 inquiry IDs: every inquiry arrives, no mangled ID is used as a key, the report says why and how to fix it', async () => {
    const path = fixture('excel-saved-inquiries.csv');
    const { preview, report } = await importFile(path);
    expect(report).toMatchObject({ rows: 30, imported: 30, duplicates: 0, failed: 0, inquiries: 30, customersCreated: 10 });
    expect(preview.findings.idIssues).toEqual(report.findings.idIssues);
    expect(report.findings.idIssues).toEqual([
      { field: 'inquiryId', column: 'Inquiry ID', problem: 'scientific', rows: 30, recovered: 0, examples: ['5.00001E+13', '5.00002E+13'] },
    ]);
    expect(count(`SELECT count(*) FROM inquiries WHERE external_id IS NOT NULL`)).toBe(0);
    // Twice: nothing new.
    const again = await importFile(path);
    expect(again.report).toMatchObject({ rows: 30, imported: 0, merged: 0, duplicates: 30, inquiries: 0 });
    expect(count(`SELECT count(*) FROM inquiries`)).toBe(30);
  });

  it('the same export saved properly afterwards: the inquiries imported without their IDs are recognised, not added again', async () => {
    await importFile(fixture('excel-saved-inquiries.csv'));
    const csv = readFileSync(fixture('excel-saved-inquiries.csv'), 'utf8').split('\r\n');
    const fixed = csv
      .map((line, i) => (i === 0 || !line ? line : line.replace(/^5\.0000[12]E\+13/, String(50000051124536 + i))))
      .join('\r\n');
    const a = await t.call('import.analyze', { fileName: 'inquiries.csv', contentBase64: Buffer.from(fixed).toString('base64') });
    const report = await t.call('import.commit', { fileId: a.fileId, kind: a.kind, mapping: a.mapping });
    expect(report).toMatchObject({ rows: 30, duplicates: 30, inquiries: 0 });
    expect(report.findings.idIssues).toEqual([]);
    expect(count(`SELECT count(*) FROM inquiries`)).toBe(30);
  });

  it('trailing .0 and XLSX numbers keep every digit: recovered exactly and reported as recovered', async () => {
    const csv = [
      'Order No,Order Date,Company,Country,Amount,Currency',
      '1234567.0,2026-01-02,Alpha GmbH,DE,10.00,EUR',
      '1234568.0,2026-01-03,Alpha GmbH,DE,12.00,EUR',
      '',
    ].join('\n');
    const a = await t.call('import.analyze', { fileName: 'orders.csv', contentBase64: Buffer.from(csv).toString('base64') });
    const report = await t.call('import.commit', { fileId: a.fileId, kind: 'orders', mapping: a.mapping });
    expect(report.findings.idIssues).toEqual([
      { field: 'orderNo', column: 'Order No', problem: 'decimal', rows: 2, recovered: 2, examples: ['1234567.0', '1234568.0'] },
    ]);
    expect(t.engine.database.readSqlite.prepare(`SELECT external_no FROM orders ORDER BY id`).pluck().all()).toEqual([
      '1234567',
      '1234568',
    ]);
  });
});

describe('values the tables do not know keep their rows', () => {
  it('orders from Channel Islands, European Community and Unspecified keep their customers and invoices; EIRE, RSA and USA are read', async () => {
    const { report } = await importFile(fixture('online-retail-unknown-countries.csv'));
    expect(report).toMatchObject({ rows: 9, failed: 0, customersCreated: 8, orders: 8 });
    expect(report.findings.unrecognised).toEqual([
      { field: 'country', column: 'Country', text: 'Channel Islands', rows: 3 },
      { field: 'country', column: 'Country', text: 'European Community', rows: 1 },
      { field: 'country', column: 'Country', text: 'Unspecified', rows: 1 },
    ]);
    const byText = t.engine.database.readSqlite.prepare(`SELECT country, country_text FROM customers ORDER BY id`).all();
    expect(byText).toEqual([
      { country: '', country_text: 'Channel Islands' },
      { country: '', country_text: 'Channel Islands' },
      { country: '', country_text: 'European Community' },
      { country: '', country_text: 'Unspecified' },
      { country: 'IE', country_text: '' },
      { country: 'ZA', country_text: '' },
      { country: 'US', country_text: '' },
      { country: 'GB', country_text: '' },
    ]);
    // Filterable in the grid, and fixed in one step (remembered for the next import).
    const list = await t.call('customers.list', { filter: { countryUnrecognised: true }, withTotal: true });
    expect(list.total).toBe(4);
    expect(list.rows.map((r) => r.countryText).sort()).toEqual(['Channel Islands', 'Channel Islands', 'European Community', 'Unspecified']);
    expect(await t.call('customers.unrecognisedCountries', {})).toEqual([
      { text: 'Channel Islands', customers: 2 },
      { text: 'European Community', customers: 1 },
      { text: 'Unspecified', customers: 1 },
    ]);
    expect(await t.call('customers.fixCountry', { text: 'Channel Islands', country: 'JE' })).toEqual({ changed: 2 });
    expect(count(`SELECT count(*) FROM customers WHERE country = 'JE' AND country_text = ''`)).toBe(2);
    const csv = [
      'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country',
      '540000,1,LAMP,1,1/5/11 9:00,2.00,19999,Channel Islands',
      '',
    ].join('\n');
    const a = await t.call('import.analyze', { fileName: 'more.csv', contentBase64: Buffer.from(csv).toString('base64') });
    const next = await t.call('import.commit', { fileId: a.fileId, kind: 'orders', mapping: a.mapping });
    expect(next.findings.unrecognised).toEqual([]);
    expect(count(`SELECT count(*) FROM customers WHERE external_ref = '19999' AND country = 'JE'`)).toBe(1);
  });

  it('orders in a currency the table does not know are kept, as written, and never converted', async () => {
    const { report } = await importFile(fixture('orders-unknown-currency.csv'));
    expect(report).toMatchObject({ rows: 4, failed: 0, orders: 4 });
    expect(report.findings.unrecognised).toEqual([
      { field: 'currency', column: 'Currency', text: 'Dinars', rows: 1 },
      { field: 'currency', column: 'Currency', text: 'Kiwi bucks', rows: 1 },
    ]);
    expect(
      t.engine.database.readSqlite.prepare(`SELECT external_no, currency, currency_text, amount_minor FROM orders ORDER BY id`).all(),
    ).toEqual([
      { external_no: 'PO-9001', currency: 'DZD', currency_text: '', amount_minor: 125000 },
      { external_no: 'PO-9002', currency: 'XXX', currency_text: 'Dinars', amount_minor: 120000 },
      { external_no: 'PO-9003', currency: 'NZD', currency_text: '', amount_minor: 99000 },
      { external_no: 'PO-9004', currency: 'XXX', currency_text: 'Kiwi bucks', amount_minor: 99000 },
    ]);
  });
});

describe('strong evidence merges, weak evidence asks', () => {
  it('near-name companies with free-mail contacts stay apart and are listed as possible duplicates; alike names and forms merge', async () => {
    const { preview, report } = await importFile(fixture('near-name-companies.csv'));
    expect(report).toMatchObject({ rows: 7, failed: 0, customersCreated: 5 });
    const companies = t.engine.database.readSqlite.prepare(`SELECT company FROM customers ORDER BY id`).pluck().all();
    expect(companies).toEqual([
      'Crown Distribution Ltd',
      'Crown Distribution Pty Ltd',
      'Crown Lighting Pty Ltd',
      'Crown Lighting Co. Ltd',
      'Bright Stars Trading LLC',
    ]);
    expect(preview.possibleDuplicates.map((p) => [p.company, p.other.company]).sort()).toEqual([
      ['Crown Distribution Ltd', 'Crown Distribution Pty Ltd'],
      ['Crown Lighting Pty Ltd', 'Crown Lighting Co. Ltd'],
    ]);
    // ivan@crownlightingcoltd.ca stays with Crown Lighting Pty Ltd only; an address is on one customer.
    expect(count(`SELECT count(DISTINCT customer_id) FROM contacts WHERE email = 'ivan@crownlightingcoltd.ca'`)).toBe(1);
    expect(count(`SELECT count(*) FROM contacts GROUP BY email HAVING count(DISTINCT customer_id) > 1`) ?? 0).toBe(0);
    // Afterwards, in the possible-duplicates list.
    const list = await t.call('duplicates.list', {});
    expect(list.total).toBe(2);
  });

  it('a possible duplicate accepted in the preview is merged by the import', async () => {
    const a = await analyze(fixture('near-name-companies.csv'));
    const plan = { fileId: a.fileId, kind: a.kind, mapping: a.mapping };
    const preview = await t.call('import.preview', plan);
    const crown = preview.possibleDuplicates.find((p) => p.company === 'Crown Distribution Ltd');
    expect(crown).toBeDefined();
    const accepted = await t.call('import.preview', { ...plan, acceptedMerges: [crown!.key] });
    expect(accepted.counts.customersCreated).toBe(preview.counts.customersCreated - 1);
    const report = await t.call('import.commit', { ...plan, acceptedMerges: [crown!.key] });
    expect(report.customersCreated).toBe(4);
    expect(count(`SELECT count(*) FROM customers WHERE company LIKE 'Crown Distribution%'`)).toBe(1);
  });

  it('against the book: a weak name match is not merged; merging it later moves everything and never renames the kept customer', async () => {
    const kept = await t.call('customers.create', {
      company: 'Crown Distribution Ltd',
      country: 'US',
      contacts: [{ name: 'Helen Park', email: 'helen@crowndistribution.com' }],
    });
    const csv = [
      'Order No,Order Date,Company,Country,Email,Amount,Currency',
      'CD-1,2026-02-01,Crown Distribution Pty Ltd,US,bob.crane77@gmail.com,500.00,USD',
      'CD-2,2026-02-03,Crown Distribution Ltd,US,helen@crowndistribution.com,700.00,USD',
      '',
    ].join('\n');
    const a = await t.call('import.analyze', { fileName: 'orders.csv', contentBase64: Buffer.from(csv).toString('base64') });
    const report = await t.call('import.commit', { fileId: a.fileId, kind: 'orders', mapping: a.mapping });
    // The e-mail match is strong: CD-2 merges. The Pty Ltd one only resembles by name: a new customer, listed.
    expect(report).toMatchObject({ rows: 2, imported: 1, merged: 1, customersCreated: 1, customersMerged: 1 });
    expect(report.mergedInto).toEqual([{ customerId: kept.id, company: 'Crown Distribution Ltd', rows: 1 }]);
    expect(report.possibleDuplicates).toMatchObject([{ company: 'Crown Distribution Pty Ltd', other: { kind: 'existing', id: kept.id } }]);
    const { pairs } = await t.call('duplicates.list', {});
    expect(pairs).toHaveLength(1);
    const pair = pairs[0]!;
    expect(pair.other).toMatchObject({ id: kept.id, company: 'Crown Distribution Ltd' });
    await t.call('duplicates.resolve', { id: pair.id, action: 'merge', keep: 'other' });
    expect(t.engine.database.readSqlite.prepare(`SELECT company FROM customers`).pluck().all()).toEqual(['Crown Distribution Ltd']);
    expect(count(`SELECT count(*) FROM orders WHERE customer_id = ?`, kept.id)).toBe(2);
    expect(count(`SELECT count(*) FROM contacts WHERE customer_id = ?`, kept.id)).toBe(2);
    expect(count(`SELECT count(*) FROM activities WHERE customer_id = ? AND kind = 'customer_merged'`, kept.id)).toBe(1);
    expect((await t.call('duplicates.list', {})).total).toBe(0);
    // Search finds the moved contact under the kept customer.
    expect(count(`SELECT count(*) FROM search_docs WHERE customer_id = ? AND text LIKE '%bob.crane77%'`, kept.id)).toBe(1);
  });

  it('a pair kept apart stays apart', async () => {
    await importFile(fixture('near-name-companies.csv'));
    const { pairs } = await t.call('duplicates.list', {});
    await t.call('duplicates.resolve', { id: pairs[0]!.id, action: 'distinct' });
    expect((await t.call('duplicates.list', {})).total).toBe(1);
    expect(count(`SELECT count(*) FROM customers`)).toBe(5);
    const again = await t.raw('duplicates.resolve', { id: pairs[0]!.id, action: 'merge' });
    expect(!again.ok && again.error.code).toBe('CONFLICT');
  });
});
