import { z } from 'zod';
import { BOARD_DIMENSIONS, CHURN_STATUSES, DEFAULT_SEGMENT_GRID, RFM_SEGMENTS, VALUE_MATRIX, VALUE_TIERS } from './classification-enums';
import { customerFilterSchema } from './customer';

export * from './classification-enums';

const segment = z.enum(RFM_SEGMENTS);
const localName = z.strictObject({ en: z.string().trim().max(40).default(''), zh: z.string().trim().max(40).default('') });

/**
 * The classification rules, edited in Settings and saved as numbered versions. Every field has
 * a default, so `classificationRulesSchema.parse({})` is the default rule set.
 */
export const classificationRulesSchema = z
  .strictObject({
    rfm: z
      .strictObject({
        /** Months of orders that count for frequency and monetary; 0 = all history. Recency is always since the last order. */
        windowMonths: z.number().int().min(0).max(240).default(12),
        /** grid[r-1][f-1] is the segment of recency score r and frequency score f. */
        grid: z
          .array(z.array(segment).length(5))
          .length(5)
          .default(DEFAULT_SEGMENT_GRID.map((row) => [...row])),
      })
      .prefault({}),
    /** Custom display names per segment (blank = the built-in name). */
    segmentNames: z.partialRecord(segment, localName).default({}),
    tiers: z
      .strictObject({
        /** Months of revenue that make a customer's contribution. */
        windowMonths: z.number().int().min(1).max(240).default(12),
        /** A = the customers who together make the first aShare of revenue; B the next bShare; C the rest. */
        aShare: z.number().gt(0).lt(1).default(0.8),
        bShare: z.number().gt(0).lt(1).default(0.15),
      })
      .prefault({}),
    potential: z
      .strictObject({
        /** Inquiries in this many days count as recent activity. */
        inquiryDays: z.number().int().min(1).max(730).default(90),
        /** This many recent inquiries earn the full inquiry weight. */
        inquiryCap: z.number().int().min(1).max(100).default(5),
        /** Points per component; they sum to the 0–100 score. */
        weights: z
          .strictObject({
            inquiries: z.number().min(0).max(100).default(35),
            scale: z.number().min(0).max(100).default(20),
            buyerLevel: z.number().min(0).max(100).default(15),
            growth: z.number().min(0).max(100).default(30),
          })
          .prefault({}),
        /** Potential at or above this is "high" in the value × potential matrix. */
        highMin: z.number().min(0).max(100).default(40),
        /**
         * Open deals (#21): points added on top of the weighted score (capped at 100) for the
         * customer's open pipeline, weighted by each stage's win probability; 0 turns it off…
         */
        pipelinePoints: z.number().min(0).max(100).default(25),
        /** …earned in full at this open weighted pipeline, in the base currency's major units. */
        pipelineFull: z.number().gt(0).max(1e12).default(50_000),
      })
      .prefault({}),
    matrix: z
      .strictObject({
        /** Tiers that count as high value in the value × potential matrix. */
        highValueTiers: z.array(z.enum(VALUE_TIERS)).min(1).max(3).default(['A']),
      })
      .prefault({}),
    churn: z
      .strictObject({
        /** Days since the last order beyond this multiple of the usual gap warn… */
        warnMultiplier: z.number().min(1).max(20).default(1.5),
        /** …and beyond this multiple mark the customer lost. */
        lostMultiplier: z.number().min(1).max(50).default(3),
        /** The usual gap is never taken as shorter than this (several orders in one week are one rhythm). */
        minGapDays: z.number().int().min(1).max(365).default(7),
        /** Used for one-order customers when the firm has no repeat buyers to take a median from. */
        fallbackGapDays: z.number().int().min(1).max(3650).default(180),
      })
      .prefault({}),
    lifecycle: z
      .strictObject({
        /** A customer in one of these tiers with at least keyAccountMinOrders orders is a key account. */
        keyAccountTiers: z.array(z.enum(VALUE_TIERS)).min(1).max(3).default(['A']),
        keyAccountMinOrders: z.number().int().min(1).max(1000).default(3),
      })
      .prefault({}),
  })
  .superRefine((r, ctx) => {
    if (r.tiers.aShare + r.tiers.bShare >= 1) {
      ctx.addIssue({ code: 'custom', path: ['tiers', 'bShare'], message: 'tier A and B shares must add up to less than 100%' });
    }
    if (r.churn.lostMultiplier <= r.churn.warnMultiplier) {
      ctx.addIssue({
        code: 'custom',
        path: ['churn', 'lostMultiplier'],
        message: 'the lost multiple must be larger than the warning multiple',
      });
    }
    const w = r.potential.weights;
    if (w.inquiries + w.scale + w.buyerLevel + w.growth <= 0) {
      ctx.addIssue({ code: 'custom', path: ['potential', 'weights'], message: 'at least one potential weight must be above zero' });
    }
  });
export type ClassificationRules = z.output<typeof classificationRulesSchema>;
export type ClassificationRulesInput = z.input<typeof classificationRulesSchema>;

export const DEFAULT_RULES: ClassificationRules = classificationRulesSchema.parse({});

/** ISO 4217 code. */
export const currencyCodeSchema = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{3}$/, 'currency must be a 3-letter ISO 4217 code'));

/** Base currency and how many base units one unit of each other currency is worth. */
export const currencySettingsSchema = z.strictObject({
  base: currencyCodeSchema.default('USD'),
  rates: z.record(currencyCodeSchema, z.number().positive().max(1e9)).default({}),
});
export type CurrencySettings = z.output<typeof currencySettingsSchema>;

const countsByClass = z.record(z.string(), z.number().int());
export const classificationRunSchema = z.object({
  id: z.number().int(),
  trigger: z.enum(['manual', 'import', 'undo', 'rules']),
  startedAt: z.string(),
  durationMs: z.number().int(),
  rulesVersion: z.number().int(),
  asOf: z.string(),
  customers: z.number().int(),
  /** Customers per class, per dimension. */
  counts: z.record(z.string(), countsByClass),
  /** Customers that changed class since the previous run, per dimension: "from→to" → n. */
  moves: z.record(z.string(), countsByClass),
  moved: z.number().int(),
  /** Orders left out of monetary value because their currency has no exchange rate. */
  missingRates: countsByClass,
});
export type ClassificationRun = z.infer<typeof classificationRunSchema>;

/** A customer card on a board. */
export const boardCardSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  company: z.string(),
  country: z.string(),
  owner: z.string(),
  tier: z.string(),
  segment: z.string(),
  lifecycle: z.string(),
  lifecycleOverridden: z.boolean(),
  priority: z.string().nullable(),
  suggestedPriority: z.string(),
  revenueMinor: z.number().int(),
  lastOrderAt: z.string().nullable(),
  nextFollowUpAt: z.string().nullable(),
  /** The customer's usual days between orders, and days since the last one (why a status is dormant or lost). */
  rhythmDays: z.number().int().nullable(),
  recencyDays: z.number().int().nullable(),
});
export type BoardCard = z.infer<typeof boardCardSchema>;

export const boardDimensionSchema = z.enum(BOARD_DIMENSIONS);

export const boardColumnSchema = z.object({
  /** The class; '' = not set (no industry, no owner, no tag, unknown country). */
  key: z.string(),
  /** A name when the engine knows it (regions, custom segment names); otherwise the renderer names the class. */
  name: z.object({ en: z.string(), zh: z.string() }).nullable(),
  count: z.number().int(),
  /** Revenue in the tier window, base currency minor units. */
  revenueMinor: z.number().int(),
});
export type BoardColumn = z.infer<typeof boardColumnSchema>;

/** A saved view: a named filter + grouping + grid columns, for the grid or a board. */
export const savedViewStateSchema = z.strictObject({
  filter: customerFilterSchema.default(customerFilterSchema.parse({})),
  dimension: boardDimensionSchema.optional(),
  columns: z.array(z.string().max(40)).max(60).optional(),
  /** The grid's columns in the user's order, shown or not (a view saved before order was kept has none: the default order). */
  order: z.array(z.string().max(40)).max(60).optional(),
  /** Widths (px) the user gave the grid's columns; a column not named has its default width (none in a view saved before). */
  widths: z
    .record(z.string().max(40), z.number().int().min(1).max(4000))
    .refine((w) => Object.keys(w).length <= 60, 'too many columns')
    .optional(),
  sort: z.strictObject({ key: z.string().max(40), dir: z.enum(['asc', 'desc']) }).optional(),
});
export const savedViewSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['grid', 'board']),
  name: z.string(),
  state: savedViewStateSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedView = z.infer<typeof savedViewSchema>;

export const chartPointSchema = z.object({
  key: z.string(),
  name: z.object({ en: z.string(), zh: z.string() }).nullable(),
  count: z.number().int(),
  revenueMinor: z.number().int(),
});
export type ChartPoint = z.infer<typeof chartPointSchema>;

export const CLASS_VALUE_SETS = {
  segment: [...RFM_SEGMENTS, 'none'],
  tier: [...VALUE_TIERS, 'none'],
  matrix: VALUE_MATRIX,
  churn: [...CHURN_STATUSES, 'none'],
} as const;
