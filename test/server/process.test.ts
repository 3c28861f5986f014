import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { connect as tlsConnect } from 'node:tls';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordFromStdin } from '../../src/server/terminal';
import type { RunningServer } from '../../src/server/run';
import {
  apiClient,
  commandLine,
  serverProcess,
  startTestPostgres,
  stopProcess,
  tempDir,
  waitForListening,
  type TestPostgres,
} from './helpers';

/**
 * The server's command line: the users commands and --pg mode against this file's embedded
 * PostgreSQL (in this process, through the same runCommandLine that main.ts runs), and the default
 * embedded mode as a real process (node + tsx, as `npm run server` runs it) in a data folder of its
 * own, stopped with SIGTERM. Each checks the printed fingerprint against the certificate served.
 */
let pgServer: TestPostgres;
const cleanups: (() => unknown)[] = [];

beforeAll(async () => {
  pgServer = await startTestPostgres();
});

afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
  await pgServer?.stop();
});

const PASSWORD = 'a long enough password';

function printed(stdout: string): { fingerprint: string; url: string; port: number } {
  const fingerprint = /SHA-256 fingerprint: ([0-9A-F:]{95})\n/.exec(stdout)?.[1];
  const url = /listening: +(https:\/\/[^/\s]+)\/v1\/\n/.exec(stdout)?.[1];
  if (!fingerprint || !url) throw new Error(`no fingerprint or address printed:\n${stdout}`);
  return { fingerprint, url, port: Number(new URL(url).port) };
}

/** The SHA-256 fingerprint of the certificate a TLS server presents, with no trust in it at all. */
function servedFingerprint(port: number): Promise<string> {
  return new Promise((done, fail) => {
    const socket = tlsConnect({ host: '127.0.0.1', port, rejectUnauthorized: false }, () => {
      const fingerprint = socket.getPeerCertificate().fingerprint256;
      socket.end();
      done(fingerprint);
    });
    socket.on('error', fail);
  });
}

/** The server as a child process. */
async function serveProcess(args: string[]) {
  const child = serverProcess(['--host', '127.0.0.1', '--port', '0', ...args]);
  cleanups.push(() => stopProcess(child));
  const stdout = await waitForListening(child);
  return { child, stdout, ...printed(stdout) };
}

/** The server in this process. */
async function serveHere(args: string[]): Promise<{ server: RunningServer; stdout: string } & ReturnType<typeof printed>> {
  const r = await commandLine(['--host', '127.0.0.1', '--port', '0', ...args]);
  if (!r.server) throw new Error(`the server did not start (${r.code}):\n${r.stdout}\n${r.stderr}`);
  const { server } = r;
  cleanups.push(() => server.close());
  return { server, stdout: r.stdout, ...printed(r.stdout) };
}

describe('--pg mode', () => {
  it('users add|list|remove work on the database; the server prints the fingerprint it serves; a user signs in', async () => {
    const url = await pgServer.freshDatabase();
    const data = tempDir('srv-pg');
    cleanups.push(() => rmSync(data, { recursive: true, force: true }));
    const db = ['--pg', url, '--data', data];

    const add = await commandLine(['users', 'add', '--admin', 'Ada Admin', 'ada', '--password-stdin', ...db], PASSWORD);
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(/^added admin Ada Admin \(login ada, id [0-9a-f-]{36}\)\n$/);
    // The first run made the data folder and migrated the database; nothing embedded was started.
    expect(add.stdout + add.stderr).not.toMatch(/postgres/i);
    const sales = await commandLine(['users', 'add', '--role', 'salesperson', '李 娜', 'lina', '--password-stdin', ...db], PASSWORD);
    expect(sales.code).toBe(0);
    // No password on a pipe without --password-stdin: a usage error, nothing added.
    const noPassword = await commandLine(['users', 'add', 'Bob', 'bob', ...db]);
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toMatch(/--password-stdin/);
    const taken = await commandLine(['users', 'add', 'Ada 2', 'ADA', '--password-stdin', ...db], PASSWORD);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/error CONFLICT: the login "ADA" is taken/);

    const list = await commandLine(['users', 'list', '--json', ...db]);
    expect(list.code).toBe(0);
    const users = JSON.parse(list.stdout) as { login: string; role: string; name: string }[];
    expect(users.map((u) => [u.login, u.role, u.name])).toEqual([
      ['ada', 'admin', 'Ada Admin'],
      ['lina', 'salesperson', '李 娜'],
    ]);
    const lastAdmin = await commandLine(['users', 'remove', 'ada', ...db]);
    expect(lastAdmin.code).toBe(1);
    expect(lastAdmin.stderr).toMatch(/CONFLICT: the last admin/);

    // The server: --pg leaves the embedded PostgreSQL alone (none is made in the data folder).
    const server = await serveHere(db);
    expect(server.stdout).toMatch(/database: +postgres:\/\/exportdesk:\*\*\*@127\.0\.0\.1:\d+\/t\d+_\d+\n/);
    expect(server.stdout).toMatch(/migrations: +up to date\n/);
    expect(server.stdout).not.toMatch(/no admin yet/);
    expect(() => readFileSync(join(data, 'server.json'))).toThrow();
    const certPem = readFileSync(join(data, 'tls', 'cert.pem'), 'utf8');
    expect(await servedFingerprint(server.port)).toBe(server.fingerprint);

    const api = apiClient(server.url, certPem);
    const login = await api.call('POST', '/v1/login', { body: { login: 'lina', password: PASSWORD, deviceName: 'Lina laptop' } });
    expect(login.status).toBe(200);
    const token = (login.body.value as { token: string }).token;
    expect((await api.call('GET', '/v1/me', { token })).body.value).toMatchObject({ user: { login: 'lina', role: 'salesperson' } });

    // Removing her from the CLI while the server runs: her device is out at once.
    const remove = await commandLine(['users', 'remove', 'lina', ...db]);
    expect(remove.code).toBe(0);
    expect((await api.call('GET', '/v1/me', { token })).status).toBe(401);

    // A second server on the same certificate files given as --cert/--key serves and prints the same fingerprint.
    const givenData = tempDir('srv-given');
    cleanups.push(() => rmSync(givenData, { recursive: true, force: true }));
    const given = await serveHere([
      '--pg',
      url,
      '--data',
      givenData,
      '--cert',
      join(data, 'tls', 'cert.pem'),
      '--key',
      join(data, 'tls', 'key.pem'),
    ]);
    expect(given.fingerprint).toBe(server.fingerprint);
    expect(await servedFingerprint(given.port)).toBe(server.fingerprint);
    await given.server.close();
    await server.server.close();
    await expect(api.call('GET', '/v1/health')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('refuses bad options with a usage error', async () => {
    const r = await commandLine(['--pg', 'mysql://x', '--port', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--pg takes a postgres:\/\/… URL/);
    expect((await commandLine(['--bogus'])).code).toBe(2);
  });
});

describe('--password-stdin', () => {
  it('reads the first line of what is piped in, without its line end', async () => {
    expect(await passwordFromStdin(Readable.from([Buffer.from('pass word 1\r\nsecond line\n')]))).toBe('pass word 1');
    expect(await passwordFromStdin(Readable.from(['no line end']))).toBe('no line end');
  });
});

describe('embedded mode (no --pg)', () => {
  it('starts its own PostgreSQL in the data folder, keeps its port, password and certificate across restarts, and stops it on SIGTERM', async () => {
    const data = tempDir('srv-embedded');
    cleanups.push(() => rmSync(data, { recursive: true, force: true }));

    const first = await serveProcess(['--data', data]);
    expect(first.stdout).toMatch(
      /migrations: +applied 0001_identity, 0002_sync, 0003_pull_changed_fields, 0004_pool, 0005_collisions, 0006_collision_reports\n/,
    );
    expect(first.stdout).toMatch(/self-signed, made now/);
    expect(first.stdout).toMatch(/no admin yet: npm run server -- users add --admin NAME LOGIN/);
    const settings = JSON.parse(readFileSync(join(data, 'server.json'), 'utf8')) as {
      embedded: { port: number; user: string; password: string; database: string };
    };
    expect(settings.embedded).toMatchObject({ user: 'exportdesk', database: 'exportdesk' });
    expect(first.stdout).toContain(`embedded PostgreSQL on 127.0.0.1:${settings.embedded.port}`);
    expect(await servedFingerprint(first.port)).toBe(first.fingerprint);

    // users add beside the running server uses its PostgreSQL, not a second one.
    const add = await commandLine(['users', 'add', '--admin', 'Ada', 'ada', '--password-stdin', '--data', data], PASSWORD);
    expect(add.code).toBe(0);

    // PostgreSQL listens on loopback with the password from server.json.
    const client = new pg.Client({ host: '127.0.0.1', ...settings.embedded });
    await client.connect();
    expect((await client.query('select login from users')).rows).toEqual([{ login: 'ada' }]);
    expect((await client.query('show listen_addresses')).rows[0].listen_addresses).toBe('127.0.0.1');
    await client.end();

    expect(await stopProcess(first.child)).toBe(0);
    const gone = new pg.Client({ host: '127.0.0.1', ...settings.embedded, connectionTimeoutMillis: 2000 });
    gone.on('error', () => undefined);
    await expect(gone.connect()).rejects.toThrow();

    const second = await serveProcess(['--data', data]);
    expect(second.fingerprint).toBe(first.fingerprint);
    expect(second.stdout).toMatch(/migrations: +up to date\n/);
    expect(second.stdout).toContain(`embedded PostgreSQL on 127.0.0.1:${settings.embedded.port}\n`);
    expect(second.stdout).not.toMatch(/no admin yet/);
    const api = apiClient(second.url, readFileSync(join(data, 'tls', 'cert.pem'), 'utf8'));
    expect((await api.call('POST', '/v1/login', { body: { login: 'ada', password: PASSWORD, deviceName: 'x' } })).status).toBe(200);
    expect(await stopProcess(second.child)).toBe(0);
  });
});
