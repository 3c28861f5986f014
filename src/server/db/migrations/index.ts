import type { Migration } from 'kysely';
import * as m0001 from './0001_identity';
import * as m0002 from './0002_sync';
import * as m0003 from './0003_pull_changed_fields';
import * as m0004 from './0004_pool';
import * as m0005 from './0005_collisions';
import * as m0006 from './0006_collision_reports';

/**
 * Every migration of the team server, in order: code, not files read at run time, so a bundled
 * server carries them. Kysely's Migrator runs them by name (sorted), each once, recorded in
 * kysely_migration. Name a new one with the next number (0002_…) and never change one that shipped.
 */
export const migrations: Record<string, Migration> = {
  '0001_identity': m0001,
  '0002_sync': m0002,
  '0003_pull_changed_fields': m0003,
  '0004_pool': m0004,
  '0005_collisions': m0005,
  '0006_collision_reports': m0006,
};
