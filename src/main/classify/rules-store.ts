import { classificationRulesSchema, DEFAULT_RULES, type ClassificationRules } from '../../shared/domain/classification';
import { AppError } from '../../shared/errors';
import type { ReadDb, WriteTx } from '../db/sql';

export interface StoredRules {
  /** 0 = the built-in defaults, never saved yet. */
  version: number;
  rules: ClassificationRules;
  savedAt: string | null;
}

/** The newest saved rule set (older versions stay, runs refer to them). */
export function currentRules(reader: ReadDb | WriteTx): StoredRules {
  const row = reader.first(
    reader.selectFrom('classification_rule_sets').select(['version', 'rules', 'created_at']).orderBy('version', 'desc').limit(1),
  );
  if (!row) return { version: 0, rules: DEFAULT_RULES, savedAt: null };
  return { version: row.version, rules: parseStoredRules(JSON.parse(row.rules)), savedAt: row.created_at };
}

/**
 * Rules saved by another app version: fields added since get their defaults and fields since
 * removed are dropped, so a saved 50/30 tier split survives an upgrade. Only a rule set that is
 * still invalid after that falls back to the defaults.
 */
export function parseStoredRules(stored: unknown): ClassificationRules {
  let value = stored;
  for (let attempt = 0; attempt < 10; attempt++) {
    const parsed = classificationRulesSchema.safeParse(value);
    if (parsed.success) return parsed.data;
    const unknown = parsed.error.issues.filter((i) => i.code === 'unrecognized_keys');
    if (!unknown.length || unknown.length !== parsed.error.issues.length) break;
    value = structuredClone(value);
    for (const issue of unknown) {
      let target: unknown = value;
      for (const key of issue.path) target = (target as Record<PropertyKey, unknown> | undefined)?.[key];
      if (target && typeof target === 'object') for (const key of issue.keys) delete (target as Record<string, unknown>)[key];
    }
  }
  return DEFAULT_RULES;
}

/** Saves a new version; baseVersion must be the version the editor started from. */
export function saveRules(tx: WriteTx, rules: ClassificationRules, baseVersion: number, now: string): number {
  const current = currentRules(tx);
  if (current.version !== baseVersion) {
    throw new AppError('CONFLICT', `the rules were changed elsewhere (version ${current.version}, editing ${baseVersion})`, {
      currentVersion: current.version,
    });
  }
  const checked = classificationRulesSchema.safeParse(rules);
  if (!checked.success) {
    throw new AppError('RULES_INVALID', 'the classification rules are not valid', {
      issues: checked.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    });
  }
  const version = current.version + 1;
  tx.run(tx.insertInto('classification_rule_sets').values({ version, rules: JSON.stringify(checked.data), created_at: now }));
  return version;
}

/** The version a run records: the current one, saving the defaults as version 1 the first time. */
export function rulesForRun(tx: WriteTx, now: string): { version: number; rules: ClassificationRules } {
  const current = currentRules(tx);
  if (current.version > 0) return current;
  tx.run(tx.insertInto('classification_rule_sets').values({ version: 1, rules: JSON.stringify(current.rules), created_at: now }));
  return { version: 1, rules: current.rules };
}

/** A segment's custom display name from the rules, or null for the built-in one (named by the renderer). */
export function segmentDisplayName(rules: ClassificationRules, segment: string): { en: string; zh: string } | null {
  const name = (rules.segmentNames as Record<string, { en: string; zh: string } | undefined>)[segment];
  return name && (name.en || name.zh) ? { en: name.en, zh: name.zh } : null;
}
