import { z } from 'zod';
import { channel } from '../channel';

export const jobsChannels = {
  'jobs.cancel': channel('write', z.strictObject({ jobId: z.string().min(1).max(100) }), z.object({ cancelled: z.boolean() })),
} as const;
