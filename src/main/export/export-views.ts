import { sql, type InferResult } from 'kysely';
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
    columns.map((c) => label(CUSTOMER_LABELS, c, input.language)),
    rows,
    ctx.now(),
  );
}

const INQUIRY_LABELS = {
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
} satisfies Labels;

export function exportInquiries(ctx: ServiceContext, input: ChannelParsedInput<'export.inquiries'>): ChannelOutput<'export.inquiries'> {
  const keys = Object.keys(INQUIRY_LABELS) as (keyof typeof INQUIRY_LABELS)[];
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
    keys.map((k) => label(INQUIRY_LABELS, k, input.language)),
    rows,
    ctx.now(),
  );
}

const ORDER_LABELS = {
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
} satisfies Labels;

/** Amounts leave as decimal numbers in their currency (minor units divided by the currency's exponent). */
export function exportOrders(ctx: ServiceContext, input: ChannelParsedInput<'export.orders'>): ChannelOutput<'export.orders'> {
  const keys = Object.keys(ORDER_LABELS) as (keyof typeof ORDER_LABELS)[];
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
  const yes = input.language === 'zh-CN' ? '是' : 'yes';
  const rows = ctx.read.all(q.orderBy('o.ordered_at', 'desc').orderBy('o.id', 'desc')).map((r) => {
    const amount = r.amount_minor / 10 ** currencyExponent(r.currency);
    return keys.map((k): ExportCell => (k === 'amount' ? amount : k === 'cancelled' ? (r.cancelled ? yes : '') : (r[k] ?? '')));
  });
  return download(
    'orders',
    input.format,
    keys.map((k) => label(ORDER_LABELS, k, input.language)),
    rows,
    ctx.now(),
  );
}
