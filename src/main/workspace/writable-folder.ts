import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Why a folder the user chose cannot hold ExportDesk's files. */
export type FolderProblem = 'notAFolder' | 'notCreatable' | 'notWritable';

export class FolderError extends Error {
  constructor(
    readonly problem: FolderProblem,
    message: string,
  ) {
    super(message);
    this.name = 'FolderError';
  }
}

function errnoOf(err: unknown): string {
  return err && typeof err === 'object' && 'code' in err ? String((err as { code: unknown }).code) : '';
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

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
 * Makes sure `dir` (absolute) is a folder a file can be written to: created when missing, then
 * probed with a file removed at once. Returns the topmost folder it created (for the caller to
 * remove if it gives up later), or undefined; throws FolderError and leaves nothing behind.
 */
export function ensureWritableFolder(dir: string): string | undefined {
  let created: string | undefined;
  let isFolder = true;
  try {
    isFolder = statSync(dir).isDirectory();
  } catch (err) {
    const code = errnoOf(err);
    if (code === 'ENOTDIR') throw new FolderError('notAFolder', 'a part of this path is a file, not a folder');
    if (code !== 'ENOENT') throw new FolderError('notWritable', `the folder cannot be read: ${messageOf(err)}`);
    try {
      created = makeFolders(dir);
    } catch (mkErr) {
      const mkCode = errnoOf(mkErr);
      if (mkCode === 'ENOTDIR' || mkCode === 'EEXIST') throw new FolderError('notAFolder', 'a part of this path is a file, not a folder');
      throw new FolderError('notCreatable', `the folder cannot be created: ${messageOf(mkErr)}`);
    }
  }
  if (!isFolder) throw new FolderError('notAFolder', 'this is a file, not a folder');
  const probe = join(dir, `.exportdesk-write-check-${process.pid}-${Date.now()}`);
  try {
    writeFileSync(probe, '');
  } catch (err) {
    if (created) rmSync(created, { recursive: true, force: true });
    throw new FolderError('notWritable', `the folder cannot be written to: ${messageOf(err)}`);
  } finally {
    rmSync(probe, { force: true });
  }
  return created;
}
