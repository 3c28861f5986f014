import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TeamStatus } from '../../../../shared/domain/team';
import { call, useEngineEvents } from '../../lib/ipc';

/** Query-cache keys of the team sync (refreshed on data.changed like every query; the status also by its own event). */
export const teamKeys = {
  all: ['team'] as const,
  status: () => ['team', 'status'] as const,
  conflicts: (resolved: boolean) => ['team', 'conflicts', resolved] as const,
};

/** Where the sync stands: read once, then kept current by the engine's team.status events. */
export function useTeamStatus() {
  const client = useQueryClient();
  const query = useQuery({ queryKey: teamKeys.status(), queryFn: () => call('team.status', {}) });
  useEngineEvents((event) => {
    if (event.type !== 'team.status') return;
    const before = client.getQueryData<TeamStatus>(teamKeys.status());
    client.setQueryData(teamKeys.status(), event.status);
    // A new conflict, or one resolved elsewhere: the list follows the count.
    if (!before || before.conflicts !== event.status.conflicts) void client.invalidateQueries({ queryKey: ['team', 'conflicts'] });
  });
  return query;
}

export function useTeamConflicts(resolved: boolean, enabled: boolean) {
  return useQuery({ queryKey: teamKeys.conflicts(resolved), queryFn: () => call('team.conflicts', { resolved }), enabled });
}
