import type { TFunction } from 'i18next';
import type { AssignmentActivity, AssignmentRuleKind } from '../../../../shared/domain/assignment';
import { regionName } from '../../i18n/region-names';

const isChinese = (lang: string) => lang.toLowerCase().startsWith('zh');

/** A rule's values as shown: countries by code in English ("DE, FR") and by name in Chinese ("德国、法国"); regions by name. */
function valuesText(
  t: TFunction,
  lang: string,
  kind: AssignmentRuleKind,
  values: readonly string[],
  areaNames?: readonly string[],
): string {
  const shown = values.map((v, i) => {
    if (kind === 'country') return isChinese(lang) ? regionName(v, lang) : v;
    if (kind === 'region') return areaNames?.[i] ?? v;
    return v;
  });
  return shown.join(t('assignment.describe.separator'));
}

/** "Country: DE, FR (round-robin)" / "国家：德国、法国（轮流分配）". */
export function ruleText(
  t: TFunction,
  lang: string,
  rule: { kind: AssignmentRuleKind; values: readonly string[]; roundRobin: boolean },
  areaNames?: readonly string[],
): string {
  const text = t('assignment.describe.rule', {
    kind: t(`assignment.kinds.${rule.kind}`),
    values: valuesText(t, lang, rule.kind, rule.values, areaNames),
  });
  return rule.roundRobin ? t('assignment.describe.roundRobin', { rule: text }) : text;
}

/**
 * The timeline's line of an assignment: "Assigned to Li Na by the rule Country: DE, FR (round-robin)",
 * "Assigned to Li Na: same buyer as Acme GmbH (same company domain)", "…: no rule matched".
 */
export function assignmentLine(t: TFunction, lang: string, data: AssignmentActivity): string {
  const owner = data.to;
  const rule = data.rule;
  switch (rule.kind) {
    case 'rule': {
      const names = data.names ? (isChinese(lang) ? data.names.zh : data.names.en) : undefined;
      return t('assignment.timeline.byRule', {
        owner,
        rule: ruleText(t, lang, { kind: rule.ruleKind, values: rule.values, roundRobin: rule.roundRobin }, names),
      });
    }
    case 'sameBuyer':
      return t('assignment.timeline.sameBuyer', { owner, company: rule.company, key: t(`assignment.timeline.keys.${rule.by}`) });
    case 'fallback':
      return t(rule.roundRobin ? 'assignment.timeline.fallbackRoundRobin' : 'assignment.timeline.fallback', { owner });
    case 'pool':
      return owner;
  }
}
