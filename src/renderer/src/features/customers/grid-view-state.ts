import type { SavedView } from '../../../../shared/domain/classification';
import type { CustomerSort } from '../../../../shared/domain/customer';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import { filterFrom } from './filter-sanitize';
import { DEFAULT_SORT, DEFAULT_VISIBLE_COLUMNS, sanitizeColumns, sanitizeSort } from './grid-column-ids';
import { sameLayout, sanitizeOrder, sanitizeWidths, type GridColumnLayout } from './grid-column-layout';
import { sameFilter, toCustomerFilter, type GridFilterState } from './grid-filter';

/** What a grid view holds: the filter (with the search), the columns (which are shown, their order and widths) and the sort. */
export interface GridViewState extends GridColumnLayout {
  filter: GridFilterState;
  sort: CustomerSort;
}

/**
 * A saved view's state as the grid can use it; anything stale or unknown falls back to the
 * defaults, and so does what a view saved before it was kept (the order and widths of its columns).
 */
export function viewStateOf(view: Pick<SavedView, 'state'>): GridViewState {
  return {
    filter: filterFrom(view.state.filter),
    columns: sanitizeColumns(view.state.columns) ?? [...DEFAULT_VISIBLE_COLUMNS],
    order: sanitizeOrder(view.state.order),
    widths: sanitizeWidths(view.state.widths),
    sort: sanitizeSort(view.state.sort) ?? DEFAULT_SORT,
  };
}

/** The state to store for the grid as it is now. */
export function savedStateOf(state: GridViewState): ChannelInput<'views.save'>['state'] {
  return {
    filter: toCustomerFilter(state.filter),
    columns: [...state.columns],
    order: [...state.order],
    widths: { ...state.widths },
    sort: { ...state.sort },
  };
}

export function sameViewState(a: GridViewState, b: GridViewState): boolean {
  return sameFilter(a.filter, b.filter) && sameLayout(a, b) && a.sort.key === b.sort.key && a.sort.dir === b.sort.dir;
}
