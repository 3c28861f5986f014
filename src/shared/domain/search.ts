import { z } from 'zod';

/** Global search (Ctrl/Cmd+K): what the palette asks for and the groups it shows. */
export const GLOBAL_SEARCH_MAX_QUERY = 200;
export const GLOBAL_SEARCH_DEFAULT_LIMIT = 8;

export const globalSearchInputSchema = z.strictObject({
  query: z.string().trim().max(GLOBAL_SEARCH_MAX_QUERY),
  /** Results per group. */
  limit: z.number().int().min(1).max(50).default(GLOBAL_SEARCH_DEFAULT_LIMIT),
});

/** The contact field a search term was found in (the palette shows that one). */
export const CONTACT_MATCH_FIELDS = ['name', 'email', 'phone', 'mobile', 'whatsapp', 'wechat', 'skype'] as const;
export type ContactMatchField = (typeof CONTACT_MATCH_FIELDS)[number];

const customerHit = z.object({
  id: z.number().int(),
  company: z.string(),
  country: z.string(),
  owner: z.string(),
  valueTier: z.string(),
  archived: z.boolean(),
});

const contactHit = z.object({
  id: z.number().int(),
  customerId: z.number().int(),
  company: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string(),
  /** Where the term was found, and that field's text. */
  matchedField: z.enum(CONTACT_MATCH_FIELDS),
  matchedText: z.string(),
  archived: z.boolean(),
});

const inquiryHit = z.object({
  id: z.number().int(),
  externalId: z.string(),
  customerId: z.number().int(),
  company: z.string(),
  receivedAt: z.string(),
  subject: z.string(),
  product: z.string(),
  archived: z.boolean(),
});

const orderHit = z.object({
  id: z.number().int(),
  externalNo: z.string(),
  customerId: z.number().int(),
  company: z.string(),
  orderedAt: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
  product: z.string(),
  archived: z.boolean(),
});

/** A country whose name (in English or Chinese, or as the import reads it) matches: its active customers. */
const countryHit = z.object({ code: z.string(), customers: z.number().int() });

/** One group of hits; `more` when there were more than the limit. */
const group = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), more: z.boolean() });

export const globalSearchResultSchema = z.object({
  query: z.string(),
  countries: group(countryHit),
  customers: group(customerHit),
  contacts: group(contactHit),
  inquiries: group(inquiryHit),
  orders: group(orderHit),
});

export type GlobalSearchInput = z.input<typeof globalSearchInputSchema>;
export type GlobalSearchResult = z.output<typeof globalSearchResultSchema>;
export type CountryHit = z.output<typeof countryHit>;
export type CustomerHit = z.output<typeof customerHit>;
export type ContactHit = z.output<typeof contactHit>;
export type InquiryHit = z.output<typeof inquiryHit>;
export type OrderHit = z.output<typeof orderHit>;
