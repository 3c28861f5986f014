import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { connect } from '../../src/server/db/connect';
import { migrateToLatest } from '../../src/server/db/migrate';
import type { ServerDatabase } from '../../src/server/db/schema';
import { embeddedUrl, startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/server/embedded-postgres';
import { createTeamServer } from '../../src/server/http';
import type { LoginLimits } from '../../src/server/identity';
import { runCommandLine, type RunningServer } from '../../src/server/run';
import { UsageError } from '../../src/server/cli';
import { loadTls } from '../../src/server/tls';

export const ROOT = resolve(import.meta.dirname, '..', '..');

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `exportdesk-${prefix}-`));
}

export interface TestPostgres {
  embedded: EmbeddedPostgres;
  dataDir: string;
  /** A new, empty database on this cluster, and its URL. */
  freshDatabase(): Promise<string>;
  stop(): Promise<void>;
}

let databases = 0;

/**
 * One embedded PostgreSQL per test file (about 1 s: initdb without fsync), in a temp folder on a
 * free port, through the server's own embedded-postgres code; each test takes fresh databases.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const prepared = spawnSync(process.execPath, [join(ROOT, 'scripts', 'postgres.mjs'), '--quiet'], { encoding: 'utf8' });
  if (prepared.status !== 0) throw new Error(`scripts/postgres.mjs failed: ${prepared.stderr}`);
  const dataDir = tempDir('pg');
  const embedded = await startEmbeddedPostgres({ dataDir, fast: true });
  return {
    embedded,
    dataDir,
    async freshDatabase() {
      const name = `t${process.pid}_${++databases}`;
      const client = new pg.Client(embedded.url);
      await client.connect();
      try {
        await client.query(`create database ${name}`);
      } finally {
        await client.end();
      }
      return embeddedUrl({ ...embedded.settings, database: name });
    },
    async stop() {
      await embedded.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function migratedDatabase(pgServer: TestPostgres): Promise<{ url: string; db: Kysely<ServerDatabase> }> {
  const url = await pgServer.freshDatabase();
  const db = connect(url);
  await migrateToLatest(db);
  return { url, db };
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: { ok: boolean; value?: unknown; error?: { code: string; message: string; details?: unknown } };
}

export interface ApiClient {
  call(method: string, path: string, options?: { token?: string; body?: unknown; raw?: string; contentType?: string }): Promise<Reply>;
}

/** A client that trusts exactly this certificate (as a laptop pinning it would), nothing else. */
export function apiClient(baseUrl: string, cert: string): ApiClient {
  return {
    call(method, path, options = {}) {
      const payload = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
      const headers: Record<string, string> = {};
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      if (payload !== undefined) {
        headers['content-type'] = options.contentType ?? 'application/json';
        headers['content-length'] = String(Buffer.byteLength(payload));
      }
      return new Promise((done, fail) => {
        const req = request(new URL(path, baseUrl), { method, headers, ca: cert, agent: false }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            try {
              done({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
            } catch (e) {
              fail(e);
            }
          });
        });
        req.on('error', fail);
        req.end(payload);
      });
    },
  };
}

export interface TestServer extends ApiClient {
  url: string;
  cert: string;
  fingerprint: string;
  close(): Promise<void>;
}

/**
 * The HTTPS server in this process, on 127.0.0.1 and a free port, with a self-signed certificate
 * (pgUrl: the database's, for the sync listener).
 */
export async function startTestServer(
  db: Kysely<ServerDatabase>,
  loginLimits?: LoginLimits,
  pgUrl?: string,
  now?: () => number,
): Promise<TestServer> {
  const dir = tempDir('tls');
  const tls = await loadTls({ dataDir: dir });
  const server = createTeamServer({
    db,
    cert: tls.cert,
    key: tls.key,
    ...(loginLimits ? { loginLimits } : {}),
    ...(pgUrl ? { pgUrl } : {}),
    ...(now ? { now } : {}),
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    cert: tls.cert,
    fingerprint: tls.fingerprint,
    ...apiClient(url, tls.cert),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The server's command line in this process, its output collected. `password` answers `users add`'s
 * question (as --password-stdin or the terminal would).
 */
export async function commandLine(
  args: string[],
  password?: string,
): Promise<{ code: number | undefined; server: RunningServer | undefined; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const result = await runCommandLine(args, {
    out: (line) => (stdout += `${line}\n`),
    err: (line) => (stderr += `${line}\n`),
    readPassword: async (_login, fromStdin) => {
      if (password === undefined || !fromStdin)
        throw new UsageError('no terminal to ask for the password on: pipe it in with --password-stdin');
      return password;
    },
  });
  return { code: result.code, server: result.server, stdout, stderr };
}

/** `npm run server -- …` as a child process (node + tsx, no npm in between, so signals reach it). */
export function serverProcess(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'server', 'main.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
}

/** Runs a `server …` command to its end. */
export function runServerCommand(args: string[], stdin?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = serverProcess(args);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdin.end(stdin ?? '');
  return new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr })));
}

/** Waits until the server process prints its address; returns what it printed so far. */
export function waitForListening(child: ChildProcessWithoutNullStreams, timeoutMs = 20_000): Promise<string> {
  let stdout = '';
  let stderr = '';
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`the server did not start:\n${stdout}\n${stderr}`)), timeoutMs);
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      if (/listening: +https:\/\/\S+\/v1\/\n/.test(stdout)) {
        clearTimeout(timer);
        // Give the trailing lines (the "no admin yet" hint) a moment to arrive.
        setTimeout(() => done(stdout), 50);
      }
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      fail(new Error(`the server exited (${code}):\n${stdout}\n${stderr}`));
    });
  });
}

/** Stops a server process with SIGTERM and waits for it to exit. */
export function stopProcess(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((done) => {
    child.on('close', (code) => done(code));
    child.kill('SIGTERM');
  });
}
