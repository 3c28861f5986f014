/**
 * The catalogue as XLSX (default) or CSV, as the list shows it (its search, category and archived
 * filter), through the export writer; its headers are ones the import reads back (a round trip
 * merges every row by SKU and changes nothing).
 */
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { fileDownload } from '../../export/file-download';
import type { ColumnKind, ExportCell } from '../../export/write-table';
import { currencyExponent } from '../../import/normalize/money';
import type { ServiceContext } from '../context';
import { cartonSizeText, tiersText } from '../../import/normalize/catalogue';
import { toProduct } from './product-rows';
import { filteredProducts } from './products';

const COLUMNS = [
  'sku',
  'nameZh',
  'nameEn',
  'category',
  'unit',
  'moq',
  'currency',
  'price',
  'priceTiers',
  'cost',
  'costCurrency',
  'hsCode',
  'unitsPerCarton',
  'cartonSize',
  'cartonWeight',
  'leadTime',
  'alibabaProductId',
  'notes',
  'archived',
] as const;
type Column = (typeof COLUMNS)[number];

const HEADERS: Record<'en' | 'zh-CN', Record<Column, string>> = {
  en: {
    sku: 'SKU',
    nameZh: 'Chinese Name',
    nameEn: 'English Name',
    category: 'Category',
    unit: 'Unit',
    moq: 'MOQ',
    currency: 'Currency',
    price: 'Unit Price',
    priceTiers: 'Price Tiers',
    cost: 'Cost',
    costCurrency: 'Cost Currency',
    hsCode: 'HS Code',
    unitsPerCarton: 'Units per Carton',
    cartonSize: 'Carton Size',
    cartonWeight: 'Gross Weight (kg)',
    leadTime: 'Lead Time (days)',
    alibabaProductId: 'Alibaba Product ID',
    notes: 'Notes',
    archived: 'Archived',
  },
  'zh-CN': {
    sku: '型号',
    nameZh: '产品名称',
    nameEn: '英文名',
    category: '类别',
    unit: '单位',
    moq: '起订量',
    currency: '币种',
    price: '单价',
    priceTiers: '阶梯价',
    cost: '成本',
    costCurrency: '成本币种',
    hsCode: 'HS编码',
    unitsPerCarton: '装箱数',
    cartonSize: '外箱尺寸',
    cartonWeight: '毛重(kg)',
    leadTime: '交期(天)',
    alibabaProductId: '阿里巴巴产品ID',
    notes: '备注',
    archived: '已归档',
  },
};

const KINDS: Partial<Record<Column, ColumnKind>> = {
  sku: 'code',
  moq: 'number',
  price: 'money',
  cost: 'money',
  hsCode: 'code',
  unitsPerCarton: 'number',
  cartonWeight: 'number',
  leadTime: 'number',
  alibabaProductId: 'code',
};

const money = (minor: number | null, currency: string): ExportCell => {
  if (minor === null) return null;
  const digits = currencyExponent(currency);
  return { amount: minor / 10 ** digits, digits };
};

export function exportProducts(ctx: ServiceContext, input: ChannelParsedInput<'products.export'>): ChannelOutput<'products.export'> {
  const headers = HEADERS[input.language];
  const rows: ExportCell[][] = [];
  const q = filteredProducts(ctx.read, input).orderBy('sku').orderBy('id');
  for (const r of ctx.read.iterate(q)) {
    const p = toProduct(r);
    const values: Record<Column, ExportCell> = {
      sku: p.sku,
      nameZh: p.nameZh,
      nameEn: p.nameEn,
      category: p.category,
      unit: p.unit,
      moq: p.moq,
      currency: p.currency,
      price: money(p.priceTiers[0]?.unitPriceMinor ?? null, p.currency),
      priceTiers: tiersText(p.priceTiers, p.currency),
      cost: money(p.costMinor, p.costCurrency ?? p.currency),
      costCurrency: p.costCurrency,
      hsCode: p.hsCode,
      unitsPerCarton: p.unitsPerCarton,
      cartonSize: cartonSizeText(p.cartonLengthCm, p.cartonWidthCm, p.cartonHeightCm),
      cartonWeight: p.cartonWeightKg,
      leadTime: p.leadTimeDays,
      alibabaProductId: p.alibabaProductId,
      notes: p.notes,
      archived: p.archivedAt ? p.archivedAt.slice(0, 10) : '',
    };
    rows.push(COLUMNS.map((c) => values[c] ?? null));
  }
  const columns = COLUMNS.map((c) => ({ header: headers[c], kind: KINDS[c] ?? 'text' }));
  const sheet = input.language === 'zh-CN' ? '产品目录' : 'Products';
  return fileDownload('products', input.format, [{ name: sheet, columns, rows }], ctx.now(), input.timeZone);
}
