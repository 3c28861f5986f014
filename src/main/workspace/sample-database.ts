import { renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { classifyCustomers } from '../classify/classify';
import { openDatabase, serviceHandles, type Database } from '../db/open';
import type { ReadDb } from '../db/sql';
import { StagedFiles } from '../import/staged-files';
import { isoNow, type JobControl, type ServiceContext } from '../services/context';
import { generateSampleCustomers } from '../services/app/sample-data';
import { readSetting, writeSetting } from '../services/settings';
import { removeDatabaseFiles } from './workspace-files';

/**
 * The sample book a first-time user explores: about 2,000 generated buyers with contacts, three
 * years of orders, inquiries and follow-ups, classified, so the grid, boards, dashboard and
 * follow-up lists all have something to show. Seeded: every sample looks the same.
 */
export const SAMPLE_SIZE = {
  count: 2_000,
  seed: 2024,
  batchSize: 250,
  ordersPerCustomer: 3,
  inquiriesPerCustomer: 1.5,
  followUpsPerCustomer: 0.6,
} as const;

/** The sample's orders are in USD, EUR and GBP; its own exchange rates (the user's are not touched). */
function contextOf(db: Database, now: () => Date): ServiceContext {
  return {
    ...serviceHandles(db),
    dbPath: db.path,
    now,
    staged: new StagedFiles(),
  };
}

/**
 * The everyday preferences of the user's database (language, sales staff, today's fair) carried into
 * the sample, so it looks like theirs; the backup preferences stay out (the sample has no automatic backups).
 */
async function copyPreferences(from: ReadDb | null, to: ServiceContext): Promise<void> {
  if (!from) return;
  try {
    const prefs = readSetting<unknown>(from, 'prefs');
    if (!prefs || typeof prefs !== 'object' || Array.isArray(prefs)) return;
    const { backups: _backups, ...rest } = prefs as Record<string, unknown>;
    const now = isoNow(to);
    await to.db.transaction((tx) => writeSetting(tx, 'prefs', rest, now));
  } catch (err) {
    console.warn(`the preferences were not copied into the sample: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * Writes the sample database to `path`: built under a temporary name in the same folder, closed
 * (checkpointed, so it is one whole file), then renamed into place. Cancelling or any failure
 * leaves nothing behind.
 */
export async function createSampleDatabase(
  path: string,
  options: { now: () => Date; job: JobControl; preferencesFrom: ReadDb | null },
): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.creating`);
  removeDatabaseFiles(temp);
  let db: Database | undefined;
  try {
    db = await openDatabase(temp);
    const ctx = contextOf(db, options.now);
    await copyPreferences(options.preferencesFrom, ctx);
    await generateSampleCustomers(ctx, { ...SAMPLE_SIZE }, options.job);
    await classifyCustomers(ctx, 'manual', options.job);
    await options.job.checkpoint();
    const done = db;
    db = undefined;
    await done.close();
    // A stale side file of an earlier sample must not be applied to the new one.
    removeDatabaseFiles(path);
    renameSync(temp, path);
    removeDatabaseFiles(temp);
  } catch (err) {
    if (db) await db.close().catch(() => {});
    removeDatabaseFiles(temp);
    throw err;
  }
}
