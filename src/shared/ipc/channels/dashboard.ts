import { boardCardSchema, chartPointSchema } from '../../domain/classification';
import { customerFilterSchema } from '../../domain/customer';
import { DEAL_STAGES } from '../../domain/deals';
import { z } from 'zod';
import { channel } from '../channel';

export const dashboardChannels = {
  'dashboard.overview': channel(
    'read',
    z.strictObject({
      filter: customerFilterSchema.default(customerFilterSchema.parse({})),
      months: z.number().int().min(1).max(120).default(24),
    }),
    z.object({
      currency: z.string(),
      customers: z.number().int(),
      revenueMinor: z.number().int(),
      byContinent: z.array(chartPointSchema),
      byCountry: z.array(chartPointSchema),
      byIndustry: z.array(chartPointSchema),
      bySegment: z.array(chartPointSchema),
      byTier: z.array(chartPointSchema),
      byLifecycle: z.array(chartPointSchema),
      matrix: z.array(chartPointSchema),
      revenueByMonth: z.array(z.object({ month: z.string(), revenueMinor: z.number().int(), orders: z.number().int() })),
      atRisk: z.array(boardCardSchema.extend({ daysPastRhythm: z.number().int(), churn: z.string() })),
      classifiedAt: z.string().nullable(),
    }),
  ),
  /** Deals (#21): the open pipeline by stage; per region, industry or owner the open, won and lost deals, win rate and days to win. */
  'dashboard.deals': channel(
    'read',
    z.strictObject({
      filter: customerFilterSchema.default(customerFilterSchema.parse({})),
      by: z.enum(['region', 'industry', 'owner']).default('region'),
      /** Won and lost deals closed in this many days count. */
      days: z.number().int().min(1).max(3650).default(365),
    }),
    z.object({
      /** The base currency every amount is in (minor units). */
      currency: z.string(),
      days: z.number().int(),
      /** Every stage: open ones all their deals, won and lost those closed in the window. */
      stages: z.array(
        z.object({ stage: z.enum(DEAL_STAGES), count: z.number().int(), amountMinor: z.number().int(), weightedMinor: z.number().int() }),
      ),
      groups: z.array(
        z.object({
          key: z.string(),
          /** A region's name; null for an industry or owner (the key is the name). */
          name: z.object({ en: z.string(), zh: z.string() }).nullable(),
          open: z.number().int(),
          openWeightedMinor: z.number().int(),
          won: z.number().int(),
          lost: z.number().int(),
          wonMinor: z.number().int(),
          /** won / (won + lost) in the window; null when none closed. */
          winRate: z.number().nullable(),
          /** Average days from opening to winning, one decimal; null without a win. */
          avgDaysToWin: z.number().nullable(),
        }),
      ),
      /** Deals in currencies without a rate: counted, not summed. */
      uncounted: z.array(z.object({ currency: z.string(), deals: z.number().int() })),
    }),
  ),
} as const;
