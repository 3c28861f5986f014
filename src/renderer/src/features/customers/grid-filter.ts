import type { CustomerFilterInput } from '../../../../shared/domain/customer';

/** What the toolbar controls: one value per filter ('' means all). */
export interface GridFilterState {
  search: string;
  country: string;
  industry: string;
  owner: string;
  showArchived: boolean;
}

export const EMPTY_FILTER: GridFilterState = { search: '', country: '', industry: '', owner: '', showArchived: false };

/** The engine filter for the toolbar state (search already debounced by the caller). */
export function toCustomerFilter(state: GridFilterState): CustomerFilterInput {
  return {
    search: state.search.trim(),
    countries: state.country ? [state.country] : [],
    industries: state.industry ? [state.industry] : [],
    owners: state.owner ? [state.owner] : [],
    archived: state.showArchived ? 'all' : 'active',
  };
}

export function hasNarrowingFilter(state: GridFilterState): boolean {
  return Boolean(state.search.trim() || state.country || state.industry || state.owner);
}
