import type { Migration } from 'kysely';
import * as m0001 from './0001_identity';

/**
 * Every migration of the team server, in order: code, not files read at run time, so a bundled
 * server carries them. Kysely's Migrator runs them by name (sorted), each once, recorded in
 * kysely_migration. Name a new one with the next number (0002_…) and never change one that shipped;
 * row-level security for the customer tables comes as later migrations here.
 */
export const migrations: Record<string, Migration> = {
  '0001_identity': m0001,
};
