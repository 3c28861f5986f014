import { DEFAULT_POOL_RULES, type PoolRules } from '../../../../shared/domain/pool';

/** The number fields of the pool rules form, each with its range (poolRulesSchema). */
export const POOL_NUMBER_LIMITS = {
  followupDays: { min: 1, max: 3650 },
  orderDays: { min: 1, max: 3650 },
  cap: { min: 1, max: 1_000_000 },
  coolingDays: { min: 0, max: 365 },
} as const;
export type PoolNumberField = keyof typeof POOL_NUMBER_LIMITS;

/** What the form edits: each rule's number, kept while its "Never" / "No cap" switch is on (switching back finds it). */
export interface PoolRulesValues {
  followupDays: number | null;
  followupNever: boolean;
  orderDays: number | null;
  orderNever: boolean;
  cap: number | null;
  noCap: boolean;
  wonOutsideCap: boolean;
  coolingDays: number | null;
}
export type PoolRulesErrors = Partial<Record<PoolNumberField, true>>;

export function valuesFromRules(r: PoolRules): PoolRulesValues {
  return {
    followupDays: r.returnAfterFollowupDays ?? DEFAULT_POOL_RULES.returnAfterFollowupDays,
    followupNever: r.returnAfterFollowupDays === null,
    orderDays: r.returnAfterOrderDays ?? DEFAULT_POOL_RULES.returnAfterOrderDays,
    orderNever: r.returnAfterOrderDays === null,
    cap: r.cap,
    noCap: r.cap === null,
    wonOutsideCap: r.wonOutsideCap,
    coolingDays: r.coolingDays,
  };
}

/** The rules to save, or the fields that are not a whole number in range (a switched-off rule's number is not checked). */
export function rulesFromValues(v: PoolRulesValues): { rules: PoolRules } | { bad: PoolNumberField[] } {
  const bad: PoolNumberField[] = [];
  const whole = (field: PoolNumberField, off: boolean): number | null => {
    if (off) return null;
    const n = v[field];
    const { min, max } = POOL_NUMBER_LIMITS[field];
    if (n === null || !Number.isInteger(n) || n < min || n > max) {
      bad.push(field);
      return null;
    }
    return n;
  };
  const rules: PoolRules = {
    returnAfterFollowupDays: whole('followupDays', v.followupNever),
    returnAfterOrderDays: whole('orderDays', v.orderNever),
    cap: whole('cap', v.noCap),
    wonOutsideCap: v.wonOutsideCap,
    coolingDays: whole('coolingDays', false) ?? 0,
  };
  return bad.length ? { bad } : { rules };
}

/** The form field an engine error path names ("returnAfterOrderDays" → orderDays). */
export function fieldOfPath(path: string): PoolNumberField | null {
  const last = path.split('.').pop() ?? '';
  const fields: Record<string, PoolNumberField> = {
    returnAfterFollowupDays: 'followupDays',
    returnAfterOrderDays: 'orderDays',
    cap: 'cap',
    coolingDays: 'coolingDays',
  };
  return fields[last] ?? null;
}

/** Equal as far as saving goes: a switched-off rule's number does not count. */
export function samePoolValues(a: PoolRulesValues, b: PoolRulesValues): boolean {
  const key = (v: PoolRulesValues) =>
    JSON.stringify([v.followupNever || v.followupDays, v.orderNever || v.orderDays, v.noCap || v.cap, v.wonOutsideCap, v.coolingDays]);
  return key(a) === key(b);
}
