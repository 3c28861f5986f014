import { z } from 'zod';
import {
  fingerprintSchema,
  teamConflictSchema,
  teamMemberSchema,
  teamJoinPreviewSchema,
  teamProbeSchema,
  teamServerSchema,
  teamStatusSchema,
} from '../../domain/team';
import {
  COLLISION_ANSWERS,
  COLLISION_KEYS,
  collisionReportSchema,
  collisionRequestInputSchema,
  collisionRequestSchema,
} from '../../team/collisions';
import { timeZoneSchema } from '../../domain/followups';
import { channel, none } from '../channel';

const credentials = z.strictObject({
  server: teamServerSchema,
  login: z.string().trim().min(1).max(120),
  password: z.string().min(1).max(1000),
  /** The fingerprint the user confirmed (shown by team.probe, printed by the server at start). */
  fingerprint: fingerprintSchema,
  deviceName: z.string().trim().min(1).max(120),
});

/**
 * The collision check (查重/撞单, #20): a customer about to be added as the forms have it (New
 * customer, quick capture), texts as typed so far; the engine computes the import's matching keys.
 */
export const collisionDraftSchema = z.strictObject({
  company: z.string().max(300).default(''),
  /** ISO 3166-1 alpha-2 ('' = unknown): a company name matches within its country. */
  country: z.string().trim().max(3).default(''),
  website: z.string().max(500).default(''),
  contacts: z
    .array(
      z.strictObject({
        email: z.string().max(254).default(''),
        phone: z.string().max(60).default(''),
        mobile: z.string().max(60).default(''),
      }),
    )
    .max(20)
    .default([]),
  /** The customer being edited, left out of the answer. */
  exceptCustomerId: z.number().int().positive().optional(),
});
export type CollisionDraft = z.input<typeof collisionDraftSchema>;

export const collisionsSchema = z.object({
  /**
   * Where the keys were looked up: 'team' the team server (the whole team's book); 'local' this
   * laptop's book (not in a team, or the server did not answer within a few seconds); 'none'
   * nothing to look up (no company, e-mail, web address or phone typed yet).
   */
  checked: z.enum(['team', 'local', 'none']),
  matches: z.array(
    z.object({
      /** The keys that matched, strongest first. */
      by: z.array(z.enum(COLLISION_KEYS)).min(1),
      /** The owner's name; null: in the public pool. */
      owner: z.string().nullable(),
      /** Since when the owner (or the pool) holds it (ISO). */
      since: z.string(),
      /** Null when this user may not see the customer (a colleague's private one). */
      company: z.string().nullable(),
      /** The customer's id in this book, when this laptop has it. */
      customerId: z.number().int().nullable(),
      /** The customer's team id, when the team server answered (what a request to its owner names). */
      gid: z.string().nullable().default(null),
    }),
  ),
});
export type Collisions = z.infer<typeof collisionsSchema>;

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
  /**
   * The collision check of a customer about to be added: who already has it, asked of the team
   * server (~3 s at most), else answered from this book. Never blocks saving: the server decides
   * ownership.
   */
  'team.collisions': channel('read', collisionDraftSchema, collisionsSchema),
  /**
   * Collisions the team server found at sync that name this user (a lead captured offline for a
   * colleague's customer; managers see all), as last fetched (kept for offline), with this book's
   * customer ids where it has them.
   */
  'team.collisionReports': channel(
    'read',
    none,
    z.object({
      fetchedAt: z.string().nullable(),
      reports: z.array(collisionReportSchema.extend({ customerId: z.number().int().nullable(), otherId: z.number().int().nullable() })),
      /** Requests this user made or may answer (ask to share, a lead for the owner), kept with the reports. */
      requests: z.array(collisionRequestSchema.extend({ customerId: z.number().int().nullable() })),
    }),
  ),
  /** The team's active members (name, role) as last fetched from the server; none outside a team. */
  'team.members': channel('read', none, z.array(teamMemberSchema)),
  /** Marks one handled on the server (one of its two owners, or a manager); needs the server. */
  'team.collisionHandled': channel('write', z.strictObject({ id: z.uuid() }), collisionReportSchema),
  /**
   * Asks the owner of a colleague's customer found by the collision check to share it, or passes
   * them a lead for it (quick capture's fields); needs the server.
   */
  'team.collisionRequest': channel('write', collisionRequestInputSchema, collisionRequestSchema),
  /**
   * The owner (or a manager) answers a request: share read-only or writable, decline, or for a
   * lead 'added': this laptop first adds the lead to its customer as quick capture would (one
   * transaction), then tells the server. `timeZone`: the added lead's follow-up is proposed in it.
   */
  'team.answerRequest': channel(
    'write',
    z.strictObject({ id: z.uuid(), answer: z.enum(COLLISION_ANSWERS), timeZone: timeZoneSchema.optional() }),
    collisionRequestSchema,
  ),
} as const;
