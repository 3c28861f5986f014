import { Button } from 'antd';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUp, FollowUpType } from '../../../../shared/domain/followups';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { useNotices } from '../../app/notice-context';
import { DateField } from '../../components/date-field';
import { FormActions } from '../../components/form-actions';
import { formKeyHandler } from '../../components/form-keys';
import { ModalDialog } from '../../components/modal-dialog';
import { useDialogForm } from '../../components/use-dialog-form';
import { SelectField } from '../../components/select-field';
import { TextAreaField } from '../../components/textarea-field';
import { formatDateTime } from '../../i18n/format-date';
import { call } from '../../lib/ipc';
import { followUpTypeOptions, isFollowUpType } from './followup-type-options';
import { useDueField } from './use-due-field';
import { useFollowUpActions } from './use-followup-actions';

type Proposal = ChannelOutput<'followups.complete'>['next'];

interface Props {
  followUp: FollowUp;
  onClose: () => void;
}

const OUTCOME_MAX = 2000;

/**
 * Complete: asks for the outcome (required), completes, then offers the engine's proposed next
 * follow-up with its type and due time editable — "Plan it" saves it, "Not now" leaves it.
 */
export function CompleteDialog({ followUp, onClose }: Props) {
  const { t } = useTranslation();
  const actions = useFollowUpActions();
  const [next, setNext] = useState<Proposal | null>(null);

  return next ? (
    <NextFollowUpStep followUp={followUp} proposal={next} onClose={onClose} onPlanned={() => void actions.refresh()} />
  ) : (
    <OutcomeStep
      followUp={followUp}
      onClose={onClose}
      onComplete={async (outcome) => {
        const result = await actions.complete(followUp, outcome);
        if (result) setNext(result.next);
        else onClose();
      }}
      title={t('followups.complete.title')}
    />
  );
}

function OutcomeStep({
  followUp,
  title,
  onClose,
  onComplete,
}: {
  followUp: FollowUp;
  title: string;
  onClose: () => void;
  onComplete: (outcome: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const { form, saving, setSaving, focusFirstInvalid, close } = useDialogForm(onClose);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving) return;
    const trimmed = outcome.trim();
    if (!trimmed) {
      setError(t('fieldErrors.required'));
      focusFirstInvalid();
      return;
    }
    setSaving(true);
    await onComplete(trimmed);
  };

  return (
    <ModalDialog title={title} onRequestClose={close} size="small" className="followup-dialog">
      <p className="followup-dialog-subject">
        {t('followups.subject', { type: t(`followups.types.${followUp.type}`), company: followUp.company })}
      </p>
      <form ref={form} className="form" noValidate onSubmit={(e) => void submit(e)} onKeyDown={formKeyHandler(close)}>
        <TextAreaField
          label={t('followups.complete.outcome')}
          hint={t('followups.complete.outcomeHint')}
          value={outcome}
          onValueChange={(v) => {
            setOutcome(v);
            setError(undefined);
          }}
          error={error}
          maxLength={OUTCOME_MAX}
          rows={3}
          aria-required
          data-autofocus
        />
        <FormActions onCancel={close} saving={saving} saveLabel={t('followups.complete.save')} />
      </form>
    </ModalDialog>
  );
}

function NextFollowUpStep({
  followUp,
  proposal,
  onClose,
  onPlanned,
}: {
  followUp: FollowUp;
  proposal: Proposal;
  onClose: () => void;
  onPlanned: () => void;
}) {
  const { t, i18n } = useTranslation();
  const notices = useNotices();
  const actions = useFollowUpActions();
  const [type, setType] = useState<FollowUpType>(proposal.type);
  const { form, dueAt: checkedDueAt, fieldProps } = useDueField(proposal.dueAt);
  const [saving, setSaving] = useState(false);
  const close = () => !saving && onClose();

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving) return;
    const dueAt = checkedDueAt();
    if (!dueAt) return;
    setSaving(true);
    notices.clearError();
    try {
      const created = await call('followups.create', { customerId: proposal.customerId, type, dueAt, owner: proposal.owner });
      notices.announce(t('followups.complete.planned', { company: followUp.company, when: formatDateTime(created.dueAt, i18n.language) }));
      onPlanned();
      onClose();
    } catch (err) {
      actions.report(err);
      setSaving(false);
    }
  };

  return (
    <ModalDialog title={t('followups.complete.nextTitle')} onRequestClose={close} size="small" className="followup-dialog">
      <p className="followup-dialog-subject">{t('followups.complete.nextBody', { count: proposal.inDays, company: followUp.company })}</p>
      <form ref={form} className="form" noValidate onSubmit={(e) => void submit(e)} onKeyDown={formKeyHandler(close)}>
        <SelectField
          label={t('followups.fields.type')}
          value={type}
          options={followUpTypeOptions(t)}
          onValueChange={(v) => isFollowUpType(v) && setType(v)}
        />
        <DateField {...fieldProps} />
        <div className="form-actions">
          <Button onClick={close} disabled={saving}>
            {t('followups.complete.notNow')}
          </Button>
          <Button type="primary" htmlType="submit" disabled={saving} aria-busy={saving || undefined} data-autofocus>
            {t('followups.complete.planIt')}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
