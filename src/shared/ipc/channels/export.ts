import { LANGUAGES } from '../../language';
import { CUSTOMER_EXPORT_COLUMNS } from '../../domain/export';
import { customerFilterSchema, customerSortSchema } from '../../domain/customer';
import { z } from 'zod';
import { channel, exportFormatSchema, fileDownloadSchema } from '../channel';

/** Inquiries or orders, all of them or one customer's, as a file in the user's language. */
const recordsExportInput = z.strictObject({
  customerId: z.number().int().positive().optional(),
  format: exportFormatSchema.default('csv'),
  language: z.enum(LANGUAGES).default('en'),
});

export const exportChannels = {
  'export.customers': channel(
    'read',
    z.strictObject({
      filter: customerFilterSchema.default(customerFilterSchema.parse({})),
      sort: customerSortSchema.default(customerSortSchema.parse({})),
      columns: z.array(z.enum(CUSTOMER_EXPORT_COLUMNS)).min(1).max(CUSTOMER_EXPORT_COLUMNS.length).optional(),
      format: exportFormatSchema.default('csv'),
      language: z.enum(LANGUAGES).default('en'),
    }),
    fileDownloadSchema,
  ),
  'export.inquiries': channel('read', recordsExportInput, fileDownloadSchema),
  'export.orders': channel('read', recordsExportInput, fileDownloadSchema),
} as const;
