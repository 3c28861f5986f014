import { CUSTOMER_SORT_KEYS, type CustomerSortKey } from '../../../../shared/domain/customer-enums';
import type { CustomerSort } from '../../../../shared/domain/customer';
import { GRID_COLUMN_IDS, type GridColumnId } from '../../../../shared/domain/grid-columns';

/** The grid's columns, in grid order: the list the customer export validates too (shared/domain/grid-columns.ts). */
export { GRID_COLUMN_IDS, isGridColumnId, type GridColumnId } from '../../../../shared/domain/grid-columns';

/** Always shown: the row needs a name. */
export const FIXED_COLUMNS: readonly GridColumnId[] = ['company'];

/**
 * One click away in "Columns": the finer class columns and the customer's other details. A
 * salesperson's grid shows who to reach and how (main contact, phone / WhatsApp) and the next step
 * (next follow-up, last inquiry) by default, and when a record was created or changed only on request.
 */
const HIDDEN_BY_DEFAULT: ReadonlySet<GridColumnId> = new Set([
  'city',
  'localTime',
  'businessType',
  'scale',
  'source',
  'potential',
  'rfm',
  'recencyDays',
  'createdAt',
  'updatedAt',
]);

/** Shown until the user chooses otherwise. */
export const DEFAULT_VISIBLE_COLUMNS: readonly GridColumnId[] = GRID_COLUMN_IDS.filter((id) => !HIDDEN_BY_DEFAULT.has(id));

export const DEFAULT_SORT: CustomerSort = { key: 'company', dir: 'asc' };

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

/** The columns of the grid before its columns for daily work: a column choice stored then knew these. */
const COLUMNS_BEFORE_DAILY_WORK: readonly GridColumnId[] = GRID_COLUMN_IDS.filter(
  (id) => !['mainContact', 'phone', 'nextFollowUp', 'lastInquiry'].includes(id),
);

/**
 * A column choice stored on this computer, with the columns added to the grid since shown as they
 * are by default: `known` names the columns there were when it was stored (a bare list, stored
 * before that was kept, knew COLUMNS_BEFORE_DAILY_WORK). Null when `raw` holds no column list.
 */
export function storedColumnChoice(raw: unknown): GridColumnId[] | null {
  const stored = Array.isArray(raw) ? { columns: raw, known: COLUMNS_BEFORE_DAILY_WORK } : (raw as { columns?: unknown; known?: unknown });
  const columns = sanitizeColumns(stored?.columns);
  if (!columns) return null;
  const known = new Set(Array.isArray(stored.known) ? stored.known : GRID_COLUMN_IDS);
  return sanitizeColumns([...columns, ...DEFAULT_VISIBLE_COLUMNS.filter((id) => !known.has(id))]);
}

/** What storedColumnChoice reads back. */
export function columnChoiceToStore(columns: readonly GridColumnId[]): { columns: GridColumnId[]; known: GridColumnId[] } {
  return { columns: [...columns], known: [...GRID_COLUMN_IDS] };
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
