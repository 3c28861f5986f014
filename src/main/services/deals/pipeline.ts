/**
 * The pipeline board: a column per stage with its count and totals in the base currency,
 * unweighted and weighted by the stage's probability (settings), and its cards; and the stale
 * deals Today shows. Open deals are summed per stage and currency from one covering index
 * (opportunities_open_stage), closed ones over the last `closedDays` from opportunities_closed;
 * each currency is converted once (the rate table revenue uses), and deals in a currency without a
 * rate are counted and reported, not summed.
 */
import { sql } from 'kysely';
import {
  DEAL_STAGES,
  OPEN_DEAL_STAGES,
  type BoardColumn,
  type DealStage,
  type PipelineSettings,
  type PipelineTotals,
} from '../../../shared/domain/deals';
import type { CurrencySettings } from '../../../shared/domain/classification';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import type { ReadDb, WriteTx } from '../../db/sql';
import { conversionFactors, readCurrency } from '../currency/currency';
import type { ServiceContext } from '../context';
import { dealRows, toDeal } from './deals';
import { readPipelineSettings, staleBefore } from './pipeline-settings';

/** One group of deals: a stage, a currency, how many and their sum in minor units of the currency. */
export interface StageSum {
  stage: DealStage;
  currency: string;
  n: number;
  sum: number;
}

/** The per-stage, per-currency sums the board's columns are made of (the query the bench times). */
export function stageSums(db: ReadDb | WriteTx, closedSince: string): StageSum[] {
  const open = db.all(
    db
      .selectFrom('opportunities')
      .select(['stage', 'currency', sql<number>`count(*)`.as('n'), sql<number>`total(amount_minor)`.as('sum')])
      .where('closed_at', 'is', null)
      .groupBy(['stage', 'currency']),
  );
  const closed = db.all(
    db
      .selectFrom('opportunities')
      .select(['stage', 'currency', sql<number>`count(*)`.as('n'), sql<number>`total(amount_minor)`.as('sum')])
      .where('closed_at', 'is not', null)
      .where('closed_at', '>=', closedSince)
      .groupBy(['stage', 'currency']),
  );
  return [...open, ...closed];
}

/** Columns from the sums: converted per currency, weighted by the stage's probability, rounded once per column. */
export function columnsOf(sums: readonly StageSum[], currency: CurrencySettings, settings: PipelineSettings): BoardColumn[] {
  const factor = conversionFactors(currency);
  return DEAL_STAGES.map((stage) => {
    const probability = settings.probabilities[stage];
    let count = 0;
    let total = 0;
    const uncounted: { currency: string; deals: number }[] = [];
    for (const s of sums) {
      if (s.stage !== stage) continue;
      count += s.n;
      const f = factor(s.currency);
      if (Number.isNaN(f)) uncounted.push({ currency: s.currency, deals: s.n });
      else total += s.sum * f;
    }
    uncounted.sort((a, b) => b.deals - a.deals || (a.currency < b.currency ? -1 : 1));
    return {
      stage,
      count,
      totalMinor: Math.round(total),
      weightedMinor: Math.round((total * probability) / 100),
      probability,
      uncounted,
    };
  });
}

export function pipelineTotals(db: ReadDb | WriteTx, now: Date): PipelineTotals {
  const settings = readPipelineSettings(db);
  const currency = readCurrency(db);
  const closedSince = new Date(now.getTime() - settings.closedDays * 86_400_000).toISOString();
  const columns = columnsOf(stageSums(db, closedSince), currency, settings);
  const open = columns.filter((c) => (OPEN_DEAL_STAGES as readonly string[]).includes(c.stage));
  return {
    base: currency.base,
    columns,
    openTotalMinor: open.reduce((a, c) => a + c.totalMinor, 0),
    openWeightedMinor: open.reduce((a, c) => a + c.weightedMinor, 0),
    uncountedDeals: open.reduce((a, c) => a + c.uncounted.reduce((x, u) => x + u.deals, 0), 0),
    closedDays: settings.closedDays,
  };
}

export function pipelineBoard(ctx: ServiceContext, input: ChannelParsedInput<'deals.board'>): ChannelOutput<'deals.board'> {
  const db = ctx.read;
  const now = ctx.now();
  const settings = readPipelineSettings(db);
  const totals = pipelineTotals(db, now);
  const closedSince = new Date(now.getTime() - settings.closedDays * 86_400_000).toISOString();
  const deal = toDeal(staleBefore(now, settings));
  const cards: Record<string, ReturnType<typeof deal>[]> = {};
  for (const stage of DEAL_STAGES) {
    // The column's cards: open ones most recently active first, read down the activity index;
    // closed ones most recently closed first, down the closed index. `+stage` keeps SQLite from
    // taking the stage index and sorting a whole stage (50k open deals: 340 ms → a few ms).
    const closed = stage === 'won' || stage === 'lost';
    const order = closed ? 'closed_at' : 'last_activity_at';
    let ids = db
      .selectFrom('opportunities')
      .select('id')
      .where(sql`+stage`, '=', stage)
      .orderBy(order, 'desc')
      .orderBy('id', 'desc')
      .limit(input.limit);
    ids = closed ? ids.where('closed_at', '>=', closedSince) : ids.where('closed_at', 'is', null);
    if (input.owner !== undefined) ids = ids.where('owner', '=', input.owner);
    const q = dealRows(db).where('o.id', 'in', ids).orderBy(`o.${order}`, 'desc').orderBy('o.id', 'desc');
    cards[stage] = db.all(q).map(deal);
  }
  return { ...totals, cards, staleDays: settings.staleDays };
}

/** Open deals without activity for the stale threshold's days, the longest quiet first. */
export function staleDeals(ctx: ServiceContext, input: ChannelParsedInput<'deals.stale'>): ChannelOutput<'deals.stale'> {
  const db = ctx.read;
  const settings = readPipelineSettings(db);
  const before = staleBefore(ctx.now(), settings);
  let q = dealRows(db).where('o.closed_at', 'is', null).where('o.last_activity_at', '<', before);
  if (input.owner !== undefined) q = q.where('o.owner', '=', input.owner);
  const total = db.first(
    db
      .selectFrom('opportunities')
      .select(sql<number>`count(*)`.as('n'))
      .where('closed_at', 'is', null)
      .where('last_activity_at', '<', before)
      .$if(input.owner !== undefined, (w) => w.where('owner', '=', input.owner!)),
  )!.n;
  const deals = db.all(q.orderBy('o.last_activity_at', 'asc').orderBy('o.id').limit(input.limit)).map(toDeal(before));
  return { deals, total, staleDays: settings.staleDays };
}
