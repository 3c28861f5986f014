import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The server's data folder: the embedded PostgreSQL cluster (postgres/), its settings
 * (server.json: port, user, password, database) and the generated TLS certificate (tls/).
 *
 * Default: Windows %LOCALAPPDATA%\ExportDesk Server, macOS ~/Library/Application Support/ExportDesk
 * Server, Linux $XDG_DATA_HOME/exportdesk-server (~/.local/share/…), or /var/lib/exportdesk-server
 * when run as root (the systemd unit's place; root's home is not reachable by the postgres user).
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  isRoot: boolean = process.getuid?.() === 0,
): string {
  const home = homedir();
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'ExportDesk Server');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'ExportDesk Server');
  if (isRoot) return '/var/lib/exportdesk-server';
  return join(env.XDG_DATA_HOME ?? join(home, '.local', 'share'), 'exportdesk-server');
}

export interface EmbeddedSettings {
  port: number;
  user: string;
  password: string;
  database: string;
}

export interface ServerSettings {
  /** The embedded PostgreSQL's connection, made at its first start. */
  embedded?: EmbeddedSettings;
}

export const settingsPath = (dataDir: string): string => join(dataDir, 'server.json');

/** Creates the data folder, readable by its owner only (it holds the database password and TLS key). */
export function ensureDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
}

export function readSettings(dataDir: string): ServerSettings {
  try {
    return JSON.parse(readFileSync(settingsPath(dataDir), 'utf8')) as ServerSettings;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new Error(`cannot read ${settingsPath(dataDir)}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}

/** Writes server.json whole (through a temporary file, so a crash never leaves half of it). */
export function writeSettings(dataDir: string, settings: ServerSettings): void {
  const file = settingsPath(dataDir);
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}
