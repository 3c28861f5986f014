import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { customersOfImport, reclassifyChanged, runScope } from '../../src/main/classify/classify';
import { type ServiceContext } from '../../src/main/services/context';
import { serviceHandles } from '../../src/main/db/open';
import type { ClassificationRun } from '../../src/shared/domain/classification';
import { openTestEngine, type TestEngine } from '../support/temp-db';

const DAY_MS = 86_400_000;
const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures');
const COLUMNS = [
  'recency_days',
  'frequency',
  'monetary_minor',
  'revenue_minor',
  'r_score',
  'f_score',
  'm_score',
  'rfm_segment',
  'value_tier',
  'potential_score',
  'value_matrix',
  'churn_status',
  'rhythm_days',
  'order_count',
  'last_order_at',
  'lifecycle_stage',
  'suggested_priority',
  'median_gap',
  'gap_key',
  'recent_inquiry_at',
];

let t: TestEngine | undefined;
let clock = new Date();
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** The service context the import hands to the reclassification (what classify uses of it). */
function context(engine: TestEngine): ServiceContext {
  const d = engine.engine.database;
  return { ...serviceHandles(d), dbPath: engine.dbPath, now: () => clock } as ServiceContext;
}

/** Every active customer's class columns, as one comparable value. */
function classesOfBook(engine: TestEngine): unknown[] {
  return engine.engine.database.sqlite
    .prepare(`SELECT id, ${COLUMNS.join(', ')} FROM customers WHERE archived_at IS NULL ORDER BY id`)
    .raw()
    .all();
}

/** Counts per class straight from the stored classes (no index tricks), as a full run counts them. */
function countsOfBook(engine: TestEngine): Record<string, Record<string, number>> {
  const sqlite = engine.engine.database.sqlite;
  const by = (column: string) =>
    Object.fromEntries(
      sqlite.prepare(`SELECT ${column}, count(*) FROM customers NOT INDEXED WHERE archived_at IS NULL GROUP BY 1`).raw().all() as [
        string,
        number,
      ][],
    );
  return {
    segment: by('rfm_segment'),
    tier: by('value_tier'),
    matrix: by('value_matrix'),
    lifecycle: by('lifecycle_stage'),
    churn: by('churn_status'),
    suggestedPriority: by('suggested_priority'),
  };
}

/** A small deterministic generator (mulberry32), so a failing seed replays. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    chance: (p: number) => next() < p,
  };
}
type Random = ReturnType<typeof random>;

const OLD = '2026-01-01T00:00:00.000Z';

/** A book like the ones imports build: skewed order histories, ties, samples, cancellations, a currency without a rate. */
class Book {
  constructor(
    private readonly engine: TestEngine,
    private readonly rnd: Random,
  ) {}

  private get sqlite() {
    return this.engine.engine.database.sqlite;
  }

  customer(updatedAt = OLD): number {
    const r = this.rnd;
    return Number(
      this.sqlite
        .prepare(
          `INSERT INTO customers (company, scale, buyer_level, potential_override, lifecycle_override, priority, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          `Company ${r.int(1, 1e9)}`,
          r.pick(['', 'micro', 'small', 'medium', 'large', 'enterprise']),
          r.pick(['', '', 'L1', 'L3', 'L4']),
          r.chance(0.08) ? r.int(0, 100) : null,
          r.chance(0.05) ? r.pick(['key_account', 'dormant', 'repeat']) : null,
          r.chance(0.2) ? r.pick(['high', 'medium', 'low']) : null,
          OLD,
          updatedAt,
        ).lastInsertRowid,
    );
  }

  /** Orders on a steady 30-day rhythm (most) or on scattered days; amounts from a short list (ties) or any. */
  orders(customerId: number, count: number): void {
    const r = this.rnd;
    const steady = r.chance(0.7);
    const start = r.int(0, 400);
    const insert = this.sqlite.prepare(
      `INSERT INTO orders (customer_id, ordered_at, amount_minor, currency, product, status, cancelled, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (let k = 0; k < count; k++) {
      const daysAgo = steady ? start + 30 * k : r.int(0, 800);
      const at = new Date(clock.getTime() - daysAgo * DAY_MS - r.int(0, 20) * 3_600_000).toISOString();
      const amount = r.chance(0.6) ? r.pick([50_00, 100_00, 250_00, 1_000_00, 5_000_00]) : r.int(1, 2_000_000);
      insert.run(
        customerId,
        at,
        amount,
        r.pick(['USD', 'USD', 'USD', 'EUR', 'CHF']),
        r.chance(0.08) ? 'Free sample' : 'LED panel',
        'shipped',
        r.chance(0.08) ? 1 : 0,
        OLD,
      );
    }
  }

  /** Inquiries, some a few hours inside the 90-day window, so that a later run the same day sees them leave it. */
  inquiries(customerId: number, count: number): void {
    const r = this.rnd;
    const insert = this.sqlite.prepare(`INSERT INTO inquiries (customer_id, received_at, subject, created_at) VALUES (?, ?, 'Quote', ?)`);
    for (let k = 0; k < count; k++) {
      const ago = r.chance(0.4) ? 90 * DAY_MS - r.int(1, 600) * 60_000 : r.int(0, 200) * DAY_MS;
      insert.run(customerId, new Date(clock.getTime() - ago).toISOString(), OLD);
    }
  }

  populate(n: number): void {
    const r = this.rnd;
    for (let i = 0; i < n; i++) {
      const id = this.customer();
      if (!r.chance(0.3)) this.orders(id, r.chance(0.5) ? 1 : r.int(2, 9));
      this.inquiries(id, r.int(0, 3));
      if (r.chance(0.04)) this.sqlite.prepare(`UPDATE customers SET archived_at = ? WHERE id = ?`).run(OLD, id);
    }
  }

  /** Active customer ids, and archived ones. */
  ids(archived = false): number[] {
    return this.sqlite
      .prepare(`SELECT id FROM customers WHERE archived_at IS ${archived ? 'NOT ' : ''}NULL ORDER BY id`)
      .pluck()
      .all() as number[];
  }

  /**
   * What an import or an undo does to the book; returns the customers it changed (the ids an
   * import passes). Deleted and archived customers are not passed: they leave the book.
   */
  change(): number[] {
    const r = this.rnd;
    const changed = new Set<number>();
    const active = this.ids();
    // New customers, with orders, inquiries or nothing yet.
    for (let k = r.int(0, 4); k > 0; k--) {
      const id = this.customer();
      if (r.chance(0.7)) this.orders(id, r.int(1, 5));
      if (r.chance(0.5)) this.inquiries(id, r.int(1, 2));
      changed.add(id);
    }
    // New orders and inquiries for existing customers.
    for (let k = r.int(0, 6); k > 0 && active.length; k--) {
      const id = r.pick(active);
      if (r.chance(0.7)) this.orders(id, r.int(1, 3));
      else this.inquiries(id, 1);
      changed.add(id);
    }
    // A big order: moves the tier thresholds and the monetary cuts.
    if (r.chance(0.3) && active.length) {
      const id = r.pick(active);
      this.sqlite
        .prepare(
          `INSERT INTO orders (customer_id, ordered_at, amount_minor, currency, product, created_at) VALUES (?, ?, ?, 'USD', 'Container', ?)`,
        )
        .run(id, new Date(clock.getTime() - r.int(0, 60) * DAY_MS).toISOString(), r.int(1, 50) * 10_000_00, OLD);
      changed.add(id);
    }
    // Orders and inquiries taken away (an undo).
    for (let k = r.int(0, 3); k > 0 && active.length; k--) {
      const id = r.pick(active);
      const some = r.chance(0.5) ? '' : `AND id IN (SELECT id FROM orders WHERE customer_id = ${id} ORDER BY random() LIMIT 1)`;
      this.sqlite.prepare(`DELETE FROM orders WHERE customer_id = ? ${some}`).run(id);
      if (r.chance(0.3)) this.sqlite.prepare(`DELETE FROM inquiries WHERE customer_id = ?`).run(id);
      changed.add(id);
    }
    // Customers removed (an undo of the import that created them) or archived: they simply leave.
    if (r.chance(0.4) && active.length > 5) this.sqlite.prepare(`DELETE FROM customers WHERE id = ?`).run(r.pick(active));
    if (r.chance(0.2) && active.length > 5)
      this.sqlite.prepare(`UPDATE customers SET archived_at = ? WHERE id = ?`).run(clock.toISOString(), r.pick(active));
    // Edited by hand or given a quick-capture inquiry since the previous run (the edit stamps
    // updated_at): not passed, the run finds them.
    const remaining = this.ids();
    if (r.chance(0.5) && remaining.length) {
      const id = r.pick(remaining);
      this.sqlite
        .prepare(
          `UPDATE customers SET scale = ?, buyer_level = ?, potential_override = ?, updated_at = ?, version = version + 1 WHERE id = ?`,
        )
        .run(r.pick(['', 'micro', 'enterprise']), r.pick(['', 'L4']), r.chance(0.5) ? r.int(0, 100) : null, clock.toISOString(), id);
    }
    if (r.chance(0.3) && remaining.length) {
      const id = r.pick(remaining);
      this.sqlite
        .prepare(`INSERT INTO inquiries (customer_id, received_at, subject, created_at) VALUES (?, ?, 'Met at the fair', ?)`)
        .run(id, clock.toISOString(), clock.toISOString());
      this.sqlite.prepare(`UPDATE customers SET updated_at = ? WHERE id = ?`).run(clock.toISOString(), id);
    }
    // Back from the archive: its stored classes are old, so it is a changed customer.
    const archived = this.ids(true);
    if (r.chance(0.2) && archived.length) {
      const id = r.pick(archived);
      this.sqlite.prepare(`UPDATE customers SET archived_at = NULL WHERE id = ?`).run(id);
      changed.add(id);
    }
    return [...changed];
  }
}

async function fullRun(engine: TestEngine): Promise<ClassificationRun> {
  return engine.call('classify.run', {});
}

describe('incremental reclassification', () => {
  it('property: after random imports and undos, the classes, counts and missing rates are those of a full run', async () => {
    const scopes: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
        const rnd = random(seed);
        clock = new Date('2026-11-22T06:00:00Z');
        t = await openTestEngine({ now: () => clock });
        const engine = t;
        await engine.call('currency.save', { base: 'USD', rates: { EUR: 1.08 } });
        // Half the books use an RFM window other than the tiers' (monetary value ≠ revenue) and other tier shares.
        if (rnd.chance(0.5)) {
          const { rules, version } = await engine.call('classify.rules', {});
          await engine.call('classify.saveRules', {
            rules: { ...rules, rfm: { ...rules.rfm, windowMonths: 0 }, tiers: { ...rules.tiers, aShare: 0.6, bShare: 0.25 } },
            baseVersion: version,
          });
        }
        const book = new Book(engine, rnd);
        book.populate(rnd.int(30, 150));
        await fullRun(engine);
        const ctx = context(engine);
        // Mostly without the size limit (these books are small, their changes a large share of them).
        const fullRunAbove = rnd.chance(0.8) ? 1 : undefined;
        for (let round = 0; round < 5; round++) {
          clock = new Date(clock.getTime() + rnd.int(0, 150) * 60_000); // later the same day: inquiries leave the window
          const changed = book.change();
          const run = await reclassifyChanged(ctx, 'import', { customerIds: changed, fullRunAbove });
          const scope = runScope(engine.engine.database.read, run.id);
          const key = scope?.scope === 'incremental' ? 'incremental' : `full: ${scope?.reason}`;
          scopes[key] = (scopes[key] ?? 0) + 1;
          // The run's counts are the book's.
          expect(run.counts).toEqual(countsOfBook(engine));
          expect(run.customers).toBe(book.ids().length);
          if (rnd.chance(0.4) && round < 4) continue; // now and then two incremental runs in a row
          const after = classesOfBook(engine);
          const full = await fullRun(engine);
          expect(full.moved, `seed ${seed}, round ${round}: customers a full run moved`).toBe(0);
          expect(classesOfBook(engine), `seed ${seed}, round ${round}`).toEqual(after);
          expect(run.counts).toEqual(full.counts);
          expect(run.missingRates).toEqual(full.missingRates);
        }
        await engine.close();
        t = undefined;
      }),
      { numRuns: 15 },
    );
    console.info('incremental reclassification, runs by scope:', scopes);
    // Most runs stay incremental.
    expect(scopes.incremental ?? 0).toBeGreaterThan(30);
  });

  it('runs in full, saying why, when it cannot bound what changed; classify.run stays full', async () => {
    clock = new Date('2026-11-22T06:00:00Z');
    t = await openTestEngine({ now: () => clock });
    const engine = t;
    const sqlite = engine.engine.database.sqlite;
    const read = engine.engine.database.read;
    const book = new Book(engine, random(7));
    book.populate(40);
    const ctx = context(engine);
    const later = (minutes: number) => {
      clock = new Date(clock.getTime() + minutes * 60_000);
    };
    const rerun = async (options: { importBatchId?: number } = {}) => {
      later(1);
      const run = await reclassifyChanged(ctx, 'import', { customerIds: book.ids().slice(0, 2), ...options });
      const scope = runScope(read, run.id);
      return scope?.scope === 'incremental' ? 'incremental' : scope?.reason;
    };

    expect(await rerun()).toBe('no previous run');
    expect(await rerun()).toBe('incremental');
    await engine.call('currency.save', { base: 'USD', rates: { EUR: 1.1 } });
    expect(await rerun()).toBe('the exchange rates changed');
    const { rules, version } = await engine.call('classify.rules', {});
    await engine.call('classify.saveRules', { rules: { ...rules, tiers: { ...rules.tiers, aShare: 0.7 } }, baseVersion: version });
    expect(await rerun()).toBe('the rules changed');
    later(24 * 60);
    expect(await rerun()).toBe('another day');
    // An import committed since the previous run whose reclassification never ran (cancelled, or the app quit).
    later(1);
    const batch = (status: string) =>
      Number(
        sqlite
          .prepare(`INSERT INTO import_batches (kind, started_at, finished_at, status) VALUES ('orders', ?, ?, ?)`)
          .run(clock.toISOString(), clock.toISOString(), status).lastInsertRowid,
      );
    const missed = batch('committed');
    expect(await rerun({ importBatchId: missed + 1 })).toBe('an import since the previous run was not reclassified');
    const current = batch('committed');
    expect(await rerun({ importBatchId: current })).toBe('incremental');
    const manual = await engine.call('classify.run', {});
    expect(runScope(read, manual.id)).toEqual({ scope: 'full' });
  });

  it('after real imports and undos, the customers of the import (customersOfImport) are all a run needs', async () => {
    clock = new Date('2026-11-22T06:00:00Z');
    t = await openTestEngine({ now: () => clock });
    const engine = t;
    const sqlite = engine.engine.database.sqlite;
    const read = engine.engine.database.read;
    const ctx = context(engine);
    await engine.call('currency.save', { base: 'USD', rates: { EUR: 1.08, GBP: 1.27 } });
    const later = () => {
      clock = new Date(clock.getTime() + 60_000);
    };
    const importFile = async (name: string) => {
      const a = await engine.call('import.analyze', {
        fileName: name,
        contentBase64: readFileSync(join(FIXTURES, name)).toString('base64'),
      });
      return (await engine.call('import.commit', { fileId: a.fileId, kind: a.kind, mapping: a.mapping })).batchId!;
    };
    const WRITTEN = [...COLUMNS, 'classified_at'];
    const stored = () =>
      new Map(
        (sqlite.prepare(`SELECT id, ${WRITTEN.join(', ')} FROM customers`).all() as Record<string, unknown>[]).map((r) => [
          r.id as number,
          r,
        ]),
      );
    const lastRunId = () => sqlite.prepare(`SELECT max(id) FROM classification_runs`).pluck().get() as number;
    /**
     * Does `change` (an import or undo, which reclassifies the whole book itself), takes a full
     * run's classes as the truth, puts the classes back as they were before the change (what the
     * change left unclassified) and checks a run over `ids` gives the truth.
     */
    const check = async (change: () => Promise<number>, idsOf: (batch: number) => number[] | undefined, presetIds?: number[]) => {
      later();
      const before = stored();
      const runBefore = lastRunId();
      const batch = await change();
      const truthRun = await fullRun(engine);
      const truth = classesOfBook(engine);
      sqlite.prepare(`DELETE FROM classification_runs WHERE id > ?`).run(runBefore);
      const restore = sqlite.prepare(`UPDATE customers SET ${WRITTEN.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`);
      const unclassified = sqlite.prepare(
        `UPDATE customers SET recency_days = NULL, frequency = 0, monetary_minor = 0, revenue_minor = 0, r_score = NULL, f_score = NULL, m_score = NULL,
           rfm_segment = 'none', value_tier = 'none', potential_score = 0, value_matrix = 'low', churn_status = 'none', rhythm_days = NULL, order_count = 0,
           median_gap = NULL, gap_key = '', last_order_at = '', suggested_priority = 'low', recent_inquiry_at = NULL, classified_at = NULL WHERE id = ?`,
      );
      for (const id of sqlite.prepare(`SELECT id FROM customers`).pluck().all() as number[]) {
        const row = before.get(id);
        if (row) restore.run(row);
        else unclassified.run(id);
      }
      const ids = presetIds ?? idsOf(batch) ?? [];
      const run = await reclassifyChanged(ctx, 'import', { customerIds: ids, importBatchId: batch, fullRunAbove: 1 });
      expect(runScope(read, run.id)?.scope).toBe('incremental');
      expect(classesOfBook(engine)).toEqual(truth);
      expect(run.counts).toEqual(truthRun.counts);
      expect(run.missingRates).toEqual(truthRun.missingRates);
      return batch;
    };

    await fullRun(engine);
    await check(
      () => importFile('alibaba-customers-zh.xlsx'),
      (b) => customersOfImport(read, b),
    );
    const orders = await check(
      () => importFile('alibaba-orders-zh.csv'),
      (b) => customersOfImport(read, b),
    );
    await check(
      () => importFile('alibaba-inquiries-en.csv'),
      (b) => customersOfImport(read, b),
    );
    const leads = await check(
      () => importFile('trade-fair-leads.csv'),
      (b) => customersOfImport(read, b),
    );
    // An undo: the customers of the import are read before it removes what it added.
    for (const batch of [leads, orders]) {
      const ids = customersOfImport(read, batch);
      expect(ids.length).toBeGreaterThan(0);
      await check(
        async () => {
          await engine.call('import.undo', { batchId: batch });
          return batch;
        },
        () => undefined,
        ids,
      );
    }
  });
});
