import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { BoardColumn } from '../../../../shared/domain/classification';
import { PRIORITIES } from '../../../../shared/domain/customer-enums';
import type { CustomerFilterInput } from '../../../../shared/domain/customer';
import { call } from '../../lib/ipc';
import { customerKeys } from '../../lib/customer-keys';
import { FILTER_DIMENSION } from './filter-dimensions';
import type { MoreFilterKey } from './grid-filter';

export interface FilterOption {
  key: string;
  /** The engine's name for areas (and custom segment names); null = named by the renderer. */
  name: BoardColumn['name'];
  /** null when the engine's grouping does not match the filter (priority: set vs suggested). */
  count: number | null;
}

/** Priority filters on the priority set by hand, while its board column also counts suggested ones: no counts. */
const PRIORITY_OPTIONS: FilterOption[] = PRIORITIES.map((key) => ({ key, name: null, count: null }));

/**
 * The classes of one filter dimension with their counts (archived customers as the toolbar shows
 * them), from boards.columns: the names of continents and regions come from the engine.
 */
export function useFilterOptions(key: MoreFilterKey, scope: Pick<CustomerFilterInput, 'archived' | 'continents'>, enabled: boolean) {
  const dimension = FILTER_DIMENSION[key];
  // Regions are offered within the chosen continents, if any.
  const filter: CustomerFilterInput =
    key === 'regions' ? { archived: scope.archived, continents: scope.continents ?? [] } : { archived: scope.archived };
  return useQuery({
    queryKey: customerKeys.filterOptions(dimension, filter),
    queryFn: async (): Promise<FilterOption[]> => {
      if (key === 'priorities') return PRIORITY_OPTIONS;
      const res = await call('boards.columns', { dimension, filter });
      return res.columns.map((c) => ({ key: c.key, name: c.name, count: c.count }));
    },
    enabled,
    placeholderData: keepPreviousData,
  });
}
