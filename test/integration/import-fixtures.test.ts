import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../support/temp-db';
import { dumpData } from '../support/dump';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures');
const ALIBABA_AND_LEADS = [
  'alibaba-inquiries-zh.xlsx',
  'alibaba-inquiries-en.csv',
  'alibaba-inquiries-zh-gbk.csv',
  'alibaba-customers-zh.xlsx',
  'alibaba-orders-zh.csv',
  'trade-fair-leads.csv',
];

let t: TestEngine;
beforeEach(async () => {
  t = await openTestEngine();
});
afterEach(async () => {
  await t.close();
});

async function importFixture(name: string, options: { dryRun?: boolean } = {}) {
  const analysis = await t.call('import.analyze', { fileName: name, contentBase64: readFileSync(join(FIXTURES, name)).toString('base64') });
  const report = await t.call('import.commit', {
    fileId: analysis.fileId,
    kind: analysis.kind,
    mapping: analysis.mapping,
    dryRun: options.dryRun ?? false,
  });
  return { analysis, report };
}

const count = (sql: string) => (t.engine.database.readSqlite.prepare(sql).get() as { n: number }).n;

describe('importing the sample files', () => {
  it('alibaba-inquiries-zh.xlsx: 300 inquiries from 128 customers, no manual mapping', async () => {
    const { analysis, report } = await importFixture('alibaba-inquiries-zh.xlsx');
    expect(analysis.kind).toBe('inquiries');
    expect(report).toMatchObject({ rows: 300, inquiries: 300, customersCreated: 128, skipped: 0, errors: [] });
    expect(count('SELECT count(*) AS n FROM customers')).toBe(128);
    expect(count('SELECT count(*) AS n FROM inquiries')).toBe(300);
    // Long inquiry IDs stay text, exactly.
    expect(count(`SELECT count(*) AS n FROM inquiries WHERE typeof(external_id) <> 'text' OR length(external_id) < 14`)).toBe(0);
  });

  it.each([
    ['alibaba-inquiries-en.csv', 'inquiries', 150, 89],
    ['alibaba-inquiries-zh-gbk.csv', 'inquiries', 150, 99],
    ['alibaba-customers-zh.xlsx', 'customers', 120, 119],
    ['alibaba-orders-zh.csv', 'orders', 504, 109],
    ['trade-fair-leads.csv', 'leads', 60, 60],
  ])('%s alone: recognised as %s, %i rows, %i companies', async (file, kind, rows, companies) => {
    const { analysis, report } = await importFixture(file);
    expect(analysis.kind).toBe(kind);
    expect(report).toMatchObject({ rows, customersCreated: companies, skipped: 0, errors: [] });
  });

  it('the GBK file shows correct Chinese', async () => {
    const { analysis, report } = await importFixture('alibaba-inquiries-zh-gbk.csv');
    expect(analysis.encoding).toBe('gb18030');
    expect(report.inquiries).toBe(150);
    expect(count(`SELECT count(*) AS n FROM inquiries WHERE status IN ('已回复', '未读', '垃圾询盘', '已报价')`)).toBeGreaterThan(0);
    expect(count(`SELECT count(*) AS n FROM inquiries WHERE status LIKE '%�%' OR message LIKE '%�%'`)).toBe(0);
    // Messages keep their line breaks, commas and quotes.
    expect(
      count(`SELECT count(*) AS n FROM inquiries WHERE message LIKE '%' || char(10) || 'Also need CE/RoHS certificates.%'`),
    ).toBeGreaterThan(0);
  });

  it('all six Alibaba and lead files leave each of the 156 companies once, with no hidden or masked e-mail stored', async () => {
    for (const f of ALIBABA_AND_LEADS) {
      const { report } = await importFixture(f);
      expect(report.errors, f).toEqual([]);
    }
    expect(count('SELECT count(*) AS n FROM customers')).toBe(156);
    expect(count(`SELECT count(*) AS n FROM (SELECT company, country FROM customers GROUP BY 1, 2 HAVING count(*) > 1)`)).toBe(0);
    // Same name, same country, different legal form and no shared e-mail or domain: two companies.
    expect(
      count(`SELECT count(*) AS n FROM customers WHERE company IN ('Bright Industries Ltd', 'Bright Industries GmbH') AND country = 'TR'`),
    ).toBe(2);
    expect(
      count(
        `SELECT count(*) AS n FROM contacts WHERE email LIKE '%*%' OR email LIKE '%隐藏%' OR name LIKE '%隐藏%' OR phone LIKE '%*%' OR mobile LIKE '%隐藏%'`,
      ),
    ).toBe(0);
    // Every e-mail belongs to exactly one company.
    expect(
      count(
        `SELECT count(*) AS n FROM (SELECT email FROM contacts WHERE email <> '' GROUP BY email HAVING count(DISTINCT customer_id) > 1)`,
      ),
    ).toBe(0);
    expect(count(`SELECT count(*) AS n FROM customers WHERE country = ''`)).toBe(0);
  });

  it('the order list: one order per order number, cancelled orders kept and marked, amounts exact', async () => {
    const { report } = await importFixture('alibaba-orders-zh.csv');
    expect(report.rows).toBe(504);
    const orders = count('SELECT count(*) AS n FROM orders');
    expect(orders).toBe(report.orders);
    expect(count(`SELECT count(*) AS n FROM orders WHERE cancelled = 1`)).toBeGreaterThan(0);
    expect(count(`SELECT count(*) AS n FROM orders WHERE cancelled = 1 AND status NOT LIKE '%取消%'`)).toBe(0);
    expect(
      count(`SELECT count(*) AS n FROM orders o WHERE amount_minor <> (SELECT sum(amount_minor) FROM order_lines WHERE order_id = o.id)`),
    ).toBe(0);
    expect(count(`SELECT count(*) AS n FROM orders WHERE external_no = '2000100000' AND amount_minor = 3317000 AND currency = 'USD'`)).toBe(
      1,
    );
  });

  it('online-retail-sample.csv: 4 broken rows reported, 178 lines as 22 orders of 14 customers, plus one cancellation', async () => {
    const { analysis, report } = await importFixture('online-retail-sample.csv');
    expect(analysis.kind).toBe('orders');
    expect(report.rows).toBe(183);
    expect(report.failedRows).toBe(4);
    expect(report.errors.map((e) => e.code)).toEqual(['ROW_FIELD_COUNT', 'ROW_FIELD_COUNT', 'ROW_FIELD_COUNT', 'ROW_FIELD_COUNT']);
    expect(count('SELECT count(*) AS n FROM orders WHERE cancelled = 0')).toBe(22);
    expect(count('SELECT count(*) AS n FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.cancelled = 0')).toBe(178);
    expect(count('SELECT count(*) AS n FROM customers')).toBe(14);
    // The cancellation invoice (C536383) is kept, marked, with its negative line.
    expect(count(`SELECT count(*) AS n FROM orders WHERE cancelled = 1 AND external_no = 'C536383' AND amount_minor = -465`)).toBe(1);
    expect(count(`SELECT count(*) AS n FROM customers WHERE external_ref = '17850' AND country = 'GB'`)).toBe(1);
    // The failed rows come back as a file to fix and re-import.
    const failed = await t.call('import.failedRows', { batchId: report.batchId! });
    const csv = Buffer.from(failed.contentBase64, 'base64').toString('utf8');
    expect(csv.startsWith('\ufeffInvoiceNo,')).toBe(true);
    expect(csv.trim().split(/\r\n/)).toHaveLength(5);
  });

  it('imported customers and contacts are searchable exactly as ones added by hand (documents written after the rows)', async () => {
    await importFixture('alibaba-inquiries-zh.xlsx');
    await importFixture('trade-fair-leads.csv');
    await t.call('customers.create', { company: 'Typed By Hand GmbH', country: 'DE' });
    const sqlite = t.engine.database.readSqlite;
    const docs = sqlite.prepare(`SELECT id, customer_id AS customerId, text FROM search_docs ORDER BY id`).all();
    const expected = sqlite
      .prepare(
        `SELECT id * 8 AS id, id AS customerId, company AS text FROM customers
         UNION ALL
         SELECT id * 8 + 1, customer_id, trim(name || ' ' || email || ' ' || phone || ' ' || mobile || ' ' || whatsapp || ' ' || wechat || ' ' || skype) FROM contacts
         ORDER BY 1`,
      )
      .all();
    expect(docs.length).toBe(count('SELECT count(*) AS n FROM customers') + count('SELECT count(*) AS n FROM contacts'));
    expect(docs).toEqual(expected);
    // The trigram index agrees with its documents.
    t.engine.database.sqlite.prepare(`INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)`).run();
    const some = sqlite
      .prepare(`SELECT company FROM customers WHERE import_batch_id IS NOT NULL ORDER BY id LIMIT 1`)
      .pluck()
      .get() as string;
    const email = sqlite
      .prepare(`SELECT email FROM contacts WHERE import_batch_id IS NOT NULL AND email <> '' ORDER BY id DESC LIMIT 1`)
      .pluck()
      .get() as string;
    for (const term of [some.slice(0, 6), email.split('@')[0]!.slice(0, 5), 'Typed By']) {
      const page = await t.call('customers.list', { filter: { search: term }, withTotal: true });
      expect(page.total, term).toBeGreaterThan(0);
    }
  });

  it('importing the same file twice changes nothing the second time', async () => {
    await importFixture('alibaba-inquiries-en.csv');
    await importFixture('trade-fair-leads.csv');
    const before = dumpData(t.engine.database.readSqlite);
    const { report } = await importFixture('alibaba-inquiries-en.csv');
    expect(report).toMatchObject({ customersCreated: 0, contactsCreated: 0, inquiries: 0, imported: 0, skipped: 150 });
    expect(dumpData(t.engine.database.readSqlite)).toBe(before);
  });

  it('undo restores the database exactly, merged customers included', async () => {
    await importFixture('alibaba-customers-zh.xlsx');
    const before = dumpData(t.engine.database.readSqlite);
    const { report } = await importFixture('alibaba-inquiries-zh.xlsx');
    expect(report.customersMerged).toBeGreaterThan(0);
    expect(dumpData(t.engine.database.readSqlite)).not.toBe(before);
    const undo = await t.call('import.undo', { batchId: report.batchId! });
    expect(undo.inquiriesRemoved).toBe(300);
    expect(dumpData(t.engine.database.readSqlite)).toBe(before);
    const again = await t.raw('import.undo', { batchId: report.batchId! });
    expect(!again.ok && again.error.code).toBe('IMPORT_NOT_UNDOABLE');
    const history = await t.call('import.history', {});
    expect(history.map((b) => b.status)).toEqual(['undone', 'committed']);
  });

  it('refuses to undo an import that a later import builds on', async () => {
    const first = await importFixture('alibaba-customers-zh.xlsx');
    await importFixture('alibaba-inquiries-zh.xlsx');
    const r = await t.raw('import.undo', { batchId: first.report.batchId! });
    expect(!r.ok && r.error.code).toBe('IMPORT_NOT_UNDOABLE');
  });

  it('a written import lets go of the staged file; a dry run keeps it for the real run', async () => {
    const dry = await importFixture('alibaba-inquiries-en.csv', { dryRun: true });
    const again = await t.raw('import.commit', { fileId: dry.analysis.fileId, kind: dry.analysis.kind, mapping: dry.analysis.mapping });
    expect(again.ok).toBe(true);
    const after = await t.raw('import.preview', { fileId: dry.analysis.fileId, kind: dry.analysis.kind, mapping: dry.analysis.mapping });
    expect(!after.ok && after.error.code).toBe('IMPORT_FILE_EXPIRED');
  });

  it('a dry run reports the same counts and writes nothing', async () => {
    const before = dumpData(t.engine.database.readSqlite);
    const dry = await importFixture('alibaba-inquiries-en.csv', { dryRun: true });
    expect(dry.report.batchId).toBeNull();
    expect(dumpData(t.engine.database.readSqlite)).toBe(before);
    const real = await importFixture('alibaba-inquiries-en.csv');
    expect(dry.report.classification).toBeNull();
    expect(real.report.classification).not.toBeNull();
    const { batchId: _a, durationMs: _b, dryRun: _c, classification: _g, ...dryCounts } = dry.report;
    const { batchId: _d, durationMs: _e, dryRun: _f, classification: _h, ...realCounts } = real.report;
    expect(dryCounts).toEqual(realCounts);
  });

  it('the preview shows what will be created and merged, and a merge can be switched off', async () => {
    await importFixture('alibaba-customers-zh.xlsx');
    const analysis = await t.call('import.analyze', {
      fileName: 'x.xlsx',
      contentBase64: readFileSync(join(FIXTURES, 'alibaba-inquiries-zh.xlsx')).toString('base64'),
    });
    const preview = await t.call('import.preview', { fileId: analysis.fileId, kind: analysis.kind, mapping: analysis.mapping });
    expect(preview.counts.customersCreated + preview.counts.customersMerged).toBe(128);
    const real = await t.call('import.commit', { fileId: analysis.fileId, kind: analysis.kind, mapping: analysis.mapping, dryRun: true });
    expect(preview.counts.contactsCreated).toBe(real.contactsCreated);
    expect(preview.counts.inquiries).toBe(real.inquiries);
    expect(preview.merges.length).toBe(preview.counts.customersMerged);
    const off = preview.merges[0]!;
    const again = await t.call('import.preview', {
      fileId: analysis.fileId,
      kind: analysis.kind,
      mapping: analysis.mapping,
      disabledMerges: [off.key],
    });
    expect(again.counts.customersMerged).toBe(preview.counts.customersMerged - 1);
    expect(again.counts.customersCreated).toBe(preview.counts.customersCreated + 1);
  });

  it('a file with no recognisable column is still loaded, for the user to map by hand', async () => {
    const csv = 'Foo,Bar,Baz\nAcme Widgets,DE,a@acme.example\n';
    const analysis = await t.call('import.analyze', { fileName: 'odd.csv', contentBase64: Buffer.from(csv).toString('base64') });
    expect(analysis).toMatchObject({ confidence: 0, mapping: [null, null, null], rowCount: 1 });
    const bad = await t.raw('import.preview', { fileId: analysis.fileId, kind: 'customers', mapping: analysis.mapping });
    expect(!bad.ok && bad.error.code).toBe('IMPORT_MAPPING_INVALID');
    const report = await t.call('import.commit', { fileId: analysis.fileId, kind: 'customers', mapping: ['company', 'country', 'email'] });
    expect(report).toMatchObject({ customersCreated: 1, contactsCreated: 1 });
  });

  it('aborts the whole import on bad rows when asked, writing nothing', async () => {
    const before = dumpData(t.engine.database.readSqlite);
    const analysis = await t.call('import.analyze', {
      fileName: 'o.csv',
      contentBase64: readFileSync(join(FIXTURES, 'online-retail-sample.csv')).toString('base64'),
    });
    const r = await t.raw('import.commit', { fileId: analysis.fileId, kind: analysis.kind, mapping: analysis.mapping, onError: 'abort' });
    expect(!r.ok && r.error.code).toBe('IMPORT_HAS_ERRORS');
    expect(dumpData(t.engine.database.readSqlite)).toBe(before);
  });
});
