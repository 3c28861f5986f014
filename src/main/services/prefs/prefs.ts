import {
  backupScheduleSchema,
  DEFAULT_PREFS,
  prefsSchema,
  type BackupSchedule,
  type Prefs,
  type PrefsPatch,
} from '../../../shared/domain/prefs';
import type { ReadDb, WriteTx } from '../../db/sql';
import { isoNow, type ServiceContext } from '../context';
import { readSetting, writeSetting } from '../settings';

const KEY = 'prefs';
const PREF_KEYS = Object.keys(prefsSchema.shape) as (keyof Prefs)[];

/** What the backup side lends prefs.save: the folder check, and applying a new schedule at once. */
export interface BackupPrefsTarget {
  /** The folder as it will be used (normalized); throws BACKUP_DIR_INVALID when it cannot be created or written to. */
  checkBackupFolder(dir: string): string;
  applyBackupSchedule(schedule: BackupSchedule): void;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The preferences the user has set, each one checked on its own: a stored value that no longer
 * parses (hand-edited, or from another version) is dropped, so that key falls back to its
 * default while the others are kept.
 */
function storedPrefs(reader: ReadDb | WriteTx): Partial<Prefs> {
  const stored = readSetting<unknown>(reader, KEY);
  const out: Partial<Record<keyof Prefs, unknown>> = {};
  if (!isRecord(stored)) return {};
  for (const key of PREF_KEYS) {
    if (!(key in stored)) continue;
    const parsed = prefsSchema.shape[key].safeParse(stored[key]);
    if (parsed.success) out[key] = parsed.data;
  }
  return out as Partial<Prefs>;
}

/** The saved preferences, defaults filled in. */
export function readPrefs(reader: ReadDb | WriteTx): Prefs {
  return { ...DEFAULT_PREFS, ...storedPrefs(reader) };
}

/** The backup schedule as saved, or null when it was never saved (the engine's default applies then). */
export function savedBackupSchedule(reader: ReadDb | WriteTx): BackupSchedule | null {
  const saved = storedPrefs(reader).backups;
  return saved ? backupScheduleSchema.parse(saved) : null;
}

/**
 * Applies a change (only the keys given) and returns the preferences as saved. Only what the
 * user set is stored, so a default can still change with a later version. A backup folder is
 * checked (and normalized) by `backups` first, and a new schedule is applied after the write.
 */
export async function savePrefs(ctx: Pick<ServiceContext, 'db' | 'now'>, patch: PrefsPatch, backups?: BackupPrefsTarget): Promise<Prefs> {
  let change = patch;
  if (patch.backups?.dir && backups) {
    change = { ...patch, backups: { ...patch.backups, dir: backups.checkBackupFolder(patch.backups.dir) } };
  }
  const now = isoNow(ctx);
  const saved = await ctx.db.transaction((tx) => {
    const next = { ...storedPrefs(tx), ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) };
    writeSetting(tx, KEY, next, now);
    return readPrefs(tx);
  });
  if (change.backups && backups) backups.applyBackupSchedule(saved.backups);
  return saved;
}
