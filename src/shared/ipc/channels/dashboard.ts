import { boardCardSchema, chartPointSchema } from '../../domain/classification';
import { customerFilterSchema } from '../../domain/customer';
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
} as const;
