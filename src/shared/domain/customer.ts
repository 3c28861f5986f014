import { z } from 'zod';

import { BUSINESS_TYPES, CUSTOMER_SORT_KEYS, LIFECYCLE_STAGES, PRIORITIES, SCALES } from './customer-enums';
import { CHURN_STATUSES, RFM_SEGMENTS, VALUE_MATRIX, VALUE_TIERS } from './classification-enums';

export * from './customer-enums';

const text = (max: number) => z.string().trim().max(max);
/** ISO 3166-1 alpha-2 in upper case, or '' for unknown. Names are resolved before this point. */
export const countryCode = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.union([z.literal(''), z.string().regex(/^[A-Z]{2}$/, 'country must be an ISO 3166-1 alpha-2 code')]));

export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .transform((s) => s.toLowerCase())
  .pipe(z.union([z.literal(''), z.email()]));

export const tagSchema = z.string().trim().min(1).max(40);

/**
 * Field shapes are declared without defaults, so a patch (`.partial()` of the shape) leaves an
 * absent field absent; the create schemas add the defaults.
 */
const contactShape = {
  name: text(200),
  title: text(200),
  email: emailSchema,
  phone: text(60),
  mobile: text(60),
  whatsapp: text(60),
  wechat: text(60),
  skype: text(100),
  language: text(20),
  isPrimary: z.boolean(),
};

export const contactInputSchema = z.strictObject({
  name: contactShape.name.default(''),
  title: contactShape.title.default(''),
  email: contactShape.email.default(''),
  phone: contactShape.phone.default(''),
  mobile: contactShape.mobile.default(''),
  whatsapp: contactShape.whatsapp.default(''),
  wechat: contactShape.wechat.default(''),
  skype: contactShape.skype.default(''),
  language: contactShape.language.default(''),
  isPrimary: contactShape.isPrimary.default(false),
});
export const contactPatchSchema = z.strictObject(contactShape).partial();
export type ContactInput = z.input<typeof contactInputSchema>;

const customerShape = {
  company: text(300).min(1, 'company is required'),
  country: countryCode,
  city: text(120),
  website: text(300),
  industry: text(120),
  businessType: z.union([z.enum(BUSINESS_TYPES), z.literal('')]),
  scale: z.union([z.enum(SCALES), z.literal('')]),
  source: text(120),
  owner: text(120),
  lifecycleOverride: z.enum(LIFECYCLE_STAGES).nullable(),
  priority: z.enum(PRIORITIES).nullable(),
  /** A potential score set by hand (0–100) wins over the computed one; null = computed. */
  potentialOverride: z.number().int().min(0).max(100).nullable(),
  tags: z.array(tagSchema).max(50),
  notes: text(20_000),
};

export const customerFieldsSchema = z.strictObject({
  company: customerShape.company,
  country: customerShape.country.default(''),
  city: customerShape.city.default(''),
  website: customerShape.website.default(''),
  industry: customerShape.industry.default(''),
  businessType: customerShape.businessType.default(''),
  scale: customerShape.scale.default(''),
  source: customerShape.source.default(''),
  owner: customerShape.owner.default(''),
  lifecycleOverride: customerShape.lifecycleOverride.default(null),
  priority: customerShape.priority.default(null),
  potentialOverride: customerShape.potentialOverride.default(null),
  tags: customerShape.tags.default([]),
  notes: customerShape.notes.default(''),
});

export const customerCreateSchema = customerFieldsSchema.extend({
  contacts: z.array(contactInputSchema).max(100).default([]),
});
export type CustomerCreateInput = z.input<typeof customerCreateSchema>;
export type CustomerCreate = z.output<typeof customerCreateSchema>;

export const customerPatchSchema = z.strictObject(customerShape).partial();
export type CustomerPatch = z.output<typeof customerPatchSchema>;

export const contactSchema = z.object({
  id: z.number().int(),
  customerId: z.number().int(),
  name: z.string(),
  title: z.string(),
  email: z.string(),
  phone: z.string(),
  mobile: z.string(),
  whatsapp: z.string(),
  wechat: z.string(),
  skype: z.string(),
  language: z.string(),
  isPrimary: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Contact = z.infer<typeof contactSchema>;

export const customerRowSchema = z.object({
  id: z.number().int(),
  company: z.string(),
  country: z.string(),
  /** The country as imported when it was not recognised (country is then ''); '' otherwise. */
  countryText: z.string(),
  city: z.string(),
  /**
   * The country's main time zone (the grid's local time; the customer panel also weighs the city),
   * and whether the country has zones of other offsets; null without a known country.
   */
  localZone: z.object({ zone: z.string(), several: z.boolean() }).nullable(),
  industry: z.string(),
  businessType: z.string(),
  scale: z.string(),
  source: z.string(),
  owner: z.string(),
  lifecycleStage: z.enum(LIFECYCLE_STAGES),
  lifecycleOverride: z.enum(LIFECYCLE_STAGES).nullable(),
  priority: z.enum(PRIORITIES).nullable(),
  primaryEmail: z.string(),
  /** The main contact (the primary one, else the first): name, phone (else mobile) and WhatsApp; '' when none. */
  mainContact: z.object({ name: z.string(), phone: z.string(), whatsapp: z.string() }),
  /** When the latest inquiry was received; null without inquiries. */
  lastInquiryAt: z.string().nullable(),
  /** When the earliest open follow-up is due (overdue when past); null when none is open. */
  nextFollowUpAt: z.string().nullable(),
  tags: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  archivedAt: z.string().nullable(),
  version: z.number().int(),
  /** Classes from the last classification run (see src/main/classify). */
  classes: z.object({
    /** UN M49 continent and region codes ('' = unknown country). */
    continent: z.string(),
    region: z.string(),
    segment: z.union([z.enum(RFM_SEGMENTS), z.literal('none')]),
    recencyDays: z.number().int().nullable(),
    frequency: z.number().int(),
    /** Base currency minor units, in the RFM window. */
    monetaryMinor: z.number().int(),
    /** Base currency minor units, in the tier window. */
    revenueMinor: z.number().int(),
    rScore: z.number().int().nullable(),
    fScore: z.number().int().nullable(),
    mScore: z.number().int().nullable(),
    tier: z.union([z.enum(VALUE_TIERS), z.literal('none')]),
    potential: z.number().int(),
    potentialOverridden: z.boolean(),
    matrix: z.enum(VALUE_MATRIX),
    churn: z.union([z.enum(CHURN_STATUSES), z.literal('none')]),
    /** The customer's usual days between orders (the churn yardstick); null without orders. */
    rhythmDays: z.number().int().nullable(),
    orderCount: z.number().int(),
    lastOrderAt: z.string().nullable(),
    suggestedPriority: z.enum(PRIORITIES),
    classifiedAt: z.string().nullable(),
  }),
});
export type CustomerRow = z.infer<typeof customerRowSchema>;

export const customerDetailSchema = customerRowSchema.extend({
  website: z.string(),
  notes: z.string(),
  contacts: z.array(contactSchema),
});
export type CustomerDetail = z.infer<typeof customerDetailSchema>;

export const customerFilterSchema = z.strictObject({
  search: text(200).default(''),
  countries: z.array(countryCode).max(300).default([]),
  industries: z.array(text(120)).max(200).default([]),
  owners: z.array(text(120)).max(200).default([]),
  lifecycleStages: z.array(z.enum(LIFECYCLE_STAGES)).max(10).default([]),
  /** Matches the priority set by hand, else the suggested one (as the priority board groups). */
  priorities: z.array(z.enum(PRIORITIES)).max(3).default([]),
  tag: text(40).default(''),
  archived: z.enum(['active', 'archived', 'all']).default('active'),
  /** UN M49 codes (continent, region); '' = customers without a known country. */
  continents: z
    .array(z.string().regex(/^(\d{3})?$/))
    .max(10)
    .default([]),
  regions: z
    .array(z.string().regex(/^(\d{3})?$/))
    .max(40)
    .default([]),
  businessTypes: z
    .array(z.union([z.enum(BUSINESS_TYPES), z.literal('')]))
    .max(10)
    .default([]),
  scales: z
    .array(z.union([z.enum(SCALES), z.literal('')]))
    .max(10)
    .default([]),
  segments: z
    .array(z.union([z.enum(RFM_SEGMENTS), z.literal('none')]))
    .max(11)
    .default([]),
  tiers: z
    .array(z.union([z.enum(VALUE_TIERS), z.literal('none')]))
    .max(4)
    .default([]),
  matrix: z.array(z.enum(VALUE_MATRIX)).max(4).default([]),
  churn: z
    .array(z.union([z.enum(CHURN_STATUSES), z.literal('none')]))
    .max(4)
    .default([]),
  /** Only customers whose imported country was not recognised (kept as written, no ISO code). */
  countryUnrecognised: z.boolean().default(false),
  /**
   * Only customers in their working hours now (a good time to call): their country's working day
   * and 09:00–18:00 in its main time zone, not a public holiday (shared/domain/buyer-time).
   */
  workingHoursNow: z.boolean().default(false),
});
export type CustomerFilter = z.output<typeof customerFilterSchema>;
export type CustomerFilterInput = z.input<typeof customerFilterSchema>;

export const customerSortSchema = z.strictObject({
  key: z.enum(CUSTOMER_SORT_KEYS).default('company'),
  dir: z.enum(['asc', 'desc']).default('asc'),
});
export type CustomerSort = z.output<typeof customerSortSchema>;

/** A keyset cursor: the sort value and id of the last row seen. */
export const cursorSchema = z.strictObject({
  value: z.union([z.string().max(400), z.number()]),
  id: z.number().int(),
});
export type Cursor = z.infer<typeof cursorSchema>;
