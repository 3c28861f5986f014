import { sql } from 'kysely';
import type { ChannelOutput } from '../../shared/ipc/contract';
import { rollUp } from '../geo/regions';
import { schemaVersionOf } from '../db/migrate';
import { integrityProblems } from '../db/connection';
import type { ServiceContext } from './context';
import { lastRun } from '../classify/classify';

export function statsOverview(ctx: ServiceContext): ChannelOutput<'stats.overview'> {
  const count = (table: 'contacts' | 'inquiries' | 'orders') =>
    ctx.read.first(ctx.readDb.selectFrom(table).select(sql<number>`count(*)`.as('n')).compile())?.n ?? 0;
  const customers = ctx.read.first(
    ctx.readDb
      .selectFrom('customers')
      .select([
        sql<number>`count(*) FILTER (WHERE archived_at IS NULL)`.as('active'),
        sql<number>`count(*) FILTER (WHERE archived_at IS NOT NULL)`.as('archived'),
      ])
      .compile(),
  );
  const rows = ctx.read.all(
    ctx.readDb
      .selectFrom('customers')
      .select(['country', sql<number>`count(*)`.as('n')])
      .where('archived_at', 'is', null)
      .groupBy('country')
      .compile(),
  ) as { country: string; n: number }[];
  const classCounts = (expr: string): Record<string, number> =>
    Object.fromEntries(
      (ctx.readSqlite.prepare(`SELECT ${expr} AS k, count(*) AS n FROM customers WHERE archived_at IS NULL GROUP BY 1`).all() as { k: string; n: number }[]).map(
        (r) => [r.k, r.n],
      ),
    );
  const byCountry = Object.fromEntries(rows.map((r) => [r.country || '??', r.n]));
  const known = Object.fromEntries(rows.map((r) => [r.country, r.n]));
  return {
    customers: customers?.active ?? 0,
    archivedCustomers: customers?.archived ?? 0,
    contacts: count('contacts'),
    inquiries: count('inquiries'),
    orders: count('orders'),
    byCountry,
    byRegion: rollUp(known, 'region'),
    byContinent: rollUp(known, 'continent'),
    bySegment: classCounts('rfm_segment'),
    byTier: classCounts('value_tier'),
    byMatrix: classCounts('value_matrix'),
    byLifecycle: classCounts('coalesce(lifecycle_override, lifecycle_stage)'),
    byChurn: classCounts('churn_status'),
    lastRun: lastRun(ctx.readSqlite),
  };
}

/** Integrity of the database file: quick_check by default, integrity_check when asked. */
export function checkDatabase(ctx: ServiceContext, full: boolean): ChannelOutput<'db.check'> {
  const problems = integrityProblems(ctx.readSqlite, full);
  const fk = ctx.readSqlite.pragma('foreign_key_check') as unknown[];
  const pageCount = ctx.sqlite.pragma('page_count', { simple: true }) as number;
  const pageSize = ctx.sqlite.pragma('page_size', { simple: true }) as number;
  const sync = ctx.sqlite.pragma('synchronous', { simple: true }) as number;
  return {
    ok: problems.length === 0 && fk.length === 0,
    problems: problems.slice(0, 100),
    foreignKeyViolations: fk.length,
    schemaVersion: schemaVersionOf(ctx.sqlite),
    journalMode: String(ctx.sqlite.pragma('journal_mode', { simple: true })),
    synchronous: ['OFF', 'NORMAL', 'FULL', 'EXTRA'][sync] ?? String(sync),
    pageCount,
    sizeBytes: pageCount * pageSize,
  };
}
