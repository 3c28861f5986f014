import { z } from 'zod';
import { priceTierSchema, priceTiersSchema } from './price-tiers';

/**
 * The product catalogue (#21 item 1): a SKU (unique on this book, case-insensitively; see
 * migration 0022 for why the schema does not enforce it), names in English and Chinese, price tiers
 * by quantity in the product's currency, cost, HS code, packing, lead time, Alibaba product id, a
 * photo. Cost is returned and editable by everyone for now: once the team roles reach the
 * catalogue it is for managers only (the sync already keeps it on the laptop that entered it).
 */

/** A product photo's bytes (base64 is 4/3 of them): 2 MB of image is plenty for a catalogue thumbnail. */
export const MAX_PRODUCT_PHOTO_BYTES = 2 * 1024 * 1024;
export const MAX_PRODUCT_PHOTO_BASE64 = Math.ceil(MAX_PRODUCT_PHOTO_BYTES / 3) * 4;
export const PRODUCT_PHOTO_MIMES = ['image/jpeg', 'image/png', 'image/webp'] as const;

const currencyCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{3}$/, 'a currency is three letters (ISO 4217)')
  .transform((c) => c.toUpperCase());
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => (s === '' ? null : s))
    .nullable();
const positiveInt = z.number().int().positive().max(1_000_000_000).nullable();
const positiveReal = z.number().positive().max(100_000).nullable();

/** The fields a user edits (create takes them all; update any of them). */
export const productFieldsSchema = z.strictObject({
  sku: z.string().trim().min(1).max(64),
  nameEn: z.string().trim().max(300).default(''),
  nameZh: z.string().trim().max(300).default(''),
  category: optionalText(120).default(null),
  unit: z.string().trim().min(1).max(20).default('pcs'),
  moq: positiveInt.default(null),
  currency: currencyCode.default('USD'),
  priceTiers: priceTiersSchema.default([]),
  costMinor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable().default(null),
  costCurrency: currencyCode.nullable().default(null),
  hsCode: optionalText(20).default(null),
  unitsPerCarton: positiveInt.default(null),
  cartonLengthCm: positiveReal.default(null),
  cartonWidthCm: positiveReal.default(null),
  cartonHeightCm: positiveReal.default(null),
  cartonWeightKg: positiveReal.default(null),
  leadTimeDays: z.number().int().min(0).max(3650).nullable().default(null),
  alibabaProductId: optionalText(40).default(null),
  notes: optionalText(5000).default(null),
});
export type ProductFields = z.infer<typeof productFieldsSchema>;
export type ProductFieldsInput = z.input<typeof productFieldsSchema>;

/** A patch: only the fields given change (no defaults applied). */
export const productPatchSchema = z.strictObject({
  sku: z.string().trim().min(1).max(64).optional(),
  nameEn: z.string().trim().max(300).optional(),
  nameZh: z.string().trim().max(300).optional(),
  category: optionalText(120).optional(),
  unit: z.string().trim().min(1).max(20).optional(),
  moq: positiveInt.optional(),
  currency: currencyCode.optional(),
  priceTiers: priceTiersSchema.optional(),
  costMinor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable().optional(),
  costCurrency: currencyCode.nullable().optional(),
  hsCode: optionalText(20).optional(),
  unitsPerCarton: positiveInt.optional(),
  cartonLengthCm: positiveReal.optional(),
  cartonWidthCm: positiveReal.optional(),
  cartonHeightCm: positiveReal.optional(),
  cartonWeightKg: positiveReal.optional(),
  leadTimeDays: z.number().int().min(0).max(3650).nullable().optional(),
  alibabaProductId: optionalText(40).optional(),
  notes: optionalText(5000).optional(),
});
export type ProductPatch = z.infer<typeof productPatchSchema>;

export const productSchema = z.object({
  id: z.number().int(),
  gid: z.string(),
  sku: z.string(),
  nameEn: z.string(),
  nameZh: z.string(),
  category: z.string().nullable(),
  unit: z.string(),
  moq: z.number().int().nullable(),
  currency: z.string(),
  priceTiers: z.array(priceTierSchema),
  costMinor: z.number().int().nullable(),
  costCurrency: z.string().nullable(),
  hsCode: z.string().nullable(),
  unitsPerCarton: z.number().int().nullable(),
  cartonLengthCm: z.number().nullable(),
  cartonWidthCm: z.number().nullable(),
  cartonHeightCm: z.number().nullable(),
  cartonWeightKg: z.number().nullable(),
  leadTimeDays: z.number().int().nullable(),
  alibabaProductId: z.string().nullable(),
  hasPhoto: z.boolean(),
  photoMime: z.string().nullable(),
  notes: z.string().nullable(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Product = z.infer<typeof productSchema>;

export const PRODUCT_ARCHIVED_FILTER = ['active', 'archived', 'all'] as const;

export const productListInputSchema = z.strictObject({
  /** SKU, English or Chinese name, category, HS code or Alibaba id, case-insensitively, anywhere in the text. */
  search: z.string().trim().max(100).default(''),
  category: z.string().trim().max(120).optional(),
  archived: z.enum(PRODUCT_ARCHIVED_FILTER).default('active'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(200),
});
export type ProductListInput = z.infer<typeof productListInputSchema>;

/**
 * One product a customer asked for (inquiries) or bought (orders), grouped: a catalogue product
 * where the inquiry or order matched one (by Alibaba product id, else by its text equal to the
 * SKU, English or Chinese name, case-insensitively; a product_ref equal to a SKU matches too),
 * else the text as written (productId null).
 */
export const customerProductSchema = z.object({
  productId: z.number().int().nullable(),
  sku: z.string().nullable(),
  nameEn: z.string().nullable(),
  nameZh: z.string().nullable(),
  /** The product text as the inquiry or order wrote it (the first one seen, for a matched product). */
  text: z.string(),
  /** alibabaId: product_ref = the Alibaba product id; sku: product_ref = the SKU; name: the text = SKU, English or Chinese name. */
  matchedBy: z.enum(['alibabaId', 'sku', 'name']).nullable(),
  count: z.number().int(),
  lastAt: z.string(),
  /** The quantities added up (null when none of them gave one). */
  quantity: z.number().nullable(),
});
export type CustomerProduct = z.infer<typeof customerProductSchema>;
