import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import type { DataDirProblem } from '../../shared/domain/workspace';
import { AppError } from '../../shared/errors';
import { latestVersion } from '../db/schema-version';
import { verifyDatabaseFile } from '../safety/backups';
import { databaseFilesExist, dataDirOf, isInside, samePath } from './workspace-files';

/** A data folder that passed its checks: where the database goes, and how to undo the checks' traces. */
export interface DataFolderPlan {
  dir: string;
  /** The database file in the new folder (same file name as now). */
  dbPath: string;
  /** The folder holds a sound ExportDesk database the user chose to use as it is (nothing is copied). */
  existing: boolean;
  /** Removes the folders the check created (when the move does not go ahead). */
  undo(): void;
}

function refuse(reason: DataDirProblem, message: string, dir: string): AppError {
  return new AppError('DATA_DIR_INVALID', message, { field: 'dir', reason, dir });
}

function errnoOf(err: unknown): string {
  return err && typeof err === 'object' && 'code' in err ? String((err as { code: unknown }).code) : '';
}

/**
 * Creates a folder and the missing ones above it, one level at a time (mkdirSync's recursive mode
 * can loop forever where a folder cannot be made, e.g. under /proc). Returns the topmost folder made.
 */
function makeFolders(dir: string): string | undefined {
  const missing: string[] = [];
  let at = dir;
  for (;;) {
    try {
      statSync(at);
      break;
    } catch (err) {
      if (errnoOf(err) !== 'ENOENT') throw err;
    }
    const parent = dirname(at);
    missing.push(at);
    if (parent === at) break;
    at = parent;
  }
  let top: string | undefined;
  try {
    for (const folder of missing.reverse()) {
      mkdirSync(folder);
      top ??= folder;
    }
  } catch (err) {
    if (top) rmSync(top, { recursive: true, force: true });
    throw err;
  }
  return top;
}

/**
 * Checks a folder the user chose for the data (DATA_DIR_INVALID with a reason, or
 * DATA_DIR_HAS_DATABASE): an absolute path; not the folder the database is in already, nor
 * inside its backup folder; a folder (created when missing) that a file can be written to; and no
 * ExportDesk database there unless the user chose to use it (it must then be sound and no newer
 * than this app). Nothing is left behind when it refuses.
 */
export function checkDataFolder(
  input: { dir: string; useExisting: boolean },
  current: { dbPath: string; backupDirs: readonly string[] },
  platform: NodeJS.Platform = process.platform,
): DataFolderPlan {
  const raw = input.dir.trim();
  if (!isAbsolute(raw)) throw refuse('notAbsolute', 'the data folder must be a full (absolute) path', raw.slice(0, 1000));
  const dir = resolve(raw);
  if (samePath(dir, dataDirOf(current.dbPath), platform)) throw refuse('sameFolder', 'the data is in this folder already', dir);
  if (current.backupDirs.some((b) => isInside(dir, b, platform))) throw refuse('insideBackups', 'the data folder cannot be inside the backup folder', dir);

  let created: string | undefined;
  const undo = () => {
    if (created) rmSync(created, { recursive: true, force: true });
    created = undefined;
  };
  try {
    let isFolder: boolean;
    try {
      isFolder = statSync(dir).isDirectory();
    } catch (err) {
      const code = errnoOf(err);
      if (code === 'ENOTDIR') throw refuse('notAFolder', 'a part of this path is a file, not a folder', dir);
      if (code !== 'ENOENT') throw refuse('notWritable', `the folder cannot be read: ${String(err)}`, dir);
      try {
        created = makeFolders(dir);
      } catch (mkErr) {
        const mkCode = errnoOf(mkErr);
        if (mkCode === 'ENOTDIR' || mkCode === 'EEXIST') throw refuse('notAFolder', 'a part of this path is a file, not a folder', dir);
        throw refuse('notWritable', `the folder cannot be created: ${mkErr instanceof Error ? mkErr.message : String(mkErr)}`, dir);
      }
      isFolder = true;
    }
    if (!isFolder) throw refuse('notAFolder', 'this is a file, not a folder', dir);

    const probe = join(dir, `.exportdesk-write-check-${process.pid}-${Date.now()}`);
    try {
      writeFileSync(probe, '');
    } catch (err) {
      throw refuse('notWritable', `the folder cannot be written to: ${err instanceof Error ? err.message : String(err)}`, dir);
    } finally {
      rmSync(probe, { force: true });
    }

    const dbPath = join(dir, basename(current.dbPath));
    let existing = false;
    if (databaseFilesExist(dbPath)) {
      if (!input.useExisting) throw new AppError('DATA_DIR_HAS_DATABASE', `there is an ExportDesk database in ${dir} already`, { field: 'dir', dir, dbPath });
      const check = verifyDatabaseFile(dbPath);
      if (!check.ok || check.schemaVersion > latestVersion()) {
        throw refuse('notADatabase', `the database in ${dir} is not a sound ExportDesk database this version can open`, dir);
      }
      existing = true;
    }
    return { dir, dbPath, existing, undo };
  } catch (err) {
    undo();
    throw err;
  }
}
