import { sql, type InferResult } from 'kysely';
import type { ChannelOutput, ChannelParsedInput } from '../../shared/ipc/contract';
import { CUSTOMER_EXPORT_COLUMNS, type CustomerExportColumn } from '../../shared/domain/export';
import {
  applyCustomerFilter,
  CUSTOMER_IDENTITY_COLUMNS,
  effectiveLifecycleSql,
  primaryEmailSql,
  SORT_COLUMNS,
  tagsSql,
} from '../services/customers/customers';
import type { ServiceContext } from '../services/context';
import { mainText } from '../text/catalog';
import { currencyExponent } from '../import/normalize/money';
import { exportFileName, MIME, writeTable, type ExportCell } from './write-table';

function download(
  base: string,
  format: 'csv' | 'xlsx',
  headers: string[],
  rows: ExportCell[][],
  now: Date,
): ChannelOutput<'export.customers'> {
  const bytes = writeTable({ headers, rows }, format);
  return { fileName: exportFileName(base, format, now), mime: MIME[format], contentBase64: bytes.toString('base64'), rows: rows.length };
}

/** The customer grid as the user sees it: its filter, its sort and its visible columns. */
export function exportCustomers(ctx: ServiceContext, input: ChannelParsedInput<'export.customers'>): ChannelOutput<'export.customers'> {
  const columns = input.columns ?? [...CUSTOMER_EXPORT_COLUMNS];
  const col = SORT_COLUMNS[input.sort.key];
  const q = applyCustomerFilter(ctx.read.selectFrom('customers as c'), input.filter)
    .select([
      ...CUSTOMER_IDENTITY_COLUMNS,
      effectiveLifecycleSql.as('lifecycle'),
      'c.priority',
      'c.website',
      'c.created_at',
      'c.updated_at',
      primaryEmailSql.as('email'),
      sql<string | null>`(SELECT coalesce(nullif(phone, ''), mobile) FROM contacts
        WHERE customer_id = c.id AND (phone <> '' OR mobile <> '') ORDER BY is_primary DESC, id LIMIT 1)`.as('phone'),
      tagsSql(', ').as('tags'),
    ])
    .orderBy(col, input.sort.dir)
    .orderBy('c.id', input.sort.dir);
  const pick: Record<CustomerExportColumn, (r: InferResult<typeof q>[number]) => ExportCell> = {
    id: (r) => r.id,
    company: (r) => r.company,
    country: (r) => r.country,
    city: (r) => r.city,
    industry: (r) => r.industry,
    businessType: (r) => r.business_type,
    scale: (r) => r.scale,
    source: (r) => r.source,
    owner: (r) => r.owner,
    lifecycle: (r) => r.lifecycle,
    priority: (r) => r.priority ?? '',
    primaryEmail: (r) => r.email ?? '',
    phone: (r) => r.phone ?? '',
    website: (r) => r.website,
    tags: (r) => r.tags ?? '',
    createdAt: (r) => r.created_at,
    updatedAt: (r) => r.updated_at,
  };
  const rows: ExportCell[][] = [];
  for (const r of ctx.read.iterate(q)) {
    rows.push(columns.map((c) => pick[c](r)));
  }
  return download(
    'customers',
    input.format,
    columns.map((c) => mainText(input.language).export.customers[c]),
    rows,
    ctx.now(),
  );
}

export function exportInquiries(ctx: ServiceContext, input: ChannelParsedInput<'export.inquiries'>): ChannelOutput<'export.inquiries'> {
  const labels = mainText(input.language).export.inquiries;
  const keys = Object.keys(labels) as (keyof typeof labels)[];
  let q = ctx.read
    .selectFrom('inquiries as i')
    .innerJoin('customers as c', 'c.id', 'i.customer_id')
    .leftJoin('contacts as ct', 'ct.id', 'i.contact_id')
    .select([
      'i.external_id',
      'i.received_at',
      'c.company',
      'c.country',
      'ct.name as contact',
      'ct.email',
      'i.subject',
      'i.product',
      'i.quantity',
      'i.unit',
      'i.status',
      'i.owner',
      'i.message',
    ]);
  if (input.customerId !== undefined) q = q.where('i.customer_id', '=', input.customerId);
  const rows = ctx.read.all(q.orderBy('i.received_at', 'desc').orderBy('i.id', 'desc')).map((r) => keys.map((k) => r[k] ?? ''));
  return download(
    'inquiries',
    input.format,
    keys.map((k) => labels[k]),
    rows,
    ctx.now(),
  );
}

/** Amounts leave as decimal numbers in their currency (minor units divided by the currency's exponent). */
export function exportOrders(ctx: ServiceContext, input: ChannelParsedInput<'export.orders'>): ChannelOutput<'export.orders'> {
  const text = mainText(input.language).export;
  const labels = text.orders;
  const keys = Object.keys(labels) as (keyof typeof labels)[];
  let q = ctx.read
    .selectFrom('orders as o')
    .innerJoin('customers as c', 'c.id', 'o.customer_id')
    .select([
      'o.external_no',
      'o.ordered_at',
      'c.company',
      'c.country',
      'o.product',
      'o.quantity',
      'o.amount_minor',
      'o.currency',
      'o.status',
      'o.cancelled',
    ]);
  if (input.customerId !== undefined) q = q.where('o.customer_id', '=', input.customerId);
  const rows = ctx.read.all(q.orderBy('o.ordered_at', 'desc').orderBy('o.id', 'desc')).map((r) => {
    const amount = r.amount_minor / 10 ** currencyExponent(r.currency);
    return keys.map((k): ExportCell => (k === 'amount' ? amount : k === 'cancelled' ? (r.cancelled ? text.yes : '') : (r[k] ?? '')));
  });
  return download(
    'orders',
    input.format,
    keys.map((k) => labels[k]),
    rows,
    ctx.now(),
  );
}
