import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors';
import { decodeText } from '../../src/main/import/encoding';
import { readTable } from '../../src/main/import/read-table';
import type { Cell, ParsedTable } from '../../src/main/import/types';

const FIXTURES = join(import.meta.dirname, '../../../shared/fixtures');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const utf8 = (text: string) => new TextEncoder().encode(text);

/** The error code `fn` throws (as an AppError), or fails. */
function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return (err as AppError).code;
  }
  throw new Error('expected an AppError');
}

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError');
}

function column(table: ParsedTable, header: string): Cell[] {
  const i = table.headers.indexOf(header);
  expect(i, `no column ${header}`).toBeGreaterThanOrEqual(0);
  return table.rows.map((r) => r[i] ?? null);
}

function textColumn(table: ParsedTable, header: string): (string | null)[] {
  const i = table.headers.indexOf(header);
  expect(i, `no column ${header}`).toBeGreaterThanOrEqual(0);
  return table.rows.map((r, n) => table.texts?.[n]?.[i] ?? (r[i] === null || r[i] === undefined ? null : String(r[i])));
}

function expectWellFormed(t: ParsedTable): void {
  expect(t.rows.length).toBeGreaterThan(0);
  expect(t.rowNumbers).toHaveLength(t.rows.length);
  t.rowNumbers.forEach((n, i) => {
    expect(Number.isInteger(n)).toBe(true);
    expect(n).toBeGreaterThan(i === 0 ? t.headerRowIndex + 1 : (t.rowNumbers[i - 1] as number));
  });
  if (t.texts) t.texts.forEach((row, i) => expect(row).toHaveLength(t.rows[i]?.length ?? -1));
}

function workbook(sheets: Record<string, unknown[][]>, edit?: (ws: XLSX.WorkSheet, name: string) => void): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, aoa] of Object.entries(sheets)) {
    const ws = XLSX.utils.aoa_to_sheet(aoa);
    edit?.(ws, name);
    XLSX.utils.book_append_sheet(wb, ws, name);
  }
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

describe('fixture files', () => {
  it('alibaba-inquiries-zh.xlsx: sheet 询盘明细, 300 inquiries, IDs and messages exact', () => {
    const t = readTable(fixture('alibaba-inquiries-zh.xlsx'), 'alibaba-inquiries-zh.xlsx');
    expectWellFormed(t);
    expect(t).toMatchObject({
      format: 'xlsx',
      encoding: '',
      delimiter: '',
      sheetNames: ['询盘明细'],
      sheet: '询盘明细',
      headerRowIndex: 0,
    });
    expect(t.headers).toHaveLength(27);
    expect(t.headers.slice(0, 3)).toEqual(['询盘ID', '询盘标题', '询盘类型']);
    expect(t.headers).toContain('订单总金额');
    expect(t.rows).toHaveLength(300);
    expect(t.rowNumbers[0]).toBe(2);
    expect(t.rowNumbers.at(-1)).toBe(301);
    expect(t.texts).toHaveLength(300);
    const ids = textColumn(t, '询盘ID');
    expect(ids[0]).toBe('50000051127337');
    expect(new Set(ids).size).toBe(300);
    expect(ids.every((id) => /^\d{14}$/.test(id ?? ''))).toBe(true);
    expect(column(t, '创建时间')[0]).toBe('2025-10-23 08:14:20'); // dates are text cells in this export
    const messages = column(t, '询盘内容').map(String);
    expect(messages[1]).toBe(
      'Hello, we are interested in your Outdoor LED Flood Light 200W IP65. Please send price for 1000 pcs, delivery to PL.\nAlso need CE/RoHS certificates.',
    );
    expect(messages.filter((m) => m.includes('\n'))).toHaveLength(89);
    expect(messages.some((m) => m.includes('Reply "ASAP", thanks!'))).toBe(true);
    const emails = column(t, '邮箱').map(String);
    expect(emails.filter((e) => e === '客户隐藏')).toHaveLength(18);
    expect(emails.filter((e) => /^\w\*\*\*\w@/.test(e))).toHaveLength(35);
  });

  it('alibaba-inquiries-en.csv: UTF-8 with BOM, 150 records, quoted commas, quotes and line breaks', () => {
    const t = readTable(fixture('alibaba-inquiries-en.csv'), 'alibaba-inquiries-en.csv');
    expectWellFormed(t);
    expect(t).toMatchObject({ format: 'csv', encoding: 'utf-8-bom', delimiter: ',', sheetNames: [], sheet: '', headerRowIndex: 0 });
    expect(t.headers[0]).toBe('Inquiry ID'); // no BOM left on the first header
    expect(t.headers).toHaveLength(27);
    expect(t.rows).toHaveLength(150);
    expect(t.rows.every((r) => r.length === 27)).toBe(true);
    expect(t.texts).toBeUndefined();
    // The third record's message spans two lines, so the fourth starts on line 6.
    expect(t.rowNumbers.slice(0, 5)).toEqual([2, 3, 4, 6, 7]);
    expect(t.rowNumbers.at(-1)).toBe(198);
    expect(column(t, 'Inquiry ID')[0]).toBe('50000051124536');
    expect(column(t, 'Subject')[2]).toBe('RFQ: Emergency Exit Sign LED, 200 pieces, CIF price please');
    expect(column(t, 'Company')[1]).toBe('Atlas Imports Co., Ltd');
    expect(column(t, 'Message')[2]).toBe(
      'Hello, we are interested in your Emergency Exit Sign LED. Please send price for 200 sets, delivery to NG.\nAlso need CE/RoHS certificates.',
    );
    const messages = column(t, 'Message').map(String);
    expect(messages.filter((m) => m.includes('\n'))).toHaveLength(47);
    expect(messages.filter((m) => m.includes('Reply "ASAP", thanks!'))).toHaveLength(18);
    expect(messages.some((m) => m.includes('\r'))).toBe(false);
    expect(new Set(column(t, 'Created Time').map((d) => String(d).replace(/\d/g, '9')))).toEqual(
      new Set(['9999-9-99', '9999-99-99 99:99:99', '9999-9-9', '9999-99-9', '9999/99/99 99:99', '9999-99-99']),
    );
    expect(column(t, 'Mobile')[0]).toBe('00136-46-1999376'); // leading zeros kept
  });

  it('alibaba-inquiries-zh-gbk.csv: GBK without BOM decodes to the right Chinese', () => {
    const t = readTable(fixture('alibaba-inquiries-zh-gbk.csv'), 'alibaba-inquiries-zh-gbk.csv');
    expectWellFormed(t);
    expect(t).toMatchObject({ format: 'csv', encoding: 'gb18030', delimiter: ',', headerRowIndex: 0 });
    expect(t.headers).toHaveLength(27);
    expect(t.headers[0]).toBe('询盘ID');
    expect(t.headers[13]).toBe('公司名称');
    expect(t.headers[14]).toBe('国家/地区');
    expect(t.rows).toHaveLength(150);
    expect(t.rowNumbers.slice(0, 3)).toEqual([2, 4, 5]);
    expect(t.rowNumbers.at(-1)).toBe(193);
    expect(new Set(column(t, '询盘状态'))).toEqual(new Set(['已回复', '未读', '洽谈中', '垃圾询盘', '已关闭']));
    expect(column(t, '邮箱')[0]).toBe('客户隐藏');
    expect(column(t, '询盘ID')[0]).toBe('50000051138055');
    expect(column(t, '业务员')).toContain('李娜');
    expect(column(t, '创建时间').every((d) => /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/.test(String(d)))).toBe(true);
  });

  it('alibaba-customers-zh.xlsx: 120 customers with ☆–★★★ and Chinese country names', () => {
    const t = readTable(fixture('alibaba-customers-zh.xlsx'), 'alibaba-customers-zh.xlsx');
    expectWellFormed(t);
    expect(t).toMatchObject({ format: 'xlsx', sheetNames: ['客户列表'], sheet: '客户列表', headerRowIndex: 0 });
    expect(t.headers).toEqual([
      '联系人姓名',
      '公司名称',
      '邮箱',
      '负责人',
      '客户分组',
      '最近跟进时间',
      '重要程度',
      '国家/地区',
      '客户来源',
      '商业类型',
      '建档时间',
    ]);
    expect(t.rows).toHaveLength(120);
    expect(t.rowNumbers.at(-1)).toBe(121);
    expect(new Set(column(t, '重要程度'))).toEqual(new Set(['☆', '★', '★★', '★★★']));
    expect(column(t, '国家/地区')).toContain('阿联酋');
    expect(column(t, '建档时间')[0]).toBe('2021-07-20T09:00:00.000Z');
  });

  it('alibaba-orders-zh.csv: 504 order lines with 已取消 among the statuses', () => {
    const t = readTable(fixture('alibaba-orders-zh.csv'), 'alibaba-orders-zh.csv');
    expectWellFormed(t);
    expect(t).toMatchObject({ format: 'csv', encoding: 'utf-8-bom', delimiter: ',', headerRowIndex: 0 });
    expect(t.headers).toEqual([
      '订单号',
      '下单时间',
      '买家公司',
      '买家邮箱',
      '国家/地区',
      '产品名称',
      '数量',
      '单价',
      '币种',
      '订单金额',
      '订单状态',
    ]);
    expect(t.rows).toHaveLength(504);
    expect(t.rowNumbers).toEqual(Array.from({ length: 504 }, (_, i) => i + 2));
    expect(new Set(column(t, '订单状态'))).toEqual(new Set(['已取消', '已发货', '已完成']));
    expect(new Set(column(t, '币种'))).toEqual(new Set(['USD', 'EUR', 'GBP']));
    expect(t.rows[0]).toEqual([
      '2000100000',
      '2024-10-07 00:00:00',
      'Summit Trading SARL',
      'ivan@summittradingsarl.pl',
      '波兰',
      'LED Panel Light 600x600 40W',
      '500',
      '66.34',
      'USD',
      '33170.00',
      '已取消',
    ]);
  });

  it('trade-fair-leads.csv: plain UTF-8, 60 leads', () => {
    const t = readTable(fixture('trade-fair-leads.csv'), 'trade-fair-leads.csv');
    expectWellFormed(t);
    expect(t).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ',', headerRowIndex: 0 });
    expect(t.headers).toEqual(['firstName', 'lastName', 'email', 'company', 'title', 'mobilePhone', 'country', 'rating', 'notes']);
    expect(t.rows).toHaveLength(60);
    expect(t.rowNumbers.at(-1)).toBe(61);
    expect(new Set(column(t, 'rating'))).toEqual(new Set(['hot', 'warm', 'cold']));
    expect(column(t, 'notes')[0]).toBe('Met at booth 9.2B29, wants catalogue');
  });

  it('online-retail-sample.csv: 183 records, of which 4 have 7 fields instead of 8', () => {
    const t = readTable(fixture('online-retail-sample.csv'), 'online-retail-sample.csv');
    expectWellFormed(t);
    expect(t).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ',', headerRowIndex: 0 });
    expect(t.headers).toEqual(['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country']);
    expect(t.rows).toHaveLength(183);
    expect(t.rowNumbers).toEqual(Array.from({ length: 183 }, (_, i) => i + 2));
    const broken = t.rows.flatMap((r, i) => (r.length === 8 ? [] : [t.rowNumbers[i]]));
    expect(broken).toEqual([121, 172, 175, 179]);
    expect(t.rows.filter((r) => r.length === 7)).toHaveLength(4);
    const good = t.rows.filter((r) => r.length === 8);
    expect(good).toHaveLength(179);
    expect(new Set(good.map((r) => r[0])).size).toBe(23); // 22 invoices + the cancellation C536383
    expect(good.filter((r) => String(r[0]).startsWith('C'))).toHaveLength(1);
    expect(new Set(good.map((r) => r[6])).size).toBe(14);
    expect(t.rows[0]).toEqual([
      '536365',
      '85123A',
      'WHITE HANGING HEART T-LIGHT HOLDER',
      '6',
      '12/1/10 8:26',
      '2.55',
      '17850',
      'United Kingdom',
    ]);
  });
});

describe('decodeText', () => {
  const gbkHeader = (() => {
    const bytes = fixture('alibaba-inquiries-zh-gbk.csv');
    return bytes.subarray(0, bytes.indexOf(0x0d));
  })();

  it('lets a BOM decide, and strips it', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('公司,国家')]))).toEqual({ text: '公司,国家', encoding: 'utf-8-bom' });
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from('公司,Country', 'utf16le')]);
    expect(decodeText(le)).toEqual({ text: '公司,Country', encoding: 'utf-16le' });
    const be = Buffer.from('公司,Country', 'utf16le').swap16();
    expect(decodeText(new Uint8Array([0xfe, 0xff, ...be]))).toEqual({ text: '公司,Country', encoding: 'utf-16be' });
  });

  it('reads strict UTF-8, and falls back to GB18030 for GBK bytes', () => {
    expect(decodeText(utf8('询盘ID,公司名称\n1,已回复'))).toEqual({ text: '询盘ID,公司名称\n1,已回复', encoding: 'utf-8' });
    const gbk = decodeText(gbkHeader);
    expect(gbk.encoding).toBe('gb18030');
    expect(gbk.text.startsWith('询盘ID,询盘标题,询盘类型,询盘来源,询盘来源终端,创建时间')).toBe(true);
    // 公司名称 in GBK: B9AB CBBE C3FB B3C6
    expect(decodeText(new Uint8Array([0xb9, 0xab, 0xcb, 0xbe, 0xc3, 0xfb, 0xb3, 0xc6]))).toEqual({ text: '公司名称', encoding: 'gb18030' });
  });

  it('recognises UTF-16 without a BOM by its NUL pattern', () => {
    expect(decodeText(new Uint8Array(Buffer.from('Company,Country\nAcme,DE', 'utf16le'))).encoding).toBe('utf-16le');
    expect(decodeText(new Uint8Array(Buffer.from('Company,Country\nAcme,DE', 'utf16le').swap16())).encoding).toBe('utf-16be');
  });

  it('refuses binary junk', () => {
    expect(
      codeOf(() => decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]))),
    ).toBe('IMPORT_UNREADABLE');
    expect(codeOf(() => decodeText(new Uint8Array(64).map((_, i) => (i * 37) % 32 || 1)))).toBe('IMPORT_UNREADABLE');
  });
});

describe('readTable on CSV', () => {
  it('sniffs semicolons and tabs', () => {
    const semi = readTable(utf8('Company;Country;Email\n"Acme; Ltd";DE;a@acme.de\nBeta;FR;b@beta.fr\n'), 'x.csv');
    expect(semi.delimiter).toBe(';');
    expect(semi.headers).toEqual(['Company', 'Country', 'Email']);
    expect(semi.rows).toEqual([
      ['Acme; Ltd', 'DE', 'a@acme.de'],
      ['Beta', 'FR', 'b@beta.fr'],
    ]);
    const tab = readTable(utf8('公司名称\t国家\t邮箱\r\nAcme, Inc.\tUS\ta@acme.com\r\n'), 'x.txt');
    expect(tab.delimiter).toBe('\t');
    expect(tab.rows).toEqual([['Acme, Inc.', 'US', 'a@acme.com']]);
  });

  it('skips a title row above the header and counts lines as the user sees them', () => {
    const t = readTable(
      utf8('询盘明细 2025\n\n询盘ID,公司名称,国家/地区,询盘内容\n50000051124536,Acme,DE,"Line one\nline two"\n50000051124537,Beta,FR,hi\n'),
      'x.csv',
    );
    expect(t.headerRowIndex).toBe(2);
    expect(t.headers).toEqual(['询盘ID', '公司名称', '国家/地区', '询盘内容']);
    expect(t.rowNumbers).toEqual([4, 6]);
    expect(t.rows[0]).toEqual(['50000051124536', 'Acme', 'DE', 'Line one\nline two']);
  });

  it('keeps cells as written: leading zeros, long digits, spaces, doubled quotes', () => {
    const t = readTable(utf8('Company,Phone,Order No,Note\n Acme ,0086123,12345678901234567890,"He said ""hi"""\n'), 'x.csv');
    expect(t.rows[0]).toEqual([' Acme ', '0086123', '12345678901234567890', 'He said "hi"']);
  });

  it('trims headers and drops blank and all-empty rows', () => {
    const t = readTable(utf8(' Company , Country \n\nAcme,DE\n,\n  \nBeta,FR'), 'x.csv');
    expect(t.headers).toEqual(['Company', 'Country']);
    expect(t.rows).toEqual([
      ['Acme', 'DE'],
      ['Beta', 'FR'],
    ]);
    expect(t.rowNumbers).toEqual([3, 6]);
  });

  it('passes rows with the wrong number of fields through as they are', () => {
    const t = readTable(utf8('Company,Country,Email\nAcme,DE\nBeta,FR,b@beta.fr,extra\n'), 'x.csv');
    expect(t.rows).toEqual([
      ['Acme', 'DE'],
      ['Beta', 'FR', 'b@beta.fr', 'extra'],
    ]);
  });

  it('refuses a quote that swallows the lines after it', () => {
    const err = errorOf(() => readTable(utf8('Company,Country\nAcme,"DE\nBeta,FR\nGamma,IT\n'), 'x.csv'));
    expect(err.code).toBe('IMPORT_UNREADABLE');
    expect(err.details).toEqual({ line: 2 });
    expect(codeOf(() => readTable(utf8('Company,Note\nAcme,"a"b\nBeta,"c"\n'), 'x.csv'))).toBe('IMPORT_UNREADABLE');
    // A stray quote inside an unquoted cell is just text.
    expect(readTable(utf8('Company,Size\nAcme,5" screen\n'), 'x.csv').rows).toEqual([['Acme', '5" screen']]);
  });

  it('reads UTF-16 "Unicode text" saved under an .xls name', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from('公司名称\t国家\r\nAcme\tDE\r\n', 'utf16le')]);
    const t = readTable(bytes, 'export.xls');
    expect(t).toMatchObject({
      format: 'csv',
      encoding: 'utf-16le',
      delimiter: '\t',
      headers: ['公司名称', '国家'],
      rows: [['Acme', 'DE']],
    });
    expect(readTable(utf8('Company\tCountry\nAcme\tDE\n'), 'export.xls').format).toBe('csv');
  });
});

describe('readTable on XLSX', () => {
  it('skips a title row, keeps typed values and the displayed texts', () => {
    const bytes = workbook(
      {
        询盘: [
          ['询盘明细 2025'],
          [],
          ['询盘ID', '公司名称', '手机号码', '创建时间', '已回复', '采购数量'],
          [50000051124536, 'Acme', 86123, 45658.5, true, 1000],
        ],
      },
      (ws) => {
        const phone = ws['C4'] as XLSX.CellObject;
        phone.z = '0000000';
        const date = ws['D4'] as XLSX.CellObject;
        date.z = 'yyyy-mm-dd hh:mm';
      },
    );
    const t = readTable(bytes, 'book.xlsx');
    expectWellFormed(t);
    expect(t).toMatchObject({ format: 'xlsx', sheet: '询盘', sheetNames: ['询盘'], headerRowIndex: 2 });
    expect(t.headers).toEqual(['询盘ID', '公司名称', '手机号码', '创建时间', '已回复', '采购数量']);
    expect(t.rowNumbers).toEqual([4]);
    const [id, company, phone, date, flag, qty] = t.rows[0] as Cell[];
    expect([id, company, phone, flag, qty]).toEqual([50000051124536, 'Acme', 86123, true, 1000]);
    expect(date).toBeInstanceOf(Date);
    expect((date as Date).toISOString()).toBe('2025-01-01T12:00:00.000Z'); // wall clock in the UTC fields
    expect(t.texts?.[0]).toEqual(['50000051124536', 'Acme', '0086123', '2025-01-01 12:00', 'TRUE', '1000']);
  });

  it('reads the sheet asked for, and names the sheets when it does not exist', () => {
    const bytes = workbook({
      Notes: [['readme']],
      客户: [
        ['公司名称', '国家'],
        ['Acme', '德国'],
      ],
    });
    expect(readTable(bytes, 'b.xlsx', { sheet: '客户' }).rows).toEqual([['Acme', '德国']]);
    expect(codeOf(() => readTable(bytes, 'b.xlsx'))).toBe('IMPORT_NO_HEADER');
    const err = errorOf(() => readTable(bytes, 'b.xlsx', { sheet: 'Sheet9' }));
    expect(err.code).toBe('IMPORT_UNKNOWN_SHEET');
    expect(err.details).toEqual({ sheet: 'Sheet9', sheetNames: ['Notes', '客户'] });
  });

  it('pads short rows to the header and drops empty ones', () => {
    const bytes = workbook({ S: [['Company', 'Country', 'Email'], ['Acme'], [null, null, null], ['Beta', 'FR', 'b@beta.fr', 'extra']] });
    const t = readTable(bytes, 'b.xlsx');
    expect(t.rows).toEqual([
      ['Acme', null, null],
      ['Beta', 'FR', 'b@beta.fr', 'extra'],
    ]);
    expect(t.rowNumbers).toEqual([2, 4]);
  });

  it('refuses truncated, random and absurdly wide workbooks with IMPORT_* errors', () => {
    const real = fixture('alibaba-customers-zh.xlsx');
    expect(codeOf(() => readTable(real.subarray(0, real.length - 100), 'c.xlsx'))).toBe('IMPORT_UNREADABLE');
    expect(codeOf(() => readTable(real.subarray(0, 4000), 'c.xlsx'))).toBe('IMPORT_UNREADABLE');
    expect(
      codeOf(() =>
        readTable(
          new Uint8Array(2000).map((_, i) => (i * 7919) % 251),
          'c.xlsx',
        ),
      ),
    ).toBe('IMPORT_UNREADABLE');
    const wide = workbook({ S: [Array.from({ length: 1200 }, (_, i) => `h${i}`), Array.from({ length: 1200 }, (_, i) => i)] });
    expect(codeOf(() => readTable(wide, 'w.xlsx'))).toBe('IMPORT_UNREADABLE');
  });

  it('fails fast on a damaged deflate stream (the inflate inside SheetJS would loop forever)', () => {
    const bytes = fixture('alibaba-inquiries-zh.xlsx').slice();
    bytes[51744] = (bytes[51744] as number) ^ 0x20; // inside xl/theme/theme1.xml's deflate data
    const started = Date.now();
    const err = errorOf(() => readTable(bytes, 'i.xlsx'));
    expect(err.code).toBe('IMPORT_UNREADABLE');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('reads an HTML table saved as .xls, keeping cell text as written', () => {
    const html =
      '<html><head><meta charset="utf-8"></head><body><table><tr><td>公司名称</td><td>国家</td><td>Order No</td></tr><tr><td>Acme</td><td>德国</td><td>00123</td></tr></table></body></html>';
    const t = readTable(utf8(html), 'export.xls');
    expect(t).toMatchObject({ format: 'xlsx', headers: ['公司名称', '国家', 'Order No'], rows: [['Acme', '德国', '00123']] });
  });

  it('refuses a zip that declares it inflates to gigabytes', () => {
    const bomb = fixture('alibaba-customers-zh.xlsx').slice();
    const view = new DataView(bomb.buffer);
    // Every central directory entry claims 3.75 GB uncompressed.
    for (let p = 0; p + 4 <= bomb.length; p++) if (view.getUint32(p, true) === 0x02014b50) view.setUint32(p + 24, 0xf0000000, true);
    expect(codeOf(() => readTable(bomb, 'bomb.xlsx'))).toBe('IMPORT_FILE_TOO_LARGE');
  });
});

describe('caps and empty files', () => {
  it('refuses files over maxBytes', () => {
    const err = errorOf(() => readTable(fixture('trade-fair-leads.csv'), 'l.csv', { maxBytes: 1000 }));
    expect(err.code).toBe('IMPORT_FILE_TOO_LARGE');
    expect(err.details).toMatchObject({ maxBytes: 1000 });
  });

  it('refuses more data rows than maxRows, in CSV and XLSX', () => {
    expect(codeOf(() => readTable(fixture('alibaba-orders-zh.csv'), 'o.csv', { maxRows: 503 }))).toBe('IMPORT_TOO_MANY_ROWS');
    expect(readTable(fixture('alibaba-orders-zh.csv'), 'o.csv', { maxRows: 504 }).rows).toHaveLength(504);
    expect(codeOf(() => readTable(fixture('alibaba-orders-zh.csv'), 'o.csv', { maxRows: 10 }))).toBe('IMPORT_TOO_MANY_ROWS');
    expect(codeOf(() => readTable(fixture('alibaba-inquiries-zh.xlsx'), 'i.xlsx', { maxRows: 299 }))).toBe('IMPORT_TOO_MANY_ROWS');
    expect(codeOf(() => readTable(fixture('alibaba-inquiries-zh.xlsx'), 'i.xlsx', { maxRows: 20 }))).toBe('IMPORT_TOO_MANY_ROWS');
    expect(readTable(fixture('alibaba-inquiries-zh.xlsx'), 'i.xlsx', { maxRows: 300 }).rows).toHaveLength(300);
  });

  it('calls files without data empty', () => {
    expect(codeOf(() => readTable(new Uint8Array(0), 'e.csv'))).toBe('IMPORT_EMPTY');
    expect(codeOf(() => readTable(new Uint8Array([0xef, 0xbb, 0xbf]), 'e.csv'))).toBe('IMPORT_EMPTY');
    expect(codeOf(() => readTable(utf8('\r\n\r\n  \n'), 'e.csv'))).toBe('IMPORT_EMPTY');
    expect(codeOf(() => readTable(utf8('Company,Country,Email\n,,\n'), 'e.csv'))).toBe('IMPORT_EMPTY');
    expect(codeOf(() => readTable(workbook({ S: [['公司名称', '国家']] }), 'e.xlsx'))).toBe('IMPORT_EMPTY');
    expect(codeOf(() => readTable(workbook({ S: [] }), 'e.xlsx'))).toBe('IMPORT_EMPTY');
  });

  it('finds no header in a single column or in rows of numbers', () => {
    expect(codeOf(() => readTable(utf8('just a title\nanother line\n'), 'n.csv'))).toBe('IMPORT_NO_HEADER');
    expect(codeOf(() => readTable(utf8('1,2,3\n4,5,6\n'), 'n.csv'))).toBe('IMPORT_NO_HEADER');
    expect(
      codeOf(() =>
        readTable(
          workbook({
            S: [
              [1, 2],
              [3, 4],
            ],
          }),
          'n.xlsx',
        ),
      ),
    ).toBe('IMPORT_NO_HEADER');
  });

  it('falls back to the first row with two text cells when no header is known', () => {
    const t = readTable(utf8('Report\nFoo,Bar\n1,2\n'), 'f.csv');
    expect(t.headers).toEqual(['Foo', 'Bar']);
    expect(t.rows).toEqual([['1', '2']]);
  });
});
