import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { CollisionDraft, Collisions } from '../../../../shared/ipc/channels/team';
import { call } from '../../lib/ipc';
import { useDebouncedValue } from '../../lib/use-debounced-value';

/** How long the fields must rest before the check runs. */
const SETTLE_MS = 400;

/** Worth asking: a name of two letters or more, an e-mail with its @ and a dot after it, a web address, or most of a phone number. */
export function worthChecking(draft: CollisionDraft): boolean {
  const contacts = draft.contacts ?? [];
  return (
    [...(draft.company ?? '').trim()].length >= 2 ||
    /\.\w/.test(draft.website ?? '') ||
    contacts.some((c) => /@[^@\s]+\.\w/.test(c.email ?? '')) ||
    contacts.some((c) => `${c.phone ?? ''}${c.mobile ?? ''}`.replace(/\D/g, '').length >= 7)
  );
}

/**
 * The collision check (查重/撞单, #20) of a customer being typed: team.collisions once the fields have
 * rested ~400 ms. undefined while there is nothing worth checking; the previous answer meanwhile.
 * A failure shows nothing (the check is advice, it never stands in the way of saving).
 */
export function useCollisionCheck(draft: CollisionDraft): Collisions | undefined {
  const json = JSON.stringify(draft);
  const settledJson = useDebouncedValue(json, SETTLE_MS);
  const settled = useMemo(() => JSON.parse(settledJson) as CollisionDraft, [settledJson]);
  const enabled = worthChecking(settled);
  const query = useQuery({
    queryKey: ['team', 'collisions', settled] as const,
    queryFn: () => call('team.collisions', settled).catch(() => null),
    enabled,
    placeholderData: keepPreviousData,
  });
  return enabled && worthChecking(draft) ? (query.data ?? undefined) : undefined;
}
