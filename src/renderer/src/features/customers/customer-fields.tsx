import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BUSINESS_TYPES, LIFECYCLE_STAGES, PRIORITIES, SCALES, type LifecycleStage } from '../../../../shared/domain/customer-enums';
import { useCountryOptions } from '../../components/country-options';
import { SelectField } from '../../components/select-field';
import { SuggestField } from '../../components/suggest-field';
import { TextAreaField } from '../../components/textarea-field';
import { TextField } from '../../components/text-field';
import type { CustomerFormValues } from './customer-form-values';
import { useCustomerFacets } from '../../lib/use-customer-facets';
import { useOwners } from '../../lib/use-owners';

interface Props {
  values: CustomerFormValues;
  onChange: (key: keyof CustomerFormValues, value: string) => void;
  /** Localized problems by field name. */
  errors: Partial<Record<keyof CustomerFormValues, string>>;
  /** The derived stage, shown when editing so the override choice has context; omitted when creating. */
  derivedStage?: LifecycleStage;
  /** When editing: the computed potential score (null when an override hides it); omitted when creating. */
  computedPotential?: number | null;
}

/** The customer fields shared by the New customer dialog and the Edit form. */
export function CustomerFields({ values, onChange, errors, derivedStage, computedPotential }: Props) {
  const { t } = useTranslation();
  const facets = useCustomerFacets('all');
  const owners = useOwners();
  const industries = useMemo(() => Object.keys(facets.data?.industries ?? {}).filter(Boolean), [facets.data]);

  const countryOptions = useCountryOptions(values.country);

  const none = { value: '', label: t('fields.noChoice') };
  const businessTypes = [none, ...BUSINESS_TYPES.map((v) => ({ value: v, label: t(`enums.businessType.${v}`) }))];
  const scales = [none, ...SCALES.map((v) => ({ value: v, label: t(`enums.scale.${v}`) }))];
  const priorities = [none, ...PRIORITIES.map((v) => ({ value: v, label: t(`enums.priority.${v}`) }))];
  const stages = derivedStage
    ? [
        { value: '', label: t('fields.lifecycleAutomatic', { stage: t(`enums.lifecycle.${derivedStage}`) }) },
        ...LIFECYCLE_STAGES.map((v) => ({ value: v, label: t(`enums.lifecycle.${v}`) })),
      ]
    : null;

  return (
    <div className="form-grid">
      <TextField
        className="span-2"
        label={t('fields.company')}
        required
        value={values.company}
        onValueChange={(v) => onChange('company', v)}
        error={errors.company}
        maxLength={300}
        autoComplete="organization"
      />
      <SelectField
        search
        label={t('fields.country')}
        value={values.country}
        options={countryOptions}
        onValueChange={(v) => onChange('country', v)}
        error={errors.country}
      />
      <TextField
        label={t('fields.city')}
        value={values.city}
        onValueChange={(v) => onChange('city', v)}
        error={errors.city}
        maxLength={120}
      />
      <TextField
        label={t('fields.website')}
        value={values.website}
        onValueChange={(v) => onChange('website', v)}
        error={errors.website}
        maxLength={300}
        inputMode="url"
        placeholder="example.com"
      />
      <SuggestField
        label={t('fields.industry')}
        value={values.industry}
        onValueChange={(v) => onChange('industry', v)}
        error={errors.industry}
        maxLength={120}
        suggestions={industries}
      />
      <SelectField
        label={t('fields.businessType')}
        value={values.businessType}
        options={businessTypes}
        onValueChange={(v) => onChange('businessType', v)}
        error={errors.businessType}
      />
      <SelectField
        label={t('fields.scale')}
        value={values.scale}
        options={scales}
        onValueChange={(v) => onChange('scale', v)}
        error={errors.scale}
      />
      <TextField
        label={t('fields.source')}
        value={values.source}
        onValueChange={(v) => onChange('source', v)}
        error={errors.source}
        maxLength={120}
        placeholder={t('fields.sourcePlaceholder')}
      />
      <SuggestField
        label={t('fields.owner')}
        value={values.owner}
        onValueChange={(v) => onChange('owner', v)}
        error={errors.owner}
        maxLength={120}
        suggestions={owners}
      />
      <SelectField
        label={t('fields.priority')}
        value={values.priority}
        options={priorities}
        onValueChange={(v) => onChange('priority', v)}
        error={errors.priority}
      />
      {stages ? (
        <SelectField
          label={t('fields.lifecycleOverride')}
          value={values.lifecycleOverride}
          options={stages}
          onValueChange={(v) => onChange('lifecycleOverride', v)}
          error={errors.lifecycleOverride}
        />
      ) : null}
      {computedPotential !== undefined ? (
        <TextField
          label={t('fields.potentialOverride')}
          hint={t('fields.potentialOverrideHint')}
          value={values.potentialOverride}
          onValueChange={(v) => onChange('potentialOverride', v)}
          error={errors.potentialOverride}
          inputMode="numeric"
          maxLength={3}
          placeholder={computedPotential === null ? undefined : String(computedPotential)}
        />
      ) : null}
      <TextField
        className="span-2"
        label={t('fields.tags')}
        hint={t('fields.tagsHint')}
        value={values.tags}
        onValueChange={(v) => onChange('tags', v)}
        error={errors.tags}
      />
      <TextAreaField
        className="span-2"
        label={t('fields.notes')}
        value={values.notes}
        onValueChange={(v) => onChange('notes', v)}
        error={errors.notes}
        rows={3}
        maxLength={20000}
      />
    </div>
  );
}
