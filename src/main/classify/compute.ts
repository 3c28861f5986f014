/**
 * Classifies a population of customers from their order and inquiry aggregates. Pure: the
 * database side (classify.ts) streams orders into an OrderAggregates and calls computeClasses.
 * Arrays are indexed by the customer's position in the population.
 */
import type { ClassificationRules, RfmSegment, ValueMatrixCell, ValueTier } from '../../shared/domain/classification';
import type { LifecycleStage, Priority } from '../../shared/domain/customer-enums';
import {
  churnOf,
  contributionTiers,
  lifecycleOf,
  matrixOf,
  median,
  orderGaps,
  potentialScore,
  quintileScores,
  segmentOf,
  suggestedPriorityOf,
  type ChurnClass,
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
}

export function computeClasses(agg: OrderAggregates, facts: CustomerFacts, rules: ClassificationRules, clock: RunClock): Classes {
  const n = agg.size;
  const recencyDays: (number | null)[] = new Array<number | null>(n).fill(null);
  const buyers: number[] = [];
  for (let i = 0; i < n; i++) {
    const last = agg.lastOrder[i] as number;
    if (Number.isNaN(last)) continue;
    recencyDays[i] = Math.max(0, clock.today - last);
    buyers.push(i);
  }

  // RFM over everyone who ever bought: recency since the last order, F and M inside the window.
  const rScore: (number | null)[] = new Array<number | null>(n).fill(null);
  const fScore: (number | null)[] = new Array<number | null>(n).fill(null);
  const mScore: (number | null)[] = new Array<number | null>(n).fill(null);
  const segment: (RfmSegment | 'none')[] = new Array<RfmSegment | 'none'>(n).fill('none');
  const r = quintileScores(buyers.map((i) => recencyDays[i] as number), false);
  const f = quintileScores(buyers.map((i) => agg.frequency[i] as number), true);
  const m = quintileScores(buyers.map((i) => Math.round(agg.monetary[i] as number)), true);
  buyers.forEach((i, k) => {
    rScore[i] = r[k] as number;
    fScore[i] = f[k] as number;
    mScore[i] = m[k] as number;
    segment[i] = segmentOf(rules.rfm.grid, r[k] as number, f[k] as number);
  });

  const revenue = agg.revenue.map((v) => Math.round(v));
  const tier = contributionTiers(revenue, rules.tiers.aShare, rules.tiers.bShare);

  // Order rhythm: the customer's own median gap, else the firm's median of them.
  const ownGaps: number[] = [];
  for (let i = 0; i < n; i++) if (!Number.isNaN(agg.medianGap[i] as number)) ownGaps.push(agg.medianGap[i] as number);
  const firmGapDays = ownGaps.length ? median(ownGaps) : rules.churn.fallbackGapDays;
  const rhythmDays: (number | null)[] = new Array<number | null>(n).fill(null);
  const churn: (ChurnClass | 'none')[] = new Array<ChurnClass | 'none'>(n).fill('none');
  for (const i of buyers) {
    const own = agg.medianGap[i] as number;
    const rhythm = Math.max(rules.churn.minGapDays, Math.round(Number.isNaN(own) ? firmGapDays : own));
    rhythmDays[i] = rhythm;
    churn[i] = churnOf(recencyDays[i] as number, rhythm, rules.churn);
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
    firmGapDays,
  };
}
