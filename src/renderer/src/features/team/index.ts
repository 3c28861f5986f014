/**
 * What other parts of the app use of the team feature: Settings → Team, the navigation's sync
 * indicator, where the sync stands, and the collision check of a customer being typed.
 */
export { TeamSection } from './team-section';
export { SyncIndicator } from './sync-indicator';
export { useTeamStatus } from './use-team';
export { CollisionAlert, type OwnedMatch } from './collision-alert';
export { useCollisionCheck } from './use-collisions';
