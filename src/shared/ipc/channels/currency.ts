import { currencySettingsSchema } from '../../domain/classification';
import { z } from 'zod';
import { channel, none } from '../channel';

const ordersPerCurrency = z.array(z.object({ currency: z.string(), orders: z.number().int() }));

export const currencyChannels = {
  /**
   * The base and the rates the user set (each with the local day it was set); the reference
   * table fills in the others (shared/domain/reference-rates). `uncounted`: orders revenue leaves
   * out because no rate is in force for their currency.
   */
  'currency.get': channel(
    'read',
    none,
    currencySettingsSchema.extend({
      rateDates: z.record(z.string(), z.string()),
      inUse: ordersPerCurrency,
      uncounted: ordersPerCurrency,
    }),
  ),
  'currency.save': channel('write', currencySettingsSchema, currencySettingsSchema),
  /** Orders revenue leaves out for want of a rate: the whole book's, or one customer's. */
  'currency.uncounted': channel('read', z.strictObject({ customerId: z.number().int().positive().optional() }), ordersPerCurrency),
} as const;
