import { Button } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSIGNMENT_RULE_KINDS, type AssignmentRuleKind } from '../../../../shared/domain/assignment';
import type { AssignmentArea } from '../../../../shared/ipc/channels/assignment';
import { SelectField } from '../../components/select-field';
import type { SearchOption } from '../../components/search-select';
import { countriesByName, regionName } from '../../i18n/region-names';
import { MultiSelectField } from './multi-select-field';
import type { RuleDraft } from './rules-draft';
import { ruleText } from './rule-text';

interface Props {
  rule: RuleDraft;
  index: number;
  count: number;
  areas: readonly AssignmentArea[];
  staff: readonly string[];
  disabled: boolean;
  errors: { values?: boolean; people?: boolean };
  onChange: (rule: RuleDraft) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}

const isChinese = (lang: string) => lang.toLowerCase().startsWith('zh');

/** The values a kind offers: countries by name ("Germany (DE)"), continents and regions, or free text. */
function useValueOptions(kind: AssignmentRuleKind, areas: readonly AssignmentArea[], chosen: readonly string[]): SearchOption[] {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return useMemo(() => {
    if (kind === 'country')
      return countriesByName(lang).map((c) => ({
        value: c.code,
        label: `${c.name} (${c.code})`,
        keywords: `${regionName(c.code, 'en')} ${regionName(c.code, 'zh-CN')} ${c.code}`,
      }));
    if (kind === 'region')
      return areas.map((a) => ({
        value: a.code,
        label: isChinese(lang) ? a.name.zh : a.name.en,
        keywords: `${a.name.en} ${a.name.zh} ${a.code}`,
      }));
    return chosen.map((v) => ({ value: v, label: v }));
  }, [kind, areas, chosen, lang]);
}

/** One rule of the ordered list: what it matches, whom it gives customers to; moved and removed by its buttons. */
export function RuleItem({ rule, index, count, areas, staff, disabled, errors, onChange, onMove, onRemove }: Props) {
  const { t, i18n } = useTranslation();
  const valueOptions = useValueOptions(rule.kind, areas, rule.values);
  const peopleOptions = useMemo(
    () => [...staff, ...rule.people.filter((p) => !staff.includes(p))].map((p) => ({ value: p, label: p })),
    [staff, rule.people],
  );
  const areaNames = rule.kind === 'region' ? rule.values.map((v) => valueOptions.find((o) => o.value === v)?.label ?? v) : undefined;
  const summary = rule.values.length
    ? ruleText(t, i18n.language, { kind: rule.kind, values: rule.values, roundRobin: rule.people.length > 1 }, areaNames)
    : t(`assignment.kinds.${rule.kind}`);
  const n = index + 1;
  const heading = t('assignment.ruleLabel', { n, rule: summary });
  return (
    <li className="assignment-rule" aria-label={heading} data-rule-id={rule.id}>
      <h4 className="assignment-rule-title">{heading}</h4>
      <div className="assignment-rule-fields">
        <SelectField
          label={t('assignment.kind')}
          className="assignment-kind"
          value={rule.kind}
          options={ASSIGNMENT_RULE_KINDS.map((k) => ({ value: k, label: t(`assignment.kinds.${k}`) }))}
          onValueChange={(kind) => onChange({ ...rule, kind: kind as AssignmentRuleKind, values: [] })}
          disabled={disabled}
        />
        <MultiSelectField
          label={t('assignment.values')}
          hint={t(`assignment.valuesHint.${rule.kind}`)}
          className="assignment-values"
          values={rule.values}
          options={valueOptions}
          free={rule.kind === 'industry' || rule.kind === 'product'}
          onValuesChange={(values) => onChange({ ...rule, values })}
          error={errors.values ? t('assignment.needValues') : undefined}
          disabled={disabled}
        />
        <MultiSelectField
          label={t('assignment.people')}
          hint={t('assignment.peopleHint')}
          className="assignment-people"
          values={rule.people}
          options={peopleOptions}
          onValuesChange={(people) => onChange({ ...rule, people })}
          error={errors.people ? t('assignment.needPeople') : undefined}
          notFound={t('assignment.noStaff')}
          disabled={disabled}
        />
      </div>
      <div className="assignment-rule-actions">
        <Button
          size="small"
          onClick={() => onMove(index - 1)}
          disabled={disabled || index === 0}
          aria-label={`${t('assignment.moveUp')} · ${t('assignment.rule', { n })}`}
        >
          {t('assignment.moveUp')}
        </Button>
        <Button
          size="small"
          onClick={() => onMove(index + 1)}
          disabled={disabled || index === count - 1}
          aria-label={`${t('assignment.moveDown')} · ${t('assignment.rule', { n })}`}
        >
          {t('assignment.moveDown')}
        </Button>
        <Button
          size="small"
          danger
          onClick={onRemove}
          disabled={disabled}
          aria-label={`${t('assignment.remove')} · ${t('assignment.rule', { n })}`}
        >
          {t('assignment.remove')}
        </Button>
      </div>
    </li>
  );
}
