import {
  COMPLAINT_STATUSES,
  complaintCreateSchema,
  complaintOrderChoicesSchema,
  complaintPatchSchema,
  complaintPhotoContentSchema,
  complaintPhotoInputSchema,
  complaintSchema,
  MAX_COMPLAINT_PHOTOS,
  COMPLAINT_FIELD_PROBLEMS,
} from '../../domain/relationship';
import { z } from 'zod';
import { channel, idInput } from '../channel';

const id = z.number().int().positive();

export const complaintsChannels = {
  /** A complaint, with the order it is about, the amount claimed and photos, in one transaction. */
  'complaints.create': channel('write', complaintCreateSchema, complaintSchema),
  'complaints.update': channel('write', z.strictObject({ id, version: id, patch: complaintPatchSchema }), complaintSchema),
  'complaints.list': channel(
    'read',
    z.strictObject({
      customerId: id.optional(),
      statuses: z.array(z.enum(COMPLAINT_STATUSES)).max(4).default([]),
      overdueOnly: z.boolean().default(false),
      limit: z.number().int().min(1).max(5000).default(500),
    }),
    z.array(complaintSchema),
  ),
  /** The orders of one customer a complaint can name (newest first), and the base currency. */
  'complaints.orders': channel(
    'read',
    z.strictObject({ customerId: id, limit: z.number().int().min(1).max(1000).default(200) }),
    complaintOrderChoicesSchema,
  ),
  /** One photo's bytes (a complaint lists its photos without them). */
  'complaints.photo': channel('read', idInput, complaintPhotoContentSchema),
  /** Adds photos to a complaint (at most 10 in all). */
  'complaints.addPhotos': channel(
    'write',
    z.strictObject({
      complaintId: id,
      photos: z.array(complaintPhotoInputSchema).min(1).max(MAX_COMPLAINT_PHOTOS, COMPLAINT_FIELD_PROBLEMS.tooManyPhotos),
    }),
    complaintSchema,
  ),
  'complaints.removePhoto': channel('write', z.strictObject({ complaintId: id, photoId: id }), complaintSchema),
} as const;
