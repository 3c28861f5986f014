import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/form-actions';
import { FormError } from '../../components/form-error';
import { formKeyHandler } from '../../components/form-keys';
import { ModalDialog } from '../../components/modal-dialog';
import { useDialogForm } from '../../components/use-dialog-form';
import { SelectField } from '../../components/select-field';
import { TextAreaField } from '../../components/textarea-field';
import { errorText } from '../../i18n/error-text';
import { call } from '../../lib/ipc';
import {
  isNeedCategory,
  isNeedPriority,
  isNeedStatus,
  needCategoryOptions,
  needStatusLabel,
  needStatusOptions,
  priorityOptions,
  type NeedCategory,
  type NeedPriority,
  type NeedStatus,
} from './relationship-labels';
import { useRelationshipWrites } from './use-relationship-writes';

const DESCRIPTION_MAX = 5000;

interface Props {
  customerId: number;
  company: string;
  onClose: () => void;
}

/** "Record a need" from a customer: category, description, priority (medium) and status (new). */
export function NeedDialog({ customerId, company, onClose }: Props) {
  const { t } = useTranslation();
  const { run } = useRelationshipWrites();
  const [category, setCategory] = useState<NeedCategory>('customisation');
  const [description, setDescription] = useState('');
  const [priority, setPriority] = useState<NeedPriority>('medium');
  const [status, setStatus] = useState<NeedStatus>('new');
  const { saving, setSaving, formError, setFormError, close } = useDialogForm(onClose);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving) return;
    setSaving(true);
    setFormError(undefined);
    const result = await run(() => call('needs.create', { customerId, category, description: description.trim(), priority, status }), {
      done: (need) => t('relationship.needDialog.done', { company, status: needStatusLabel(t, need.status) }),
      conflict: t('relationship.needs.conflict'),
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
    <ModalDialog title={t('relationship.needDialog.title', { company })} onRequestClose={close} className="modal-small relationship-dialog">
      <form className="form" noValidate onSubmit={(e) => void submit(e)} onKeyDown={formKeyHandler(close)}>
        <SelectField
          label={t('relationship.fields.category')}
          value={category}
          options={needCategoryOptions(t)}
          onValueChange={(v) => isNeedCategory(v) && setCategory(v)}
          data-autofocus
        />
        <TextAreaField
          label={t('relationship.fields.description')}
          hint={t('relationship.needDialog.descriptionHint')}
          value={description}
          onValueChange={setDescription}
          maxLength={DESCRIPTION_MAX}
          rows={3}
        />
        <SelectField
          label={t('relationship.fields.priority')}
          value={priority}
          options={priorityOptions(t)}
          onValueChange={(v) => isNeedPriority(v) && setPriority(v)}
        />
        <SelectField
          label={t('relationship.fields.status')}
          value={status}
          options={needStatusOptions(t)}
          onValueChange={(v) => isNeedStatus(v) && setStatus(v)}
        />
        <FormError message={formError} />
        <FormActions onCancel={close} saving={saving} saveLabel={t('relationship.needDialog.save')} />
      </form>
    </ModalDialog>
  );
}
