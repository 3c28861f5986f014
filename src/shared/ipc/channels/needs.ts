import { NEED_STATUSES, needCreateSchema, needPatchSchema, needSchema } from '../../domain/relationship';
import { z } from 'zod';
import { channel, countMap } from '../channel';

export const needsChannels = {
  'needs.create': channel('write', needCreateSchema, needSchema),
  'needs.update': channel(
    'write',
    z.strictObject({ id: z.number().int().positive(), version: z.number().int().positive(), patch: needPatchSchema }),
    needSchema,
  ),
  'needs.list': channel(
    'read',
    z.strictObject({
      customerId: z.number().int().positive().optional(),
      statuses: z.array(z.enum(NEED_STATUSES)).max(5).default([]),
      category: z.string().trim().max(60).optional(),
      limit: z.number().int().min(1).max(5000).default(500),
    }),
    z.array(needSchema),
  ),
  'needs.summary': channel(
    'read',
    z.strictObject({ by: z.enum(['category', 'status']).default('category') }),
    z.array(z.object({ key: z.string(), count: z.number().int(), byContinent: countMap, byRegion: countMap, byIndustry: countMap })),
  ),
} as const;
