import type { HandlersOf } from '../engine/handler-types';

/** The engine's handlers for the backups.*, safety.* channels: each calls the service beside it. */
export const safetyHandlers = {
  'safety.status': (rt) => rt.safety.status(),
  'safety.restoreLatest': (rt) => rt.safety.restoreLatest(),
  'safety.startEmpty': (rt) => rt.safety.startEmpty(),
  'backups.list': (rt) => rt.safety.list(),
  'backups.create': (rt) => rt.safety.backupNow('manual'),
  'backups.restore': (rt, input) => rt.safety.restoreBackup(input.fileName),
} satisfies HandlersOf<'backups' | 'safety'>;
