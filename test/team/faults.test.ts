import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statSync } from 'node:fs';
import { rmSync } from 'node:fs';
import pg from 'pg';
import { sql } from 'kysely';
import { connect } from '../../src/server/db/connect';
import { migrateToLatest } from '../../src/server/db/migrate';
import type { ServerDatabase } from '../../src/server/db/schema';
import type { EmbeddedPostgres } from '../../src/server/embedded-postgres';
import { startTestPostgres, type TestPostgres } from '../server/helpers';
import { member } from './helpers';
import { faultProxy, type FaultProxy } from './fault-proxy';
import {
  checkInvariants,
  LaptopProc,
  prng,
  ServerProc,
  startPostgresAgain,
  stopPostgresImmediately,
  tally,
  type Person,
} from './fault-fleet';

/**
 * The fault suite of issue #19 item 6, on loopback: one team server process (node + tsx, SIGKILLed
 * and started again) on one embedded PostgreSQL (stopped immediately and started again), and
 * laptops as separate processes, each with its own SQLite file, behind a fault proxy of our own
 * (pass, drop, delay, reset). Randomised workloads with a fixed seed; after every scenario the
 * invariants (fault-fleet.ts checkInvariants): each laptop equals the server's view of its user,
 * every acknowledged op applied exactly once with each field at its latest op, every conflict
 * logged once, no private customer on another salesperson's laptop even through forged requests.
 *
 * TEAM_FAULT_CYCLES (default 2) multiplies the cycles of each scenario for a long run; TEAM_FAULT_SEED
 * changes the seed (default 19).
 */
const CYCLES = Math.max(1, Number(process.env.TEAM_FAULT_CYCLES ?? 2));
/** A scenario's time limit, for the default cycles; a long run (more cycles) gets proportionally more. */
const limit = (ms: number) => ms * Math.max(1, CYCLES / 2);
const SEED = Number(process.env.TEAM_FAULT_SEED ?? 19);
const rnd = prng(SEED);

let pgServer: TestPostgres;
let pgAgain: EmbeddedPostgres | null = null;
let pgUrl = '';
let db: Kysely<ServerDatabase>;
let server: ServerProc;
const proxies = new Map<LaptopProc, FaultProxy>();
const laptops: LaptopProc[] = [];
const started = Date.now();
let ann: Person;
let ben: Person;
let mia: Person;
let a: LaptopProc;
let b: LaptopProc;
let m: LaptopProc;
/** Each salesperson's private customers (user id → gids). */
const privates = new Map<string, string[]>();
const publics: string[] = [];

async function person(name: string, role: Person['role']): Promise<Person> {
  const u = await member(db, name, role);
  return { id: u.id, name: u.name, login: u.login, role };
}

async function newLaptop(name: string, user: Person): Promise<LaptopProc> {
  const l = new LaptopProc(name, user);
  laptops.push(l);
  proxies.set(l, await faultProxy(() => server.port));
  await l.start();
  await l.cmd('join', {
    server: proxies.get(l)!.url,
    login: user.login,
    password: 'correct horse battery',
    fingerprint: server.fingerprint,
    deviceName: name,
  });
  return l;
}

const FIELDS = ['city', 'notes', 'industry', 'source', 'tags'] as const;
const TAGS = ['vip', 'fair', 'hot'];
let edits = 0;

/** The customers a laptop may write: public ones, its user's own, all for a manager. */
function writable(l: LaptopProc): string[] {
  if (l.user.role !== 'salesperson') return [...publics, ...[...privates.values()].flat()];
  return [...publics, ...(privates.get(l.user.id) ?? [])];
}

async function randomEdit(l: LaptopProc): Promise<void> {
  const gid = rnd.pick(writable(l));
  const field = rnd.pick(FIELDS);
  edits += 1;
  const patch = field === 'tags' ? { tags: TAGS.filter(() => rnd.next() < 0.5) } : { [field]: `${l.name}-${edits}` };
  await l.edit(gid, patch);
}

const everyone = () => [a, b, m];
const check = (what: string, ls: LaptopProc[] = everyone()) => checkInvariants(what, db, server, ls, privates);

beforeAll(async () => {
  pgServer = await startTestPostgres();
  pgUrl = await pgServer.freshDatabase();
  // The test cluster runs with synchronous_commit=off (speed); an immediate stop would lose commits
  // that were acknowledged: this database commits durably, as a production one does.
  const admin = new pg.Client(pgServer.embedded.url);
  await admin.connect();
  await admin.query(`alter database ${new URL(pgUrl).pathname.slice(1)} set synchronous_commit = on`);
  await admin.end();
  db = connect(pgUrl);
  await migrateToLatest(db);
  server = await ServerProc.create(pgUrl);
  await server.start();
  [ann, ben, mia] = [
    await person('Ann Fault', 'salesperson'),
    await person('Ben Fault', 'salesperson'),
    await person('Mia Fault', 'manager'),
  ];
  a = await newLaptop('a', ann);
  b = await newLaptop('b', ben);
  m = await newLaptop('m', mia);
  const create = async (l: LaptopProc, company: string, owner = '') =>
    (await l.cmd<{ gid: string }>('create', { company, country: 'DE', owner, contacts: [{ name: `${company} contact` }] })).gid;
  for (let i = 1; i <= 3; i++) publics.push(await create(a, `Public ${i} GmbH`));
  publics.push(await create(b, 'Public 4 Ltd'));
  privates.set(ann.id, [await create(a, 'Ann Private 1', ann.name), await create(a, 'Ann Private 2', ann.name)]);
  privates.set(ben.id, [await create(b, 'Ben Private 1', ben.name), await create(b, 'Ben Private 2', ben.name)]);
  await check('setup');
}, 180_000);

afterAll(async () => {
  for (const l of laptops) await l.close().catch(() => l.kill());
  for (const p of proxies.values()) await p.close();
  await server?.stop();
  await db?.destroy();
  if (pgAgain) {
    await pgAgain.stop();
    rmSync(pgServer.dataDir, { recursive: true, force: true });
  } else await pgServer?.stop();
  server?.cleanup();
  for (const l of laptops) l.cleanup();
  const s = (Date.now() - started) / 1000;
  console.log(
    `faults: ${tally.scenarios} scenarios, ${tally.killCycles} kill cycles, ${tally.acknowledged} ops acknowledged, ${tally.lost} lost, ` +
      `${tally.duplicates} duplicates, ${tally.leaks} leaks (${tally.conflicts} conflicts logged, ${tally.forged} forged ops refused; ` +
      `seed ${SEED}, TEAM_FAULT_CYCLES=${CYCLES}, ${s.toFixed(1)} s)`,
  );
}, 60_000);

describe('team sync under faults', () => {
  it(
    'edits of the same customers on three laptops while one is cut off (drop, reset mid-stream), then reconnected',
    async () => {
      for (let cycle = 0; cycle < 2 * CYCLES; cycle++) {
        const victim = everyone()[cycle % 3]!;
        const mode = cycle % 2 === 0 ? ({ kind: 'drop' } as const) : ({ kind: 'reset', afterBytes: rnd.int(2000) } as const);
        proxies.get(victim)!.set(mode);
        const slow = everyone()[(cycle + 1) % 3]!;
        proxies.get(slow)!.set({ kind: 'delay', ms: 20 + rnd.int(40) });
        const hanging: Promise<unknown>[] = [];
        for (let step = 0; step < 15; step++) {
          const l = rnd.pick(everyone());
          await randomEdit(l);
          if (rnd.next() < 0.3) {
            const s = rnd.pick(everyone());
            if (s === victim && mode.kind === 'drop') hanging.push(s.sync(240_000));
            else {
              const r = await s.sync();
              if (s === victim) expect(r.ok, `${s.name} synced through a reset`).toBe(false);
            }
          }
        }
        for (const p of proxies.values()) p.set({ kind: 'pass' });
        // Leaving drop resets the black-holed connections: every hanging sync ends, none hangs. It ends
        // offline, or (its request reset on a kept connection) sent again once on a new one after the
        // partition and answered (src/main/sync/client.ts); the invariants below hold either way.
        const ended = await Promise.all(hanging);
        for (const r of ended) expect(typeof (r as { ok: unknown }).ok, 'a hanging sync ended with an answer').toBe('boolean');
        await check(`partition cycle ${cycle} (${victim.name} ${mode.kind})`);
        tally.scenarios += 1;
      }
    },
    limit(300_000),
  );

  it(
    'SIGKILL of the server mid-push, with one laptop’s answer lost after the commit; started again',
    async () => {
      for (let cycle = 0; cycle < 2 * CYCLES; cycle++) {
        for (const l of everyone()) for (let i = 0; i < 20; i++) await randomEdit(l);
        const ackLost = everyone()[cycle % 3]!;
        const deviceId = (await ackLost.dump()).state.deviceId;
        const count = async () =>
          Number((await sql<{ n: string }>`select count(*) as n from sync_ops where device_id = ${deviceId}`.execute(db)).rows[0]!.n);
        const before = await count();
        proxies.get(ackLost)!.set({ kind: 'delay', ms: 250 });
        const syncs = everyone().map((l) => l.sync());
        // The moment ackLost's push commits (its answer still held by the proxy), the server dies.
        const until = Date.now() + 10_000;
        while ((await count()) === before && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
        expect(await count(), 'the delayed push reached the server').toBeGreaterThan(before);
        await new Promise((r) => setTimeout(r, rnd.int(15)));
        proxies.get(ackLost)!.set({ kind: 'reset' });
        await server.kill();
        const results = await Promise.all(syncs);
        expect(results.find((r, i) => everyone()[i] === ackLost)?.ok, 'the answer was lost').toBe(false);
        for (const p of proxies.values()) p.set({ kind: 'pass' });
        await server.start();
        tally.killCycles += 1;
        await check(`server kill cycle ${cycle}`);
        tally.scenarios += 1;
      }
    },
    limit(300_000),
  );

  it(
    'SIGKILL of a laptop mid-apply during a big pull, and of a new laptop during its first download',
    async () => {
      await a.cmd('sample', { count: 400 * CYCLES, seed: SEED, ordersPerCustomer: 2 }, 120_000);
      expect((await a.sync(180_000)).ok).toBe(true);
      const cai = await person('Cai Fault', 'salesperson');
      let midSync = 0;
      const killDuring = async (l: LaptopProc, work: () => Promise<unknown>) => {
        const wal = `${l.dbPath}-wal`;
        const size = () => {
          try {
            return statSync(wal).size;
          } catch {
            return 0;
          }
        };
        const base = size();
        let finished = false;
        const running = work().then(
          () => (finished = true),
          () => (finished = true),
        );
        const until = Date.now() + 30_000;
        while (!finished && size() < base + 32 * 1024 && Date.now() < until) await new Promise((r) => setTimeout(r, 3));
        await new Promise((r) => setTimeout(r, rnd.int(40)));
        if (!finished) midSync += 1;
        await l.kill();
        await running;
        tally.killCycles += 1;
        await l.start();
      };
      // The manager's laptop pulls the sample (pages of 5,000 rows): killed while applying, twice.
      for (let k = 0; k < CYCLES; k++) await killDuring(m, () => m.sync(120_000));
      // A new salesperson's laptop: killed during the join's first download, then resumes.
      const c = new LaptopProc('c', cai);
      laptops.push(c);
      proxies.set(c, await faultProxy(() => server.port));
      await c.start();
      const join = () =>
        c.cmd(
          'join',
          {
            server: proxies.get(c)!.url,
            login: cai.login,
            password: 'correct horse battery',
            fingerprint: server.fingerprint,
            deviceName: 'c',
          },
          120_000,
        );
      await killDuring(c, join);
      // Killed before the join was recorded: join again.
      if (!(await c.dump()).state.token) await join();
      console.log(`[faults] laptop kills: ${midSync} of ${CYCLES + 1} landed while the sync was running`);
      await check('laptop kill mid-apply', [...everyone(), c]);
      tally.scenarios += 1;
    },
    limit(400_000),
  );

  it(
    'PostgreSQL stopped immediately mid-push, edits while it is down, then started again',
    async () => {
      for (let cycle = 0; cycle < CYCLES; cycle++) {
        for (const l of everyone()) for (let i = 0; i < 15; i++) await randomEdit(l);
        const syncs = everyone().map((l) => l.sync());
        await new Promise((r) => setTimeout(r, rnd.int(40)));
        await stopPostgresImmediately(pgServer.dataDir);
        await Promise.all(syncs);
        for (const l of everyone()) await randomEdit(l);
        const down = await a.sync();
        expect(down.ok, 'a sync while PostgreSQL is down fails (and does not hang)').toBe(false);
        pgAgain = await startPostgresAgain(pgServer.dataDir);
        expect(server.child?.exitCode ?? null, `the server process outlived PostgreSQL's stop: ${server.log.slice(-800)}`).toBeNull();
        tally.killCycles += 1;
        await check(`postgres immediate stop cycle ${cycle}`);
        tally.scenarios += 1;
      }
    },
    limit(300_000),
  );
});
