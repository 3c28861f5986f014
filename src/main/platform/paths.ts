import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { locationFilePath, readLocationFile } from '../workspace/location-file';

/** File name of the customer database inside the user-data folder. */
export const DB_FILE_NAME = 'ExportDesk.db';

/**
 * Where the database lives: the path in EXPORTDESK_DB (relative paths resolve against the working
 * directory); else the data folder chosen in Settings, as recorded in the location file
 * (userData/location.json, see workspace.moveData); else app.getPath('userData')/ExportDesk.db.
 */
export function resolveDbPath(options: {
  userDataDir: string;
  env: Record<string, string | undefined>;
  cwd?: string;
  /** The location file (default userData/location.json). */
  locationFile?: string;
  readFile?: (path: string) => string;
}): string {
  const override = options.env.EXPORTDESK_DB?.trim();
  if (override) return isAbsolute(override) ? override : resolve(options.cwd ?? process.cwd(), override);
  const chosen = readLocationFile(options.locationFile ?? locationFilePath(options.userDataDir), options.readFile);
  return chosen ?? join(options.userDataDir, DB_FILE_NAME);
}

/** What scripts/native-module.mjs writes to .native/electron-current.json. */
interface NativeBuildRecord {
  version: string;
  arch: string;
  path: string;
}

export interface NativeBindingOptions {
  /** app.isPackaged */
  isPackaged: boolean;
  /** process.resourcesPath (packaged app) */
  resourcesPath: string;
  /** app.getAppPath(): the project root when run from source */
  appPath: string;
  /** process.versions.electron, process.platform and process.arch: a build for another runtime is refused */
  electronVersion: string;
  platform: string;
  arch: string;
  fileExists?: (path: string) => boolean;
  readFile?: (path: string) => string;
}

/** Raised when the Electron build of better-sqlite3 cannot be found; the message says how to fix it. */
export class NativeBindingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NativeBindingError';
  }
}

/**
 * Path of better_sqlite3.node built for this Electron. The packaged app ships it as
 * resources/native/better_sqlite3.node (electron-builder extraResources); from source it is the
 * build recorded in .native/electron-current.json by `npm run native:electron`.
 */
export function resolveNativeBinding(options: NativeBindingOptions): string {
  const exists = options.fileExists ?? existsSync;
  const read = options.readFile ?? ((p: string) => readFileSync(p, 'utf8'));
  if (options.isPackaged) {
    const path = join(options.resourcesPath, 'native', 'better_sqlite3.node');
    if (!exists(path)) throw new NativeBindingError(`the database engine is missing from this installation: ${path}`);
    return path;
  }
  // The build for exactly this runtime, named by scripts/native-module.mjs.
  const ownBuild = join(
    options.appPath,
    '.native',
    `electron-${options.electronVersion}-${options.platform}-${options.arch}`,
    'better_sqlite3.node',
  );
  const recordPath = join(options.appPath, '.native', 'electron-current.json');
  const fix = 'run `npm run native:electron` first';
  if (exists(recordPath)) {
    let record: Partial<NativeBuildRecord>;
    try {
      record = JSON.parse(read(recordPath)) as Partial<NativeBuildRecord>;
    } catch (err) {
      throw new NativeBindingError(`${recordPath} is not valid JSON (${String(err)}); ${fix}`);
    }
    if (
      typeof record.path === 'string' &&
      record.path !== '' &&
      record.version === options.electronVersion &&
      record.arch === options.arch
    ) {
      const path = isAbsolute(record.path) ? record.path : resolve(options.appPath, record.path);
      if (exists(path)) return path;
    }
  }
  // The last build recorded may be for another arch (cross-packaging); this runtime's own build still serves.
  if (exists(ownBuild)) return ownBuild;
  throw new NativeBindingError(
    `better-sqlite3 has not been built for Electron ${options.electronVersion} ${options.platform}-${options.arch} (${ownBuild}); ${fix}`,
  );
}
