/** What other parts of the app use of the team feature: Settings → Team, the navigation's sync indicator, and where the sync stands. */
export { TeamSection } from './team-section';
export { SyncIndicator } from './sync-indicator';
export { useTeamStatus } from './use-team';
