import type { ClassificationRules } from '../../../../shared/domain/classification';
import { RFM_SEGMENTS, VALUE_TIERS, type RfmSegment, type ValueTier } from '../../../../shared/domain/classification-enums';
import { numberText, parseNumber } from '../../lib/number-text';

/** The numeric rule fields, edited as text (percentages for the tier shares). */
export const NUMBER_FIELDS = [
  'rfmWindowMonths',
  'tierWindowMonths',
  'aSharePct',
  'bSharePct',
  'weightInquiries',
  'weightScale',
  'weightBuyerLevel',
  'weightGrowth',
  'inquiryDays',
  'inquiryCap',
  'highMin',
  'pipelinePoints',
  'pipelineFull',
  'warnMultiplier',
  'lostMultiplier',
  'minGapDays',
  'fallbackGapDays',
  'keyAccountMinOrders',
] as const;
export type NumberField = (typeof NUMBER_FIELDS)[number];

export type SegmentNameValues = Record<RfmSegment, { en: string; zh: string }>;

export interface RulesFormValues {
  numbers: Record<NumberField, string>;
  /** grid[r-1][f-1], as in the rules. */
  grid: RfmSegment[][];
  segmentNames: SegmentNameValues;
  highValueTiers: ValueTier[];
  keyAccountTiers: ValueTier[];
}

/** Where a form value sits in the rules (for engine-reported problems); weights are one group too. */
export type RulesFieldKey =
  NumberField | 'weights' | 'highValueTiers' | 'keyAccountTiers' | 'grid' | `segmentName.${RfmSegment}.${'en' | 'zh'}`;

export const RULE_PATHS: Record<string, RulesFieldKey> = {
  'rfm.windowMonths': 'rfmWindowMonths',
  'rfm.grid': 'grid',
  'tiers.windowMonths': 'tierWindowMonths',
  'tiers.aShare': 'aSharePct',
  'tiers.bShare': 'bSharePct',
  'potential.weights': 'weights',
  'potential.weights.inquiries': 'weightInquiries',
  'potential.weights.scale': 'weightScale',
  'potential.weights.buyerLevel': 'weightBuyerLevel',
  'potential.weights.growth': 'weightGrowth',
  'potential.inquiryDays': 'inquiryDays',
  'potential.inquiryCap': 'inquiryCap',
  'potential.highMin': 'highMin',
  'potential.pipelinePoints': 'pipelinePoints',
  'potential.pipelineFull': 'pipelineFull',
  'matrix.highValueTiers': 'highValueTiers',
  'churn.warnMultiplier': 'warnMultiplier',
  'churn.lostMultiplier': 'lostMultiplier',
  'churn.minGapDays': 'minGapDays',
  'churn.fallbackGapDays': 'fallbackGapDays',
  'lifecycle.keyAccountTiers': 'keyAccountTiers',
  'lifecycle.keyAccountMinOrders': 'keyAccountMinOrders',
};

const percent = (share: number) => numberText(share * 100);

export function valuesFromRules(rules: ClassificationRules): RulesFormValues {
  const names = Object.fromEntries(
    RFM_SEGMENTS.map((s) => [s, { en: rules.segmentNames[s]?.en ?? '', zh: rules.segmentNames[s]?.zh ?? '' }]),
  ) as SegmentNameValues;
  return {
    numbers: {
      rfmWindowMonths: numberText(rules.rfm.windowMonths),
      tierWindowMonths: numberText(rules.tiers.windowMonths),
      aSharePct: percent(rules.tiers.aShare),
      bSharePct: percent(rules.tiers.bShare),
      weightInquiries: numberText(rules.potential.weights.inquiries),
      weightScale: numberText(rules.potential.weights.scale),
      weightBuyerLevel: numberText(rules.potential.weights.buyerLevel),
      weightGrowth: numberText(rules.potential.weights.growth),
      inquiryDays: numberText(rules.potential.inquiryDays),
      inquiryCap: numberText(rules.potential.inquiryCap),
      highMin: numberText(rules.potential.highMin),
      pipelinePoints: numberText(rules.potential.pipelinePoints),
      pipelineFull: numberText(rules.potential.pipelineFull),
      warnMultiplier: numberText(rules.churn.warnMultiplier),
      lostMultiplier: numberText(rules.churn.lostMultiplier),
      minGapDays: numberText(rules.churn.minGapDays),
      fallbackGapDays: numberText(rules.churn.fallbackGapDays),
      keyAccountMinOrders: numberText(rules.lifecycle.keyAccountMinOrders),
    },
    grid: rules.rfm.grid.map((row) => [...row]),
    segmentNames: names,
    highValueTiers: sortTiers(rules.matrix.highValueTiers),
    keyAccountTiers: sortTiers(rules.lifecycle.keyAccountTiers),
  };
}

export function sortTiers(tiers: readonly ValueTier[]): ValueTier[] {
  return VALUE_TIERS.filter((t) => tiers.includes(t));
}

/** The form as rules, or the number fields that are not numbers. Ranges are the engine's to check. */
export function rulesFromValues(v: RulesFormValues): { rules: ClassificationRules } | { notNumbers: NumberField[] } {
  const n = {} as Record<NumberField, number>;
  const notNumbers: NumberField[] = [];
  for (const key of NUMBER_FIELDS) {
    const parsed = parseNumber(v.numbers[key]);
    if (parsed === null) notNumbers.push(key);
    else n[key] = parsed;
  }
  if (notNumbers.length) return { notNumbers };
  const segmentNames: ClassificationRules['segmentNames'] = {};
  for (const s of RFM_SEGMENTS) {
    const en = v.segmentNames[s].en.trim();
    const zh = v.segmentNames[s].zh.trim();
    if (en || zh) segmentNames[s] = { en, zh };
  }
  return {
    rules: {
      rfm: { windowMonths: n.rfmWindowMonths, grid: v.grid.map((row) => [...row]) },
      segmentNames,
      tiers: { windowMonths: n.tierWindowMonths, aShare: n.aSharePct / 100, bShare: n.bSharePct / 100 },
      potential: {
        inquiryDays: n.inquiryDays,
        inquiryCap: n.inquiryCap,
        weights: { inquiries: n.weightInquiries, scale: n.weightScale, buyerLevel: n.weightBuyerLevel, growth: n.weightGrowth },
        highMin: n.highMin,
        pipelinePoints: n.pipelinePoints,
        pipelineFull: n.pipelineFull,
      },
      matrix: { highValueTiers: sortTiers(v.highValueTiers) },
      churn: {
        warnMultiplier: n.warnMultiplier,
        lostMultiplier: n.lostMultiplier,
        minGapDays: n.minGapDays,
        fallbackGapDays: n.fallbackGapDays,
      },
      lifecycle: { keyAccountTiers: sortTiers(v.keyAccountTiers), keyAccountMinOrders: n.keyAccountMinOrders },
    },
  };
}

/** Equal as far as saving goes (the rules each makes; whitespace in names aside). */
export function sameValues(a: RulesFormValues, b: RulesFormValues): boolean {
  const ra = rulesFromValues(a);
  const rb = rulesFromValues(b);
  if ('rules' in ra && 'rules' in rb) return JSON.stringify(ra.rules) === JSON.stringify(rb.rules);
  return JSON.stringify(a) === JSON.stringify(b);
}
