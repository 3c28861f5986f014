import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_RULES, DEFAULT_SEGMENT_GRID, RFM_SEGMENTS, classificationRulesSchema } from '../../src/shared/domain/classification';
import {
  buyerLevelPoints,
  churnOf,
  contributionTiers,
  growthPoints,
  lifecycleOf,
  matrixOf,
  median,
  orderGaps,
  potentialScore,
  quintileCuts,
  quintileScores,
  scoreByCuts,
  segmentOf,
  suggestedPriorityOf,
} from '../../src/main/classify/scoring';
import { computeClasses, OrderAggregates, runClock } from '../../src/main/classify/compute';

describe('quintile scores', () => {
  it('ten distinct values: two per score, best value 5', () => {
    expect([...quintileScores([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], true)]).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('recency: fewer days is better', () => {
    expect([...quintileScores([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], false)]).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it('ties at a cut point share one score instead of splitting', () => {
    // The cut between scores 1 and 2 falls inside the run of 3s: all four 3s get the same score.
    const s = [...quintileScores([1, 3, 3, 3, 3, 6, 7, 8, 9, 10], true)];
    expect(s).toEqual([1, 1, 1, 1, 1, 3, 4, 4, 5, 5]);
    expect(new Set(s.slice(1, 5)).size).toBe(1);
  });

  it('everyone equal → everyone 1; one customer → 1; empty → empty', () => {
    expect([...quintileScores([4, 4, 4, 4], true)]).toEqual([1, 1, 1, 1]);
    expect([...quintileScores([4, 4, 4, 4], false)]).toEqual([1, 1, 1, 1]);
    expect([...quintileScores([7], true)]).toEqual([1]);
    expect(quintileScores([], true).length).toBe(0);
  });

  it('property: scores are 1–5, monotone in the value, equal values equal scores', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 200 }), fc.boolean(), (values, higher) => {
        const s = quintileScores(values, higher);
        for (let i = 0; i < values.length; i++) {
          expect(s[i]).toBeGreaterThanOrEqual(1);
          expect(s[i]).toBeLessThanOrEqual(5);
          for (let j = 0; j < values.length; j++) {
            const better = higher ? values[i]! > values[j]! : values[i]! < values[j]!;
            if (values[i] === values[j]) expect(s[i]).toBe(s[j]);
            else if (better) expect(s[i]).toBeGreaterThanOrEqual(s[j]!);
          }
        }
      }),
    );
  });
});

describe('quintile cuts (what scores depend on, for runs over a few customers)', () => {
  it('ten distinct values: the 2nd, 4th, 6th and 8th; recency from the other end', () => {
    const sorted = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(quintileCuts(sorted, true)).toEqual([2, 4, 6, 8]);
    expect(quintileCuts(sorted, false)).toEqual([9, 7, 5, 3]);
    expect(quintileCuts([], true)).toEqual([]);
  });

  it('property: scoring against the cuts gives quintileScores, ties and all', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 300 }), fc.boolean(), (values, higher) => {
        const cuts = quintileCuts(Float64Array.from(values).sort(), higher);
        expect(values.map((v) => scoreByCuts(v, cuts, higher))).toEqual([...quintileScores(values, higher)]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the R×F segment grid', () => {
  it('covers all 25 cells exactly once and every segment appears', () => {
    const cells = DEFAULT_SEGMENT_GRID.flat();
    expect(cells).toHaveLength(25);
    expect(new Set(cells)).toEqual(new Set(RFM_SEGMENTS));
  });

  it('corner cells: R5F5 champions, R1F1 hibernating, R5F1 new, R1F5 cannot lose', () => {
    const g = DEFAULT_RULES.rfm.grid;
    expect(segmentOf(g, 5, 5)).toBe('champions');
    expect(segmentOf(g, 1, 1)).toBe('hibernating');
    expect(segmentOf(g, 5, 1)).toBe('new');
    expect(segmentOf(g, 1, 5)).toBe('cant_lose');
    expect(segmentOf(g, 3, 3)).toBe('need_attention');
    expect(() => segmentOf(g, 0, 3)).toThrow(RangeError);
  });

  it('property: every segment is reachable from order data (the population puts a customer in each R×F cell)', () => {
    // Five customers whose recency ranks follow one permutation and frequency ranks another get
    // exactly those ranks as scores; so any (r, f) — hence any segment — is reached by some data.
    const perm = fc.shuffledSubarray([1, 2, 3, 4, 5], { minLength: 5, maxLength: 5 });
    const reached = new Set<string>();
    fc.assert(
      fc.property(perm, perm, (rRanks, fRanks) => {
        const asOf = new Date('2026-01-01T00:00:00Z');
        const clock = runClock(asOf, DEFAULT_RULES);
        const agg = new OrderAggregates(5, clock);
        for (let c = 0; c < 5; c++) {
          // Recency score r ⇔ last order (6 − r) × 10 days ago; frequency score f ⇔ f orders.
          const last = clock.today - (6 - rRanks[c]!) * 10;
          const n = fRanks[c]!;
          for (let k = n - 1; k >= 0; k--) agg.add(c, last - k, 1000, false);
        }
        agg.finish();
        const classes = computeClasses(
          agg,
          {
            scale: Array(5).fill(''),
            buyerLevel: Array(5).fill(''),
            potentialOverride: Array(5).fill(null),
            recentInquiries: new Uint32Array(5),
            openPipeline: new Float64Array(5),
          },
          DEFAULT_RULES,
          clock,
        );
        for (let c = 0; c < 5; c++) {
          expect(classes.rScore[c]).toBe(rRanks[c]);
          expect(classes.fScore[c]).toBe(fRanks[c]);
          expect(classes.segment[c]).toBe(DEFAULT_SEGMENT_GRID[rRanks[c]! - 1]![fRanks[c]! - 1]);
          reached.add(classes.segment[c]!);
        }
      }),
      { numRuns: 400 },
    );
    expect(reached).toEqual(new Set(RFM_SEGMENTS));
  });
});

describe('contribution tiers', () => {
  it('A makes the first 80% of revenue, B the next 15%, C the rest; no revenue → none', () => {
    // Total 1000: 500 (0% above → A), 300 (50% above → A), 100 (80% above → B), 50 (90% → B), 30 (95% → C), 20 (C), 0.
    expect(contributionTiers([500, 300, 100, 50, 30, 20, 0], 0.8, 0.15)).toEqual(['A', 'A', 'B', 'B', 'C', 'C', 'none']);
  });

  it('equal revenues share a tier', () => {
    expect(contributionTiers([100, 100, 100, 100, 100], 0.8, 0.15)).toEqual(['A', 'A', 'A', 'A', 'A']);
    // 500 and 350 make 85% > 80%: the three equal 50s (85% above them) are all B.
    expect(contributionTiers([500, 350, 50, 50, 50], 0.8, 0.15)).toEqual(['A', 'A', 'B', 'B', 'B']);
  });

  it('a single buyer is A; nobody with revenue → all none', () => {
    expect(contributionTiers([0, 250, 0], 0.8, 0.15)).toEqual(['none', 'A', 'none']);
    expect(contributionTiers([0, 0], 0.8, 0.15)).toEqual(['none', 'none']);
  });

  it('property: tiers are ordered by revenue and A holds at least aShare of it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 100 }), (rev) => {
        const tiers = contributionTiers(rev, 0.8, 0.15);
        const rank = { A: 0, B: 1, C: 2, none: 3 } as const;
        for (let i = 0; i < rev.length; i++) {
          expect(tiers[i] === 'none').toBe(rev[i] === 0);
          for (let j = 0; j < rev.length; j++) if (rev[i]! > rev[j]!) expect(rank[tiers[i]!]).toBeLessThanOrEqual(rank[tiers[j]!]);
        }
        const total = rev.reduce((a, b) => a + b, 0);
        const a = rev.filter((_, i) => tiers[i] === 'A').reduce((x, y) => x + y, 0);
        if (total > 0) expect(a / total).toBeGreaterThanOrEqual(0.8 - 1e-9);
      }),
    );
  });
});

describe('contribution thresholds (what tiers depend on, for runs over a few customers)', () => {
  /** The tiers as first written: sort, walk the groups of equal revenue from the top. */
  function walkedTiers(revenue: number[], aShare: number, bShare: number): string[] {
    const order = revenue
      .map((_, i) => i)
      .filter((i) => revenue[i]! > 0)
      .sort((x, y) => revenue[y]! - revenue[x]!);
    const total = order.reduce((sum, i) => sum + revenue[i]!, 0);
    const tiers = revenue.map(() => 'none');
    let above = 0;
    for (let k = 0; k < order.length;) {
      const value = revenue[order[k]!]!;
      let end = k;
      let group = 0;
      while (end < order.length && revenue[order[end]!] === value) group += revenue[order[end++]!]!;
      const share = above / total;
      const tier = share < aShare - 1e-12 ? 'A' : share < aShare + bShare - 1e-12 ? 'B' : 'C';
      for (let j = k; j < end; j++) tiers[order[j]!] = tier;
      above += group;
      k = end;
    }
    return tiers;
  }

  it('property: tiers by threshold are the tiers of the walk, for any shares', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(0, 100, 250, 1000), fc.integer({ min: 0, max: 100_000 })), { minLength: 1, maxLength: 200 }),
        fc.double({ min: 0.05, max: 0.9, noNaN: true }),
        fc.double({ min: 0.01, max: 0.5, noNaN: true }),
        (revenue, aShare, bShare) => {
          expect(contributionTiers(revenue, aShare, bShare)).toEqual(walkedTiers(revenue, aShare, bShare));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('order rhythm and churn', () => {
  it('gaps between distinct order days; median', () => {
    expect(orderGaps([10, 10, 40, 100])).toEqual([30, 60]);
    expect(median([30, 60])).toBe(45);
    expect(median([5, 1, 3])).toBe(3);
  });

  it('warns past 1.5× the usual gap and marks lost past 3×', () => {
    expect(churnOf(45, 30, DEFAULT_RULES.churn)).toBe('active');
    expect(churnOf(46, 30, DEFAULT_RULES.churn)).toBe('warning');
    expect(churnOf(90, 30, DEFAULT_RULES.churn)).toBe('warning');
    expect(churnOf(91, 30, DEFAULT_RULES.churn)).toBe('lost');
  });

  it('one-order customers are measured against the firm median of customers’ median gaps', () => {
    const asOf = new Date('2026-01-01T00:00:00Z');
    const clock = runClock(asOf, DEFAULT_RULES);
    const agg = new OrderAggregates(4, clock);
    // Customer 0: orders every 20 days; customer 1: every 40 days → firm median gap 30.
    for (const d of [110, 90, 70]) agg.add(0, clock.today - d, 100, false);
    for (const d of [130, 90, 50]) agg.add(1, clock.today - d, 100, false);
    agg.add(2, clock.today - 50, 100, false); // one order, 50 days ago: 50 > 1.5 × 30 → warning
    agg.add(3, clock.today - 20, 100, false); // one order, 20 days ago → active
    agg.finish();
    const c = computeClasses(
      agg,
      {
        scale: ['', '', '', ''],
        buyerLevel: ['', '', '', ''],
        potentialOverride: [null, null, null, null],
        recentInquiries: new Uint32Array(4),
        openPipeline: new Float64Array(4),
      },
      DEFAULT_RULES,
      clock,
    );
    expect(c.firmGapDays).toBe(30);
    expect(c.rhythmDays).toEqual([20, 40, 30, 30]);
    expect(c.churn).toEqual(['lost', 'active', 'warning', 'active']); // customer 0: 70 days > 3 × 20
  });

  it('without repeat buyers the fallback gap is used; several orders on one day are one order day', () => {
    const clock = runClock(new Date('2026-01-01T00:00:00Z'), DEFAULT_RULES);
    const agg = new OrderAggregates(1, clock);
    agg.add(0, clock.today - 100, 100, false);
    agg.add(0, clock.today - 100, 100, false);
    agg.finish();
    const c = computeClasses(
      agg,
      { scale: [''], buyerLevel: [''], potentialOverride: [null], recentInquiries: new Uint32Array(1), openPipeline: new Float64Array(1) },
      DEFAULT_RULES,
      clock,
    );
    expect(c.firmGapDays).toBe(DEFAULT_RULES.churn.fallbackGapDays);
    expect(c.frequency[0]).toBe(2);
    expect(c.churn[0]).toBe('active');
  });
});

describe('potential, matrix, priority, lifecycle', () => {
  it('potential weighs inquiries, scale, buyer level and growth to 0–100', () => {
    const p = DEFAULT_RULES.potential;
    expect(potentialScore({ recentInquiries: 0, scale: '', buyerLevel: '', revenue: 0, previousRevenue: 0, openPipeline: 0 }, p)).toBe(0);
    expect(
      potentialScore({ recentInquiries: 5, scale: 'enterprise', buyerLevel: 'L4', revenue: 200, previousRevenue: 100, openPipeline: 0 }, p),
    ).toBe(100);
    // 2/5 of 35 + half of 20 + 3/4 of 15 + no growth = 14 + 10 + 11.25 = 35.25 → 35
    expect(
      potentialScore({ recentInquiries: 2, scale: 'medium', buyerLevel: 'L3', revenue: 100, previousRevenue: 100, openPipeline: 0 }, p),
    ).toBe(35);
    // Open deals add up to 25 points on top (in full at 50,000 weighted), capped at 100.
    const base = { recentInquiries: 2, scale: 'medium', buyerLevel: 'L3', revenue: 100, previousRevenue: 100 };
    expect(potentialScore({ ...base, openPipeline: 10_000 }, p)).toBe(40);
    expect(potentialScore({ ...base, openPipeline: 50_000 }, p)).toBe(60);
    expect(potentialScore({ ...base, openPipeline: 5_000_000 }, p)).toBe(60);
    expect(potentialScore({ ...base, openPipeline: 50_000 }, { ...p, pipelinePoints: 0 })).toBe(35);
    expect(
      potentialScore(
        { recentInquiries: 5, scale: 'enterprise', buyerLevel: 'L4', revenue: 200, previousRevenue: 100, openPipeline: 50_000 },
        p,
      ),
    ).toBe(100);
    expect(buyerLevelPoints('L2')).toBe(0.5);
    expect(growthPoints(150, 100)).toBe(0.5);
    expect(growthPoints(50, 100)).toBe(0);
    expect(growthPoints(10, 0)).toBe(1);
  });

  it('the value × potential matrix and the suggested priority', () => {
    expect(matrixOf('A', 40, DEFAULT_RULES)).toBe('key');
    expect(matrixOf('A', 39, DEFAULT_RULES)).toBe('maintain');
    expect(matrixOf('B', 80, DEFAULT_RULES)).toBe('develop');
    expect(matrixOf('none', 0, DEFAULT_RULES)).toBe('low');
    expect(suggestedPriorityOf('A', 'maintain')).toBe('high');
    expect(suggestedPriorityOf('C', 'develop')).toBe('medium');
    expect(suggestedPriorityOf('B', 'low')).toBe('medium');
    expect(suggestedPriorityOf('none', 'low')).toBe('low');
  });

  it('lifecycle from orders, samples, churn and tier', () => {
    const l = DEFAULT_RULES.lifecycle;
    expect(lifecycleOf({ orders: 0, sampleOrders: 0, churn: 'none', tier: 'none' }, l)).toBe('inquiry');
    expect(lifecycleOf({ orders: 0, sampleOrders: 1, churn: 'active', tier: 'C' }, l)).toBe('sample');
    expect(lifecycleOf({ orders: 1, sampleOrders: 1, churn: 'active', tier: 'C' }, l)).toBe('first_order');
    expect(lifecycleOf({ orders: 2, sampleOrders: 0, churn: 'active', tier: 'B' }, l)).toBe('repeat');
    expect(lifecycleOf({ orders: 3, sampleOrders: 0, churn: 'active', tier: 'A' }, l)).toBe('key_account');
    expect(lifecycleOf({ orders: 3, sampleOrders: 0, churn: 'warning', tier: 'A' }, l)).toBe('dormant');
    expect(lifecycleOf({ orders: 9, sampleOrders: 0, churn: 'lost', tier: 'A' }, l)).toBe('lost');
  });
});

describe('rules', () => {
  it('defaults parse from {} and invalid combinations are refused with the field named', () => {
    expect(classificationRulesSchema.parse({})).toEqual(DEFAULT_RULES);
    const bad = classificationRulesSchema.safeParse({
      tiers: { aShare: 0.9, bShare: 0.15 },
      churn: { warnMultiplier: 3, lostMultiplier: 2 },
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('tiers.bShare');
    expect(paths).toContain('churn.lostMultiplier');
    expect(classificationRulesSchema.safeParse({ rfm: { grid: [['champions']] } }).success).toBe(false);
  });
});

describe('stored rules from another version', () => {
  it('keep their values: removed fields are dropped, new fields get defaults', async () => {
    const { parseStoredRules } = await import('../../src/main/classify/rules-store');
    const old = { tiers: { aShare: 0.5, bShare: 0.3 }, lifecycle: { keyAccountMinOrders: 4, sampleKeywords: ['sample'] }, retired: true };
    const rules = parseStoredRules(old);
    expect(rules.tiers).toMatchObject({ aShare: 0.5, bShare: 0.3, windowMonths: 12 });
    expect(rules.lifecycle.keyAccountMinOrders).toBe(4);
    expect(rules.rfm).toEqual(DEFAULT_RULES.rfm);
    expect(parseStoredRules({ tiers: { aShare: 'lots' } })).toEqual(DEFAULT_RULES);
  });
});
