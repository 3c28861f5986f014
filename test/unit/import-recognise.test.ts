import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMPORT_FIELDS, type ImportField, type ImportKind } from '../../src/shared/domain/import';
import { AppError } from '../../src/shared/errors';
import { recognise } from '../../src/main/import/detect-kind';
import { aliasesOf, fieldForHeader, fieldForHeaderInKind, normalizeHeader } from '../../src/main/import/header-aliases';
import { readTable } from '../../src/main/import/read-table';

const FIXTURES = join(import.meta.dirname, '../../../shared/fixtures');
const headersOf = (name: string) => readTable(new Uint8Array(readFileSync(join(FIXTURES, name))), name).headers;

/** header → field for the columns that map to something. */
function mapped(headers: readonly string[], mapping: readonly (ImportField | null)[]): Record<string, ImportField> {
  const out: Record<string, ImportField> = {};
  headers.forEach((h, i) => {
    const f = mapping[i];
    if (f) out[h] = f;
  });
  return out;
}

function unmapped(headers: readonly string[], mapping: readonly (ImportField | null)[]): string[] {
  return headers.filter((_, i) => mapping[i] === null);
}

describe('recognise on the fixture files', () => {
  const inquiryZh = {
    询盘ID: 'inquiryId',
    询盘标题: 'subject',
    询盘类型: 'inquiryType',
    询盘来源: 'inquirySource',
    创建时间: 'receivedAt',
    最新回复时间: 'lastReplyAt',
    业务员: 'owner',
    询盘产品ID: 'productRef',
    询盘产品标题: 'product',
    采购数量: 'quantity',
    单位: 'unit',
    客户名: 'contactName',
    公司名称: 'company',
    '国家/地区': 'country',
    邮箱: 'email',
    手机号码: 'mobile',
    电话号码: 'phone',
    公司网站: 'website',
    买家等级标签: 'buyerLevel',
    注册日期: 'registeredAt',
    最常采购行业: 'industry',
    询盘状态: 'inquiryStatus',
    询盘内容: 'message',
  };
  // The buyer's device and Alibaba history (订单总数 / 订单总金额 are not an order of ours).
  const inquiryZhIgnored = ['询盘来源终端', '有效询价数', '订单总数', '订单总金额'];

  const cases: { file: string; kind: ImportKind; expected: Record<string, string>; ignored: string[] }[] = [
    { file: 'alibaba-inquiries-zh.xlsx', kind: 'inquiries', expected: inquiryZh, ignored: inquiryZhIgnored },
    { file: 'alibaba-inquiries-zh-gbk.csv', kind: 'inquiries', expected: inquiryZh, ignored: inquiryZhIgnored },
    {
      file: 'alibaba-inquiries-en.csv',
      kind: 'inquiries',
      expected: {
        'Inquiry ID': 'inquiryId',
        Subject: 'subject',
        'Inquiry Type': 'inquiryType',
        Source: 'inquirySource',
        'Created Time': 'receivedAt',
        'Last Reply Time': 'lastReplyAt',
        Salesperson: 'owner',
        'Product ID': 'productRef',
        'Product Name': 'product',
        Quantity: 'quantity',
        Unit: 'unit',
        'Buyer Name': 'contactName',
        Company: 'company',
        'Country/Region': 'country',
        Email: 'email',
        Mobile: 'mobile',
        Phone: 'phone',
        Website: 'website',
        'Buyer Level': 'buyerLevel',
        'Registration Date': 'registeredAt',
        'Preferred Industries': 'industry',
        Status: 'inquiryStatus',
        Message: 'message',
      },
      ignored: ['Client', 'Valid Inquiries', 'Orders', 'Order Volume'],
    },
    {
      file: 'alibaba-customers-zh.xlsx',
      kind: 'customers',
      expected: {
        联系人姓名: 'contactName',
        公司名称: 'company',
        邮箱: 'email',
        负责人: 'owner',
        客户分组: 'customerGroup',
        最近跟进时间: 'lastReplyAt',
        重要程度: 'importance',
        '国家/地区': 'country',
        客户来源: 'source',
        商业类型: 'businessType',
        建档时间: 'customerCreatedAt',
      },
      ignored: [],
    },
    {
      file: 'alibaba-orders-zh.csv',
      kind: 'orders',
      expected: {
        订单号: 'orderNo',
        下单时间: 'orderedAt',
        买家公司: 'company',
        买家邮箱: 'email',
        '国家/地区': 'country',
        产品名称: 'product',
        数量: 'quantity',
        单价: 'unitPrice',
        币种: 'currency',
        订单金额: 'amount',
        订单状态: 'orderStatus',
      },
      ignored: [],
    },
    {
      file: 'trade-fair-leads.csv',
      kind: 'leads',
      expected: {
        firstName: 'firstName',
        lastName: 'lastName',
        email: 'email',
        company: 'company',
        title: 'title',
        mobilePhone: 'mobile',
        country: 'country',
        rating: 'rating',
        notes: 'notes',
      },
      ignored: [],
    },
    {
      file: 'online-retail-sample.csv',
      kind: 'orders',
      expected: {
        InvoiceNo: 'orderNo',
        StockCode: 'productRef',
        Description: 'product',
        Quantity: 'quantity',
        InvoiceDate: 'orderedAt',
        UnitPrice: 'unitPrice',
        CustomerID: 'customerNo',
        Country: 'country',
      },
      ignored: [],
    },
  ];

  for (const c of cases) {
    it(`${c.file} → ${c.kind}`, () => {
      const headers = headersOf(c.file);
      const r = recognise(headers);
      expect(r.kind).toBe(c.kind);
      expect(r.mapping).toHaveLength(headers.length);
      expect(mapped(headers, r.mapping)).toEqual(c.expected);
      expect(unmapped(headers, r.mapping).sort()).toEqual([...c.ignored].sort());
      expect(r.confidence).toBeGreaterThanOrEqual(0.9);
      expect(r.confidence).toBeLessThanOrEqual(1);
    });
  }
});

describe('recognise on made-up headers', () => {
  it('takes a bare list of companies as customers, with less confidence', () => {
    const r = recognise(['Company', 'E-mail', 'Country']);
    expect(r).toMatchObject({ kind: 'customers', mapping: ['company', 'email', 'country'] });
    expect(r.confidence).toBeLessThanOrEqual(0.6);
  });

  it('uses each field once: the first column wins', () => {
    const r = recognise(['公司名称', 'Email', '邮箱', 'Company']);
    expect(r.mapping).toEqual(['company', 'email', null, null]);
  });

  it('reads generic headers by the kind of file', () => {
    expect(recognise(['Order No', 'Amount', 'Status', 'Source', 'Created Time']).mapping).toEqual([
      'orderNo',
      'amount',
      'orderStatus',
      'source',
      'orderedAt',
    ]);
    expect(recognise(['Company', 'Customer Group', 'Status', 'Source', '创建时间']).mapping).toEqual([
      'company',
      'customerGroup',
      null,
      'source',
      'customerCreatedAt',
    ]);
    expect(recognise(['询盘ID', '状态', '来源', '创建时间']).mapping).toEqual([
      'inquiryId',
      'inquiryStatus',
      'inquirySource',
      'receivedAt',
    ]);
  });

  it('treats 订单总金额 as the order amount only in an order list', () => {
    expect(recognise(['订单号', '单价', '订单总金额']).mapping).toEqual(['orderNo', 'unitPrice', 'amount']);
    expect(recognise(['询盘ID', '公司名称', '订单总金额', '订单总数']).mapping).toEqual(['inquiryId', 'company', null, null]);
  });

  it('needs a price for an order list, a rating for leads', () => {
    expect(recognise(['First Name', 'Last Name', 'Company', 'Rating']).kind).toBe('leads');
    expect(recognise(['First Name', 'Last Name', 'Company']).kind).toBe('customers');
    expect(recognise(['Order No', 'Order Date', 'Company']).kind).toBe('orders');
  });

  it('refuses headers that say nothing importable', () => {
    for (const headers of [[], ['foo', 'bar'], ['Quantity', 'Unit'], ['', '']]) {
      let thrown: unknown;
      try {
        recognise(headers);
      } catch (err) {
        thrown = err;
      }
      expect(thrown, JSON.stringify(headers)).toBeInstanceOf(AppError);
      expect((thrown as AppError).code).toBe('IMPORT_UNKNOWN_KIND');
    }
  });
});

describe('header aliases', () => {
  it('normalises case, width, spaces and punctuation', () => {
    expect(normalizeHeader(' Country / Region ')).toBe('countryregion');
    expect(normalizeHeader('国家／地区')).toBe('国家地区');
    expect(normalizeHeader('ＥＭＡＩＬ')).toBe('email');
    expect(normalizeHeader('\uFEFFE-mail\u200B')).toBe('email');
    for (const h of ['E-mail', 'EMAIL', 'e mail', 'Ｅｍａｉｌ', '邮箱', '买家邮箱']) expect(fieldForHeader(h), h).toBe('email');
    for (const h of ['国家/地区', '国家（地区）', 'country/region', 'COUNTRY', 'Country Code'])
      expect(fieldForHeader(h), h).toBe('country');
    expect(fieldForHeader('Company Name:')).toBe('company');
    expect(fieldForHeader('whatever')).toBeNull();
  });

  it('names every field, and no alias twice', () => {
    const seen = new Map<string, ImportField>();
    const catalogueOnly = new Set<ImportField>(IMPORT_FIELDS.slice(IMPORT_FIELDS.indexOf('sku')));
    for (const field of catalogueOnly) {
      // A catalogue's own headers: read in a catalogue only (a price column by quantity by its header's form).
      if (field === 'tierPrice') {
        expect(fieldForHeaderInKind('Price 1000+', 'products')).toBe('tierPrice');
        continue;
      }
      expect(aliasesOf(field).length, field).toBeGreaterThan(0);
      for (const alias of aliasesOf(field)) expect(fieldForHeaderInKind(alias, 'products'), alias).toBe(field);
    }
    for (const field of IMPORT_FIELDS) {
      if (catalogueOnly.has(field)) continue;
      expect(aliasesOf(field).length, field).toBeGreaterThan(0);
      for (const alias of aliasesOf(field)) {
        const key = normalizeHeader(alias);
        expect(key, alias).not.toBe('');
        expect(seen.get(key) ?? field, `${alias} in ${field} and ${seen.get(key)}`).toBe(field);
        seen.set(key, field);
        expect(fieldForHeader(alias)).toBe(field);
        expect(fieldForHeaderInKind(alias, 'orders')).toBe(field);
      }
    }
  });
});
