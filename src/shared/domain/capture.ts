import { z } from 'zod';
import { countryCode, emailSchema } from './customer';
import { followUpSchema, timeZoneSchema } from './followups';

/**
 * Booth quick capture: a lead typed in seconds at a trade fair, checked against the customers
 * already known (the import's matching rules) while it is typed, and saved with its fair tag,
 * rating, an optional photo of the business card and a proposed follow-up.
 */
export const LEAD_RATINGS = ['hot', 'warm', 'cold'] as const;
export type LeadRating = (typeof LEAD_RATINGS)[number];

/** Days until the proposed follow-up (at 10:00 local time) by rating. */
export const FOLLOW_UP_DAYS_BY_RATING: Record<LeadRating, number> = { hot: 1, warm: 3, cold: 7 };

/** Why an existing customer may be the same company, strongest first. */
export const DUPLICATE_REASONS = ['email', 'phone', 'domain', 'company', 'similarName'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

/** A business-card photo: at most 8 MB, JPEG, PNG, WebP or HEIC (recognised by its bytes, not its name). */
export const MAX_CARD_BYTES = 8 * 1024 * 1024;
/** The same limit as base64 text (4 characters per 3 bytes). */
export const MAX_CARD_BASE64 = Math.ceil(MAX_CARD_BYTES / 3) * 4;
export const CARD_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic'] as const;
export type CardMimeType = (typeof CARD_MIME_TYPES)[number];

/** The fair's name is also a customer tag; tags are at most 40 characters. */
export const FAIR_TAG_MAX = 40;

const text = (max: number) => z.string().trim().max(max);

/** What the form has typed so far; any field may be partial or empty. */
export const duplicateQuerySchema = z.strictObject({
  company: z.string().max(300).default(''),
  country: countryCode.default(''),
  email: z.string().max(254).default(''),
  phone: z.string().max(60).default(''),
  limit: z.number().int().min(1).max(20).default(5),
});

export const duplicateMatchSchema = z.object({
  customerId: z.number().int(),
  company: z.string(),
  country: z.string(),
  owner: z.string(),
  archived: z.boolean(),
  /** Every reason found for this customer, strongest first. */
  reasons: z.array(z.enum(DUPLICATE_REASONS)).min(1),
});
export type DuplicateMatch = z.infer<typeof duplicateMatchSchema>;

export const cardPhotoSchema = z.strictObject({
  fileName: z.string().trim().min(1).max(260),
  contentBase64: z
    .string()
    .min(1)
    .max(MAX_CARD_BASE64)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'not base64'),
});

export const captureSaveSchema = z.strictObject({
  company: text(300).min(1, 'company is required'),
  name: text(200).default(''),
  country: countryCode.default(''),
  email: emailSchema.default(''),
  phone: text(60).default(''),
  whatsapp: text(60).default(''),
  wechat: text(60).default(''),
  productInterest: text(300).default(''),
  rating: z.enum(LEAD_RATINGS).default('warm'),
  note: text(5000).default(''),
  owner: text(120).default(''),
  /** Today's fair ('' when the user skipped it: no fair tag, source "Trade fair"). */
  fair: text(120).default(''),
  card: cardPhotoSchema.nullable().default(null),
  /** Add the lead (a contact and an inquiry) to this existing customer instead of creating one. */
  addToCustomerId: z.number().int().positive().nullable().default(null),
  /** The user's zone: the follow-up is proposed at 10:00 local time and "today" is their day. */
  timeZone: timeZoneSchema,
});
export type CaptureSaveInput = z.output<typeof captureSaveSchema>;

export const captureSavedSchema = z.object({
  customerId: z.number().int(),
  company: z.string(),
  /** false when the lead was added to an existing customer. */
  created: z.boolean(),
  contactId: z.number().int().nullable(),
  inquiryId: z.number().int(),
  fileId: z.number().int().nullable(),
  followUp: followUpSchema,
  leadsToday: z.number().int(),
});

export const captureStatsSchema = z.object({ leadsToday: z.number().int() });
