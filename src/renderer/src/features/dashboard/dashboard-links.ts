import { RFM_SEGMENTS, VALUE_MATRIX, VALUE_TIERS } from '../../../../shared/domain/classification-enums';
import type { CustomerFilterInput } from '../../../../shared/domain/customer';
import { LIFECYCLE_STAGES } from '../../../../shared/domain/customer-enums';
import { customersHash } from '../../app/route-filter';

/** The dimensions the dashboard charts, each with a customers-grid filter field. */
export type DashboardDimension = 'continent' | 'country' | 'industry' | 'segment' | 'tier' | 'lifecycle' | 'matrix';

function isOneOf<T extends string>(list: readonly T[], key: string): key is T {
  return (list as readonly string[]).includes(key);
}

/** The customers-grid filter selecting one class of a dimension, or null when the key is not one the filter takes. */
export function classFilter(dimension: DashboardDimension, key: string): CustomerFilterInput | null {
  switch (dimension) {
    case 'continent':
      return { continents: [key] };
    case 'country':
      return { countries: [key] };
    case 'industry':
      return { industries: [key] };
    case 'segment':
      return key === 'none' || isOneOf(RFM_SEGMENTS, key) ? { segments: [key] } : null;
    case 'tier':
      return key === 'none' || isOneOf(VALUE_TIERS, key) ? { tiers: [key] } : null;
    case 'lifecycle':
      return isOneOf(LIFECYCLE_STAGES, key) ? { lifecycleStages: [key] } : null;
    case 'matrix':
      return isOneOf(VALUE_MATRIX, key) ? { matrix: [key] } : null;
  }
}

/** The link to the customers of one class (#/customers?filter=…), or null. */
export function classHref(dimension: DashboardDimension, key: string): string | null {
  const filter = classFilter(dimension, key);
  return filter ? customersHash(filter) : null;
}

/** Customers past their own order rhythm: the churn warning list. */
export const AT_RISK_FILTER: CustomerFilterInput = { churn: ['warning'] };

/** Goes to a link produced above, as following an <a href> would. */
export function followLink(href: string): void {
  window.location.hash = href.startsWith('#') ? href.slice(1) : href;
}
