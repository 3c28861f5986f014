import { useQuery } from '@tanstack/react-query';
import { call } from '../../lib/ipc';
import { customerKeys } from '../../lib/customer-keys';

/** The saved grid views, by name. */
export function useSavedViews() {
  return useQuery({ queryKey: customerKeys.views, queryFn: () => call('views.list', { kind: 'grid' }) });
}
