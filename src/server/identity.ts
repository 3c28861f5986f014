import { sql, type Kysely, type Selectable } from 'kysely';
import type { Role, TeamDevice, TeamUser } from '../shared/team/contract';
import { TeamError } from '../shared/team/errors';
import type { ServerDatabase, UsersTable } from './db/schema';
import { dummyPasswordHash, hashPassword, newDeviceToken, tokenHash, verifyPassword } from './passwords';
import { FailureLimiter } from './rate-limit';
import { uuidv7 } from './uuid';

/**
 * Identity on the team server: users (salesperson, manager, admin) and their devices, one token
 * each. The HTTP endpoints and the `server users` CLI both go through these functions. Nothing is
 * deleted: a removed user keeps their row (and, later, everything they wrote), their devices are
 * revoked, and neither gets anything more.
 */
export type Db = Kysely<ServerDatabase>;

export interface Principal {
  user: TeamUser;
  deviceId: string;
}

const iso = (d: Date): string => d.toISOString();
const isoOrNull = (d: Date | null): string | null => (d === null ? null : d.toISOString());

function toUser(row: Selectable<UsersTable>): TeamUser {
  return {
    id: row.id,
    name: row.name,
    login: row.login,
    role: row.role,
    createdAt: iso(row.created_at),
    removedAt: isoOrNull(row.removed_at),
  };
}

const isUniqueViolation = (err: unknown): boolean =>
  typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';

export async function addUser(db: Db, input: { name: string; login: string; password: string; role: Role }): Promise<TeamUser> {
  const passwordHash = await hashPassword(input.password);
  try {
    const row = await db
      .insertInto('users')
      .values({ id: uuidv7(), name: input.name, login: input.login, role: input.role, password_hash: passwordHash })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toUser(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw new TeamError('CONFLICT', `the login "${input.login}" is taken`, { details: { field: 'login' } });
    throw err;
  }
}

export async function listUsers(db: Db, options: { activeOnly?: boolean } = {}): Promise<TeamUser[]> {
  let query = db.selectFrom('users').selectAll().orderBy('created_at').orderBy('id');
  if (options.activeOnly) query = query.where('removed_at', 'is', null);
  return (await query.execute()).map(toUser);
}

export async function findActiveUserByLogin(db: Db, login: string): Promise<TeamUser | undefined> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where(sql<string>`lower(login)`, '=', login.toLowerCase())
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return row && toUser(row);
}

export async function countActiveAdmins(db: Db): Promise<number> {
  const { n } = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('role', '=', 'admin')
    .where('removed_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(n);
}

/**
 * Marks the user removed and revokes their devices, in one transaction. Removing a removed user
 * changes nothing. The last admin cannot be removed (nobody could add users any more).
 */
export async function removeUser(db: Db, id: string): Promise<TeamUser> {
  return db.transaction().execute(async (trx) => {
    // Lock the active admins first: two admins removing each other at once cannot both succeed.
    const admins = await trx
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'admin')
      .where('removed_at', 'is', null)
      .forUpdate()
      .execute();
    const row = await trx.selectFrom('users').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw new TeamError('NOT_FOUND', 'no such user');
    if (row.removed_at !== null) return toUser(row);
    if (row.role === 'admin' && admins.length <= 1) {
      throw new TeamError('CONFLICT', 'the last admin cannot be removed: make another admin first');
    }
    const now = new Date();
    const removed = await trx.updateTable('users').set({ removed_at: now }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await trx.updateTable('devices').set({ revoked_at: now }).where('user_id', '=', id).where('revoked_at', 'is', null).execute();
    return toUser(removed);
  });
}

const deviceColumns = [
  'devices.id',
  'devices.user_id',
  'users.login',
  'devices.name',
  'devices.created_at',
  'devices.last_seen_at',
  'devices.revoked_at',
] as const;

type DeviceRow = {
  id: string;
  user_id: string;
  login: string;
  name: string;
  created_at: Date;
  last_seen_at: Date | null;
  revoked_at: Date | null;
};

const toDevice = (row: DeviceRow): TeamDevice => ({
  id: row.id,
  userId: row.user_id,
  userLogin: row.login,
  name: row.name,
  createdAt: iso(row.created_at),
  lastSeenAt: isoOrNull(row.last_seen_at),
  revokedAt: isoOrNull(row.revoked_at),
});

export async function listDevices(db: Db): Promise<TeamDevice[]> {
  const rows = await db
    .selectFrom('devices')
    .innerJoin('users', 'users.id', 'devices.user_id')
    .select(deviceColumns)
    .orderBy('devices.created_at')
    .orderBy('devices.id')
    .execute();
  return rows.map(toDevice);
}

/** Revokes a device (revoking a revoked one changes nothing). */
export async function revokeDevice(db: Db, id: string): Promise<TeamDevice> {
  await db.updateTable('devices').set({ revoked_at: new Date() }).where('id', '=', id).where('revoked_at', 'is', null).execute();
  const row = await db
    .selectFrom('devices')
    .innerJoin('users', 'users.id', 'devices.user_id')
    .select(deviceColumns)
    .where('devices.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new TeamError('NOT_FOUND', 'no such device');
  return toDevice(row);
}

/** Failed logins allowed per minute: per login (guessing one account) and per address (trying many). */
export interface LoginLimits {
  perLogin: number;
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perLogin: 5, perAddress: 20, windowMs: 60_000 };

export class LoginGuard {
  readonly byLogin: FailureLimiter;
  readonly byAddress: FailureLimiter;

  constructor(limits: LoginLimits = DEFAULT_LOGIN_LIMITS, now: () => number = Date.now) {
    this.byLogin = new FailureLimiter(limits.perLogin, limits.windowMs, now);
    this.byAddress = new FailureLimiter(limits.perAddress, limits.windowMs, now);
  }
}

/**
 * Checks the password and signs the device in: a new device row with a new token. Blocked logins
 * and addresses get RATE_LIMITED before the password is even checked (a right password too), so
 * guessing stays slow; a wrong login and a wrong password fail alike, in about the same time.
 */
export async function login(
  db: Db,
  guard: LoginGuard,
  input: { login: string; password: string; deviceName: string; address: string },
): Promise<{ token: string; deviceId: string; user: TeamUser }> {
  const loginKey = input.login.toLowerCase();
  const wait = Math.max(guard.byLogin.retryAfter(loginKey), guard.byAddress.retryAfter(input.address));
  if (wait > 0) {
    throw new TeamError('RATE_LIMITED', `too many failed logins: try again in ${wait} s`, { retryAfter: wait });
  }
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where(sql<string>`lower(login)`, '=', loginKey)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  const ok = await verifyPassword(row?.password_hash ?? (await dummyPasswordHash()), input.password);
  if (!row || !ok) {
    guard.byLogin.fail(loginKey);
    guard.byAddress.fail(input.address);
    throw new TeamError('UNAUTHENTICATED', 'wrong login or password');
  }
  guard.byLogin.reset(loginKey);
  const token = newDeviceToken();
  const deviceId = uuidv7();
  await db
    .insertInto('devices')
    .values({ id: deviceId, user_id: row.id, name: input.deviceName, token_hash: tokenHash(token), last_seen_at: new Date() })
    .execute();
  return { token, deviceId, user: toUser(row) };
}

/** last_seen_at is written at most this often per device, not on every request. */
const LAST_SEEN_EVERY_MS = 60_000;

/**
 * The user and device behind a bearer token; UNAUTHENTICATED for an unknown or revoked token and
 * for a removed user, on every request (nothing is cached).
 */
export async function authenticate(db: Db, token: string): Promise<Principal> {
  const row = await db
    .selectFrom('devices')
    .innerJoin('users', 'users.id', 'devices.user_id')
    .selectAll('users')
    .select(['devices.id as device_id', 'devices.last_seen_at'])
    .where('devices.token_hash', '=', tokenHash(token))
    .where('devices.revoked_at', 'is', null)
    .where('users.removed_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new TeamError('UNAUTHENTICATED', 'this device is not signed in (unknown or revoked token)');
  const now = new Date();
  if (row.last_seen_at === null || now.getTime() - row.last_seen_at.getTime() > LAST_SEEN_EVERY_MS) {
    await db.updateTable('devices').set({ last_seen_at: now }).where('id', '=', row.device_id).execute();
  }
  return { user: toUser(row), deviceId: row.device_id };
}
