import { PRODUCT_FIELDS, type ImportField, type ImportKind } from '../../shared/domain/import';
import { AppError } from '../../shared/errors';
import { tierHeaderQuantity } from './normalize/catalogue';

/**
 * Column headers seen in the files staff import (Alibaba.com inquiry, customer and order
 * exports in Chinese and English, badge-scanner leads, the UCI Online Retail data set) and the
 * field each one fills. Headers are compared after `normalizeHeader`, so case, full/half
 * width, spaces and punctuation do not matter ("Country/Region" = "country region").
 */
const ALIASES: Partial<Record<ImportField, readonly string[]>> = {
  company: [
    '公司名称',
    '公司',
    '公司名',
    '买家公司',
    '客户公司',
    '客户名称',
    '企业名称',
    'Company',
    'Company Name',
    'Buyer Company',
    'Organization',
    'Organisation',
    'Account Name',
    'Business Name',
  ],
  country: ['国家/地区', '国家', '国家地区', '国别', '国家代码', 'Country/Region', 'Country', 'Country Code', 'Nation'],
  city: ['城市', 'City', 'Town'],
  website: ['公司网站', '网站', '网址', '官网', 'Website', 'Web Site', 'Company Website', 'URL', 'Homepage'],
  industry: ['最常采购行业', '行业', '所属行业', '主营行业', 'Preferred Industries', 'Industry', 'Industries'],
  businessType: ['商业类型', '企业类型', '公司类型', '经营模式', 'Business Type', 'Company Type'],
  scale: ['公司规模', '企业规模', '规模', '员工人数', 'Company Size', 'Scale', 'Employees', 'Number of Employees'],
  source: ['客户来源', '来源渠道', 'Customer Source', 'Lead Source'],
  owner: ['业务员', '负责人', '跟进人', '所属业务员', '销售', 'Salesperson', 'Sales Rep', 'Sales', 'Owner', 'Account Owner'],
  customerGroup: ['客户分组', '分组', 'Customer Group', 'Group'],
  importance: ['重要程度', '客户星级', '星级', 'Importance', 'Stars'],
  customerCreatedAt: ['建档时间', '客户创建时间', '建档日期', 'Customer Created', 'Customer Since'],
  customerNo: ['CustomerID', '客户编号', '客户ID', '客户代码', 'Customer No', 'Customer Number', 'Customer Code'],
  buyerLevel: ['买家等级标签', '买家等级', 'Buyer Level'],
  registeredAt: ['注册日期', '注册时间', 'Registration Date', 'Registered', 'Registered At', 'Member Since'],
  notes: ['备注', '说明', 'Notes', 'Note', 'Remark', 'Remarks', 'Comments', 'Comment'],
  contactName: [
    '客户名',
    '联系人',
    '联系人姓名',
    '姓名',
    '买家姓名',
    'Buyer Name',
    'Contact',
    'Contact Name',
    'Contact Person',
    'Name',
    'Full Name',
  ],
  firstName: ['firstName', '名', 'First Name', 'Given Name'],
  lastName: ['lastName', '姓', 'Last Name', 'Surname', 'Family Name'],
  title: ['职位', '职务', '头衔', 'Title', 'Job Title', 'Position'],
  email: ['邮箱', '买家邮箱', '电子邮箱', '电子邮件', '邮件', 'Email', 'E-mail', 'Email Address', 'Mail'],
  phone: ['电话号码', '电话', '座机', '联系电话', 'Phone', 'Telephone', 'Tel', 'Phone Number'],
  mobile: ['手机号码', '手机', '手机号', 'Mobile', 'Mobile Phone', 'mobilePhone', 'Cell', 'Cell Phone'],
  rating: ['评级', '意向等级', 'Rating', 'Lead Rating'],
  inquiryId: ['询盘ID', '询盘编号', '询盘号', 'Inquiry ID', 'Inquiry No', 'Inquiry Number'],
  subject: ['询盘标题', '主题', '标题', 'Subject', 'Inquiry Subject', 'Inquiry Title'],
  inquiryType: ['询盘类型', 'Inquiry Type'],
  inquirySource: ['询盘来源', 'Inquiry Source'],
  receivedAt: ['询盘时间', '询盘日期', '收到时间', 'Inquiry Time', 'Inquiry Date', 'Received', 'Received At', 'Received Time'],
  lastReplyAt: [
    '最新回复时间',
    '最近回复时间',
    '最后回复时间',
    '最近跟进时间',
    '最后跟进时间',
    'Last Reply Time',
    'Last Reply',
    'Last Contact',
    'Last Follow-up',
  ],
  product: [
    '询盘产品标题',
    '产品名称',
    '产品',
    '产品标题',
    '商品名称',
    '品名',
    'Product Name',
    'Product',
    'Product Title',
    'Description',
    'Item',
    'Item Name',
  ],
  productRef: ['询盘产品ID', '产品ID', '产品编号', '货号', 'Product ID', 'StockCode', 'Stock Code', 'SKU', 'Item No'],
  quantity: ['采购数量', '数量', '订购数量', 'Quantity', 'Qty', 'Purchase Quantity'],
  unit: ['单位', '计量单位', 'Unit', 'Units', 'UOM'],
  message: ['询盘内容', '内容', '留言', 'Message', 'Content', 'Inquiry Content', 'Inquiry Message'],
  inquiryStatus: ['询盘状态', 'Inquiry Status'],
  orderNo: ['订单号', '订单编号', '订单ID', 'Order No', 'Order Number', 'Order ID', 'InvoiceNo', 'Invoice No', 'Invoice Number'],
  orderedAt: ['下单时间', '订单时间', '下单日期', '订单日期', 'Order Date', 'Order Time', 'InvoiceDate', 'Invoice Date'],
  unitPrice: ['单价', 'UnitPrice', 'Unit Price', 'Price'],
  currency: ['币种', '货币', '币别', 'Currency'],
  amount: ['订单金额', '金额', '总价', 'Amount', 'Order Amount', 'Total', 'Total Amount', 'Total Price'],
  orderStatus: ['订单状态', 'Order Status'],
};

/**
 * A product catalogue's headers (kind 'products' only: in an inquiry or order file 产品名称 is the
 * product asked for and SKU / 货号 its reference). Read before ALIASES for a catalogue.
 */
const PRODUCT_ALIASES: Partial<Record<ImportField, readonly string[]>> = {
  sku: [
    '型号',
    '产品型号',
    '规格型号',
    '货号',
    '款号',
    '产品编号',
    '产品编码',
    '物料编码',
    'SKU',
    'Model',
    'Model No',
    'Model Number',
    'Item No',
    'Item Number',
    'Item Code',
    'Article No',
    'Art No',
    'Part No',
    'Product Code',
    'Product No',
  ],
  nameZh: [
    '产品名称',
    '中文名',
    '中文名称',
    '中文品名',
    '品名',
    '产品中文名',
    '名称',
    'Chinese Name',
    'Name (Chinese)',
    'Product Name (Chinese)',
  ],
  nameEn: [
    '英文名',
    '英文名称',
    '英文品名',
    '产品英文名',
    'English Name',
    'Product Name',
    'Name',
    'Product Name (English)',
    'Item Name',
    'Product Title',
    'Description',
    'Product Description',
  ],
  category: ['类别', '分类', '产品类别', '产品分类', '品类', '类目', 'Category', 'Product Category', 'Product Type'],
  moq: ['起订量', '最小起订量', '最低起订量', 'MOQ', 'Min Order', 'Minimum Order', 'Minimum Order Quantity', 'Min Qty'],
  unitPrice: ['单价', '价格', '售价', '报价', 'FOB价', 'FOB价格', 'Unit Price', 'Price', 'FOB Price', 'Sales Price'],
  priceTiers: [
    '阶梯价',
    '阶梯价格',
    '阶梯报价',
    '价格阶梯',
    'Price Tiers',
    'Tier Prices',
    'Tiered Price',
    'Tiered Prices',
    'Volume Pricing',
  ],
  cost: ['成本', '成本价', '采购价', '进价', '出厂价', 'Cost', 'Cost Price', 'Purchase Price', 'Factory Price'],
  costCurrency: ['成本币种', '成本货币', 'Cost Currency'],
  hsCode: ['HS编码', 'HS码', '海关编码', '海关编号', '商品编码', 'HS Code', 'HS', 'HTS Code', 'Tariff Code'],
  unitsPerCarton: [
    '装箱数',
    '装箱量',
    '每箱数量',
    '外箱装量',
    '箱装数',
    '每箱件数',
    'Units per Carton',
    'Qty per Carton',
    'Qty/Carton',
    'PCS/CTN',
    'Pcs per Carton',
    'Packing Qty',
    'Carton Qty',
  ],
  cartonSize: [
    '外箱尺寸',
    '箱规',
    '纸箱尺寸',
    '外箱规格',
    '包装尺寸',
    'Carton Size',
    'Carton Dimensions',
    'Carton Dimension',
    'Carton Measurement',
    'Meas',
    'Measurement',
    'Outer Carton Size',
  ],
  cartonWeight: ['毛重', '毛重(kg)', '外箱毛重', '箱毛重', 'Gross Weight', 'Gross Weight (kg)', 'G.W.', 'GW', 'GW (kg)', 'Carton Weight'],
  leadTime: [
    '交期',
    '交期(天)',
    '交货期',
    '交货时间',
    '生产周期',
    '货期',
    'Lead Time',
    'Lead Time (days)',
    'Delivery Time',
    'Production Time',
  ],
  alibabaProductId: ['阿里巴巴产品ID', '阿里产品ID', '阿里巴巴ID', '阿里巴巴商品ID', 'Alibaba Product ID', 'Alibaba ID', 'Alibaba Item ID'],
};

/** A header that names a price by quantity: a price word or nothing but the quantity ("Price 1000+", "单价(≥500)", "1000+"). */
const TIER_PRICE_HEADER = /price|价|fob|usd|\$|^[\s≥>=]*\d[\d,]*\s*(?:pcs|件|个)?\s*(?:\+|以上|起|[-~–]\s*\d[\d,]*)\s*(?:pcs|件|个)?$/iu;

/**
 * Headers whose meaning depends on the kind of file. `default` is what `fieldForHeader` says
 * (null: ignore); a kind listed here overrides it once the kind is known. Notably, in an
 * Alibaba inquiry export 订单总金额 / Order Volume is the buyer's order history on Alibaba, not
 * an order, so it is only an amount in an order list.
 */
const CONTEXTUAL: readonly {
  headers: readonly string[];
  default: ImportField | null;
  byKind: Partial<Record<ImportKind, ImportField | null>>;
}[] = [
  { headers: ['来源', 'Source'], default: 'inquirySource', byKind: { customers: 'source', orders: 'source', leads: 'source' } },
  { headers: ['状态', 'Status'], default: 'inquiryStatus', byKind: { orders: 'orderStatus', customers: null, leads: null } },
  {
    headers: ['创建时间', '创建日期', 'Created Time', 'Created At', 'Create Time', 'Created', 'Date Created'],
    default: 'receivedAt',
    byKind: { customers: 'customerCreatedAt', leads: 'customerCreatedAt', orders: 'orderedAt' },
  },
  { headers: ['订单总金额', 'Order Volume'], default: null, byKind: { orders: 'amount' } },
];

/** Headers we know and deliberately map to nothing (they still mark a row as the header row). */
const IGNORED = [
  '询盘来源终端',
  'Client', // the buyer's device (android, iphone)
  '有效询价数',
  'Valid Inquiries', // buyer's history on Alibaba
  '订单总数',
  'Orders',
  '序号',
  'No',
  '#',
];

/** Case-, width-, space- and punctuation-insensitive form of a header. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}\p{Cf}]/gu, '');
}

const byAlias = new Map<string, ImportField>();
for (const [field, aliases] of Object.entries(ALIASES) as [ImportField, readonly string[]][]) {
  for (const alias of aliases) byAlias.set(normalizeHeader(alias), field);
}
const contextual = new Map<string, (typeof CONTEXTUAL)[number]>();
for (const entry of CONTEXTUAL) for (const h of entry.headers) contextual.set(normalizeHeader(h), entry);
const ignored = new Set(IGNORED.map(normalizeHeader).filter((h) => h !== ''));
const byProductAlias = new Map<string, ImportField>();
for (const [field, aliases] of Object.entries(PRODUCT_ALIASES) as [ImportField, readonly string[]][]) {
  for (const alias of aliases) byProductAlias.set(normalizeHeader(alias), field);
}

/**
 * The field a header fills in a product catalogue: a catalogue header, else one of the shared
 * fields a catalogue reads (unit, currency, notes), else a price column by quantity; null: none.
 */
export function productFieldForHeader(header: string): ImportField | null {
  const key = normalizeHeader(header);
  const own = byProductAlias.get(key);
  if (own) return own;
  const shared = byAlias.get(key);
  if (shared && PRODUCT_FIELDS.includes(shared)) return shared;
  if (TIER_PRICE_HEADER.test(header.normalize('NFKC').trim()) && tierHeaderQuantity(header) !== null) return 'tierPrice';
  return null;
}

/** The field a header fills when nothing else is known about the file; null: none. */
export function fieldForHeader(header: string): ImportField | null {
  const key = normalizeHeader(header);
  return byAlias.get(key) ?? contextual.get(key)?.default ?? null;
}

/** The field a header fills in a file of the given kind; null: none. */
export function fieldForHeaderInKind(header: string, kind: ImportKind): ImportField | null {
  if (kind === 'products') return productFieldForHeader(header);
  const key = normalizeHeader(header);
  const direct = byAlias.get(key);
  if (direct) return direct;
  const entry = contextual.get(key);
  if (!entry) return null;
  const override = entry.byKind[kind];
  return override === undefined ? entry.default : override;
}

/** True when the header is one we know, mapped or deliberately ignored. */
export function isKnownHeader(header: string): boolean {
  const key = normalizeHeader(header);
  if (key === '') return false;
  return byAlias.has(key) || contextual.has(key) || ignored.has(key) || byProductAlias.has(key);
}

/** Every alias of a field, as written in the table (for the mapping wizard's hints). */
export function aliasesOf(field: ImportField): readonly string[] {
  return ALIASES[field] ?? PRODUCT_ALIASES[field] ?? [];
}

/** How many of a file's first non-blank rows may be titles and notes above the header. */
export const HEADER_SEARCH_ROWS = 10;

/**
 * Index (into `rows`, which holds only non-blank rows) of the header row: among the first
 * HEADER_SEARCH_ROWS rows, the one with at least 2 non-empty cells and the most known headers;
 * failing that, the first row with at least 2 non-empty text (non-numeric) cells; else -1.
 */
export function findHeaderRow(rows: readonly (readonly (string | null)[])[]): number {
  const window = rows.slice(0, HEADER_SEARCH_ROWS);
  let best = -1;
  let bestKnown = 0;
  window.forEach((row, i) => {
    const filled = row.filter((c) => c !== null && c.trim() !== '');
    if (filled.length < 2) return;
    const known = filled.filter((c) => isKnownHeader(c as string)).length;
    if (known > bestKnown) {
      best = i;
      bestKnown = known;
    }
  });
  if (best >= 0) return best;
  return window.findIndex((row) => row.filter((c) => c !== null && c.trim() !== '' && !/^[\d\s.,:/+-]+$/.test(c)).length >= 2);
}

/**
 * Like `findHeaderRow`, for a reader: no rows at all → IMPORT_EMPTY; no plausible header →
 * IMPORT_NO_HEADER.
 */
export function locateHeaderRow(rows: readonly (readonly (string | null)[])[]): number {
  if (rows.length === 0) throw new AppError('IMPORT_EMPTY', 'The file holds no data.');
  const index = findHeaderRow(rows);
  if (index < 0) {
    throw new AppError('IMPORT_NO_HEADER', `No header row found in the first ${HEADER_SEARCH_ROWS} rows.`);
  }
  return index;
}
