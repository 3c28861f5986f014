/**
 * The manager's view (#20 item 5), part of the bench (scripts/bench.ts; `--only manager` runs it
 * alone): the bench's generated book (100,000 customers, 1M orders, 200k inquiries, 300k follow-ups
 * at medium) copied, then given what a team's book has beside it, in SQL over the whole book at
 * once: a pool (one customer in ten without an owner), replies to seven inquiries in ten (0–72 h
 * later), owner changes on the timeline (claims, releases and rule returns over the last year for
 * one customer in eight), complaints (one customer in 25), needs (one in ten) and a year of monthly
 * targets for every salesperson. Then manager.report over the last three months (every figure of
 * every salesperson, the pool and the totals), over each other period the page offers (this month,
 * last month, this quarter, this year), and the list behind one figure.
 * Target: the report ≤ 500 ms at 100,000 customers, for every period the page offers.
 */
import { copyFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { createEngine, type Engine } from '../src/main/engine/engine';
import type { Channel, ChannelInput } from '../src/shared/ipc/contract';
import { OWNERS } from '../src/main/services/app/sample-data';

export interface ManagerBenchFigure {
  name: string;
  unit: string;
  median: number;
  p95: number;
  runs: number;
  note?: string;
}

type Time = <C extends Channel>(engine: Engine, name: string, channel: C, inputs: () => ChannelInput<C>) => Promise<ManagerBenchFigure>;

const monthKey = (d: Date) => d.toISOString().slice(0, 7);

/** Adds to the copy of the book what the generator does not make (see the file's comment). */
export function enrich(e: Engine): { customers: number; activities: number; complaints: number; needs: number } {
  const sqlite = e.database.sqlite;
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  sqlite.transaction(() => {
    sqlite.prepare(`UPDATE customers SET owner = '' WHERE id % 10 = 0`).run();
    sqlite
      .prepare(
        `UPDATE inquiries SET replied_at = strftime('%Y-%m-%dT%H:%M:%fZ', received_at, '+' || ((id * 104729) % 4320) || ' minutes')
         WHERE (id * 7919) % 10 < 7`,
      )
      .run();
    // Owner changes of the last year: claims (to the owner), releases and rule returns (from a salesperson, to the pool).
    const change = (kind: string, every: number, offset: number, data: string) =>
      sqlite
        .prepare(
          `INSERT INTO activities (customer_id, kind, occurred_at, summary, data, created_at)
           SELECT id, '${kind}', strftime('%Y-%m-%dT%H:%M:%fZ', ?, '-' || ((id * 7907) % 365) || ' days'), '', ${data},
                  strftime('%Y-%m-%dT%H:%M:%fZ', ?, '-' || ((id * 7907) % 365) || ' days')
           FROM customers WHERE id % ${every} = ${offset}`,
        )
        .run(iso(now), iso(now));
    const who = `CASE id % 6 ${OWNERS.map((o, i) => `WHEN ${i} THEN '${o.replace(/'/g, "''")}'`).join(' ')} END`;
    change('owner_claim', 16, 1, `json_object('from', '', 'to', ${who}, 'by', ${who}, 'reason', 'claim')`);
    change('owner_release', 40, 3, `json_object('from', ${who}, 'to', '', 'by', ${who}, 'reason', 'release')`);
    change(
      'owner_rule',
      60,
      7,
      `json_object('from', ${who}, 'to', '', 'by', '', 'reason', 'rule', 'rule', json_object('kind', 'followup', 'days', 30, 'lastAt', NULL))`,
    );
    sqlite
      .prepare(
        `INSERT INTO complaints (customer_id, category, severity, description, status, owner, due_by, created_at, updated_at)
         SELECT id, 'quality', CASE (id / 25) % 4 WHEN 0 THEN 'critical' WHEN 1 THEN 'high' WHEN 2 THEN 'medium' ELSE 'low' END, 'bench',
                CASE (id / 25) % 3 WHEN 0 THEN 'open' WHEN 1 THEN 'in_progress' ELSE 'resolved' END, '',
                strftime('%Y-%m-%dT%H:%M:%fZ', ?, ((id * 31) % 120 - 60) || ' days'), ?, ?
         FROM customers WHERE id % 25 = 2`,
      )
      .run(iso(now), iso(now), iso(now));
    sqlite
      .prepare(
        `INSERT INTO needs (customer_id, category, status, created_at, updated_at)
         SELECT id, 'packaging', CASE (id / 10) % 5 WHEN 0 THEN 'new' WHEN 1 THEN 'evaluating' WHEN 2 THEN 'planned' WHEN 3 THEN 'met' ELSE 'declined' END, ?, ?
         FROM customers WHERE id % 10 = 4`,
      )
      .run(iso(now), iso(now));
    const target = sqlite.prepare(
      `INSERT OR REPLACE INTO sales_targets (owner, month, revenue_minor, new_customers, updated_at) VALUES (?, ?, ?, ?, ?)`,
    );
    const d = new Date(Date.UTC(new Date(now).getUTCFullYear(), 0, 1));
    for (let m = 0; m < 12; m++) {
      const month = monthKey(new Date(Date.UTC(d.getUTCFullYear(), m, 1)));
      OWNERS.forEach((o, i) => target.run(o, month, 5_000_000_00 + i * 1_000_000_00, 20 + i, iso(now)));
    }
  })();
  const n = (table: string, where = '') => (sqlite.prepare(`SELECT count(*) AS n FROM ${table} ${where}`).get() as { n: number }).n;
  return {
    customers: n('customers'),
    activities: n('activities', `WHERE substr(kind, 1, 6) = 'owner_'`),
    complaints: n('complaints'),
    needs: n('needs'),
  };
}

export async function benchManager(options: {
  bookPath: string;
  benchDir: string;
  scale: string;
  time: Time;
}): Promise<ManagerBenchFigure[]> {
  const copy = resolve(options.benchDir, `manager-${options.scale}.db`);
  for (const p of [copy, `${copy}-wal`, `${copy}-shm`]) rmSync(p, { force: true });
  copyFileSync(options.bookPath, copy);
  const e = await createEngine({ dbPath: copy, mode: 'in-process', appVersion: 'bench' });
  const figures: ManagerBenchFigure[] = [];
  try {
    const t0 = performance.now();
    const made = enrich(e);
    console.error(
      `[bench manager] ${made.customers} customers; ${made.activities} owner changes, ${made.complaints} complaints, ${made.needs} needs added in ${Math.round(performance.now() - t0)} ms`,
    );
    const now = new Date();
    const from = monthKey(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 1)));
    const to = monthKey(now);
    const period = { fromMonth: from, toMonth: to, tz: 'Asia/Shanghai' };
    const k = `${Math.round(made.customers / 1000)}k customers`;
    const report = await options.time(e, `manager: report, 3 months (${k})`, 'manager.report', () => period);
    figures.push({ ...report, note: 'every figure of 6 salespeople, the pool and the totals; target ≤ 500 ms at 100k' });
    // The page's other choices (renderer features/manager/period.ts): this month, last month, this quarter, this year.
    const months = (fromMonth: string, toMonth: string) => ({ fromMonth, toMonth, tz: 'Asia/Shanghai' });
    const y = now.getUTCFullYear();
    const q = Math.floor(now.getUTCMonth() / 3) * 3;
    const last = monthKey(new Date(Date.UTC(y, now.getUTCMonth() - 1, 1)));
    for (const [label, p] of [
      ['this month', months(to, to)],
      ['last month', months(last, last)],
      ['this quarter', months(monthKey(new Date(Date.UTC(y, q, 1))), monthKey(new Date(Date.UTC(y, q + 2, 1))))],
      ['this year', months(`${y}-01`, `${y}-12`)],
    ] as const) {
      figures.push(await options.time(e, `manager: report, ${label} (${k})`, 'manager.report', () => p));
    }
    let i = 0;
    const owners = [OWNERS[1] as string, OWNERS[2] as string, null];
    figures.push(
      await options.time(e, `manager: list behind a figure (orders, 3 months)`, 'manager.list', () => ({
        period,
        owner: owners[i++ % owners.length] ?? null,
        figure: 'orders',
        limit: 500,
      })),
    );
  } finally {
    await e.close();
    for (const p of [copy, `${copy}-wal`, `${copy}-shm`]) rmSync(p, { force: true });
  }
  return figures;
}
