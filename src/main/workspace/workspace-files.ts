import { existsSync, rmSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, isAbsolute } from 'node:path';

/**
 * Where a workspace's files are: the sample database sits beside the main one in the data folder
 * (ExportDesk.db → ExportDesk-sample.db), with a backup folder of its own, so nothing of it mixes
 * with the real database or its backups, and removing it removes exactly these files.
 */

/** The side files SQLite keeps beside a database; they belong to it. */
export const SIDE_FILES = ['-wal', '-shm', '-journal'] as const;

/** The data folder: the folder of the main database. */
export function dataDirOf(mainDbPath: string): string {
  return dirname(mainDbPath);
}

/** ExportDesk.db → ExportDesk (the stem backups and the sample are named after). */
function stemOf(dbPath: string): string {
  return basename(dbPath).replace(/\.[^.]*$/, '') || 'database';
}

/** The sample database of a main database: <data folder>/ExportDesk-sample.db. */
export function samplePathFor(mainDbPath: string): string {
  return join(dataDirOf(mainDbPath), `${stemOf(mainDbPath)}-sample.db`);
}

/** Backups made by hand while the sample is open: <data folder>/ExportDesk-sample-backups (never the real backup folder). */
export function sampleBackupDirFor(mainDbPath: string): string {
  return join(dataDirOf(mainDbPath), `${stemOf(mainDbPath)}-sample-backups`);
}

/** Whether a database file, or any side file of one, is at `dbPath`. */
export function databaseFilesExist(dbPath: string): boolean {
  return ['', ...SIDE_FILES].some((s) => existsSync(dbPath + s));
}

/** Deletes a (closed) database file and its side files. */
export function removeDatabaseFiles(dbPath: string): void {
  for (const s of ['', ...SIDE_FILES]) rmSync(dbPath + s, { force: true });
}

/** Removes the sample database of a main database and its backup folder; true when there was one. */
export function removeSampleFiles(mainDbPath: string): boolean {
  const path = samplePathFor(mainDbPath);
  const existed = databaseFilesExist(path);
  removeDatabaseFiles(path);
  rmSync(sampleBackupDirFor(mainDbPath), { recursive: true, force: true });
  return existed;
}

/** Compares paths as the file system does: case-insensitively on Windows and macOS. */
function comparable(path: string, platform: NodeJS.Platform): string {
  const p = resolve(path);
  return platform === 'win32' || platform === 'darwin' ? p.toLowerCase() : p;
}

export function samePath(a: string, b: string, platform: NodeJS.Platform = process.platform): boolean {
  return comparable(a, platform) === comparable(b, platform);
}

/** Whether `path` is `folder` or inside it. */
export function isInside(path: string, folder: string, platform: NodeJS.Platform = process.platform): boolean {
  const rel = relative(comparable(folder, platform), comparable(path, platform));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
