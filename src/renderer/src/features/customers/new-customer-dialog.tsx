import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../../../shared/domain/customer';
import { useNotices } from '../../app/notice-context';
import { formKeyHandler } from '../../components/form-keys';
import { ModalDialog } from '../../components/modal-dialog';
import { TextField } from '../../components/text-field';
import { useDiscardConfirm } from '../../components/use-discard-confirm';
import { useFocusFirstInvalid } from '../../components/use-focus-first-invalid';
import { call, toIpcError } from '../../lib/ipc';
import { customerFieldErrors, type CustomerFieldErrors, type FirstContactErrors } from './customer-field-errors';
import { CustomerFields } from './customer-fields';
import { EMPTY_CUSTOMER_VALUES, createInput, type CustomerFormValues } from './customer-form-values';
import { FormActions } from '../../components/form-actions';
import { CollisionAlert, useCollisionCheck } from '../team';

interface Props {
  onClose: () => void;
  onCreated: (customer: CustomerDetail) => void;
}

const EMPTY_CONTACT = { name: '', email: '', phone: '' };

/** "New customer": a modal form for the customer and a first contact, saved with customers.create. */
export function NewCustomerDialog({ onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const notices = useNotices();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<CustomerFormValues>(EMPTY_CUSTOMER_VALUES);
  const [contact, setContact] = useState(EMPTY_CONTACT);
  const [errors, setErrors] = useState<{ fields: CustomerFieldErrors; contact: FirstContactErrors }>({ fields: {}, contact: {} });
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const { confirmDiscard, discardDialog } = useDiscardConfirm();
  useFocusFirstInvalid(form, attempt);

  // Who already has this customer (查重, #20): advice under the form, never in the way of saving.
  const collisions = useCollisionCheck({
    company: values.company,
    country: values.country,
    website: values.website,
    contacts: [{ email: contact.email, phone: contact.phone, mobile: '' }],
  });

  const dirty =
    JSON.stringify(values) !== JSON.stringify(EMPTY_CUSTOMER_VALUES) || JSON.stringify(contact) !== JSON.stringify(EMPTY_CONTACT);

  const requestClose = () => {
    if (saving) return;
    if (!dirty) {
      onClose();
      return;
    }
    void confirmDiscard().then((discard) => {
      if (discard) onClose();
    });
  };

  /** A collision's link: the existing customer opens instead (asking first when something is typed). */
  const openExisting = (href: string) => {
    if (saving) return;
    void (dirty ? confirmDiscard() : Promise.resolve(true)).then((discard) => {
      if (!discard) return;
      onClose();
      window.location.hash = href;
    });
  };

  const setField = (key: keyof CustomerFormValues, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, fields: { ...e.fields, [key]: undefined } }));
  };
  const setContactField = (key: keyof typeof EMPTY_CONTACT, value: string) => {
    setContact((c) => ({ ...c, [key]: value }));
    setErrors((e) => ({ ...e, contact: { ...e.contact, [key]: undefined } }));
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving) return;
    if (!values.company.trim()) {
      setErrors({ fields: { company: t('fieldErrors.required') }, contact: {} });
      setAttempt((n) => n + 1);
      return;
    }
    setSaving(true);
    notices.clearError();
    try {
      const created = await call('customers.create', createInput(values, contact));
      notices.announce(t('newCustomer.created', { company: created.company }));
      onCreated(created);
    } catch (err) {
      const error = toIpcError(err);
      setErrors(customerFieldErrors(t, error));
      notices.showError(error);
      setAttempt((n) => n + 1);
    } finally {
      setSaving(false);
    }
  };

  return (
    <ModalDialog title={t('newCustomer.title')} onRequestClose={requestClose} size="wide">
      <form ref={form} className="form" noValidate onSubmit={(e) => void submit(e)} onKeyDown={formKeyHandler(requestClose)}>
        <CustomerFields values={values} onChange={setField} errors={errors.fields} />
        <fieldset className="form-section">
          <legend>{t('newCustomer.firstContact')}</legend>
          <div className="form-grid">
            <TextField
              label={t('newCustomer.contactName')}
              value={contact.name}
              onValueChange={(v) => setContactField('name', v)}
              error={errors.contact.name}
              maxLength={200}
            />
            <TextField
              label={t('contactFields.email')}
              type="email"
              value={contact.email}
              onValueChange={(v) => setContactField('email', v)}
              error={errors.contact.email}
              maxLength={254}
            />
            <TextField
              label={t('contactFields.phone')}
              type="tel"
              value={contact.phone}
              onValueChange={(v) => setContactField('phone', v)}
              error={errors.contact.phone}
              maxLength={60}
            />
          </div>
        </fieldset>
        <CollisionAlert result={collisions} onOpenCustomer={openExisting} />
        <FormActions onCancel={requestClose} saving={saving} />
      </form>
      {discardDialog}
    </ModalDialog>
  );
}
