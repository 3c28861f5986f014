import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../../../shared/domain/customer';
import { useNotices } from '../../app/notice-context';
import { formKeyHandler } from '../../components/form-keys';
import { useFocusFirstInvalid } from '../../components/use-focus-first-invalid';
import { call, toIpcError } from '../../lib/ipc';
import { customerFieldErrors, type CustomerFieldErrors } from './customer-field-errors';
import { CustomerFields } from './customer-fields';
import { customerPatch, parsePotential, toCustomerFields, valuesFromDetail, type CustomerFormValues } from './customer-form-values';
import { FormActions } from '../../components/form-actions';

interface Props {
  /** The version being edited; saving sends its version, so a change made elsewhere is a CONFLICT. */
  customer: CustomerDetail;
  onSaved: (customer: CustomerDetail) => void;
  /** Cancel / Escape; the caller asks about unsaved changes (see onDirtyChange). */
  onCancel: () => void;
  /** Another edit won: reload the customer and start this form again from the latest version. */
  onConflict: () => void;
  onDirtyChange: (dirty: boolean) => void;
}

/** Edits a customer's fields; saves only what changed with customers.update. */
export function CustomerEditForm({ customer: latest, onSaved, onCancel, onConflict, onDirtyChange }: Props) {
  const { t } = useTranslation();
  // The form edits the version it opened with, even if the cache reloads meanwhile: a change made
  // elsewhere then surfaces as CONFLICT instead of being overwritten silently.
  const [customer] = useState(latest);
  const notices = useNotices();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<CustomerFormValues>(() => valuesFromDetail(customer));
  const [errors, setErrors] = useState<CustomerFieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  useFocusFirstInvalid(form, attempt);

  const patch = customerPatch(values, customer);
  const potentialInvalid = parsePotential(values.potentialOverride) === undefined;
  const dirty = Object.keys(patch).length > 0 || potentialInvalid;
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);

  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, []);

  const setField = (key: keyof CustomerFormValues, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving) return;
    const problems: CustomerFieldErrors = {};
    if (!values.company.trim()) problems.company = t('fieldErrors.required');
    if (potentialInvalid) problems.potentialOverride = t('classes.potentialInvalid');
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      setAttempt((n) => n + 1);
      return;
    }
    if (!dirty) {
      onSaved(customer);
      return;
    }
    setSaving(true);
    notices.clearError();
    try {
      // The whole field set, not just `patch`: the engine's partial schema fills absent fields with
      // their defaults, so a diff would blank everything it leaves out. The version still guards it.
      const saved = await call('customers.update', { id: customer.id, version: customer.version, patch: toCustomerFields(values) });
      notices.announce(t('detail.saved'));
      onSaved(saved);
    } catch (err) {
      const error = toIpcError(err);
      notices.showError(error);
      if (error.code === 'CONFLICT') {
        onConflict();
        return;
      }
      setErrors(customerFieldErrors(t, error, 'patch.').fields);
      setAttempt((n) => n + 1);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      ref={form}
      className="form detail-form"
      noValidate
      aria-label={t('detail.editHeading')}
      onSubmit={(e) => void submit(e)}
      onKeyDown={formKeyHandler(onCancel)}
    >
      <CustomerFields
        values={values}
        onChange={setField}
        errors={errors}
        derivedStage={customer.lifecycleStage}
        computedPotential={customer.classes.potentialOverridden ? null : customer.classes.potential}
      />
      <FormActions onCancel={onCancel} saving={saving} />
    </form>
  );
}
