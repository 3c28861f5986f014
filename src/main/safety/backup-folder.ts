import { isAbsolute, normalize } from 'node:path';
import { AppError } from '../../shared/errors';
import { ensureWritableFolder, FolderError } from '../workspace/writable-folder';

/** Why a backup folder was refused (BACKUP_DIR_INVALID details.reason; the page words each one). */
export type BackupFolderProblem = 'notAbsolute' | 'notCreatable' | 'notWritable';

function refuse(reason: BackupFolderProblem, message: string): AppError {
  return new AppError('BACKUP_DIR_INVALID', message, { field: 'backups.dir', reason });
}

/**
 * Checks a folder the user chose for backups: an absolute path (a relative one would depend on
 * where the app was started), a folder that exists or can be created, and one a file can be
 * written to (a probe file, removed at once). Returns the folder normalized (no "..", no
 * trailing separator); throws BACKUP_DIR_INVALID otherwise.
 */
export function checkBackupFolder(dir: string): string {
  if (!isAbsolute(dir)) throw refuse('notAbsolute', 'the backup folder must be a full (absolute) path');
  const folder = normalize(dir).replace(/(?<=[^/\\:])[/\\]+$/, '');
  try {
    ensureWritableFolder(folder);
  } catch (err) {
    if (!(err instanceof FolderError)) throw err;
    throw refuse(err.problem === 'notWritable' ? 'notWritable' : 'notCreatable', `the backup folder: ${err.message}`);
  }
  return folder;
}
