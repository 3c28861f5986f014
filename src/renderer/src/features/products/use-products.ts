import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import { call } from '../../lib/ipc';

/** Query keys of the catalogue: every products query starts with 'products' (a write invalidates them all). */
export const productKeys = {
  all: ['products'] as const,
  list: (input: ChannelInput<'products.list'>) => ['products', 'list', input] as const,
  ofCustomer: (customerId: number) => ['products', 'ofCustomer', customerId] as const,
};

export function useProductList(input: ChannelInput<'products.list'>) {
  return useQuery({ queryKey: productKeys.list(input), queryFn: () => call('products.list', input), placeholderData: keepPreviousData });
}

export function useCustomerProducts(customerId: number) {
  return useQuery({ queryKey: productKeys.ofCustomer(customerId), queryFn: () => call('products.ofCustomer', { customerId }) });
}
