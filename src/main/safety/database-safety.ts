import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { BackupSchedule } from '../../shared/domain/prefs';
import type { BackupInfo, BackupList, BackupReason, RestoreResult, StartupStatus } from '../../shared/domain/safety';
import { AppError } from '../../shared/errors';
import type { Database } from '../db/open';
import { latestVersion, schemaVersionOf } from '../db/schema-version';
import { savedBackupSchedule } from '../services/prefs/prefs';
import { checkBackupFolder } from './backup-folder';
import { createBackup, listBackups, verifyDatabaseFile, writeBackupFile } from './backups';
import { asidePath, copyDatabaseIn, moveDatabaseAside, moveDatabaseBack } from './restore';
import { startupError, type StartupCheck } from './startup-check';

/** What the engine lends the safety side: its database and the means to swap it. */
export interface SafetyHost {
  dbPath: string;
  /** The backup folder when the preferences name none. */
  backupDir: string;
  now(): Date;
  /** The open database, or null while it is not open (damaged, newer version, mid-restore). */
  database(): Database | null;
  /** Waits until no other call runs and holds new ones back, then closes the database. Resolves with the release. */
  takeOffline(): Promise<() => void>;
  /** Opens (and migrates) the database file and serves calls from it again. */
  bringOnline(): Promise<Database>;
  /** Whether a long job is running (a scheduled backup waits for the next tick). */
  busy(): boolean;
}

/**
 * How the saved backup preferences (prefs.backups) become the schedule. The engine's options are
 * the upper control: `defaultIntervalMs` is the schedule while the preferences were never saved
 * (the app and the browser harness: 30 minutes), and 0 means this engine never backs up on a
 * schedule, whatever the preferences say (tests, the CLI, the bench: short-lived processes that
 * must not leave timers or surprise backups behind). The backup folder from the preferences is
 * used in every case, so the CLI's backups land where the user chose.
 */
export interface BackupSchedulePolicy {
  defaultIntervalMs: number;
  /** Milliseconds in one minute of prefs.backups.intervalMinutes (60 000; tests shorten it). */
  minuteMs: number;
}

const NO_SCHEDULE: BackupSchedulePolicy = { defaultIntervalMs: 0, minuteMs: 60_000 };

/** A database whose file changed this long after the newest backup gets a backup at the next chance. */
const UNSAVED_AFTER_MS = 60_000;

function mtimeMs(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * The engine's data safety: the start-up state, automatic and manual backups, and restoring
 * (the replaced database is kept beside it, so a restore can itself be undone).
 * Automatic backups happen only when the data changed since the last one: data_version on the
 * read connection moves with every commit of the write connection.
 */
export class DatabaseSafety {
  private check: StartupCheck;
  private keptAside: string | null = null;
  private baseline = -1;
  private dirty = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  private timerMs = 0;
  /** The folder from the preferences; null: the host's (beside the database). */
  private chosenDir: string | null = null;
  private readonly verified = new Map<string, boolean>();

  constructor(
    private readonly host: SafetyHost,
    check: StartupCheck,
    private readonly policy: BackupSchedulePolicy = NO_SCHEDULE,
  ) {
    this.check = check;
    const db = host.database();
    if (db) {
      this.applySavedPrefs(db);
      this.opened(db, this.unsavedAtStart());
    }
  }

  get state(): StartupCheck {
    return this.check;
  }

  /** Where backups are written and listed now: the folder from the preferences, else beside the database. */
  get backupDir(): string {
    return this.chosenDir ?? this.host.backupDir;
  }

  /** Milliseconds between scheduled backups; 0 while there is no schedule. */
  get scheduleMs(): number {
    return this.timer ? this.timerMs : 0;
  }

  /** Reads the backup preferences of a database just opened (at start, after a restore) and applies them. */
  private applySavedPrefs(db: Database): void {
    let saved: BackupSchedule | null = null;
    try {
      saved = savedBackupSchedule(db.read);
    } catch (err) {
      console.warn(`could not read the backup preferences: ${err instanceof Error ? err.message : String(err)}`);
    }
    this.useFolder(saved?.dir ?? null);
    this.reschedule(saved ? saved.intervalMinutes * this.policy.minuteMs : this.policy.defaultIntervalMs);
  }

  /** Checks a folder chosen for backups (see checkBackupFolder); prefs.save calls it before saving. */
  checkBackupFolder(dir: string): string {
    return checkBackupFolder(dir);
  }

  /**
   * Applies backup preferences just saved: the next backup goes to the new folder, and a changed
   * interval restarts the schedule (within what the engine allows, see BackupSchedulePolicy).
   */
  applyBackupSchedule(schedule: BackupSchedule): void {
    this.useFolder(schedule.dir);
    this.reschedule(schedule.intervalMinutes * this.policy.minuteMs);
  }

  private useFolder(dir: string | null): void {
    if (dir === this.chosenDir) return;
    this.chosenDir = dir;
    // A folder without a backup of this database gets one at the next scheduled chance.
    if (this.host.database() && listBackups(this.backupDir, this.host.dbPath).length === 0) this.dirty = true;
  }

  private reschedule(intervalMs: number): void {
    const ms = this.policy.defaultIntervalMs > 0 ? Math.max(0, intervalMs) : 0;
    if (ms === this.scheduleMs) return;
    this.stopSchedule();
    this.startSchedule(ms);
  }

  /** Whether the file changed after the newest backup was made (a crash before the quit backup). */
  private unsavedAtStart(): boolean {
    const newest = listBackups(this.backupDir, this.host.dbPath)[0];
    if (!newest) return true;
    const changed = Math.max(mtimeMs(this.host.dbPath), mtimeMs(`${this.host.dbPath}-wal`));
    return changed > Date.parse(newest.createdAt) + UNSAVED_AFTER_MS;
  }

  private dataVersion(db: Database): number {
    return db.readSqlite.pragma('data_version', { simple: true }) as number;
  }

  private opened(db: Database, dirty: boolean): void {
    this.baseline = this.dataVersion(db);
    this.dirty = dirty;
  }

  private requireDatabase(): Database {
    const db = this.host.database();
    if (!db) throw startupError(this.check);
    return db;
  }

  /** Whether anything was committed since the last backup of this session (or is unsaved from before it). */
  changedSinceBackup(): boolean {
    const db = this.host.database();
    return db !== null && (this.dirty || this.dataVersion(db) !== this.baseline);
  }

  /** The engine closes this database for a while (to serve the sample): its unsaved changes are remembered. */
  suspend(): void {
    this.dirty = this.changedSinceBackup();
  }

  /** The engine serves this database again (back from the sample; `moved`: a copy in a new data folder, to back up anew). */
  resume(db: Database, moved = false): void {
    this.opened(db, this.dirty || moved);
    // Its own backup settings again (a preference saved while the sample was open must not stick).
    this.applySavedPrefs(db);
  }

  status(): StartupStatus {
    const backups = listBackups(this.backupDir, this.host.dbPath);
    const newestGoodBackup = this.check.state === 'ok' ? (backups[0] ?? null) : this.newestGood(backups);
    return {
      state: this.check.state,
      dbPath: this.host.dbPath,
      backupDir: this.backupDir,
      problem: this.check.problem,
      keptAsidePath: this.keptAside,
      newestGoodBackup,
    };
  }

  private newestGood(backups: BackupInfo[]): BackupInfo | null {
    const known = latestVersion();
    for (const b of backups) {
      let ok = this.verified.get(b.path);
      if (ok === undefined) {
        const check = verifyDatabaseFile(b.path);
        ok = check.ok && check.schemaVersion <= known;
        this.verified.set(b.path, ok);
      }
      if (ok) return b;
    }
    return null;
  }

  list(): BackupList {
    const backups = listBackups(this.backupDir, this.host.dbPath);
    return { dir: this.backupDir, lastBackupAt: backups[0]?.createdAt ?? null, backups };
  }

  /** A backup in the backup folder now, then the rotation. */
  backupNow(reason: BackupReason): BackupInfo {
    const db = this.requireDatabase();
    const info = createBackup(db.readSqlite, this.host.dbPath, reason, this.host.now(), this.backupDir);
    this.opened(db, false);
    return info;
  }

  /** A backup only when the data changed since the last one; null when there was nothing new. */
  backupIfChanged(reason: BackupReason): BackupInfo | null {
    if (!this.changedSinceBackup()) return null;
    return this.backupNow(reason);
  }

  /** A verified copy to a file the user chose (the CLI's backup --out); not part of the rotation. */
  backupTo(file: string): BackupInfo {
    const db = this.requireDatabase();
    const path = resolve(file);
    const createdAt = this.host.now().toISOString();
    const { sizeBytes } = writeBackupFile(db.readSqlite, path);
    return { fileName: basename(path), path, createdAt, reason: 'manual', sizeBytes };
  }

  /** Backs up every `intervalMs` when the data changed (skipped while a long job runs). */
  startSchedule(intervalMs: number): void {
    if (intervalMs <= 0 || this.timer) return;
    this.timerMs = intervalMs;
    this.timer = setInterval(() => {
      if (this.host.busy()) return;
      try {
        this.backupIfChanged('scheduled');
      } catch (err) {
        console.warn(`the scheduled backup failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }, intervalMs);
    this.timer.unref?.();
  }

  stopSchedule(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Restores a backup from the backup folder, by file name. */
  restoreBackup(fileName: string): Promise<RestoreResult> {
    // Only a file the folder's listing names: the page cannot point anywhere else.
    const backup = listBackups(this.backupDir, this.host.dbPath).find((b) => b.fileName === fileName);
    if (!backup)
      throw new AppError('NOT_FOUND', 'there is no backup with this name in the backup folder', { fileName: fileName.slice(0, 255) });
    return this.restoreFrom(backup.path);
  }

  /** Restores the newest backup that passes its check. */
  restoreLatest(): Promise<RestoreResult> {
    this.verified.clear();
    const good = this.newestGood(listBackups(this.backupDir, this.host.dbPath));
    if (!good) throw new AppError('NOT_FOUND', 'there is no sound backup to restore', { dir: this.backupDir });
    return this.restoreFrom(good.path);
  }

  /**
   * Replaces the database with a copy of `file` (a sound ExportDesk database no newer than this
   * app): the current file is renamed aside first and put back if anything fails.
   */
  async restoreFrom(file: string): Promise<RestoreResult> {
    const from = resolve(file);
    if (from === resolve(this.host.dbPath)) throw new AppError('BACKUP_INVALID', 'this is the database itself; choose a backup');
    const check = verifyDatabaseFile(from);
    if (!check.ok)
      throw new AppError('BACKUP_INVALID', `${from} is not a sound ExportDesk database: ${check.problems.slice(0, 3).join('; ')}`, {
        problems: check.problems,
      });
    if (check.schemaVersion > latestVersion()) {
      throw new AppError('BACKUP_INVALID', `${from} was written by a newer version of ExportDesk`, { schemaVersion: check.schemaVersion });
    }
    return this.replace((dbPath) => copyDatabaseIn(from, dbPath), from);
  }

  /** Moves the current database aside and starts with a new, empty one. */
  startEmpty(): Promise<RestoreResult> {
    // Only for a database that cannot be opened: a sound one is replaced by restoring a backup.
    if (this.check.state === 'ok') throw new AppError('CONFLICT', 'the database opened fine; restore a backup instead of starting empty');
    return this.replace(() => {}, '');
  }

  private async replace(fill: (dbPath: string) => void, restoredFrom: string): Promise<RestoreResult> {
    const dbPath = this.host.dbPath;
    const wasOk = this.check.state === 'ok';
    const release = await this.host.takeOffline();
    try {
      const aside = asidePath(dbPath, this.check.state === 'corrupt' ? 'corrupt' : 'before-restore', this.host.now());
      const kept = moveDatabaseAside(dbPath, aside);
      let db: Database;
      try {
        fill(dbPath);
        db = await this.host.bringOnline();
      } catch (err) {
        // Put the database back as it was, and serve it again if it was being served.
        try {
          if (kept) moveDatabaseBack(kept, dbPath);
          if (wasOk) await this.host.bringOnline();
        } catch (again) {
          console.error(`could not reopen the database after a failed restore: ${again instanceof Error ? again.message : String(again)}`);
        }
        if (err instanceof AppError) throw err;
        throw new AppError(
          'BACKUP_FAILED',
          `the restore did not finish; the database was left as it was: ${err instanceof Error ? err.message : String(err)}`,
        );
      }
      this.keptAside = kept;
      this.check = { state: 'ok', problem: null };
      this.verified.clear();
      // The restored data brings its own preferences (backup folder and schedule).
      this.applySavedPrefs(db);
      // The restored data is a backup already; a fresh database holds nothing to back up.
      this.opened(db, false);
      return { restoredFrom, keptAsidePath: kept, schemaVersion: schemaVersionOf(db.sqlite) };
    } finally {
      release();
    }
  }
}
