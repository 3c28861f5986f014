import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUpType } from '../../../../shared/domain/followups';
import { useNotices } from '../../app/notice-context';
import { DateField } from '../../components/date-field';
import { FormActions } from '../../components/form-actions';
import { formKeyHandler } from '../../components/form-keys';
import { ModalDialog } from '../../components/modal-dialog';
import { OwnerSuggestions } from '../../components/owner-suggestions';
import { SelectField } from '../../components/select-field';
import { TextAreaField } from '../../components/textarea-field';
import { TextField } from '../../components/text-field';
import { errorText } from '../../i18n/error-text';
import { formatDateTime } from '../../i18n/format-date';
import { call, toIpcError } from '../../lib/ipc';
import { followUpKeys } from './followup-keys';
import { followUpTypeOptions, isFollowUpType } from './followup-type-options';
import { tomorrowAtNine } from '../../lib/local-time';
import { useDueField } from './use-due-field';

interface Props {
  customerId: number;
  company: string;
  /** The customer's owner: the follow-up's owner unless changed. */
  owner: string;
  onClose: () => void;
}

const OWNER_MAX = 120;
const NOTE_MAX = 5000;

/** "Plan follow-up" from a customer: type, due date and time (tomorrow 09:00), owner, note. */
export function PlanFollowUpDialog({ customerId, company, owner: defaultOwner, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const notices = useNotices();
  const client = useQueryClient();
  const [type, setType] = useState<FollowUpType>('call');
  const { form, dueAt: checkedDueAt, fieldProps } = useDueField(tomorrowAtNine());
  const [owner, setOwner] = useState(defaultOwner);
  const ownerListId = useId();
  const [note, setNote] = useState('');
  const [formError, setFormError] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);

  const close = () => !saving && onClose();

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving) return;
    const dueAt = checkedDueAt();
    if (!dueAt) return;
    setSaving(true);
    setFormError(undefined);
    notices.clearError();
    try {
      const created = await call('followups.create', { customerId, type, dueAt, owner: owner.trim(), note: note.trim() });
      notices.announce(t('followups.plan.done', { company, when: formatDateTime(created.dueAt, i18n.language) }));
      void client.invalidateQueries({ queryKey: followUpKeys.all });
      onClose();
    } catch (err) {
      const ipc = toIpcError(err);
      if (ipc.code === 'INVALID_INPUT') setFormError(errorText(t, ipc));
      else notices.showError(ipc);
      setSaving(false);
    }
  };

  return (
    <ModalDialog title={t('followups.plan.title', { company })} onRequestClose={close} className="modal-small followup-dialog">
      <form ref={form} className="form" noValidate onSubmit={(e) => void submit(e)} onKeyDown={formKeyHandler(close)}>
        <SelectField
          label={t('followups.fields.type')}
          value={type}
          options={followUpTypeOptions(t)}
          onValueChange={(v) => isFollowUpType(v) && setType(v)}
          data-autofocus
        />
        <DateField {...fieldProps} hint={t('followups.plan.dueHint')} />
        <TextField
          label={t('followups.fields.owner')}
          hint={t('followups.plan.ownerHint')}
          value={owner}
          onValueChange={setOwner}
          maxLength={OWNER_MAX}
          autoComplete="off"
          list={ownerListId}
        />
        <OwnerSuggestions id={ownerListId} />
        <TextAreaField label={t('followups.fields.note')} value={note} onValueChange={setNote} maxLength={NOTE_MAX} rows={3} />
        {formError ? (
          <p className="field-error" role="alert">
            {formError}
          </p>
        ) : null}
        <FormActions onCancel={close} saving={saving} saveLabel={t('followups.plan.save')} />
      </form>
    </ModalDialog>
  );
}
