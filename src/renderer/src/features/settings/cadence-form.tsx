import { Button } from 'antd';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CadenceRules } from '../../../../shared/domain/followups';
import { useNotices } from '../../app/notice-context';
import { formKeyHandler } from '../../components/form-keys';
import { useFocusFirstInvalid } from '../../components/use-focus-first-invalid';
import { invalidFields } from '../../lib/invalid-fields';
import { call, toIpcError } from '../../lib/ipc';
import {
  CADENCE_MAX,
  DEFAULT_CADENCE,
  TIER_FIELDS,
  TRIGGER_FIELDS,
  fieldOfPath,
  rulesFromValues,
  sameCadenceValues,
  valuesFromRules,
  type CadenceErrors,
  type CadenceField,
  type CadenceFormValues,
} from './cadence-form-values';
import { NumberField } from './number-field';
import { FormActions } from '../../components/form-actions';

interface Props {
  rules: CadenceRules;
  onDirtyChange: (dirty: boolean) => void;
  /** Escape / Discard changes (the section asks first when there are changes). */
  onDiscard: () => void;
  onSaved: (rules: CadenceRules) => void;
}

/** Days between touches per value tier and the two triggers; Save sends cadence.save. */
export function CadenceForm({ rules, onDirtyChange, onDiscard, onSaved }: Props) {
  const { t } = useTranslation();
  const notices = useNotices();
  const form = useRef<HTMLFormElement>(null);
  const initial = useMemo(() => valuesFromRules(rules), [rules]);
  const defaults = useMemo(() => valuesFromRules(DEFAULT_CADENCE), []);
  const [values, setValues] = useState<CadenceFormValues>(initial);
  const [errors, setErrors] = useState<CadenceErrors>({});
  const [summary, setSummary] = useState('');
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  useFocusFirstInvalid(form, attempt);

  const dirty = !sameCadenceValues(values, initial);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);

  const set = (field: CadenceField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => {
      if (!e[field]) return e;
      const next = { ...e };
      delete next[field];
      return next;
    });
  };

  const fail = (bad: CadenceField[]) => {
    setErrors(Object.fromEntries(bad.map((f) => [f, true])));
    setSummary(t('cadence.notSaved'));
    setAttempt((n) => n + 1);
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving) return;
    const parsed = rulesFromValues(values);
    if ('bad' in parsed) return fail(parsed.bad);
    setSummary('');
    if (!dirty) {
      notices.announce(t('cadence.noChanges'));
      return;
    }
    setSaving(true);
    notices.clearError();
    try {
      const saved = await call('cadence.save', parsed.rules);
      setErrors({});
      onSaved(saved);
    } catch (err) {
      const error = toIpcError(err);
      const bad = invalidFields(error)
        .map((f) => fieldOfPath(f.path))
        .filter((f): f is CadenceField => f !== null);
      if (bad.length) fail(bad);
      else notices.showError(error);
    } finally {
      setSaving(false);
    }
  };

  const field = (key: CadenceField, hint: string) => (
    <NumberField
      key={key}
      label={t(`cadence.fields.${key}`)}
      unit={t('cadence.unit')}
      hint={hint}
      error={errors[key] ? t('cadence.range', { min: 0, max: CADENCE_MAX[key] }) : undefined}
      whole
      value={values[key]}
      onValueChange={(v) => set(key, v)}
    />
  );

  return (
    <form
      ref={form}
      className="form cadence-form"
      noValidate
      aria-label={t('cadence.formLabel')}
      onSubmit={(e) => void submit(e)}
      onKeyDown={formKeyHandler(onDiscard)}
    >
      <fieldset className="form-section cadence-group">
        <legend>{t('cadence.tiersLegend')}</legend>
        <p className="field-hint">{t('cadence.tiersHint')}</p>
        <div className="rules-row">{TIER_FIELDS.map((key) => field(key, t('cadence.hints.tier', { max: CADENCE_MAX[key] })))}</div>
      </fieldset>
      <fieldset className="form-section cadence-group">
        <legend>{t('cadence.triggersLegend')}</legend>
        <div className="rules-row">{TRIGGER_FIELDS.map((key) => field(key, t(`cadence.hints.${key}`, { max: CADENCE_MAX[key] })))}</div>
      </fieldset>
      <p role="alert" className="inline-error form-summary">
        {summary}
      </p>
      <FormActions
        className="settings-actions"
        dirty={dirty}
        saving={saving}
        cancelLabel={t('settings.discard')}
        saveLabel={t('cadence.save')}
        onCancel={onDiscard}
        before={
          <>
            <Button
              onClick={() => {
                setValues(defaults);
                setErrors({});
                setSummary('');
                notices.announce(t('cadence.defaultsFilled'));
              }}
              disabled={saving || sameCadenceValues(values, defaults)}
            >
              {t('cadence.resetDefaults')}
            </Button>
          </>
        }
      />
    </form>
  );
}
