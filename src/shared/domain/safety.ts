import { z } from 'zod';

/**
 * Data safety: backups, the start-up check of the database and restoring. Shared by the engine,
 * the renderer's recovery screen and Backups settings, and the CLI.
 */

/** Why a backup was made: on the schedule, before an import, at quit, by hand, before a migration. */
export const BACKUP_REASONS = ['scheduled', 'import', 'quit', 'manual', 'pre-migrate'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export const backupInfoSchema = z.object({
  fileName: z.string(),
  path: z.string(),
  /** ISO 8601 UTC. */
  createdAt: z.string(),
  reason: z.enum(BACKUP_REASONS),
  sizeBytes: z.number().int(),
});
export type BackupInfo = z.infer<typeof backupInfoSchema>;

export const backupListSchema = z.object({
  /** The folder automatic and "Back up now" backups go to (a `backups` folder beside the database). */
  dir: z.string(),
  lastBackupAt: z.string().nullable(),
  backups: z.array(backupInfoSchema),
});
export type BackupList = z.infer<typeof backupListSchema>;

/**
 * How the database looked at start: ok; damaged or not a database (corrupt); written by a newer
 * ExportDesk (newer-version); or impossible to open at all (open-failed: permissions, locked…).
 */
export const STARTUP_STATES = ['ok', 'corrupt', 'newer-version', 'open-failed'] as const;
export type StartupState = (typeof STARTUP_STATES)[number];

export const startupProblemSchema = z.object({
  code: z.string(),
  message: z.string(),
  /** quick_check's findings, or the SQLite error; for the curious and for support. */
  details: z.array(z.string()),
});
export type StartupProblem = z.infer<typeof startupProblemSchema>;

export const startupStatusSchema = z.object({
  state: z.enum(STARTUP_STATES),
  dbPath: z.string(),
  backupDir: z.string(),
  problem: startupProblemSchema.nullable(),
  /** Where the last restore (or fresh start) put the database it replaced; null when none this session. */
  keptAsidePath: z.string().nullable(),
  /** The newest backup that passes quick_check (checked only when the state is not ok). */
  newestGoodBackup: backupInfoSchema.nullable(),
});
export type StartupStatus = z.infer<typeof startupStatusSchema>;

export const restoreResultSchema = z.object({
  /** The backup copied in; '' for a fresh, empty database. */
  restoredFrom: z.string(),
  /** The database that was replaced, kept beside it; null when there was none. */
  keptAsidePath: z.string().nullable(),
  schemaVersion: z.number().int(),
});
export type RestoreResult = z.infer<typeof restoreResultSchema>;

/** A backup's file name as the page may name it: one file in the backup folder, no path. */
export const backupFileNameSchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[^/\\\p{Cc}:*?"<>|]+$/u, 'a file name in the backup folder')
  .refine((n) => n !== '.' && n !== '..', 'a file name in the backup folder');
