import { z } from 'zod';
import {
  COLLISION_ANSWERS,
  collisionMatchSchema,
  collisionQuerySchema,
  collisionReportSchema,
  collisionRequestInputSchema,
  collisionRequestSchema,
} from './collisions';
import { MAX_PUSH_BYTES, pullInputSchema, pullOutputSchema, pushInputSchema, pushOutputSchema, shareSchema } from './sync';

/**
 * The team server's HTTP contract (HTTPS + JSON under /v1/), declared once with a runtime schema
 * for each endpoint's input and output, as the app's IPC channels are (src/shared/ipc/channel.ts):
 * the server validates every request against it, and a laptop imports the same declarations.
 *
 * Input: the JSON body (POST), the query string (GET) and the path's `:params` together, checked
 * by `input`. Every response body is a TeamResult (errors.ts): `{ ok: true, value }` with the
 * output, or `{ ok: false, error: { code, message } }` with the HTTP status of its code.
 *
 * auth: 'none' needs no token (login, health); 'device' needs `Authorization: Bearer <token>` of a
 * device that is not revoked, of a user who is not removed; 'manager' also needs the manager or
 * admin role, 'admin' the admin role.
 */
export type EndpointAuth = 'none' | 'device' | 'manager' | 'admin';
export type HttpMethod = 'GET' | 'POST' | 'DELETE';

export interface EndpointDef<I extends z.ZodType, O extends z.ZodType> {
  method: HttpMethod;
  /** The path, with `:name` for a path parameter (e.g. /v1/users/:id). */
  path: string;
  auth: EndpointAuth;
  input: I;
  output: O;
  /** The largest request body accepted (default 64 KiB). */
  maxBodyBytes?: number;
}

const endpoint = <I extends z.ZodType, O extends z.ZodType>(
  method: HttpMethod,
  path: string,
  auth: EndpointAuth,
  input: I,
  output: O,
  maxBodyBytes?: number,
): EndpointDef<I, O> =>
  maxBodyBytes === undefined ? { method, path, auth, input, output } : { method, path, auth, input, output, maxBodyBytes };

/** The API's version, the /v1/ of every path; a laptop refuses a server that speaks another. */
export const TEAM_API_VERSION = 1;

export const ROLES = ['salesperson', 'manager', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Ids are UUIDv7 (time-ordered), made by the server. */
export const idSchema = z.uuid();
const instant = z.iso.datetime({ offset: true });

export const loginNameSchema = z
  .string()
  .trim()
  .min(1, 'a login is required')
  .max(64)
  .regex(/^[^\s:]+$/, 'a login has no spaces or colons');
export const userNameSchema = z.string().trim().min(1, 'a name is required').max(120);
/** Long passphrases are welcome; argon2id hashes any length, the cap only bounds the request. */
export const passwordSchema = z.string().min(8, 'a password has at least 8 characters').max(256);
export const deviceNameSchema = z.string().trim().min(1, 'a device name is required').max(120);

export const userSchema = z.object({
  id: idSchema,
  name: z.string(),
  login: z.string(),
  role: roleSchema,
  createdAt: instant,
  removedAt: instant.nullable(),
});
export type TeamUser = z.infer<typeof userSchema>;

export const deviceSchema = z.object({
  id: idSchema,
  userId: idSchema,
  userLogin: z.string(),
  name: z.string(),
  createdAt: instant,
  lastSeenAt: instant.nullable(),
  revokedAt: instant.nullable(),
});
export type TeamDevice = z.infer<typeof deviceSchema>;

const none = z.strictObject({});
const byId = z.strictObject({ id: idSchema });

export const teamApi = {
  /** Whether the server is up, which API it speaks and its clock (a laptop's "test connection"). */
  health: endpoint('GET', '/v1/health', 'none', none, z.object({ api: z.literal(TEAM_API_VERSION), serverTime: instant })),
  /**
   * Signs a device in: a new device row with its own token (shown once, stored only hashed).
   * Failed attempts are limited per login and per address (RATE_LIMITED, 429 with Retry-After).
   */
  login: endpoint(
    'POST',
    '/v1/login',
    'none',
    z.strictObject({ login: loginNameSchema, password: z.string().min(1).max(256), deviceName: deviceNameSchema }),
    z.object({ token: z.string(), deviceId: idSchema, user: userSchema, serverTime: instant }),
  ),
  /** The signed-in user and this device. */
  me: endpoint('GET', '/v1/me', 'device', none, z.object({ user: userSchema, deviceId: idSchema, serverTime: instant })),
  usersAdd: endpoint(
    'POST',
    '/v1/users',
    'admin',
    z.strictObject({ name: userNameSchema, login: loginNameSchema, password: passwordSchema, role: roleSchema }),
    userSchema,
  ),
  /** Every user, removed ones too (with removedAt) unless active=true. */
  usersList: endpoint(
    'GET',
    '/v1/users',
    'admin',
    z.strictObject({ active: z.enum(['true', 'false']).optional() }),
    z.object({ users: z.array(userSchema) }),
  ),
  /**
   * The team's active members, name and role only (every device: the laptops offer colleagues as
   * owners, in a hand-over and in the manager's view even before they hold a customer).
   */
  members: endpoint('GET', '/v1/members', 'device', none, z.object({ members: z.array(z.object({ name: z.string(), role: roleSchema })) })),
  /** Marks the user removed and revokes their devices; nothing of theirs is deleted. The last admin stays. */
  usersRemove: endpoint('DELETE', '/v1/users/:id', 'admin', byId, userSchema),
  devicesList: endpoint('GET', '/v1/devices', 'admin', none, z.object({ devices: z.array(deviceSchema) })),
  /** Revokes a device: its token gets UNAUTHENTICATED from then on. */
  devicesRevoke: endpoint('DELETE', '/v1/devices/:id', 'admin', byId, deviceSchema),
  /**
   * Applies a batch of field-level operations (at most 5,000) in one transaction: idempotent by op
   * id, field-level last-writer-wins by HLC, each op answered applied, duplicate or rejected with a
   * code (src/shared/team/sync.ts). Only the whole batch fails (a bad body, a server error).
   */
  push: endpoint('POST', '/v1/push', 'device', pushInputSchema, pushOutputSchema, MAX_PUSH_BYTES),
  /**
   * What this user may see that changed after `since`, in seq order, `limit` rows at a time
   * (`more`), with the customers they may no longer see (`removed`) and their new conflicts; with
   * `wait` (seconds, at most 30), waits for something new first when there is nothing.
   */
  pull: endpoint('GET', '/v1/pull', 'device', pullInputSchema, pullOutputSchema),
  /** Who a customer is shared with (managers and admins). */
  sharesList: endpoint(
    'GET',
    '/v1/customers/:gid/shares',
    'manager',
    z.strictObject({ gid: idSchema }),
    z.object({ shares: z.array(shareSchema) }),
  ),
  /** Shares a customer with a user, read-only or writable; its rows reach that user's laptops. */
  sharesPut: endpoint(
    'POST',
    '/v1/customers/:gid/shares',
    'manager',
    z.strictObject({ gid: idSchema, userId: idSchema, canWrite: z.boolean() }),
    shareSchema,
  ),
  /** Unshares it: the user's laptops drop the customer unless they may see it otherwise. */
  sharesRemove: endpoint(
    'DELETE',
    '/v1/customers/:gid/shares/:userId',
    'manager',
    z.strictObject({ gid: idSchema, userId: idSchema }),
    z.object({ removed: z.boolean() }),
  ),
  /**
   * The collision check (查重/撞单): which customers of the whole team's book match these keys by the
   * import's rules, and who holds them since when. A customer this user may not see is named by its
   * owner only (no company, no contact).
   */
  collisions: endpoint('POST', '/v1/collisions', 'device', collisionQuerySchema, z.object({ matches: z.array(collisionMatchSchema) })),
  /**
   * Collisions found at sync that this user is named in (managers: all), open ones first, newest
   * first (at most 200); with the requests (ask to share, a lead for the owner) this user made or
   * may answer (managers: all), open first, newest first (at most 200).
   */
  collisionReports: endpoint(
    'GET',
    '/v1/collisions/reports',
    'device',
    z.strictObject({}),
    z.object({ reports: z.array(collisionReportSchema), requests: z.array(collisionRequestSchema).default([]) }),
  ),
  /** Marks a collision found at sync handled (one of its two owners, or a manager). */
  collisionHandled: endpoint(
    'POST',
    '/v1/collisions/reports/:id/handled',
    'device',
    z.strictObject({ id: idSchema }),
    z.object({ report: collisionReportSchema }),
  ),
  /**
   * Asks the owner of a colleague's customer (found by the collision check) to share it, or passes
   * them a lead for it. NOT_FOUND: no such customer; CONFLICT: it is the asker's own or in the pool
   * (claim it instead). One open share request per customer and asker: asking again answers the open one.
   */
  collisionRequest: endpoint(
    'POST',
    '/v1/collisions/requests',
    'device',
    collisionRequestInputSchema,
    z.object({ request: collisionRequestSchema }),
  ),
  /**
   * The customer's owner (or a manager) answers a request: shared read-only or writable (the asker's
   * next pull brings the customer), 'added' (a lead: the owner's laptop added it), or declined.
   */
  collisionAnswer: endpoint(
    'POST',
    '/v1/collisions/requests/:id/answer',
    'device',
    z.strictObject({ id: idSchema, answer: z.enum(COLLISION_ANSWERS) }),
    z.object({ request: collisionRequestSchema }),
  ),
  /** Applies the pool's return rules now (the server also does hourly): owned customers due back go to the pool. */
  poolRun: endpoint('POST', '/v1/pool/run', 'manager', none, z.object({ returned: z.number().int(), checked: z.number().int() })),
} as const;

export type TeamEndpoint = keyof typeof teamApi;
export type TeamInput<E extends TeamEndpoint> = z.input<(typeof teamApi)[E]['input']>;
export type TeamParsedInput<E extends TeamEndpoint> = z.output<(typeof teamApi)[E]['input']>;
export type TeamOutput<E extends TeamEndpoint> = z.output<(typeof teamApi)[E]['output']>;
