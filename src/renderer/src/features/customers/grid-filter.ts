import type { CustomerFilter, CustomerFilterInput } from '../../../../shared/domain/customer';
import { EMPTY_CUSTOMER_FILTER } from '../../../../shared/domain/customer-filter';

/** What the toolbar and the filter panel control: the engine's whole filter (every field present). */
export type GridFilterState = CustomerFilter;

/** The filter fields that hold a list of classes (chips, the filter panel, saved views). */
export const FILTER_LIST_KEYS = [
  'countries',
  'industries',
  'owners',
  'continents',
  'regions',
  'segments',
  'tiers',
  'matrix',
  'churn',
  'lifecycleStages',
  'priorities',
  'businessTypes',
  'scales',
] as const satisfies readonly (keyof CustomerFilter)[];
export type FilterListKey = (typeof FILTER_LIST_KEYS)[number];

/** The list filters kept behind "More filters" (country, industry and owner have their own selects). */
export const MORE_FILTER_KEYS = [
  'continents',
  'regions',
  'segments',
  'tiers',
  'matrix',
  'churn',
  'lifecycleStages',
  'priorities',
  'businessTypes',
  'scales',
] as const satisfies readonly FilterListKey[];
export type MoreFilterKey = (typeof MORE_FILTER_KEYS)[number];

export const EMPTY_FILTER: GridFilterState = EMPTY_CUSTOMER_FILTER;

/** The engine filter for the toolbar state (search already debounced by the caller). */
export function toCustomerFilter(state: GridFilterState): CustomerFilterInput {
  return { ...state, search: state.search.trim() };
}

/** How many "More filters" fields narrow the list (the count on the button). */
export function moreFilterCount(state: GridFilterState): number {
  return MORE_FILTER_KEYS.filter((k) => state[k].length > 0).length;
}

export function hasNarrowingFilter(state: GridFilterState): boolean {
  return Boolean(
    state.search.trim() ||
    state.tag ||
    state.countryUnrecognised ||
    state.workingHoursNow ||
    FILTER_LIST_KEYS.some((k) => state[k].length > 0),
  );
}

/** Every narrowing filter removed; whether archived customers are shown is kept. */
export function clearedFilter(state: GridFilterState): GridFilterState {
  return { ...EMPTY_FILTER, archived: state.archived };
}

/** Adds or removes one class of a list filter. */
export function toggleFilterValue(state: GridFilterState, key: FilterListKey, value: string, on: boolean): GridFilterState {
  const list = state[key] as readonly string[];
  const next = on ? (list.includes(value) ? list : [...list, value]) : list.filter((v) => v !== value);
  return { ...state, [key]: next };
}

/** The same filter, compared with list order ignored (a saved view against the current state). */
export function sameFilter(a: GridFilterState, b: GridFilterState): boolean {
  if (
    a.search.trim() !== b.search.trim() ||
    a.tag !== b.tag ||
    a.archived !== b.archived ||
    a.countryUnrecognised !== b.countryUnrecognised ||
    a.workingHoursNow !== b.workingHoursNow
  )
    return false;
  return FILTER_LIST_KEYS.every((k) => {
    const x = [...(a[k] as readonly string[])].sort();
    const y = [...(b[k] as readonly string[])].sort();
    return x.length === y.length && x.every((v, i) => v === y[i]);
  });
}
