import { moveDataInputSchema, moveDataResultSchema, workspaceStatusSchema } from '../../domain/workspace';
import { channel, none } from '../channel';

export const workspaceChannels = {
  // Workspaces: the user's database and a generated sample kept apart from it (the engine always starts on
  // the user's), and the data folder. These switch the database: they wait for calls in flight and refuse
  // while a long job runs (BUSY).
  'workspace.status': channel('read', none, workspaceStatusSchema),
  'workspace.openSample': channel('job', none, workspaceStatusSchema),
  'workspace.openMain': channel('write', none, workspaceStatusSchema),
  'workspace.removeSample': channel('write', none, workspaceStatusSchema),
  'workspace.moveData': channel('job', moveDataInputSchema, moveDataResultSchema),
} as const;
