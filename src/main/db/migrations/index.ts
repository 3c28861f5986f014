import type { Migration } from 'kysely';
import * as m0001 from './0001_core';
import * as m0002 from './0002_import';
import * as m0003 from './0003_classification';
import * as m0004 from './0004_followups';
import * as m0005 from './0005_surveys';
import * as m0006 from './0006_grid_indexes';
import * as m0007 from './0007_leads';
import * as m0008 from './0008_import_search';
import * as m0009 from './0009_unrecognised_values';
import * as m0010 from './0010_classification_basis';
import * as m0011 from './0011_inquiry_replies';
import * as m0012 from './0012_complaint_details';
import * as m0013 from './0013_sync_capture';
import * as m0014 from './0014_team_client';
import * as m0015 from './0015_conflict_lookup';
import * as m0016 from './0016_pool';
import * as m0017 from './0017_sales_targets';
import * as m0018 from './0018_manager_report_indexes';
import * as m0019 from './0019_conflict_company';
import * as m0020 from './0020_sales_targets_sync';
import * as m0021 from './0021_team_token_secret';
import * as m0022 from './0022_deals';

/**
 * Every migration, in order, in code (bundler-safe; no folder scan). Names are numbered with
 * gaps so a fix can be slotted in. Never edit a released migration: add a new one.
 * SCHEMA_VERSION is the number of the newest one and is also written to PRAGMA user_version.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_core': m0001,
  '0002_import': m0002,
  '0003_classification': m0003,
  '0004_followups': m0004,
  '0005_surveys': m0005,
  '0006_grid_indexes': m0006,
  '0007_leads': m0007,
  '0008_import_search': m0008,
  '0009_unrecognised_values': m0009,
  '0010_classification_basis': m0010,
  '0011_inquiry_replies': m0011,
  '0012_complaint_details': m0012,
  '0013_sync_capture': m0013,
  '0014_team_client': m0014,
  '0015_conflict_lookup': m0015,
  '0016_pool': m0016,
  '0017_sales_targets': m0017,
  '0018_manager_report_indexes': m0018,
  '0019_conflict_company': m0019,
  '0020_sales_targets_sync': m0020,
  '0021_team_token_secret': m0021,
  '0022_deals': m0022,
};

export const MIGRATION_NAMES = Object.keys(MIGRATIONS);

export function migrationNumber(name: string): number {
  const n = Number.parseInt(name.slice(0, 4), 10);
  if (!Number.isFinite(n)) throw new Error(`migration name must start with a 4-digit number: ${name}`);
  return n;
}

export const SCHEMA_VERSION = migrationNumber(MIGRATION_NAMES[MIGRATION_NAMES.length - 1] ?? '0000');
