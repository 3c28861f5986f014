import { CUSTOMER_SORT_KEYS, type CustomerSortKey } from '../../../../shared/domain/customer-enums';
import type { CustomerSort } from '../../../../shared/domain/customer';

/** The grid's columns, in grid order. Ids of sortable columns are the engine's sort keys. */
export const GRID_COLUMN_IDS = [
  'company',
  'country',
  'industry',
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

/** Always shown: the row needs a name. */
export const FIXED_COLUMNS: readonly GridColumnId[] = ['company'];

/** Shown until the user chooses otherwise; the finer class columns are one click away in "Columns". */
export const DEFAULT_VISIBLE_COLUMNS: readonly GridColumnId[] = GRID_COLUMN_IDS.filter(
  (id) => id !== 'potential' && id !== 'rfm' && id !== 'recencyDays',
);

export const DEFAULT_SORT: CustomerSort = { key: 'company', dir: 'asc' };

export function isGridColumnId(id: unknown): id is GridColumnId {
  return typeof id === 'string' && (GRID_COLUMN_IDS as readonly string[]).includes(id);
}

/**
 * The visible columns named by an untrusted list (local storage, a saved view), in grid order,
 * always with the fixed ones; null when `raw` is not a list at all.
 */
export function sanitizeColumns(raw: unknown): GridColumnId[] | null {
  if (!Array.isArray(raw)) return null;
  const wanted = new Set<string>(raw.filter((v): v is string => typeof v === 'string'));
  for (const id of FIXED_COLUMNS) wanted.add(id);
  return GRID_COLUMN_IDS.filter((id) => wanted.has(id));
}

export function isSortKey(id: unknown): id is CustomerSortKey {
  return typeof id === 'string' && (CUSTOMER_SORT_KEYS as readonly string[]).includes(id);
}

/** A sort from an untrusted one (a saved view), or null when it names no sort the engine has. */
export function sanitizeSort(raw: unknown): CustomerSort | null {
  if (!raw || typeof raw !== 'object') return null;
  const { key, dir } = raw as { key?: unknown; dir?: unknown };
  if (!isSortKey(key) || (dir !== 'asc' && dir !== 'desc')) return null;
  return { key, dir };
}

/** The table's visibility state for a list of visible columns. */
export function columnVisibility(visible: readonly GridColumnId[]): Record<GridColumnId, boolean> {
  const set = new Set(visible);
  return Object.fromEntries(GRID_COLUMN_IDS.map((id) => [id, set.has(id)])) as Record<GridColumnId, boolean>;
}

export function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  const x = [...a].sort();
  const y = [...b].sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
}
