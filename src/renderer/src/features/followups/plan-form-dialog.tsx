import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUpType } from '../../../../shared/domain/followups';
import { DateField } from '../../components/date-field';
import { FormActions } from '../../components/form-actions';
import { formKeyHandler } from '../../components/form-keys';
import { ModalDialog } from '../../components/modal-dialog';
import { SuggestField } from '../../components/suggest-field';
import { useOwners } from '../../lib/use-owners';
import { SelectField } from '../../components/select-field';
import { TextAreaField } from '../../components/textarea-field';
import { errorText } from '../../i18n/error-text';
import { toIpcError, type IpcError } from '../../lib/ipc';
import { tomorrowAtNine } from '../../lib/local-time';
import { followUpTypeOptions, isFollowUpType } from './followup-type-options';
import { useDueField } from './use-due-field';

/** What a planned follow-up gets: its type, due time, owner and note. */
export interface FollowUpPlan {
  type: FollowUpType;
  dueAt: string;
  owner: string;
  note: string;
}

interface Props {
  title: string;
  saveLabel: string;
  ownerHint: string;
  dueHint?: string;
  /** A due time proposed instead of tomorrow 09:00 (the buyer's next good time), kept until the user changes the field. */
  proposedDue?: Date | null;
  /** The owner field's first value ('' for a bulk plan: each customer's own). */
  initialOwner: string;
  /** Plans it; a thrown error keeps the dialog open and is shown in it (unless `onError` shows it). */
  onSubmit: (plan: FollowUpPlan) => Promise<void>;
  /** An error shown elsewhere (true), or to be shown in the form (false). */
  onError?: (error: IpcError) => boolean;
  onClose: () => void;
}

const OWNER_MAX = 120;
const NOTE_MAX = 5000;

/**
 * The "Plan follow-up" dialog: type, due date and time (tomorrow 09:00), owner, note. One form
 * for a customer's plan and the grid's plan for several customers.
 */
export function PlanFormDialog({ title, saveLabel, ownerHint, dueHint, proposedDue, initialOwner, onSubmit, onError, onClose }: Props) {
  const { t } = useTranslation();
  const [type, setType] = useState<FollowUpType>('call');
  const { form, dueAt: checkedDueAt, fieldProps } = useDueField(tomorrowAtNine(), proposedDue);
  const [owner, setOwner] = useState(initialOwner);
  const owners = useOwners();
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
      const ipc = toIpcError(err);
      if (!onError?.(ipc)) setFormError(errorText(t, ipc));
      setSaving(false);
    }
  };

  return (
    <ModalDialog title={title} onRequestClose={close} size="small" className="followup-dialog">
      <form ref={form} className="form" noValidate onSubmit={(e) => void submit(e)} onKeyDown={formKeyHandler(close)}>
        <SelectField
          label={t('followups.fields.type')}
          value={type}
          options={followUpTypeOptions(t)}
          onValueChange={(v) => isFollowUpType(v) && setType(v)}
          data-autofocus
        />
        <DateField {...fieldProps} hint={dueHint} />
        <SuggestField
          label={t('followups.fields.owner')}
          hint={ownerHint}
          value={owner}
          onValueChange={setOwner}
          maxLength={OWNER_MAX}
          suggestions={owners}
        />
        <TextAreaField label={t('followups.fields.note')} value={note} onValueChange={setNote} maxLength={NOTE_MAX} rows={3} />
        {formError ? (
          <p className="field-error" role="alert">
            {formError}
          </p>
        ) : null}
        <FormActions onCancel={close} saving={saving} saveLabel={saveLabel} />
      </form>
    </ModalDialog>
  );
}
