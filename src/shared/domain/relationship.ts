import { z } from 'zod';

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
});
export type Complaint = z.infer<typeof complaintSchema>;
export const complaintCreateSchema = z.strictObject({
  customerId: z.number().int().positive(),
  category,
  severity: z.enum(COMPLAINT_SEVERITIES),
  description: z.string().trim().min(1, 'describe the complaint').max(5000),
  owner: z.string().trim().max(120).optional(),
});
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
