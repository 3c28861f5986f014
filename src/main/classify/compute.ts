/**
 * Classifies a population of customers from their order and inquiry aggregates. Pure: the
 * database side (classify.ts) streams orders into an OrderAggregates and calls computeClasses.
 * Arrays are indexed by the customer's position in the population.
 */
import type { ClassificationRules, RfmSegment, ValueMatrixCell, ValueTier } from '../../shared/domain/classification';
import type { LifecycleStage, Priority } from '../../shared/domain/customer-enums';
import {
  churnOf,
  contributionThresholds,
  lifecycleOf,
  matrixOf,
  median,
  orderGaps,
  potentialScore,
  quintileCuts,
  scoreByCuts,
  segmentOf,
  suggestedPriorityOf,
  tierOf,
  type ChurnClass,
  type TierThresholds,
} from './scoring';

const DAY = 86_400;

/**
 * The days a run measures against, as UTC day numbers (days since 1970-01-01): orders are
 * counted by the calendar day they were placed on, and recency is today minus that day.
 */
export interface RunClock {
  today: number;
  rfmFrom: number;
  tierFrom: number;
  previousTierFrom: number;
  /** Inquiries received at or after this instant count as recent (ISO 8601). */
  inquiriesFrom: string;
}

export function dayOf(ms: number): number {
  return Math.floor(ms / (DAY * 1000));
}

function monthsBefore(date: Date, months: number): number {
  const d = new Date(date.getTime());
  d.setUTCMonth(d.getUTCMonth() - months);
  return dayOf(d.getTime());
}

export function runClock(asOf: Date, rules: ClassificationRules): RunClock {
  return {
    today: dayOf(asOf.getTime()),
    rfmFrom: rules.rfm.windowMonths === 0 ? Number.MIN_SAFE_INTEGER : monthsBefore(asOf, rules.rfm.windowMonths),
    tierFrom: monthsBefore(asOf, rules.tiers.windowMonths),
    previousTierFrom: monthsBefore(asOf, 2 * rules.tiers.windowMonths),
    inquiriesFrom: new Date(asOf.getTime() - rules.potential.inquiryDays * DAY * 1000).toISOString(),
  };
}

/**
 * Per-customer order facts, filled by add() with each customer's non-cancelled orders in date
 * order (customers may come in any order, but one customer's orders together).
 */
export class OrderAggregates {
  /** Day of the last order; NaN without orders. */
  readonly lastOrder: Float64Array;
  readonly orders: Uint32Array;
  readonly sampleOrders: Uint32Array;
  readonly frequency: Uint32Array;
  readonly monetary: Float64Array;
  readonly revenue: Float64Array;
  readonly previousRevenue: Float64Array;
  /** The customer's median gap between distinct order days; NaN with fewer than two order days. */
  readonly medianGap: Float64Array;
  private current = -1;
  private lastDay = Number.NaN;
  private gaps: number[] = [];

  constructor(
    readonly size: number,
    private readonly clock: RunClock,
  ) {
    this.lastOrder = new Float64Array(size).fill(Number.NaN);
    this.orders = new Uint32Array(size);
    this.sampleOrders = new Uint32Array(size);
    this.frequency = new Uint32Array(size);
    this.monetary = new Float64Array(size);
    this.revenue = new Float64Array(size);
    this.previousRevenue = new Float64Array(size);
    this.medianGap = new Float64Array(size).fill(Number.NaN);
  }

  /** One order: its day (UTC day number), amount in base-currency minor units (NaN = no exchange rate). */
  add(customer: number, day: number, amount: number, sample: boolean): void {
    if (customer !== this.current) this.switchTo(customer);
    const c = this.clock;
    const at = day;
    this.lastOrder[customer] = at;
    if (sample) this.sampleOrders[customer]! += 1;
    else this.orders[customer]! += 1;
    const known = Number.isFinite(amount);
    if (at >= c.rfmFrom) {
      this.frequency[customer]! += 1;
      if (known) this.monetary[customer]! += amount;
    }
    if (known) {
      if (at >= c.tierFrom) this.revenue[customer]! += amount;
      else if (at >= c.previousTierFrom) this.previousRevenue[customer]! += amount;
    }
    if (Number.isNaN(this.lastDay)) this.lastDay = day;
    else if (day > this.lastDay) {
      this.gaps.push(day - this.lastDay);
      this.lastDay = day;
    }
  }

  private switchTo(customer: number): void {
    this.flush();
    this.current = customer;
    this.lastDay = Number.NaN;
    this.gaps = [];
  }

  private flush(): void {
    if (this.current >= 0 && this.gaps.length) this.medianGap[this.current] = median(this.gaps);
  }

  /**
   * One customer's facts aggregated elsewhere (the database run does this in SQL): counts, last
   * order day, money per window in base minor units, and its distinct order days in
   * ascending order (only needed with two or more).
   */
  set(
    customer: number,
    a: { orders: number; samples: number; last: number; frequency: number; monetary: number; revenue: number; previousRevenue: number },
  ): void {
    this.orders[customer] = a.orders;
    this.sampleOrders[customer] = a.samples;
    this.lastOrder[customer] = a.last;
    this.frequency[customer] = a.frequency;
    this.monetary[customer] = a.monetary;
    this.revenue[customer] = a.revenue;
    this.previousRevenue[customer] = a.previousRevenue;
  }

  /** The customer's median gap from its distinct order days (ascending); NaN with fewer than two. */
  setDays(customer: number, days: readonly number[]): void {
    const gaps = orderGaps(days);
    this.medianGap[customer] = gaps.length ? median(gaps) : Number.NaN;
  }

  /** Call after the last add(). */
  finish(): void {
    this.flush();
    this.current = -1;
    this.gaps = [];
  }
}

export interface CustomerFacts {
  scale: readonly string[];
  buyerLevel: readonly string[];
  potentialOverride: readonly (number | null)[];
  recentInquiries: ArrayLike<number>;
  /** Open deals weighted by stage probability, base currency major units (0: none). */
  openPipeline: ArrayLike<number>;
}

export interface Classes {
  recencyDays: (number | null)[];
  frequency: Uint32Array;
  monetary: Float64Array;
  revenue: Float64Array;
  rScore: (number | null)[];
  fScore: (number | null)[];
  mScore: (number | null)[];
  segment: (RfmSegment | 'none')[];
  tier: (ValueTier | 'none')[];
  potential: Uint8Array;
  matrix: ValueMatrixCell[];
  churn: (ChurnClass | 'none')[];
  rhythmDays: (number | null)[];
  orderCount: Uint32Array;
  lifecycle: LifecycleStage[];
  suggestedPriority: Priority[];
  /** The firm's median of customers' median gaps (days), the yardstick for one-order customers. */
  firmGapDays: number;
  /** The book-wide quantities the classes were computed with. */
  basis: BookBasis;
}

/**
 * What one customer's classes depend on beyond its own orders, inquiries and fields: the RFM
 * quintile cuts over the buyers (customers with an order), the contribution-tier thresholds
 * over the customers with revenue, and the firm's usual order gap. Two books with the same
 * basis give a customer with the same facts the same classes.
 */
export interface BookBasis {
  /** Customers with at least one order: the population of the RFM scores. */
  buyers: number;
  /** quintileCuts of the buyers' recency days (lower is better), frequency and monetary value; empty without buyers. */
  recencyCuts: number[];
  frequencyCuts: number[];
  monetaryCuts: number[];
  tiers: TierThresholds;
  /** The median of the customers' own median gaps; the rules' fallback when nobody ordered on two days. */
  firmGapDays: number;
}

/** The order rhythm (days) of a customer without an own gap (fewer than two order days). */
export function fallbackRhythm(basis: BookBasis, rules: ClassificationRules): number {
  return Math.max(rules.churn.minGapDays, Math.round(basis.firmGapDays));
}

/** The basis of a whole population, as a full run measures it. */
export function bookBasisOf(agg: OrderAggregates, rules: ClassificationRules, clock: RunClock): BookBasis {
  const n = agg.size;
  const recency: number[] = [];
  const frequency: number[] = [];
  const monetary: number[] = [];
  const ownGaps: number[] = [];
  for (let i = 0; i < n; i++) {
    const last = agg.lastOrder[i] as number;
    if (!Number.isNaN(agg.medianGap[i] as number)) ownGaps.push(agg.medianGap[i] as number);
    if (Number.isNaN(last)) continue;
    recency.push(Math.max(0, clock.today - last));
    frequency.push(agg.frequency[i] as number);
    monetary.push(Math.round(agg.monetary[i] as number));
  }
  const sorted = (values: number[]) => Float64Array.from(values).sort();
  return {
    buyers: recency.length,
    recencyCuts: quintileCuts(sorted(recency), false),
    frequencyCuts: quintileCuts(sorted(frequency), true),
    monetaryCuts: quintileCuts(sorted(monetary), true),
    tiers: contributionThresholds(
      agg.revenue.map((v) => Math.round(v)),
      rules.tiers.aShare,
      rules.tiers.bShare,
    ),
    firmGapDays: ownGaps.length ? median(ownGaps) : rules.churn.fallbackGapDays,
  };
}

/**
 * Classifies the customers of `agg` against a basis: by default their own (a full run, where
 * they are the whole book), else the book's as measured elsewhere (a run over a few customers).
 */
export function computeClasses(
  agg: OrderAggregates,
  facts: CustomerFacts,
  rules: ClassificationRules,
  clock: RunClock,
  basis: BookBasis = bookBasisOf(agg, rules, clock),
): Classes {
  const n = agg.size;
  const recencyDays: (number | null)[] = new Array<number | null>(n).fill(null);
  // RFM over everyone who ever bought: recency since the last order, F and M inside the window.
  const rScore: (number | null)[] = new Array<number | null>(n).fill(null);
  const fScore: (number | null)[] = new Array<number | null>(n).fill(null);
  const mScore: (number | null)[] = new Array<number | null>(n).fill(null);
  const segment: (RfmSegment | 'none')[] = new Array<RfmSegment | 'none'>(n).fill('none');
  const revenue = agg.revenue.map((v) => Math.round(v));
  const tier = Array.from(revenue, (v) => tierOf(v, basis.tiers));
  // Order rhythm: the customer's own median gap, else the firm's median of them.
  const rhythmDays: (number | null)[] = new Array<number | null>(n).fill(null);
  const churn: (ChurnClass | 'none')[] = new Array<ChurnClass | 'none'>(n).fill('none');
  const fallback = fallbackRhythm(basis, rules);
  for (let i = 0; i < n; i++) {
    const last = agg.lastOrder[i] as number;
    if (Number.isNaN(last)) continue;
    const recency = Math.max(0, clock.today - last);
    recencyDays[i] = recency;
    const r = scoreByCuts(recency, basis.recencyCuts, false);
    const f = scoreByCuts(agg.frequency[i] as number, basis.frequencyCuts, true);
    rScore[i] = r;
    fScore[i] = f;
    mScore[i] = scoreByCuts(Math.round(agg.monetary[i] as number), basis.monetaryCuts, true);
    segment[i] = segmentOf(rules.rfm.grid, r, f);
    const own = agg.medianGap[i] as number;
    const rhythm = Number.isNaN(own) ? fallback : Math.max(rules.churn.minGapDays, Math.round(own));
    rhythmDays[i] = rhythm;
    churn[i] = churnOf(recency, rhythm, rules.churn);
  }

  const potential = new Uint8Array(n);
  const matrix: ValueMatrixCell[] = new Array<ValueMatrixCell>(n);
  const lifecycle: LifecycleStage[] = new Array<LifecycleStage>(n);
  const suggestedPriority: Priority[] = new Array<Priority>(n);
  for (let i = 0; i < n; i++) {
    const computed = potentialScore(
      {
        recentInquiries: facts.recentInquiries[i] as number,
        scale: facts.scale[i] as string,
        buyerLevel: facts.buyerLevel[i] as string,
        revenue: revenue[i] as number,
        previousRevenue: agg.previousRevenue[i] as number,
        openPipeline: facts.openPipeline[i] as number,
      },
      rules.potential,
    );
    potential[i] = computed;
    const effective = facts.potentialOverride[i] ?? computed;
    const t = tier[i] as ValueTier | 'none';
    const cell = matrixOf(t, effective, rules);
    matrix[i] = cell;
    suggestedPriority[i] = suggestedPriorityOf(t, cell);
    lifecycle[i] = lifecycleOf(
      { orders: agg.orders[i] as number, sampleOrders: agg.sampleOrders[i] as number, churn: churn[i] as ChurnClass | 'none', tier: t },
      rules.lifecycle,
    );
  }

  return {
    recencyDays,
    frequency: agg.frequency,
    monetary: agg.monetary.map((v) => Math.round(v)),
    revenue,
    rScore,
    fScore,
    mScore,
    segment,
    tier,
    potential,
    matrix,
    churn,
    rhythmDays,
    orderCount: agg.orders.map((o, i) => o + (agg.sampleOrders[i] as number)),
    lifecycle,
    suggestedPriority,
    firmGapDays: basis.firmGapDays,
    basis,
  };
}
