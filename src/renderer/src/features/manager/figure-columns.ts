import type { ManagerFigure } from '../../../../shared/ipc/channels/manager';

/** The table's column groups, in order (a group of one column has no second header row). */
export const COLUMN_GROUPS = ['customers', 'followups', 'inquiries', 'relationship', 'sales'] as const;
export type ColumnGroup = (typeof COLUMN_GROUPS)[number];

/** A column's key: its strings are manager.figures.<key>. */
export type ColumnKey = ManagerFigure | 'firstResponse' | 'revenue' | 'target' | 'attainment';

export interface FigureColumn {
  key: ColumnKey;
  group: ColumnGroup;
  /** How the cell shows its value. */
  kind: 'count' | 'hours' | 'money' | 'target' | 'attainment';
  /** The list its value opens (manager.list), if any. */
  list?: ManagerFigure;
}

/** Every column after the salesperson's name, grouped, in order. */
export const FIGURE_COLUMNS: readonly FigureColumn[] = [
  { key: 'held', group: 'customers', kind: 'count', list: 'held' },
  { key: 'new', group: 'customers', kind: 'count', list: 'new' },
  { key: 'claimed', group: 'customers', kind: 'count', list: 'claimed' },
  { key: 'returned', group: 'customers', kind: 'count', list: 'returned' },
  { key: 'atRisk', group: 'customers', kind: 'count', list: 'atRisk' },
  { key: 'followupsPlanned', group: 'followups', kind: 'count', list: 'followupsPlanned' },
  { key: 'followupsDone', group: 'followups', kind: 'count', list: 'followupsDone' },
  { key: 'followupsOverdue', group: 'followups', kind: 'count', list: 'followupsOverdue' },
  { key: 'inquiries', group: 'inquiries', kind: 'count', list: 'inquiries' },
  { key: 'inquiriesUnanswered', group: 'inquiries', kind: 'count', list: 'inquiriesUnanswered' },
  { key: 'firstResponse', group: 'inquiries', kind: 'hours' },
  { key: 'needsOpen', group: 'relationship', kind: 'count', list: 'needsOpen' },
  { key: 'complaintsOpen', group: 'relationship', kind: 'count', list: 'complaintsOpen' },
  { key: 'complaintsOverdue', group: 'relationship', kind: 'count', list: 'complaintsOverdue' },
  { key: 'orders', group: 'sales', kind: 'count', list: 'orders' },
  // Revenue is the orders' sum: its list is theirs.
  { key: 'revenue', group: 'sales', kind: 'money', list: 'orders' },
  { key: 'target', group: 'sales', kind: 'target' },
  { key: 'attainment', group: 'sales', kind: 'attainment' },
];

/** How many columns each group spans. */
export function groupSpans(): { group: ColumnGroup; span: number }[] {
  return COLUMN_GROUPS.map((group) => ({ group, span: FIGURE_COLUMNS.filter((c) => c.group === group).length }));
}

/** The colour band of an attainment (1 = 100 %): met, near (half or more), behind. */
export function attainmentBand(value: number): 'met' | 'near' | 'behind' {
  return value >= 1 ? 'met' : value >= 0.5 ? 'near' : 'behind';
}
