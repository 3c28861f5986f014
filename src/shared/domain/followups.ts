import { z } from 'zod';
import { isTimeZone } from '../time/zoned';

export const FOLLOW_UP_TYPES = ['call', 'email', 'whatsapp', 'wechat', 'skype', 'visit', 'quotation', 'sample', 'other'] as const;
export type FollowUpType = (typeof FOLLOW_UP_TYPES)[number];
export const FOLLOW_UP_STATUSES = ['open', 'done', 'cancelled'] as const;
/** Which follow-ups a list shows, in the user's local days: before today, today, the next 7 days. */
export const FOLLOW_UP_BUCKETS = ['overdue', 'today', 'upcoming', 'open', 'done'] as const;
export const SNOOZE_DAYS = [1, 3, 7] as const;

/** An IANA time zone the engine can compute local days in ("Asia/Shanghai"). */
export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine((tz) => isTimeZone(tz), 'unknown time zone');

const isoInstant = z.iso.datetime({ offset: true });

export const followUpSchema = z.object({
  id: z.number().int(),
  customerId: z.number().int(),
  company: z.string(),
  country: z.string(),
  tier: z.string(),
  segment: z.string(),
  contactId: z.number().int().nullable(),
  inquiryId: z.number().int().nullable(),
  orderId: z.number().int().nullable(),
  type: z.enum(FOLLOW_UP_TYPES),
  dueAt: z.string(),
  owner: z.string(),
  note: z.string(),
  status: z.enum(FOLLOW_UP_STATUSES),
  outcome: z.string(),
  doneAt: z.string().nullable(),
  source: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

export const followUpCreateSchema = z.strictObject({
  customerId: z.number().int().positive(),
  contactId: z.number().int().positive().nullable().default(null),
  inquiryId: z.number().int().positive().nullable().default(null),
  orderId: z.number().int().positive().nullable().default(null),
  type: z.enum(FOLLOW_UP_TYPES),
  dueAt: isoInstant,
  owner: z.string().trim().max(120).default(''),
  note: z.string().trim().max(5000).default(''),
});

export const followUpPatchSchema = z
  .strictObject({
    type: z.enum(FOLLOW_UP_TYPES),
    dueAt: isoInstant,
    owner: z.string().trim().max(120),
    note: z.string().trim().max(5000),
  })
  .partial();
