import { z } from 'zod';
import {
  fingerprintSchema,
  teamConflictSchema,
  teamJoinPreviewSchema,
  teamProbeSchema,
  teamServerSchema,
  teamStatusSchema,
} from '../../domain/team';
import { channel, none } from '../channel';

const credentials = z.strictObject({
  server: teamServerSchema,
  login: z.string().trim().min(1).max(120),
  password: z.string().min(1).max(1000),
  /** The fingerprint the user confirmed (shown by team.probe, printed by the server at start). */
  fingerprint: fingerprintSchema,
  deviceName: z.string().trim().min(1).max(120),
});

export const teamChannels = {
  /** Where the sync stands (the indicator, Settings → Team). */
  'team.status': channel('read', none, teamStatusSchema),
  /** The server's certificate before joining: its fingerprint to compare with the one the server printed. */
  'team.probe': channel('read', z.strictObject({ server: teamServerSchema }), teamProbeSchema),
  /** What joining would upload from this book and how much of it the team already has. */
  'team.preview': channel('read-job', credentials, teamJoinPreviewSchema),
  /** Log in as this device, upload this book (merged by the import's rules) and start syncing. */
  'team.join': channel('job', credentials, teamStatusSchema),
  /** Stop syncing: the book stays on this computer as it is; unsent changes are kept. */
  'team.leave': channel('write', none, teamStatusSchema),
  /** Push what waits and pull what is new, now. */
  'team.sync': channel('job', none, teamStatusSchema),
  'team.conflicts': channel('read', z.strictObject({ resolved: z.boolean().optional() }), z.array(teamConflictSchema)),
  /** Keep my value (it is written again, as a new change) or theirs (the conflict is closed). */
  'team.resolveConflict': channel(
    'write',
    z.strictObject({ id: z.number().int().positive(), keep: z.enum(['mine', 'theirs']) }),
    teamConflictSchema,
  ),
} as const;
