import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CustomerFilterInput } from '../../../shared/domain/customer';
import { call } from './ipc';
import { customerKeys } from './customer-keys';

/** Countries, industries and owners present in the data, with counts, for the toolbar filters. */
export function useCustomerFacets(archived: CustomerFilterInput['archived']) {
  return useQuery({
    queryKey: customerKeys.facets(archived),
    queryFn: () => call('customers.facets', { archived }),
    placeholderData: keepPreviousData,
  });
}
