/**
 * The pure rules of classification: quintile scores, the R×F grid, contribution tiers, order
 * rhythm (median gaps), potential, lifecycle and the value × potential matrix. No database here:
 * classify.ts feeds them; tests feed them hand-made data.
 */
import type { ClassificationRules, RfmSegment, ValueMatrixCell, ValueTier } from '../../shared/domain/classification';
import type { LifecycleStage, Priority } from '../../shared/domain/customer-enums';

/** Index of the first element >= x in an ascending array. */
function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element > x in an ascending array. */
function upperBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Scores 1–5 by quintiles of rank. A value's score is 1 + floor(5 × (share of the population that
 * is strictly worse)), so equal values always share a score (a tie at a cut point never splits),
 * the best distinct value of five or more gets 5 and the worst always gets 1.
 * `higherIsBetter` false (recency in days) turns the order round.
 */
export function quintileScores(values: ArrayLike<number>, higherIsBetter: boolean): Uint8Array {
  const n = values.length;
  const scores = new Uint8Array(n);
  if (n === 0) return scores;
  const sorted = Float64Array.from(values as ArrayLike<number>).sort();
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    const worse = higherIsBetter ? lowerBound(sorted, v) : n - upperBound(sorted, v);
    scores[i] = 1 + Math.floor((5 * worse) / n);
  }
  return scores;
}

/**
 * The number of values that must be strictly worse than a value for it to score above k
 * (k = 1…4) among n values: 1 + floor(5 × worse / n) > k exactly when worse ≥ ceil(k × n / 5).
 */
export function quintileRank(n: number, k: number): number {
  return Math.floor((k * n + 4) / 5);
}

/**
 * The four cut values of quintileScores over a population, from its values sorted ascending: a
 * value's score is 1 + the number of cuts it beats (scoreByCuts). A value has at least m values
 * strictly worse exactly when it beats the m-th worst value, so the cut k is the
 * quintileRank(n, k)-th smallest value (the largest when lower is better). Empty without values.
 * The cuts are what the scores depend on: a population change that leaves them alone leaves
 * every other customer's score alone.
 */
export function quintileCuts(sortedAscending: ArrayLike<number>, higherIsBetter: boolean): number[] {
  const n = sortedAscending.length;
  if (n === 0) return [];
  const cuts: number[] = [];
  for (let k = 1; k <= 4; k++) {
    const m = quintileRank(n, k);
    cuts.push(sortedAscending[higherIsBetter ? m - 1 : n - m] as number);
  }
  return cuts;
}

/** The quintile score of a value against the cuts of its population (quintileCuts). */
export function scoreByCuts(value: number, cuts: readonly number[], higherIsBetter: boolean): number {
  let score = 1;
  for (const cut of cuts) if (higherIsBetter ? value > cut : value < cut) score++;
  return score;
}

/** The segment of recency score r and frequency score f (both 1–5). */
export function segmentOf(grid: ClassificationRules['rfm']['grid'], r: number, f: number): RfmSegment {
  const seg = grid[r - 1]?.[f - 1];
  if (!seg) throw new RangeError(`RFM scores out of range: R${r} F${f}`);
  return seg;
}

/**
 * Contribution tiers: customers sorted by revenue, largest first; A while the revenue of the
 * customers strictly above makes less than aShare of the total, B while less than aShare + bShare,
 * C after. Equal revenues share a tier. No revenue → 'none'.
 */
export function contributionTiers(revenue: ArrayLike<number>, aShare: number, bShare: number): (ValueTier | 'none')[] {
  const thresholds = contributionThresholds(revenue, aShare, bShare);
  return Array.from({ length: revenue.length }, (_, i) => tierOf(revenue[i] as number, thresholds));
}

/**
 * Where the tiers start: the smallest revenue in tier A and the smallest in A or B (Infinity when
 * no customer is in them). The share of the customers strictly above a revenue only shrinks as
 * the revenue grows, so the tiers are revenue ranges and these two values (with the total they
 * were measured against) are all the tiers depend on.
 */
export interface TierThresholds {
  total: number;
  a: number;
  b: number;
}

/** The shares (of the total revenue) strictly above a customer below which it is in tier A, and in A or B. */
export function tierLimits(aShare: number, bShare: number): { a: number; b: number } {
  return { a: aShare - 1e-12, b: aShare + bShare - 1e-12 };
}

/** True when `above` (the revenue of the customers strictly above) leaves a customer under the limit. */
export function withinShare(above: number, total: number, limit: number): boolean {
  return above / total < limit;
}

export function contributionThresholds(revenue: ArrayLike<number>, aShare: number, bShare: number): TierThresholds {
  const positive: number[] = [];
  let total = 0;
  for (let i = 0; i < revenue.length; i++) {
    const r = revenue[i] as number;
    if (r > 0) {
      positive.push(r);
      total += r;
    }
  }
  const thresholds: TierThresholds = { total, a: Number.POSITIVE_INFINITY, b: Number.POSITIVE_INFINITY };
  if (total <= 0) return thresholds;
  const sorted = Float64Array.from(positive).sort();
  const limits = tierLimits(aShare, bShare);
  let above = 0; // revenue of customers strictly above the current group of equals
  let k = sorted.length - 1;
  while (k >= 0) {
    const value = sorted[k] as number;
    let group = 0;
    while (k >= 0 && sorted[k] === value) {
      group += value;
      k--;
    }
    if (withinShare(above, total, limits.a)) thresholds.a = value;
    if (withinShare(above, total, limits.b)) thresholds.b = value;
    else break;
    above += group;
  }
  return thresholds;
}

/** The tier of a revenue under the thresholds of its population. */
export function tierOf(revenue: number, t: TierThresholds): ValueTier | 'none' {
  if (!(revenue > 0)) return 'none';
  if (revenue >= t.a) return 'A';
  if (revenue >= t.b) return 'B';
  return 'C';
}

/** Median of a non-empty list (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of an empty list');
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Gaps in days between consecutive distinct order days (days ascending). */
export function orderGaps(days: readonly number[]): number[] {
  const gaps: number[] = [];
  for (let i = 1; i < days.length; i++) {
    const gap = (days[i] as number) - (days[i - 1] as number);
    if (gap > 0) gaps.push(gap);
  }
  return gaps;
}

export type ChurnClass = 'active' | 'warning' | 'lost';

/** Days since the last order against the customer's rhythm. */
export function churnOf(recencyDays: number, rhythmDays: number, rules: ClassificationRules['churn']): ChurnClass {
  if (recencyDays > rules.lostMultiplier * rhythmDays) return 'lost';
  if (recencyDays > rules.warnMultiplier * rhythmDays) return 'warning';
  return 'active';
}

const SCALE_POINTS: Record<string, number> = { micro: 0, small: 0.25, medium: 0.5, large: 0.75, enterprise: 1 };

/** Alibaba buyer levels L0–L4 (or a bare digit) → 0–1. */
export function buyerLevelPoints(level: string): number {
  const m = /(\d)/.exec(level);
  return m ? Math.min(1, Number(m[1]) / 4) : 0;
}

/** Revenue growth → 0–1: none or shrinking 0, doubling (or a first year of buying) 1. */
export function growthPoints(currentRevenue: number, previousRevenue: number): number {
  if (currentRevenue <= 0) return 0;
  if (previousRevenue <= 0) return 1;
  return Math.max(0, Math.min(1, currentRevenue / previousRevenue - 1));
}

export interface PotentialInput {
  recentInquiries: number;
  scale: string;
  buyerLevel: string;
  revenue: number;
  previousRevenue: number;
  /** Open deals weighted by their stage's win probability, in the base currency's major units. */
  openPipeline: number;
}

/**
 * Potential 0–100: weighted inquiry activity, scale, buyer level and growth, plus up to
 * pipelinePoints for open deals (weighted by stage; in full at pipelineFull), capped at 100. A
 * customer without open deals scores as before deals existed.
 */
export function potentialScore(p: PotentialInput, rules: ClassificationRules['potential']): number {
  const w = rules.weights;
  const total = w.inquiries + w.scale + w.buyerLevel + w.growth;
  if (total <= 0) return 0;
  const points =
    w.inquiries * Math.min(1, p.recentInquiries / rules.inquiryCap) +
    w.scale * (SCALE_POINTS[p.scale] ?? 0) +
    w.buyerLevel * buyerLevelPoints(p.buyerLevel) +
    w.growth * growthPoints(p.revenue, p.previousRevenue);
  const pipeline = p.openPipeline > 0 ? rules.pipelinePoints * Math.min(1, p.openPipeline / rules.pipelineFull) : 0;
  return Math.min(100, Math.round((100 * points) / total + pipeline));
}

export function matrixOf(tier: ValueTier | 'none', potential: number, rules: ClassificationRules): ValueMatrixCell {
  const highValue = tier !== 'none' && rules.matrix.highValueTiers.includes(tier);
  const highPotential = potential >= rules.potential.highMin;
  if (highValue) return highPotential ? 'key' : 'maintain';
  return highPotential ? 'develop' : 'low';
}

/** Suggested priority: key accounts and tier A high; the rest of the matrix's upper cells and tier B medium. */
export function suggestedPriorityOf(tier: ValueTier | 'none', matrix: ValueMatrixCell): Priority {
  if (matrix === 'key' || tier === 'A') return 'high';
  if (matrix === 'develop' || matrix === 'maintain' || tier === 'B') return 'medium';
  return 'low';
}

export interface LifecycleInput {
  /** Non-cancelled orders that are not samples. */
  orders: number;
  sampleOrders: number;
  churn: ChurnClass | 'none';
  tier: ValueTier | 'none';
}

export function lifecycleOf(c: LifecycleInput, rules: ClassificationRules['lifecycle']): LifecycleStage {
  if (c.orders === 0) return c.sampleOrders > 0 ? 'sample' : 'inquiry';
  if (c.churn === 'lost') return 'lost';
  if (c.churn === 'warning') return 'dormant';
  if (c.tier !== 'none' && rules.keyAccountTiers.includes(c.tier) && c.orders >= rules.keyAccountMinOrders) return 'key_account';
  return c.orders >= 2 ? 'repeat' : 'first_order';
}
