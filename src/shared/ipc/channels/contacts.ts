import { contactInputSchema, contactPatchSchema, contactSchema } from '../../domain/customer';
import { z } from 'zod';
import { channel, idInput } from '../channel';

export const contactsChannels = {
  'contacts.add': channel('write', z.strictObject({ customerId: z.number().int().positive(), contact: contactInputSchema }), contactSchema),
  'contacts.update': channel('write', z.strictObject({ id: z.number().int().positive(), contact: contactPatchSchema }), contactSchema),
  'contacts.remove': channel('write', idInput, z.object({ removed: z.boolean() })),
} as const;
