import { chmodSync, copyFileSync, existsSync, rmSync } from 'node:fs';
import type { MoveDataResult, WorkspaceKind, WorkspaceStatus } from '../../shared/domain/workspace';
import { AppError } from '../../shared/errors';
import type { Database } from '../db/open';
import type { ReadDb } from '../db/sql';
import { backupDirFor, writeBackupFile } from '../safety/backups';
import type { JobControl } from '../services/context';
import { checkDataFolder } from './data-folder';
import { writeLocationFile } from './location-file';
import { createSampleDatabase } from './sample-database';
import { plainSecretsPathFor } from '../secrets/secret-store';
import { dataDirOf, removeDatabaseFiles, removeSampleFiles, sampleBackupDirFor, samplePathFor } from './workspace-files';

/** What the engine lends the workspaces: its database, the gate that holds calls back, and its backups. */
export interface WorkspaceHost {
  /** Where a new data folder is remembered (userData/location.json); none: only for this session. */
  readonly locationFile?: string;
  now(): Date;
  /** The database being served; null mid-switch or when it could not be opened. */
  database(): Database | null;
  /** The backup folder of the main database now (the preferences' folder, else `backups` beside it). */
  backupDir(): string;
  /** Whether a long job runs besides the caller's own. */
  otherJobs(ownJob: boolean): boolean;
  /** Waits for the calls in flight and holds new ones back (BUSY while another long job runs); resolves with the release. */
  hold(ownJob: boolean): Promise<() => void>;
  /** While holding: closes the database being served and serves the one at `path`. When it throws, none is served. */
  serve(path: string): Promise<Database>;
  /** While holding, just before the database of `kind` is closed. */
  leaving(kind: WorkspaceKind): void;
  /** Once the database of `kind` is served; `moved`: the main database is a copy in a new folder. */
  entered(kind: WorkspaceKind, db: Database, moved: boolean): void;
}

/** The main database holds no customer and no import: the first run (the welcome screen). */
function isEmptyDatabase(read: ReadDb): boolean {
  const noCustomer = read.first(read.selectFrom('customers').select('id').limit(1)) === undefined;
  return noCustomer && read.first(read.selectFrom('import_batches').select('id').limit(1)) === undefined;
}

/**
 * The engine's two workspaces: the user's database ("main", in the data folder) and the generated
 * sample beside it. Switching waits for the calls in flight, holds new ones back, closes one
 * database and opens the other; the engine always starts on the main one. The main database can
 * move to another data folder: a verified copy, then a pointer file read at the next start.
 */
export class Workspaces {
  private current: WorkspaceKind = 'main';
  private mainPath: string;
  /** Whether the main database was empty when the sample was opened (it is closed meanwhile). */
  private mainEmptyWhenLeft = false;

  constructor(
    private readonly host: WorkspaceHost,
    mainDbPath: string,
  ) {
    this.mainPath = mainDbPath;
  }

  get kind(): WorkspaceKind {
    return this.current;
  }

  get mainDbPath(): string {
    return this.mainPath;
  }

  get samplePath(): string {
    return samplePathFor(this.mainPath);
  }

  /** The database file of the workspace being served. */
  get currentPath(): string {
    return this.current === 'main' ? this.mainPath : this.samplePath;
  }

  status(): WorkspaceStatus {
    const db = this.host.database();
    return {
      kind: this.current,
      dbPath: this.currentPath,
      mainDbPath: this.mainPath,
      dataDir: dataDirOf(this.mainPath),
      samplePath: this.samplePath,
      sampleExists: existsSync(this.samplePath),
      mainIsEmpty: this.current === 'main' ? (db ? isEmptyDatabase(db.read) : false) : this.mainEmptyWhenLeft,
      locationRemembered: this.host.locationFile !== undefined,
    };
  }

  /** Opens the sample (generating it first when there is none). */
  async openSample(job: JobControl): Promise<WorkspaceStatus> {
    if (this.current === 'sample') return this.status();
    if (this.host.otherJobs(true)) throw busy();
    if (!existsSync(this.samplePath)) {
      await createSampleDatabase(this.samplePath, {
        now: () => this.host.now(),
        job,
        preferencesFrom: this.host.database()?.read ?? null,
      });
    }
    job.progress(0, 1, 'opening');
    await this.switchTo('sample', true);
    job.progress(1, 1, 'opening');
    return this.status();
  }

  /** Back to the user's own database. */
  async openMain(): Promise<WorkspaceStatus> {
    await this.switchTo('main', false);
    return this.status();
  }

  /** Back to the user's database when the sample is open, then deletes the sample and its backups. */
  async removeSample(): Promise<WorkspaceStatus> {
    const release = await this.host.hold(false);
    try {
      await this.enter('main');
      removeSampleFiles(this.mainPath);
    } finally {
      release();
    }
    return this.status();
  }

  /**
   * Moves the data to another folder: the folder is checked, the database copied there (a verified
   * snapshot, as a backup is made) while every other call waits, the engine switched to the copy,
   * and the new place recorded for the next start. The old file stays where it was.
   */
  async moveData(input: { dir: string; useExisting: boolean }, job: JobControl): Promise<MoveDataResult> {
    const release = await this.host.hold(true);
    try {
      job.progress(0, 3, 'checking');
      const oldPath = this.mainPath;
      const plan = checkDataFolder(input, {
        dbPath: oldPath,
        backupDirs: [this.host.backupDir(), backupDirFor(oldPath), sampleBackupDirFor(oldPath)],
      });
      const copied = !plan.existing;
      const abandon = () => {
        if (copied) {
          removeDatabaseFiles(plan.dbPath);
          rmSync(plainSecretsPathFor(plan.dbPath), { force: true });
        }
        plan.undo();
      };
      try {
        await job.checkpoint();
        await this.enter('main');
        const db = this.host.database();
        if (!db) throw new AppError('ENGINE_UNAVAILABLE', 'the database is not open');
        job.progress(1, 3, 'copying');
        if (copied) {
          writeBackupFile(db.readSqlite, plan.dbPath);
          // The plain secrets file beside the book (no keychain here) goes with it, as the book does.
          const secrets = plainSecretsPathFor(oldPath);
          if (existsSync(secrets)) {
            copyFileSync(secrets, plainSecretsPathFor(plan.dbPath));
            chmodSync(plainSecretsPathFor(plan.dbPath), 0o600);
          }
        }
      } catch (err) {
        abandon();
        throw err;
      }

      job.progress(2, 3, 'switching');
      this.host.leaving('main');
      let opened: Database;
      try {
        opened = await this.host.serve(plan.dbPath);
        if (this.host.locationFile) writeLocationFile(this.host.locationFile, plan.dbPath);
      } catch (err) {
        // Back to the database where it was; the copy goes.
        await this.recover('main');
        abandon();
        if (err instanceof AppError) throw err;
        throw new AppError('DATA_DIR_INVALID', `the data could not be moved: ${err instanceof Error ? err.message : String(err)}`, {
          field: 'dir',
          reason: 'notWritable',
          dir: plan.dir,
        });
      }
      this.mainPath = plan.dbPath;
      this.host.entered('main', opened, true);
      // The sample belonged to the old folder; it can be made again in the new one.
      try {
        removeSampleFiles(oldPath);
      } catch (err) {
        console.warn(`the old sample database was not removed: ${err instanceof Error ? err.message : String(err)}`);
      }
      job.progress(3, 3, 'switching');
      return { dbPath: plan.dbPath, previousDbPath: copied ? oldPath : null, usedExisting: plan.existing, status: this.status() };
    } finally {
      release();
    }
  }

  private async switchTo(kind: WorkspaceKind, ownJob: boolean): Promise<void> {
    const release = await this.host.hold(ownJob);
    try {
      await this.enter(kind);
    } finally {
      release();
    }
  }

  /** While holding: serves the database of `kind` (nothing when it is served already); on failure, the one before. */
  private async enter(kind: WorkspaceKind): Promise<void> {
    if (kind === this.current) return;
    const from = this.current;
    const db = this.host.database();
    if (from === 'main' && db) this.mainEmptyWhenLeft = isEmptyDatabase(db.read);
    this.host.leaving(from);
    let opened: Database;
    try {
      opened = await this.host.serve(kind === 'main' ? this.mainPath : this.samplePath);
    } catch (err) {
      await this.recover(from);
      throw err;
    }
    this.current = kind;
    this.host.entered(kind, opened, false);
  }

  /** Serves the database of `kind` again after a failed switch. */
  private async recover(kind: WorkspaceKind): Promise<void> {
    try {
      const db = await this.host.serve(kind === 'main' ? this.mainPath : this.samplePath);
      this.current = kind;
      this.host.entered(kind, db, false);
    } catch (err) {
      console.error(`could not reopen the database after a failed switch: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

function busy(): AppError {
  return new AppError('BUSY', 'a long task is running; let it finish or cancel it, then try again');
}
