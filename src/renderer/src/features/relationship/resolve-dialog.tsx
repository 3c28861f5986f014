import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Complaint } from '../../../../shared/domain/relationship';
import { FormActions } from '../../components/form-actions';
import { FormError } from '../../components/form-error';
import { formKeyHandler } from '../../components/form-keys';
import { ModalDialog } from '../../components/modal-dialog';
import { useDialogForm } from '../../components/use-dialog-form';
import { TextAreaField } from '../../components/textarea-field';
import { errorText } from '../../i18n/error-text';
import { call } from '../../lib/ipc';
import { invalidFields } from '../../lib/invalid-fields';
import { complaintCategoryLabel, severityLabel } from './relationship-labels';
import { useRelationshipWrites } from './use-relationship-writes';

const RESOLUTION_MAX = 5000;

interface Props {
  complaint: Complaint;
  onClose: () => void;
}

/**
 * Resolve a complaint: what was done for the customer. The engine refuses a resolution without a
 * note; its refusal shows on the field, in the user's language, and the dialog stays open.
 */
export function ResolveDialog({ complaint, onClose }: Props) {
  const { t } = useTranslation();
  const { run } = useRelationshipWrites();
  const [resolution, setResolution] = useState(complaint.resolution);
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const { form, saving, setSaving, formError, setFormError, focusFirstInvalid, close } = useDialogForm(onClose);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving) return;
    setSaving(true);
    setFieldError(undefined);
    setFormError(undefined);
    const result = await run(
      () =>
        call('complaints.update', {
          id: complaint.id,
          version: complaint.version,
          patch: { status: 'resolved', resolution: resolution.trim() },
        }),
      {
        done: () => t('relationship.complaints.resolved', { company: complaint.company }),
        conflict: t('relationship.complaints.conflict'),
        handles: (error) => {
          if (error.code !== 'INVALID_INPUT') return false;
          if (invalidFields(error).some((f) => f.path.endsWith('resolution')))
            setFieldError(t('relationship.complaints.resolutionRequired'));
          else setFormError(errorText(t, error));
          return true;
        },
      },
    );
    setSaving(false);
    if (result.ok || result.error.code !== 'INVALID_INPUT') onClose();
    else focusFirstInvalid();
  };

  return (
    <ModalDialog title={t('relationship.complaints.resolveTitle')} onRequestClose={close} size="small" className="relationship-dialog">
      <p className="relationship-dialog-subject">
        {t('relationship.complaints.subject', {
          severity: severityLabel(t, complaint.severity),
          category: complaintCategoryLabel(t, complaint.category),
          company: complaint.company,
        })}
      </p>
      <p className="relationship-dialog-quote">{complaint.description}</p>
      <form ref={form} className="form" noValidate onSubmit={(e) => void submit(e)} onKeyDown={formKeyHandler(close)}>
        <TextAreaField
          label={t('relationship.fields.resolution')}
          hint={t('relationship.complaints.resolutionHint')}
          value={resolution}
          onValueChange={(v) => {
            setResolution(v);
            setFieldError(undefined);
          }}
          error={fieldError}
          maxLength={RESOLUTION_MAX}
          rows={4}
          data-autofocus
        />
        <FormError message={formError} />
        <FormActions onCancel={close} saving={saving} saveLabel={t('relationship.complaints.resolveSave')} />
      </form>
    </ModalDialog>
  );
}
