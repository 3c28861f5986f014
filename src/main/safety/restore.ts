import { existsSync, renameSync, rmSync } from 'node:fs';
import { openSqlite, type SqliteDb } from '../db/connection';
import { fileStamp, syncFile } from './backups';

/**
 * The file moves of a restore. The engine closes its database first; the current file (with its
 * -wal and -shm, which belong to it) is renamed aside, never deleted or overwritten; the backup
 * is copied in (read through SQLite, so a backup that still has its own -wal is copied whole)
 * under a temporary name, flushed and renamed into place.
 */

const SIDE_FILES = ['-wal', '-shm', '-journal'] as const;

export type AsideTag = 'before-restore' | 'corrupt';

/** ExportDesk.db → ExportDesk.db.before-restore-2025-01-02T03-04-05-678Z.sqlite */
export function asidePath(dbPath: string, tag: AsideTag, now: Date): string {
  let when = now;
  let path = `${dbPath}.${tag}-${fileStamp(when)}.sqlite`;
  while (existsSync(path)) {
    when = new Date(when.getTime() + 1);
    path = `${dbPath}.${tag}-${fileStamp(when)}.sqlite`;
  }
  return path;
}

/** Renames the database and its side files to `target` (+ the same suffixes). Null when there is no database file. */
export function moveDatabaseAside(dbPath: string, target: string): string | null {
  const hasFile = existsSync(dbPath);
  if (hasFile) renameSync(dbPath, target);
  for (const s of SIDE_FILES) if (existsSync(dbPath + s)) renameSync(dbPath + s, target + s);
  return hasFile ? target : null;
}

/** Undoes moveDatabaseAside (when the restore cannot finish). */
export function moveDatabaseBack(aside: string, dbPath: string): void {
  for (const s of ['', ...SIDE_FILES]) {
    if (!existsSync(aside + s)) continue;
    rmSync(dbPath + s, { force: true });
    renameSync(aside + s, dbPath + s);
  }
}

/** Copies a database file to `dbPath` (which must be free): VACUUM INTO a temporary name, fsync, rename. */
export function copyDatabaseIn(from: string, dbPath: string): void {
  if (existsSync(dbPath)) throw new Error(`${dbPath} is still there; move it aside first`);
  const temp = `${dbPath}.restoring`;
  rmSync(temp, { force: true });
  let source: SqliteDb | undefined;
  try {
    source = openSqlite(from, { readonly: true });
    // Raw: VACUUM INTO on the raw connection (no service context here; the builder has no VACUUM).
    source.prepare('VACUUM INTO ?').run(temp);
    source.close();
    syncFile(temp);
    for (const s of SIDE_FILES) rmSync(dbPath + s, { force: true });
    renameSync(temp, dbPath);
  } catch (err) {
    if (source?.open) source.close();
    rmSync(temp, { force: true });
    throw err;
  }
}
