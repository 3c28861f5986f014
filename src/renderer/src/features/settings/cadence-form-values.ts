import { cadenceRulesSchema, type CadenceRules } from '../../../../shared/domain/followups';
import { numberText, parseNumber } from '../../lib/number-text';

/** The inputs of the cadence form: one per value tier, then the two triggers. */
export const TIER_FIELDS = ['A', 'B', 'C', 'none'] as const;
export const TRIGGER_FIELDS = ['unansweredInquiryDays', 'quotationNoReplyDays'] as const;
export type CadenceField = (typeof TIER_FIELDS)[number] | (typeof TRIGGER_FIELDS)[number];

/** Whole days from 0 (off) to the most the engine accepts (cadenceRulesSchema). */
export const CADENCE_MAX: Record<CadenceField, number> = {
  A: 365,
  B: 365,
  C: 365,
  none: 365,
  unansweredInquiryDays: 60,
  quotationNoReplyDays: 60,
};

export type CadenceFormValues = Record<CadenceField, string>;
export type CadenceErrors = Partial<Record<CadenceField, true>>;

/** The rules the engine uses when none were saved. */
export const DEFAULT_CADENCE: CadenceRules = cadenceRulesSchema.parse({});

export function valuesFromRules(r: CadenceRules): CadenceFormValues {
  return {
    A: numberText(r.tierDays.A),
    B: numberText(r.tierDays.B),
    C: numberText(r.tierDays.C),
    none: numberText(r.tierDays.none),
    unansweredInquiryDays: numberText(r.unansweredInquiryDays),
    quotationNoReplyDays: numberText(r.quotationNoReplyDays),
  };
}

/** The rules to save, or the fields that are not a whole number of days in range. */
export function rulesFromValues(v: CadenceFormValues): { rules: CadenceRules } | { bad: CadenceField[] } {
  const bad: CadenceField[] = [];
  const day = (field: CadenceField): number => {
    const n = parseNumber(v[field]);
    if (n === null || !Number.isInteger(n) || n < 0 || n > CADENCE_MAX[field]) {
      bad.push(field);
      return 0;
    }
    return n;
  };
  const rules: CadenceRules = {
    tierDays: { A: day('A'), B: day('B'), C: day('C'), none: day('none') },
    unansweredInquiryDays: day('unansweredInquiryDays'),
    quotationNoReplyDays: day('quotationNoReplyDays'),
  };
  return bad.length ? { bad } : { rules };
}

/** The form field an engine error path names ("tierDays.B" → B). */
export function fieldOfPath(path: string): CadenceField | null {
  const last = path.split('.').pop() ?? '';
  return (TIER_FIELDS as readonly string[]).includes(last) || (TRIGGER_FIELDS as readonly string[]).includes(last)
    ? (last as CadenceField)
    : null;
}

/** Equal as far as saving goes ("14" and " 14" are the same). */
export function sameCadenceValues(a: CadenceFormValues, b: CadenceFormValues): boolean {
  const norm = (s: string) => {
    const n = parseNumber(s);
    return n === null ? s.trim() : String(n);
  };
  return [...TIER_FIELDS, ...TRIGGER_FIELDS].every((f) => norm(a[f]) === norm(b[f]));
}
