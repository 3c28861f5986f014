import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { createEngine, type Engine } from '../../src/main/engine/engine';
import type { TeamSyncOptions } from '../../src/main/services/team/team-sync';
import type { ServerDatabase } from '../../src/server/db/schema';
import { pullOnce } from '../../src/server/sync/pull';
import type { ActorRole } from '../../src/server/sync/session';
import { SYNC_TABLES, TAG_FIELD_PREFIX, DELETED_FIELD } from '../../src/shared/sync/tables';
import type { EngineEvent } from '../../src/shared/ipc/contract';
import type { TeamStatus } from '../../src/shared/domain/team';
import { dispatch } from '../../src/shared/ipc/dispatch';
import type { Channel, ChannelInput, ChannelOutput } from '../../src/shared/ipc/contract';
import { afterAll, afterEach, beforeAll } from 'vitest';
import {
  migratedDatabase,
  startTestPostgres,
  startTestServer,
  tempDir as serverTempDir,
  type TestPostgres,
  type TestServer,
} from '../server/helpers';
import { member, PASSWORD } from '../server/sync-helpers';
import { rmSync } from 'node:fs';
import { BUILTIN, bookRowsOf, stable } from './rows';

export { member, PASSWORD };

/** A laptop: an in-process engine with its own SQLite file and the events it emitted. */
export interface Laptop {
  name: string;
  events: EngineEvent[];
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** The error code of a call that fails (throws if it succeeds). */
  fails(channel: Channel, input: unknown): Promise<string>;
  sqlite(): Engine['database']['sqlite'];
  status(): Promise<TeamStatus>;
  close(): Promise<void>;
}

const opened: Laptop[] = [];

export async function laptop(name: string, team: TeamSyncOptions = {}): Promise<Laptop> {
  const dir = serverTempDir(`laptop-${name}`);
  const events: EngineEvent[] = [];
  const engine = await createEngine({
    dbPath: join(dir, 'exportdesk.db'),
    mode: 'in-process',
    appVersion: 'test',
    emit: (e) => events.push(e),
    team: { pollWaitS: 2, debounceMs: 50, backoffMs: { min: 100, max: 400 }, ...team },
  });
  let closed = false;
  const l: Laptop = {
    name,
    events,
    async call(channel, input) {
      const r = await dispatch(engine.call, channel, input, {}, true);
      if (!r.ok) throw Object.assign(new Error(`${name} ${channel}: ${r.error.code}: ${r.error.message}`), { code: r.error.code });
      return r.value as never;
    },
    async fails(channel, input) {
      const r = await dispatch(engine.call, channel, input as never, {}, true);
      if (r.ok) throw new Error(`${name} ${channel} succeeded`);
      return r.error.code;
    },
    sqlite: () => engine.database.sqlite,
    status: () => l.call('team.status', {}),
    async close() {
      if (closed) return;
      closed = true;
      await engine.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  opened.push(l);
  return l;
}

export async function closeLaptops(): Promise<void> {
  for (const l of opened.splice(0)) await l.close();
}

/** A laptop's shared rows: `tbl:gid` → its captured fields (foreign keys as gids) and, for customers, its tags. */
export function bookRows(l: Laptop): Map<string, string> {
  return bookRowsOf(l.sqlite());
}

/** What the server shows this user (as their pull from 0 would), in bookRows' form. */
export async function serverView(db: Kysely<ServerDatabase>, user: { id: string; role: ActorRole }): Promise<Map<string, string>> {
  const page = await pullOnce(db, { userId: user.id, role: user.role }, { since: 0, limit: 10_000_000 });
  const out = new Map<string, string>();
  for (const r of page.rows) {
    const t = SYNC_TABLES.find((x) => x.table === r.tbl);
    if (!t || r.fields[DELETED_FIELD] === true || BUILTIN.test(r.gid)) continue;
    const fields: Record<string, unknown> = {};
    for (const c of Object.keys(t.fields)) fields[c] = r.fields[c] ?? null;
    if (t.table === 'customers') {
      fields['#tags'] = Object.keys(r.fields)
        .filter((f) => f.startsWith(TAG_FIELD_PREFIX) && r.fields[f] === true)
        .map((f) => f.slice(TAG_FIELD_PREFIX.length))
        .sort();
    }
    out.set(`${r.tbl}:${r.gid}`, stable(fields));
  }
  return out;
}

/** The differences between two views (for a readable failure). */
export function diff(a: Map<string, string>, b: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [k, v] of a) if (b.get(k) !== v) out.push(`${k}: ${v} ≠ ${b.get(k) ?? '(missing)'}`);
  for (const k of b.keys()) if (!a.has(k)) out.push(`${k}: (missing) ≠ ${b.get(k)}`);
  return out.slice(0, 10);
}

export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A TCP relay on loopback in front of the server, which a test can cut (connections reset, new ones refused) and restore. */
export interface Relay {
  url: string;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function relay(target: string): Promise<Relay> {
  const { port: targetPort } = new URL(target);
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  const listen = () =>
    new Promise<void>((done) => {
      server = createServer((client) => {
        const upstream = connect(Number(targetPort), '127.0.0.1');
        sockets.add(client).add(upstream);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as AddressInfo).port;
        done();
      });
    });
  const stop = async () => {
    for (const s of sockets) s.destroy();
    sockets.clear();
    const s = server as Server | null;
    server = null;
    if (s) await new Promise<void>((done) => s.close(() => done()));
  };
  await listen();
  return { url: `https://127.0.0.1:${port}`, cut: stop, restore: listen, close: stop };
}

/** Rows of a table on a laptop. */
export function count(l: Laptop, table: string): number {
  return (l.sqlite().prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/** Server rows of a table (all users). */
export async function serverCount(db: Kysely<ServerDatabase>, tbl: string): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*) as n from sync_rows where tbl = ${tbl} and not (fields ? '_deleted')`.execute(
    db,
  );
  return Number(rows[0]!.n);
}

/** A team server for one test file: PostgreSQL, the migrated database and the server, started before its tests and stopped after. */
export interface TeamServerForFile {
  readonly db: Kysely<ServerDatabase>;
  readonly api: TestServer;
  /** A laptop (no background sync) joined to the server, or to `server` (a relay in front of it), as `login`. */
  joined(name: string, login: string, server?: string): Promise<Laptop>;
}

/** Registers the hooks of a test file that runs laptops against one team server; laptops are closed after each test. */
export function teamServerForFile(): TeamServerForFile {
  let pgServer: TestPostgres | undefined;
  let db: Kysely<ServerDatabase> | undefined;
  let api: TestServer | undefined;
  beforeAll(async () => {
    pgServer = await startTestPostgres();
    let url: string;
    ({ db, url } = await migratedDatabase(pgServer));
    api = await startTestServer(db, undefined, url);
  });
  afterEach(async () => {
    await closeLaptops();
  });
  afterAll(async () => {
    await api?.close();
    await db?.destroy();
    await pgServer?.stop();
  });
  const started = <T>(v: T | undefined): T => {
    if (v === undefined) throw new Error('the team server starts in beforeAll');
    return v;
  };
  return {
    get db() {
      return started(db);
    },
    get api() {
      return started(api);
    },
    async joined(name, login, server) {
      const s = started(api);
      const l = await laptop(name, { background: false });
      await l.call('team.join', { server: server ?? s.url, login, password: PASSWORD, fingerprint: s.fingerprint, deviceName: name });
      return l;
    },
  };
}

/** A customer's id in a laptop's book, by its company; null when the laptop does not have it. */
export const idOf = (l: Laptop, company: string): number | null =>
  (l.sqlite().prepare('SELECT id FROM customers WHERE company = ?').get(company) as { id: number } | undefined)?.id ?? null;
