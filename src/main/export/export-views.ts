import { sql } from 'kysely';
import type { ChannelOutput, ChannelParsedInput } from '../../shared/ipc/contract';
import { CUSTOMER_EXPORT_COLUMNS, type CustomerExportColumn } from '../../shared/domain/export';
import { applyCustomerFilter, effectiveLifecycleSql, primaryEmailSql, SORT_COLUMNS, tagsSql } from '../services/customers';
import type { ServiceContext } from '../services/context';
import { currencyExponent } from '../import/normalize/money';
import { exportFileName, MIME, writeTable, type ExportCell } from './write-table';

type Lang = 'en' | 'zh-CN';
type Labels = Record<string, { en: string; zh: string }>;

const CUSTOMER_LABELS: Record<CustomerExportColumn, { en: string; zh: string }> = {
  id: { en: 'ID', zh: '编号' },
  company: { en: 'Company', zh: '公司名称' },
  country: { en: 'Country', zh: '国家/地区' },
  city: { en: 'City', zh: '城市' },
  industry: { en: 'Industry', zh: '行业' },
  businessType: { en: 'Business type', zh: '商业类型' },
  scale: { en: 'Scale', zh: '规模' },
  source: { en: 'Source', zh: '客户来源' },
  owner: { en: 'Owner', zh: '负责人' },
  lifecycle: { en: 'Lifecycle', zh: '生命周期' },
  priority: { en: 'Priority', zh: '优先级' },
  primaryEmail: { en: 'Email', zh: '邮箱' },
  phone: { en: 'Phone', zh: '电话' },
  website: { en: 'Website', zh: '公司网站' },
  tags: { en: 'Tags', zh: '标签' },
  createdAt: { en: 'Created', zh: '建档时间' },
  updatedAt: { en: 'Updated', zh: '更新时间' },
};

const label = (labels: Labels, key: string, lang: Lang) => (lang === 'zh-CN' ? labels[key]?.zh : labels[key]?.en) ?? key;

function download(base: string, format: 'csv' | 'xlsx', headers: string[], rows: ExportCell[][], now: Date): ChannelOutput<'export.customers'> {
  const bytes = writeTable({ headers, rows }, format);
  return { fileName: exportFileName(base, format, now), mime: MIME[format], contentBase64: bytes.toString('base64'), rows: rows.length };
}

/** The customer grid as the user sees it: its filter, its sort and its visible columns. */
export function exportCustomers(ctx: ServiceContext, input: ChannelParsedInput<'export.customers'>): ChannelOutput<'export.customers'> {
  const columns = input.columns ?? [...CUSTOMER_EXPORT_COLUMNS];
  const col = SORT_COLUMNS[input.sort.key];
  const q = applyCustomerFilter(ctx.readDb.selectFrom('customers as c'), input.filter)
    .select([
      'c.id',
      'c.company',
      'c.country',
      'c.city',
      'c.industry',
      'c.business_type',
      'c.scale',
      'c.source',
      'c.owner',
      effectiveLifecycleSql.as('lifecycle'),
      'c.priority',
      'c.website',
      'c.created_at',
      'c.updated_at',
      primaryEmailSql.as('email'),
      sql<string>`(SELECT coalesce(nullif(phone, ''), mobile) FROM contacts WHERE customer_id = c.id AND (phone <> '' OR mobile <> '') ORDER BY is_primary DESC, id LIMIT 1)`.as('phone'),
      tagsSql(', ').as('tags'),
    ])
    .orderBy(col, input.sort.dir)
    .orderBy('c.id', input.sort.dir)
    .compile();
  const pick: Record<CustomerExportColumn, (r: Record<string, unknown>) => ExportCell> = {
    id: (r) => r.id as number,
    company: (r) => r.company as string,
    country: (r) => r.country as string,
    city: (r) => r.city as string,
    industry: (r) => r.industry as string,
    businessType: (r) => r.business_type as string,
    scale: (r) => r.scale as string,
    source: (r) => r.source as string,
    owner: (r) => r.owner as string,
    lifecycle: (r) => r.lifecycle as string,
    priority: (r) => (r.priority as string | null) ?? '',
    primaryEmail: (r) => (r.email as string | null) ?? '',
    phone: (r) => (r.phone as string | null) ?? '',
    website: (r) => r.website as string,
    tags: (r) => (r.tags as string | null) ?? '',
    createdAt: (r) => r.created_at as string,
    updatedAt: (r) => r.updated_at as string,
  };
  const rows: ExportCell[][] = [];
  for (const r of ctx.readSqlite.prepare(q.sql).iterate(...(q.parameters as unknown[])) as Iterable<Record<string, unknown>>) {
    rows.push(columns.map((c) => pick[c](r)));
  }
  return download('customers', input.format, columns.map((c) => label(CUSTOMER_LABELS, c, input.language)), rows, ctx.now());
}

const INQUIRY_LABELS: Labels = {
  external_id: { en: 'Inquiry ID', zh: '询盘ID' },
  received_at: { en: 'Received', zh: '创建时间' },
  company: { en: 'Company', zh: '公司名称' },
  country: { en: 'Country', zh: '国家/地区' },
  contact: { en: 'Contact', zh: '客户名' },
  email: { en: 'Email', zh: '邮箱' },
  subject: { en: 'Subject', zh: '询盘标题' },
  product: { en: 'Product', zh: '询盘产品' },
  quantity: { en: 'Quantity', zh: '采购数量' },
  unit: { en: 'Unit', zh: '单位' },
  status: { en: 'Status', zh: '询盘状态' },
  owner: { en: 'Salesperson', zh: '业务员' },
  message: { en: 'Message', zh: '询盘内容' },
};

export function exportInquiries(ctx: ServiceContext, input: ChannelParsedInput<'export.inquiries'>): ChannelOutput<'export.inquiries'> {
  const keys = Object.keys(INQUIRY_LABELS);
  const stmt = ctx.readSqlite.prepare(
    `SELECT i.external_id, i.received_at, c.company, c.country, ct.name AS contact, ct.email, i.subject, i.product, i.quantity, i.unit,
            i.status, i.owner, i.message
     FROM inquiries i JOIN customers c ON c.id = i.customer_id LEFT JOIN contacts ct ON ct.id = i.contact_id
     WHERE (@customerId IS NULL OR i.customer_id = @customerId)
     ORDER BY i.received_at DESC, i.id DESC`,
  );
  const rows = (stmt.all({ customerId: input.customerId ?? null }) as Record<string, ExportCell>[]).map((r) => keys.map((k) => r[k] ?? ''));
  return download('inquiries', input.format, keys.map((k) => label(INQUIRY_LABELS, k, input.language)), rows, ctx.now());
}

const ORDER_LABELS: Labels = {
  external_no: { en: 'Order No', zh: '订单号' },
  ordered_at: { en: 'Ordered', zh: '下单时间' },
  company: { en: 'Company', zh: '买家公司' },
  country: { en: 'Country', zh: '国家/地区' },
  product: { en: 'Product', zh: '产品名称' },
  quantity: { en: 'Quantity', zh: '数量' },
  amount: { en: 'Amount', zh: '订单金额' },
  currency: { en: 'Currency', zh: '币种' },
  status: { en: 'Status', zh: '订单状态' },
  cancelled: { en: 'Cancelled', zh: '已取消' },
};

/** Amounts leave as decimal numbers in their currency (minor units divided by the currency's exponent). */
export function exportOrders(ctx: ServiceContext, input: ChannelParsedInput<'export.orders'>): ChannelOutput<'export.orders'> {
  const keys = Object.keys(ORDER_LABELS);
  const stmt = ctx.readSqlite.prepare(
    `SELECT o.external_no, o.ordered_at, c.company, c.country, o.product, o.quantity, o.amount_minor, o.currency, o.status, o.cancelled
     FROM orders o JOIN customers c ON c.id = o.customer_id
     WHERE (@customerId IS NULL OR o.customer_id = @customerId)
     ORDER BY o.ordered_at DESC, o.id DESC`,
  );
  const rows = (stmt.all({ customerId: input.customerId ?? null }) as Record<string, ExportCell>[]).map((r) => {
    const amount = Number(r.amount_minor) / 10 ** currencyExponent(String(r.currency));
    const yes = input.language === 'zh-CN' ? '是' : 'yes';
    return keys.map((k) => (k === 'amount' ? amount : k === 'cancelled' ? (r.cancelled ? yes : '') : (r[k] ?? '')));
  });
  return download('orders', input.format, keys.map((k) => label(ORDER_LABELS, k, input.language)), rows, ctx.now());
}
