import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { teamApi, type EndpointDef, type TeamEndpoint, type TeamOutput, type TeamParsedInput } from '../shared/team/contract';
import { TeamError, type TeamResult } from '../shared/team/errors';
import {
  addUser,
  authenticate,
  listDevices,
  listUsers,
  login,
  LoginGuard,
  removeUser,
  revokeDevice,
  type Db,
  type LoginLimits,
  type Principal,
} from './identity';
import { SyncNotifier } from './sync/notify';
import { addShare, dropShare, shares } from './sync/ownership';
import { collisionReports, findCollisions, markCollisionHandled } from './sync/collisions';
import { answerCollisionRequest, collisionRequests, requestCollisionAction } from './sync/collision-requests';
import { applyPoolRules } from './sync/pool';
import { pull } from './sync/pull';
import { push } from './sync/push';

/**
 * The team server's HTTPS front door: each request is matched to one endpoint of the contract
 * (src/shared/team/contract.ts), authenticated by its bearer token, its input validated, its
 * handler run and its output checked against the contract before it is sent. Anything else is a
 * TeamError with a stable code and its HTTP status; an unexpected error is logged and sent as
 * INTERNAL without its details.
 */
export interface RequestContext {
  /** The signed-in device and user (null for auth 'none'). */
  principal: Principal | null;
  /** The client's address (the TCP peer; the server is reached directly, not through a proxy). */
  address: string;
}

type Handlers = {
  [E in TeamEndpoint]: (input: TeamParsedInput<E>, ctx: RequestContext) => Promise<TeamOutput<E>>;
};

export interface TeamServerOptions {
  db: Db;
  cert: string;
  key: string;
  loginLimits?: LoginLimits;
  /**
   * The database's URL, for the one connection that LISTENs for new syncs (long-polls); without
   * it a long-poll looks again every second.
   */
  pgUrl?: string;
  /** For unexpected errors (default: console.error). */
  log?: (message: string) => void;
  /** The server's clock (default Date.now): what the pool's rules and the clamping of laptops' clocks take as now. */
  now?: () => number;
}

const MAX_BODY_BYTES = 64 * 1024;
const MAX_ISSUES = 20;

function handlers(db: Db, guard: LoginGuard, notifier: SyncNotifier, clock: () => number): Handlers {
  const now = () => new Date(clock()).toISOString();
  const principal = (ctx: RequestContext): Principal => {
    if (!ctx.principal) throw new TeamError('UNAUTHENTICATED', 'sign in first');
    return ctx.principal;
  };
  return {
    health: async () => ({ api: 1, serverTime: now() }),
    login: async (input, ctx) => ({ ...(await login(db, guard, { ...input, address: ctx.address })), serverTime: now() }),
    me: async (_input, ctx) => ({ ...principal(ctx), serverTime: now() }),
    usersAdd: (input) => addUser(db, input),
    usersList: async (input) => ({ users: await listUsers(db, { activeOnly: input.active === 'true' }) }),
    usersRemove: (input) => removeUser(db, input.id),
    members: async () => ({ members: (await listUsers(db, { activeOnly: true })).map((u) => ({ name: u.name, role: u.role })) }),
    devicesList: async () => ({ devices: await listDevices(db) }),
    devicesRevoke: (input) => revokeDevice(db, input.id),
    push: async (input, ctx) => {
      const p = principal(ctx);
      return { ...(await push(db, actor(p), input.ops, clock())), serverTime: now() };
    },
    pull: (input, ctx) => pull(db, actor(principal(ctx)), input, notifier),
    sharesList: async (input, ctx) => ({ shares: await shares(db, actor(principal(ctx)), input.gid) }),
    sharesPut: (input, ctx) => addShare(db, actor(principal(ctx)), input),
    sharesRemove: (input, ctx) => dropShare(db, actor(principal(ctx)), input),
    collisions: async (input, ctx) => ({ matches: await findCollisions(db, actor(principal(ctx)), input) }),
    collisionReports: async (_input, ctx) => {
      const a = actor(principal(ctx));
      return { reports: await collisionReports(db, a), requests: await collisionRequests(db, a) };
    },
    collisionHandled: async (input, ctx) => ({ report: await markCollisionHandled(db, actor(principal(ctx)), input.id, clock()) }),
    collisionRequest: async (input, ctx) => ({ request: await requestCollisionAction(db, actor(principal(ctx)), input, clock()) }),
    collisionAnswer: async (input, ctx) => ({
      request: await answerCollisionRequest(db, actor(principal(ctx)), input.id, input.answer, clock()),
    }),
    poolRun: async () => {
      const run = await applyPoolRules(db, clock());
      return { returned: run.returned, checked: run.checked };
    },
  };
}

const actor = (p: Principal) => ({ userId: p.user.id, role: p.user.role, deviceId: p.deviceId });

interface Route {
  name: TeamEndpoint;
  def: EndpointDef<z.ZodType, z.ZodType>;
  pattern: RegExp;
  params: string[];
}

const routes: Route[] = (Object.keys(teamApi) as TeamEndpoint[]).map((name) => {
  const def = teamApi[name] as EndpointDef<z.ZodType, z.ZodType>;
  const params: string[] = [];
  const source = def.path
    .split('/')
    .map((part) => {
      if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      params.push(part.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { name, def, pattern: new RegExp(`^${source}$`), params };
});

function findRoute(method: string, path: string): { route: Route; params: Record<string, string> } {
  const matches = routes.filter((r) => r.pattern.test(path));
  if (matches.length === 0) throw new TeamError('NOT_FOUND', `no endpoint ${path}`);
  const route = matches.find((r) => r.def.method === method);
  if (!route) {
    throw new TeamError('METHOD_NOT_ALLOWED', `${method} is not allowed on ${path}`, {
      details: { allow: matches.map((r) => r.def.method) },
    });
  }
  const values = route.pattern.exec(path)!.slice(1);
  const params: Record<string, string> = {};
  route.params.forEach((name, i) => {
    params[name] = decodeURIComponent(values[i]!);
  });
  return { route, params };
}

async function readJsonBody(req: IncomingMessage, maxBytes: number = MAX_BODY_BYTES): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw new TeamError('PAYLOAD_TOO_LARGE', `a request body is at most ${maxBytes} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new TeamError('PAYLOAD_TOO_LARGE', `a request body is at most ${maxBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  if (type !== 'application/json') throw new TeamError('UNSUPPORTED_MEDIA_TYPE', 'send the body as application/json');
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new TeamError('INVALID_INPUT', 'the body is not valid JSON');
  }
}

const describeIssues = (error: z.ZodError) =>
  error.issues.slice(0, MAX_ISSUES).map((i) => ({ path: i.path.map((p) => String(p)).join('.'), message: i.message }));

function bearerToken(req: IncomingMessage): string {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new TeamError('UNAUTHENTICATED', 'send the device token as "Authorization: Bearer <token>"');
  return match[1]!;
}

function send(res: ServerResponse, status: number, body: TeamResult<unknown>, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

export function createTeamServer(options: TeamServerOptions): Server {
  const log = options.log ?? ((message: string) => console.error(message));
  const notifier = new SyncNotifier(options.pgUrl, log);
  const table = handlers(options.db, new LoginGuard(options.loginLimits), notifier, options.now ?? Date.now);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'https://server.invalid');
    const { route, params } = findRoute(req.method ?? 'GET', url.pathname);
    const { def, name } = route;
    let principal: Principal | null = null;
    if (def.auth !== 'none') {
      principal = await authenticate(options.db, bearerToken(req));
      if (def.auth === 'admin' && principal.user.role !== 'admin') throw new TeamError('FORBIDDEN', 'only an admin may do this');
      if (def.auth === 'manager' && principal.user.role === 'salesperson') {
        throw new TeamError('FORBIDDEN', 'only a manager or an admin may do this');
      }
    }
    const body = def.method === 'POST' ? await readJsonBody(req, def.maxBodyBytes) : {};
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new TeamError('INVALID_INPUT', 'the body is a JSON object');
    const query = def.method === 'GET' ? Object.fromEntries(url.searchParams) : {};
    const parsed = def.input.safeParse({ ...query, ...body, ...params });
    if (!parsed.success) {
      throw new TeamError('INVALID_INPUT', 'input does not match the contract', { details: describeIssues(parsed.error) });
    }
    const address = req.socket.remoteAddress ?? 'unknown';
    const run = table[name] as (input: unknown, ctx: RequestContext) => Promise<unknown>;
    const output = await run(parsed.data, { principal, address });
    const checked = def.output.safeParse(output);
    if (!checked.success) {
      log(`[server] ${name}: output does not match the contract: ${JSON.stringify(describeIssues(checked.error))}`);
      throw new TeamError('INTERNAL', 'the server made an answer outside its contract');
    }
    send(res, 200, { ok: true, value: checked.data });
  }

  const server = createServer({ cert: options.cert, key: options.key, minVersion: 'TLSv1.2' }, (req, res) => {
    handle(req, res).catch((err: unknown) => {
      const error =
        err instanceof TeamError
          ? err
          : (log(`[server] ${req.method} ${req.url}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`),
            new TeamError('INTERNAL', 'internal server error'));
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const headers: Record<string, string> = {};
      if (error.retryAfter !== undefined) headers['retry-after'] = String(error.retryAfter);
      if (error.code === 'METHOD_NOT_ALLOWED') headers.allow = ((error.details as { allow: string[] }).allow ?? []).join(', ');
      if (error.code === 'UNAUTHENTICATED') headers['www-authenticate'] = 'Bearer realm="exportdesk"';
      // The rest of an unread body is drained, so the connection stays usable.
      req.resume();
      send(res, error.status, { ok: false, error: error.toShape() }, headers);
    });
  });
  // Long-polls end (empty) and the listening connection closes with the server.
  server.on('close', () => void notifier.close());
  return server;
}
