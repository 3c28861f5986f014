import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUpType } from '../../../../shared/domain/followups';
import { useNotices } from '../../app/notice-context';
import { CheckboxField } from '../../components/checkbox-field';
import { DateField } from '../../components/date-field';
import { FormActions } from '../../components/form-actions';
import { formKeyHandler } from '../../components/form-keys';
import { ModalDialog } from '../../components/modal-dialog';
import { SelectField } from '../../components/select-field';
import { TextAreaField } from '../../components/textarea-field';
import { errorText } from '../../i18n/error-text';
import { formatDateTime } from '../../i18n/format-date';
import { call, toIpcError } from '../../lib/ipc';
import { fromLocalInput, toLocalInput, tomorrowAt, tomorrowAtNine } from '../../lib/local-time';
import { followUpKeys } from './followup-keys';
import { followUpTypeOptions, isFollowUpType } from './followup-type-options';
import { useDueField } from './use-due-field';

interface Props {
  customerId: number;
  company: string;
  onClose: () => void;
}

const OUTCOME_MAX = 2000;

/**
 * "Log a touch" (记录跟进): a call, e-mail, message or visit that already happened, in one dialog —
 * what came of it (focused first), its kind (a call unless changed), when (now unless changed),
 * whether it was the open follow-up due, and optionally the next step. Ctrl/⌘+Enter saves.
 */
export function LogTouchDialog({ customerId, company, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const notices = useNotices();
  const client = useQueryClient();
  const [type, setType] = useState<FollowUpType>('call');
  const [outcome, setOutcome] = useState('');
  const [outcomeError, setOutcomeError] = useState<string | undefined>(undefined);
  const [when, setWhen] = useState(() => toLocalInput(new Date()));
  const [whenError, setWhenError] = useState<string | undefined>(undefined);
  const [planNext, setPlanNext] = useState(false);
  const [nextType, setNextType] = useState<FollowUpType>('call');
  const next = useDueField(tomorrowAtNine());
  const [formError, setFormError] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  // The open follow-up this touch most likely was: the earliest one, when it is due by today.
  const step = useQuery({
    queryKey: ['customers', 'next-step', customerId] as const,
    queryFn: () => call('followups.nextStep', { customerId }),
  });
  const due = step.data?.nextFollowUp ?? null;
  const dueNow = due !== null && new Date(due.dueAt).getTime() < tomorrowAt(0).getTime();
  const [completesDue, setCompletesDue] = useState(true);

  const close = () => !saving && onClose();

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving) return;
    const text = outcome.trim();
    const happenedAt = fromLocalInput(when);
    // A touch that happened is not in the future (a minute's grace for the clock).
    const whenOk = happenedAt !== null && new Date(happenedAt).getTime() <= Date.now() + 60_000;
    setOutcomeError(text ? undefined : t('followups.log.errors.outcome'));
    setWhenError(whenOk ? undefined : t('followups.log.errors.when'));
    const nextDue = planNext ? next.dueAt() : null;
    if (!text || !whenOk || (planNext && !nextDue)) {
      next.form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setSaving(true);
    setFormError(undefined);
    notices.clearError();
    try {
      const saved = await call('followups.log', {
        customerId,
        type,
        outcome: text,
        happenedAt,
        completes: dueNow && completesDue ? { id: due.id, version: due.version } : null,
        next: planNext && nextDue ? { type: nextType, dueAt: nextDue, note: '' } : null,
      });
      notices.announce(
        saved.next
          ? t('followups.log.doneWithNext', { company, when: formatDateTime(saved.next.dueAt, i18n.language) })
          : t('followups.log.done', { company }),
      );
      void client.invalidateQueries({ queryKey: followUpKeys.all });
      void client.invalidateQueries({ queryKey: ['customers'] });
      onClose();
    } catch (err) {
      const ipc = toIpcError(err);
      if (ipc.code === 'INVALID_INPUT' || ipc.code === 'CONFLICT') setFormError(errorText(t, ipc));
      else notices.showError(ipc);
      setSaving(false);
    }
  };

  return (
    <ModalDialog title={t('followups.log.title', { company })} onRequestClose={close} size="small" className="followup-dialog">
      <form ref={next.form} className="form" noValidate onSubmit={(e) => void submit(e)} onKeyDown={formKeyHandler(close)}>
        <TextAreaField
          label={t('followups.log.outcome')}
          hint={t('followups.log.outcomeHint')}
          value={outcome}
          onValueChange={(v) => {
            setOutcome(v);
            setOutcomeError(undefined);
          }}
          error={outcomeError}
          maxLength={OUTCOME_MAX}
          rows={3}
          required
          data-autofocus
        />
        <div className="form-grid">
          <SelectField
            label={t('followups.fields.type')}
            value={type}
            options={followUpTypeOptions(t)}
            onValueChange={(v) => isFollowUpType(v) && setType(v)}
          />
          <DateField
            label={t('followups.log.when')}
            value={when}
            onValueChange={(v) => {
              setWhen(v);
              setWhenError(undefined);
            }}
            error={whenError}
            withTime
            required
          />
        </div>
        {dueNow && due ? (
          <CheckboxField
            label={t('followups.log.completes', { type: t(`followups.types.${due.type}`), when: formatDateTime(due.dueAt, i18n.language) })}
            checked={completesDue}
            onCheckedChange={setCompletesDue}
          />
        ) : null}
        <CheckboxField label={t('followups.log.planNext')} checked={planNext} onCheckedChange={setPlanNext} />
        {planNext ? (
          <div className="form-grid">
            <SelectField
              label={t('followups.log.nextType')}
              value={nextType}
              options={followUpTypeOptions(t)}
              onValueChange={(v) => isFollowUpType(v) && setNextType(v)}
            />
            <DateField {...next.fieldProps} />
          </div>
        ) : null}
        {formError ? (
          <p className="field-error" role="alert">
            {formError}
          </p>
        ) : null}
        <FormActions onCancel={close} saving={saving} saveLabel={t('followups.log.save')} />
      </form>
    </ModalDialog>
  );
}
