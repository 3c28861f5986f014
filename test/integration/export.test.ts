import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { escapeSpreadsheetCell } from '../../src/main/export/escape-cell';
import { unzip } from '../../src/main/import/read-xlsx';
import { GRID_COLUMN_IDS } from '../../src/shared/domain/grid-columns';
import { CLASS_LABELS } from '../../src/shared/text/class-labels';
import { GRID_COLUMN_LABELS } from '../../src/shared/text/grid-column-labels';
import { openTestEngine, type TestEngine } from '../support/temp-db';

/** Every customer below is created at this instant: 02:11 on 13 Nov in Shanghai, 13:11 on 12 Nov in New York. */
const CREATED = '2026-11-12T18:11:00.000Z';

let t: TestEngine;
beforeEach(async () => {
  t = await openTestEngine({ now: () => new Date(CREATED) });
  await t.call('customers.create', {
    company: '=HYPERLINK("http://evil.example","click")',
    country: 'DE',
    owner: '王芳',
    lifecycleOverride: 'key_account',
    priority: 'low',
    businessType: 'trading_company',
    scale: 'medium',
    source: 'Canton Fair',
    contacts: [
      { name: 'Eve', email: 'eve@evil.example', phone: '+49 30 1234567' },
      { name: 'Max Bauer', title: 'Purchasing', whatsapp: '+49 151 2345678', isPrimary: false },
    ],
  });
  await t.call('customers.create', {
    company: '深圳明亮照明有限公司',
    country: 'CN',
    contacts: [{ phone: '0086 755 1234', wechat: 'mingliang88' }],
  });
  await t.call('customers.create', { company: 'Alpha Trading Ltd', country: 'GB', tags: ['VIP'] });
  await t.call('customers.create', {
    company: 'Formosa Lighting Co',
    country: 'TW',
    contacts: [{ name: 'Lin Wei', mobile: '0912345678', whatsapp: '+886 912 345 678', wechat: '13800138000', isPrimary: true }],
  });
});
afterEach(async () => {
  await t.close();
});

function csvText(base64: string): string {
  const text = Buffer.from(base64, 'base64').toString('utf8');
  expect(text.startsWith('\ufeff')).toBe(true);
  return text.slice(1);
}

function csvRows(base64: string): string[][] {
  return Papa.parse<string[]>(csvText(base64), { skipEmptyLines: true }).data;
}

function readBook(base64: string): XLSX.WorkBook {
  return XLSX.read(Buffer.from(base64, 'base64'), { type: 'buffer', cellFormula: true, cellNF: true, cellStyles: true });
}

function sheetRows(sheet: XLSX.WorkSheet): unknown[][] {
  return XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: false, defval: '' });
}

function insertInquiry(customerId: number, externalId: string, receivedAt: string): void {
  t.engine.database.sqlite
    .prepare(
      `INSERT INTO inquiries (external_id, customer_id, received_at, subject, product, quantity, unit, status, owner, created_at)
       VALUES (?, ?, ?, 'LED panel 600x600', 'LED panel', 500, 'pcs', '未读', 'Wang Fang', ?)`,
    )
    .run(externalId, customerId, receivedAt, receivedAt);
}

async function customerId(company: string): Promise<number> {
  const row = (await t.call('customers.list', { filter: { search: company } })).rows.find((r) => r.company === company);
  if (!row) throw new Error(`no customer ${company}`);
  return row.id;
}

describe('export', () => {
  it('escapes cells that a spreadsheet would run, also after leading spaces', () => {
    for (const bad of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '  =1', ' \t=1', "'=1"])
      expect(escapeSpreadsheetCell(bad).startsWith("'")).toBe(true);
    for (const ok of ['Alpha', '1+1', 'a=b', '', "O'Brien", "'quoted'"]) expect(escapeSpreadsheetCell(ok)).toBe(ok);
  });

  it('customers: the visible columns in grid order, headed and filled as the grid shows them', async () => {
    const file = await t.call('export.customers', {
      sort: { key: 'company', dir: 'asc' },
      columns: ['company', 'country', 'businessType', 'scale', 'source', 'owner', 'lifecycle', 'priority', 'tags', 'createdAt'],
      format: 'csv',
      timeZone: 'Asia/Shanghai',
    });
    expect(file.fileName).toMatch(/^customers-20261113-0211\.csv$/);
    const rows = csvRows(file.contentBase64);
    expect(rows[0]).toEqual([
      'Company',
      'Country',
      'Business type',
      'Scale',
      'Source',
      'Owner',
      'Lifecycle',
      'Priority',
      'Tags',
      'Created',
    ]);
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      '\'=HYPERLINK("http://evil.example","click")',
      'Alpha Trading Ltd',
      'Formosa Lighting Co',
      '深圳明亮照明有限公司',
    ]);
    expect(rows[1]).toEqual([
      '\'=HYPERLINK("http://evil.example","click")',
      'Germany',
      'Trading company',
      'Medium (50–249 staff)',
      'Canton Fair',
      '王芳',
      'Key account',
      'Low',
      '',
      '2026-11-13 02:11',
    ]);
    expect(rows[2]?.slice(1, 2)).toEqual(['United Kingdom']);
    expect(rows[2]?.[8]).toBe('VIP');
    // The lifecycle the grid shows for a customer without an override: the derived stage's name.
    expect(rows[3]?.[6]).toBe('Inquiry');
    expect(file.rows).toBe(4);
  });

  it('follows the grid filter, in Chinese: headings, names of classes and countries (中国台湾)', async () => {
    const file = await t.call('export.customers', {
      filter: { countries: ['CN', 'TW', 'DE'] },
      format: 'csv',
      language: 'zh-CN',
      columns: ['company', 'country', 'owner', 'lifecycle', 'priority'],
      timeZone: 'Asia/Shanghai',
    });
    const rows = csvRows(file.contentBase64);
    expect(rows[0]).toEqual(['公司名称', '国家/地区', '业务员', '阶段', '优先级']);
    expect(rows.slice(1)).toEqual([
      ['\'=HYPERLINK("http://evil.example","click")', '德国', '王芳', '重点客户', '低'],
      ['Formosa Lighting Co', '中国台湾', '', '询盘', ''],
      ['深圳明亮照明有限公司', '中国', '', '询盘', ''],
    ]);
  });

  it('without a column list: every grid column, in grid order, revenue headed with the base currency', async () => {
    const rows = csvRows((await t.call('export.customers', { format: 'csv', timeZone: 'UTC' })).contentBase64);
    expect(rows[0]).toEqual(GRID_COLUMN_IDS.map((id) => (id === 'revenue' ? 'Revenue (USD)' : GRID_COLUMN_LABELS.en[id])));
    expect(rows[0]).toHaveLength(GRID_COLUMN_IDS.length);
  });

  it('refuses a column the grid does not have, a column named twice and a time zone that does not exist', async () => {
    for (const input of [
      { columns: ['id'] },
      { columns: ['company', 'company'] },
      { timeZone: 'Mars/Olympus_Mons' },
      { timeZone: '' },
      { includeContacts: 'yes' },
    ]) {
      const r = await t.raw('export.customers', input);
      expect(r.ok, JSON.stringify(input)).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('INVALID_INPUT');
    }
  });

  it('class columns hold the stored classes the grid reads, by their names; revenue a number in the base currency', async () => {
    const sqlite = t.engine.database.sqlite;
    const insert = sqlite.prepare(
      `INSERT INTO orders (external_no, customer_id, ordered_at, amount_minor, currency, created_at) VALUES (?, ?, ?, ?, 'USD', 'x')`,
    );
    const de = await customerId('=HYPERLINK("http://evil.example","click")');
    const gb = await customerId('Alpha Trading Ltd');
    insert.run('O1', de, '2026-10-01T02:00:00.000Z', 1_234_567);
    insert.run('O2', de, '2026-06-01T02:00:00.000Z', 500_000);
    insert.run('O3', gb, '2025-12-24T20:30:00.000Z', 12_000);
    await t.call('classify.run', {});

    const columns = ['company', 'segment', 'tier', 'churn', 'potential', 'revenue', 'lastOrder', 'rfm', 'recencyDays'] as const;
    const file = await t.call('export.customers', { columns: [...columns], format: 'csv', timeZone: 'Asia/Shanghai' });
    const rows = csvRows(file.contentBase64);
    expect(rows[0]).toEqual([
      'Company',
      'RFM segment',
      'Value tier',
      'Churn warning',
      'Potential',
      'Revenue (USD)',
      'Last order',
      'R / F / M',
      'Days since order',
    ]);
    const grid = (await t.call('customers.list', { sort: { key: 'company', dir: 'asc' } })).rows;
    expect(rows.slice(1).map((r) => r[0])).toEqual(grid.map((g) => (g.company.startsWith('=') ? `'${g.company}` : g.company)));
    const en = CLASS_LABELS.en;
    grid.forEach((g, i) => {
      const c = g.classes;
      expect(rows[i + 1]).toEqual([
        rows[i + 1]?.[0],
        en.segment[c.segment],
        en.tier[c.tier],
        en.churn[c.churn],
        String(c.potential),
        String(c.revenueMinor / 100),
        c.lastOrderAt ? c.lastOrderAt.slice(0, 10) : '',
        c.rScore === null ? '' : `R${c.rScore} F${c.fScore} M${c.mScore}`,
        c.recencyDays === null ? '' : String(c.recencyDays),
      ]);
    });
    const deRow = rows.find((r) => r[0]?.includes('HYPERLINK'));
    expect(deRow?.[5]).toBe('17345.67');
    // Last order: the day classification counts it on.
    expect(deRow?.[6]).toBe('2026-10-01');
    expect(rows.find((r) => r[0] === 'Alpha Trading Ltd')?.[6]).toBe('2025-12-24');
    expect(deRow?.[1]).not.toBe('none');
    expect(rows.find((r) => r[0] === 'Formosa Lighting Co')?.slice(1, 4)).toEqual(['No purchases yet', 'No revenue', 'No orders']);

    // A segment renamed in the rules is exported by that name, as the grid shows it.
    const rules = await t.call('classify.rules', {});
    const segment = grid.find((g) => g.company.startsWith('='))?.classes.segment;
    if (!segment || segment === 'none') throw new Error('the DE customer has a segment');
    await t.call('classify.saveRules', {
      rules: { ...rules.rules, segmentNames: { [segment]: { en: 'Our best', zh: '最好的客户' } } },
      baseVersion: rules.version,
    });
    const renamed = await t.call('export.customers', { columns: ['company', 'segment'], format: 'csv', language: 'zh-CN' });
    expect(csvRows(renamed.contentBase64).find((r) => r[0]?.includes('HYPERLINK'))?.[1]).toBe('最好的客户');
  });

  it('times in the user’s zone: created, inquiries received, orders placed', async () => {
    const created = async (timeZone: string) =>
      csvRows(
        (await t.call('export.customers', { columns: ['company', 'createdAt', 'updatedAt'], format: 'csv', timeZone })).contentBase64,
      )[1];
    expect(await created('Asia/Shanghai')).toEqual([expect.any(String), '2026-11-13 02:11', '2026-11-13 02:11']);
    expect(await created('America/New_York')).toEqual([expect.any(String), '2026-11-12 13:11', '2026-11-12 13:11']);

    const tw = await customerId('Formosa Lighting Co');
    insertInquiry(tw, '500001234567890', '2026-11-12T18:11:00.000Z');
    t.engine.database.sqlite
      .prepare(
        `INSERT INTO orders (external_no, customer_id, ordered_at, amount_minor, currency, created_at) VALUES ('PO-7', ?, '2026-11-12T18:11:00.000Z', 150000, 'JPY', 'x')`,
      )
      .run(tw);
    const inquiries = csvRows(
      (await t.call('export.inquiries', { format: 'csv', timeZone: 'Asia/Shanghai', language: 'zh-CN' })).contentBase64,
    );
    expect(inquiries[0]?.slice(0, 4)).toEqual(['询盘ID', '创建时间', '公司名称', '国家/地区']);
    expect(inquiries[1]?.slice(0, 4)).toEqual(['="500001234567890"', '2026-11-13 02:11', 'Formosa Lighting Co', '中国台湾']);
    const orders = csvRows((await t.call('export.orders', { format: 'csv', timeZone: 'Asia/Shanghai' })).contentBase64);
    expect(orders[1]?.slice(0, 4)).toEqual(['PO-7', '2026-11-13 02:11', 'Formosa Lighting Co', 'Taiwan']);
    expect(orders[1]?.[6]).toBe('150000');
  });

  it('contacts on request: the main contact’s name, e-mail, phone, mobile, WhatsApp and WeChat; phones kept as text in CSV', async () => {
    const without = csvRows((await t.call('export.customers', { columns: ['company'], format: 'csv' })).contentBase64);
    expect(without[0]).toEqual(['Company']);

    const file = await t.call('export.customers', { columns: ['company', 'country'], includeContacts: true, format: 'csv' });
    const rows = csvRows(file.contentBase64);
    expect(rows[0]).toEqual(['Company', 'Country', 'Contact name', 'Email', 'Phone', 'Mobile', 'WhatsApp', 'WeChat']);
    expect(rows.slice(1)).toEqual([
      ['\'=HYPERLINK("http://evil.example","click")', 'Germany', 'Eve', 'eve@evil.example', '="+49 30 1234567"', '', '', ''],
      ['Alpha Trading Ltd', 'United Kingdom', '', '', '', '', '', ''],
      ['Formosa Lighting Co', 'Taiwan', 'Lin Wei', '', '', '="0912345678"', '="+886 912 345 678"', '13800138000'],
      ['深圳明亮照明有限公司', 'China', '', '', '="0086 755 1234"', '', '', 'mingliang88'],
    ]);
    // One row per customer: the file has the grid's rows.
    expect(file.rows).toBe(4);
  });

  it('XLSX: a frozen header, fitted widths, IDs and phones as text cells, times as dates, revenue as a number; a Contacts sheet', async () => {
    const tw = await customerId('Formosa Lighting Co');
    insertInquiry(tw, '500001234567890', '2026-11-12T18:11:00.000Z');
    const file = await t.call('export.customers', {
      columns: ['company', 'country', 'revenue', 'createdAt', 'tags'],
      includeContacts: true,
      format: 'xlsx',
      timeZone: 'Asia/Shanghai',
    });
    expect(file.fileName).toMatch(/\.xlsx$/);
    const bytes = Buffer.from(file.contentBase64, 'base64');
    const book = readBook(file.contentBase64);
    expect(book.SheetNames).toEqual(['Customers', 'Contacts']);
    const sheet = book.Sheets['Customers'] as XLSX.WorkSheet;

    // Never a formula: the guarded company is a string cell.
    const cells = Object.entries(sheet).filter(([k]) => !k.startsWith('!'));
    expect(cells.some(([, c]) => (c as XLSX.CellObject).f)).toBe(false);
    expect(sheet['A2']).toMatchObject({ t: 's', v: '\'=HYPERLINK("http://evil.example","click")' });
    // Revenue a number with the currency's decimals; created a date cell in local time.
    expect(sheet['C2']).toMatchObject({ t: 'n', v: 0, z: '#,##0.00' });
    expect(sheet['D2']).toMatchObject({ t: 'n', w: '2026-11-13 02:11' });
    // Phones, WhatsApp and WeChat as text cells ('@'), written as they are.
    const header = sheetRows(sheet)[0] as string[];
    expect(header).toEqual([
      'Company',
      'Country',
      'Revenue (USD)',
      'Created',
      'Tags',
      'Contact name',
      'Email',
      'Phone',
      'Mobile',
      'WhatsApp',
      'WeChat',
    ]);
    const formosa = sheetRows(sheet).findIndex((r) => r[0] === 'Formosa Lighting Co') + 1;
    for (const [col, value] of [
      ['I', '0912345678'],
      ['J', '+886 912 345 678'],
      ['K', '13800138000'],
    ] as const)
      expect(sheet[`${col}${formosa}`]).toMatchObject({ t: 's', v: value, z: '@' });

    // Column widths fitted to the content, capped; the header row frozen on every sheet.
    const widths = (sheet['!cols'] ?? []).map((c) => c.wch ?? 0);
    expect(widths).toHaveLength(11);
    expect(widths[0]).toBeGreaterThanOrEqual('=HYPERLINK("http://evil.example","click")'.length);
    expect(Math.max(...widths)).toBeLessThanOrEqual(51);
    expect(widths[2]).toBeLessThan(20);
    const parts = unzip(bytes);
    for (const name of ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']) {
      const xml = Buffer.from(parts.find((p) => p.name === name)?.data ?? []).toString('utf8');
      expect(xml).toMatch(/<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"\/>/);
    }

    // The Contacts sheet: every contact of the exported customers, one a row, with its company.
    const contacts = sheetRows(book.Sheets['Contacts'] as XLSX.WorkSheet);
    expect(contacts[0]).toEqual([
      'Company',
      'Country',
      'Contact name',
      'Job title',
      'Email',
      'Phone',
      'Mobile',
      'WhatsApp',
      'WeChat',
      'Skype',
      'Preferred language',
      'Primary contact',
    ]);
    expect(contacts.slice(1).map((r) => [r[0], r[2], r[5], r[7], r[11]])).toEqual([
      ['\'=HYPERLINK("http://evil.example","click")', 'Eve', '+49 30 1234567', '', 'yes'],
      ['\'=HYPERLINK("http://evil.example","click")', 'Max Bauer', '', '+49 151 2345678', ''],
      ['Formosa Lighting Co', 'Lin Wei', '', '+886 912 345 678', 'yes'],
      ['深圳明亮照明有限公司', '', '0086 755 1234', '', 'yes'],
    ]);

    // Inquiries: the long ID a text cell, the time a local date.
    const inquiries = readBook((await t.call('export.inquiries', { format: 'xlsx', timeZone: 'Asia/Shanghai' })).contentBase64);
    const inq = inquiries.Sheets['Inquiries'] as XLSX.WorkSheet;
    expect(inq['A2']).toMatchObject({ t: 's', v: '500001234567890', z: '@' });
    expect(inq['B2']).toMatchObject({ t: 'n', w: '2026-11-13 02:11' });
    expect(inq['D2']).toMatchObject({ t: 's', v: 'Taiwan' });
  });

  it('orders export amounts in the currency’s decimal units', async () => {
    const customer = (await t.call('customers.list', {})).rows[0]!;
    const sqlite = t.engine.database.sqlite;
    sqlite
      .prepare(
        `INSERT INTO orders (external_no, customer_id, ordered_at, amount_minor, currency, created_at) VALUES ('A1', ?, '2025-01-01T00:00:00.000Z', 3317050, 'USD', 'x'), ('A2', ?, '2025-01-02T00:00:00.000Z', 150000, 'JPY', 'x')`,
      )
      .run(customer.id, customer.id);
    const rows = csvRows((await t.call('export.orders', { format: 'csv' })).contentBase64);
    expect(rows[1]?.slice(0, 1)).toEqual(['A2']);
    expect(rows[1]?.[6]).toBe('150000');
    expect(rows[2]?.[6]).toBe('33170.5');
    const sheet = readBook((await t.call('export.orders', { format: 'xlsx' })).contentBase64).Sheets['Orders'] as XLSX.WorkSheet;
    expect(sheet['G2']).toMatchObject({ t: 'n', v: 150000, z: '#,##0' });
    expect(sheet['G3']).toMatchObject({ t: 'n', v: 33170.5, z: '#,##0.00', w: '33,170.50' });
  });
});
