import { z } from 'zod';
import { currencyCodeSchema } from './classification';

/**
 * Opportunities (商机, "deals", #21): a deal moves inquiry → quoted → sample → negotiation and
 * closes as won (the order it created is linked) or lost (with a reason). Kept in `opportunities`
 * (migration 0022).
 */
export const DEAL_STAGES = ['inquiry', 'quoted', 'sample', 'negotiation', 'won', 'lost'] as const;
export type DealStage = (typeof DEAL_STAGES)[number];
export const OPEN_DEAL_STAGES = ['inquiry', 'quoted', 'sample', 'negotiation'] as const;
export type OpenDealStage = (typeof OPEN_DEAL_STAGES)[number];
export const LOST_REASONS = ['price', 'quality', 'lead_time', 'competitor', 'no_response', 'no_budget', 'requirements', 'other'] as const;
export type LostReason = (typeof LOST_REASONS)[number];

export const isOpenStage = (s: DealStage): s is OpenDealStage => s !== 'won' && s !== 'lost';
/** The order of the open stages (a deal is "at least quoted" from quoted on). */
export const stageRank = (s: OpenDealStage): number => OPEN_DEAL_STAGES.indexOf(s);

/** YYYY-MM-DD that is a real day. */
export const isoDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day is YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a day');

const title = z.string().trim().min(1).max(200);
const amountMinor = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const owner = z.string().trim().max(120);

export const dealSchema = z.object({
  id: z.number().int(),
  customerId: z.number().int(),
  company: z.string(),
  inquiryId: z.number().int().nullable(),
  orderId: z.number().int().nullable(),
  title: z.string(),
  stage: z.enum(DEAL_STAGES),
  amountMinor: z.number().int(),
  currency: z.string(),
  expectedClose: z.string().nullable(),
  lostReason: z.enum(LOST_REASONS).nullable(),
  lostNote: z.string().nullable(),
  owner: z.string(),
  stageChangedAt: z.string(),
  lastActivityAt: z.string(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
  /** Open and without activity for the stale threshold's days. */
  stale: z.boolean(),
});
export type Deal = z.infer<typeof dealSchema>;

/** A new deal: for a customer, or from one of their inquiries (then title and amount are proposed from it). */
export const dealCreateSchema = z
  .strictObject({
    customerId: z.number().int().positive().optional(),
    inquiryId: z.number().int().positive().optional(),
    title: title.optional(),
    amountMinor: amountMinor.optional(),
    currency: currencyCodeSchema.optional(),
    expectedClose: isoDaySchema.nullable().optional(),
    stage: z.enum(OPEN_DEAL_STAGES).default('inquiry'),
    owner: owner.optional(),
  })
  .refine((v) => v.customerId !== undefined || v.inquiryId !== undefined, { message: 'a deal needs a customer or an inquiry' });
export type DealCreate = z.output<typeof dealCreateSchema>;

export const dealPatchSchema = z
  .strictObject({ title, amountMinor, currency: currencyCodeSchema, expectedClose: isoDaySchema.nullable(), owner })
  .partial();

export const dealMoveSchema = z.strictObject({
  id: z.number().int().positive(),
  version: z.number().int().positive(),
  stage: z.enum(DEAL_STAGES),
  /** Required for lost (refused with DEAL_LOST_REASON_REQUIRED otherwise). */
  lostReason: z.enum(LOST_REASONS).optional(),
  lostNote: z.string().trim().max(2000).optional(),
});

/** What a deal from an inquiry would start with (the dialog shows it before saving). */
export const dealProposalSchema = z.object({
  customerId: z.number().int(),
  company: z.string(),
  title: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
  owner: z.string(),
  /** The catalogue product whose price tier gave the amount, if any. */
  productSku: z.string().nullable(),
});

/** Settings key "pipeline": win probability per stage (percent) and the days without activity after which an open deal is stale. */
export const pipelineSettingsSchema = z.strictObject({
  probabilities: z
    .strictObject({
      inquiry: z.number().int().min(0).max(100).default(10),
      quoted: z.number().int().min(0).max(100).default(25),
      sample: z.number().int().min(0).max(100).default(40),
      negotiation: z.number().int().min(0).max(100).default(60),
      won: z.number().int().min(0).max(100).default(100),
      lost: z.number().int().min(0).max(100).default(0),
    })
    .prefault({}),
  staleDays: z.number().int().min(1).max(365).default(14),
  /** Won and lost columns show the deals closed in the last so many days. */
  closedDays: z.number().int().min(1).max(3650).default(30),
});
export type PipelineSettings = z.output<typeof pipelineSettingsSchema>;

const uncountedSchema = z.array(z.object({ currency: z.string(), deals: z.number().int() }));

export const boardColumnSchema = z.object({
  stage: z.enum(DEAL_STAGES),
  count: z.number().int(),
  /** In base-currency minor units, over the deals whose currency has a rate. */
  totalMinor: z.number().int(),
  weightedMinor: z.number().int(),
  probability: z.number().int(),
  /** Deals left out of the totals: no rate for their currency. */
  uncounted: uncountedSchema,
});
export type BoardColumn = z.infer<typeof boardColumnSchema>;

export const pipelineTotalsSchema = z.object({
  base: z.string(),
  columns: z.array(boardColumnSchema),
  /** Open deals only. */
  openTotalMinor: z.number().int(),
  openWeightedMinor: z.number().int(),
  uncountedDeals: z.number().int(),
  closedDays: z.number().int(),
});
export type PipelineTotals = z.infer<typeof pipelineTotalsSchema>;

export const pipelineBoardSchema = pipelineTotalsSchema.extend({
  /** The cards per stage (most recently active first, at most `limit` per column). */
  cards: z.record(z.string(), z.array(dealSchema)),
  staleDays: z.number().int(),
});
export type PipelineBoard = z.infer<typeof pipelineBoardSchema>;
