import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CustomerFilterInput } from '../../../../shared/domain/customer';
import { call } from '../../lib/ipc';
import { customerKeys } from '../../lib/customer-keys';

/** How many customers match the filter (the grid's full, virtual length). */
export function useCustomerTotal(filter: CustomerFilterInput) {
  return useQuery({
    queryKey: customerKeys.total(filter),
    queryFn: async () => (await call('customers.list', { filter, limit: 1, withTotal: true })).total ?? 0,
    placeholderData: keepPreviousData,
  });
}
