import { useQuery } from '@tanstack/react-query';
import { call } from '../../lib/ipc';
import { customerKeys } from '../../lib/customer-keys';

/** One customer with all fields and contacts; reloaded whenever the engine reports a change. */
export function useCustomerDetail(id: number) {
  return useQuery({
    queryKey: customerKeys.detail(id),
    queryFn: () => call('customers.get', { id }),
    // A missing customer is shown in the panel itself; other errors go to the alert region too.
    throwOnError: false,
  });
}
