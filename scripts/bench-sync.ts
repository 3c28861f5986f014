/**
 * The sync part of `npm run bench` (issue #19 item 7), on loopback: an embedded PostgreSQL, the
 * team server in a process of its own (`src/server/main.ts --pg …`, so its CPU time and RSS are
 * its own), laptops as engines with their own SQLite files.
 *
 *   (a) a commit on laptop A → visible on laptop B: both with the app's background sync (debounced
 *       push after a write channel, long-poll pull), one customer edit at a time through
 *       `customers.update`, B's book polled every 2 ms;
 *   (b) push throughput (field changes/s: the laptop's outbox read, POST /v1/push, acknowledged)
 *       and pull+apply throughput (rows/s: `team.sync` on another laptop, pages pulled and applied);
 *   (c) the first sync of a generated book (the bench's own, loaded into the server directly) to a
 *       NEW laptop in a process of its own: download + apply time and the engine's peak RSS;
 *   (d) three laptops, each cut off behind a loopback relay, 10k field changes waiting on each,
 *       reconnected: the time until all three have pushed everything and pulled up to the server's
 *       last seq (the app's backoff as it is), then their books compared;
 *   (e) the server process's CPU time and peak RSS over the whole run.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect as netConnect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { createEngine, type Engine } from '../src/main/engine/engine';
import { serviceHandles } from '../src/main/db/open';
import { ackOutbox, readOutbox } from '../src/main/sync/capture';
import { TeamClient } from '../src/main/sync/client';
import { plainSecretStore, plainSecretsPathFor } from '../src/main/secrets/secret-store';
import { decodeTeamToken, TEAM_TOKEN_SECRET } from '../src/main/secrets/team-token';
import { rowObject } from '../src/main/sync/triggers';
import { connect } from '../src/server/db/connect';
import { migrateToLatest } from '../src/server/db/migrate';
import type { ServerDatabase } from '../src/server/db/schema';
import { embeddedUrl, startEmbeddedPostgres } from '../src/server/embedded-postgres';
import { addUser } from '../src/server/identity';
import type { Channel, ChannelInput, ChannelOutput } from '../src/shared/ipc/contract';
import { dispatch } from '../src/shared/ipc/dispatch';
import { levelOf, SYNC_TABLES, TAG_FIELD_PREFIX } from '../src/shared/sync/tables';
import { benchPool } from './bench-pool';
import { MAX_PUSH_OPS, type SyncOp } from '../src/shared/team/sync';

export interface SyncFigure {
  name: string;
  unit: string;
  median: number;
  p95: number;
  runs: number;
  note?: string;
}

export interface SyncBenchOptions {
  scale: 'tiny' | 'small' | 'medium' | 'large';
  root: string;
  /** The bench's generated book (customers, orders…): the team's book of the first sync. */
  bookPath: string;
  /** Edits timed for (a). */
  edits: number;
}

export interface SyncBenchResult {
  figures: SyncFigure[];
  server: { cpuSeconds: number; peakRssMB: number };
  firstSync: { rows: number; seconds: number; peakRssMB: number } | null;
}

const PASSWORD = 'bench password 1';
const round = (n: number) => Math.round(n * 100) / 100;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, i)] as number;
}

interface Laptop {
  engine: Engine;
  dir: string;
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  sqlite: Engine['database']['sqlite'];
  close(): Promise<void>;
}

async function laptop(name: string, background: boolean): Promise<Laptop> {
  const dir = mkdtempSync(join(tmpdir(), `exportdesk-bench-${name}-`));
  // The app's background sync as it ships (defaults: 25 s long-poll, 200 ms push debounce, 1-60 s backoff).
  const engine = await createEngine({ dbPath: join(dir, 'book.db'), mode: 'in-process', appVersion: 'bench', team: { background } });
  return {
    engine,
    dir,
    sqlite: engine.database.sqlite,
    async call(channel, input) {
      const r = await dispatch(engine.call, channel, input, {}, true);
      if (!r.ok) throw new Error(`${name} ${channel}: ${r.error.code}: ${r.error.message}`);
      return r.value as never;
    },
    async close() {
      await engine.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A TCP relay on loopback that can be cut (connections reset, new ones refused) and restored. */
async function relay(targetPort: number): Promise<{ url: string; cut(): Promise<void>; restore(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  const listen = () =>
    new Promise<void>((done) => {
      const s = createServer((client) => {
        const upstream = netConnect(targetPort, '127.0.0.1');
        sockets.add(client).add(upstream);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
        client.pipe(upstream).pipe(client);
      });
      server = s;
      s.listen(port, '127.0.0.1', () => {
        port = (s.address() as AddressInfo).port;
        done();
      });
    });
  const cut = async () => {
    for (const s of sockets) s.destroy();
    sockets.clear();
    const s = server as Server | null;
    server = null;
    if (s) await new Promise<void>((done) => s.close(() => done()));
  };
  await listen();
  return { url: `https://127.0.0.1:${port}`, cut, restore: listen };
}

/** The server process's CPU seconds (user + system) and RSS from /proc (Linux). */
function procStats(pid: number): { cpuSeconds: number; rssMB: number; hwmMB: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { cpuSeconds: ticks / 100, rssMB: kb('VmRSS') / 1024, hwmMB: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** The server as `npm run server -- --pg URL` starts it, in its own process. */
async function startServer(root: string, url: string, dataDir: string): Promise<{ child: ChildProcess; url: string; fingerprint: string }> {
  const child = spawn(
    process.execPath,
    [
      // BENCH_SERVER_PROF=<folder>: a CPU profile of the server process (written when it stops).
      ...(process.env.BENCH_SERVER_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_SERVER_PROF}`] : []),
      '--import',
      'tsx',
      join(root, 'src', 'server', 'main.ts'),
      '--pg',
      url,
      '--host',
      '127.0.0.1',
      '--port',
      '0',
      '--data',
      dataDir,
    ],
    { cwd: root, env: { ...process.env, NODE_NO_WARNINGS: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stderr!.on('data', (c: Buffer) => {
    if (process.env.BENCH_SERVER_LOG) process.stderr.write(c); // the server's log, to follow a run
    err = (err + c.toString()).slice(-4000);
  });
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`the server did not start:\n${out}\n${err}`)), 60_000);
    child.on('exit', (code) => fail(new Error(`the server exited (${code}):\n${out}\n${err}`)));
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const listening = /listening: +(https:\/\/\S+)\/v1\//.exec(out);
      const fp = /SHA-256 fingerprint: +(\S+)/.exec(out);
      if (listening && fp) {
        clearTimeout(timer);
        done({ child, url: listening[1] as string, fingerprint: fp[1] as string });
      }
    });
  });
}

const BUILTIN = /^00000000-0000-7000-8000-/;

/**
 * The bench's book straight into the server's tables (as a manager's pushes would leave it: public
 * customers, every field with one clock, children under their customer), `batch` rows a statement.
 */
async function loadBook(db: Kysely<ServerDatabase>, bookPath: string): Promise<number> {
  const book = new Database(bookPath, { readonly: true });
  const hlc = `${String(Date.now() - 86_400_000).padStart(13, '0')}-00000-00000000000000be`;
  let seq = Number((await sql<{ seq: string }>`select seq from sync_counter where id = 1`.execute(db)).rows[0]!.seq);
  let rows = 0;
  try {
    for (const t of SYNC_TABLES) {
      const level = levelOf(t);
      const a = t.audience;
      const customerGid =
        t.table === 'customers'
          ? 'x.gid'
          : a.kind !== 'child'
            ? 'NULL'
            : level === 1
              ? `(SELECT gid FROM customers WHERE id = x.${a.fk})`
              : `(SELECT c.gid FROM ${a.parent} p JOIN customers c ON c.id = p.customer_id WHERE p.id = x.${a.fk})`;
      const tags =
        t.table === 'customers' ? `, (SELECT json_group_array(tag) FROM customer_tags WHERE customer_id = x.id) AS tags` : ', NULL AS tags';
      const select = book.prepare(
        `SELECT x.gid, ${customerGid} AS customer_gid, ${rowObject(t, 'x')} AS v ${tags} FROM ${t.table} x WHERE x.gid IS NOT NULL`,
      );
      let batch: unknown[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        await sql`insert into sync_rows (tbl, gid, customer_gid, owner_user_id, team, fields, clocks, writers, seq, full_seq)
          select x.tbl, x.gid, x.customer_gid, null, x.team, x.fields, x.clocks, '{}'::jsonb, x.seq, x.seq
          from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb)
            as x(tbl text, gid uuid, customer_gid uuid, team boolean, fields jsonb, clocks jsonb, seq bigint)`.execute(db);
        batch = [];
      };
      for (const r of select.iterate() as IterableIterator<{ gid: string; customer_gid: string | null; v: string; tags: string | null }>) {
        if (BUILTIN.test(r.gid)) continue;
        if (a.kind === 'child' && !r.customer_gid) continue;
        const fields = JSON.parse(r.v) as Record<string, unknown>;
        for (const tag of r.tags ? (JSON.parse(r.tags) as string[]) : []) fields[`${TAG_FIELD_PREFIX}${tag}`] = true;
        const clocks = Object.fromEntries(Object.keys(fields).map((f) => [f, hlc]));
        if (t.table === 'customers') {
          batch.push({ tbl: t.table, gid: r.gid, customer_gid: r.gid, team: false, fields, clocks, seq: ++seq });
        } else {
          batch.push({ tbl: t.table, gid: r.gid, customer_gid: r.customer_gid, team: a.kind !== 'child', fields, clocks, seq: ++seq });
        }
        rows++;
        if (batch.length >= 5000) {
          if (t.table === 'customers') {
            const gids = batch.map((b) => (b as { gid: string }).gid);
            await sql`insert into sync_customers (gid, owner_user_id) select g, null from unnest(${gids}::uuid[]) g`.execute(db);
          }
          await flush();
        }
      }
      if (t.table === 'customers' && batch.length > 0) {
        const gids = batch.map((b) => (b as { gid: string }).gid);
        await sql`insert into sync_customers (gid, owner_user_id) select g, null from unnest(${gids}::uuid[]) g`.execute(db);
      }
      await flush();
    }
    await sql`update sync_counter set seq = ${seq} where id = 1`.execute(db);
    await sql`analyze`.execute(db);
  } finally {
    book.close();
  }
  return rows;
}

/** Customers' ids and versions of a laptop. */
function customerIds(l: Laptop, limit: number): { id: number; version: number; gid: string }[] {
  return l.sqlite.prepare(`SELECT id, version, gid FROM customers ORDER BY id LIMIT ?`).all(limit) as {
    id: number;
    version: number;
    gid: string;
  }[];
}

/** BENCH_SYNC_PARTS=b,c runs only those parts (profiling one figure); all by default. */
const part = (name: string): boolean => {
  const only = process.env.BENCH_SYNC_PARTS;
  return !only || only.split(',').includes(name);
};

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 2): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`bench-sync: timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

export async function benchSync(options: SyncBenchOptions): Promise<SyncBenchResult> {
  const { root, scale } = options;
  const figures: SyncFigure[] = [];
  const tiny = scale === 'tiny';
  const prepared = spawnSync(process.execPath, [join(root, 'scripts', 'postgres.mjs'), '--quiet'], { encoding: 'utf8' });
  if (prepared.status !== 0) throw new Error(`scripts/postgres.mjs failed: ${prepared.stderr}`);
  const work = mkdtempSync(join(tmpdir(), 'exportdesk-bench-sync-'));
  // Its own temp folder (PostgreSQL, running as the postgres user under root, must enter it).
  const pgDir = mkdtempSync(join(tmpdir(), 'exportdesk-bench-pg-'));
  const embedded = await startEmbeddedPostgres({ dataDir: pgDir, fast: true });
  const admin = new pg.Client(embedded.url);
  await admin.connect();
  await admin.query('create database bench_sync');
  await admin.end();
  const pgUrl = embeddedUrl({ ...embedded.settings, database: 'bench_sync' });
  const db = connect(pgUrl);
  await migrateToLatest(db);
  const users = [];
  for (let i = 0; i < 6; i++)
    users.push(await addUser(db, { name: `Bench ${i}`, login: `bench${i}`, password: PASSWORD, role: 'manager' }));
  const server = await startServer(root, pgUrl, join(work, 'server'));
  const serverPid = server.child.pid as number;
  let serverPeak = 0;
  const sampler = setInterval(() => {
    const s = procStats(serverPid);
    if (s) serverPeak = Math.max(serverPeak, s.rssMB);
  }, 100);
  const creds = (i: number, url = server.url) => ({
    server: url,
    login: `bench${i}`,
    password: PASSWORD,
    fingerprint: server.fingerprint,
    deviceName: `bench laptop ${i}`,
  });
  const laptops: Laptop[] = [];
  let firstSync: SyncBenchResult['firstSync'] | undefined;
  const log = (s: string) => console.error(`[bench sync] ${s}`);
  try {
    // The team's small working book: laptop A's generated customers, uploaded when it joins.
    const base = tiny ? 300 : 2_000;
    const a = await laptop('a', true);
    laptops.push(a);
    await a.call('sample.generate', { count: base, seed: 3, ordersPerCustomer: 2, inquiriesPerCustomer: 1, followUpsPerCustomer: 1 });
    let t = performance.now();
    await a.call('team.join', creds(0));
    const uploadRows = Number(
      (
        await db
          .selectFrom('sync_rows')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const uploadMs = performance.now() - t;
    log(`A joined: ${uploadRows} rows uploaded in ${Math.round(uploadMs)} ms`);
    figures.push({
      name: `sync: first sync up (join with a ${base.toLocaleString('en')}-customer book)`,
      unit: 'rows/s',
      median: Math.round(uploadRows / (uploadMs / 1000)),
      p95: Math.round(uploadRows / (uploadMs / 1000)),
      runs: 1,
      note: `${uploadRows} rows in ${round(uploadMs)} ms`,
    });
    const b = await laptop('b', true);
    laptops.push(b);
    await b.call('team.join', creds(1));

    // (a) commit on A → visible on B.
    if (part('a')) {
      const ids = customerIds(a, options.edits + 1);
      const gidOnB = b.sqlite.prepare(`SELECT notes FROM customers WHERE gid = ?`).pluck();
      const samples: number[] = [];
      await sleep(300);
      for (let i = 0; i < options.edits; i++) {
        const c = ids[i % ids.length]!;
        const version = (a.sqlite.prepare(`SELECT version FROM customers WHERE id = ?`).pluck().get(c.id) as number) ?? c.version;
        const notes = `bench edit ${i} ${Date.now()}`;
        const t0 = performance.now();
        await a.call('customers.update', { id: c.id, version, patch: { notes } });
        await until('an edit to reach laptop B', () => gidOnB.get(c.gid) === notes, 30_000);
        samples.push(performance.now() - t0);
        await sleep(20);
      }
      samples.sort((x, y) => x - y);
      figures.push({
        name: 'sync: commit on laptop A → visible on laptop B',
        unit: 'ms',
        median: round(quantile(samples, 0.5)),
        p95: round(quantile(samples, 0.95)),
        runs: samples.length,
        note: `background sync as in the app: 200 ms push debounce, 25 s long-poll; max ${round(samples[samples.length - 1] ?? NaN)} ms`,
      });
      log(`(a) done: median ${round(quantile(samples, 0.5))} ms`);
    }
    // A and B are done: their background sync would pull every later part's changes in this same
    // process (each laptop is a process of its own in real life) and be timed as the other laptops'.
    for (const l of [a, b]) {
      await l.close();
      laptops.splice(laptops.indexOf(l), 1);
    }

    // (b) push and pull+apply throughput: P (no background) changes `fieldsPer` fields of every
    // customer in one transaction, pushes; Q (no background) pulls and applies the rows.
    if (part('b')) {
      const p = await laptop('p', false);
      const q = await laptop('q', false);
      laptops.push(p, q);
      await p.call('team.join', creds(2));
      await q.call('team.join', creds(3));
      const columns = ['notes', 'city', 'website', 'industry', 'source'];
      const fieldsPer = tiny ? 2 : 5;
      const pushRuns = tiny ? 1 : 3;
      const pushRates: number[] = [];
      const pullRates: number[] = [];
      let changes = 0;
      let rowsPulled = 0;
      const ctx = serviceHandles(p.engine.database);
      const state = p.sqlite.prepare(`SELECT team_server, team_fingerprint, team_device_id FROM sync_state WHERE id = 1`).get() as {
        team_server: string;
        team_fingerprint: string;
        team_device_id: string;
      };
      // The device token: in the plain secrets file beside the book (the bench has no safeStorage).
      const stored = await plainSecretStore(plainSecretsPathFor(p.engine.database.path)).get(TEAM_TOKEN_SECRET);
      const team = { ...state, team_token: decodeTeamToken(stored, state.team_device_id) ?? '' };
      for (let run = 0; run < pushRuns; run++) {
        // A client per run: a kept-alive socket the server closed meanwhile would fail the first push.
        const client = new TeamClient(team.team_server, team.team_fingerprint, team.team_token);
        const set = columns
          .slice(0, fieldsPer)
          .map((c) => `${c} = ${c} || ' r${run}'`)
          .join(', ');
        await ctx.db.transaction((tx) => tx.run(sql.raw(`UPDATE customers SET ${set}`)));
        changes = (p.sqlite.prepare(`SELECT count(*) AS n FROM sync_outbox`).get() as { n: number }).n;
        const t0 = performance.now();
        for (;;) {
          const ops = readOutbox(ctx.read, MAX_PUSH_OPS);
          if (ops.length === 0) break;
          const batch: SyncOp[] = ops.map((o) => ({ ...o, value: (o.value ?? null) as SyncOp['value'] }));
          const out = await client.call('push', { ops: batch }, { timeoutMs: 300_000 });
          if (out.results.some((r) => r.status === 'rejected')) throw new Error('bench-sync: the server refused a pushed op');
          await ackOutbox(
            ctx.db,
            ops.map((o) => o.opId),
          );
        }
        const pushMs = performance.now() - t0;
        client.close();
        pushRates.push(changes / (pushMs / 1000));
        const t1 = performance.now();
        // Once more if the kept-alive connection the server closed meanwhile reset (the app's loop retries too).
        await q.call('team.sync', {}).catch((err: Error) => {
          if (!err.message.includes('TEAM_UNREACHABLE')) throw err;
          return q.call('team.sync', {});
        });
        const pullMs = performance.now() - t1;
        rowsPulled = base;
        pullRates.push(rowsPulled / (pullMs / 1000));
        log(
          `(b) run ${run}: ${changes} field changes pushed in ${Math.round(pushMs)} ms; ${rowsPulled} rows pulled+applied in ${Math.round(pullMs)} ms`,
        );
      }
      pushRates.sort((x, y) => x - y);
      pullRates.sort((x, y) => x - y);
      // Rates: the p95 column holds the slow end (the 5th percentile rate).
      figures.push({
        name: 'sync: push throughput (laptop outbox → server)',
        unit: 'changes/s',
        median: Math.round(quantile(pushRates, 0.5)),
        p95: Math.round(quantile(pushRates, 0.05)),
        runs: pushRates.length,
        note: `${changes.toLocaleString('en')} field changes a run, batches of ${MAX_PUSH_OPS}; p95 column: slowest run`,
      });
      figures.push({
        name: 'sync: pull+apply throughput (changed rows)',
        unit: 'rows/s',
        median: Math.round(quantile(pullRates, 0.5)),
        p95: Math.round(quantile(pullRates, 0.05)),
        runs: pullRates.length,
        note: `${rowsPulled.toLocaleString('en')} customers with ${fieldsPer} changed fields, team.sync end to end; p95 column: slowest run`,
      });
      await p.close();
      await q.close();
      laptops.splice(laptops.indexOf(p), 1);
      laptops.splice(laptops.indexOf(q), 1);
    }

    // (d) three laptops cut off with `waiting` changes each, reconnected.
    if (part('d')) {
      const waiting = tiny ? 600 : 10_000;
      const relays = [];
      const trio: Laptop[] = [];
      const port = Number(new URL(server.url).port);
      for (let i = 0; i < 3; i++) {
        const r = await relay(port);
        relays.push(r);
        const l = await laptop(`partition-${i}`, true);
        laptops.push(l);
        trio.push(l);
        await l.call('team.join', creds(2 + i, r.url));
      }
      for (const r of relays) await r.cut();
      // Each laptop: `waiting` field changes in one transaction, over customers that overlap
      // (a third of them edited on all three: concurrent overwrites, conflicts logged).
      const perField = Math.ceil(waiting / 2);
      for (const [i, l] of trio.entries()) {
        const ctx = serviceHandles(l.engine.database);
        const ids = l.sqlite.prepare(`SELECT id FROM customers ORDER BY id`).pluck().all() as number[];
        const offset = Math.floor((ids.length / 3) * i);
        await ctx.db.transaction((tx) => {
          const chosen: number[] = [];
          for (let k = 0; k < Math.min(perField, ids.length); k++) chosen.push(ids[(offset + k) % ids.length] as number);
          for (let k = 0; k < chosen.length; k += 500) {
            tx.run(
              sql.raw(
                `UPDATE customers SET notes = 'partition ${i} ' || id, city = 'City ${i}' WHERE id IN (${chosen.slice(k, k + 500).join(',')})`,
              ),
            );
          }
        });
        // More changes than customers × 2: more rounds on other fields, until `waiting` changes wait.
        for (const field of ['website', 'industry', 'source']) {
          const outbox = (l.sqlite.prepare(`SELECT count(*) AS n FROM sync_outbox`).get() as { n: number }).n;
          if (outbox >= waiting) break;
          await ctx.db.transaction((tx) =>
            tx.run(
              sql.raw(
                `UPDATE customers SET ${field} = '${field} ${i}-' || id WHERE id IN (SELECT id FROM customers ORDER BY id LIMIT ${waiting - outbox})`,
              ),
            ),
          );
        }
      }
      const view = (l: Laptop) =>
        JSON.stringify(l.sqlite.prepare(`SELECT gid, notes, city, website, industry, source FROM customers ORDER BY gid`).raw().all());
      const waitingEach = trio.map((l) => (l.sqlite.prepare(`SELECT count(*) AS n FROM sync_outbox`).get() as { n: number }).n);
      await sleep(1500); // offline for a while, as after a trade fair (the backoff has grown)
      // Agreed: nothing waits to be pushed and every laptop's book is the server's (customers' gid and
      // the fields the three laptops wrote). A laptop's pull cursor may stay behind
      // the server's last seq while nothing after it is its to see (another pair's conflicts).
      const outbox = trio.map((l) => l.sqlite.prepare(`SELECT count(*) AS n FROM sync_outbox`).pluck());
      const serverBook = async () =>
        JSON.stringify(
          (
            await sql<{
              gid: string;
              notes: string | null;
              city: string | null;
              website: string | null;
              industry: string | null;
              source: string | null;
            }>`
              select gid, fields->>'notes' as notes, fields->>'city' as city, fields->>'website' as website,
                     fields->>'industry' as industry, fields->>'source' as source
              from sync_rows where tbl = 'customers' and coalesce(fields->>'_deleted', 'false') <> 'true' order by gid::text collate "C"`.execute(
              db,
            )
          ).rows.map((r) => [r.gid, r.notes, r.city, r.website, r.industry, r.source]),
        );
      const t0 = performance.now();
      for (const r of relays) await r.restore();
      await until(
        'three laptops to agree',
        async () => {
          if (!outbox.every((n) => n.get() === 0)) return false;
          const theirs = await serverBook();
          return trio.every((l) => view(l) === theirs);
        },
        600_000,
        50,
      );
      const agreeMs = performance.now() - t0;
      const same = trio.every((l) => view(l) === view(trio[0]!));
      const conflicts = trio.map((l) => (l.sqlite.prepare(`SELECT count(*) AS n FROM sync_conflicts`).get() as { n: number }).n);
      figures.push({
        name: `sync: 3 laptops agree after reconnecting (${waitingEach[0]!.toLocaleString('en')} changes waiting each)`,
        unit: 's',
        median: round(agreeMs / 1000),
        p95: round(agreeMs / 1000),
        runs: 1,
        note: `${same ? 'same books' : 'BOOKS DIFFER'}; conflicts logged ${conflicts.join('/')}; the app's backoff (1-60 s, the server's port tried every second)`,
      });
      log(`(d) agreed in ${Math.round(agreeMs)} ms (${same ? 'same' : 'DIFFERENT'})`);
      for (const r of relays) await r.cut();
      for (const l of trio) {
        await l.close();
        laptops.splice(laptops.indexOf(l), 1);
      }
    }
    for (const l of laptops.splice(0)) await l.close();

    // (c) the first sync of the generated book to a new laptop in its own process.
    if (part('c')) {
      t = performance.now();
      const loaded = await loadBook(db, options.bookPath);
      log(`(c) the team's book: ${loaded} rows loaded into the server in ${Math.round(performance.now() - t)} ms`);
      const dbPath = join(work, 'new-laptop.db');
      const run = spawnSync(
        process.execPath,
        [
          // BENCH_CHILD_PROF=<folder>: a CPU profile of the new laptop's process.
          ...(process.env.BENCH_CHILD_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CHILD_PROF}`] : []),
          '--import',
          'tsx',
          join(root, 'scripts', 'bench-sync-child.ts'),
          dbPath,
          server.url,
          server.fingerprint,
          'bench5',
          PASSWORD,
        ],
        { cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
      );
      if (run.status !== 0) throw new Error(`the new laptop's process failed: ${run.stderr.slice(-2000)}`);
      const child = JSON.parse(run.stdout.trim().split('\n').pop() as string) as {
        ms: number;
        customers: number;
        orders: number;
        startRssMB: number;
        peakRssMB: number;
        peakHeapMB: number;
        peakExternalMB: number;
      };
      const total = Number(
        (
          await db
            .selectFrom('sync_rows')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      firstSync = { rows: total, seconds: round(child.ms / 1000), peakRssMB: child.peakRssMB };
      const label = `${child.customers.toLocaleString('en')} customers / ${child.orders.toLocaleString('en')} orders`;
      figures.push({
        name: `sync: first sync to a new laptop (${label})`,
        unit: 's',
        median: round(child.ms / 1000),
        p95: round(child.ms / 1000),
        runs: 1,
        note: `${total.toLocaleString('en')} rows, ${Math.round(total / (child.ms / 1000)).toLocaleString('en')} rows/s downloaded and applied`,
      });
      figures.push({
        name: 'sync: first sync: peak RSS of the new laptop engine',
        unit: 'MB',
        median: child.peakRssMB,
        p95: child.peakRssMB,
        runs: 1,
        note: `${child.startRssMB} MB once the engine is open; peak V8 heap ${child.peakHeapMB} MB, external ${child.peakExternalMB} MB`,
      });
      log(`(c) first sync ${Math.round(child.ms)} ms, peak RSS ${child.peakRssMB} MB`);
    }

    // (e) the pool's return rules over a team book of 100,000 owned customers (10,000 at tiny), in their own database.
    if (part('e')) {
      const pool = await benchPool(
        embedded.url,
        embeddedUrl({ ...embedded.settings, database: 'bench_pool' }),
        tiny ? 10_000 : 100_000,
        tiny ? 3 : 5,
      );
      figures.push(...pool);
      for (const f of pool) log(`(e) ${f.name}: ${f.median} ms`);
    }
  } finally {
    for (const l of laptops.splice(0)) await l.close().catch(() => undefined);
    clearInterval(sampler);
    const final = procStats(serverPid);
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
    await db.destroy();
    await embedded.stop();
    rmSync(pgDir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
    if (final) {
      serverPeak = Math.max(serverPeak, final.hwmMB);
      figures.push({
        name: 'sync: server process CPU time (whole sync bench)',
        unit: 's',
        median: round(final.cpuSeconds),
        p95: round(final.cpuSeconds),
        runs: 1,
        note: 'node process only; PostgreSQL apart',
      });
      figures.push({ name: 'sync: server process peak RSS', unit: 'MB', median: round(serverPeak), p95: round(serverPeak), runs: 1 });
    }
  }
  return {
    figures,
    server: { cpuSeconds: figures.find((f) => f.name.startsWith('sync: server process CPU'))?.median ?? NaN, peakRssMB: round(serverPeak) },
    firstSync: firstSync ?? null,
  };
}
