import { currencySettingsSchema } from '../../domain/classification';
import { z } from 'zod';
import { channel, none } from '../channel';

export const currencyChannels = {
  'currency.get': channel(
    'read',
    none,
    currencySettingsSchema.extend({ inUse: z.array(z.object({ currency: z.string(), orders: z.number().int() })) }),
  ),
  'currency.save': channel('write', currencySettingsSchema, currencySettingsSchema),
} as const;
