import type { CustomerFilterInput, CustomerSort } from '../../../../shared/domain/customer';

/** Query-cache keys for customer data; everything starts with 'customers'. */
export const customerKeys = {
  all: ['customers'] as const,
  total: (filter: CustomerFilterInput) => ['customers', 'list', filter, 'total'] as const,
  block: (filter: CustomerFilterInput, sort: CustomerSort, block: number) => ['customers', 'list', filter, sort, 'block', block] as const,
  facets: (archived: CustomerFilterInput['archived']) => ['customers', 'facets', archived ?? 'active'] as const,
  detail: (id: number) => ['customers', 'detail', id] as const,
};
