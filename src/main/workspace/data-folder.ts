import { rmSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import type { DataDirProblem } from '../../shared/domain/workspace';
import { AppError } from '../../shared/errors';
import { ensureWritableFolder, FolderError } from './writable-folder';
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
  if (current.backupDirs.some((b) => isInside(dir, b, platform)))
    throw refuse('insideBackups', 'the data folder cannot be inside the backup folder', dir);

  let created: string | undefined;
  const undo = () => {
    if (created) rmSync(created, { recursive: true, force: true });
    created = undefined;
  };
  try {
    try {
      created = ensureWritableFolder(dir);
    } catch (err) {
      if (!(err instanceof FolderError)) throw err;
      // A folder that cannot be created is, to the user, one that cannot be written to.
      throw refuse(err.problem === 'notAFolder' ? 'notAFolder' : 'notWritable', err.message, dir);
    }

    const dbPath = join(dir, basename(current.dbPath));
    let existing = false;
    if (databaseFilesExist(dbPath)) {
      if (!input.useExisting)
        throw new AppError('DATA_DIR_HAS_DATABASE', `there is an ExportDesk database in ${dir} already`, { field: 'dir', dir, dbPath });
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
