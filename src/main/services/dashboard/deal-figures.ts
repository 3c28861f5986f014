/**
 * The dashboard's deal figures (#21 item 6): the open pipeline by stage (count, amount and amount
 * weighted by the stage's win probability, in the base currency), and per region, industry or
 * owner the open deals, the deals won and lost in the window, the win rate and the average days
 * from a deal's opening to its win. For the customers the dashboard's filter selects.
 */
import { sql } from 'kysely';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { DEAL_STAGES, type DealStage } from '../../../shared/domain/deals';
import { regionOf } from '../../geo/regions';
import { conversionFactors, readCurrency } from '../currency/currency';
import { filteredCustomers } from '../customers/customers';
import { readPipelineSettings } from '../deals/pipeline-settings';
import type { ServiceContext } from '../context';

type Output = ChannelOutput<'dashboard.deals'>;
type GroupRow = Output['groups'][number];

const DAY_MS = 86_400_000;

export function dealFigures(ctx: ServiceContext, input: ChannelParsedInput<'dashboard.deals'>): Output {
  const { filter, by, days } = input;
  const currency = readCurrency(ctx.read);
  const factor = conversionFactors(currency);
  const { probabilities } = readPipelineSettings(ctx.read);
  const since = new Date(ctx.now().getTime() - days * DAY_MS).toISOString();
  const customers = filteredCustomers(ctx, filter).select('c.id');

  const rows = ctx.read.all(
    ctx.read
      .selectFrom('opportunities as o')
      .innerJoin('customers as c', 'c.id', 'o.customer_id')
      .select(['o.stage', 'o.currency', 'o.amount_minor', 'o.created_at', 'o.closed_at', 'c.country', 'c.industry'])
      .select(sql<string>`coalesce(nullif(o.owner, ''), c.owner)`.as('owner'))
      .where('o.customer_id', 'in', customers)
      .where((eb) => eb.or([eb('o.closed_at', 'is', null), eb('o.closed_at', '>=', since)])),
  );

  const stages = new Map<DealStage, Output['stages'][number]>(
    DEAL_STAGES.map((stage) => [stage, { stage, count: 0, amountMinor: 0, weightedMinor: 0 }]),
  );
  const groups = new Map<string, GroupRow & { winDays: number }>();
  const uncounted = new Map<string, number>();

  for (const r of rows) {
    const f = factor(r.currency);
    const counted = !Number.isNaN(f);
    if (!counted) uncounted.set(r.currency, (uncounted.get(r.currency) ?? 0) + 1);
    const base = counted ? r.amount_minor * f : 0;
    const weighted = (base * probabilities[r.stage]) / 100;
    const s = stages.get(r.stage)!;
    s.count++;
    s.amountMinor += base;
    s.weightedMinor += weighted;

    const key = by === 'region' ? regionOf(r.country).code : by === 'industry' ? r.industry : r.owner;
    let g = groups.get(key);
    if (!g) {
      const name = by === 'region' ? regionOf(r.country).name : null;
      g = { key, name, open: 0, openWeightedMinor: 0, won: 0, lost: 0, wonMinor: 0, winRate: null, avgDaysToWin: null, winDays: 0 };
      groups.set(key, g);
    }
    if (r.closed_at === null) {
      g.open++;
      g.openWeightedMinor += weighted;
    } else if (r.stage === 'won') {
      g.won++;
      g.wonMinor += base;
      g.winDays += Math.max(0, (Date.parse(r.closed_at) - Date.parse(r.created_at)) / DAY_MS);
    } else {
      g.lost++;
    }
  }

  const list: GroupRow[] = [...groups.values()].map(({ winDays, ...g }) => ({
    ...g,
    openWeightedMinor: Math.round(g.openWeightedMinor),
    wonMinor: Math.round(g.wonMinor),
    winRate: g.won + g.lost > 0 ? g.won / (g.won + g.lost) : null,
    avgDaysToWin: g.won > 0 ? Math.round((winDays / g.won) * 10) / 10 : null,
  }));
  list.sort(
    (a, b) => b.wonMinor - a.wonMinor || b.openWeightedMinor - a.openWeightedMinor || b.open - a.open || a.key.localeCompare(b.key),
  );

  return {
    currency: currency.base,
    days,
    stages: [...stages.values()].map((s) => ({ ...s, amountMinor: Math.round(s.amountMinor), weightedMinor: Math.round(s.weightedMinor) })),
    groups: list,
    uncounted: [...uncounted].map(([code, deals]) => ({ currency: code, deals })).sort((a, b) => b.deals - a.deals),
  };
}
