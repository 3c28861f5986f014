import { z } from 'zod';

/**
 * Workspaces: the user's own database ("main") and a generated sample database kept apart from it
 * ("sample"), and the data folder that holds the main database and its backups. Shared by the
 * engine, the welcome screen, the sample banner and Settings → Data folder.
 */
export const WORKSPACE_KINDS = ['main', 'sample'] as const;
export type WorkspaceKind = (typeof WORKSPACE_KINDS)[number];

export const workspaceStatusSchema = z.object({
  /** Which database the engine serves now. */
  kind: z.enum(WORKSPACE_KINDS),
  /** The database file being served. */
  dbPath: z.string(),
  /** The user's own database file (ExportDesk.db), whichever is served. */
  mainDbPath: z.string(),
  /** The data folder: the folder of the main database (its backups go to `backups` in it). */
  dataDir: z.string(),
  /** The sample database file (beside the main one, e.g. ExportDesk-sample.db). */
  samplePath: z.string(),
  sampleExists: z.boolean(),
  /** The main database holds no customer (archived ones included) and no import: the first run. */
  mainIsEmpty: z.boolean(),
  /** Whether a new data folder is remembered for the next start (false: only for this session). */
  locationRemembered: z.boolean(),
});
export type WorkspaceStatus = z.infer<typeof workspaceStatusSchema>;

/** How a data folder can be unsuitable (the `reason` in DATA_DIR_INVALID's details). */
export const DATA_DIR_PROBLEMS = [
  /** Not an absolute path (C:\…, /Users/…). */
  'notAbsolute',
  /** The folder the database is in already. */
  'sameFolder',
  /** Inside the current backup folder. */
  'insideBackups',
  /** A file, not a folder. */
  'notAFolder',
  /** The folder cannot be created or written to. */
  'notWritable',
  /** "Use the database there", but the file there is not a sound ExportDesk database (or is from a newer version). */
  'notADatabase',
] as const;
export type DataDirProblem = (typeof DATA_DIR_PROBLEMS)[number];

export const moveDataInputSchema = z.strictObject({
  /** The new data folder (absolute). */
  dir: z.string().trim().min(1).max(1000),
  /** When the folder holds an ExportDesk database already: switch to it instead of refusing (nothing is copied). */
  useExisting: z.boolean().default(false),
});

export const moveDataResultSchema = z.object({
  /** The database now in use. */
  dbPath: z.string(),
  /** The database file left where it was (the user may delete it); null when none was copied. */
  previousDbPath: z.string().nullable(),
  /** Whether the database already in the folder was taken as it is (useExisting). */
  usedExisting: z.boolean(),
  status: workspaceStatusSchema,
});
export type MoveDataResult = z.infer<typeof moveDataResultSchema>;
