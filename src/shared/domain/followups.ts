import { z } from 'zod';
import { isTimeZone } from '../time/zoned';
import { assignmentActivitySchema } from './assignment';
import { ownerChangeDataSchema } from './pool';
import { complaintDetailsSchema } from './relationship';

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

/**
 * A touch that already happened (记录跟进): a call, an e-mail, a message or a visit with its
 * outcome, written as a done follow-up and on the timeline; it may complete an open follow-up of
 * the customer's, and may plan the next step.
 */
export const followUpLogSchema = z.strictObject({
  customerId: z.number().int().positive(),
  type: z.enum(FOLLOW_UP_TYPES),
  outcome: z.string().trim().min(1, 'outcome is required').max(2000),
  /** When it happened (default: now); never later than now. */
  happenedAt: isoInstant.optional(),
  /** The open follow-up this touch was (it is marked done instead of a new one being written). */
  completes: z.strictObject({ id: z.number().int().positive(), version: z.number().int().positive() }).nullable().default(null),
  next: z
    .strictObject({ type: z.enum(FOLLOW_UP_TYPES), dueAt: isoInstant, note: z.string().trim().max(5000).default('') })
    .nullable()
    .default(null),
});

export const followUpPatchSchema = z
  .strictObject({
    type: z.enum(FOLLOW_UP_TYPES),
    dueAt: isoInstant,
    owner: z.string().trim().max(120),
    note: z.string().trim().max(5000),
  })
  .partial();

export const TIMELINE_KINDS = ['inquiry', 'order', 'followup', 'activity', 'need', 'complaint', 'survey', 'import'] as const;
export const timelineEntrySchema = z.object({
  kind: z.enum(TIMELINE_KINDS),
  /** For activities: what happened (followup_done, class_change…). */
  subtype: z.string(),
  at: z.string(),
  summary: z.string(),
  refId: z.number().int().nullable(),
  /** An order's amount in minor units of `currency` (the page formats it); null for other entries. */
  amountMinor: z.number().nullable().default(null),
  currency: z.string().nullable().default(null),
  /** For a complaint's opening: the order it is about, the amount claimed and its photos; null for other entries. */
  complaint: complaintDetailsSchema.nullable().default(null),
  /** For a change of owner (activities owner_claim, owner_release, owner_rule, owner_transfer): from whom to whom, by whom, and the rule; null for other entries. */
  ownerChange: ownerChangeDataSchema.nullable().default(null),
  /** For an assignment by the lead assignment rules (activities owner_assign): to whom and the rule that fired; null for other entries. */
  assignment: assignmentActivitySchema.nullable().default(null),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/** When the engine proposes follow-ups for customers that have none planned (settings key "cadenceRules"). */
export const cadenceRulesSchema = z.strictObject({
  /** Days between touches by value tier; 0 switches a tier off. */
  tierDays: z
    .strictObject({
      A: z.number().int().min(0).max(365).default(14),
      B: z.number().int().min(0).max(365).default(30),
      C: z.number().int().min(0).max(365).default(90),
      none: z.number().int().min(0).max(365).default(0),
    })
    .prefault({}),
  /** An inquiry with no completed follow-up after it for this many days gets one (0 = off). */
  unansweredInquiryDays: z.number().int().min(0).max(60).default(2),
  /** A quotation sent (a completed "quotation" follow-up) with no reply for this many days gets one (0 = off). */
  quotationNoReplyDays: z.number().int().min(0).max(60).default(5),
});
export type CadenceRules = z.output<typeof cadenceRulesSchema>;
export const PLAN_REASONS = ['inquiry', 'quotation', 'cadence'] as const;
export const planProposalSchema = z.object({
  customerId: z.number().int(),
  company: z.string(),
  tier: z.string(),
  owner: z.string(),
  type: z.enum(FOLLOW_UP_TYPES),
  dueAt: z.string(),
  reason: z.enum(PLAN_REASONS),
});
export type PlanProposal = z.infer<typeof planProposalSchema>;
