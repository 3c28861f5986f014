import { restoreResultSchema, startupStatusSchema } from '../../domain/safety';
import { channel, none } from '../channel';

export const safetyChannels = {
  // Data safety: the start-up state (the recovery screen), backups and restoring. A restore keeps the
  // replaced database beside it; the page may restore only a file from the backup folder.
  'safety.status': channel('read', none, startupStatusSchema),
  'safety.restoreLatest': channel('write', none, restoreResultSchema),
  'safety.startEmpty': channel('write', none, restoreResultSchema),
} as const;
