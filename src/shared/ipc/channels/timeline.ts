import { TIMELINE_KINDS, timelineEntrySchema } from '../../domain/followups';
import { z } from 'zod';
import { channel } from '../channel';

export const timelineChannels = {
  'timeline.list': channel(
    'read',
    z.strictObject({
      customerId: z.number().int().positive(),
      kinds: z.array(z.enum(TIMELINE_KINDS)).max(TIMELINE_KINDS.length).default([]),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    z.array(timelineEntrySchema),
  ),
} as const;
