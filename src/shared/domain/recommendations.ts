import { z } from 'zod';

/**
 * Recommendations from what buyers asked for and bought (#21 item 5). A cohort is the customers of
 * one industry in one region (UN M49 sub-region); when a customer's cohort has too few other buyers
 * it widens to the industry anywhere, then to the region. Products are catalogue products where a
 * purchase matches one (by Alibaba id, SKU or name), else the product text as written.
 */
export const cohortSchema = z.object({
  industry: z.string(),
  region: z.object({ code: z.string(), name: z.object({ en: z.string(), zh: z.string() }) }),
  /** 'both': industry and region; 'industry': any region; 'region': any industry. */
  scope: z.enum(['both', 'industry', 'region']),
  /** Other customers of the cohort who bought anything. */
  buyers: z.number().int(),
});
export type Cohort = z.infer<typeof cohortSchema>;

const productRefSchema = z.object({
  productId: z.number().int().nullable(),
  sku: z.string().nullable(),
  nameEn: z.string().nullable(),
  nameZh: z.string().nullable(),
  /** The product as a purchase wrote it (the catalogue's name when matched). */
  text: z.string(),
});
export type ProductRef = z.infer<typeof productRefSchema>;

export const productSuggestionSchema = productRefSchema.extend({
  /** Cohort buyers who bought it. */
  buyers: z.number().int(),
  /** Of those, the ones who also bought one of this customer's products… */
  alsoBoughtBuyers: z.number().int(),
  /** …and that product (the one most of them share with this customer), or null. */
  alsoBought: productRefSchema.nullable(),
});
export type ProductSuggestion = z.infer<typeof productSuggestionSchema>;

export const customerRecommendationsSchema = z.object({
  /** Null when the customer has no industry and no known country (nothing to compare with). */
  cohort: cohortSchema.nullable(),
  items: z.array(productSuggestionSchema),
});
export type CustomerRecommendations = z.infer<typeof customerRecommendationsSchema>;

export const likelyBuyerSchema = z.object({
  customerId: z.number().int(),
  company: z.string(),
  country: z.string(),
  industry: z.string(),
  owner: z.string(),
  /** Buyers of the product in this customer's cohort (industry and region), and the cohort's size. */
  cohortBuyers: z.number().int(),
  cohortSize: z.number().int(),
  region: z.object({ code: z.string(), name: z.object({ en: z.string(), zh: z.string() }) }),
});
export type LikelyBuyer = z.infer<typeof likelyBuyerSchema>;

export const productProspectsSchema = z.object({
  product: productRefSchema,
  /** Customers who bought it. */
  buyers: z.number().int(),
  items: z.array(likelyBuyerSchema),
});
export type ProductProspects = z.infer<typeof productProspectsSchema>;
