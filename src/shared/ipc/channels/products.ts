import { LANGUAGES } from '../../language';
import { timeZoneSchema } from '../../domain/followups';
import {
  customerProductSchema,
  productFieldsSchema,
  productListInputSchema,
  productPatchSchema,
  productSchema,
  MAX_PRODUCT_PHOTO_BASE64,
} from '../../domain/products';
import { z } from 'zod';
import { channel, exportFormatSchema, fileDownloadSchema, idInput } from '../channel';

const id = z.number().int().positive();
const version = z.number().int().positive();

/** The product catalogue (#21 item 1); its import is a kind of the import wizard (import.* with kind 'products'). */
export const productsChannels = {
  /** A page of the catalogue by SKU / name / category search, with the total and every category in use. */
  'products.list': channel(
    'read',
    productListInputSchema,
    z.object({ rows: z.array(productSchema), total: z.number().int(), categories: z.array(z.string()) }),
  ),
  'products.get': channel('read', idInput, productSchema),
  /** Refused with PRODUCT_SKU_TAKEN when a product of this book has the SKU (case-insensitively, trimmed). */
  'products.create': channel('write', productFieldsSchema, productSchema),
  'products.update': channel('write', z.strictObject({ id, version, patch: productPatchSchema }), productSchema),
  'products.setArchived': channel('write', z.strictObject({ id, version, archived: z.boolean() }), productSchema),
  /** A JPEG, PNG or WebP photo of at most 2 MB (PRODUCT_PHOTO_TOO_LARGE / PRODUCT_PHOTO_NOT_IMAGE). */
  'products.setPhoto': channel(
    'write',
    z.strictObject({
      id,
      version,
      // A little past the cap, so an oversized photo gets its own code rather than INVALID_INPUT.
      contentBase64: z
        .string()
        .min(1)
        .max(MAX_PRODUCT_PHOTO_BASE64 * 2)
        .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'not base64'),
    }),
    productSchema,
  ),
  'products.clearPhoto': channel('write', z.strictObject({ id, version }), productSchema),
  'products.photo': channel('read', idInput, z.object({ mime: z.string(), contentBase64: z.string() }).nullable()),
  /** What a customer asked for (inquiries) and bought (orders), linked to catalogue products where they match. */
  'products.ofCustomer': channel(
    'read',
    z.strictObject({ customerId: id }),
    z.object({ asked: z.array(customerProductSchema), bought: z.array(customerProductSchema) }),
  ),
  /** The catalogue as the list shows it (its search, category and archived filter) as XLSX or CSV, in headers the import reads back. */
  'products.export': channel(
    'read',
    z.strictObject({
      search: z.string().trim().max(100).default(''),
      category: z.string().trim().max(120).optional(),
      archived: z.enum(['active', 'archived', 'all']).default('active'),
      format: exportFormatSchema.default('xlsx'),
      language: z.enum(LANGUAGES).default('en'),
      timeZone: timeZoneSchema.default('UTC'),
    }),
    fileDownloadSchema,
  ),
} as const;
