import type { HandlersOf } from '../../engine/handler-types';
import { SCHEMA_VERSION } from '../../db/migrations';
import { generateSampleCustomers } from './sample-data';
import { checkDatabase, statsOverview } from './stats';

/** The engine's handlers for the app.*, db.*, jobs.*, sample.*, stats.* channels: each calls the service beside it. */
export const appHandlers = {
  'app.info': (rt) => ({ version: rt.appVersion, dbPath: rt.ctx.dbPath, schemaVersion: SCHEMA_VERSION, engine: rt.mode }),
  'stats.overview': (rt) => statsOverview(rt.ctx),
  'db.check': (rt, input) => checkDatabase(rt.ctx, input.full),
  'sample.generate': (rt, input, job) => generateSampleCustomers(rt.ctx, input, job),
  'jobs.cancel': (rt, input) => ({ cancelled: rt.cancelJob(input.jobId) }),
} satisfies HandlersOf<'app' | 'db' | 'jobs' | 'sample' | 'stats'>;
