import { useQuery } from '@tanstack/react-query';
import { call } from '../../lib/ipc';
import { importKeys } from './import-keys';

/** The import history, newest first (reloaded whenever the engine reports a data change). */
export function useImportHistory() {
  return useQuery({
    queryKey: importKeys.history(),
    queryFn: () => call('import.history', {}),
  });
}
