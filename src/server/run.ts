/**
 * The team server's command line, as a function (src/server/main.ts runs it; tests call it):
 *
 *   npm run server [-- --data DIR | --pg postgres://…] [--host 0.0.0.0] [--port 8443] [--cert FILE --key FILE]
 *   npm run server -- users add|list|remove …   (accounts, straight in the same database)
 *
 * Without --pg it runs an embedded PostgreSQL in the data folder; with --pg it uses that one. At
 * start it migrates the database, loads (or makes) its TLS certificate, prints the certificate's
 * SHA-256 fingerprint for laptops to pin, and serves HTTPS + JSON under /v1/.
 */
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { TeamError } from '../shared/team/errors';
import { readPassword, runUsersCommand, UsageError, USERS_USAGE } from './cli';
import { openServerDatabase, type ServerDb } from './database';
import { defaultDataDir } from './data-dir';
import { createTeamServer } from './http';
import { countActiveAdmins } from './identity';
import { schedulePoolRules } from './sync/pool';
import { loadTls } from './tls';

const USAGE = `usage: npm run server -- [options]
       npm run server -- users add|list|remove …

options:
  --data DIR      the data folder (default ${defaultDataDir()}):
                  the embedded PostgreSQL, its settings (server.json) and the generated certificate
  --pg URL        use this PostgreSQL (postgres://user:password@host:5432/db) instead of the embedded one
  --host ADDR     the address to listen on (default 0.0.0.0: every network interface)
  --port N        the HTTPS port (default 8443; 0 picks a free one)
  --cert FILE     the TLS certificate (PEM), with --key; without them a self-signed one is made once
  --key FILE      its private key (PEM)
  --help

${USERS_USAGE}`;

const OPTIONS = {
  data: { type: 'string' },
  pg: { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string' },
  cert: { type: 'string' },
  key: { type: 'string' },
  admin: { type: 'boolean' },
  role: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>['values'];

export interface CommandLineIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** The password for `users add`: from stdin (--password-stdin) or asked on the terminal. */
  readPassword: (login: string, fromStdin: boolean) => Promise<string>;
}

export const processIo: CommandLineIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  readPassword,
};

/** A server that is up: close() stops taking requests, closes the pool and the embedded PostgreSQL. */
export interface RunningServer {
  url: string;
  fingerprint: string;
  close(): Promise<void>;
}

export type CommandLineResult = { code: number; server?: undefined } | { code?: undefined; server: RunningServer };

function databaseOptions(values: Values, err: (line: string) => void) {
  const dataDir = resolve(values.data ?? defaultDataDir());
  if (values.pg !== undefined && !/^postgres(ql)?:\/\//.test(values.pg)) throw new UsageError('--pg takes a postgres://… URL');
  return { dataDir, pgUrl: values.pg, log: (line: string) => err(`[postgres] ${line}`) };
}

async function users(args: string[], values: Values, io: CommandLineIo): Promise<number> {
  for (const name of ['host', 'port', 'cert', 'key'] as const) {
    if (values[name] !== undefined) throw new UsageError(`users commands do not take --${name}`);
  }
  if (!['add', 'list', 'remove'].includes(args[0] ?? '')) {
    throw new UsageError(args[0] ? `unknown users command: ${args[0]}` : 'users needs a command: add, list or remove');
  }
  const server = await openServerDatabase(databaseOptions(values, io.err));
  try {
    return await runUsersCommand(
      args,
      { admin: values.admin ?? false, role: values.role, passwordStdin: values['password-stdin'] ?? false, json: values.json ?? false },
      server,
      io,
    );
  } finally {
    await server.close();
  }
}

async function serve(values: Values, io: CommandLineIo): Promise<RunningServer> {
  for (const name of ['admin', 'role', 'password-stdin', 'json'] as const) {
    if (values[name] !== undefined) throw new UsageError(`--${name} belongs to the users commands`);
  }
  const port = values.port === undefined ? 8443 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port takes a port number (0 picks a free one)');
  const host = values.host ?? '0.0.0.0';
  const options = databaseOptions(values, io.err);
  const database: ServerDb = await openServerDatabase(options);
  try {
    const tls = await loadTls({ dataDir: options.dataDir, certFile: values.cert, keyFile: values.key });
    // Rehearsals and tests move the server's clock (the pool's return rules) with EXPORTDESK_SERVER_TIME_SHIFT_MS.
    const shift = Number(process.env.EXPORTDESK_SERVER_TIME_SHIFT_MS ?? 0) || 0;
    const now = () => Date.now() + shift;
    const server = createTeamServer({ db: database.db, cert: tls.cert, key: tls.key, pgUrl: database.url, log: io.err, now });
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(port, host, () => {
        server.off('error', fail);
        done();
      });
    });
    const address = server.address() as AddressInfo;
    const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    const url = `https://${shownHost}:${address.port}/v1/`;
    const admins = await countActiveAdmins(database.db);
    io.out('ExportDesk team server');
    io.out(`  data folder:  ${options.dataDir}`);
    io.out(`  database:     ${database.describe}`);
    io.out(`  migrations:   ${database.applied.length ? `applied ${database.applied.join(', ')}` : 'up to date'}`);
    io.out(`  certificate:  ${tls.certPath} (${{ files: 'given', kept: 'self-signed', generated: 'self-signed, made now' }[tls.origin]})`);
    io.out(`  SHA-256 fingerprint: ${tls.fingerprint}`);
    io.out(`  listening:    ${url}`);
    if (admins === 0) io.out('  no admin yet: npm run server -- users add --admin NAME LOGIN');
    // The pool's return rules, hourly (the first a minute after start).
    const stopPool = schedulePoolRules(database.db, { everyMs: 3_600_000, firstMs: 60_000, now, log: io.err });
    let closing: Promise<void> | undefined;
    return {
      url,
      fingerprint: tls.fingerprint,
      close: () =>
        (closing ??= (async () => {
          stopPool();
          const closed = new Promise<void>((done) => server.close(() => done()));
          server.closeAllConnections();
          await closed;
          await database.close();
        })()),
    };
  } catch (e) {
    await database.close().catch(() => undefined);
    throw e;
  }
}

/** Runs the command line: a `users` command to its exit code, or the server (returned running). */
export async function runCommandLine(argv: string[], io: CommandLineIo = processIo): Promise<CommandLineResult> {
  const { out, err } = io;
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    err(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return { code: 2 };
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out(USAGE);
    return { code: 0 };
  }
  try {
    if (positionals[0] === 'users') return { code: await users(positionals.slice(1), values, io) };
    if (positionals.length) throw new UsageError(`unknown command: ${positionals.join(' ')}`);
    return { server: await serve(values, io) };
  } catch (e) {
    if (e instanceof UsageError) {
      err(`${e.message}\n${USAGE}`);
      return { code: 2 };
    }
    err(e instanceof TeamError ? `error ${e.code}: ${e.message}` : `error: ${e instanceof Error ? e.message : String(e)}`);
    return { code: 1 };
  }
}
