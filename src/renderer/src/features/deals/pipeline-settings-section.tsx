import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEAL_STAGES, type DealStage, type PipelineSettings } from '../../../../shared/domain/deals';
import { useNotices } from '../../app/notice-context';
import { FormActions } from '../../components/form-actions';
import { formKeyHandler } from '../../components/form-keys';
import { TextField } from '../../components/text-field';
import { useFocusFirstInvalid } from '../../components/use-focus-first-invalid';
import { errorText } from '../../i18n/error-text';
import { call, toIpcError } from '../../lib/ipc';
import { dealKeys } from './deal-keys';
import { stageLabel } from './deal-labels';
import { usePipelineSettings } from './use-deals';

type Field = DealStage | 'staleDays';
type Values = Record<Field, string>;

const valuesOf = (s: PipelineSettings): Values => ({
  ...(Object.fromEntries(DEAL_STAGES.map((k) => [k, String(s.probabilities[k])])) as Record<DealStage, string>),
  staleDays: String(s.staleDays),
});

/** A whole number in [min, max] typed (full-width digits allowed), or null. */
function wholeIn(text: string, min: number, max: number): number | null {
  const s = text.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (!/^\d+$/.test(s)) return null;
  const n = Number(s);
  return n >= min && n <= max ? n : null;
}

interface Props {
  onDirtyChange: (dirty: boolean) => void;
}

/** Settings → Follow-up rules: win probability per stage and the stale threshold (days) of the deals pipeline. */
export function PipelineSettingsSection({ onDirtyChange }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const notices = useNotices();
  const client = useQueryClient();
  const query = usePipelineSettings();
  const form = useRef<HTMLFormElement>(null);
  const [base, setBase] = useState<Values | null>(null);
  const [values, setValues] = useState<Values | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Field, boolean>>>({});
  const [summary, setSummary] = useState('');
  const [saving, setSaving] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstInvalid(form, attempt);

  useEffect(() => {
    if (!query.data) return;
    const v = valuesOf(query.data);
    setBase(v);
    // New saved data resets the form unless it has edits.
    setValues((cur) => (cur === null || JSON.stringify(cur) === JSON.stringify(base) ? v : cur));
  }, [query.data]);
  const dirty = values !== null && base !== null && JSON.stringify(values) !== JSON.stringify(base);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving || !values || !query.data) return;
    const bad: Partial<Record<Field, boolean>> = {};
    const probabilities = {} as Record<DealStage, number>;
    for (const s of DEAL_STAGES) {
      const n = wholeIn(values[s], 0, 100);
      if (n === null) bad[s] = true;
      else probabilities[s] = n;
    }
    const staleDays = wholeIn(values.staleDays, 1, 365);
    if (staleDays === null) bad.staleDays = true;
    setErrors(bad);
    if (Object.keys(bad).length || staleDays === null) {
      setSummary(t('deals.settings.notSaved'));
      setAttempt((n) => n + 1);
      return;
    }
    setSummary('');
    setSaving(true);
    notices.clearError();
    try {
      const saved = await call('deals.saveSettings', { ...query.data, probabilities, staleDays });
      setBase(valuesOf(saved));
      setValues(valuesOf(saved));
      notices.announce(t('deals.settings.saved'));
      await client.invalidateQueries({ queryKey: dealKeys.all });
    } catch (err) {
      notices.showError(toIpcError(err));
    } finally {
      setSaving(false);
    }
  };

  const set = (f: Field, v: string) => {
    setValues((cur) => (cur ? { ...cur, [f]: v } : cur));
    setErrors((e) => ({ ...e, [f]: false }));
  };
  const field = (f: Field, label: string, unit: string, min: number, max: number) => (
    <TextField
      key={f}
      label={`${label} (${unit})`}
      value={values?.[f] ?? ''}
      inputMode="numeric"
      className="deals-settings-field"
      error={errors[f] ? t('deals.settings.range', { min, max }) : undefined}
      onValueChange={(v) => set(f, v)}
    />
  );

  return (
    <section className="settings-section" aria-labelledby={titleId}>
      <div className="settings-section-header">
        <h2 id={titleId} className="section-title">
          {t('deals.settings.heading')}
        </h2>
      </div>
      <p className="muted settings-intro">{t('deals.settings.intro')}</p>
      {values ? (
        <form
          ref={form}
          className="form deals-settings-form"
          noValidate
          aria-label={t('deals.settings.heading')}
          onSubmit={(e) => void submit(e)}
          onKeyDown={formKeyHandler(() => base && setValues(base))}
        >
          <div className="rules-row">
            {DEAL_STAGES.map((s) =>
              field(s, t('deals.settings.probability', { stage: stageLabel(t, s) }), t('deals.settings.percent'), 0, 100),
            )}
          </div>
          <div className="rules-row">{field('staleDays', t('deals.settings.staleDays'), t('deals.settings.days'), 1, 365)}</div>
          <p role="alert" className="inline-error form-summary">
            {summary}
          </p>
          <FormActions
            className="settings-actions"
            dirty={dirty}
            saving={saving}
            cancelLabel={t('settings.discard')}
            saveLabel={t('deals.settings.save')}
            onCancel={() => base && setValues(base)}
          />
        </form>
      ) : (
        <p className="muted">{query.isError ? errorText(t, toIpcError(query.error)) : t('common.loading')}</p>
      )}
    </section>
  );
}
