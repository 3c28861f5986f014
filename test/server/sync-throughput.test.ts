import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerDatabase } from '../../src/server/db/schema';
import type { PullOutput, SyncOp } from '../../src/shared/team/sync';
import { migratedDatabase, startTestPostgres, startTestServer, type TestPostgres, type TestServer } from './helpers';
import { device, member, newGid, pullAll, pullPage, push, row, type Device } from './sync-helpers';

/**
 * Concurrent pushers and the throughput figures (printed, not asserted: 2 shared cores).
 */
let pgServer: TestPostgres;
let db: Kysely<ServerDatabase>;
let api: TestServer;
let boss: Device;

beforeAll(async () => {
  pgServer = await startTestPostgres();
  let url: string;
  ({ db, url } = await migratedDatabase(pgServer));
  api = await startTestServer(db, undefined, url);
  const m = await member(db, 'Mia Boss', 'manager');
  boss = await device(api, m.login, m.id);
});

afterAll(async () => {
  await api?.close();
  await db?.destroy();
  await pgServer?.stop();
});

/** Customers with `fields` fields each, as ops. */
function customers(d: Device, count: number, fields: number, owner = ''): SyncOp[] {
  const ops: SyncOp[] = [];
  for (let i = 0; i < count; i++) {
    const values: Record<string, string> = { owner };
    for (let f = 1; f < fields; f++) values[`field_${f}`] = `value ${i}.${f}`;
    ops.push(...row(d, 'customers', newGid(), values));
  }
  return ops;
}

describe('sync under load', () => {
  it('concurrent pushers: seqs strictly increase, a follower never misses a row, every applied op is there', async () => {
    const pushers: Device[] = [];
    for (let i = 0; i < 4; i++) {
      const u = await member(db, `Pusher ${i}`);
      pushers.push(await device(api, u.login, u.id));
    }
    const follower = { ...boss, cursor: 0 };
    // A follower pulls while the pushes run, following its cursor; it must end with every row.
    let pushing = true;
    const seen = new Map<string, PullOutput['rows'][number]>();
    const seqs: number[] = [];
    const follow = (async () => {
      for (;;) {
        const page = await pullPage(api, follower, { limit: 500 });
        for (const r of page.rows) {
          seen.set(r.gid, r);
          seqs.push(r.seq);
        }
        follower.cursor = page.seq;
        if (!pushing && !page.more) {
          const last = await pullPage(api, follower, { limit: 500 });
          if (last.rows.length === 0) break;
          for (const r of last.rows) seen.set(r.gid, r);
          follower.cursor = last.seq;
        }
      }
    })();
    const batches = pushers.flatMap((d) => Array.from({ length: 5 }, () => ({ d, ops: customers(d, 40, 5) })));
    const answers = await Promise.all(batches.map((b) => push(api, b.d, b.ops)));
    pushing = false;
    await follow;

    const applied = answers.flatMap((a) => a.results).filter((r) => r.status === 'applied');
    expect(applied).toHaveLength(4 * 5 * 40 * 5);
    for (let i = 1; i < seqs.length; i++) expect(seqs[i]!).toBeGreaterThan(seqs[i - 1]!);
    const everything = await pullAll(api, { ...boss, cursor: 0 }, 5000);
    const all = new Map(everything.rows.map((r) => [r.gid, r]));
    for (const b of batches) {
      for (const o of b.ops) expect(all.get(o.gid)?.fields[o.field]).toEqual(o.value);
    }
    // The follower, pulling during the pushes, ended with exactly the final state.
    expect(seen.size).toBe(all.size);
    for (const [gid, r] of all) expect(seen.get(gid)?.seq).toBe(r.seq);
    const seqList = everything.rows.map((r) => r.seq);
    expect(new Set(seqList).size).toBe(seqList.length);
    expect(seqList).toEqual([...seqList].sort((a, b) => a - b));
  });

  it('prints push throughput (20,000 field changes) and pull throughput (rows/s)', async () => {
    const u = await member(db, 'Bulk Loader');
    const d = await device(api, u.login, u.id);
    const ops = customers(d, 2000, 10);
    expect(ops).toHaveLength(20_000);
    const t0 = performance.now();
    for (let i = 0; i < ops.length; i += 5000) {
      const r = await push(api, d, ops.slice(i, i + 5000));
      expect(r.results.every((x) => x.status === 'applied')).toBe(true);
    }
    const pushMs = performance.now() - t0;
    // An update pass too: the same 20,000 fields changed again (rows exist: load, LWW, update).
    d.cursor = (await pullPage(api, d, { since: 0, limit: 1 })).seq;
    const edits = ops.map((o) => ({
      ...o,
      opId: newGid(),
      hlc: o.hlc.replace(/^\d{13}/, String(Date.now() + 1000)),
      value: `${String(o.value)}!`,
    }));
    const t1 = performance.now();
    for (let i = 0; i < edits.length; i += 5000) await push(api, d, edits.slice(i, i + 5000));
    const updateMs = performance.now() - t1;

    const reader = { ...boss, cursor: 0 };
    const t2 = performance.now();
    const got = await pullAll(api, reader, 5000);
    const pullMs = performance.now() - t2;
    expect(got.rows.length).toBeGreaterThanOrEqual(2000);
    const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString('en');
    console.log(
      `[sync] push: 20,000 new field changes (2,000 rows × 10 fields, 4 batches of 5,000) in ${Math.round(pushMs)} ms = ${perSecond(20_000, pushMs)} field changes/s`,
    );
    console.log(
      `[sync] push: 20,000 updates of existing fields in ${Math.round(updateMs)} ms = ${perSecond(20_000, updateMs)} field changes/s`,
    );
    console.log(
      `[sync] pull: ${got.rows.length} rows (pages of 5,000, as a manager) in ${Math.round(pullMs)} ms = ${perSecond(got.rows.length, pullMs)} rows/s`,
    );
  });
});
