import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeHlc } from '../../src/shared/sync/hlc';
import { openDatabase, type Database } from '../../src/main/db/open';
import { applyRemote, type RemoteOp } from '../../src/main/sync/apply';
import { tempDir } from '../support/temp-db';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;

const CUSTOMERS = ['01900000-0000-7000-8000-0000000000c1', '01900000-0000-7000-8000-0000000000c2', '01900000-0000-7000-8000-0000000000c3'];
const CONTACTS = ['01900000-0000-7000-8000-0000000000d1', '01900000-0000-7000-8000-0000000000d2'];
const NODES = ['00000000000000a1', '00000000000000b2', '00000000000000c3'];

/** A set of ops with distinct clocks: every row's '*' op, then edits, tags and deletes, from three nodes. */
const opsArb = fc
  .record({
    walls: fc.uniqueArray(fc.integer({ min: 1_718_000_000_000, max: 1_718_000_100_000 }), { minLength: 40, maxLength: 40 }),
    contactOwners: fc.array(fc.constantFrom(...CUSTOMERS), { minLength: CONTACTS.length, maxLength: CONTACTS.length }),
    edits: fc.array(
      fc.oneof(
        fc.record({
          kind: fc.constant('field' as const),
          gid: fc.constantFrom(...CUSTOMERS),
          field: fc.constantFrom('city', 'notes', 'company', 'archived_at'),
          value: fc.constantFrom('a', 'b', 'c'),
        }),
        fc.record({
          kind: fc.constant('contact' as const),
          gid: fc.constantFrom(...CONTACTS),
          field: fc.constantFrom('name', 'email'),
          value: fc.constantFrom('x', 'y'),
        }),
        fc.record({
          kind: fc.constant('tag' as const),
          gid: fc.constantFrom(...CUSTOMERS),
          field: fc.constantFrom('tag:vip', 'tag:fair'),
          value: fc.boolean(),
        }),
        fc.record({
          kind: fc.constant('delete' as const),
          gid: fc.constantFrom(...CUSTOMERS, ...CONTACTS),
          field: fc.constant('_deleted'),
          value: fc.constant(true),
        }),
      ),
      { maxLength: 25 },
    ),
    nodes: fc.array(fc.constantFrom(...NODES), { minLength: 40, maxLength: 40 }),
  })
  .map(({ walls, contactOwners, edits, nodes }) => {
    let k = 0;
    const hlc = () => encodeHlc({ wall: walls[k] as number, counter: 0, node: nodes[k++] as string });
    const ops: RemoteOp[] = [];
    for (const gid of CUSTOMERS)
      ops.push({
        opId: `op${k}`,
        hlc: hlc(),
        tbl: 'customers',
        gid,
        field: '*',
        value: { company: `Co ${gid.slice(-2)}`, created_at: 'x', city: '', archived_at: null },
      });
    CONTACTS.forEach((gid, i) =>
      ops.push({
        opId: `op${k}`,
        hlc: hlc(),
        tbl: 'contacts',
        gid,
        field: '*',
        value: { customer_id: contactOwners[i], name: 'n', email: '', created_at: 'x' },
      }),
    );
    for (const e of edits)
      ops.push({
        opId: `op${k}`,
        hlc: hlc(),
        tbl: e.kind === 'contact' || CONTACTS.includes(e.gid) ? 'contacts' : 'customers',
        gid: e.gid,
        field: e.field,
        value: e.value,
      });
    return ops;
  });

async function replica(): Promise<Database> {
  return openDatabase(join(tmp.dir, `r${++n}.db`));
}

function state(d: Database): unknown {
  const s = d.sqlite;
  return {
    customers: s.prepare('SELECT gid, company, city, notes, archived_at, created_at FROM customers ORDER BY gid').all(),
    tags: s.prepare('SELECT c.gid, t.tag FROM customer_tags t JOIN customers c ON c.id = t.customer_id ORDER BY 1, 2').all(),
    contacts: s
      .prepare('SELECT k.gid, c.gid AS customer, k.name, k.email FROM contacts k JOIN customers c ON c.id = k.customer_id ORDER BY k.gid')
      .all(),
    outbox: s.prepare('SELECT count(*) AS n FROM sync_outbox').get(),
  };
}

async function applyInBatches(d: Database, ops: RemoteOp[], sizes: number[]): Promise<void> {
  let i = 0;
  for (const size of sizes) {
    if (i >= ops.length) break;
    await applyRemote(d.write, ops.slice(i, i + size));
    i += size;
  }
  if (i < ops.length) await applyRemote(d.write, ops.slice(i));
}

describe('applying remote ops', () => {
  it('the same set of ops in any order, in any batches, gives two fresh replicas identical rows', async () => {
    await fc.assert(
      fc.asyncProperty(
        opsArb.chain((ops) =>
          fc.tuple(
            fc.constant(ops),
            fc.shuffledSubarray(ops, { minLength: ops.length }),
            fc.shuffledSubarray(ops, { minLength: ops.length }),
          ),
        ),
        fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 20 }),
        fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 20 }),
        async ([, first, second], sizesA, sizesB) => {
          const a = await replica();
          const b = await replica();
          try {
            await applyInBatches(a, first, sizesA);
            await applyInBatches(b, second, sizesB);
            expect(state(a)).toEqual(state(b));
            // Applying everything again changes nothing.
            await applyRemote(a.write, second);
            expect(state(a)).toEqual(state(b));
          } finally {
            await a.close();
            await b.close();
          }
        },
      ),
      { numRuns: Number(process.env.SYNC_PROPERTY_RUNS ?? 30) },
    );
  }, 120_000);
});
