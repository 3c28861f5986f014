import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { VALUE_TIERS, type ValueTier } from '../../../../shared/domain/classification-enums';
import { sortTiers } from './rules-form-values';

interface Props {
  legend: string;
  hint?: string;
  error?: string;
  value: ValueTier[];
  onChange: (tiers: ValueTier[]) => void;
}

/** A group of A / B / C checkboxes (a fieldset, so the legend names the group). */
export function TierCheckboxes({ legend, hint, error, value, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const toggle = (tier: ValueTier, on: boolean) => onChange(sortTiers(on ? [...value, tier] : value.filter((x) => x !== tier)));
  return (
    <fieldset className="tier-checkboxes" aria-describedby={describedBy}>
      <legend className="field-label">{legend}</legend>
      <div className="tier-options">
        {VALUE_TIERS.map((tier) => (
          <label key={tier} className="field-checkbox">
            <input
              type="checkbox"
              checked={value.includes(tier)}
              aria-invalid={error ? true : undefined}
              onChange={(e) => toggle(tier, e.target.checked)}
            />
            {t(`enums.tier.${tier}`)}
          </label>
        ))}
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
