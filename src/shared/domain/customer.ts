import { z } from 'zod';

/** Enumerations shared by the database, the services and the UI. Stored as these slugs. */
export const BUSINESS_TYPES = [
  'factory',
  'trading_company',
  'wholesaler',
  'retailer',
  'sourcing_agent',
  'online_retailer',
  'other',
] as const;
export const SCALES = ['micro', 'small', 'medium', 'large', 'enterprise'] as const;
export const LIFECYCLE_STAGES = ['inquiry', 'sample', 'first_order', 'repeat', 'key_account', 'dormant', 'lost'] as const;
export const PRIORITIES = ['high', 'medium', 'low'] as const;

export type BusinessType = (typeof BUSINESS_TYPES)[number];
export type Scale = (typeof SCALES)[number];
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];
export type Priority = (typeof PRIORITIES)[number];

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

export const contactInputSchema = z.strictObject({
  name: text(200).default(''),
  title: text(200).default(''),
  email: emailSchema.default(''),
  phone: text(60).default(''),
  mobile: text(60).default(''),
  whatsapp: text(60).default(''),
  wechat: text(60).default(''),
  skype: text(100).default(''),
  language: text(20).default(''),
  isPrimary: z.boolean().default(false),
});
export type ContactInput = z.input<typeof contactInputSchema>;

export const customerFieldsSchema = z.strictObject({
  company: text(300).min(1, 'company is required'),
  country: countryCode.default(''),
  city: text(120).default(''),
  website: text(300).default(''),
  industry: text(120).default(''),
  businessType: z.union([z.enum(BUSINESS_TYPES), z.literal('')]).default(''),
  scale: z.union([z.enum(SCALES), z.literal('')]).default(''),
  source: text(120).default(''),
  owner: text(120).default(''),
  lifecycleOverride: z.enum(LIFECYCLE_STAGES).nullable().default(null),
  priority: z.enum(PRIORITIES).nullable().default(null),
  tags: z.array(tagSchema).max(50).default([]),
  notes: text(20_000).default(''),
});

export const customerCreateSchema = customerFieldsSchema.extend({
  contacts: z.array(contactInputSchema).max(100).default([]),
});
export type CustomerCreateInput = z.input<typeof customerCreateSchema>;
export type CustomerCreate = z.output<typeof customerCreateSchema>;

export const customerPatchSchema = customerFieldsSchema.partial();
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
  city: z.string(),
  industry: z.string(),
  businessType: z.string(),
  scale: z.string(),
  source: z.string(),
  owner: z.string(),
  lifecycleStage: z.enum(LIFECYCLE_STAGES),
  lifecycleOverride: z.enum(LIFECYCLE_STAGES).nullable(),
  priority: z.enum(PRIORITIES).nullable(),
  primaryEmail: z.string(),
  tags: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  archivedAt: z.string().nullable(),
  version: z.number().int(),
});
export type CustomerRow = z.infer<typeof customerRowSchema>;

export const customerDetailSchema = customerRowSchema.extend({
  website: z.string(),
  notes: z.string(),
  contacts: z.array(contactSchema),
});
export type CustomerDetail = z.infer<typeof customerDetailSchema>;

/** Grid sorting: every key has an index (see db/migrations/0001_core.ts). */
export const CUSTOMER_SORT_KEYS = ['company', 'country', 'industry', 'owner', 'createdAt', 'updatedAt'] as const;
export type CustomerSortKey = (typeof CUSTOMER_SORT_KEYS)[number];

export const customerFilterSchema = z.strictObject({
  search: text(200).default(''),
  countries: z.array(countryCode).max(300).default([]),
  industries: z.array(text(120)).max(200).default([]),
  owners: z.array(text(120)).max(200).default([]),
  lifecycleStages: z.array(z.enum(LIFECYCLE_STAGES)).max(10).default([]),
  priorities: z.array(z.enum(PRIORITIES)).max(3).default([]),
  tag: text(40).default(''),
  archived: z.enum(['active', 'archived', 'all']).default('active'),
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
