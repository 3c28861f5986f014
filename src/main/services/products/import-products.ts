/**
 * A product catalogue through the import wizard (kind 'products'): each row a product, matched by
 * its SKU (trimmed, case-insensitively). A new SKU is imported; a known one is merged (the cells
 * the row fills replace the product's values; an empty cell changes nothing) or, when it changes
 * nothing, a duplicate of that product; a SKU an earlier row of the file had is a duplicate of that
 * row; a row that does not read is failed with a code. imported + merged + duplicates + failed =
 * rows read. The preview runs the same pass without writing.
 */
import { priceTiersSchema, type PriceTier } from '../../../shared/domain/price-tiers';
import type { ColumnMapping, DuplicateOf, ImportField, RowError, RowErrorCode } from '../../../shared/domain/import';
import type { ProductFields } from '../../../shared/domain/products';
import type { ReadDb, WriteTx } from '../../db/sql';
import { detached } from '../../import/detached-string';
import { FailedRows } from '../../import/failed-rows-csv';
import { parseCartonSize, parseLeadTimeDays, parseTiersText, parseWeightKg, tierHeaderQuantity } from '../../import/normalize/catalogue';
import { normaliseCurrency, parseAmount } from '../../import/normalize/money';
import { cleanText, parseQuantity } from '../../import/normalize/text';
import type { StagedFile } from '../../import/staged-files';
import type { Cell, TableChunk } from '../../import/types';
import { emptyCounts, MAX_LISTED, type ImportCounts } from '../../import/write-import';
import type { JobControl } from '../context';
import { patchColumns, productColumns, productRows, toProduct } from './product-rows';

/** A row's product: the SKU and the fields its cells gave (a field left out was empty). */
export interface PlannedProduct {
  row: number;
  sku: string;
  fields: Partial<ProductFields>;
  errors: RowError[];
}

function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  return cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell);
}

const EXACT = new Set<ImportField>(['sku', 'hsCode', 'alibabaProductId']);

/** Reads one file row under a mapping into a product (or its errors). */
export class ProductRowPlanner {
  private readonly columnOf = new Map<ImportField, number>();
  /** Price columns by quantity: [column, minimum quantity]. */
  private readonly tierColumns: [number, number][] = [];

  constructor(
    private readonly headers: readonly string[],
    mapping: ColumnMapping,
    private readonly defaultCurrency = 'USD',
  ) {
    mapping.forEach((field, col) => {
      if (field === 'tierPrice') {
        const qty = tierHeaderQuantity(headers[col] ?? '');
        if (qty !== null) this.tierColumns.push([col, qty]);
      } else if (field && !this.columnOf.has(field)) this.columnOf.set(field, col);
    });
  }

  plan(chunk: Pick<TableChunk, 'rows' | 'rowNumbers' | 'texts'>, local: number): PlannedProduct {
    const cells = chunk.rows[local] ?? [];
    const row = chunk.rowNumbers[local] ?? local + 1;
    const errors: RowError[] = [];
    const header = (col: number | undefined) => (col === undefined ? '' : (this.headers[col] ?? ''));
    const fail = (field: ImportField | '', code: RowErrorCode, message: string, col = field ? this.columnOf.get(field) : undefined) =>
      errors.push({ row, column: header(col), code, message });
    const raw = (field: ImportField): Cell | undefined => {
      const col = this.columnOf.get(field);
      return col === undefined ? undefined : cells[col];
    };
    const text = (field: ImportField, max: number, multiline = false) => {
      const col = this.columnOf.get(field);
      if (col === undefined) return '';
      const exact = EXACT.has(field) ? chunk.texts?.[local]?.[col] : undefined;
      return cleanText(exact ?? cellText(cells[col]), max, { multiline });
    };
    const fields: Partial<ProductFields> = {};

    const sku = text('sku', 1000);
    if (!sku) fail('sku', 'ROW_NO_SKU', 'no SKU');
    else if (sku.length > 64) fail('sku', 'ROW_TOO_LONG', `the SKU is ${sku.length} characters; at most 64`);
    const put = <K extends keyof ProductFields>(key: K, value: ProductFields[K] | '' | undefined) => {
      if (value !== '' && value !== undefined) fields[key] = value;
    };
    put('nameEn', text('nameEn', 300));
    put('nameZh', text('nameZh', 300));
    put('category', text('category', 120) || undefined);
    put('unit', text('unit', 20));
    put('notes', text('notes', 5000, true) || undefined);

    const currencyText = text('currency', 20);
    let currency = this.defaultCurrency;
    if (currencyText) {
      const c = normaliseCurrency(currencyText);
      if (!c) fail('currency', 'ROW_BAD_CURRENCY', `not a currency: ${currencyText}`);
      else currency = fields.currency = c;
    }
    const costCurrencyText = text('costCurrency', 20);
    if (costCurrencyText) {
      const c = normaliseCurrency(costCurrencyText);
      if (!c) fail('costCurrency', 'ROW_BAD_CURRENCY', `not a currency: ${costCurrencyText}`);
      else fields.costCurrency = c;
    }

    const positiveInt = (field: ImportField, key: 'moq' | 'unitsPerCarton') => {
      const v = raw(field);
      if (v === undefined || v === null || v === '') return;
      const n = parseQuantity(typeof v === 'number' ? v : cellText(v));
      if (n === null || !Number.isInteger(n) || n < 1 || n > 1_000_000_000)
        fail(field, 'ROW_BAD_NUMBER', `not a whole number above 0: ${text(field, 60)}`);
      else fields[key] = n;
    };
    positiveInt('moq', 'moq');
    positiveInt('unitsPerCarton', 'unitsPerCarton');

    const amount = (field: ImportField, cur: string): number | null | undefined => {
      const v = raw(field);
      if (v === undefined || v === null || v === '') return undefined;
      const minor = parseAmount(typeof v === 'number' ? v : cellText(v), cur);
      if (minor === null || minor < 0) {
        fail(field, 'ROW_BAD_AMOUNT', `not an amount: ${text(field, 60)}`);
        return null;
      }
      return minor;
    };
    const cost = amount('cost', fields.costCurrency ?? currency);
    if (cost !== undefined && cost !== null) fields.costMinor = cost;

    // Prices: a tier text, price columns by quantity, else one unit price from the MOQ (or 1) up.
    const tiers = new Map<number, number>();
    const tiersCell = text('priceTiers', 1000);
    if (tiersCell) {
      const parsed = parseTiersText(tiersCell, currency);
      if (!parsed)
        fail('priceTiers', 'ROW_BAD_AMOUNT', `price tiers do not read (e.g. "100+: 2.50; 500+: 2.20"): ${tiersCell.slice(0, 60)}`);
      else for (const t of parsed) tiers.set(t.minQty, t.unitPriceMinor);
    }
    for (const [col, minQty] of this.tierColumns) {
      const v = cells[col];
      if (v === undefined || v === null || v === '') continue;
      const minor = parseAmount(typeof v === 'number' ? v : cellText(v), currency);
      if (minor === null || minor < 0) fail('', 'ROW_BAD_AMOUNT', `not an amount: ${cellText(v).slice(0, 60)}`, col);
      else tiers.set(minQty, minor);
    }
    if (tiers.size === 0) {
      const unit = amount('unitPrice', currency);
      if (unit !== undefined && unit !== null) tiers.set(fields.moq ?? 1, unit);
    }
    if (tiers.size > 0) {
      const parsed = priceTiersSchema.safeParse([...tiers].map(([minQty, unitPriceMinor]) => ({ minQty, unitPriceMinor })));
      if (!parsed.success) fail('priceTiers', 'ROW_BAD_AMOUNT', 'at most 20 price tiers, each from 1 up');
      else fields.priceTiers = parsed.data as PriceTier[];
    }

    const hs = text('hsCode', 40).replace(/[^\dA-Za-z.]/g, '');
    if (hs.length > 20) fail('hsCode', 'ROW_TOO_LONG', `the HS code is ${hs.length} characters; at most 20`);
    else put('hsCode', hs || undefined);
    const alibaba = text('alibabaProductId', 100);
    if (alibaba.length > 40) fail('alibabaProductId', 'ROW_TOO_LONG', 'the Alibaba product id is longer than 40 characters');
    else put('alibabaProductId', alibaba || undefined);

    const size = text('cartonSize', 100);
    if (size) {
      const cm = parseCartonSize(size);
      if (!cm) fail('cartonSize', 'ROW_BAD_NUMBER', `not a carton size (e.g. 60x40x35 cm): ${size}`);
      else Object.assign(fields, { cartonLengthCm: cm.length, cartonWidthCm: cm.width, cartonHeightCm: cm.height });
    }
    const weight = raw('cartonWeight');
    if (weight !== undefined && weight !== null && weight !== '') {
      const kg = parseWeightKg(typeof weight === 'number' ? weight : cellText(weight));
      if (kg === null) fail('cartonWeight', 'ROW_BAD_NUMBER', `not a weight: ${text('cartonWeight', 60)}`);
      else fields.cartonWeightKg = kg;
    }
    const lead = raw('leadTime');
    if (lead !== undefined && lead !== null && lead !== '') {
      const days = parseLeadTimeDays(typeof lead === 'number' ? lead : cellText(lead));
      if (days === null) fail('leadTime', 'ROW_BAD_NUMBER', `not a lead time in days: ${text('leadTime', 60)}`);
      else fields.leadTimeDays = days;
    }
    return { row, sku, fields, errors };
  }
}

const DEFAULTS: Omit<ProductFields, 'sku'> = {
  nameEn: '',
  nameZh: '',
  category: null,
  unit: 'pcs',
  moq: null,
  currency: 'USD',
  priceTiers: [],
  costMinor: null,
  costCurrency: null,
  hsCode: null,
  unitsPerCarton: null,
  cartonLengthCm: null,
  cartonWidthCm: null,
  cartonHeightCm: null,
  cartonWeightKg: null,
  leadTimeDays: null,
  alibabaProductId: null,
  notes: null,
};

/** The fields of a row that differ from the product's (what a merge changes). */
function changedFields(current: ProductFields, given: Partial<ProductFields>): Partial<ProductFields> {
  const out: Partial<ProductFields> = {};
  for (const [key, value] of Object.entries(given) as [keyof ProductFields, unknown][]) {
    if (JSON.stringify(current[key]) !== JSON.stringify(value)) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}

export interface ProductPassResult {
  counts: ImportCounts;
  errors: RowError[];
  invalidRows: number;
  duplicateRows: { row: number; of: DuplicateOf }[];
  failedCsv: string | null;
  currencies: { currency: string; rows: number }[];
  /** The products a merge changed, as they were before (an undo puts them back). */
  before: unknown[];
  /** The first chunk's rows (the preview's sample). */
  firstRows: PlannedProduct[];
  firstChunk: TableChunk | null;
}

/**
 * One pass over a staged catalogue: `tx` writes (tagging what it creates with `batchId`); without it
 * (the preview), nothing is written and the SKUs the file adds are remembered instead.
 */
export async function runProductPass(
  input: {
    file: StagedFile;
    mapping: ColumnMapping;
    db: ReadDb | WriteTx;
    tx: WriteTx | null;
    batchId: number | null;
    now: string;
    chunkRows: number;
    abortOnError?: boolean;
  },
  job: JobControl,
): Promise<ProductPassResult> {
  const { file, db, tx, now } = input;
  const planner = new ProductRowPlanner(file.source.headers, input.mapping);
  const failed = tx ? new FailedRows(file.source.headers) : null;
  const counts: ImportCounts = emptyCounts(0);
  const errors: RowError[] = [];
  const duplicateRows: ProductPassResult['duplicateRows'] = [];
  const firstRowOf = new Map<string, number>();
  const currencies = new Map<string, number>();
  const before: unknown[] = [];
  let firstRows: PlannedProduct[] = [];
  let firstChunk: TableChunk | null = null;
  const duplicate = (row: number, of: DuplicateOf) => {
    counts.duplicates++;
    if (duplicateRows.length < MAX_LISTED) duplicateRows.push({ row, of });
  };
  for (const chunk of file.source.chunks(Math.max(1, input.chunkRows))) {
    const planned = chunk.rows.map((_, i) => planner.plan(chunk, i));
    if (!firstChunk) {
      firstChunk = chunk;
      firstRows = planned.slice(0, 50);
    }
    counts.rows += planned.length;
    const chunkErrors: RowError[] = [];
    for (const p of planned) {
      if (p.errors.length > 0) {
        counts.failed++;
        chunkErrors.push(...p.errors);
        continue;
      }
      if (input.abortOnError && counts.failed > 0) continue;
      const key = p.sku.normalize('NFKC').toLowerCase();
      const earlier = firstRowOf.get(key);
      if (earlier !== undefined) {
        duplicate(p.row, { kind: 'row', row: earlier });
        continue;
      }
      firstRowOf.set(detached(key), p.row);
      const currency = p.fields.currency ?? DEFAULTS.currency;
      currencies.set(currency, (currencies.get(currency) ?? 0) + 1);
      const existing = db.first(productRows(db).where('sku', '=', p.sku).orderBy('id').limit(1));
      if (!existing) {
        counts.imported++;
        tx?.run(
          tx.insertInto('products').values({
            ...productColumns({ ...DEFAULTS, ...p.fields, sku: p.sku }),
            import_batch_id: input.batchId,
            created_at: now,
            updated_at: now,
          }),
        );
        continue;
      }
      const current = toProduct(existing);
      const { sku: _sku, ...given } = p.fields;
      const changes = changedFields(current, given);
      if (Object.keys(changes).length === 0) {
        duplicate(p.row, { kind: 'product', id: current.id, label: current.sku });
        continue;
      }
      counts.merged++;
      if (tx) {
        const full = tx.first(tx.selectFrom('products').selectAll().where('id', '=', current.id));
        if (full) before.push({ ...full, photo: undefined });
        tx.run(
          tx
            .updateTable('products')
            .set({ ...patchColumns(changes), updated_at: now, version: (eb) => eb('version', '+', 1) })
            .where('id', '=', current.id),
        );
      }
    }
    for (const e of chunkErrors) if (errors.length < MAX_LISTED) errors.push(e);
    failed?.add(chunk, chunkErrors);
    job.progress(counts.rows, file.rowCount, 'importing');
    await job.checkpoint();
  }
  counts.skipped = counts.duplicates + counts.failed;
  return {
    counts,
    errors,
    invalidRows: counts.failed,
    duplicateRows,
    failedCsv: failed && failed.count > 0 ? failed.csv() : null,
    currencies: [...currencies].map(([currency, rows]) => ({ currency, rows })).sort((a, b) => b.rows - a.rows),
    before,
    firstRows,
    firstChunk,
  };
}
