/**
 * A products row as the catalogue shows it, and a product's fields as the row's columns: one place
 * that knows both shapes (the service, the import and the export use it).
 */
import type { Insertable, Selectable } from 'kysely';
import { readPriceTiers, type PriceTier } from '../../../shared/domain/price-tiers';
import type { Product, ProductFields, ProductPatch } from '../../../shared/domain/products';
import type { ProductsTable } from '../../db/schema';
import type { ReadDb, WriteTx } from '../../db/sql';

/** Every column but the photo's bytes (a list never carries them; hasPhoto says whether there is one). */
export function productRows(db: ReadDb | WriteTx) {
  return db
    .selectFrom('products')
    .select([
      'id',
      'gid',
      'sku',
      'name_en',
      'name_zh',
      'category',
      'unit',
      'moq',
      'currency',
      'price_tiers',
      'cost_minor',
      'cost_currency',
      'hs_code',
      'units_per_carton',
      'carton_length_cm',
      'carton_width_cm',
      'carton_height_cm',
      'carton_weight_kg',
      'lead_time_days',
      'alibaba_product_id',
      'photo_mime',
      'notes',
      'archived_at',
      'created_at',
      'updated_at',
      'version',
    ])
    .select((eb) => eb('photo', 'is not', null).as('has_photo'));
}

export type ProductRow = Omit<Selectable<ProductsTable>, 'photo' | 'import_batch_id'> & { has_photo: number | boolean };

export function toProduct(r: ProductRow): Product {
  return {
    id: r.id,
    gid: r.gid,
    sku: r.sku,
    nameEn: r.name_en,
    nameZh: r.name_zh,
    category: r.category,
    unit: r.unit,
    moq: r.moq,
    currency: r.currency,
    priceTiers: readPriceTiers(r.price_tiers),
    costMinor: r.cost_minor,
    costCurrency: r.cost_currency,
    hsCode: r.hs_code,
    unitsPerCarton: r.units_per_carton,
    cartonLengthCm: r.carton_length_cm,
    cartonWidthCm: r.carton_width_cm,
    cartonHeightCm: r.carton_height_cm,
    cartonWeightKg: r.carton_weight_kg,
    leadTimeDays: r.lead_time_days,
    alibabaProductId: r.alibaba_product_id,
    hasPhoto: Boolean(r.has_photo),
    photoMime: r.photo_mime,
    notes: r.notes,
    archivedAt: r.archived_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

type Columns = Omit<
  Insertable<ProductsTable>,
  'id' | 'gid' | 'photo' | 'photo_mime' | 'archived_at' | 'created_at' | 'updated_at' | 'version'
>;

const tiersJson = (tiers: readonly PriceTier[]) =>
  JSON.stringify(tiers.map((t) => ({ minQty: t.minQty, unitPriceMinor: t.unitPriceMinor })));

/** A product's fields as its columns. */
export function productColumns(f: ProductFields): Columns {
  return {
    sku: f.sku,
    name_en: f.nameEn,
    name_zh: f.nameZh,
    category: f.category,
    unit: f.unit,
    moq: f.moq,
    currency: f.currency,
    price_tiers: tiersJson(f.priceTiers),
    cost_minor: f.costMinor,
    cost_currency: f.costCurrency,
    hs_code: f.hsCode,
    units_per_carton: f.unitsPerCarton,
    carton_length_cm: f.cartonLengthCm,
    carton_width_cm: f.cartonWidthCm,
    carton_height_cm: f.cartonHeightCm,
    carton_weight_kg: f.cartonWeightKg,
    lead_time_days: f.leadTimeDays,
    alibaba_product_id: f.alibabaProductId,
    notes: f.notes,
  };
}

const PATCH_COLUMNS: { [K in keyof ProductPatch]-?: keyof Columns } = {
  sku: 'sku',
  nameEn: 'name_en',
  nameZh: 'name_zh',
  category: 'category',
  unit: 'unit',
  moq: 'moq',
  currency: 'currency',
  priceTiers: 'price_tiers',
  costMinor: 'cost_minor',
  costCurrency: 'cost_currency',
  hsCode: 'hs_code',
  unitsPerCarton: 'units_per_carton',
  cartonLengthCm: 'carton_length_cm',
  cartonWidthCm: 'carton_width_cm',
  cartonHeightCm: 'carton_height_cm',
  cartonWeightKg: 'carton_weight_kg',
  leadTimeDays: 'lead_time_days',
  alibabaProductId: 'alibaba_product_id',
  notes: 'notes',
};

/** The columns a patch sets (the fields not given are left out). */
export function patchColumns(patch: ProductPatch): Partial<Columns> {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(PATCH_COLUMNS) as [keyof ProductPatch, keyof Columns][]) {
    const value = patch[key];
    if (value === undefined) continue;
    out[column] = key === 'priceTiers' ? tiersJson(value as PriceTier[]) : value;
  }
  return out as Partial<Columns>;
}
