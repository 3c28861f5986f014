import type { NumberField } from './rules-form-values';

/**
 * The allowed range of each numeric rule, for hints and messages. The engine's
 * classificationRulesSchema (src/shared/domain/classification.ts) is what enforces them; keep
 * these in step with it. `exclusive` = strictly between min and max.
 */
export interface RuleLimit {
  min: number;
  max: number;
  whole: boolean;
  exclusive?: boolean;
}

export const RULE_LIMITS: Record<NumberField, RuleLimit> = {
  rfmWindowMonths: { min: 0, max: 240, whole: true },
  tierWindowMonths: { min: 1, max: 240, whole: true },
  aSharePct: { min: 0, max: 100, whole: false, exclusive: true },
  bSharePct: { min: 0, max: 100, whole: false, exclusive: true },
  weightInquiries: { min: 0, max: 100, whole: false },
  weightScale: { min: 0, max: 100, whole: false },
  weightBuyerLevel: { min: 0, max: 100, whole: false },
  weightGrowth: { min: 0, max: 100, whole: false },
  inquiryDays: { min: 1, max: 730, whole: true },
  inquiryCap: { min: 1, max: 100, whole: true },
  highMin: { min: 0, max: 100, whole: false },
  pipelinePoints: { min: 0, max: 100, whole: false },
  pipelineFull: { min: 1, max: 1_000_000_000_000, whole: false },
  warnMultiplier: { min: 1, max: 20, whole: false },
  lostMultiplier: { min: 1, max: 50, whole: false },
  minGapDays: { min: 1, max: 365, whole: true },
  fallbackGapDays: { min: 1, max: 3650, whole: true },
  keyAccountMinOrders: { min: 1, max: 1000, whole: true },
};

/** Longest segment name (as in the schema). */
export const SEGMENT_NAME_MAX = 40;

export function withinLimit(value: number, limit: RuleLimit): boolean {
  if (limit.whole && !Number.isInteger(value)) return false;
  return limit.exclusive ? value > limit.min && value < limit.max : value >= limit.min && value <= limit.max;
}
