import { z } from 'zod';
import { OP_REJECT_CODES } from '../team/sync';

/**
 * The laptop's side of a team (#19): what the app shows about its team server and the sync, and
 * the conflict list. The server's own HTTP contract is src/shared/team/contract.ts.
 */

export const TEAM_ROLES = ['salesperson', 'manager', 'admin'] as const;
export const teamRoleSchema = z.enum(TEAM_ROLES);
export type TeamRole = z.infer<typeof teamRoleSchema>;

/** https://host[:port], no path: the team server's address as the user types it. */
export const teamServerSchema = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .regex(/^https:\/\/[^\s/?#]+\/?$/, 'an https:// address (host and optional port)');

/** A certificate's SHA-256 fingerprint: 64 hex digits, with or without colons, any case. */
export const fingerprintSchema = z
  .string()
  .trim()
  .transform((s) => s.replace(/:/g, '').toLowerCase())
  .pipe(z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 fingerprint (64 hex digits)'));

/**
 * Where the sync stands, as the indicator shows it:
 * - off: not in a team (single-user book);
 * - synced: everything acknowledged and pulled;
 * - waiting: changes not yet acknowledged (the server is reachable; a sync is due or running);
 * - offline: the server could not be reached since `offlineSince` (changes wait; nothing is lost);
 * - error: the server refused the sync (`error` says why: a revoked device, a wrong fingerprint…).
 */
export const SYNC_STATES = ['off', 'synced', 'waiting', 'syncing', 'offline', 'error'] as const;
export const syncStateSchema = z.enum(SYNC_STATES);
export type SyncState = z.infer<typeof syncStateSchema>;

/** Why a sync stopped, with a stable code the renderer puts in the user's language. */
export const TEAM_PROBLEMS = [
  'UNREACHABLE',
  'FINGERPRINT_MISMATCH',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'SERVER_ERROR',
  'PROTOCOL',
] as const;
export const teamProblemSchema = z.object({ code: z.enum(TEAM_PROBLEMS), message: z.string() });
export type TeamProblem = z.infer<typeof teamProblemSchema>;

export const teamUserSchema = z.object({ id: z.string(), name: z.string(), login: z.string(), role: teamRoleSchema });
/** A colleague as every laptop of the team knows them: name and role. */
export const teamMemberSchema = z.object({ name: z.string(), role: teamRoleSchema });
export type TeamMember = z.infer<typeof teamMemberSchema>;
export type TeamUser = z.infer<typeof teamUserSchema>;

export const teamStatusSchema = z.object({
  state: syncStateSchema,
  server: z.string().nullable(),
  /** The pinned certificate fingerprint (hex, lower case). */
  fingerprint: z.string().nullable(),
  user: teamUserSchema.nullable(),
  deviceName: z.string().nullable(),
  /** Local changes not yet acknowledged by the server (field operations). */
  waiting: z.number().int().nonnegative(),
  /** Conflicts not yet looked at. */
  conflicts: z.number().int().nonnegative(),
  lastSyncAt: z.string().nullable(),
  offlineSince: z.string().nullable(),
  problem: teamProblemSchema.nullable(),
  /** The first download of the team's book, while it runs. */
  download: z.object({ rows: z.number().int().nonnegative(), more: z.boolean() }).nullable(),
});
export type TeamStatus = z.infer<typeof teamStatusSchema>;

/** What the server's certificate is before joining: the user compares the fingerprint with the one the server printed. */
export const teamProbeSchema = z.object({ fingerprint: z.string(), subject: z.string(), validTo: z.string() });
export type TeamProbe = z.infer<typeof teamProbeSchema>;

/** The first sync of a book that already has customers: what will be uploaded and merged. */
export const teamJoinPreviewSchema = z.object({
  customers: z.number().int().nonnegative(),
  /** Customers that match one of the team's by the import's rules (e-mail, domain, company + country): merged, not duplicated. */
  matched: z.number().int().nonnegative(),
  rows: z.number().int().nonnegative(),
});
export type TeamJoinPreview = z.infer<typeof teamJoinPreviewSchema>;

export const teamConflictSchema = z.object({
  id: z.number().int().positive(),
  tbl: z.string(),
  gid: z.string(),
  field: z.string(),
  /** The customer it belongs to, for the list (null when the row is gone). */
  customerId: z.number().int().nullable(),
  company: z.string().nullable(),
  mine: z.unknown(),
  theirs: z.unknown(),
  mineAt: z.string(),
  theirsAt: z.string(),
  /** Which value the book holds now. */
  kept: z.enum(['mine', 'theirs']),
  /**
   * Who wrote the other value (a name), when the server said; for a refused change of owner
   * (POOL_TAKEN, POOL_CAP, POOL_COOLING), who holds the customer now ("claimed by Li Na first"),
   * with `theirs` the owner the server has, which the book holds again.
   */
  by: z.string().nullable(),
  /**
   * Not a collision but a change of mine the server refused (an op's reject code: FORBIDDEN,
   * NO_PARENT…) or dropped with a customer this user may no longer see (REMOVED): `mine` holds the
   * value, `theirs` is null; it can be dismissed (keep theirs), not written again.
   */
  code: z.enum([...OP_REJECT_CODES, 'REMOVED']).nullable(),
  resolvedAt: z.string().nullable(),
});
export type TeamConflict = z.infer<typeof teamConflictSchema>;
