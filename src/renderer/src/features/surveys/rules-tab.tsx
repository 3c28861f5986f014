import { Button } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPLAINT_SEVERITIES } from '../../../../shared/domain/relationship';
import { DETRACTOR_ACTIONS, type SurveyRules } from '../../../../shared/domain/surveys';
import { useNotices } from '../../app/notice-context';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { errorText } from '../../i18n/error-text';
import { call, toIpcError } from '../../lib/ipc';
import { surveyKeys } from './survey-keys';
import { useSurveyRules } from './use-surveys';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Settings: the detractor rule (what counts as unhappy, and the complaint or follow-up it opens). */
export function RulesTab() {
  const { t } = useTranslation();
  const rules = useSurveyRules();
  if (!rules.data)
    return <p className="surveys-message muted">{rules.isError ? errorText(t, toIpcError(rules.error)) : t('common.loading')}</p>;
  return <RulesForm initial={rules.data} />;
}

function RulesForm({ initial }: { initial: SurveyRules }) {
  const { t } = useTranslation();
  const notices = useNotices();
  const client = useQueryClient();
  const [rules, setRules] = useState<SurveyRules>(initial);
  const [days, setDays] = useState(String(initial.followUpDays));
  const [daysError, setDaysError] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const changed = JSON.stringify({ ...rules, followUpDays: Number(days) }) !== JSON.stringify(initial);
  const set = (patch: Partial<SurveyRules>) => setRules((r) => ({ ...r, ...patch }));

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving) return;
    const n = Number(days);
    if (!/^\d+$/.test(days.trim()) || n < 0 || n > 30) {
      setDaysError(t('surveys.rules.daysError'));
      return;
    }
    setSaving(true);
    notices.clearError();
    try {
      const saved = await call('surveys.saveRules', { ...rules, followUpDays: n });
      setRules(saved);
      notices.announce(t('surveys.rules.saved'));
    } catch (err) {
      notices.showError(toIpcError(err));
    } finally {
      setSaving(false);
      await client.invalidateQueries({ queryKey: surveyKeys.rules() });
    }
  };

  return (
    <form className="form surveys-rules" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="surveys-rules-title">
      <h2 id="surveys-rules-title">{t('surveys.rules.title')}</h2>
      <p className="muted">{t('surveys.rules.intro')}</p>
      <div className="form-grid">
        <SelectField
          label={t('surveys.rules.npsAtMost')}
          value={String(rules.npsAtMost)}
          options={range(0, 10).map((n) => ({ value: String(n), label: t('surveys.rules.atMost', { n }) }))}
          onValueChange={(v) => set({ npsAtMost: Number(v) })}
        />
        <SelectField
          label={t('surveys.rules.csatAtMost')}
          value={String(rules.csatAtMost)}
          options={range(1, 5).map((n) => ({ value: String(n), label: t('surveys.rules.atMost', { n }) }))}
          onValueChange={(v) => set({ csatAtMost: Number(v) })}
        />
        <SelectField
          label={t('surveys.rules.action')}
          value={rules.action}
          options={DETRACTOR_ACTIONS.map((a) => ({ value: a, label: t(`surveys.rules.actions.${a}`) }))}
          onValueChange={(v) => set({ action: v as SurveyRules['action'] })}
          className="span-2"
        />
        {rules.action === 'complaint' ? (
          <SelectField
            label={t('surveys.rules.severity')}
            value={rules.complaintSeverity}
            options={COMPLAINT_SEVERITIES.map((s) => ({ value: s, label: t(`surveys.rules.severities.${s}`) }))}
            onValueChange={(v) => set({ complaintSeverity: v as SurveyRules['complaintSeverity'] })}
          />
        ) : null}
        {rules.action === 'followup' ? (
          <TextField
            label={t('surveys.rules.followUpDays')}
            hint={t('surveys.rules.followUpDaysHint')}
            type="number"
            min={0}
            max={30}
            value={days}
            onValueChange={(v) => {
              setDays(v);
              setDaysError(undefined);
            }}
            error={daysError}
          />
        ) : null}
      </div>
      <p className="muted">{t('surveys.rules.note')}</p>
      <div className="form-actions surveys-rules-actions">
        <Button type="primary" htmlType="submit" disabled={saving || !changed} aria-busy={saving || undefined}>
          {t('surveys.rules.save')}
        </Button>
      </div>
    </form>
  );
}
