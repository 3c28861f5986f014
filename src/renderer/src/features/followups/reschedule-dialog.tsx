import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUp } from '../../../../shared/domain/followups';
import { DateField } from '../../components/date-field';
import { FormActions } from '../../components/form-actions';
import { formKeyHandler } from '../../components/form-keys';
import { ModalDialog } from '../../components/modal-dialog';
import { useDueField } from './use-due-field';
import { useFollowUpActions } from './use-followup-actions';

/** Reschedule: a new local due date and time for an open follow-up. */
export function RescheduleDialog({ followUp, onClose }: { followUp: FollowUp; onClose: () => void }) {
  const { t } = useTranslation();
  const actions = useFollowUpActions();
  const { form, dueAt: checkedDueAt, fieldProps } = useDueField(followUp.dueAt);
  const [saving, setSaving] = useState(false);
  const close = () => !saving && onClose();

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving) return;
    const dueAt = checkedDueAt();
    if (!dueAt) return;
    setSaving(true);
    await actions.reschedule(followUp, dueAt);
    onClose();
  };

  return (
    <ModalDialog title={t('followups.reschedule.title')} onRequestClose={close} size="small" className="followup-dialog">
      <p className="followup-dialog-subject">
        {t('followups.subject', { type: t(`followups.types.${followUp.type}`), company: followUp.company })}
      </p>
      <form ref={form} className="form" noValidate onSubmit={(e) => void submit(e)} onKeyDown={formKeyHandler(close)}>
        <DateField {...fieldProps} data-autofocus />
        <FormActions onCancel={close} saving={saving} saveLabel={t('followups.reschedule.save')} />
      </form>
    </ModalDialog>
  );
}
