import type { ReadDb, WriteDb } from '../db/sql';
import type { StagedFiles } from '../import/staged-files';

/** What every service receives. Services never import electron and never open files themselves. */
export interface ServiceContext {
  /** The write connection: every write is `db.transaction(tx => …)` (db/sql.ts). */
  db: WriteDb;
  /** The read connection: committed data only, typed so it cannot write. */
  read: ReadDb;
  dbPath: string;
  now: () => Date;
  /** Files read by import.analyze, waiting for preview and commit. */
  staged: StagedFiles;
  /** Called before an import writes: the engine makes a verified backup when the data changed since the last one. */
  beforeImport?: () => void;
}

/** What a long job receives besides its input. */
export interface JobControl {
  /** Reports progress; cheap to call often (the engine throttles events). */
  progress(done: number, total: number, phase: string): void;
  /** Lets queued messages (a cancel, other reads) through and throws CANCELLED when asked to stop. */
  checkpoint(): Promise<void>;
}

export const noJobControl: JobControl = {
  progress() {},
  async checkpoint() {},
};

export function isoNow(ctx: Pick<ServiceContext, 'now'>): string {
  return ctx.now().toISOString();
}
