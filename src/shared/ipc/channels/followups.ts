import {
  FOLLOW_UP_BUCKETS,
  FOLLOW_UP_TYPES,
  PLAN_REASONS,
  SNOOZE_DAYS,
  followUpCreateSchema,
  followUpLogSchema,
  followUpPatchSchema,
  followUpSchema,
  planProposalSchema,
  timeZoneSchema,
} from '../../domain/followups';
import { z } from 'zod';
import { channel } from '../channel';

/** Which customers' proposals: the follow-ups page's owner and tier filters. */
const planScope = {
  owner: z.string().trim().max(120).optional(),
  tiers: z
    .array(z.enum(['A', 'B', 'C', 'none']))
    .max(4)
    .default([]),
};

export const followupsChannels = {
  /** What the customer panel shows first: the next open follow-up and the latest inquiry (awaiting a reply or not). */
  'followups.nextStep': channel(
    'read',
    z.strictObject({ customerId: z.number().int().positive() }),
    z.object({
      nextFollowUp: followUpSchema.nullable(),
      lastInquiry: z
        .object({
          id: z.number().int(),
          receivedAt: z.string(),
          subject: z.string(),
          product: z.string(),
          status: z.string(),
          awaitingReply: z.boolean(),
        })
        .nullable(),
    }),
  ),
  'followups.create': channel('write', followUpCreateSchema, followUpSchema),
  /** Logs a touch that already happened (one transaction): the done follow-up, and the next one if planned. */
  'followups.log': channel('write', followUpLogSchema, z.object({ followUp: followUpSchema, next: followUpSchema.nullable() })),
  'followups.update': channel(
    'write',
    z.strictObject({ id: z.number().int().positive(), version: z.number().int().positive(), patch: followUpPatchSchema }),
    followUpSchema,
  ),
  'followups.snooze': channel(
    'write',
    z.strictObject({
      id: z.number().int().positive(),
      version: z.number().int().positive(),
      days: z.union(SNOOZE_DAYS.map((d) => z.literal(d)) as [z.ZodLiteral<1>, z.ZodLiteral<3>, z.ZodLiteral<7>]),
      timeZone: timeZoneSchema,
    }),
    followUpSchema,
  ),
  'followups.complete': channel(
    'write',
    z.strictObject({
      id: z.number().int().positive(),
      version: z.number().int().positive(),
      outcome: z.string().trim().min(1, 'an outcome is required').max(2000),
      timeZone: timeZoneSchema,
    }),
    z.object({
      followUp: followUpSchema,
      /** A proposed next follow-up (not saved): the caller plans it with followups.create if wanted. */
      next: z.object({
        customerId: z.number().int(),
        type: z.enum(FOLLOW_UP_TYPES),
        owner: z.string(),
        dueAt: z.string(),
        inDays: z.number().int(),
      }),
    }),
  ),
  'followups.cancel': channel(
    'write',
    z.strictObject({ id: z.number().int().positive(), version: z.number().int().positive() }),
    followUpSchema,
  ),
  'followups.list': channel(
    'read',
    z.strictObject({
      bucket: z.enum(FOLLOW_UP_BUCKETS),
      timeZone: timeZoneSchema,
      owner: z.string().trim().max(120).optional(),
      customerId: z.number().int().positive().optional(),
      tiers: z
        .array(z.enum(['A', 'B', 'C', 'none']))
        .max(4)
        .default([]),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    z.object({ items: z.array(followUpSchema), more: z.boolean() }),
  ),
  'followups.counts': channel(
    'read',
    z.strictObject({ timeZone: timeZoneSchema, owner: z.string().trim().max(120).optional() }),
    z.object({ overdue: z.number().int(), today: z.number().int(), upcoming: z.number().int() }),
  ),
  'followups.churnRisk': channel(
    'read',
    z.strictObject({ owner: z.string().trim().max(120).optional(), limit: z.number().int().min(1).max(1000).default(100) }),
    z.array(
      z.object({
        customerId: z.number().int(),
        company: z.string(),
        country: z.string(),
        owner: z.string(),
        tier: z.string(),
        segment: z.string(),
        daysSinceOrder: z.number().int(),
        rhythmDays: z.number().int(),
        daysPastRhythm: z.number().int(),
        lastOrderAt: z.string().nullable(),
        revenueMinor: z.number().int(),
        nextFollowUpAt: z.string().nullable(),
      }),
    ),
  ),
  'followups.plan': channel(
    'read',
    z.strictObject({ timeZone: timeZoneSchema, ...planScope, limit: z.number().int().min(1).max(5000).default(200) }),
    z.object({
      total: z.number().int(),
      byReason: z.record(z.enum(PLAN_REASONS), z.number().int()),
      proposals: z.array(planProposalSchema),
    }),
  ),
  /** Plans the current proposals of the chosen reasons, for the owner and tiers shown; returns the new follow-ups' ids (for undo). */
  'followups.applyPlan': channel(
    'write',
    z.strictObject({ timeZone: timeZoneSchema, ...planScope, reasons: z.array(z.enum(PLAN_REASONS)).max(3).default([]) }),
    z.object({ planned: z.number().int(), ids: z.array(z.number().int()) }),
  ),
  /** Takes back a plan just accepted: removes those of its follow-ups still open and untouched (edited ones stay). */
  'followups.undoPlan': channel(
    'write',
    z.strictObject({ ids: z.array(z.number().int().positive()).min(1).max(200_000) }),
    z.object({ removed: z.number().int(), kept: z.number().int() }),
  ),
} as const;
