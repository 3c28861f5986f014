import type { SavedView } from '../../../../shared/domain/classification';
import type { CustomerSort } from '../../../../shared/domain/customer';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import { filterFrom } from './filter-sanitize';
import { DEFAULT_SORT, DEFAULT_VISIBLE_COLUMNS, sameColumns, sanitizeColumns, sanitizeSort, type GridColumnId } from './grid-column-ids';
import { sameFilter, toCustomerFilter, type GridFilterState } from './grid-filter';

/** What a grid view holds: the filter (with the search), the visible columns and the sort. */
export interface GridViewState {
  filter: GridFilterState;
  columns: GridColumnId[];
  sort: CustomerSort;
}

/** A saved view's state as the grid can use it; anything stale or unknown falls back to the defaults. */
export function viewStateOf(view: Pick<SavedView, 'state'>): GridViewState {
  return {
    filter: filterFrom(view.state.filter),
    columns: sanitizeColumns(view.state.columns) ?? [...DEFAULT_VISIBLE_COLUMNS],
    sort: sanitizeSort(view.state.sort) ?? DEFAULT_SORT,
  };
}

/** The state to store for the grid as it is now. */
export function savedStateOf(state: GridViewState): ChannelInput<'views.save'>['state'] {
  return { filter: toCustomerFilter(state.filter), columns: [...state.columns], sort: { ...state.sort } };
}

export function sameViewState(a: GridViewState, b: GridViewState): boolean {
  return sameFilter(a.filter, b.filter) && sameColumns(a.columns, b.columns) && a.sort.key === b.sort.key && a.sort.dir === b.sort.dir;
}
