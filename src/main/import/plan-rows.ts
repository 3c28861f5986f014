import type { ColumnMapping, ImportField, ImportKind, RowError, RowErrorCode } from '../../shared/domain/import';
import type { BusinessType, Priority } from '../../shared/domain/customer-enums';
import { companyKey, websiteDomain } from './company-key';
import { resolveCountry } from './normalize/country';
import { parseDateColumn } from './normalize/dates';
import { normaliseCurrency, parseAmount } from './normalize/money';
import { parseImportance } from './normalize/priority';
import { cleanText, emailDomain, isFreeMailDomain, isHiddenOrMasked, normaliseEmail, normalisePhone, parseQuantity } from './normalize/text';
import type { Cell, ParsedTable } from './types';

/** One file row, normalised: the customer it names, and the person, inquiry or order line it carries. */
export interface PlannedRow {
  /** 1-based row number in the file, for reports. */
  row: number;
  /** Index among the file's data rows. */
  index: number;
  customer: {
    company: string;
    companyKey: string;
    country: string;
    city: string;
    website: string;
    websiteDomain: string;
    industry: string;
    businessType: BusinessType | '';
    source: string;
    owner: string;
    tags: string[];
    priority: Priority | null;
    createdAt: string | null;
    externalRef: string;
    buyerLevel: string;
    notes: string;
  };
  contact: { name: string; title: string; email: string; phone: string; mobile: string } | null;
  inquiry: {
    externalId: string | null;
    receivedAt: string;
    subject: string;
    product: string;
    productRef: string;
    quantity: number | null;
    unit: string;
    message: string;
    status: string;
    source: string;
    owner: string;
  } | null;
  orderLine: {
    orderNo: string | null;
    orderedAt: string;
    product: string;
    productRef: string;
    quantity: number | null;
    unitPriceMinor: number | null;
    amountMinor: number;
    currency: string;
    status: string;
    cancelled: boolean;
  } | null;
  /** Identity keys, strongest first: e:email, d:domain, n:companyKey|country, r:customerNo. */
  keys: string[];
  errors: RowError[];
}

export interface PlanOptions {
  /** Currency for amounts without one (the base currency). */
  defaultCurrency: string;
  timeZone?: 'local' | 'utc';
}

const DEFAULT_SOURCE: Record<ImportKind, string> = {
  inquiries: 'Alibaba.com',
  customers: 'Alibaba.com',
  orders: '',
  leads: 'Trade fair',
};

const BUSINESS_TYPE_WORDS: [RegExp, BusinessType][] = [
  [/manufactur|factory|工厂|生产|制造/i, 'factory'],
  [/trading|贸易|外贸/i, 'trading_company'],
  [/wholesal|distribut|批发|经销|分销/i, 'wholesaler'],
  [/online|e-?commerce|amazon|电商|网店/i, 'online_retailer'],
  [/retail|零售|商店|store|shop/i, 'retailer'],
  [/agent|buying office|sourcing|代理|采购/i, 'sourcing_agent'],
];

function businessType(text: string): BusinessType | '' {
  if (!text) return '';
  for (const [re, type] of BUSINESS_TYPE_WORDS) if (re.test(text)) return type;
  return 'other';
}

const EMPTY_CUSTOMER: PlannedRow['customer'] = {
  company: '',
  companyKey: '',
  country: '',
  city: '',
  website: '',
  websiteDomain: '',
  industry: '',
  businessType: '',
  source: '',
  owner: '',
  tags: [],
  priority: null,
  createdAt: null,
  externalRef: '',
  buyerLevel: '',
  notes: '',
};

const CANCELLED = /已取消|取消|关闭|cancel/i;
const DATE_FIELDS = new Set<ImportField>(['receivedAt', 'lastReplyAt', 'orderedAt', 'customerCreatedAt', 'registeredAt']);
/** Fields whose exact text matters (IDs, phones): taken from the displayed text of an XLSX cell. */
const TEXT_EXACT = new Set<ImportField>(['inquiryId', 'orderNo', 'customerNo', 'productRef', 'phone', 'mobile']);

function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString();
  return String(cell);
}

/**
 * Turns the rows of a file into normalised records under a mapping. Dates decide day-first or
 * month-first per column from all of its values. Nothing here touches the database.
 */
export function planRows(table: ParsedTable, kind: ImportKind, mapping: ColumnMapping, options: PlanOptions): PlannedRow[] {
  const columnOf = new Map<ImportField, number>();
  mapping.forEach((field, i) => {
    if (field && !columnOf.has(field)) columnOf.set(field, i);
  });
  const width = table.headers.length;
  const headerOf = (field: ImportField) => table.headers[columnOf.get(field) ?? -1] ?? '';

  // Per-column date order, from every value of the column.
  const dates = new Map<ImportField, (string | null | undefined)[]>();
  for (const field of DATE_FIELDS) {
    const col = columnOf.get(field);
    if (col === undefined) continue;
    const values = table.rows.map((r) => {
      const c = r[col];
      return c instanceof Date || typeof c === 'number' ? c : cellText(c);
    });
    dates.set(field, parseDateColumn(values, { timeZone: options.timeZone ?? 'local' }).parsed);
  }

  return table.rows.map((cells, index) => {
    const rowNumber = table.rowNumbers[index] ?? index + 1;
    const errors: RowError[] = [];
    const fail = (field: ImportField | '', code: RowErrorCode, message: string) =>
      errors.push({ row: rowNumber, column: field ? headerOf(field) : '', code, message });
    const raw = (field: ImportField): Cell | undefined => {
      const col = columnOf.get(field);
      return col === undefined ? undefined : cells[col];
    };
    const text = (field: ImportField, max = 2000): string => {
      const col = columnOf.get(field);
      if (col === undefined) return '';
      const exact = TEXT_EXACT.has(field) ? table.texts?.[index]?.[col] : undefined;
      return cleanText(exact ?? cellText(cells[col]), max);
    };
    const multiline = (field: ImportField, max: number): string => {
      const col = columnOf.get(field);
      return col === undefined ? '' : cleanText(cellText(cells[col]), max, { multiline: true });
    };
    const date = (field: ImportField, required: boolean): string | null => {
      const parsed = dates.get(field)?.[index];
      if (parsed === undefined) {
        if (required) fail(field, 'ROW_BAD_DATE', `${headerOf(field) || field} is empty`);
        return null;
      }
      if (parsed === null) {
        fail(field, 'ROW_BAD_DATE', `not a date: ${text(field, 60)}`);
        return null;
      }
      return parsed;
    };
    const number = (field: ImportField): number | null => {
      const value = raw(field);
      if (value === undefined || value === null || value === '') return null;
      const n = typeof value === 'number' ? value : parseQuantity(cellText(value));
      if (n === null) fail(field, 'ROW_BAD_NUMBER', `not a number: ${text(field, 60)}`);
      return n;
    };

    if (cells.length !== width && table.format === 'csv') {
      // Values have shifted columns: reporting them field by field would only mislead.
      fail('', 'ROW_FIELD_COUNT', `row has ${cells.length} fields, the header has ${width}`);
      return { row: rowNumber, index, customer: EMPTY_CUSTOMER, contact: null, inquiry: null, orderLine: null, keys: [], errors };
    }

    // The company.
    const customerNo = text('customerNo', 100);
    let company = text('company', 300);
    if (!company && customerNo) company = `Customer ${customerNo}`;
    if (!company) fail('company', 'ROW_NO_COMPANY', 'no company name');
    const countryText = text('country', 100);
    const country = resolveCountry(countryText);
    if (country === null) fail('country', 'ROW_BAD_COUNTRY', `unknown country: ${countryText}`);
    const emailText = text('email', 300);
    const email = normaliseEmail(emailText);
    if (emailText && !email && !isHiddenOrMasked(emailText)) fail('email', 'ROW_BAD_EMAIL', `not an e-mail address: ${emailText}`);
    const website = text('website', 300);
    const domain = websiteDomain(website);
    const mailDomain = email ? emailDomain(email) : '';
    const importance = parseImportance(text('importance', 20)) ?? parseImportance(text('rating', 20));
    const group = text('customerGroup', 40);
    const industry = text('industry', 300).split(/[,，;；]/)[0]?.trim() ?? '';

    const customer: PlannedRow['customer'] = {
      company,
      companyKey: companyKey(company),
      country: country ?? '',
      city: text('city', 120),
      website,
      websiteDomain: domain,
      industry: industry.slice(0, 120),
      businessType: businessType(text('businessType', 120)),
      source: text('source', 120) || DEFAULT_SOURCE[kind],
      owner: text('owner', 120),
      tags: group && !isHiddenOrMasked(group) ? [group] : [],
      priority: importance,
      createdAt: columnOf.has('customerCreatedAt') ? date('customerCreatedAt', false) : null,
      externalRef: customerNo,
      buyerLevel: text('buyerLevel', 20),
      notes: multiline('notes', 20_000),
    };
    if (columnOf.has('registeredAt')) date('registeredAt', false);

    // The person.
    const first = text('firstName', 100);
    const last = text('lastName', 100);
    let name = text('contactName', 200) || [first, last].filter(Boolean).join(' ');
    if (isHiddenOrMasked(name)) name = '';
    const phone = normalisePhone(text('phone', 60));
    const mobile = normalisePhone(text('mobile', 60));
    const contact = name || email || phone || mobile ? { name, title: text('title', 200), email, phone, mobile } : null;

    // The inquiry.
    let inquiry: PlannedRow['inquiry'] = null;
    if (kind === 'inquiries') {
      const receivedAt = date('receivedAt', true);
      if (columnOf.has('lastReplyAt')) date('lastReplyAt', false);
      inquiry = {
        externalId: text('inquiryId', 100) || null,
        receivedAt: receivedAt ?? '',
        subject: text('subject', 500),
        product: text('product', 500),
        productRef: text('productRef', 100),
        quantity: number('quantity'),
        unit: text('unit', 40),
        message: multiline('message', 20_000),
        status: text('inquiryStatus', 60),
        source: text('inquirySource', 120),
        owner: customer.owner,
      };
    }

    // The order line.
    let orderLine: PlannedRow['orderLine'] = null;
    if (kind === 'orders') {
      const orderedAt = date('orderedAt', true);
      const currencyText = text('currency', 20);
      const currency = currencyText ? normaliseCurrency(currencyText) : options.defaultCurrency;
      if (!currency) fail('currency', 'ROW_BAD_CURRENCY', `unknown currency: ${currencyText}`);
      const quantity = number('quantity');
      const price = raw('unitPrice');
      const unitPriceMinor = price === undefined || price === null || price === '' ? null : parseAmount(typeof price === 'number' ? price : cellText(price), currency ?? 'USD');
      if (unitPriceMinor === null && price !== undefined && price !== null && price !== '') fail('unitPrice', 'ROW_BAD_AMOUNT', `not an amount: ${text('unitPrice', 60)}`);
      const amountCell = raw('amount');
      let amountMinor: number | null = null;
      if (amountCell !== undefined && amountCell !== null && amountCell !== '') {
        amountMinor = parseAmount(typeof amountCell === 'number' ? amountCell : cellText(amountCell), currency ?? 'USD');
        if (amountMinor === null) fail('amount', 'ROW_BAD_AMOUNT', `not an amount: ${text('amount', 60)}`);
      } else if (unitPriceMinor !== null && quantity !== null) {
        amountMinor = Math.round(unitPriceMinor * quantity);
      } else {
        fail('amount', 'ROW_BAD_AMOUNT', 'no amount, and no quantity and unit price to compute it');
      }
      const orderNo = text('orderNo', 100) || null;
      const status = text('orderStatus', 60);
      orderLine = {
        orderNo,
        orderedAt: orderedAt ?? '',
        product: text('product', 500),
        productRef: text('productRef', 100),
        quantity,
        unitPriceMinor,
        amountMinor: amountMinor ?? 0,
        currency: currency ?? '',
        status,
        // A web shop's cancellation invoice is numbered C…; Alibaba writes 已取消.
        cancelled: CANCELLED.test(status) || (orderNo !== null && /^C\d/.test(orderNo)),
      };
    }

    const keys: string[] = [];
    if (email) keys.push(`e:${email}`);
    if (domain) keys.push(`d:${domain}`);
    if (mailDomain && !isFreeMailDomain(mailDomain) && mailDomain !== domain) keys.push(`d:${mailDomain}`);
    if (customer.companyKey) keys.push(`n:${customer.companyKey}|${customer.country}`);
    if (customerNo) keys.push(`r:${customerNo}`);
    return { row: rowNumber, index, customer, contact, inquiry, orderLine, keys, errors };
  });
}

