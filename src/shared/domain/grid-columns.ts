/**
 * The customer grid's columns, in grid order: one list for the grid (which shows and hides them)
 * and the customer export (which writes the visible ones, in this order, and validates exactly
 * these ids). Ids of sortable columns are the engine's sort keys (CUSTOMER_SORT_KEYS).
 */
export const GRID_COLUMN_IDS = [
  'company',
  'country',
  'city',
  'localTime',
  'mainContact',
  'phone',
  'nextFollowUp',
  'lastInquiry',
  'industry',
  'businessType',
  'scale',
  'source',
  'owner',
  'segment',
  'tier',
  'lifecycle',
  'churn',
  'priority',
  'potential',
  'revenue',
  'lastOrder',
  'rfm',
  'recencyDays',
  'primaryEmail',
  'tags',
  'createdAt',
  'updatedAt',
] as const;
export type GridColumnId = (typeof GRID_COLUMN_IDS)[number];

export function isGridColumnId(id: unknown): id is GridColumnId {
  return typeof id === 'string' && (GRID_COLUMN_IDS as readonly string[]).includes(id);
}
