import { z } from 'zod';
import { LANGUAGES } from '../language';

/**
 * Everyday preferences kept in the database (so they follow the data, survive a restart of the
 * app or the browser harness, and are in every backup): the UI language, the sales staff, the
 * trade fair being worked today, and the automatic backup schedule.
 */

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Sales staff names: trimmed, 1–60 characters, no duplicates (case-insensitive). */
export const ownersSchema = z
  .array(z.string().trim().min(1).max(60))
  .max(200)
  .superRefine((owners, ctx) => {
    const seen = new Set<string>();
    owners.forEach((o, i) => {
      const key = o.toLocaleLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i], message: 'duplicate owner', params: { reason: 'duplicate' } });
      seen.add(key);
    });
  });

/** The fair the booth works at, and the local day it was set for: quick capture asks again the next day. */
export const fairSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  day: z.string().regex(ISO_DAY),
});
export type Fair = z.output<typeof fairSchema>;

export const backupScheduleSchema = z.strictObject({
  /** Minutes between automatic backups while data changes; 0 switches the schedule off. */
  intervalMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(30),
  /**
   * Keep backups in this folder instead of `backups` beside the database (absolute path; the
   * engine checks that it can create and write to it). Empty text means beside the database.
   */
  dir: z
    .string()
    .trim()
    .max(1000)
    .nullable()
    .transform((dir) => (dir === '' ? null : dir))
    .default(null),
});
export type BackupSchedule = z.output<typeof backupScheduleSchema>;

export const prefsSchema = z.strictObject({
  /** null: follow the system language. */
  language: z.enum(LANGUAGES).nullable().default(null),
  owners: ownersSchema.default([]),
  /** Who uses this computer (one of the staff, or a name): new leads and customers default to them. */
  me: z.string().trim().min(1).max(60).nullable().default(null),
  fair: fairSchema.nullable().default(null),
  backups: backupScheduleSchema.prefault({}),
});
export type Prefs = z.output<typeof prefsSchema>;

/** A change to some preferences; what is left out stays as it is. */
export const prefsPatchSchema = z.strictObject({
  language: z.enum(LANGUAGES).nullable().optional(),
  owners: ownersSchema.optional(),
  me: z.string().trim().min(1).max(60).nullable().optional(),
  fair: fairSchema.nullable().optional(),
  backups: backupScheduleSchema.optional(),
});
export type PrefsPatch = z.output<typeof prefsPatchSchema>;

export const DEFAULT_PREFS: Prefs = prefsSchema.parse({});
