import { Switch } from 'antd';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PoolRules } from '../../../../shared/domain/pool';
import { useNotices } from '../../app/notice-context';
import { FormActions } from '../../components/form-actions';
import { formKeyHandler } from '../../components/form-keys';
import { useFocusFirstInvalid } from '../../components/use-focus-first-invalid';
import { invalidFields } from '../../lib/invalid-fields';
import { call, toIpcError } from '../../lib/ipc';
import { RuleNumber } from './rule-number';
import '../../styles/pool.css';
import {
  fieldOfPath,
  POOL_NUMBER_LIMITS,
  rulesFromValues,
  samePoolValues,
  valuesFromRules,
  type PoolNumberField,
  type PoolRulesErrors,
  type PoolRulesValues,
} from './rules-values';

interface Props {
  rules: PoolRules;
  /** Whether this user may change them (a manager or an admin in a team; anyone on their own). */
  canEdit: boolean;
  onDirtyChange: (dirty: boolean) => void;
  /** Escape / Discard changes (the section asks first when there are changes). */
  onDiscard: () => void;
  onSaved: (rules: PoolRules) => void;
}

/** The pool rules: when an owned customer returns to the pool, the cap, the cooling-off; Save sends pool.saveRules. */
export function PoolRulesForm({ rules, canEdit, onDirtyChange, onDiscard, onSaved }: Props) {
  const { t } = useTranslation();
  const notices = useNotices();
  const form = useRef<HTMLFormElement>(null);
  const wonId = useId();
  const initial = useMemo(() => valuesFromRules(rules), [rules]);
  const [values, setValues] = useState<PoolRulesValues>(initial);
  const [errors, setErrors] = useState<PoolRulesErrors>({});
  const [summary, setSummary] = useState('');
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  useFocusFirstInvalid(form, attempt);

  const dirty = !samePoolValues(values, initial);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);

  const set = <K extends keyof PoolRulesValues>(key: K, value: PoolRulesValues[K], clears?: PoolNumberField) => {
    setValues((v) => ({ ...v, [key]: value }));
    const field = clears ?? (key in POOL_NUMBER_LIMITS ? (key as PoolNumberField) : null);
    if (field)
      setErrors((e) => {
        if (!e[field]) return e;
        const next = { ...e };
        delete next[field];
        return next;
      });
  };

  const fail = (bad: PoolNumberField[]) => {
    setErrors(Object.fromEntries(bad.map((f) => [f, true])));
    setSummary(t('pool.rules.notSaved'));
    setAttempt((n) => n + 1);
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving || !canEdit) return;
    const parsed = rulesFromValues(values);
    if ('bad' in parsed) return fail(parsed.bad);
    setSummary('');
    if (!dirty) {
      notices.announce(t('pool.rules.noChanges'));
      return;
    }
    setSaving(true);
    notices.clearError();
    try {
      const saved = await call('pool.saveRules', parsed.rules);
      setErrors({});
      onSaved(saved.rules);
    } catch (err) {
      const error = toIpcError(err);
      const bad = invalidFields(error)
        .map((f) => fieldOfPath(f.path))
        .filter((f): f is PoolNumberField => f !== null);
      if (bad.length) fail(bad);
      else notices.showError(error);
    } finally {
      setSaving(false);
    }
  };

  const range = (field: PoolNumberField, key: 'range' | 'capRange' | 'coolingRange') =>
    errors[field] ? t(`pool.rules.${key}`, POOL_NUMBER_LIMITS[field]) : undefined;
  const locked = !canEdit || saving;

  return (
    <form
      ref={form}
      className="form pool-rules-form"
      noValidate
      aria-label={t('pool.rules.formLabel')}
      onSubmit={(e) => void submit(e)}
      onKeyDown={formKeyHandler(onDiscard)}
    >
      <fieldset className="form-section pool-rules-group">
        <legend>{t('pool.rules.returnLegend')}</legend>
        <RuleNumber
          label={t('pool.rules.followup')}
          hint={t('pool.rules.followupHint')}
          error={range('followupDays', 'range')}
          unit={t('pool.rules.unit')}
          value={values.followupDays}
          onValueChange={(v) => set('followupDays', v)}
          {...POOL_NUMBER_LIMITS.followupDays}
          disabled={locked}
          off={{ label: t('pool.rules.never'), checked: values.followupNever, onChange: (on) => set('followupNever', on, 'followupDays') }}
        />
        <RuleNumber
          label={t('pool.rules.order')}
          hint={t('pool.rules.orderHint')}
          error={range('orderDays', 'range')}
          unit={t('pool.rules.unit')}
          value={values.orderDays}
          onValueChange={(v) => set('orderDays', v)}
          {...POOL_NUMBER_LIMITS.orderDays}
          disabled={locked}
          off={{ label: t('pool.rules.never'), checked: values.orderNever, onChange: (on) => set('orderNever', on, 'orderDays') }}
        />
      </fieldset>
      <fieldset className="form-section pool-rules-group">
        <legend>{t('pool.rules.claimLegend')}</legend>
        <RuleNumber
          label={t('pool.rules.cap')}
          hint={t('pool.rules.capHint')}
          error={range('cap', 'capRange')}
          unit={t('pool.rules.capUnit')}
          value={values.cap}
          onValueChange={(v) => set('cap', v)}
          {...POOL_NUMBER_LIMITS.cap}
          disabled={locked}
          off={{ label: t('pool.rules.noCap'), checked: values.noCap, onChange: (on) => set('noCap', on, 'cap') }}
        />
        <div className="field pool-rule">
          <label className="pool-rule-switch">
            <Switch
              size="small"
              checked={values.wonOutsideCap}
              onChange={(on) => set('wonOutsideCap', on)}
              disabled={locked}
              aria-describedby={wonId}
            />
            <span>{t('pool.rules.wonOutsideCap')}</span>
          </label>
          <p id={wonId} className="field-hint">
            {t('pool.rules.wonOutsideCapHint')}
          </p>
        </div>
        <RuleNumber
          label={t('pool.rules.cooling')}
          hint={t('pool.rules.coolingHint')}
          error={range('coolingDays', 'coolingRange')}
          unit={t('pool.rules.unit')}
          value={values.coolingDays}
          onValueChange={(v) => set('coolingDays', v)}
          {...POOL_NUMBER_LIMITS.coolingDays}
          disabled={locked}
        />
      </fieldset>
      <p role="alert" className="inline-error form-summary">
        {summary}
      </p>
      <FormActions
        className="settings-actions"
        dirty={dirty}
        saving={saving}
        busy={!canEdit}
        cancelLabel={t('settings.discard')}
        saveLabel={t('pool.rules.save')}
        onCancel={onDiscard}
      />
    </form>
  );
}
