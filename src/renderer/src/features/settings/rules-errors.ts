import type { TFunction } from 'i18next';
import { invalidFields, type InvalidField } from '../../lib/invalid-fields';
import type { IpcError } from '../../lib/ipc';
import { parseNumber } from '../../lib/number-text';
import { RULE_LIMITS, SEGMENT_NAME_MAX, withinLimit } from './rule-limits';
import { NUMBER_FIELDS, RULE_PATHS, type NumberField, type RulesFieldKey, type RulesFormValues } from './rules-form-values';

export type RulesFieldErrors = Partial<Record<RulesFieldKey, string>>;

function isNumberField(key: string): key is NumberField {
  return (NUMBER_FIELDS as readonly string[]).includes(key);
}

/** "Enter a whole number from 1 to 240." and the like, from the field's limits. */
export function rangeText(t: TFunction, field: NumberField): string {
  const limit = RULE_LIMITS[field];
  if (limit.exclusive) return t('settings.rules.errors.percentRange');
  return t(limit.whole ? 'settings.rules.errors.wholeRange' : 'settings.rules.errors.numberRange', { min: limit.min, max: limit.max });
}

/** The problems an engine error (INVALID_INPUT of classify.saveRules, or RULES_INVALID) reports, by rule path. */
function ruleProblems(error: IpcError): InvalidField[] {
  if (error.code === 'INVALID_INPUT') {
    return invalidFields(error)
      .filter((f) => f.path.startsWith('rules.'))
      .map((f) => ({ path: f.path.slice('rules.'.length), message: f.message }));
  }
  if (error.code === 'RULES_INVALID' && error.details && typeof error.details === 'object' && 'issues' in error.details) {
    const issues = (error.details as { issues: unknown }).issues;
    if (Array.isArray(issues)) {
      return issues.flatMap((i: unknown) =>
        i && typeof i === 'object' && 'path' in i
          ? [{ path: String((i as { path: unknown }).path), message: String((i as { message?: unknown }).message ?? '') }]
          : [],
      );
    }
  }
  return [];
}

/** Where a rule path is shown in the form: "tiers.bShare" → bSharePct, "segmentNames.loyal.zh" → that name's input. */
function fieldOf(path: string): RulesFieldKey | null {
  const exact = RULE_PATHS[path];
  if (exact) return exact;
  const parts = path.split('.');
  if (parts[0] === 'segmentNames' && parts.length >= 3 && (parts[2] === 'en' || parts[2] === 'zh')) {
    return `segmentName.${parts[1]}.${parts[2]}` as RulesFieldKey;
  }
  for (let n = parts.length - 1; n > 0; n--) {
    const found = RULE_PATHS[parts.slice(0, n).join('.')];
    if (found) return found;
  }
  return null;
}

/**
 * Localized messages next to the fields the engine rejected. A cross-field rule (A + B shares,
 * lost > warning multiple, some weight above zero) is told apart from a range problem by
 * whether the field's own value is in range.
 */
export function rulesFieldErrors(t: TFunction, error: IpcError, values: RulesFormValues): { fields: RulesFieldErrors; unplaced: number } {
  const fields: RulesFieldErrors = {};
  let unplaced = 0;
  for (const problem of ruleProblems(error)) {
    const key = fieldOf(problem.path);
    if (!key) {
      unplaced++;
      continue;
    }
    if (fields[key]) continue;
    if (isNumberField(key)) {
      const value = parseNumber(values.numbers[key]);
      const inRange = value !== null && withinLimit(value, RULE_LIMITS[key]);
      if (key === 'bSharePct' && inRange) fields[key] = t('settings.rules.errors.sharesTooLarge');
      else if (key === 'lostMultiplier' && inRange) fields[key] = t('settings.rules.errors.lostNotAboveWarn');
      else fields[key] = rangeText(t, key);
    } else if (key === 'weights') fields.weights = t('settings.rules.errors.weightsZero');
    else if (key === 'highValueTiers' || key === 'keyAccountTiers') fields[key] = t('settings.rules.errors.chooseTier');
    else if (key === 'grid') fields.grid = t('fieldErrors.invalid');
    else fields[key] = t('settings.rules.errors.nameTooLong', { max: SEGMENT_NAME_MAX });
  }
  return { fields, unplaced };
}
