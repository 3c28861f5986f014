/** What other features use of the start-up safety feature: its query keys (backups refresh them). */
export { safetyKeys } from './safety-keys';
