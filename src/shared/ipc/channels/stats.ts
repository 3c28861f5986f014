import { classificationRunSchema } from '../../domain/classification';
import { z } from 'zod';
import { channel, countMap, none } from '../channel';

export const regionCountSchema = z.object({
  code: z.string(),
  name: z.object({ en: z.string(), zh: z.string() }),
  count: z.number().int(),
});

export const statsChannels = {
  'stats.overview': channel(
    'read',
    none,
    z.object({
      customers: z.number().int(),
      archivedCustomers: z.number().int(),
      contacts: z.number().int(),
      inquiries: z.number().int(),
      orders: z.number().int(),
      byCountry: countMap,
      byRegion: z.array(regionCountSchema),
      byContinent: z.array(regionCountSchema),
      bySegment: countMap,
      byTier: countMap,
      byMatrix: countMap,
      byLifecycle: countMap,
      byChurn: countMap,
      lastRun: classificationRunSchema.nullable(),
    }),
  ),
} as const;
