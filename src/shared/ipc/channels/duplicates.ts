import { z } from 'zod';
import { channel } from '../channel';

const duplicateSideSchema = z.object({ id: z.number().int(), company: z.string(), country: z.string(), emails: z.array(z.string()) });

export const duplicatesChannels = {
  'duplicates.list': channel(
    'read',
    z.strictObject({ limit: z.number().int().min(1).max(1000).default(200) }),
    z.object({
      total: z.number().int(),
      pairs: z.array(
        z.object({
          id: z.number().int(),
          createdAt: z.string(),
          customer: duplicateSideSchema,
          other: duplicateSideSchema,
        }),
      ),
    }),
  ),
  /** Merge a possible duplicate (keep `customer` or `other`; the kept one keeps its name) or keep the two apart. */
  'duplicates.resolve': channel(
    'write',
    z.discriminatedUnion('action', [
      z.strictObject({ id: z.number().int().positive(), action: z.literal('merge'), keep: z.enum(['customer', 'other']).default('other') }),
      z.strictObject({ id: z.number().int().positive(), action: z.literal('distinct') }),
    ]),
    z.object({ id: z.number().int(), action: z.enum(['merge', 'distinct']), keptId: z.number().int().nullable() }),
  ),
} as const;
