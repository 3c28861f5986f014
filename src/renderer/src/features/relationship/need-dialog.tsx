import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Need } from '../../../../shared/domain/relationship';
import { FormActions } from '../../components/form-actions';
import { FormError } from '../../components/form-error';
import { formKeyHandler } from '../../components/form-keys';
import { ModalDialog } from '../../components/modal-dialog';
import { useDialogForm } from '../../components/use-dialog-form';
import { SelectField } from '../../components/select-field';
import { TextAreaField } from '../../components/textarea-field';
import { errorText } from '../../i18n/error-text';
import { call } from '../../lib/ipc';
import { invalidFields } from '../../lib/invalid-fields';
import { CustomerPicker, type PickedCustomer } from './customer-picker';
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
  /** The customer, when recorded from their panel; without one the dialog starts with a customer picker. */
  customer?: Pick<PickedCustomer, 'id' | 'company'>;
  /** Closed: with the need when it was recorded, null when cancelled (or the save failed). */
  onClose: (saved: Need | null) => void;
}

/** "Record a need": the customer (picked by typing when not given), category, description, priority (medium) and status (new). */
export function NeedDialog({ customer: given, onClose }: Props) {
  const { t } = useTranslation();
  const { run } = useRelationshipWrites();
  const [customer, setCustomer] = useState<Pick<PickedCustomer, 'id' | 'company'> | null>(given ?? null);
  const [customerError, setCustomerError] = useState<string | undefined>(undefined);
  const [category, setCategory] = useState<NeedCategory>('customisation');
  const [description, setDescription] = useState('');
  const [priority, setPriority] = useState<NeedPriority>('medium');
  const [status, setStatus] = useState<NeedStatus>('new');
  const { form, saving, setSaving, formError, setFormError, focusFirstInvalid, close } = useDialogForm(() => onClose(null));

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving) return;
    setFormError(undefined);
    if (!customer) {
      setCustomerError(t('relationship.picker.required'));
      focusFirstInvalid();
      return;
    }
    setSaving(true);
    const { id: customerId, company } = customer;
    const result = await run(() => call('needs.create', { customerId, category, description: description.trim(), priority, status }), {
      done: (need) => t('relationship.needDialog.done', { company, status: needStatusLabel(t, need.status) }),
      conflict: t('relationship.needs.conflict'),
      handles: (error) => {
        if (error.code === 'NOT_FOUND' && !given) {
          setCustomerError(t('relationship.picker.notFound'));
          return true;
        }
        if (error.code !== 'INVALID_INPUT') return false;
        if (!given && invalidFields(error).some((f) => f.path === 'customerId')) setCustomerError(t('relationship.picker.required'));
        else setFormError(errorText(t, error));
        return true;
      },
    });
    setSaving(false);
    if (result.ok) onClose(result.value);
    else if (result.error.code === 'INVALID_INPUT' || (result.error.code === 'NOT_FOUND' && !given)) focusFirstInvalid();
    else onClose(null);
  };

  const title = given ? t('relationship.needDialog.title', { company: given.company }) : t('relationship.needDialog.newTitle');
  return (
    <ModalDialog title={title} onRequestClose={close} size="small" className="relationship-dialog">
      <form ref={form} className="form" noValidate onSubmit={(e) => void submit(e)} onKeyDown={formKeyHandler(close)}>
        {given ? null : (
          <CustomerPicker
            value={customer === null ? null : { ...customer, owner: '' }}
            onChange={(picked) => {
              setCustomer(picked);
              setCustomerError(undefined);
            }}
            error={customerError}
          />
        )}
        <SelectField
          label={t('relationship.fields.category')}
          value={category}
          options={needCategoryOptions(t)}
          onValueChange={(v) => isNeedCategory(v) && setCategory(v)}
          data-autofocus={given ? true : undefined}
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
