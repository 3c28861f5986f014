/**
 * The team server's pool figures (#20), part of the sync bench (scripts/bench-sync.ts, part "e"):
 * a team book made straight in the server's tables with generate_series — `customers` owned
 * customers spread over six salespeople, each owned for up to 400 days, three follow-ups (done within 25
 * days, except for one customer in twenty) and three orders (within 200 days) each, so that about one in twenty is due — then
 * the return rules evaluated over all of them (src/server/sync/pool.ts). Target: ≤ 2 s at 100,000
 * customers.
 *
 * Figures: the first run (which returns the customers due, one transaction), then the steady state
 * the hourly job meets (every owned customer checked, none due), median and p95 of `runs`.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import { connect } from '../src/server/db/connect';
import { keysOfCustomers } from '../src/server/db/migrations/0005_collisions';
import { migrateToLatest } from '../src/server/db/migrate';
import { addUser } from '../src/server/identity';
import { findCollisions } from '../src/server/sync/collisions';
import { applyPoolRules } from '../src/server/sync/pool';
import type { SyncFigure } from './bench-sync';

const DAY = 86_400_000;

export async function benchPool(adminUrl: string, databaseUrl: string, customers: number, runs: number): Promise<SyncFigure[]> {
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  await admin.query('create database bench_pool');
  await admin.end();
  const db = connect(databaseUrl);
  const figures: SyncFigure[] = [];
  try {
    await migrateToLatest(db);
    const users: string[] = [];
    for (let i = 0; i < 6; i++)
      users.push((await addUser(db, { name: `Pool ${i}`, login: `pool${i}`, password: 'bench password', role: 'salesperson' })).id);
    const now = Date.now();
    const t0 = performance.now();
    await sql`
      insert into sync_customers (gid, owner_user_id, owned_since)
      select gen_random_uuid(), (${users}::uuid[])[1 + (i % 6)], to_timestamp((${now} - (i * 7919 % 400) * ${DAY}::bigint) / 1000.0)
      from generate_series(1, ${customers}) i`.execute(db);
    await sql`
      insert into sync_rows (tbl, gid, customer_gid, owner_user_id, team, fields, clocks, writers, seq, full_seq)
      select 'customers', c.gid, c.gid, c.owner_user_id, false,
             jsonb_build_object('company', 'Bench ' || row_number() over (), 'company_key', 'bench ' || row_number() over (), 'country', 'DE',
               'website_domain', 'bench' || row_number() over () || '.example', 'owner', 'Pool', 'archived_at', null), '{}', '{}',
             row_number() over (), row_number() over ()
      from sync_customers c`.execute(db);
    const base = customers;
    await sql`
      insert into sync_rows (tbl, gid, customer_gid, owner_user_id, team, fields, clocks, writers, seq, full_seq)
      select 'follow_ups', gen_random_uuid(), c.gid, c.owner_user_id, false,
             jsonb_build_object('customer_id', c.gid, 'status', case when c.n % 20 <> 0 then 'done' else 'open' end,
               'done_at', case when c.n % 20 <> 0 then to_char(to_timestamp((${now} - ((k * 104729) % 25) * ${DAY}::bigint) / 1000.0) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') end),
             '{}', '{}', ${base} + k, ${base} + k
      from (select gid, owner_user_id, row_number() over () as n from sync_customers) c, generate_series(0, 2) j,
           lateral (select c.n * 3 + j as k) kk`.execute(db);
    await sql`
      insert into sync_rows (tbl, gid, customer_gid, owner_user_id, team, fields, clocks, writers, seq, full_seq)
      select 'orders', gen_random_uuid(), c.gid, c.owner_user_id, false,
             jsonb_build_object('customer_id', c.gid, 'cancelled', 0,
               'ordered_at', to_char(to_timestamp((${now} - ((k * 7907) % 200) * ${DAY}::bigint) / 1000.0) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
             '{}', '{}', ${base * 4} + k, ${base * 4} + k
      from (select gid, owner_user_id, row_number() over () as n from sync_customers) c, generate_series(0, 2) j,
           lateral (select c.n * 3 + j as k) kk`.execute(db);
    // One contact per customer, with an e-mail at its domain and a phone (the collision check's keys).
    await sql`
      insert into sync_rows (tbl, gid, customer_gid, owner_user_id, team, fields, clocks, writers, seq, full_seq)
      select 'contacts', gen_random_uuid(), c.gid, c.owner_user_id, false,
             jsonb_build_object('customer_id', c.gid, 'name', 'Buyer ' || c.n, 'email', 'buyer' || c.n || '@bench' || c.n || '.example',
               'phone', '+49 30 ' || lpad(c.n::text, 7, '0')),
             '{}', '{}', ${base * 8} + c.n, ${base * 8} + c.n
      from (select gid, owner_user_id, row_number() over () as n from sync_customers) c`.execute(db);
    // The facts pushes keep (src/server/sync/pool.ts refreshFacts), for the whole book at once.
    await sql`
      update sync_customers c set last_done_at = f.last from (
        select customer_gid, max(exportdesk_ts(fields ->> 'done_at')) as last from sync_rows
        where tbl = 'follow_ups' and fields ->> 'status' = 'done' group by customer_gid) f
      where f.customer_gid = c.gid`.execute(db);
    await sql`
      update sync_customers c set last_order_at = o.last from (
        select customer_gid, max(exportdesk_ts(fields ->> 'ordered_at')) as last from sync_rows where tbl = 'orders' group by customer_gid) o
      where o.customer_gid = c.gid`.execute(db);
    // The collision check's keys (pushes keep them; src/server/sync/collisions.ts refreshKeys), for the whole book at once.
    await sql`insert into collision_keys (customer_gid, kind, key) ${keysOfCustomers(sql`ARRAY(SELECT gid FROM sync_customers)`)}`.execute(
      db,
    );
    await sql`update sync_counter set seq = (select max(seq) from sync_rows) where id = 1`.execute(db);
    await sql`analyze`.execute(db);
    const rows = Number((await sql<{ n: string }>`select count(*) as n from sync_rows`.execute(db)).rows[0]!.n);
    console.error(`[bench pool] ${customers} owned customers, ${rows} rows made in ${Math.round(performance.now() - t0)} ms`);

    let t = performance.now();
    const first = await applyPoolRules(db, now);
    const firstMs = performance.now() - t;
    figures.push({
      name: `pool: return rules over ${customers.toLocaleString('en')} owned customers (first run, returns those due)`,
      unit: 'ms',
      median: Math.round(firstMs),
      p95: Math.round(firstMs),
      runs: 1,
      note: `${first.returned.toLocaleString('en')} returned to the pool in one transaction (owner events and timeline entries written); target ≤ 2,000 ms`,
    });
    const times: number[] = [];
    let checked = 0;
    for (let i = 0; i < runs; i++) {
      t = performance.now();
      const r = await applyPoolRules(db, now);
      times.push(performance.now() - t);
      checked = r.checked;
      if (r.returned !== 0) throw new Error(`bench pool: a steady-state run returned ${r.returned}`);
    }
    times.sort((a, b) => a - b);
    figures.push({
      name: `pool: return rules, hourly steady state (${checked.toLocaleString('en')} owned customers checked, none due)`,
      unit: 'ms',
      median: Math.round(times[Math.floor(times.length / 2)]!),
      p95: Math.round(times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)]!),
      runs,
      note: 'target ≤ 2,000 ms at 100,000 customers',
    });

    // The collision check, as a salesperson asks it (src/server/sync/collisions.ts): every key at once, half of them a hit.
    const asker = { userId: users[0]!, role: 'salesperson' as const };
    const checks: number[] = [];
    let hits = 0;
    for (let i = 0; i < Math.max(runs * 10, 50); i++) {
      const n = 1 + ((i * 7919) % customers);
      const hit = i % 2 === 0;
      const tag = hit ? String(n) : `x${n}`;
      t = performance.now();
      const matches = await findCollisions(db, asker, {
        companyKey: `bench ${tag}`,
        country: 'DE',
        domains: [`bench${tag}.example`],
        emails: [`buyer${tag}@bench${tag}.example`],
        phoneKeys: [hit ? `30${String(n).padStart(7, '0')}`.slice(-9) : '999999999'],
      });
      checks.push(performance.now() - t);
      if (matches.length > 0) hits++;
    }
    checks.sort((a, b) => a - b);
    figures.push({
      name: `collision check over ${customers.toLocaleString('en')} customers (e-mail, domain, company, phone at once)`,
      unit: 'ms',
      median: Math.round(checks[Math.floor(checks.length / 2)]! * 10) / 10,
      p95: Math.round(checks[Math.min(checks.length - 1, Math.ceil(checks.length * 0.95) - 1)]! * 10) / 10,
      runs: checks.length,
      note: `${hits} of ${checks.length} found a customer; in-process (no HTTPS); target p95 ≤ 50 ms`,
    });
  } finally {
    await db.destroy();
  }
  return figures;
}
