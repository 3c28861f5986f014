import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RESPONSE_DAYS, type Complaint } from '../../../../shared/domain/relationship';
import { FormActions } from '../../components/form-actions';
import { FormError } from '../../components/form-error';
import { OwnerSuggestions } from '../../components/owner-suggestions';
import { formKeyHandler } from '../../components/form-keys';
import { ModalDialog } from '../../components/modal-dialog';
import { useDialogForm } from '../../components/use-dialog-form';
import { SelectField } from '../../components/select-field';
import { TextAreaField } from '../../components/textarea-field';
import { TextField } from '../../components/text-field';
import { errorText } from '../../i18n/error-text';
import { formatDateTime } from '../../i18n/format-date';
import { call } from '../../lib/ipc';
import { invalidFields } from '../../lib/invalid-fields';
import {
  complaintCategoryOptions,
  isComplaintCategory,
  isComplaintSeverity,
  severityOptions,
  type ComplaintCategory,
  type ComplaintSeverity,
} from './relationship-labels';
import { useRelationshipWrites } from './use-relationship-writes';

const DESCRIPTION_MAX = 5000;
const OWNER_MAX = 120;

interface Props {
  customerId: number;
  company: string;
  /** The customer's owner: the complaint's owner unless changed. */
  owner: string;
  onClose: () => void;
}

/**
 * "Record a complaint" from a customer: category, severity, description (required) and owner. The
 * engine sets the respond-by time from the severity; the dialog shows it once saved.
 */
export function ComplaintDialog({ customerId, company, owner: defaultOwner, onClose }: Props) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<Complaint | null>(null);
  return saved ? (
    <SavedStep complaint={saved} onClose={onClose} />
  ) : (
    <FormStep
      customerId={customerId}
      company={company}
      owner={defaultOwner}
      onClose={onClose}
      onSaved={setSaved}
      title={t('relationship.complaintDialog.title', { company })}
    />
  );
}

function FormStep({
  customerId,
  company,
  owner: defaultOwner,
  title,
  onClose,
  onSaved,
}: Props & { title: string; onSaved: (c: Complaint) => void }) {
  const { t } = useTranslation();
  const { run } = useRelationshipWrites();
  const [category, setCategory] = useState<ComplaintCategory>('quality');
  const [severity, setSeverity] = useState<ComplaintSeverity>('medium');
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState(defaultOwner);
  const ownerListId = useId();
  const [descriptionError, setDescriptionError] = useState<string | undefined>(undefined);
  const { form, saving, setSaving, formError, setFormError, focusFirstInvalid, close } = useDialogForm(onClose);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving) return;
    setFormError(undefined);
    if (!description.trim()) {
      setDescriptionError(t('fieldErrors.required'));
      focusFirstInvalid();
      return;
    }
    setSaving(true);
    const result = await run(
      () => call('complaints.create', { customerId, category, severity, description: description.trim(), owner: owner.trim() }),
      {
        done: () => t('relationship.complaintDialog.done', { company }),
        conflict: t('relationship.complaints.conflict'),
        handles: (error) => {
          if (error.code !== 'INVALID_INPUT') return false;
          if (invalidFields(error).some((f) => f.path === 'description')) setDescriptionError(t('fieldErrors.required'));
          else setFormError(errorText(t, error));
          return true;
        },
      },
    );
    setSaving(false);
    if (result.ok) onSaved(result.value);
    else if (result.error.code === 'INVALID_INPUT') focusFirstInvalid();
    else onClose();
  };

  return (
    <ModalDialog title={title} onRequestClose={close} className="modal-small relationship-dialog">
      <form ref={form} className="form" noValidate onSubmit={(e) => void submit(e)} onKeyDown={formKeyHandler(close)}>
        <SelectField
          label={t('relationship.fields.category')}
          value={category}
          options={complaintCategoryOptions(t)}
          onValueChange={(v) => isComplaintCategory(v) && setCategory(v)}
          data-autofocus
        />
        <SelectField
          label={t('relationship.fields.severity')}
          hint={t('relationship.complaintDialog.severityHint', { count: RESPONSE_DAYS[severity] })}
          value={severity}
          options={severityOptions(t)}
          onValueChange={(v) => isComplaintSeverity(v) && setSeverity(v)}
        />
        <TextAreaField
          label={t('relationship.fields.description')}
          value={description}
          onValueChange={(v) => {
            setDescription(v);
            setDescriptionError(undefined);
          }}
          error={descriptionError}
          maxLength={DESCRIPTION_MAX}
          rows={3}
          aria-required
        />
        <TextField
          label={t('relationship.fields.owner')}
          hint={t('relationship.complaintDialog.ownerHint')}
          value={owner}
          onValueChange={setOwner}
          maxLength={OWNER_MAX}
          autoComplete="off"
          list={ownerListId}
        />
        <OwnerSuggestions id={ownerListId} />
        <FormError message={formError} />
        <FormActions onCancel={close} saving={saving} saveLabel={t('relationship.complaintDialog.save')} />
      </form>
    </ModalDialog>
  );
}

/** After saving: when the customer must hear back (the engine's target for the severity), and who owns it. */
function SavedStep({ complaint, onClose }: { complaint: Complaint; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const bodyId = useId();
  return (
    <ModalDialog
      title={t('relationship.complaintDialog.savedTitle')}
      onRequestClose={onClose}
      describedBy={bodyId}
      className="modal-small relationship-dialog"
    >
      <div id={bodyId}>
        <p className="relationship-dialog-due" data-testid="complaint-due-by">
          {t('relationship.complaintDialog.savedBody', {
            company: complaint.company,
            when: formatDateTime(complaint.dueBy, i18n.language),
          })}
        </p>
        <p className="muted">
          {complaint.owner
            ? t('relationship.complaintDialog.savedOwner', { owner: complaint.owner })
            : t('relationship.complaintDialog.savedNoOwner')}
        </p>
      </div>
      <div className="form-actions">
        <button type="button" className="button button-primary" onClick={onClose} data-autofocus>
          {t('relationship.complaintDialog.close')}
        </button>
      </div>
    </ModalDialog>
  );
}
