import {
  countryCode,
  cursorSchema,
  customerCreateSchema,
  customerDetailSchema,
  customerFilterSchema,
  customerPatchSchema,
  customerRowSchema,
  customerSortSchema,
} from '../../domain/customer';
import { customerBulkActionSchema, customerBulkResultSchema, MAX_BULK_IDS } from '../../domain/customer-bulk';
import { buyerZoneSchema } from '../../domain/buyer-time';
import { z } from 'zod';
import { channel, countMap, idInput, none } from '../channel';

export const customersChannels = {
  'customers.list': channel(
    'read',
    z.strictObject({
      filter: customerFilterSchema.default(customerFilterSchema.parse({})),
      sort: customerSortSchema.default(customerSortSchema.parse({})),
      after: cursorSchema.optional(),
      offset: z.number().int().min(0).max(10_000_000).optional(),
      limit: z.number().int().min(1).max(1000).default(100),
      withTotal: z.boolean().default(false),
    }),
    z.object({
      rows: z.array(customerRowSchema),
      nextCursor: cursorSchema.nullable(),
      total: z.number().int().nullable(),
    }),
  ),
  /** The ids of the customers a filter selects, in grid order from `offset` (the grid's "select all" and Shift ranges). */
  'customers.ids': channel(
    'read',
    z.strictObject({
      filter: customerFilterSchema.default(customerFilterSchema.parse({})),
      sort: customerSortSchema.default(customerSortSchema.parse({})),
      offset: z.number().int().min(0).max(10_000_000).default(0),
      limit: z.number().int().min(1).max(MAX_BULK_IDS).default(MAX_BULK_IDS),
    }),
    z.object({ ids: z.array(z.number().int()) }),
  ),
  /** One action on many customers (owner, tag, follow-up, archive), in one transaction; answers with its exact undo. */
  'customers.bulk': channel('write', customerBulkActionSchema, customerBulkResultSchema),
  'customers.facets': channel(
    'read',
    z.strictObject({ archived: customerFilterSchema.shape.archived }),
    z.object({ countries: countMap, industries: countMap, owners: countMap }),
  ),
  'customers.get': channel('read', idInput, customerDetailSchema),
  /** The buyer's time zone (by city where the country has several), working days and public holidays ahead. */
  'customers.buyerTime': channel(
    'read',
    z.strictObject({ country: z.string().max(2).nullable(), city: z.string().max(200).nullable() }),
    buyerZoneSchema,
  ),
  'customers.create': channel('write', customerCreateSchema, customerDetailSchema),
  'customers.update': channel(
    'write',
    z.strictObject({ id: z.number().int().positive(), version: z.number().int().positive(), patch: customerPatchSchema }),
    customerDetailSchema,
  ),
  'customers.archive': channel(
    'write',
    z.strictObject({ ids: z.array(z.number().int().positive()).min(1).max(100_000), archived: z.boolean() }),
    z.object({ changed: z.number().int() }),
  ),
  /** Every customer whose imported country text is `text` gets `country` (and later imports read the text so). */
  'customers.fixCountry': channel(
    'write',
    z.strictObject({ text: z.string().trim().min(1).max(100), country: countryCode.pipe(z.string().length(2, 'choose a country')) }),
    z.object({ changed: z.number().int() }),
  ),
  'customers.unrecognisedCountries': channel('read', none, z.array(z.object({ text: z.string(), customers: z.number().int() }))),
} as const;
