/**
 * The deals pipeline (#21 item 2), part of the bench (scripts/bench.ts; `--only pipeline` runs it
 * alone): a book of its own with 100,000 customers (the app's generator, no orders) and, by bulk
 * INSERT … SELECT, 50,000 open deals spread over the four open stages and five currencies (one
 * without a rate: counted, not summed) and 20,000 closed ones (won and lost over the last year).
 * Timed: the board's column counts and totals (the per-stage, per-currency sums over the
 * opportunities_open_stage index, converted and weighted: what every column header shows), the
 * whole deals.board call (the totals plus up to 100 cards per column), and Today's stale deals.
 * Target: column counts and totals ≤ 50 ms at 100k customers / 50k open deals.
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { createEngine, type Engine } from '../src/main/engine/engine';
import { pipelineTotals } from '../src/main/services/deals/pipeline';
import type { Channel, ChannelInput } from '../src/shared/ipc/contract';
import { dispatch } from '../src/shared/ipc/dispatch';

export interface PipelineBenchFigure {
  name: string;
  unit: string;
  median: number;
  p95: number;
  runs: number;
  note?: string;
}

type Time = <C extends Channel>(engine: Engine, name: string, channel: C, inputs: () => ChannelInput<C>) => Promise<PipelineBenchFigure>;

/** The target's book; the tiny (smoke) scale uses a fiftieth of it. */
export const PIPELINE_CUSTOMERS = 100_000;
export const OPEN_DEALS = 50_000;

function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, i)] as number;
}
const round = (n: number) => Math.round(n * 100) / 100;

/** Deals for the customers already in the book, in two statements (see the file's comment). */
export function addDeals(e: Engine, open: number, closed: number): { open: number; closed: number } {
  const sqlite = e.database.sqlite;
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  const maxId = (sqlite.prepare('SELECT max(id) AS m FROM customers').get() as { m: number }).m;
  const insert = (n: number, closedDeals: boolean) =>
    sqlite
      .prepare(
        `WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?)
         INSERT INTO opportunities (customer_id, title, stage, amount_minor, currency, expected_close, lost_reason, owner,
                                    stage_changed_at, last_activity_at, closed_at, created_at, updated_at)
         SELECT 1 + (i * 7919) % ?, 'Bench deal ' || i,
                ${
                  closedDeals
                    ? `CASE WHEN i % 3 = 0 THEN 'lost' ELSE 'won' END`
                    : `CASE i % 10 WHEN 0 THEN 'negotiation' WHEN 1 THEN 'sample' WHEN 2 THEN 'sample' WHEN 3 THEN 'quoted'
                       WHEN 4 THEN 'quoted' WHEN 5 THEN 'quoted' ELSE 'inquiry' END`
                },
                100000 + (i * 104729) % 50000000,
                CASE i % 20 WHEN 0 THEN 'XAF' WHEN 1 THEN 'EUR' WHEN 2 THEN 'EUR' WHEN 3 THEN 'CNY' WHEN 4 THEN 'JPY' ELSE 'USD' END,
                strftime('%Y-%m-%d', ?, '+' || (i % 120) || ' days'),
                ${closedDeals ? `CASE WHEN i % 3 = 0 THEN 'price' END` : 'NULL'},
                'Owner ' || (i % 6),
                ?, strftime('%Y-%m-%dT%H:%M:%fZ', ?, '-' || ((i * 31) % 60) || ' days'),
                ${closedDeals ? `strftime('%Y-%m-%dT%H:%M:%fZ', ?, '-' || (i % 365) || ' days')` : 'NULL'},
                ?, ?
         FROM k`,
      )
      .run(...([n, maxId, iso(now), iso(now), iso(now), ...(closedDeals ? [iso(now)] : []), iso(now), iso(now)] as unknown[]));
  sqlite.transaction(() => {
    insert(open, false);
    insert(closed, true);
  })();
  sqlite.exec('ANALYZE');
  const n = (where: string) => (sqlite.prepare(`SELECT count(*) AS n FROM opportunities WHERE ${where}`).get() as { n: number }).n;
  return { open: n('closed_at IS NULL'), closed: n('closed_at IS NOT NULL') };
}

export async function benchPipeline(options: {
  benchDir: string;
  runs: number;
  time: Time;
  customers?: number;
  openDeals?: number;
}): Promise<PipelineBenchFigure[]> {
  const customers = options.customers ?? PIPELINE_CUSTOMERS;
  const openDeals = options.openDeals ?? OPEN_DEALS;
  const path = resolve(options.benchDir, 'pipeline.db');
  for (const p of [path, `${path}-wal`, `${path}-shm`]) rmSync(p, { force: true });
  const e = await createEngine({ dbPath: path, mode: 'in-process', appVersion: 'bench' });
  const figures: PipelineBenchFigure[] = [];
  try {
    const t0 = performance.now();
    const r = await dispatch(e.call, 'sample.generate', { count: customers, seed: 7, batchSize: 10_000 });
    if (!r.ok) throw new Error(`sample.generate: ${r.error.code} ${r.error.message}`);
    const t1 = performance.now();
    const made = addDeals(e, openDeals, Math.round(openDeals * 0.4));
    const t2 = performance.now();
    console.error(
      `[bench pipeline] ${customers} customers in ${Math.round(t1 - t0)} ms; ${made.open} open and ${made.closed} closed deals in ${Math.round(t2 - t1)} ms`,
    );
    const k = `${customers / 1000}k customers, ${made.open / 1000}k open deals`;
    // The column counts and totals as the board computes them, on the engine's read connection.
    const read = e.database.read;
    pipelineTotals(read, new Date());
    const samples: number[] = [];
    let check = 0;
    for (let i = 0; i < options.runs; i++) {
      const t = performance.now();
      const totals = pipelineTotals(read, new Date());
      samples.push(performance.now() - t);
      check = totals.columns.reduce((a, c) => a + c.count, 0);
    }
    samples.sort((a, b) => a - b);
    figures.push({
      name: `pipeline: column counts + totals (${k})`,
      unit: 'ms',
      median: round(quantile(samples, 0.5)),
      p95: round(quantile(samples, 0.95)),
      runs: options.runs,
      note: `${check} deals on the board; target ≤ 50 ms`,
    });
    figures.push({
      ...(await options.time(e, `pipeline: deals.board with cards (${k})`, 'deals.board', () => ({ limit: 100 }))),
      note: 'totals + up to 100 cards per column, through the engine',
    });
    figures.push(await options.time(e, `pipeline: stale deals for Today (${k})`, 'deals.stale', () => ({ limit: 50 })));
  } finally {
    await e.close();
    for (const p of [path, `${path}-wal`, `${path}-shm`]) rmSync(p, { force: true });
  }
  return figures;
}
