import { sql, type RawBuilder } from 'kysely';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { rollUp } from '../../geo/regions';
import type { ServiceContext } from '../context';
import { effectiveLifecycleSql } from '../customers/customers';
import { lastRun } from '../../classify/classify';

export function statsOverview(ctx: ServiceContext): ChannelOutput<'stats.overview'> {
  const count = (table: 'contacts' | 'inquiries' | 'orders') =>
    ctx.read.first(ctx.read.selectFrom(table).select(sql<number>`count(*)`.as('n')))?.n ?? 0;
  const customers = ctx.read.first(
    ctx.read
      .selectFrom('customers')
      .select([
        sql<number>`count(*) FILTER (WHERE archived_at IS NULL)`.as('active'),
        sql<number>`count(*) FILTER (WHERE archived_at IS NOT NULL)`.as('archived'),
      ]),
  );
  const rows = ctx.read.all(
    ctx.read
      .selectFrom('customers')
      .select(['country', sql<number>`count(*)`.as('n')])
      .where('archived_at', 'is', null)
      .groupBy('country'),
  );
  const classCounts = (k: RawBuilder<string>): Record<string, number> =>
    Object.fromEntries(
      ctx.read
        .all(
          ctx.read
            .selectFrom('customers as c')
            .select([k.as('k'), sql<number>`count(*)`.as('n')])
            .where('c.archived_at', 'is', null)
            .groupBy(sql`1`),
        )
        .map((r) => [r.k, r.n]),
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
    bySegment: classCounts(sql<string>`c.rfm_segment`),
    byTier: classCounts(sql<string>`c.value_tier`),
    byMatrix: classCounts(sql<string>`c.value_matrix`),
    byLifecycle: classCounts(effectiveLifecycleSql),
    byChurn: classCounts(sql<string>`c.churn_status`),
    lastRun: lastRun(ctx.read),
  };
}

/** Integrity of the database file: quick_check by default, integrity_check when asked. */
export function checkDatabase(ctx: ServiceContext, full: boolean): ChannelOutput<'db.check'> {
  const { problems, foreignKeyViolations } = ctx.read.check(full);
  const pageCount = ctx.db.pragmaValue('page_count') as number;
  const pageSize = ctx.db.pragmaValue('page_size') as number;
  const sync = ctx.db.pragmaValue('synchronous') as number;
  return {
    ok: problems.length === 0 && foreignKeyViolations === 0,
    problems: problems.slice(0, 100),
    foreignKeyViolations,
    schemaVersion: ctx.read.schemaVersion(),
    journalMode: String(ctx.db.pragmaValue('journal_mode')),
    synchronous: ['OFF', 'NORMAL', 'FULL', 'EXTRA'][sync] ?? String(sync),
    pageCount,
    sizeBytes: pageCount * pageSize,
  };
}
