/**
 * The fault suite's moving parts (issue #19 item 6): the team server and the laptops as separate
 * processes (so they can be SIGKILLed), the embedded PostgreSQL stopped immediately and started
 * again, and the invariants checked after every scenario.
 */
import { fork, type ChildProcess, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { sql, type Kysely } from 'kysely';
import type { ServerDatabase } from '../../src/server/db/schema';
import { clusterDir, freePort, startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/server/embedded-postgres';
import { TeamClient, TeamClientError } from '../../src/main/sync/client';
import { ROW_FIELD } from '../../src/shared/sync/tables';
import type { SyncOp } from '../../src/shared/team/sync';
import { ROOT, serverProcess, tempDir, waitForListening } from '../server/helpers';
import { diff, serverView } from './helpers';
import type { OutboxRow } from './laptop-process';
import type { ActorRole } from '../../src/server/sync/session';

// ── the server process ───────────────────────────────────────────────────────────────────────

/** SIGKILLs a running child and waits until it is gone; false when there was nothing to kill. */
async function killHard(child: ChildProcess | null): Promise<boolean> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return false;
  await new Promise<void>((done) => {
    child.once('exit', () => done());
    child.kill('SIGKILL');
  });
  return true;
}

export class ServerProc {
  child: ChildProcessWithoutNullStreams | null = null;
  fingerprint = '';
  log = '';
  kills = 0;

  constructor(
    readonly pgUrl: string,
    readonly dataDir: string,
    readonly port: number,
  ) {}

  static async create(pgUrl: string): Promise<ServerProc> {
    return new ServerProc(pgUrl, tempDir('fault-server'), await freePort());
  }

  get url(): string {
    return `https://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = serverProcess(['--pg', this.pgUrl, '--data', this.dataDir, '--host', '127.0.0.1', '--port', String(this.port)]);
    this.child = child;
    child.stderr.on('data', (c: Buffer) => (this.log = (this.log + c.toString()).slice(-4000)));
    const out = await waitForListening(child, 30_000);
    this.fingerprint = /SHA-256 fingerprint: (\S+)/.exec(out)![1]!;
  }

  /** SIGKILL, and wait for the process to be gone. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (await killHard(child)) this.kills += 1;
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((done) => {
      const t = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(t);
        done();
      });
      child.kill('SIGTERM');
    });
  }

  cleanup(): void {
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

// ── PostgreSQL: an immediate stop and a start ────────────────────────────────────────────────

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** `pg_ctl stop -m immediate`: SIGQUIT to the postmaster (no checkpoint, crash recovery at the next start). */
export async function stopPostgresImmediately(dataDir: string): Promise<void> {
  const pidFile = join(clusterDir(dataDir), 'postmaster.pid');
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  process.kill(pid, 'SIGQUIT');
  const until = Date.now() + 15_000;
  while (alive(pid) || existsSync(pidFile)) {
    if (Date.now() > until) throw new Error(`PostgreSQL (${pid}) did not stop`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export function startPostgresAgain(dataDir: string): Promise<EmbeddedPostgres> {
  return startEmbeddedPostgres({ dataDir, fast: true });
}

// ── a laptop process ─────────────────────────────────────────────────────────────────────────

export interface Person {
  id: string;
  name: string;
  login: string;
  role: ActorRole;
}

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; code: string; message: string };

/** An op this laptop made, as its outbox held it. */
export type MadeOp = OutboxRow & { laptop: string };

export interface Dump {
  rows: [string, string][];
  conflicts: {
    tbl: string;
    gid: string;
    field: string;
    local_hlc: string;
    remote_hlc: string;
    remote_op_id: string;
    code: string | null;
    server_id: string | null;
    resolved_at: string | null;
  }[];
  pending: number;
  outbox: OutboxRow[];
  state: { token: string; deviceId: string; userId: string; lastSeq: number; firstSync: string };
}

export class LaptopProc {
  private child: ChildProcess | null = null;
  private next = 0;
  private readonly waiting = new Map<number, { done: (r: Reply) => void; fail: (e: Error) => void }>();
  readonly dir: string;
  readonly dbPath: string;
  /** Every op this laptop made (by op id). */
  readonly made = new Map<string, MadeOp>();
  kills = 0;
  stderr = '';

  constructor(
    readonly name: string,
    readonly user: Person,
  ) {
    this.dir = tempDir(`fault-laptop-${name}`);
    this.dbPath = join(this.dir, 'exportdesk.db');
  }

  async start(): Promise<void> {
    const child = fork(join(ROOT, 'test', 'team', 'laptop-process.ts'), [this.dbPath], {
      cwd: ROOT,
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, NODE_NO_WARNINGS: '1' },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.child = child;
    child.stderr!.on('data', (c: Buffer) => (this.stderr = (this.stderr + c.toString()).slice(-4000)));
    await new Promise<void>((done, fail) => {
      const t = setTimeout(() => fail(new Error(`laptop ${this.name} did not start: ${this.stderr}`)), 60_000);
      child.on('message', (m: Reply | { ready: true }) => {
        if ('ready' in m) {
          clearTimeout(t);
          done();
          return;
        }
        const w = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        w?.done(m);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(t);
        const err = new Error(`laptop ${this.name} exited (${code ?? signal}) ${this.stderr.slice(-1500)}`);
        for (const w of this.waiting.values()) w.fail(err);
        this.waiting.clear();
        fail(err);
      });
    });
  }

  /** A command; rejects with its error (and on a hang, after timeoutMs). */
  async cmd<T>(cmd: string, args: Record<string, unknown> = {}, timeoutMs = 60_000): Promise<T> {
    const child = this.child;
    if (!child?.connected) throw new Error(`laptop ${this.name} is not running`);
    const id = ++this.next;
    const reply = await new Promise<Reply>((done, fail) => {
      const t = setTimeout(() => {
        this.waiting.delete(id);
        fail(new Error(`HANG: laptop ${this.name} ${cmd} gave no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(id, {
        done: (r) => {
          clearTimeout(t);
          done(r);
        },
        fail: (e) => {
          clearTimeout(t);
          fail(e);
        },
      });
      child.send({ id, cmd, args });
    });
    if (!reply.ok) throw Object.assign(new Error(`laptop ${this.name} ${cmd}: ${reply.code}: ${reply.message}`), { code: reply.code });
    const value = reply.value as { outbox?: OutboxRow[] };
    if (value && typeof value === 'object' && Array.isArray(value.outbox)) this.record(value.outbox);
    return reply.value as T;
  }

  record(outbox: OutboxRow[]): void {
    for (const o of outbox) this.made.set(o.opId, { ...o, laptop: this.name });
  }

  sync(timeoutMs = 60_000): Promise<{ ok: boolean; code?: string; message?: string }> {
    return this.cmd('sync', {}, timeoutMs);
  }

  edit(gid: string, patch: Record<string, unknown>): Promise<unknown> {
    return this.cmd('edit', { gid, patch });
  }

  async dump(): Promise<Dump> {
    const d = await this.cmd<Dump>('dump');
    this.record(d.outbox);
    return d;
  }

  /** SIGKILL, and wait for the process to be gone. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (await killHard(child)) this.kills += 1;
  }

  async close(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    await this.cmd('close', {}, 10_000).catch(() => child.kill('SIGKILL'));
    const t = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(t);
    this.child = null;
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

// ── invariants ───────────────────────────────────────────────────────────────────────────────

export interface Tally {
  scenarios: number;
  killCycles: number;
  acknowledged: number;
  lost: number;
  duplicates: number;
  leaks: number;
  conflicts: number;
  forged: number;
}

const counted = new Set<string>();

export const tally: Tally = { scenarios: 0, killCycles: 0, acknowledged: 0, lost: 0, duplicates: 0, leaks: 0, conflicts: 0, forged: 0 };

/** Every laptop syncs until all outboxes are empty and a whole round brought nothing new. */
export async function converge(laptops: LaptopProc[], what: string, server: ServerProc): Promise<void> {
  for (let round = 0; round < 6; round++) {
    const before = await Promise.all(laptops.map((l) => l.dump()));
    for (const l of laptops) {
      const r = await l.sync();
      if (!r.ok)
        throw new Error(
          `${what}: laptop ${l.name} could not sync after the faults ended: ${r.code}: ${r.message}\n  the server exit: ${server.child?.exitCode ?? server.child?.signalCode ?? 'running'}; its log: ${server.log.slice(-1500)}`,
        );
    }
    for (const l of laptops) await l.sync();
    const after = await Promise.all(laptops.map((l) => l.dump()));
    const settled = after.every((d, i) => d.outbox.length === 0 && d.state.lastSeq === before[i]!.state.lastSeq);
    if (settled) return;
  }
  throw new Error(`${what}: the laptops did not settle in 6 rounds`);
}

const gidOfKey = (k: string) => k.slice(k.indexOf(':') + 1);

/**
 * Checks (a)–(d) of issue #19 item 6 after a scenario (the laptops converged first); throws with
 * every violation found. `privates`: each salesperson's private customers' gids.
 */
export async function checkInvariants(
  what: string,
  db: Kysely<ServerDatabase>,
  server: ServerProc,
  laptops: LaptopProc[],
  privates: Map<string, string[]>,
): Promise<void> {
  const problems: string[] = [];
  await converge(laptops, what, server);
  const dumps = new Map<LaptopProc, Dump>();
  for (const l of laptops) dumps.set(l, await l.dump());

  // (a) each laptop equals what the server shows its user.
  for (const l of laptops) {
    const d = dumps.get(l)!;
    const mine = new Map(d.rows);
    const theirs = await serverView(db, l.user);
    const differs = diff(mine, theirs);
    if (differs.length > 0)
      problems.push(`(a) laptop ${l.name} differs from the server's view of ${l.user.name}:\n    ${differs.join('\n    ')}`);
    if (d.pending > 0) problems.push(`(a) laptop ${l.name} has ${d.pending} remote ops still waiting for their rows`);
  }

  // (b) every acknowledged op applied exactly once; each field's state is its max-clock op's.
  const { rows: ops } = await sql<{ op_id: string; device_id: string; status: string; hlc: string; n: string }>`
    select op_id::text, device_id::text, status, hlc, count(*) over (partition by op_id) as n from sync_ops`.execute(db);
  const onServer = new Map(ops.map((o) => [o.op_id.toLowerCase(), o]));
  const twice = ops.filter((o) => Number(o.n) > 1);
  if (twice.length > 0) {
    tally.duplicates += twice.length;
    problems.push(`(b) op ids recorded twice on the server: ${twice.slice(0, 5).map((o) => o.op_id)}`);
  }
  const applied: (MadeOp & { serverHlc: string })[] = [];
  for (const l of laptops) {
    const d = dumps.get(l)!;
    const refused = new Set(
      d.conflicts.filter((c) => /^(rejected|removed):/.test(c.remote_op_id)).map((c) => c.remote_op_id.replace(/^\w+:/, '').toLowerCase()),
    );
    let lost = 0;
    for (const op of l.made.values()) {
      const s = onServer.get(op.opId.toLowerCase());
      if (s && s.status === 'applied') {
        if (s.device_id !== d.state.deviceId) problems.push(`(b) op ${op.opId} of ${l.name} is recorded for device ${s.device_id}`);
        applied.push({ ...op, serverHlc: s.hlc });
        continue;
      }
      if (refused.has(op.opId.toLowerCase())) continue;
      lost += 1;
      if (lost <= 5)
        problems.push(`(b) LOST: op ${op.opId} of ${l.name} (${op.tbl}.${op.field} of ${op.gid}) is neither on the server nor refused`);
    }
    tally.lost += lost;
  }
  for (const op of applied) counted.add(op.opId);
  tally.acknowledged = counted.size;
  // The expected winner of each (tbl, gid, field): the applied op with the latest clock (ties by op id).
  const winners = new Map<string, { op: MadeOp & { serverHlc: string }; value: unknown }>();
  for (const op of applied) {
    const changes: [string, unknown][] =
      op.field === ROW_FIELD ? Object.entries(op.value as Record<string, unknown>) : [[op.field, op.value]];
    for (const [field, value] of changes) {
      const k = `${op.tbl}\u0000${op.gid.toLowerCase()}\u0000${field}`;
      const w = winners.get(k);
      const later =
        !w || op.serverHlc > w.op.serverHlc || (op.serverHlc === w.op.serverHlc && op.opId.toLowerCase() > w.op.opId.toLowerCase());
      if (later) winners.set(k, { op, value });
    }
  }
  const { rows: serverRows } = await sql<{
    tbl: string;
    gid: string;
    fields: Record<string, unknown>;
    writers: Record<string, { o: string }>;
  }>`
    select tbl, gid::text, fields, writers from sync_rows`.execute(db);
  let checkedFields = 0;
  for (const r of serverRows) {
    for (const [field, writer] of Object.entries(r.writers)) {
      const w = winners.get(`${r.tbl}\u0000${r.gid.toLowerCase()}\u0000${field}`);
      if (!w) continue;
      checkedFields += 1;
      if (writer.o.toLowerCase() !== w.op.opId.toLowerCase() || !isDeepStrictEqual(r.fields[field] ?? null, w.value ?? null)) {
        problems.push(
          `(b) ${r.tbl}.${field} of ${r.gid}: the server holds ${JSON.stringify(r.fields[field])} (op ${writer.o}), the latest applied op is ${w.op.opId} (${w.op.serverHlc}) = ${JSON.stringify(w.value)}`,
        );
      }
    }
  }
  if (checkedFields === 0 && applied.length > 0) problems.push('(b) no field of the server could be checked against the ops');

  // (c) every concurrent overwrite once in the server's log and once in each laptop's list.
  const { rows: serverConflicts } = await sql<{
    tbl: string;
    gid: string;
    field: string;
    kept_hlc: string;
    lost_hlc: string;
    kept_device_id: string | null;
    lost_device_id: string | null;
  }>`select tbl, gid::text, field, kept_hlc, lost_hlc, kept_device_id::text, lost_device_id::text from sync_conflicts`.execute(db);
  const pair = (tbl: string, gid: string, field: string, h1: string, h2: string) =>
    `${tbl}:${gid.toLowerCase()}:${field}:${h1 < h2 ? `${h1}|${h2}` : `${h2}|${h1}`}`;
  const seen = new Map<string, number>();
  for (const c of serverConflicts) {
    const k = pair(c.tbl, c.gid, c.field, c.kept_hlc, c.lost_hlc);
    seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  for (const [k, n] of seen) {
    if (n > 1) {
      tally.duplicates += 1;
      problems.push(`(c) the server logged the conflict ${k} ${n} times`);
    }
  }
  tally.conflicts = serverConflicts.length;
  for (const l of laptops) {
    const d = dumps.get(l)!;
    const visible = new Set(d.rows.map(([k]) => gidOfKey(k).toLowerCase()));
    const local = new Map<string, number>();
    for (const c of d.conflicts) {
      if (c.code !== null || !c.local_hlc || !c.remote_hlc) continue;
      const k = pair(c.tbl, c.gid, c.field, c.local_hlc, c.remote_hlc);
      local.set(k, (local.get(k) ?? 0) + 1);
    }
    for (const [k, n] of local) {
      if (n > 1) {
        tally.duplicates += 1;
        problems.push(`(c) laptop ${l.name} lists the conflict ${k} ${n} times`);
      }
    }
    for (const c of serverConflicts) {
      const dev = d.state.deviceId.toLowerCase();
      if (c.kept_device_id?.toLowerCase() !== dev && c.lost_device_id?.toLowerCase() !== dev) continue;
      if (!visible.has(c.gid.toLowerCase())) continue;
      const k = pair(c.tbl, c.gid, c.field, c.kept_hlc, c.lost_hlc);
      if (!local.has(k)) problems.push(`(c) laptop ${l.name} does not list its conflict ${k}`);
    }
  }

  // (d) no private customer on another salesperson's laptop, even with forged requests.
  for (const l of laptops) {
    if (l.user.role !== 'salesperson') continue;
    const others = [...privates].filter(([owner]) => owner !== l.user.id).flatMap(([, gids]) => gids);
    const files = [l.dbPath, `${l.dbPath}-wal`].filter(existsSync).map((f) => readFileSync(f).toString('latin1').toLowerCase());
    for (const gid of others) {
      if (files.some((f) => f.includes(gid.toLowerCase()))) {
        tally.leaks += 1;
        problems.push(`(d) LEAK: another salesperson's private customer ${gid} is in ${l.name}'s SQLite file`);
      }
    }
    problems.push(...(await forged(db, server, l, dumps.get(l)!.state.token, others)));
  }

  if (problems.length > 0) throw new Error(`${what}: ${problems.length} invariant(s) broken:\n  ${problems.slice(0, 30).join('\n  ')}`);
}

/** A valid token of salesperson `l` used against others' private customers: nothing changes, nothing leaks. */
async function forged(db: Kysely<ServerDatabase>, server: ServerProc, l: LaptopProc, token: string, others: string[]): Promise<string[]> {
  if (others.length === 0) return [];
  const problems: string[] = [];
  const snapshot = async () =>
    (
      await sql<{ v: string }>`select coalesce(string_agg(tbl || gid::text || fields::text, ',' order by tbl, gid), '') as v
        from sync_rows where gid = any(${others}::uuid[]) or customer_gid = any(${others}::uuid[])`.execute(db)
    ).rows[0]!.v;
  const before = await snapshot();
  const client = new TeamClient(server.url, server.fingerprint, token);
  try {
    const now = Date.now() + 60_000;
    const hlc = (i: number) => `${String(now).padStart(13, '0')}-${String(i).padStart(5, '0')}-ffffffffffffffff`;
    const uuid = () => crypto.randomUUID().replace(/^(.{14})./, '$17');
    const ops: SyncOp[] = others.flatMap((gid, i): SyncOp[] => [
      { opId: uuid(), hlc: hlc(i * 4), tbl: 'customers', gid, field: 'notes', value: 'forged', baseSeq: 1_000_000 },
      { opId: uuid(), hlc: hlc(i * 4 + 1), tbl: 'customers', gid, field: 'owner', value: l.user.name, baseSeq: 1_000_000 },
      { opId: uuid(), hlc: hlc(i * 4 + 2), tbl: 'customers', gid, field: 'tag:forged', value: true, baseSeq: 1_000_000 },
      {
        opId: uuid(),
        hlc: hlc(i * 4 + 3),
        tbl: 'contacts',
        gid: uuid(),
        field: ROW_FIELD,
        value: { customer_id: gid, name: 'Forged Contact', created_at: new Date().toISOString() },
        baseSeq: 1_000_000,
      },
      // A '*' of the customer itself, as if it were new (its gid is taken by a row this user cannot see).
      {
        opId: uuid(),
        hlc: hlc(i * 4 + 3),
        tbl: 'customers',
        gid,
        field: ROW_FIELD,
        value: { company: 'Forged Co', owner: l.user.name },
        baseSeq: 0,
      },
    ]);
    tally.forged += ops.length;
    const out = await client.call('push', { ops });
    for (const r of out.results)
      if (r.status !== 'rejected') problems.push(`(d) a forged push by ${l.name} was answered ${JSON.stringify(r)}`);
    const page = JSON.stringify(await client.call('pull', { since: 0, limit: 5000, wait: 0 })).toLowerCase();
    for (const gid of others) {
      if (page.includes(gid.toLowerCase())) {
        tally.leaks += 1;
        problems.push(`(d) LEAK: pull since=0 with ${l.name}'s token returns another's private customer ${gid}`);
      }
    }
  } catch (err) {
    problems.push(
      `(d) forged requests by ${l.name} failed unexpectedly: ${err instanceof TeamClientError ? `${err.code} ${err.message}` : String(err)}`,
    );
  } finally {
    client.close();
  }
  if ((await snapshot()) !== before) problems.push(`(d) a forged push by ${l.name} changed another's private customer`);
  return problems;
}

/** mulberry32: a small seeded PRNG. */
export function prng(seed: number): { next(): number; int(n: number): number; pick<T>(xs: readonly T[]): T } {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n), pick: (xs) => xs[Math.floor(next() * xs.length)]! };
}
