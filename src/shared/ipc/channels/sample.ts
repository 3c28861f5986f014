import { z } from 'zod';
import { channel } from '../channel';

export const sampleChannels = {
  'sample.generate': channel(
    'job',
    z.strictObject({
      count: z.number().int().min(1).max(1_000_000),
      seed: z.number().int().default(1),
      batchSize: z.number().int().min(100).max(100_000).default(5_000),
      /** Average orders per customer (skewed: many never or once, a few often); 0 = none. */
      ordersPerCustomer: z.number().min(0).max(50).default(0),
      /** Average inquiries per customer; 0 = none. */
      inquiriesPerCustomer: z.number().min(0).max(20).default(0),
      /** Average follow-ups per customer (past ones done, the rest open around today); 0 = none. */
      followUpsPerCustomer: z.number().min(0).max(20).default(0),
    }),
    z.object({
      created: z.number().int(),
      contacts: z.number().int(),
      orders: z.number().int(),
      inquiries: z.number().int(),
      followUps: z.number().int(),
    }),
  ),
} as const;
