import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { systemTimeZone, wallTime, zoneOffsetMs } from '../../shared/time/zoned';
import { BACKUP_REASONS, type BackupInfo, type BackupReason } from '../../shared/domain/safety';
import { AppError } from '../../shared/errors';
import { integrityProblems, openSqlite, type SqliteDb } from '../db/connection';
import { appliedMigrations, schemaVersionOf } from '../db/schema-version';
import { backupsToKeep, DEFAULT_ROTATION, type RotationPolicy } from './rotation';

/**
 * Backups of the live database with `VACUUM INTO` (a consistent snapshot, safe under WAL, unlike
 * a file copy): written under a temporary name, flushed to disk, checked with quick_check on the
 * copy opened read-only, and only then given their final name. A file in the backup folder with
 * a backup's name is therefore always a whole, checked database.
 */

/** Automatic and "Back up now" backups go to a `backups` folder beside the database. */
export function backupDirFor(dbPath: string): string {
  return join(dirname(dbPath), 'backups');
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * A moment in file names, in the user's local time with its offset, as the backups list shows it:
 * 2025-01-02T11:04:05.678 in Shanghai → 2025-01-02T11-04-05-678+0800 (safe in file names on every
 * system, and still the exact instant). Names of earlier versions were in UTC (…-678Z) and still read.
 */
export function fileStamp(date: Date, timeZone: string = systemTimeZone()): string {
  const ms = date.getTime();
  const w = wallTime(ms, timeZone);
  const offsetMinutes = Math.round(zoneOffsetMs(ms, timeZone) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return (
    `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}-${pad(w.minute)}-${pad(w.second)}-${pad(((ms % 1000) + 1000) % 1000, 3)}` +
    `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`
  );
}

const STAMP = '(\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}-\\d{3}(?:Z|[+-]\\d{4}))';
const NAME = new RegExp(`^(.+)-${STAMP}-(${BACKUP_REASONS.join('|')})\\.sqlite$`);
/** Pre-migration backups of earlier versions: ExportDesk.db.pre-migrate-v3-<stamp>.db */
const LEGACY_NAME = new RegExp(`^(.+)\\.pre-migrate-v\\d+-${STAMP}\\.db$`);
const PARTIAL_SUFFIX = '.partial';
const STALE_PARTIAL_MS = 3_600_000;

function stampToDate(stamp: string): Date {
  const [date, rest] = stamp.split('T') as [string, string];
  const zone = /(Z|[+-]\d{4})$/.exec(rest)?.[1] ?? 'Z';
  const [h, m, s, ms] = rest.slice(0, rest.length - zone.length).split('-');
  const offset = zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  // A day or time that does not exist (2025-13-45T99…) gives an invalid date: not a backup's name.
  return new Date(`${date}T${h}:${m}:${s}.${ms}${offset}`);
}

/** The file stem backups of a database share: ExportDesk.db → ExportDesk. */
function stemOf(dbPath: string): string {
  return basename(dbPath).replace(/\.[^.]*$/, '') || 'database';
}

export function backupFileName(dbPath: string, reason: BackupReason, date: Date, timeZone?: string): string {
  return `${stemOf(dbPath)}-${fileStamp(date, timeZone)}-${reason}.sqlite`;
}

/** When and why a file in the backup folder was written, from its name; null for any other file. */
export function parseBackupFileName(name: string): { createdAt: Date; reason: BackupReason } | null {
  const parsed = parseName(name);
  return parsed ? { createdAt: parsed.createdAt, reason: parsed.reason } : null;
}

/** Also which database the backup is of: its stem (ExportDesk), or its file name for the older pre-migration names. */
function parseName(name: string): { createdAt: Date; reason: BackupReason; of: string } | null {
  const m = NAME.exec(name);
  if (m) {
    const createdAt = stampToDate(m[2] as string);
    return Number.isNaN(createdAt.getTime()) ? null : { createdAt, reason: m[3] as BackupReason, of: m[1] as string };
  }
  const legacy = LEGACY_NAME.exec(name);
  if (legacy) {
    const createdAt = stampToDate(legacy[2] as string);
    return Number.isNaN(createdAt.getTime()) ? null : { createdAt, reason: 'pre-migrate', of: legacy[1] as string };
  }
  return null;
}

/**
 * The backups in a folder, newest first (none when the folder does not exist). With `dbPath`, only
 * that database's backups: two databases may share a folder, and neither lists (or rotates away)
 * the other's.
 */
export function listBackups(dir: string, dbPath?: string): BackupInfo[] {
  return backupsAmong(dir, readdirOrNone(dir), dbPath);
}

function readdirOrNone(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** listBackups over file names already read from `dir`. */
function backupsAmong(dir: string, names: readonly string[], dbPath?: string): BackupInfo[] {
  const out: BackupInfo[] = [];
  const mine = dbPath === undefined ? null : new Set([stemOf(dbPath), basename(dbPath)]);
  for (const fileName of names) {
    const parsed = parseName(fileName);
    if (!parsed || (mine && !mine.has(parsed.of))) continue;
    const path = join(dir, fileName);
    let sizeBytes: number;
    try {
      const info = statSync(path);
      if (!info.isFile()) continue;
      sizeBytes = info.size;
    } catch {
      continue;
    }
    out.push({ fileName, path, createdAt: parsed.createdAt.toISOString(), reason: parsed.reason, sizeBytes });
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.fileName < b.fileName ? 1 : -1));
}

export interface DatabaseFileCheck {
  ok: boolean;
  problems: string[];
  /** 0 when the file is not an ExportDesk database (or cannot be read). */
  schemaVersion: number;
}

/** quick_check on a database file opened read-only; a sound file must also be an ExportDesk database. */
export function verifyDatabaseFile(path: string): DatabaseFileCheck {
  let db: SqliteDb | undefined;
  try {
    db = openSqlite(path, { readonly: true });
    const problems = integrityProblems(db);
    if (problems.length) return { ok: false, problems: problems.slice(0, 100), schemaVersion: 0 };
    const applied = appliedMigrations(db);
    if (applied.length === 0) return { ok: false, problems: ['not an ExportDesk database'], schemaVersion: 0 };
    return { ok: true, problems: [], schemaVersion: schemaVersionOf(db, applied) };
  } catch (err) {
    return { ok: false, problems: [err instanceof Error ? err.message : String(err)], schemaVersion: 0 };
  } finally {
    if (db?.open) db.close();
  }
}

/** Flushes a file to disk (its folder entry is syncDir's job). */
export function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function syncDir(dir: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems do not sync folders; the file itself is synced.
  }
}

/**
 * Writes a verified snapshot of `source` to `target` (which must not exist yet): VACUUM INTO a
 * temporary name beside it, fsync, quick_check, rename. Throws BACKUP_FAILED and leaves nothing
 * behind when any step fails. Returns the size of the backup.
 */
export function writeBackupFile(source: SqliteDb, target: string): { sizeBytes: number } {
  if (existsSync(target)) throw new AppError('BACKUP_FAILED', `a file already exists at ${target}`, { path: target });
  const dir = dirname(target);
  const partial = join(dir, `.${basename(target)}${PARTIAL_SUFFIX}`);
  try {
    mkdirSync(dir, { recursive: true });
    rmSync(partial, { force: true });
    // Raw: VACUUM INTO on the raw connection (no service context here; the builder has no VACUUM).
    source.prepare('VACUUM INTO ?').run(partial);
    syncFile(partial);
    const check = verifyDatabaseFile(partial);
    if (!check.ok)
      throw new AppError('BACKUP_FAILED', `the backup did not pass its check: ${check.problems.slice(0, 3).join('; ')}`, {
        problems: check.problems,
      });
    renameSync(partial, target);
    syncDir(dir);
    return { sizeBytes: statSync(target).size };
  } catch (err) {
    rmSync(partial, { force: true });
    if (err instanceof AppError) throw err;
    throw new AppError('BACKUP_FAILED', `could not write the backup ${target}: ${err instanceof Error ? err.message : String(err)}`, {
      path: target,
    });
  }
}

/**
 * A backup of the database at `dbPath` (read through `source`) in its backup folder, then the
 * folder's rotation. `now` names the file; a name already taken moves on by a millisecond.
 */
export function createBackup(
  source: SqliteDb,
  dbPath: string,
  reason: BackupReason,
  now: Date = new Date(),
  dir: string = backupDirFor(dbPath),
  policy: RotationPolicy = DEFAULT_ROTATION,
): BackupInfo {
  let when = now;
  let fileName = backupFileName(dbPath, reason, when);
  while (existsSync(join(dir, fileName))) {
    when = new Date(when.getTime() + 1);
    fileName = backupFileName(dbPath, reason, when);
  }
  const path = join(dir, fileName);
  const { sizeBytes } = writeBackupFile(source, path);
  pruneBackups(dir, dbPath, now, policy);
  return { fileName, path, createdAt: when.toISOString(), reason, sizeBytes };
}

/** How many pre-migration backups are kept (outside the rotation: they are rare and matter most). */
const PRE_MIGRATE_KEPT = 3;

/**
 * Deletes the backups of the database at `dbPath` the rotation no longer keeps, and temporary files of backups interrupted
 * more than an hour ago (a crash mid-backup). Returns the paths removed.
 */
export function pruneBackups(dir: string, dbPath: string, now: Date = new Date(), policy: RotationPolicy = DEFAULT_ROTATION): string[] {
  // One listing of the folder serves both the rotation and the stale temporary files.
  const names = readdirOrNone(dir);
  const all = backupsAmong(dir, names, dbPath);
  const rotating = all.filter((b) => b.reason !== 'pre-migrate').map((b) => ({ ...b, createdAtMs: Date.parse(b.createdAt) }));
  const keep = backupsToKeep(rotating, now.getTime(), policy);
  const remove = [...rotating.filter((b) => !keep.has(b)), ...all.filter((b) => b.reason === 'pre-migrate').slice(PRE_MIGRATE_KEPT)].map(
    (b) => b.path,
  );
  for (const name of names) {
    if (!name.endsWith(PARTIAL_SUFFIX)) continue;
    const path = join(dir, name);
    try {
      if (now.getTime() - statSync(path).mtimeMs > STALE_PARTIAL_MS) remove.push(path);
    } catch {
      // gone already
    }
  }
  const removed: string[] = [];
  for (const path of remove) {
    try {
      rmSync(path, { force: true });
      removed.push(path);
    } catch (err) {
      console.warn(`could not remove an old backup: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return removed;
}
