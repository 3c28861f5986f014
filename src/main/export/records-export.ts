import type { ChannelOutput, ChannelParsedInput } from '../../shared/ipc/contract';
import type { ServiceContext } from '../services/context';
import { mainText } from '../text/catalog';
import { currencyExponent } from '../import/normalize/money';
import { countryCell } from './customer-columns';
import { fileDownload } from './file-download';
import { localDateTime } from './local-time';
import type { ColumnKind, ExportCell } from './write-table';

/**
 * Inquiries, newest first, as the user reads them: received in the user's time zone, the
 * country's name in the export's language, the inquiry ID as text (Alibaba's are 14+ digits).
 */
export function exportInquiries(ctx: ServiceContext, input: ChannelParsedInput<'export.inquiries'>): ChannelOutput<'export.inquiries'> {
  const text = mainText(input.language).export;
  const labels = text.inquiries;
  const keys = Object.keys(labels) as (keyof typeof labels)[];
  const kinds: Partial<Record<(typeof keys)[number], ColumnKind>> = { external_id: 'code', received_at: 'datetime', quantity: 'number' };
  let q = ctx.read
    .selectFrom('inquiries as i')
    .innerJoin('customers as c', 'c.id', 'i.customer_id')
    .leftJoin('contacts as ct', 'ct.id', 'i.contact_id')
    .select(['i.external_id', 'i.received_at', 'c.company', 'c.country', 'c.country_text', 'ct.name as contact', 'ct.email'])
    .select(['i.subject', 'i.product', 'i.quantity', 'i.unit', 'i.status', 'i.owner', 'i.message']);
  if (input.customerId !== undefined) q = q.where('i.customer_id', '=', input.customerId);
  const rows: ExportCell[][] = [];
  for (const r of ctx.read.iterate(q.orderBy('i.received_at', 'desc').orderBy('i.id', 'desc'))) {
    const values: Record<(typeof keys)[number], ExportCell> = {
      ...r,
      received_at: localDateTime(r.received_at, input.timeZone),
      country: countryCell(r.country, r.country ? '' : r.country_text, input.language),
    };
    rows.push(keys.map((k) => values[k] ?? ''));
  }
  const columns = keys.map((k) => ({ header: labels[k], kind: kinds[k] ?? 'text' }));
  return fileDownload('inquiries', input.format, [{ name: text.sheets.inquiries, columns, rows }], ctx.now(), input.timeZone);
}

/**
 * Orders, newest first: ordered in the user's time zone, country names, the order number as text,
 * amounts as decimal numbers in their own currency (minor units over the currency's exponent),
 * with that currency's decimals.
 */
export function exportOrders(ctx: ServiceContext, input: ChannelParsedInput<'export.orders'>): ChannelOutput<'export.orders'> {
  const text = mainText(input.language).export;
  const labels = text.orders;
  const keys = Object.keys(labels) as (keyof typeof labels)[];
  const kinds: Partial<Record<(typeof keys)[number], ColumnKind>> = {
    external_no: 'code',
    ordered_at: 'datetime',
    quantity: 'number',
    amount: 'money',
  };
  let q = ctx.read
    .selectFrom('orders as o')
    .innerJoin('customers as c', 'c.id', 'o.customer_id')
    .select(['o.external_no', 'o.ordered_at', 'c.company', 'c.country', 'c.country_text', 'o.product', 'o.quantity'])
    .select(['o.amount_minor', 'o.currency', 'o.status', 'o.cancelled']);
  if (input.customerId !== undefined) q = q.where('o.customer_id', '=', input.customerId);
  const rows: ExportCell[][] = [];
  for (const r of ctx.read.iterate(q.orderBy('o.ordered_at', 'desc').orderBy('o.id', 'desc'))) {
    const digits = currencyExponent(r.currency);
    const values: Record<(typeof keys)[number], ExportCell> = {
      external_no: r.external_no,
      ordered_at: localDateTime(r.ordered_at, input.timeZone),
      company: r.company,
      country: countryCell(r.country, r.country ? '' : r.country_text, input.language),
      product: r.product,
      quantity: r.quantity,
      amount: { amount: r.amount_minor / 10 ** digits, digits },
      currency: r.currency,
      status: r.status,
      cancelled: r.cancelled ? text.yes : '',
    };
    rows.push(keys.map((k) => values[k] ?? ''));
  }
  const columns = keys.map((k) => ({ header: labels[k], kind: kinds[k] ?? 'text' }));
  return fileDownload('orders', input.format, [{ name: text.sheets.orders, columns, rows }], ctx.now(), input.timeZone);
}
