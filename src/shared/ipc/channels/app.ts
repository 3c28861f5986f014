import { z } from 'zod';
import { channel, none } from '../channel';

export const appChannels = {
  'app.info': channel(
    'read',
    none,
    z.object({
      version: z.string(),
      dbPath: z.string(),
      schemaVersion: z.number().int(),
      engine: z.enum(['worker', 'in-process']),
    }),
  ),
} as const;
