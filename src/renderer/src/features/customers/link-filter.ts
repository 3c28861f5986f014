import { filterFromHash } from '../../app/route-filter';
import { routeFromHash } from '../../app/routes';
import { filterFrom } from './filter-sanitize';
import type { GridFilterState } from './grid-filter';

/** The filter carried by a customers link (#/customers?filter=…) over the default filter, or null. */
export function linkFilter(hash: string): GridFilterState | null {
  if (routeFromHash(hash) !== 'customers') return null;
  const raw = filterFromHash(hash);
  return raw ? filterFrom(raw) : null;
}
