/**
 * The dashboard's figures in one call: customers and revenue by area, industry and class, the
 * value × potential matrix, revenue by month in the base currency and the customers at risk.
 */
import { sql, type RawBuilder } from 'kysely';
import { conversionFactors, readCurrency } from '../currency/currency';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { RFM_SEGMENTS, VALUE_MATRIX, VALUE_TIERS, type ChartPoint, type ClassificationRules } from '../../../shared/domain/classification';
import { LIFECYCLE_STAGES } from '../../../shared/domain/customer-enums';
import { continentOf } from '../../geo/regions';
import { lastRun } from '../../classify/classify';
import { currentRules, segmentDisplayName } from '../../classify/rules-store';
import { effectiveLifecycleSql, emptyFilter, filteredCustomers } from '../customers/customers';
import { CARD_COLUMNS, nextFollowUpSql, toCard } from '../boards/boards';
import type { ServiceContext } from '../context';

interface Group {
  k: string;
  n: number;
  revenue: number;
}

function points(groups: Group[], order?: readonly string[]): ChartPoint[] {
  const byKey = new Map(groups.map((g) => [g.k, g]));
  const keys = order ? [...order, ...groups.map((g) => g.k).filter((k) => !order.includes(k))] : groups.map((g) => g.k);
  const list = keys.map((k) => {
    const g = byKey.get(k);
    return { key: k, name: null, count: g?.n ?? 0, revenueMinor: Math.round(g?.revenue ?? 0) };
  });
  return order ? list : list.sort((a, b) => b.revenueMinor - a.revenueMinor || b.count - a.count);
}

/** Custom segment names from the rules (blank = the built-in name, which the renderer supplies). */
function withSegmentNames(list: ChartPoint[], rules: ClassificationRules): ChartPoint[] {
  return list.map((p) => ({ ...p, name: segmentDisplayName(rules, p.key) ?? p.name }));
}

function monthKeys(asOf: Date, months: number): string[] {
  const keys: string[] = [];
  const d = new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth(), 1));
  d.setUTCMonth(d.getUTCMonth() - (months - 1));
  for (let i = 0; i < months; i++) {
    keys.push(d.toISOString().slice(0, 7));
    d.setUTCMonth(d.getUTCMonth() + 1);
  }
  return keys;
}

/** True when the filter selects every active customer (the revenue query then skips the customer scope). */
function isUnfiltered(filter: ChannelParsedInput<'dashboard.overview'>['filter']): boolean {
  return (Object.keys(emptyFilter) as (keyof typeof emptyFilter)[]).every(
    (k) => JSON.stringify(filter[k]) === JSON.stringify(emptyFilter[k]),
  );
}

export function dashboardOverview(
  ctx: ServiceContext,
  input: ChannelParsedInput<'dashboard.overview'>,
): ChannelOutput<'dashboard.overview'> {
  const { filter, months } = input;
  const base = filteredCustomers(ctx, filter);
  const group = (expr: RawBuilder<string>): Group[] =>
    ctx.read.all(
      base.select([expr.as('k'), sql<number>`count(*)`.as('n'), sql<number>`total(c.revenue_minor)`.as('revenue')]).groupBy(sql`1`),
    );

  const byCountryGroups = group(sql<string>`c.country`);
  const continents = new Map<string, ChartPoint>();
  for (const g of byCountryGroups) {
    const area = continentOf(g.k);
    const p = continents.get(area.code) ?? { key: area.code, name: area.name, count: 0, revenueMinor: 0 };
    p.count += g.n;
    p.revenueMinor += Math.round(g.revenue);
    continents.set(area.code, p);
  }

  // Revenue by month, converted to the base currency (amounts without a rate are left out).
  const asOf = ctx.now();
  const keys = monthKeys(asOf, months);
  const factor = conversionFactors(readCurrency(ctx.read));
  const fromDay = Math.floor(Date.parse(`${keys[0]}-01T00:00:00Z`) / 86_400_000);
  const customerScope = isUnfiltered(filter) ? sql`` : sql`AND o.customer_id IN (${base.select('c.id')})`;
  // Per day and currency from the orders_by_day index, rolled up to months here (SQL: the builder cannot write INDEXED BY).
  const dayRows = ctx.read.all(
    sql<{ d: number; currency: string; amount: number; n: number }>`
      SELECT o.ordered_day AS d, o.currency AS currency, total(o.amount_minor) AS amount, count(*) AS n
      FROM orders o INDEXED BY orders_by_day WHERE o.cancelled = 0 AND o.ordered_day >= ${fromDay} ${customerScope}
      GROUP BY 1, 2`,
  );
  const byMonth = new Map(keys.map((k) => [k, { month: k, revenueMinor: 0, orders: 0 }]));
  for (const r of dayRows) {
    const slot = byMonth.get(new Date(r.d * 86_400_000).toISOString().slice(0, 7));
    if (!slot) continue;
    const f = factor(r.currency);
    if (!Number.isNaN(f)) slot.revenueMinor += Math.round(r.amount * f);
    slot.orders += r.n;
  }

  const atRisk = ctx.read.all(
    base
      .where('c.churn_status', '=', 'warning')
      .select([...CARD_COLUMNS, nextFollowUpSql.as('next_follow_up'), 'c.recency_days', 'c.rhythm_days', 'c.churn_status'])
      .orderBy('c.revenue_minor', 'desc')
      .orderBy('c.id', 'desc')
      .limit(20),
  );

  const totals = byCountryGroups.reduce((t, g) => ({ n: t.n + g.n, revenue: t.revenue + g.revenue }), { n: 0, revenue: 0 });
  return {
    currency: readCurrency(ctx.read).base,
    customers: totals.n,
    revenueMinor: Math.round(totals.revenue),
    byContinent: [...continents.values()].sort((a, b) => b.revenueMinor - a.revenueMinor || b.count - a.count),
    byCountry: points(byCountryGroups),
    byIndustry: points(group(sql<string>`c.industry`)),
    bySegment: withSegmentNames(points(group(sql<string>`c.rfm_segment`), [...RFM_SEGMENTS, 'none']), currentRules(ctx.read).rules),
    byTier: points(group(sql<string>`c.value_tier`), [...VALUE_TIERS, 'none']),
    byLifecycle: points(group(effectiveLifecycleSql), LIFECYCLE_STAGES),
    matrix: points(group(sql<string>`c.value_matrix`), VALUE_MATRIX),
    revenueByMonth: [...byMonth.values()],
    atRisk: atRisk.map((r) => ({
      ...toCard(r),
      churn: r.churn_status,
      daysPastRhythm: Math.max(0, (r.recency_days ?? 0) - (r.rhythm_days ?? 0)),
    })),
    classifiedAt: lastRun(ctx.read)?.startedAt ?? null,
  };
}
