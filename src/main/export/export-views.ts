import { sql } from 'kysely';
import type { ChannelOutput, ChannelParsedInput } from '../../shared/ipc/contract';
import { GRID_COLUMN_IDS } from '../../shared/domain/grid-columns';
import { applyCustomerFilter, selectRowColumns, sortExpression, toCustomerRow } from '../services/customers/customers';
import type { ServiceContext } from '../services/context';
import { segmentDisplayName, currentRules } from '../classify/rules-store';
import { readUserCurrency } from '../services/currency/currency';
import { currencyExponent } from '../import/normalize/money';
import { mainText } from '../text/catalog';
import { countryCell, CUSTOMER_COLUMNS, customerColumnHeading, type CustomerCellContext } from './customer-columns';
import { fileDownload } from './file-download';
import type { ExportCell, ExportColumn, ExportSheet } from './write-table';

/** The main contact's columns ("include contacts"), after the grid's. */
const MAIN_CONTACT_FIELDS = ['name', 'email', 'phone', 'mobile', 'whatsapp', 'wechat'] as const;
const CODE_FIELDS: ReadonlySet<string> = new Set(['phone', 'mobile', 'whatsapp', 'wechat', 'skype']);

/** The customers an export writes: the grid's filter, and of those only the ones selected in the grid when it names them. */
function exportedCustomers(ctx: ServiceContext, input: ChannelParsedInput<'export.customers'>) {
  const q = applyCustomerFilter(ctx.read.selectFrom('customers as c'), input.filter);
  const ids = input.filter.ids;
  return ids ? q.where(sql<boolean>`c.id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`) : q;
}

/**
 * The customer grid as the user sees it: its filter, its sort, its visible columns in grid order,
 * each cell as the grid shows it (customer-columns.ts), read by the grid's own query
 * (selectRowColumns + toCustomerRow) so a class column holds the stored class the grid shows.
 *
 * Contacts, on request. The customer sheet stays one row per customer, with the main contact's
 * name, e-mail, phone, mobile, WhatsApp and WeChat beside the company: the file has exactly the
 * grid's rows (its count, sort and filter hold in Excel; a mail merge writes once per customer).
 * An XLSX file also gets a Contacts sheet with every contact of those customers, one a row with
 * its company and country: the second buyer met at the fair and the purchasing manager's WhatsApp
 * are there too, and a salesperson filters that sheet for a call or WhatsApp list. A CSV file is
 * one table, so it has the main contact only (the dialog says so).
 */
export function exportCustomers(ctx: ServiceContext, input: ChannelParsedInput<'export.customers'>): ChannelOutput<'export.customers'> {
  const { language, timeZone, format, includeContacts } = input;
  const text = mainText(language).export;
  const ids = input.columns ?? [...GRID_COLUMN_IDS];
  const currency = readUserCurrency(ctx.read).base;
  const rules = currentRules(ctx.read).rules;
  const x: CustomerCellContext = {
    language,
    timeZone,
    currency,
    currencyDigits: currencyExponent(currency),
    segmentName: (segment) => segmentDisplayName(rules, segment),
    nowMs: ctx.now().getTime(),
  };
  const col = sortExpression(input.sort.key, ctx.now().getTime());
  const dir = input.sort.dir;

  const columns: ExportColumn[] = ids.map((id) => ({ header: customerColumnHeading(id, x), kind: CUSTOMER_COLUMNS[id].kind }));
  if (includeContacts) {
    for (const f of MAIN_CONTACT_FIELDS) columns.push({ header: text.contact[f], kind: CODE_FIELDS.has(f) ? 'code' : 'text' });
  }
  const q = selectRowColumns(exportedCustomers(ctx, input))
    // The main contact (selectRowColumns joins it as mc: the primary one, else the first) and its other ways to reach it.
    .select(['mc.email as mc_email', 'mc.wechat as mc_wechat'])
    .orderBy(col, dir)
    .orderBy('c.id', dir);
  const rows: ExportCell[][] = [];
  for (const r of ctx.read.iterate(q)) {
    const customer = toCustomerRow(r);
    const row: ExportCell[] = ids.map((id) => CUSTOMER_COLUMNS[id].cell(customer, x));
    if (includeContacts)
      row.push(r.mc_name ?? '', r.mc_email ?? '', r.mc_phone ?? '', r.mc_mobile ?? '', r.mc_whatsapp ?? '', r.mc_wechat ?? '');
    rows.push(row);
  }
  const sheets: ExportSheet[] = [{ name: text.sheets.customers, columns, rows }];
  if (includeContacts && format === 'xlsx') sheets.push(contactsSheet(ctx, input, x));
  return fileDownload('customers', format, sheets, ctx.now(), timeZone);
}

/** Every contact of the exported customers, in the customers' order, the primary one first. */
function contactsSheet(ctx: ServiceContext, input: ChannelParsedInput<'export.customers'>, x: CustomerCellContext): ExportSheet {
  const text = mainText(x.language).export;
  const keys = Object.keys(text.contacts) as (keyof typeof text.contacts)[];
  const q = exportedCustomers(ctx, input)
    .innerJoin('contacts as ct', 'ct.customer_id', 'c.id')
    .select(['c.company', 'c.country', 'c.country_text', 'ct.name', 'ct.title', 'ct.email', 'ct.phone', 'ct.mobile'])
    .select(['ct.whatsapp', 'ct.wechat', 'ct.skype', 'ct.language', 'ct.is_primary'])
    .orderBy(sortExpression(input.sort.key, ctx.now().getTime()), input.sort.dir)
    .orderBy('c.id', input.sort.dir)
    .orderBy('ct.is_primary', 'desc')
    .orderBy('ct.id');
  const rows: ExportCell[][] = [];
  for (const r of ctx.read.iterate(q)) {
    const values: Record<(typeof keys)[number], ExportCell> = {
      company: r.company,
      country: countryCell(r.country, r.country ? '' : r.country_text, x.language),
      name: r.name,
      title: r.title,
      email: r.email,
      phone: r.phone,
      mobile: r.mobile,
      whatsapp: r.whatsapp,
      wechat: r.wechat,
      skype: r.skype,
      language: r.language,
      primary: r.is_primary ? text.yes : '',
    };
    rows.push(keys.map((k) => values[k]));
  }
  return {
    name: text.sheets.contacts,
    columns: keys.map((k) => ({ header: text.contacts[k], kind: CODE_FIELDS.has(k) ? 'code' : 'text' })),
    rows,
  };
}
