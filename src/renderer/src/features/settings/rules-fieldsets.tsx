import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RfmSegment, ValueTier } from '../../../../shared/domain/classification-enums';
import { numberText, parseNumber } from '../../lib/number-text';
import { NumberField } from './number-field';
import { RfmGridTable } from './rfm-grid-table';
import { RULE_LIMITS } from './rule-limits';
import type { RulesFieldErrors } from './rules-errors';
import type { NumberField as NumberKey, RulesFormValues } from './rules-form-values';
import { SegmentNamesTable } from './segment-names-table';
import { TierCheckboxes } from './tier-checkboxes';

export interface RulesFieldsProps {
  values: RulesFormValues;
  errors: RulesFieldErrors;
  setNumber: (key: NumberKey, value: string) => void;
  setGrid: (grid: RfmSegment[][]) => void;
  setSegmentName: (segment: RfmSegment, lang: 'en' | 'zh', value: string) => void;
  setTiers: (key: 'highValueTiers' | 'keyAccountTiers', tiers: ValueTier[]) => void;
}

/**
 * The analyst's settings (the R×F grid, segment names, potential weights) folded under
 * "Advanced": closed until opened, and opened by itself when a field inside needs correcting.
 */
function Advanced({ open, children }: { open: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(open);
  useEffect(() => {
    if (open) setShown(true);
  }, [open]);
  return (
    <details className="rules-advanced" open={shown} onToggle={(e) => setShown(e.currentTarget.open)}>
      <summary>{t('settings.rules.advanced')}</summary>
      {children}
    </details>
  );
}

type Unit = 'months' | 'percent' | 'points' | 'days' | 'inquiries' | 'times' | 'orders' | 'baseCurrency';

function Group({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  return (
    <fieldset className="form-section rules-group">
      <legend>{title}</legend>
      {intro ? <p className="field-hint rules-intro">{intro}</p> : null}
      {children}
    </fieldset>
  );
}

/** Every classification rule, in groups: RFM, value tiers, potential, matrix, churn, lifecycle. */
export function RulesFieldsets({ values, errors, setNumber, setGrid, setSegmentName, setTiers }: RulesFieldsProps) {
  const { t } = useTranslation();
  const num = (key: NumberKey, unit: Unit) => {
    const limit = RULE_LIMITS[key];
    return (
      <NumberField
        label={t(`settings.rules.fields.${key}`)}
        unit={t(`settings.rules.units.${unit}`)}
        hint={t(`settings.rules.hints.${key}`, { min: limit.min, max: limit.max })}
        error={errors[key]}
        invalid={key.startsWith('weight') && Boolean(errors.weights)}
        whole={limit.whole}
        value={values.numbers[key]}
        onValueChange={(v) => setNumber(key, v)}
      />
    );
  };

  const a = parseNumber(values.numbers.aSharePct);
  const b = parseNumber(values.numbers.bSharePct);
  const c = a !== null && b !== null ? 100 - a - b : null;
  const weights = [
    values.numbers.weightInquiries,
    values.numbers.weightScale,
    values.numbers.weightBuyerLevel,
    values.numbers.weightGrowth,
  ].map(parseNumber);
  const weightTotal = weights.every((w) => w !== null) ? weights.reduce<number>((s, w) => s + (w ?? 0), 0) : null;

  return (
    <>
      <Group title={t('settings.rules.groups.rfm')} intro={t('settings.rules.intros.rfm')}>
        <div className="rules-row">{num('rfmWindowMonths', 'months')}</div>
        <Advanced open={Boolean(errors.grid) || Object.keys(errors).some((k) => k.startsWith('segmentName'))}>
          <RfmGridTable grid={values.grid} names={values.segmentNames} error={errors.grid} onChange={setGrid} />
          <SegmentNamesTable names={values.segmentNames} errors={errors} onChange={setSegmentName} />
        </Advanced>
      </Group>

      <Group title={t('settings.rules.groups.tiers')} intro={t('settings.rules.intros.tiers')}>
        <div className="rules-row">
          {num('aSharePct', 'percent')}
          {num('bSharePct', 'percent')}
          <div className="field derived-field">
            <span className="field-label">{t('settings.rules.tierC')}</span>
            <span className="derived-value" aria-live="polite">
              {c === null
                ? t('common.notSet')
                : c > 0
                  ? t('settings.rules.tierCShare', { share: numberText(c) })
                  : t('settings.rules.tierCNone')}
            </span>
          </div>
          {num('tierWindowMonths', 'months')}
        </div>
      </Group>

      <Group title={t('settings.rules.groups.potential')} intro={t('settings.rules.intros.potential')}>
        <Advanced
          open={Boolean(errors.weights || errors.weightInquiries || errors.weightScale || errors.weightBuyerLevel || errors.weightGrowth)}
        >
          <div className="rules-row">
            {num('weightInquiries', 'points')}
            {num('weightScale', 'points')}
            {num('weightBuyerLevel', 'points')}
            {num('weightGrowth', 'points')}
          </div>
          <p className="field-hint" aria-live="polite">
            {weightTotal === null ? '' : t('settings.rules.weightTotal', { total: numberText(weightTotal) })}
          </p>
          {errors.weights ? <p className="field-error">{errors.weights}</p> : null}
        </Advanced>
        <div className="rules-row">
          {num('inquiryDays', 'days')}
          {num('inquiryCap', 'inquiries')}
          {num('highMin', 'points')}
        </div>
        <div className="rules-row">
          {num('pipelinePoints', 'points')}
          {num('pipelineFull', 'baseCurrency')}
        </div>
      </Group>

      <Group title={t('settings.rules.groups.matrix')} intro={t('settings.rules.intros.matrix')}>
        <TierCheckboxes
          legend={t('settings.rules.fields.highValueTiers')}
          hint={t('settings.rules.hints.highValueTiers')}
          error={errors.highValueTiers}
          value={values.highValueTiers}
          onChange={(tiers) => setTiers('highValueTiers', tiers)}
        />
      </Group>

      <Group title={t('settings.rules.groups.churn')} intro={t('settings.rules.intros.churn')}>
        <div className="rules-row">
          {num('warnMultiplier', 'times')}
          {num('lostMultiplier', 'times')}
          {num('minGapDays', 'days')}
          {num('fallbackGapDays', 'days')}
        </div>
      </Group>

      <Group title={t('settings.rules.groups.lifecycle')} intro={t('settings.rules.intros.lifecycle')}>
        <div className="rules-row">
          <TierCheckboxes
            legend={t('settings.rules.fields.keyAccountTiers')}
            hint={t('settings.rules.hints.keyAccountTiers')}
            error={errors.keyAccountTiers}
            value={values.keyAccountTiers}
            onChange={(tiers) => setTiers('keyAccountTiers', tiers)}
          />
          {num('keyAccountMinOrders', 'orders')}
        </div>
      </Group>
    </>
  );
}
