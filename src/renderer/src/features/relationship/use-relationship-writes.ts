import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useWriteAction } from '../../lib/use-write-action';
import { complaintKeys, needKeys } from './relationship-keys';

export type { WriteResult } from '../../lib/use-write-action';

/**
 * Runs one write on a need or complaint: announces success, reports a version conflict in its own
 * words, shows any other error (unless the caller handles it), and reloads needs and complaints
 * either way, so the screen shows what the engine has now.
 */
export function useRelationshipWrites() {
  const client = useQueryClient();

  const refresh = useCallback(
    () => Promise.all([client.invalidateQueries({ queryKey: needKeys.all }), client.invalidateQueries({ queryKey: complaintKeys.all })]),
    [client],
  );

  const run = useWriteAction(refresh);

  return { run, refresh };
}
