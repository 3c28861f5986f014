import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUpType } from '../../../../shared/domain/followups';
import { DateField } from '../../components/date-field';
import { FormActions } from '../../components/form-actions';
import { formKeyHandler } from '../../components/form-keys';
import { ModalDialog } from '../../components/modal-dialog';
import { OwnerSuggestions } from '../../components/owner-suggestions';
import { SelectField } from '../../components/select-field';
import { TextAreaField } from '../../components/textarea-field';
import { TextField } from '../../components/text-field';
import { errorText } from '../../i18n/error-text';
import { toIpcError } from '../../lib/ipc';
import { tomorrowAtNine } from '../../lib/local-time';
import { followUpTypeOptions, isFollowUpType, useDueField } from '../followups';

/** What every selected customer's follow-up gets. */
export interface BulkFollowUp {
  type: FollowUpType;
  dueAt: string;
  /** '' = each customer's own owner. */
  owner: string;
  note: string;
}

interface Props {
  count: number;
  /** Plans the follow-ups; an engine error is shown in the dialog, which stays open. */
  onSubmit: (plan: BulkFollowUp) => Promise<void>;
  onClose: () => void;
}

/**
 * "Plan follow-up" for the selected customers: one follow-up each with the same type, due time
 * (tomorrow 09:00) and note, as the customer panel's Plan follow-up; its owner each customer's own
 * unless one is given.
 */
export function BulkFollowUpDialog({ count, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const [type, setType] = useState<FollowUpType>('call');
  const { form, dueAt: checkedDueAt, fieldProps } = useDueField(tomorrowAtNine());
  const [owner, setOwner] = useState('');
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
    try {
      await onSubmit({ type, dueAt, owner: owner.trim(), note: note.trim() });
      onClose();
    } catch (err) {
      setFormError(errorText(t, toIpcError(err)));
      setSaving(false);
    }
  };

  return (
    <ModalDialog title={t('bulk.planTitle', { count })} onRequestClose={close} className="modal-small followup-dialog">
      <form ref={form} className="form" noValidate onSubmit={(e) => void submit(e)} onKeyDown={formKeyHandler(close)}>
        <SelectField
          label={t('followups.fields.type')}
          value={type}
          options={followUpTypeOptions(t)}
          onValueChange={(v) => isFollowUpType(v) && setType(v)}
          data-autofocus
        />
        <DateField {...fieldProps} />
        <TextField
          label={t('followups.fields.owner')}
          hint={t('bulk.planOwnerHint')}
          value={owner}
          onValueChange={setOwner}
          maxLength={120}
          autoComplete="off"
          list={ownerListId}
        />
        <OwnerSuggestions id={ownerListId} />
        <TextAreaField label={t('followups.fields.note')} value={note} onValueChange={setNote} maxLength={5000} rows={3} />
        {formError ? (
          <p className="field-error" role="alert">
            {formError}
          </p>
        ) : null}
        <FormActions onCancel={close} saving={saving} saveLabel={t('bulk.planSave')} />
      </form>
    </ModalDialog>
  );
}
