import type { CustomerFilterInput, CustomerSort } from '../../../shared/domain/customer';

/** Query-cache keys for customer data; everything starts with 'customers'. */
export const customerKeys = {
  all: ['customers'] as const,
  total: (filter: CustomerFilterInput) => ['customers', 'list', filter, 'total'] as const,
  block: (filter: CustomerFilterInput, sort: CustomerSort, block: number) => ['customers', 'list', filter, sort, 'block', block] as const,
  facets: (archived: CustomerFilterInput['archived']) => ['customers', 'facets', archived ?? 'active'] as const,
  /** The classes of one dimension with counts, for the filter panel and chips. */
  filterOptions: (dimension: string, filter: CustomerFilterInput) => ['customers', 'class-options', dimension, filter] as const,
  detail: (id: number) => ['customers', 'detail', id] as const,
  views: ['customers', 'views', 'grid'] as const,
  currency: ['customers', 'currency'] as const,
  rules: ['customers', 'rules'] as const,
};
