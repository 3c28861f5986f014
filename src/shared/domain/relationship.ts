import { z } from 'zod';
import { currencyCodeSchema } from './classification';

/** Needs (需求): what a customer asks for, from first mention to met or declined. */
export const NEED_CATEGORIES = [
  'customisation',
  'price',
  'delivery_time',
  'quality_certification',
  'packaging',
  'payment_terms',
  'after_sales',
  'other',
] as const;
export const NEED_STATUSES = ['new', 'evaluating', 'planned', 'met', 'declined'] as const;
export const NEED_PRIORITIES = ['high', 'medium', 'low'] as const;

/** Complaints (投诉), with a response target per severity. */
export const COMPLAINT_SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export const COMPLAINT_STATUSES = ['open', 'in_progress', 'resolved', 'closed'] as const;
export const COMPLAINT_CATEGORIES = ['quality', 'delivery', 'packaging', 'documents', 'price', 'service', 'other'] as const;
/** Days to respond by severity (default targets). */
export const RESPONSE_DAYS: Record<(typeof COMPLAINT_SEVERITIES)[number], number> = { critical: 1, high: 2, medium: 5, low: 10 };

/** Categories are the built-in slugs or the firm's own words. */
const category = z.string().trim().min(1).max(60);

export const needSchema = z.object({
  id: z.number().int(),
  customerId: z.number().int(),
  company: z.string(),
  country: z.string(),
  industry: z.string(),
  category: z.string(),
  description: z.string(),
  priority: z.enum(NEED_PRIORITIES),
  status: z.enum(NEED_STATUSES),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Need = z.infer<typeof needSchema>;
export const needCreateSchema = z.strictObject({
  customerId: z.number().int().positive(),
  category,
  description: z.string().trim().max(5000).default(''),
  priority: z.enum(NEED_PRIORITIES).default('medium'),
  status: z.enum(NEED_STATUSES).default('new'),
});
export const needPatchSchema = z
  .strictObject({ category, description: z.string().trim().max(5000), priority: z.enum(NEED_PRIORITIES), status: z.enum(NEED_STATUSES) })
  .partial();

/**
 * What a complaint can carry besides its words (0012): the order it is about (one of the same
 * customer's), the amount claimed (minor units + ISO 4217) and photos (JPEG, PNG, WebP or HEIC,
 * recognised by their bytes; kept in the database so they are in every backup).
 */
export const MAX_COMPLAINT_PHOTOS = 10;
export const MAX_COMPLAINT_PHOTO_BYTES = 10 * 1024 * 1024;
/** The same limit as base64 text (4 characters per 3 bytes). */
export const MAX_COMPLAINT_PHOTO_BASE64 = Math.ceil(MAX_COMPLAINT_PHOTO_BYTES / 3) * 4;
export const COMPLAINT_PHOTO_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic'] as const;
/** The largest amount a claim may name, in minor units (well inside a safe integer). */
export const MAX_CLAIM_MINOR = 1e15;

/**
 * Why the engine refused a complaint's order, claim or photos: the `message` of its INVALID_INPUT
 * field problem (path `orderId`, `claim.currency`, `photos` or `photos.<n>`), which the page words.
 */
export const COMPLAINT_FIELD_PROBLEMS = {
  orderNotCustomer: 'order_not_of_customer',
  unknownCurrency: 'unknown_currency',
  tooManyPhotos: 'too_many_photos',
  photoTooLarge: 'photo_too_large',
  notAnImage: 'not_an_image',
} as const;

export const complaintOrderSchema = z.object({
  id: z.number().int(),
  /** The order number ('' when the order has none). */
  externalNo: z.string(),
  orderedAt: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
});
export type ComplaintOrder = z.infer<typeof complaintOrderSchema>;
export const complaintClaimSchema = z.object({ amountMinor: z.number().int(), currency: z.string() });
export const complaintPhotoSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  mime: z.enum(COMPLAINT_PHOTO_MIME_TYPES),
  sizeBytes: z.number().int(),
  createdAt: z.string(),
});
export type ComplaintPhoto = z.infer<typeof complaintPhotoSchema>;
/** The order, claim and photos of a complaint, as its row and the customer's timeline show them. */
export const complaintDetailsSchema = z.object({
  order: complaintOrderSchema.nullable(),
  claim: complaintClaimSchema.nullable(),
  photos: z.array(complaintPhotoSchema),
});
export type ComplaintDetails = z.infer<typeof complaintDetailsSchema>;

/** A photo as the page sends it: its name and its bytes as base64. */
export const complaintPhotoInputSchema = z.strictObject({
  fileName: z.string().trim().min(1).max(260),
  contentBase64: z
    .string()
    .min(1)
    .max(MAX_COMPLAINT_PHOTO_BASE64, COMPLAINT_FIELD_PROBLEMS.photoTooLarge)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'not base64'),
});
export const complaintPhotosInputSchema = z
  .array(complaintPhotoInputSchema)
  .max(MAX_COMPLAINT_PHOTOS, COMPLAINT_FIELD_PROBLEMS.tooManyPhotos);

export const complaintSchema = z.object({
  id: z.number().int(),
  customerId: z.number().int(),
  company: z.string(),
  country: z.string(),
  category: z.string(),
  severity: z.enum(COMPLAINT_SEVERITIES),
  description: z.string(),
  status: z.enum(COMPLAINT_STATUSES),
  owner: z.string(),
  dueBy: z.string(),
  overdue: z.boolean(),
  resolution: z.string(),
  resolvedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  ...complaintDetailsSchema.shape,
});
export type Complaint = z.infer<typeof complaintSchema>;
export const complaintCreateSchema = z.strictObject({
  customerId: z.number().int().positive(),
  category,
  severity: z.enum(COMPLAINT_SEVERITIES),
  description: z.string().trim().min(1, 'describe the complaint').max(5000),
  owner: z.string().trim().max(120).optional(),
  /** The order it is about: one of the same customer's orders. */
  orderId: z.number().int().positive().nullable().optional(),
  /** The amount the customer claims. */
  claim: z
    .strictObject({ amountMinor: z.number().int().positive().max(MAX_CLAIM_MINOR), currency: currencyCodeSchema })
    .nullable()
    .optional(),
  photos: complaintPhotosInputSchema.optional(),
});
/** A customer's orders a complaint can name, newest first, and the base currency (a claim's default without an order). */
export const complaintOrderChoicesSchema = z.object({
  baseCurrency: z.string(),
  orders: z.array(complaintOrderSchema.extend({ product: z.string(), cancelled: z.boolean() })),
  /** More orders than listed (the newest are). */
  more: z.boolean(),
});
export const complaintPhotoContentSchema = complaintPhotoSchema.extend({ complaintId: z.number().int(), contentBase64: z.string() });
export const complaintPatchSchema = z
  .strictObject({
    category,
    severity: z.enum(COMPLAINT_SEVERITIES),
    description: z.string().trim().min(1).max(5000),
    status: z.enum(COMPLAINT_STATUSES),
    owner: z.string().trim().max(120),
    resolution: z.string().trim().max(5000),
  })
  .partial();
