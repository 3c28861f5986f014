/**
 * Enumerations shared by the database, the services and the UI, stored as these slugs.
 * Kept free of zod so the renderer can import them without the schema library.
 */
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

/** Grid sorting: every key has an index (see db/migrations/0001_core.ts). */
/** localTime: the good time to call now (customers in their working hours first, then by how soon their day starts). */
export const CUSTOMER_SORT_KEYS = [
  'company',
  'country',
  'localTime',
  'industry',
  'owner',
  'createdAt',
  'updatedAt',
  'revenue',
  'lastOrder',
] as const;
export type CustomerSortKey = (typeof CUSTOMER_SORT_KEYS)[number];
