import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Complaint } from '../../../../shared/domain/relationship';
import { FormActions } from '../../components/form-actions';
import { FormError } from '../../components/form-error';
import { SuggestField } from '../../components/suggest-field';
import { formKeyHandler } from '../../components/form-keys';
import { ModalDialog } from '../../components/modal-dialog';
import { useDialogForm } from '../../components/use-dialog-form';
import { errorText } from '../../i18n/error-text';
import { call } from '../../lib/ipc';
import { useOwners } from '../../lib/use-owners';
import { complaintCategoryLabel, severityLabel } from './relationship-labels';
import { useRelationshipWrites } from './use-relationship-writes';

const OWNER_MAX = 120;

interface Props {
  complaint: Complaint;
  onClose: () => void;
}

/** Reassign a complaint to another owner (the staff from Settings and the customers' owners are suggested; empty = nobody). */
export function ReassignDialog({ complaint, onClose }: Props) {
  const { t } = useTranslation();
  const { run } = useRelationshipWrites();
  const owners = useOwners();
  const [owner, setOwner] = useState(complaint.owner);
  const { saving, setSaving, formError, setFormError, close } = useDialogForm(onClose);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving) return;
    const next = owner.trim();
    if (next === complaint.owner) {
      onClose();
      return;
    }
    setSaving(true);
    setFormError(undefined);
    const result = await run(() => call('complaints.update', { id: complaint.id, version: complaint.version, patch: { owner: next } }), {
      done: () =>
        next
          ? t('relationship.complaints.reassigned', { company: complaint.company, owner: next })
          : t('relationship.complaints.unassigned', { company: complaint.company }),
      conflict: t('relationship.complaints.conflict'),
      handles: (error) => {
        if (error.code !== 'INVALID_INPUT') return false;
        setFormError(errorText(t, error));
        return true;
      },
    });
    setSaving(false);
    if (result.ok || result.error.code !== 'INVALID_INPUT') onClose();
  };

  return (
    <ModalDialog title={t('relationship.complaints.reassignTitle')} onRequestClose={close} size="small" className="relationship-dialog">
      <p className="relationship-dialog-subject">
        {t('relationship.complaints.subject', {
          severity: severityLabel(t, complaint.severity),
          category: complaintCategoryLabel(t, complaint.category),
          company: complaint.company,
        })}
      </p>
      <form className="form" noValidate onSubmit={(e) => void submit(e)} onKeyDown={formKeyHandler(close)}>
        <SuggestField
          label={t('relationship.fields.owner')}
          hint={t('relationship.complaints.ownerHint')}
          value={owner}
          onValueChange={setOwner}
          maxLength={OWNER_MAX}
          suggestions={owners}
        />
        <FormError message={formError} />
        <FormActions onCancel={close} saving={saving} saveLabel={t('relationship.complaints.reassignSave')} />
      </form>
    </ModalDialog>
  );
}
