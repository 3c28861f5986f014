import { z } from 'zod';
import { channel } from '../channel';

export const dbChannels = {
  'db.check': channel(
    'read',
    z.strictObject({ full: z.boolean().default(false) }),
    z.object({
      ok: z.boolean(),
      problems: z.array(z.string()),
      foreignKeyViolations: z.number().int(),
      schemaVersion: z.number().int(),
      journalMode: z.string(),
      synchronous: z.string(),
      pageCount: z.number().int(),
      sizeBytes: z.number().int(),
    }),
  ),
} as const;
