import { backupFileNameSchema, backupInfoSchema, backupListSchema, restoreResultSchema } from '../../domain/safety';
import { z } from 'zod';
import { channel, none } from '../channel';

export const backupsChannels = {
  'backups.list': channel('read', none, backupListSchema),
  'backups.create': channel('write', none, backupInfoSchema),
  'backups.restore': channel('write', z.strictObject({ fileName: backupFileNameSchema }), restoreResultSchema),
} as const;
