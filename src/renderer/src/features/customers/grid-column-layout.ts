import {
  columnChoiceToStore,
  DEFAULT_VISIBLE_COLUMNS,
  FIXED_COLUMNS,
  GRID_COLUMN_IDS,
  sameColumns,
  storedColumnChoice,
  type GridColumnId,
} from './grid-column-ids';

/**
 * Each column's width by default and at the least (px): the least fits its title (and sort arrow)
 * and a typical value, so a narrowed column never crushes its text; longer values end in "…".
 */
export const COLUMN_WIDTHS: Readonly<Record<GridColumnId, { size: number; min: number }>> = {
  company: { size: 260, min: 160 },
  country: { size: 170, min: 100 },
  city: { size: 130, min: 80 },
  localTime: { size: 130, min: 110 },
  mainContact: { size: 160, min: 110 },
  phone: { size: 210, min: 140 },
  nextFollowUp: { size: 200, min: 130 },
  lastInquiry: { size: 130, min: 110 },
  industry: { size: 150, min: 100 },
  businessType: { size: 140, min: 120 },
  scale: { size: 170, min: 80 },
  source: { size: 140, min: 80 },
  owner: { size: 120, min: 90 },
  segment: { size: 150, min: 110 },
  tier: { size: 110, min: 95 },
  lifecycle: { size: 130, min: 90 },
  churn: { size: 140, min: 120 },
  priority: { size: 90, min: 80 },
  potential: { size: 100, min: 90 },
  revenue: { size: 120, min: 90 },
  lastOrder: { size: 130, min: 110 },
  rfm: { size: 110, min: 80 },
  recencyDays: { size: 120, min: 120 },
  primaryEmail: { size: 220, min: 120 },
  tags: { size: 180, min: 80 },
  createdAt: { size: 130, min: 100 },
  updatedAt: { size: 130, min: 110 },
};

export const MAX_COLUMN_WIDTH = 800;

/** One press of ← or → on a column's resize handle (px). */
export const RESIZE_STEP = 16;

/** The widths the user set, by column (px); a column not named has its default width. */
export type ColumnWidths = Partial<Record<GridColumnId, number>>;

/** Which columns the grid shows, in which order, and how wide: remembered on this computer and in saved views. */
export interface GridColumnLayout {
  /** The columns shown, in GRID_COLUMN_IDS order (always with the fixed ones). */
  columns: GridColumnId[];
  /** Every column, shown or not, in the user's order; the company first (it stays in place when the grid scrolls sideways). */
  order: GridColumnId[];
  /** Widths set by the user (within each column's least and MAX_COLUMN_WIDTH); the others are at their default. */
  widths: ColumnWidths;
}

/** The order of a grid nobody rearranged: GRID_COLUMN_IDS. */
export const DEFAULT_ORDER: readonly GridColumnId[] = GRID_COLUMN_IDS;

export function defaultLayout(): GridColumnLayout {
  return { columns: [...DEFAULT_VISIBLE_COLUMNS], order: [...DEFAULT_ORDER], widths: {} };
}

const isColumnId = (id: unknown): id is GridColumnId => typeof id === 'string' && (GRID_COLUMN_IDS as readonly string[]).includes(id);

/**
 * A column order from an untrusted list (local storage, a saved view): each known column once, the
 * fixed ones first; a column the list does not name (an old view, a column added to the grid since)
 * goes after the column it follows in GRID_COLUMN_IDS. The default order when `raw` is not a list.
 */
export function sanitizeOrder(raw: unknown): GridColumnId[] {
  if (!Array.isArray(raw)) return [...DEFAULT_ORDER];
  const named = [...new Set(raw.filter(isColumnId))].filter((id) => !FIXED_COLUMNS.includes(id));
  const order: GridColumnId[] = [...FIXED_COLUMNS, ...named];
  GRID_COLUMN_IDS.forEach((id, i) => {
    if (order.includes(id)) return;
    const before = i > 0 ? order.indexOf(GRID_COLUMN_IDS[i - 1] as GridColumnId) : -1;
    order.splice(before + 1, 0, id);
  });
  return order;
}

/** A width for a column: a whole number of pixels within its least and MAX_COLUMN_WIDTH. */
export function clampWidth(id: GridColumnId, width: number): number {
  return Math.min(MAX_COLUMN_WIDTH, Math.max(COLUMN_WIDTHS[id].min, Math.round(width)));
}

/** Column widths from an untrusted record: known columns with a number, clamped; the default ones left out. */
export function sanitizeWidths(raw: unknown): ColumnWidths {
  const widths: ColumnWidths = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return widths;
  for (const [id, value] of Object.entries(raw)) {
    if (!isColumnId(id) || typeof value !== 'number' || !Number.isFinite(value)) continue;
    const width = clampWidth(id, value);
    if (width !== COLUMN_WIDTHS[id].size) widths[id] = width;
  }
  return widths;
}

/** The widths with one column's set (clamped), or back to its default (null). */
export function withWidth(widths: ColumnWidths, id: GridColumnId, width: number | null): ColumnWidths {
  const next = { ...widths };
  const clamped = width === null ? null : clampWidth(id, width);
  if (clamped === null || clamped === COLUMN_WIDTHS[id].size) delete next[id];
  else next[id] = clamped;
  return next;
}

/** A column's width now. */
export function widthOf(widths: ColumnWidths, id: GridColumnId): number {
  return widths[id] ?? COLUMN_WIDTHS[id].size;
}

/** The columns the grid shows, in the user's order: the grid's headers and the export's columns. */
export function shownColumns(layout: Pick<GridColumnLayout, 'columns' | 'order'>): GridColumnId[] {
  const shown = new Set(layout.columns);
  return layout.order.filter((id) => shown.has(id));
}

/** Whether a column may be moved: the fixed ones stay first. */
export const canMoveColumn = (id: GridColumnId) => !FIXED_COLUMNS.includes(id);

/**
 * The order with `id` moved next to `target`: before it, or after it with `after`. Nothing moves
 * before the fixed columns, and the fixed columns do not move.
 */
export function moveColumn(order: readonly GridColumnId[], id: GridColumnId, target: GridColumnId, after: boolean): GridColumnId[] {
  if (!canMoveColumn(id) || id === target) return [...order];
  const next = order.filter((c) => c !== id);
  const at = next.indexOf(target);
  if (at < 0) return [...order];
  next.splice(Math.max(FIXED_COLUMNS.length, at + (after ? 1 : 0)), 0, id);
  return next;
}

/**
 * The order with `id` moved one place earlier (-1) or later (1) among `among` (the columns shown,
 * or all of them): past its neighbour there. Unchanged at either end, or for a fixed column.
 */
export function stepColumn(
  order: readonly GridColumnId[],
  among: readonly GridColumnId[],
  id: GridColumnId,
  delta: -1 | 1,
): GridColumnId[] {
  const set = new Set(among);
  const seq = order.filter((c) => set.has(c));
  const neighbour = seq[seq.indexOf(id) + delta];
  if (seq.indexOf(id) < 0 || neighbour === undefined || !canMoveColumn(neighbour)) return [...order];
  return moveColumn(order, id, neighbour, delta > 0);
}

export function sameOrder(a: readonly GridColumnId[], b: readonly GridColumnId[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

export function sameWidths(a: ColumnWidths, b: ColumnWidths): boolean {
  return GRID_COLUMN_IDS.every((id) => widthOf(a, id) === widthOf(b, id));
}

export function sameLayout(a: GridColumnLayout, b: GridColumnLayout): boolean {
  return sameColumns(a.columns, b.columns) && sameOrder(a.order, b.order) && sameWidths(a.widths, b.widths);
}

/** A layout stored on this computer (useGridLayout); one stored before order and widths were kept has the default ones. Null when `raw` holds no column list. */
export function storedLayout(raw: unknown): GridColumnLayout | null {
  const columns = storedColumnChoice(raw);
  if (!columns) return null;
  const stored = Array.isArray(raw) ? {} : (raw as { order?: unknown; widths?: unknown });
  return { columns, order: sanitizeOrder(stored.order), widths: sanitizeWidths(stored.widths) };
}

/** What storedLayout reads back. */
export function layoutToStore(layout: GridColumnLayout) {
  return { ...columnChoiceToStore(layout.columns), order: [...layout.order], widths: { ...layout.widths } };
}
