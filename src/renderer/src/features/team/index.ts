/** What other parts of the app use of the team feature: Settings → Team and the navigation's sync indicator. */
export { TeamSection } from './team-section';
export { SyncIndicator } from './sync-indicator';
