import { LANGUAGES } from '../../language';
import { GRID_COLUMN_IDS } from '../../domain/grid-columns';
import { customerFilterSchema, customerSortSchema } from '../../domain/customer';
import { MAX_BULK_IDS } from '../../domain/customer-bulk';
import { timeZoneSchema } from '../../domain/followups';
import { z } from 'zod';
import { channel, exportFormatSchema, fileDownloadSchema } from '../channel';

/**
 * The IANA zone an export writes its times in: the page sends its own
 * (Intl.DateTimeFormat().resolvedOptions().timeZone); without one, the zone of the machine the
 * engine runs on, which is also the zone the importer reads times without a zone in.
 */
const exportTimeZone = timeZoneSchema.default(() => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');

/** Inquiries or orders, all of them or one customer's, as a file in the user's language and time zone. */
const recordsExportInput = z.strictObject({
  customerId: z.number().int().positive().optional(),
  format: exportFormatSchema.default('csv'),
  language: z.enum(LANGUAGES).default('en'),
  timeZone: exportTimeZone,
});

export const exportChannels = {
  /** The customer grid as the user sees it: its filter, its sort, its visible columns (all of them when none are named). */
  'export.customers': channel(
    'read',
    z.strictObject({
      /** The grid's filter; with `ids`, only those of its customers (the rows selected in the grid). */
      filter: customerFilterSchema
        .extend({ ids: z.array(z.number().int().positive()).min(1).max(MAX_BULK_IDS).optional() })
        .default(customerFilterSchema.parse({})),
      sort: customerSortSchema.default(customerSortSchema.parse({})),
      columns: z
        .array(z.enum(GRID_COLUMN_IDS))
        .min(1)
        .max(GRID_COLUMN_IDS.length)
        .refine((c) => new Set(c).size === c.length, 'a column is named twice')
        .optional(),
      /** The main contact's name, e-mail, phone, mobile, WhatsApp and WeChat; in XLSX also a sheet of every contact. */
      includeContacts: z.boolean().default(false),
      format: exportFormatSchema.default('csv'),
      language: z.enum(LANGUAGES).default('en'),
      timeZone: exportTimeZone,
    }),
    fileDownloadSchema,
  ),
  'export.inquiries': channel('read', recordsExportInput, fileDownloadSchema),
  'export.orders': channel('read', recordsExportInput, fileDownloadSchema),
} as const;
