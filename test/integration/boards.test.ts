import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../support/temp-db';
import { dumpData } from '../support/dump';
import { BOARD_DIMENSIONS } from '../../src/shared/domain/classification';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures');
const FILES = [
  'alibaba-inquiries-zh.xlsx',
  'alibaba-inquiries-en.csv',
  'alibaba-inquiries-zh-gbk.csv',
  'alibaba-customers-zh.xlsx',
  'alibaba-orders-zh.csv',
  'trade-fair-leads.csv',
];

let t: TestEngine;
beforeAll(async () => {
  t = await openTestEngine({ now: () => new Date('2026-11-22T00:00:00Z') });
  await t.call('currency.save', { base: 'USD', rates: { EUR: 1.08, GBP: 1.27 } });
  for (const name of FILES) {
    const a = await t.call('import.analyze', { fileName: name, contentBase64: readFileSync(join(FIXTURES, name)).toString('base64') });
    await t.call('import.commit', { fileId: a.fileId, kind: a.kind, mapping: a.mapping });
  }
});
afterAll(async () => {
  await t.close();
});

const revenueOfAll = () =>
  (t.engine.database.readSqlite.prepare(`SELECT total(revenue_minor) AS r FROM customers WHERE archived_at IS NULL`).get() as { r: number })
    .r;

describe('boards', () => {
  it.each(BOARD_DIMENSIONS.filter((d) => d !== 'tag'))('%s: the columns hold every customer once, with all revenue', async (dimension) => {
    const board = await t.call('boards.columns', { dimension });
    expect(board.columns.reduce((s, c) => s + c.count, 0)).toBe(156);
    expect(board.columns.reduce((s, c) => s + c.revenueMinor, 0)).toBe(revenueOfAll());
    expect(new Set(board.columns.map((c) => c.key)).size).toBe(board.columns.length);
  });

  it('continent columns match the stats, with names in both languages; a filter applies across', async () => {
    const board = await t.call('boards.columns', { dimension: 'continent' });
    const stats = await t.call('stats.overview', {});
    expect(board.columns.map((c) => [c.key, c.count])).toEqual(expect.arrayContaining(stats.byContinent.map((c) => [c.code, c.count])));
    expect(board.columns.find((c) => c.key === '150')?.name).toEqual({ en: 'Europe', zh: '欧洲' });
    const europeBySegment = await t.call('boards.columns', { dimension: 'segment', filter: { continents: ['150'] } });
    expect(europeBySegment.columns.reduce((s, c) => s + c.count, 0)).toBe(40);
    expect(europeBySegment.manual).toBe(false);
  });

  it('each column’s count is the grid total for the same class filter', async () => {
    const filterFor: Record<string, (k: string) => object> = {
      segment: (k) => ({ segments: [k] }),
      tier: (k) => ({ tiers: [k] }),
      matrix: (k) => ({ matrix: [k] }),
      churn: (k) => ({ churn: [k] }),
      lifecycle: (k) => ({ lifecycleStages: [k] }),
      priority: (k) => ({ priorities: [k] }),
      continent: (k) => ({ continents: [k] }),
      businessType: (k) => ({ businessTypes: [k] }),
    };
    for (const [dimension, filter] of Object.entries(filterFor)) {
      const board = await t.call('boards.columns', { dimension: dimension as never });
      for (const col of board.columns) {
        const list = await t.call('customers.list', { filter: filter(col.key) as never, limit: 1, withTotal: true });
        expect([dimension, col.key, list.total]).toEqual([dimension, col.key, col.count]);
      }
    }
  });

  it('cards page by revenue with a keyset cursor, and each column’s cards belong to it', async () => {
    const board = await t.call('boards.columns', { dimension: 'continent' });
    for (const col of board.columns) {
      const seen: number[] = [];
      let after: { revenueMinor: number; id: number } | undefined;
      let last = Number.POSITIVE_INFINITY;
      for (;;) {
        const page = await t.call('boards.cards', { dimension: 'continent', key: col.key, limit: 7, ...(after ? { after } : {}) });
        for (const card of page.cards) {
          expect(card.revenueMinor).toBeLessThanOrEqual(last);
          last = card.revenueMinor;
          seen.push(card.id);
        }
        if (!page.nextCursor) break;
        after = page.nextCursor;
      }
      expect(seen.length).toBe(col.count);
      expect(new Set(seen).size).toBe(seen.length);
    }
  });

  it('dragging to a lifecycle column sets an override; dropping on the derived stage clears it', async () => {
    const { cards } = await t.call('boards.cards', { dimension: 'lifecycle', key: 'inquiry', limit: 1 });
    const card = cards[0]!;
    const moved = await t.call('boards.move', {
      customerId: card.id,
      version: card.version,
      dimension: 'lifecycle',
      from: 'inquiry',
      to: 'sample',
    });
    expect(moved.card).toMatchObject({ lifecycle: 'sample', lifecycleOverridden: true });
    expect(moved.overrideCleared).toBe(false);
    const sampleCol = (await t.call('boards.columns', { dimension: 'lifecycle' })).columns.find((c) => c.key === 'sample');
    expect(sampleCol?.count).toBeGreaterThanOrEqual(1);
    const back = await t.call('boards.move', {
      customerId: card.id,
      version: moved.card.version,
      dimension: 'lifecycle',
      from: 'sample',
      to: 'inquiry',
    });
    expect(back.card).toMatchObject({ lifecycle: 'inquiry', lifecycleOverridden: false });
    expect(back.overrideCleared).toBe(true);
    const stale = await t.raw('boards.move', {
      customerId: card.id,
      version: card.version,
      dimension: 'lifecycle',
      from: 'inquiry',
      to: 'lost',
    });
    expect(!stale.ok && stale.error.code).toBe('CONFLICT');
  });

  it('derived columns refuse drops with a coded error and change nothing', async () => {
    const { cards } = await t.call('boards.cards', { dimension: 'segment', key: 'none', limit: 1 });
    const before = dumpData(t.engine.database.readSqlite);
    for (const dimension of ['segment', 'tier', 'matrix', 'churn', 'continent', 'region', 'country'] as const) {
      const r = await t.raw('boards.move', {
        customerId: cards[0]!.id,
        version: cards[0]!.version,
        dimension,
        from: 'none',
        to: 'champions',
      });
      expect(!r.ok && r.error.code).toBe('CLASS_NOT_MANUAL');
    }
    const unknown = await t.raw('boards.move', {
      customerId: cards[0]!.id,
      version: cards[0]!.version,
      dimension: 'priority',
      from: 'low',
      to: 'urgent',
    });
    expect(!unknown.ok && unknown.error.code).toBe('INVALID_INPUT');
    expect(dumpData(t.engine.database.readSqlite)).toBe(before);
  });

  it('tags, owner and priority move by hand', async () => {
    const tags = await t.call('boards.columns', { dimension: 'tag' });
    const from = tags.columns.find((c) => c.key !== '')!;
    const { cards } = await t.call('boards.cards', { dimension: 'tag', key: from.key, limit: 1 });
    const card = cards[0]!;
    const moved = await t.call('boards.move', {
      customerId: card.id,
      version: card.version,
      dimension: 'tag',
      from: from.key,
      to: 'Canton Fair 2026',
    });
    const detail = await t.call('customers.get', { id: card.id });
    expect(detail.tags).toContain('Canton Fair 2026');
    expect(detail.tags).not.toContain(from.key);
    const owned = await t.call('boards.move', {
      customerId: card.id,
      version: moved.card.version,
      dimension: 'owner',
      from: card.owner,
      to: 'Lily Wang',
    });
    expect(owned.card.owner).toBe('Lily Wang');
    const prio = await t.call('boards.move', {
      customerId: card.id,
      version: owned.card.version,
      dimension: 'priority',
      from: card.suggestedPriority,
      to: 'high',
    });
    expect(prio.card.priority).toBe('high');
    const history = t.engine.database.readSqlite
      .prepare(`SELECT count(*) AS n FROM activities WHERE customer_id = ? AND kind = 'class_change'`)
      .get(card.id) as { n: number };
    expect(history.n).toBe(3);
  });
});

describe('saved views', () => {
  it('save, rename-clash, list, update and delete', async () => {
    const v = await t.call('views.save', {
      kind: 'board',
      name: 'Europe by segment',
      state: { dimension: 'segment', filter: { continents: ['150'] } },
    });
    expect(v.state.filter.continents).toEqual(['150']);
    const clash = await t.raw('views.save', { kind: 'board', name: 'europe BY segment', state: {} });
    expect(!clash.ok && clash.error.code).toBe('VIEW_NAME_TAKEN');
    // The same name is fine for the other kind.
    await t.call('views.save', {
      kind: 'grid',
      name: 'Europe by segment',
      state: { columns: ['company', 'tier'], sort: { key: 'revenue', dir: 'desc' } },
    });
    const updated = await t.call('views.save', {
      id: v.id,
      kind: 'board',
      name: 'Europe by tier',
      state: { dimension: 'tier', filter: { continents: ['150'] } },
    });
    expect(updated).toMatchObject({ id: v.id, name: 'Europe by tier', state: { dimension: 'tier' } });
    expect((await t.call('views.list', { kind: 'board' })).map((x) => x.name)).toEqual(['Europe by tier']);
    expect(await t.call('views.list', {})).toHaveLength(2);
    expect((await t.call('views.delete', { id: v.id })).removed).toBe(true);
    expect(await t.call('views.list', { kind: 'board' })).toEqual([]);
  });
});

describe('dashboard', () => {
  it('figures agree with each other and with the orders', async () => {
    const d = await t.call('dashboard.overview', {});
    expect(d.customers).toBe(156);
    for (const key of ['byContinent', 'byCountry', 'byIndustry', 'bySegment', 'byTier', 'byLifecycle', 'matrix'] as const) {
      expect(d[key].reduce((s, p) => s + p.count, 0)).toBe(156);
      expect(d[key].reduce((s, p) => s + p.revenueMinor, 0)).toBe(d.revenueMinor);
    }
    expect(d.revenueByMonth).toHaveLength(24);
    expect(d.revenueByMonth.at(-1)!.month).toBe('2026-11');
    const orders = t.engine.database.readSqlite
      .prepare(`SELECT count(*) AS n FROM orders WHERE cancelled = 0 AND ordered_at >= '2024-12-01'`)
      .get() as { n: number };
    expect(d.revenueByMonth.reduce((s, m) => s + m.orders, 0)).toBe(orders.n);
    expect(d.atRisk.every((c) => c.churn === 'warning' && c.daysPastRhythm >= 0)).toBe(true);
    const europe = await t.call('dashboard.overview', { filter: { continents: ['150'] } });
    expect(europe.customers).toBe(40);
    expect(europe.revenueByMonth.reduce((s, m) => s + m.orders, 0)).toBeLessThan(orders.n);
  });

  it('custom segment names reach the boards and the dashboard', async () => {
    const { version, rules } = await t.call('classify.rules', {});
    await t.call('classify.saveRules', {
      rules: { ...rules, segmentNames: { champions: { en: 'Stars', zh: '明星' } } },
      baseVersion: version,
    });
    const board = await t.call('boards.columns', { dimension: 'segment' });
    expect(board.columns.find((c) => c.key === 'champions')?.name).toEqual({ en: 'Stars', zh: '明星' });
    expect(board.columns.find((c) => c.key === 'loyal')?.name).toBeNull();
    const d = await t.call('dashboard.overview', {});
    expect(d.bySegment.find((p) => p.key === 'champions')?.name).toEqual({ en: 'Stars', zh: '明星' });
  });
});
