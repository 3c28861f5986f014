import type { TFunction } from 'i18next';
import type { Prefs, PrefsPatch } from '../../../../shared/domain/prefs';
import { prefsPatchSchema } from '../../../../shared/domain/prefs';
import type { InvalidField } from '../../lib/invalid-fields';
import { invalidFields } from '../../lib/invalid-fields';
import type { IpcError } from '../../lib/ipc';
import { parseNumber } from '../../lib/number-text';

/** Limits of the preferences (as in src/shared/domain/prefs.ts), for the messages. */
export const OWNER_NAME_MAX = 60;
export const OWNERS_MAX = 200;
export const FAIR_NAME_MAX = 120;
export const INTERVAL_MAX = 24 * 60;
export const FOLDER_MAX = 1000;

export interface OwnerRow {
  /** Stable while the list is edited (React key, focus after a move). */
  key: number;
  name: string;
}

/** The General form as typed (the language is not in it: it applies and saves at once). */
export interface GeneralFormValues {
  owners: OwnerRow[];
  /** Who uses this computer ('' = nobody chosen). */
  me: string;
  fairName: string;
  /** The day the fair is for: the saved one while the name is unchanged, else today at save. */
  fairDay: string | null;
  interval: string;
  folder: string;
}

export interface GeneralErrors {
  /** By row index. */
  owners: Record<number, string>;
  /** The "add a salesperson" field (also the list as a whole: too many names). */
  add?: string;
  fairName?: string;
  interval?: string;
  folder?: string;
}

export const NO_ERRORS: GeneralErrors = { owners: {} };

export function hasErrors(e: GeneralErrors): boolean {
  return Object.keys(e.owners).length > 0 || Boolean(e.add || e.fairName || e.interval || e.folder);
}

let nextKey = 1;
export function ownerRow(name: string): OwnerRow {
  return { key: nextKey++, name };
}

export function valuesFromPrefs(prefs: Prefs): GeneralFormValues {
  return {
    owners: prefs.owners.map(ownerRow),
    me: prefs.me ?? '',
    fairName: prefs.fair?.name ?? '',
    fairDay: prefs.fair?.day ?? null,
    interval: String(prefs.backups.intervalMinutes),
    folder: prefs.backups.dir ?? '',
  };
}

export function sameGeneralValues(a: GeneralFormValues, b: GeneralFormValues): boolean {
  return (
    a.owners.length === b.owners.length &&
    a.owners.every((o, i) => o.name === b.owners[i]?.name) &&
    a.me === b.me &&
    a.fairName.trim() === b.fairName.trim() &&
    (a.fairName.trim() === '' || a.fairDay === b.fairDay) &&
    a.interval.trim() === b.interval.trim() &&
    a.folder.trim() === b.folder.trim()
  );
}

/** The fair as it will be saved: a new or renamed fair is for today; an unchanged one keeps its day. */
function fairFromValues(values: GeneralFormValues, saved: Prefs['fair'], today: string): Prefs['fair'] {
  const name = values.fairName.trim();
  if (!name) return null;
  const day = saved && saved.name === name && values.fairDay ? values.fairDay : today;
  return { name, day };
}

/**
 * The change prefs.save gets, checked with the engine's own schema first (so a duplicate name is
 * refused before anything is sent, with the same messages as the engine's).
 */
export function patchFromValues(
  t: TFunction,
  values: GeneralFormValues,
  saved: Prefs,
  today: string,
): { patch: PrefsPatch } | { errors: GeneralErrors } {
  const interval = parseNumber(values.interval);
  const intervalOk = interval !== null && Number.isInteger(interval) && interval >= 0 && interval <= INTERVAL_MAX;
  const folder = values.folder.trim();
  const raw = {
    owners: values.owners.map((o) => o.name),
    // A name no longer on the staff list is not kept as "me".
    me: values.me && values.owners.some((o) => o.name.trim() === values.me) ? values.me : null,
    fair: fairFromValues(values, saved.fair, today),
    backups: { intervalMinutes: intervalOk ? interval : saved.backups.intervalMinutes, dir: folder === '' ? null : folder },
  };
  const parsed = prefsPatchSchema.safeParse(raw);
  const problems: InvalidField[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  const errors = errorsFromProblems(t, problems).errors;
  if (!intervalOk) errors.interval = t('settings.general.errors.intervalRange', { max: INTERVAL_MAX });
  if (hasErrors(errors) || !parsed.success) return { errors };
  return { patch: parsed.data };
}

function ownerProblemText(t: TFunction, message: string): string {
  const m = message.toLowerCase();
  if (m.includes('duplicate')) return t('settings.general.errors.ownerDuplicate');
  if (m.includes('too small')) return t('settings.general.errors.ownerEmpty');
  if (m.includes('too big')) return t('settings.general.errors.ownerTooLong', { max: OWNER_NAME_MAX });
  return t('fieldErrors.invalid');
}

/** Localized messages next to the fields, from schema problems (local or INVALID_INPUT of prefs.save), by path. */
export function errorsFromProblems(t: TFunction, problems: readonly InvalidField[]): { errors: GeneralErrors; unplaced: number } {
  const errors: GeneralErrors = { owners: {} };
  let unplaced = 0;
  for (const { path, message } of problems) {
    const owner = /^owners\.(\d+)(\.|$)/.exec(path);
    if (owner) {
      const index = Number(owner[1]);
      errors.owners[index] ??= ownerProblemText(t, message);
    } else if (path === 'owners') errors.add ??= t('settings.general.errors.tooManyOwners', { max: OWNERS_MAX });
    else if (path.startsWith('fair')) errors.fairName ??= t('settings.general.errors.fairTooLong', { max: FAIR_NAME_MAX });
    else if (path.startsWith('backups.intervalMinutes'))
      errors.interval ??= t('settings.general.errors.intervalRange', { max: INTERVAL_MAX });
    else if (path.startsWith('backups.dir')) errors.folder ??= t('settings.general.errors.folderTooLong');
    else unplaced++;
  }
  return { errors, unplaced };
}

/** The reasons BACKUP_DIR_INVALID gives (src/main/safety/backup-folder.ts). */
const FOLDER_REASONS = ['notAbsolute', 'notCreatable', 'notWritable'] as const;

/** Field errors from an engine error of prefs.save; null when the error is not about a field (shown as a notice). */
export function errorsFromEngine(t: TFunction, error: IpcError): GeneralErrors | null {
  if (error.code === 'BACKUP_DIR_INVALID') {
    const reason = error.details && typeof error.details === 'object' ? (error.details as { reason?: unknown }).reason : undefined;
    const known = FOLDER_REASONS.find((r) => r === reason) ?? 'notWritable';
    return { owners: {}, folder: t(`settings.general.errors.folder.${known}`) };
  }
  const { errors } = errorsFromProblems(t, invalidFields(error));
  return hasErrors(errors) ? errors : null;
}
