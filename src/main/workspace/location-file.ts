import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize } from 'node:path';

/**
 * The pointer to a data folder chosen in Settings: a small JSON file in the app's own folder
 * (userData/location.json) naming the database file, read at start-up. Without it (or when it
 * cannot be read) the database is the default one in the app's folder.
 */

export const LOCATION_FILE_NAME = 'location.json';

interface LocationRecord {
  version: 1;
  /** The main database file, absolute. */
  dbPath: string;
}

/** userData/location.json */
export function locationFilePath(userDataDir: string): string {
  return join(userDataDir, LOCATION_FILE_NAME);
}

/**
 * The database path a location file names; null when there is no file, or it is not a valid
 * record with an absolute path (a damaged pointer never sends the app to a relative location).
 */
export function readLocationFile(file: string, read: (path: string) => string = (p) => readFileSync(p, 'utf8')): string | null {
  let text: string;
  try {
    text = read(file);
  } catch {
    return null;
  }
  try {
    const record = JSON.parse(text) as Partial<LocationRecord> | null;
    const dbPath = record && typeof record === 'object' ? record.dbPath : undefined;
    if (typeof dbPath !== 'string' || dbPath.trim() === '' || !isAbsolute(dbPath)) return null;
    return normalize(dbPath);
  } catch {
    return null;
  }
}

/** Records the database path: written under a temporary name, flushed, then renamed over the old pointer. */
export function writeLocationFile(file: string, dbPath: string): void {
  const record: LocationRecord = { version: 1, dbPath };
  const temp = `${file}.writing`;
  mkdirSync(dirname(file), { recursive: true });
  try {
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, `${JSON.stringify(record, null, 2)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}
