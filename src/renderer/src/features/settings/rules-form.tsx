import { Button } from 'antd';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClassificationRules } from '../../../../shared/domain/classification';
import type { RfmSegment, ValueTier } from '../../../../shared/domain/classification-enums';
import { useNotices } from '../../app/notice-context';
import { formKeyHandler } from '../../components/form-keys';
import { useFocusFirstInvalid } from '../../components/use-focus-first-invalid';
import { call, toIpcError, type IpcError } from '../../lib/ipc';
import { rangeText, rulesFieldErrors, type RulesFieldErrors } from './rules-errors';
import { RulesFieldsets } from './rules-fieldsets';
import {
  rulesFromValues,
  sameValues,
  valuesFromRules,
  type NumberField,
  type RulesFieldKey,
  type RulesFormValues,
} from './rules-form-values';
import { FormActions } from '../../components/form-actions';

interface Props {
  /** The version the form started from; saving sends it, so a save made elsewhere meanwhile is a CONFLICT. */
  baseVersion: number;
  baseRules: ClassificationRules;
  defaults: ClassificationRules;
  /** A classification run is going: saving waits for it. */
  busy: boolean;
  onDirtyChange: (dirty: boolean) => void;
  /** Escape / Discard changes (the section asks first when there are changes). */
  onDiscard: () => void;
  onSaved: (version: number) => void;
  onConflict: (error: IpcError) => void;
}

/** Edits every classification rule; Save sends classify.saveRules and hands the new version on. */
export function RulesForm({ baseVersion, baseRules, defaults, busy, onDirtyChange, onDiscard, onSaved, onConflict }: Props) {
  const { t } = useTranslation();
  const notices = useNotices();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<RulesFormValues>(() => valuesFromRules(baseRules));
  const [errors, setErrors] = useState<RulesFieldErrors>({});
  const [summary, setSummary] = useState('');
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  useFocusFirstInvalid(form, attempt);

  const baseValues = useMemo(() => valuesFromRules(baseRules), [baseRules]);
  const dirty = !sameValues(values, baseValues);
  const isDefaults = sameValues(values, valuesFromRules(defaults));
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);

  const edit = (change: (v: RulesFormValues) => RulesFormValues, clear: RulesFieldKey[]) => {
    setValues(change);
    setErrors((e) => {
      if (!clear.some((k) => e[k])) return e;
      const next = { ...e };
      for (const k of clear) delete next[k];
      return next;
    });
  };

  const setNumber = (key: NumberField, value: string) => {
    // The cross-field rules name one field; changing its partner clears them too.
    const partners: RulesFieldKey[] =
      key === 'aSharePct' ? ['bSharePct'] : key === 'warnMultiplier' ? ['lostMultiplier'] : key.startsWith('weight') ? ['weights'] : [];
    edit((v) => ({ ...v, numbers: { ...v.numbers, [key]: value } }), [key, ...partners]);
  };

  const resetToDefaults = () => {
    setValues(valuesFromRules(defaults));
    setErrors({});
    setSummary('');
    notices.announce(t('settings.rules.defaultsFilled'));
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving || busy) return;
    const parsed = rulesFromValues(values);
    if ('notNumbers' in parsed) {
      setErrors(Object.fromEntries(parsed.notNumbers.map((k) => [k, rangeText(t, k)])));
      setSummary(t('settings.rules.notSaved'));
      setAttempt((n) => n + 1);
      return;
    }
    if (!dirty) {
      notices.announce(t('settings.rules.noChanges'));
      return;
    }
    setSaving(true);
    setSummary('');
    notices.clearError();
    try {
      const out = await call('classify.saveRules', { rules: parsed.rules, baseVersion });
      setErrors({});
      onSaved(out.version);
    } catch (err) {
      const error = toIpcError(err);
      if (error.code === 'CONFLICT') {
        onConflict(error);
      } else if (error.code === 'INVALID_INPUT' || error.code === 'RULES_INVALID') {
        const placed = rulesFieldErrors(t, error, values);
        setErrors(placed.fields);
        setSummary(t('settings.rules.notSaved'));
        if (placed.unplaced > 0 && Object.keys(placed.fields).length === 0) notices.showError(error);
        setAttempt((n) => n + 1);
      } else {
        notices.showError(error);
      }
    } finally {
      setSaving(false);
    }
  };

  const setSegmentName = (segment: RfmSegment, lang: 'en' | 'zh', value: string) =>
    edit(
      (v) => ({ ...v, segmentNames: { ...v.segmentNames, [segment]: { ...v.segmentNames[segment], [lang]: value } } }),
      [`segmentName.${segment}.${lang}`],
    );
  const setTiers = (key: 'highValueTiers' | 'keyAccountTiers', tiers: ValueTier[]) => edit((v) => ({ ...v, [key]: tiers }), [key]);

  return (
    <form
      ref={form}
      className="form rules-form"
      noValidate
      aria-label={t('settings.rules.formLabel')}
      onSubmit={(e) => void submit(e)}
      onKeyDown={formKeyHandler(onDiscard)}
    >
      <RulesFieldsets
        values={values}
        errors={errors}
        setNumber={setNumber}
        setGrid={(grid) => edit((v) => ({ ...v, grid }), ['grid'])}
        setSegmentName={setSegmentName}
        setTiers={setTiers}
      />
      <p role="alert" className="inline-error form-summary">
        {summary}
      </p>
      <FormActions
        className="settings-actions"
        dirty={dirty}
        saving={saving}
        busy={busy}
        cancelLabel={t('settings.discard')}
        saveLabel={t('settings.rules.save')}
        onCancel={onDiscard}
        before={
          <>
            <Button onClick={resetToDefaults} disabled={saving || isDefaults}>
              {t('settings.rules.resetDefaults')}
            </Button>
          </>
        }
      />
    </form>
  );
}
