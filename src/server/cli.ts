import type { Role } from '../shared/team/contract';
import { loginNameSchema, passwordSchema, roleSchema, userNameSchema } from '../shared/team/contract';
import { TeamError } from '../shared/team/errors';
import type { ServerDb } from './database';
import { addUser, findActiveUserByLogin, listUsers, removeUser } from './identity';
import { askHidden, passwordFromStdin } from './terminal';

/**
 * `server users add|list|remove`: the accounts, straight in the database (the same one the server
 * uses: --data or --pg), so the first admin can be made before anyone can sign in.
 *
 *   users add [--admin | --role salesperson|manager|admin] NAME LOGIN [--password-stdin]
 *   users list [--json]
 *   users remove LOGIN
 */
export const USERS_USAGE = `usage:
  npm run server -- users add [--admin | --role salesperson|manager|admin] NAME LOGIN [--password-stdin]
  npm run server -- users list [--json]
  npm run server -- users remove LOGIN
(each also takes --data DIR or --pg URL, as the server does)`;

export class UsageError extends Error {}

export interface UsersCommandIo {
  out: (line: string) => void;
  /** The password: from stdin (--password-stdin) or asked on the terminal, twice. */
  readPassword: (login: string, fromStdin: boolean) => Promise<string>;
}

export interface UsersFlags {
  admin: boolean;
  role: string | undefined;
  passwordStdin: boolean;
  json: boolean;
}

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));

function table(out: (line: string) => void, rows: string[][]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
  for (const row of rows)
    out(
      row
        .map((cell, i) => pad(cell, widths[i]!))
        .join('  ')
        .trimEnd(),
    );
}

function check<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } },
  value: unknown,
  what: string,
): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new UsageError(`${what}: ${r.error.issues[0]?.message ?? 'invalid'}`);
  return r.data;
}

/** Runs one `users` command against an open database; returns the exit code. */
export async function runUsersCommand(args: string[], flags: UsersFlags, server: ServerDb, io: UsersCommandIo): Promise<number> {
  const [verb, ...rest] = args;
  const { db } = server;
  if (verb === 'add') {
    if (rest.length !== 2) throw new UsageError('users add takes NAME and LOGIN (quote a name with spaces)');
    if (flags.admin && flags.role && flags.role !== 'admin') throw new UsageError('--admin and --role disagree');
    const role: Role = flags.admin ? 'admin' : check(roleSchema, flags.role ?? 'salesperson', '--role');
    const name = check(userNameSchema, rest[0], 'NAME');
    const login = check(loginNameSchema, rest[1], 'LOGIN');
    if (await findActiveUserByLogin(db, login)) throw new TeamError('CONFLICT', `the login "${login}" is taken`);
    const password = check(passwordSchema, await io.readPassword(login, flags.passwordStdin), 'password');
    const user = await addUser(db, { name, login, password, role });
    if (flags.json) io.out(JSON.stringify(user, null, 2));
    else io.out(`added ${user.role} ${user.name} (login ${user.login}, id ${user.id})`);
    return 0;
  }
  if (verb === 'list') {
    if (rest.length) throw new UsageError('users list takes no arguments');
    const users = await listUsers(db);
    if (flags.json) {
      io.out(JSON.stringify(users, null, 2));
      return 0;
    }
    if (users.length === 0) {
      io.out('no users yet: add the first admin with `npm run server -- users add --admin NAME LOGIN`');
      return 0;
    }
    table(io.out, [
      ['login', 'name', 'role', 'created', 'removed'],
      ...users.map((u) => [
        u.login,
        u.name,
        u.role,
        u.createdAt.slice(0, 16).replace('T', ' '),
        u.removedAt?.slice(0, 16).replace('T', ' ') ?? '',
      ]),
    ]);
    return 0;
  }
  if (verb === 'remove') {
    if (rest.length !== 1) throw new UsageError('users remove takes LOGIN');
    const user = await findActiveUserByLogin(db, rest[0]!);
    if (!user) throw new TeamError('NOT_FOUND', `no user with the login "${rest[0]}" (removed users are listed with their removal date)`);
    const removed = await removeUser(db, user.id);
    io.out(`removed ${removed.name} (login ${removed.login}); their devices are signed out, their data is kept`);
    return 0;
  }
  throw new UsageError(verb ? `unknown users command: ${verb}` : 'users needs a command');
}

export async function readPassword(login: string, fromStdin: boolean): Promise<string> {
  if (fromStdin) return passwordFromStdin();
  const first = await askHidden(`Password for ${login}: `, (m) => new UsageError(m));
  const again = await askHidden('Again: ', (m) => new UsageError(m));
  if (first !== again) throw new UsageError('the two passwords differ');
  return first;
}
