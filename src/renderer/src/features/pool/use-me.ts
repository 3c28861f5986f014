import { usePrefs } from '../../lib/use-prefs';
import { useTeamStatus } from '../team';

/**
 * Who uses this computer, as the pool names owners: the team user's name in a team, else
 * Settings' "You (on this computer)"; null while nobody is chosen (or not known yet).
 */
export function useMe(): string | null {
  const prefs = usePrefs();
  const team = useTeamStatus();
  const teamName = team.data?.user?.name.trim();
  if (teamName) return teamName;
  return prefs.data?.me ?? null;
}
