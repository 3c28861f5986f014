/** Columns of the customer export, in grid order; the grid's visible columns choose among them. */
export const CUSTOMER_EXPORT_COLUMNS = [
  'id',
  'company',
  'country',
  'city',
  'industry',
  'businessType',
  'scale',
  'source',
  'owner',
  'lifecycle',
  'priority',
  'primaryEmail',
  'phone',
  'website',
  'tags',
  'createdAt',
  'updatedAt',
] as const;
export type CustomerExportColumn = (typeof CUSTOMER_EXPORT_COLUMNS)[number];
