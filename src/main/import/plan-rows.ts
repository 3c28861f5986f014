import type {
  ColumnMapping,
  IdField,
  IdIssue,
  ImportField,
  ImportKind,
  RowError,
  RowErrorCode,
  UnrecognisedValue,
} from '../../shared/domain/import';
import type { BusinessType, Priority } from '../../shared/domain/customer-enums';
import { companyIdentity, websiteDomain, type CompanyIdentity } from './company-key';
import { detached, detachedValue } from './detached-string';
import { countryKey, resolveCountry } from './normalize/country';
import { checkId, PaddedLengthTally } from './normalize/ids';
import { DateOrderTally, parseDateColumn, type DateOrder } from './normalize/dates';
import { normaliseCurrency, parseAmount } from './normalize/money';
import { parseImportance } from './normalize/priority';
import { cleanText, isFreeMailDomain, isHiddenOrMasked, normaliseEmail, normalisePhone, parseQuantity } from './normalize/text';
import type { Cell, ParsedTable, TableHead } from './types';

/** One file row, normalised: the customer it names, and the person, inquiry or order line it carries. */
export interface PlannedRow {
  /** 1-based row number in the file, for reports. */
  row: number;
  /** Index among the file's data rows. */
  index: number;
  customer: {
    company: string;
    companyKey: string;
    /** The legal-form family of the name (ltd, gmbh…), '' when it has none. */
    legalForm: string;
    /** The legal form as written, compacted (`coltd`, `ptyltd`), '' when none: names alike but for it only possibly match. */
    legalFormText: string;
    country: string;
    /** The country as written when it was not recognised (the customer is kept, without an ISO code); else ''. */
    countryText: string;
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
    repliedAt: string | null;
  } | null;
  orderLine: {
    orderNo: string | null;
    orderedAt: string;
    product: string;
    productRef: string;
    quantity: number | null;
    unitPriceMinor: number | null;
    amountMinor: number;
    /** ISO 4217; 'XXX' (no currency) when the file's currency was not recognised. */
    currency: string;
    /** The currency as written when it was not recognised; else ''. */
    currencyText: string;
    status: string;
    cancelled: boolean;
  } | null;
  /** Identity keys, strongest first: e:email, d:domain, n:companyKey|country, r:customerNo. */
  keys: string[];
  errors: RowError[];
}

/** What the import noticed about the file as a whole (shown in the preview and the report). */
export interface PlanFindings {
  idIssues: IdIssue[];
  unrecognised: UnrecognisedValue[];
  /** Order rows per recognised currency (the wizard asks for a rate where none is in force). */
  currencies: { currency: string; rows: number }[];
}

/** ISO 4217's code for "no currency": an amount in a currency the table does not know. */
const UNKNOWN_CURRENCY = 'XXX';

export interface PlanOptions {
  /** Currency for amounts without one (the base currency). */
  defaultCurrency: string;
  /** Country texts the user told ExportDesk how to read (folded text → ISO code; see services/duplicates). */
  countryAliases?: Readonly<Record<string, string>>;
  timeZone?: 'local' | 'utc';
}

const DEFAULT_SOURCE: Record<ImportKind, string> = {
  inquiries: 'Alibaba.com',
  customers: 'Alibaba.com',
  orders: '',
  leads: 'Trade fair',
  products: '',
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
  legalForm: '',
  legalFormText: '',
  country: '',
  countryText: '',
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

/** A value normalised once per file (kept detached: the cell it came from is a slice of a large piece of text). */
function memo<T>(cache: Map<string, T>, key: string, compute: (key: string) => T): T {
  let value = cache.get(key);
  if (value === undefined && !cache.has(key)) {
    value = detachedValue(compute(key));
    cache.set(detached(key), value);
  }
  return value as T;
}

function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString();
  return String(cell);
}

/** Counts of what the rows of one file had wrong with their IDs and which values were not recognised. */
class FindingsCollector {
  private readonly ids = new Map<string, IdIssue>();
  private readonly values = new Map<string, UnrecognisedValue>();
  private readonly currencies = new Map<string, number>();

  id(field: IdField, column: string, problem: IdIssue['problem'], recovered: boolean, example: string): void {
    const key = `${field}\u0001${problem}`;
    const issue = this.ids.get(key) ?? { field, column, problem, rows: 0, recovered: 0, examples: [] };
    issue.rows++;
    if (recovered) issue.recovered++;
    if (issue.examples.length < 3 && example && !issue.examples.includes(example)) issue.examples.push(detached(example));
    this.ids.set(key, issue);
  }

  unrecognised(field: UnrecognisedValue['field'], column: string, text: string): void {
    const key = `${field}\u0001${text}`;
    let value = this.values.get(key);
    if (!value) {
      value = { field, column, text: detached(text), rows: 0 };
      this.values.set(detached(key), value);
    }
    value.rows++;
  }

  currency(code: string): void {
    this.currencies.set(code, (this.currencies.get(code) ?? 0) + 1);
  }

  result(): PlanFindings {
    return {
      idIssues: [...this.ids.values()],
      unrecognised: [...this.values.values()].sort((a, b) => b.rows - a.rows || a.text.localeCompare(b.text)),
      currencies: [...this.currencies]
        .map(([currency, rows]) => ({ currency, rows }))
        .sort((a, b) => b.rows - a.rows || a.currency.localeCompare(b.currency)),
    };
  }
}

/** Reads one row's mapped values; one instance serves every row (no closures per row). */
class RowReader {
  cells: Cell[] = [];
  index = 0;
  rowNumber = 0;
  errors: RowError[] = [];

  /** The chunk being read, and its parsed dates per field. */
  chunk: Pick<ParsedTable, 'rowNumbers' | 'texts'> = { rowNumbers: [] };
  dates: ReadonlyMap<ImportField, (string | null | undefined)[]> = new Map();

  constructor(
    private readonly head: TableHead,
    private readonly columnOf: ReadonlyMap<ImportField, number>,
    private readonly padded: ReadonlyMap<IdField, number | null>,
    private readonly findings: FindingsCollector,
  ) {}

  /**
   * An ID cell: the ID, '' when empty or when a spreadsheet mangled it beyond recovery (the row is
   * imported without it, never keyed on it; the findings count it), the exact digits when recoverable.
   */
  id(field: IdField, max: number): string {
    const text = this.text(field, max);
    const check = checkId(text, this.raw(field), this.padded.get(field) ?? null);
    if (check.problem) this.findings.id(field, this.header(field), check.problem, check.id !== null, text);
    return check.id ?? '';
  }

  start(cells: Cell[], index: number): void {
    this.cells = cells;
    this.index = index;
    this.rowNumber = this.chunk.rowNumbers[index] ?? index + 1;
    this.errors = [];
  }

  header(field: ImportField): string {
    return this.head.headers[this.columnOf.get(field) ?? -1] ?? '';
  }

  fail(field: ImportField | '', code: RowErrorCode, message: string): void {
    this.errors.push({ row: this.rowNumber, column: field ? this.header(field) : '', code, message });
  }

  raw(field: ImportField): Cell | undefined {
    const col = this.columnOf.get(field);
    return col === undefined ? undefined : this.cells[col];
  }

  text(field: ImportField, max = 2000): string {
    const col = this.columnOf.get(field);
    if (col === undefined) return '';
    const exact = TEXT_EXACT.has(field) ? this.chunk.texts?.[this.index]?.[col] : undefined;
    return cleanText(exact ?? cellText(this.cells[col]), max);
  }

  multiline(field: ImportField, max: number): string {
    const col = this.columnOf.get(field);
    return col === undefined ? '' : cleanText(cellText(this.cells[col]), max, { multiline: true });
  }

  date(field: ImportField, required: boolean): string | null {
    const parsed = this.dates.get(field)?.[this.index];
    if (parsed === undefined) {
      if (required) this.fail(field, 'ROW_BAD_DATE', `${this.header(field) || field} is empty`);
      return null;
    }
    if (parsed === null) {
      this.fail(field, 'ROW_BAD_DATE', `not a date: ${this.text(field, 60)}`);
      return null;
    }
    return parsed;
  }

  number(field: ImportField): number | null {
    const value = this.raw(field);
    if (value === undefined || value === null || value === '') return null;
    const n = typeof value === 'number' ? value : parseQuantity(cellText(value));
    if (n === null) this.fail(field, 'ROW_BAD_NUMBER', `not a number: ${this.text(field, 60)}`);
    return n;
  }
}

/** What a whole file says about its columns, gathered over every row before any row is planned. */
export interface ColumnFacts {
  /** Day/month order of each date field's column. */
  dateOrder: ReadonlyMap<ImportField, DateOrder>;
  /** Length of the zero-padded IDs of each ID field's column (a shorter one lost its zeros), or null. */
  padded: ReadonlyMap<IdField, number | null>;
}

const ID_FIELDS = ['inquiryId', 'orderNo', 'customerNo'] as const;

/**
 * Tallies, per column, what decides how its values read (date order, zero-padded IDs), whatever
 * the mapping turns out to be: fed every row once (the analysis pass), asked under a mapping.
 */
export class ColumnProfiles {
  private readonly dates: DateOrderTally[] = [];
  private readonly ids: PaddedLengthTally[] = [];

  add(chunk: Pick<ParsedTable, 'rows' | 'texts'>): void {
    const { rows, texts } = chunk;
    for (let i = 0; i < rows.length; i++) {
      const cells = rows[i] as Cell[];
      for (let c = 0; c < cells.length; c++) {
        const cell = cells[c];
        const text = texts?.[i]?.[c];
        if (text === undefined && (cell === null || cell === undefined || cell === '')) continue;
        (this.dates[c] ??= new DateOrderTally()).add(cell);
        (this.ids[c] ??= new PaddedLengthTally()).add(text ?? cellText(cell));
      }
    }
  }

  facts(mapping: ColumnMapping): ColumnFacts {
    const dateOrder = new Map<ImportField, DateOrder>();
    const padded = new Map<IdField, number | null>();
    mapping.forEach((field, col) => {
      if (!field) return;
      if (DATE_FIELDS.has(field) && !dateOrder.has(field)) dateOrder.set(field, this.dates[col]?.order() ?? 'ymd');
      if ((ID_FIELDS as readonly string[]).includes(field) && !padded.has(field as IdField))
        padded.set(field as IdField, this.ids[col]?.length() ?? null);
    });
    return { dateOrder, padded };
  }
}

/**
 * Turns rows into normalised records under a mapping, a chunk at a time: dates read day-first or
 * month-first per column as the whole file says (ColumnFacts); findings add up over the chunks.
 */
export class RowPlanner {
  private readonly columnOf = new Map<ImportField, number>();
  private readonly collector = new FindingsCollector();
  private readonly reader: RowReader;
  // Exports repeat the same buyer, country and e-mail on many rows: normalise each value once.
  private readonly identities = new Map<string, CompanyIdentity>();
  private readonly countries = new Map<string, string | null>();
  private readonly emails = new Map<string, string>();
  private readonly phones = new Map<string, string>();
  private readonly hidden = new Map<string, boolean>();

  constructor(
    private readonly head: TableHead,
    private readonly kind: ImportKind,
    mapping: ColumnMapping,
    private readonly options: PlanOptions,
    private readonly facts: ColumnFacts,
  ) {
    mapping.forEach((field, i) => {
      if (field && !this.columnOf.has(field)) this.columnOf.set(field, i);
    });
    this.reader = new RowReader(head, this.columnOf, facts.padded, this.collector);
  }

  findings(): PlanFindings {
    return this.collector.result();
  }

  /** The rows of one chunk; `offset`: the index of its first row among the file's data rows. */
  plan(chunk: Pick<ParsedTable, 'rows' | 'rowNumbers' | 'texts'>, offset: number): PlannedRow[] {
    const { head: table, kind, options, columnOf, identities, countries, emails, phones, hidden } = this;
    const width = table.headers.length;
    const dates = new Map<ImportField, (string | null | undefined)[]>();
    for (const [field, order] of this.facts.dateOrder) {
      const col = columnOf.get(field);
      if (col === undefined) continue;
      const values = chunk.rows.map((r) => {
        const c = r[col];
        return c instanceof Date || typeof c === 'number' ? c : cellText(c);
      });
      dates.set(field, parseDateColumn(values, { order, timeZone: options.timeZone ?? 'local' }).parsed);
    }
    const aliases = options.countryAliases ?? {};
    const findings = this.collector;
    const r = this.reader;
    r.chunk = chunk;
    r.dates = dates;
    return chunk.rows.map((cells, local): PlannedRow => {
      const index = offset + local;
      r.start(cells, local);
      const rowNumber = r.rowNumber;
      const errors = r.errors;

      if (cells.length !== width && table.format === 'csv') {
        // Values have shifted columns: reporting them field by field would only mislead.
        r.fail('', 'ROW_FIELD_COUNT', `row has ${cells.length} fields, the header has ${width}`);
        return { row: rowNumber, index, customer: EMPTY_CUSTOMER, contact: null, inquiry: null, orderLine: null, keys: [], errors };
      }

      // The company.
      const customerNo = r.id('customerNo', 100);
      let company = r.text('company', 300);
      if (!company && customerNo) company = `Customer ${customerNo}`;
      if (!company) r.fail('company', 'ROW_NO_COMPANY', 'no company name');
      const identity = memo(identities, company, companyIdentity);
      const countryText = r.text('country', 100);
      const country = memo(countries, countryText, (text) => resolveCountry(text) ?? aliases[countryKey(text)] ?? null);
      // A country the table does not know keeps its row: the text as written, no ISO code, in the findings.
      if (country === null) findings.unrecognised('country', r.header('country'), countryText);
      const emailText = r.text('email', 300);
      const email = memo(emails, emailText, normaliseEmail);
      if (emailText && !email && !isHiddenOrMasked(emailText)) r.fail('email', 'ROW_BAD_EMAIL', `not an e-mail address: ${emailText}`);
      const website = r.text('website', 300);
      const domain = websiteDomain(website);
      const mailDomain = email ? email.slice(email.lastIndexOf('@') + 1) : '';
      const importance = parseImportance(r.text('importance', 20)) ?? parseImportance(r.text('rating', 20));
      const group = r.text('customerGroup', 40);
      const industry =
        r
          .text('industry', 300)
          .split(/[,，;；]/)[0]
          ?.trim() ?? '';

      const customer: PlannedRow['customer'] = {
        company,
        companyKey: identity.key,
        legalForm: identity.family,
        legalFormText: identity.form,
        country: country ?? '',
        countryText: country === null ? countryText : '',
        city: r.text('city', 120),
        website,
        websiteDomain: domain,
        industry: industry.slice(0, 120),
        businessType: businessType(r.text('businessType', 120)),
        source: r.text('source', 120) || DEFAULT_SOURCE[kind],
        owner: r.text('owner', 120),
        tags: group && !isHiddenOrMasked(group) ? [group] : [],
        priority: importance,
        createdAt: columnOf.has('customerCreatedAt') ? r.date('customerCreatedAt', false) : null,
        externalRef: customerNo,
        buyerLevel: r.text('buyerLevel', 20),
        notes: r.multiline('notes', 20_000),
      };
      if (columnOf.has('registeredAt')) r.date('registeredAt', false);

      // The person.
      const first = r.text('firstName', 100);
      const last = r.text('lastName', 100);
      let name = r.text('contactName', 200) || [first, last].filter(Boolean).join(' ');
      if (memo(hidden, name, isHiddenOrMasked)) name = '';
      const phone = memo(phones, r.text('phone', 60), normalisePhone);
      const mobile = memo(phones, r.text('mobile', 60), normalisePhone);
      const contact = name || email || phone || mobile ? { name, title: r.text('title', 200), email, phone, mobile } : null;

      // The inquiry.
      let inquiry: PlannedRow['inquiry'] = null;
      if (kind === 'inquiries') {
        const receivedAt = r.date('receivedAt', true);
        const repliedAt = columnOf.has('lastReplyAt') ? r.date('lastReplyAt', false) : null;
        inquiry = {
          externalId: r.id('inquiryId', 100) || null,
          receivedAt: receivedAt ?? '',
          subject: r.text('subject', 500),
          product: r.text('product', 500),
          productRef: r.text('productRef', 100),
          quantity: r.number('quantity'),
          unit: r.text('unit', 40),
          message: r.multiline('message', 20_000),
          status: r.text('inquiryStatus', 60),
          source: r.text('inquirySource', 120),
          owner: customer.owner,
          repliedAt: repliedAt ?? null,
        };
      }

      // The order line.
      let orderLine: PlannedRow['orderLine'] = null;
      if (kind === 'orders') {
        const orderedAt = r.date('orderedAt', true);
        const currencyText = r.text('currency', 20);
        const recognised = currencyText ? normaliseCurrency(currencyText) : options.defaultCurrency;
        // An unknown currency keeps the order: amount as written, currency XXX (never converted) and its text.
        if (!recognised) findings.unrecognised('currency', r.header('currency'), currencyText);
        else findings.currency(recognised);
        const currency = recognised ?? UNKNOWN_CURRENCY;
        const quantity = r.number('quantity');
        const price = r.raw('unitPrice');
        const unitPriceMinor =
          price === undefined || price === null || price === ''
            ? null
            : parseAmount(typeof price === 'number' ? price : cellText(price), currency);
        if (unitPriceMinor === null && price !== undefined && price !== null && price !== '')
          r.fail('unitPrice', 'ROW_BAD_AMOUNT', `not an amount: ${r.text('unitPrice', 60)}`);
        const amountCell = r.raw('amount');
        let amountMinor: number | null = null;
        if (amountCell !== undefined && amountCell !== null && amountCell !== '') {
          amountMinor = parseAmount(typeof amountCell === 'number' ? amountCell : cellText(amountCell), currency);
          if (amountMinor === null) r.fail('amount', 'ROW_BAD_AMOUNT', `not an amount: ${r.text('amount', 60)}`);
        } else if (unitPriceMinor !== null && quantity !== null) {
          amountMinor = Math.round(unitPriceMinor * quantity);
        } else {
          r.fail('amount', 'ROW_BAD_AMOUNT', 'no amount, and no quantity and unit price to compute it');
        }
        const orderNo = r.id('orderNo', 100) || null;
        const status = r.text('orderStatus', 60);
        orderLine = {
          orderNo,
          orderedAt: orderedAt ?? '',
          product: r.text('product', 500),
          productRef: r.text('productRef', 100),
          quantity,
          unitPriceMinor,
          amountMinor: amountMinor ?? 0,
          currency,
          currencyText: recognised ? '' : currencyText,
          status,
          // A web shop's cancellation invoice is numbered C…; Alibaba writes 已取消.
          cancelled: CANCELLED.test(status) || (orderNo !== null && /^C\d/.test(orderNo)),
        };
      }

      const keys: string[] = [];
      if (email) keys.push(`e:${email}`);
      if (domain) keys.push(`d:${domain}`);
      if (mailDomain && !isFreeMailDomain(mailDomain) && mailDomain !== domain) keys.push(`d:${mailDomain}`);
      if (customer.companyKey) keys.push(nameKey(customer.companyKey, customer.country, customer.countryText));
      if (customerNo) keys.push(`r:${customerNo}`);
      return { row: rowNumber, index, customer, contact, inquiry, orderLine, keys, errors };
    });
  }
}

/**
 * The name key of a company in a country: `n:<company key>|<ISO code>`; a country written in a way
 * the table does not know takes part as its folded text (`|?channelislands`), so two rows of
 * "Channel Islands" still meet, and never meet a recognised country.
 */
function nameKey(companyKey: string, country: string, countryText: string): string {
  return `n:${companyKey}|${country || (countryText ? `?${countryKey(countryText)}` : '')}`;
}
