/**
 * Classes of the classification engine, stored as these slugs. Zod-free so the renderer can
 * import them without the schema library. See src/main/classify for the rules behind them.
 */

/** RFM segments (the R×F grid). Customers who never bought are NO_CLASS ('none'), not a segment. */
export const RFM_SEGMENTS = [
  'champions',
  'loyal',
  'potential_loyalists',
  'new',
  'promising',
  'need_attention',
  'about_to_sleep',
  'at_risk',
  'cant_lose',
  'hibernating',
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

/** The class of a customer a derived dimension does not apply to yet (no orders, no revenue). */
export const NO_CLASS = 'none';

/** Contribution tiers by cumulative revenue share; 'none' = no revenue in the window. */
export const VALUE_TIERS = ['A', 'B', 'C'] as const;
export type ValueTier = (typeof VALUE_TIERS)[number];

/** Value × potential: high value + high potential = key (keep), low value + high potential = develop, … */
export const VALUE_MATRIX = ['key', 'develop', 'maintain', 'low'] as const;
export type ValueMatrixCell = (typeof VALUE_MATRIX)[number];

/** Churn warning against the customer's own order rhythm; 'none' = never ordered. */
export const CHURN_STATUSES = ['active', 'warning', 'lost'] as const;
export type ChurnStatus = (typeof CHURN_STATUSES)[number];

/** What a board can group by. */
export const BOARD_DIMENSIONS = [
  'continent',
  'region',
  'country',
  'industry',
  'businessType',
  'scale',
  'segment',
  'tier',
  'matrix',
  'lifecycle',
  'churn',
  'priority',
  'owner',
  'tag',
] as const;
export type BoardDimension = (typeof BOARD_DIMENSIONS)[number];

/** Dimensions a person sets by hand; a card dropped on one of their columns changes the customer. */
export const MANUAL_DIMENSIONS = ['lifecycle', 'priority', 'owner', 'tag', 'industry', 'businessType', 'scale'] as const;
export type ManualDimension = (typeof MANUAL_DIMENSIONS)[number];

export function isManualDimension(d: BoardDimension): d is ManualDimension {
  return (MANUAL_DIMENSIONS as readonly string[]).includes(d);
}

/** Dimensions whose classes a classification run computes (counted and compared run to run). */
export const CLASSIFIED_DIMENSIONS = ['segment', 'tier', 'matrix', 'lifecycle', 'churn', 'suggestedPriority'] as const;
export type ClassifiedDimension = (typeof CLASSIFIED_DIMENSIONS)[number];

/** Default R×F grid: GRID[r-1][f-1]. Every cell is set, every segment appears (tested). */
export const DEFAULT_SEGMENT_GRID: readonly (readonly RfmSegment[])[] = [
  // F=1          F=2            F=3                    F=4          F=5
  ['hibernating', 'hibernating', 'at_risk', 'at_risk', 'cant_lose'], // R=1
  ['hibernating', 'hibernating', 'at_risk', 'at_risk', 'cant_lose'], // R=2
  ['about_to_sleep', 'about_to_sleep', 'need_attention', 'loyal', 'loyal'], // R=3
  ['promising', 'potential_loyalists', 'potential_loyalists', 'loyal', 'loyal'], // R=4
  ['new', 'potential_loyalists', 'potential_loyalists', 'champions', 'champions'], // R=5
];
