import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { escapeSpreadsheetCell } from '../../src/main/export/escape-cell';
import { openTestEngine, type TestEngine } from '../support/temp-db';

let t: TestEngine;
beforeEach(async () => {
  t = await openTestEngine();
  await t.call('customers.create', {
    company: '=HYPERLINK("http://evil.example","click")',
    country: 'DE',
    owner: '王芳',
    contacts: [{ name: 'Eve', email: 'eve@evil.example', phone: '+49 30 1234567' }],
  });
  await t.call('customers.create', { company: '深圳明亮照明有限公司', country: 'CN', contacts: [{ phone: '0086 755 1234' }] });
  await t.call('customers.create', { company: 'Alpha Trading Ltd', country: 'GB', tags: ['VIP'] });
});
afterEach(async () => {
  await t.close();
});

function csvRows(base64: string): string[][] {
  const text = Buffer.from(base64, 'base64').toString('utf8');
  expect(text.startsWith('\ufeff')).toBe(true);
  return Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
}

describe('export', () => {
  it('escapes cells that a spreadsheet would run, also after leading spaces', () => {
    for (const bad of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '  =1', ' \t=1'])
      expect(escapeSpreadsheetCell(bad).startsWith("'")).toBe(true);
    for (const ok of ['Alpha', '1+1', 'a=b', '']) expect(escapeSpreadsheetCell(ok)).toBe(ok);
  });

  it('customers to CSV: BOM, the grid sort, chosen columns, Chinese intact, formulas and phones kept as text', async () => {
    const file = await t.call('export.customers', {
      sort: { key: 'company', dir: 'asc' },
      columns: ['company', 'country', 'owner', 'phone', 'tags'],
      format: 'csv',
    });
    expect(file.fileName).toMatch(/^customers-\d{8}-\d{4}\.csv$/);
    const rows = csvRows(file.contentBase64);
    expect(rows[0]).toEqual(['Company', 'Country', 'Owner', 'Phone', 'Tags']);
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      '\'=HYPERLINK("http://evil.example","click")',
      'Alpha Trading Ltd',
      '深圳明亮照明有限公司',
    ]);
    expect(rows[1]).toEqual(['\'=HYPERLINK("http://evil.example","click")', 'DE', '王芳', "'+49 30 1234567", '']);
    expect(rows[3]?.[3]).toBe('0086 755 1234');
    expect(file.rows).toBe(3);
  });

  it('follows the grid filter and writes Chinese headers when asked', async () => {
    const file = await t.call('export.customers', {
      filter: { countries: ['CN'] },
      format: 'csv',
      language: 'zh-CN',
      columns: ['company', 'country'],
    });
    expect(csvRows(file.contentBase64)).toEqual([
      ['公司名称', '国家/地区'],
      ['深圳明亮照明有限公司', 'CN'],
    ]);
  });

  it('customers to XLSX: every text cell is a string cell, never a formula', async () => {
    const file = await t.call('export.customers', { format: 'xlsx', columns: ['id', 'company', 'phone'] });
    const book = XLSX.read(Buffer.from(file.contentBase64, 'base64'), { type: 'buffer', cellFormula: true });
    const sheet = book.Sheets[book.SheetNames[0]!]!;
    const cells = Object.entries(sheet).filter(([k]) => !k.startsWith('!'));
    expect(cells.some(([, c]) => (c as XLSX.CellObject).f)).toBe(false);
    const phones = XLSX.utils
      .sheet_to_json<string[]>(sheet, { header: 1, raw: true })
      .slice(1)
      .map((r) => r[2]);
    expect(phones).toContain('0086 755 1234');
    expect(sheet['A2']?.t).toBe('n');
    expect(sheet['C2']?.t).toBe('s');
  });

  it('orders export amounts in the currency’s decimal units', async () => {
    const customer = (await t.call('customers.list', {})).rows[0]!;
    const sqlite = t.engine.database.sqlite;
    sqlite
      .prepare(
        `INSERT INTO orders (external_no, customer_id, ordered_at, amount_minor, currency, created_at) VALUES ('A1', ?, '2025-01-01T00:00:00.000Z', 3317000, 'USD', 'x'), ('A2', ?, '2025-01-02T00:00:00.000Z', 150000, 'JPY', 'x')`,
      )
      .run(customer.id, customer.id);
    const rows = csvRows((await t.call('export.orders', { format: 'csv' })).contentBase64);
    expect(rows[1]?.slice(0, 1)).toEqual(['A2']);
    expect(rows[1]?.[6]).toBe('150000');
    expect(rows[2]?.[6]).toBe('33170');
  });
});
