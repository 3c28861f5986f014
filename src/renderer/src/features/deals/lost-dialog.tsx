import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deal, LostReason } from '../../../../shared/domain/deals';
import { FormActions } from '../../components/form-actions';
import { FormError } from '../../components/form-error';
import { formKeyHandler } from '../../components/form-keys';
import { ModalDialog } from '../../components/modal-dialog';
import { SelectField } from '../../components/select-field';
import { TextAreaField } from '../../components/textarea-field';
import { useDialogForm } from '../../components/use-dialog-form';
import { isLostReason, lostReasonOptions } from './deal-labels';

interface Props {
  deal: Deal;
  /** Resolves once the move was tried: false keeps the dialog open (the error is shown). */
  onSubmit: (reason: LostReason, note: string) => Promise<{ ok: boolean; message?: string }>;
  onClose: () => void;
}

/** "Mark as lost": the reason (required) and a note. */
export function LostDialog({ deal, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>(undefined);
  const { form, saving, setSaving, formError, setFormError, focusFirstInvalid, close } = useDialogForm(onClose);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving) return;
    if (!isLostReason(reason)) {
      setReasonError(t('deals.lost.reasonRequired'));
      focusFirstInvalid();
      return;
    }
    setSaving(true);
    const r = await onSubmit(reason, note.trim());
    setSaving(false);
    if (r.ok) onClose();
    else setFormError(r.message);
  };

  return (
    <ModalDialog title={t('deals.lost.title', { title: deal.title })} onRequestClose={close} size="small" className="deal-dialog">
      <form ref={form} className="form" noValidate onSubmit={(e) => void submit(e)} onKeyDown={formKeyHandler(close)}>
        <SelectField
          label={t('deals.lost.reason')}
          value={reason}
          options={lostReasonOptions(t)}
          required
          error={reasonError}
          onValueChange={(v) => {
            setReason(v);
            setReasonError(undefined);
          }}
          data-autofocus
        />
        <TextAreaField label={t('deals.lost.note')} value={note} onValueChange={setNote} maxLength={2000} rows={3} />
        <FormError message={formError} />
        <FormActions onCancel={close} saving={saving} saveLabel={t('deals.lost.save')} />
      </form>
    </ModalDialog>
  );
}
