import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Prefs, PrefsPatch } from '../../../shared/domain/prefs';
import { call } from './ipc';

/** Query-cache key of the preferences (language, owners, today's fair, backup schedule). */
export const prefsKey = ['prefs'] as const;

/** The preferences saved in the database, defaults filled in. */
export function usePrefs() {
  return useQuery({ queryKey: prefsKey, queryFn: () => call('prefs.get', {}) });
}

/** Saves a change to some preferences and puts the result in the cache at once (the rest of the app reloads on data.changed). */
export function useSavePrefs(): (patch: PrefsPatch) => Promise<Prefs> {
  const client = useQueryClient();
  return useCallback(
    async (patch: PrefsPatch) => {
      const saved = await call('prefs.save', patch);
      client.setQueryData(prefsKey, saved);
      return saved;
    },
    [client],
  );
}
