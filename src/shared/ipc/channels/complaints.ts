import { COMPLAINT_STATUSES, complaintCreateSchema, complaintPatchSchema, complaintSchema } from '../../domain/relationship';
import { z } from 'zod';
import { channel } from '../channel';

export const complaintsChannels = {
  'complaints.create': channel('write', complaintCreateSchema, complaintSchema),
  'complaints.update': channel(
    'write',
    z.strictObject({ id: z.number().int().positive(), version: z.number().int().positive(), patch: complaintPatchSchema }),
    complaintSchema,
  ),
  'complaints.list': channel(
    'read',
    z.strictObject({
      customerId: z.number().int().positive().optional(),
      statuses: z.array(z.enum(COMPLAINT_STATUSES)).max(4).default([]),
      overdueOnly: z.boolean().default(false),
      limit: z.number().int().min(1).max(5000).default(500),
    }),
    z.array(complaintSchema),
  ),
} as const;
