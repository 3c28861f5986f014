import { Button } from 'antd';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RESPONSE_DAYS, type Complaint } from '../../../../shared/domain/relationship';
import { FormActions } from '../../components/form-actions';
import { FormError } from '../../components/form-error';
import { SuggestField } from '../../components/suggest-field';
import { useOwners } from '../../lib/use-owners';
import { formKeyHandler } from '../../components/form-keys';
import { ModalDialog } from '../../components/modal-dialog';
import { useDialogForm } from '../../components/use-dialog-form';
import { SelectField } from '../../components/select-field';
import { TextAreaField } from '../../components/textarea-field';
import { errorText } from '../../i18n/error-text';
import { formatDateTime } from '../../i18n/format-date';
import { call, type IpcError } from '../../lib/ipc';
import { invalidFields } from '../../lib/invalid-fields';
import { ComplaintOrderFields, claimMinor, defaultClaimCurrency, useOrderChoices } from './complaint-order-fields';
import { ComplaintPhotosField, photoProblemText, type PhotoDraft } from './complaint-photos-field';
import { CustomerPicker, type PickedCustomer } from './customer-picker';
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
  /** The customer, when recorded from their panel; without one the dialog starts with a customer picker. */
  customer?: PickedCustomer;
  /** Closed: with the complaint when it was recorded, null when cancelled. */
  onClose: (saved: Complaint | null) => void;
}

/**
 * "Record a complaint": the customer (picked by typing when not given), category, severity,
 * description (required), owner, the order it is about, the amount claimed and photos. The engine
 * sets the respond-by time from the severity; the dialog shows it once saved.
 */
export function ComplaintDialog({ customer, onClose }: Props) {
  const [saved, setSaved] = useState<Complaint | null>(null);
  return saved ? (
    <SavedStep complaint={saved} onClose={() => onClose(saved)} />
  ) : (
    <FormStep customer={customer} onClose={() => onClose(null)} onSaved={setSaved} />
  );
}

interface Errors {
  customer?: string;
  description?: string;
  order?: string;
  amount?: string;
  currency?: string;
  photos?: string;
}

function FormStep({
  customer: given,
  onClose,
  onSaved,
}: {
  customer?: PickedCustomer;
  onClose: () => void;
  onSaved: (c: Complaint) => void;
}) {
  const { t } = useTranslation();
  const { run } = useRelationshipWrites();
  const [customer, setCustomer] = useState<PickedCustomer | null>(given ?? null);
  const [category, setCategory] = useState<ComplaintCategory>('quality');
  const [severity, setSeverity] = useState<ComplaintSeverity>('medium');
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState(given?.owner ?? '');
  const [ownerEdited, setOwnerEdited] = useState(false);
  const [orderId, setOrderId] = useState<number | null>(null);
  const [amount, setAmount] = useState('');
  const [currencyChoice, setCurrencyChoice] = useState<string | null>(null);
  const [photos, setPhotos] = useState<PhotoDraft[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const owners = useOwners();
  const { form, saving, setSaving, formError, setFormError, focusFirstInvalid, close } = useDialogForm(onClose);
  const choices = useOrderChoices(customer?.id ?? null);
  const currency = currencyChoice ?? defaultClaimCurrency(choices.data, orderId);
  const setError = (field: keyof Errors, message: string | undefined) => setErrors((old) => ({ ...old, [field]: message }));

  const pickCustomer = (picked: PickedCustomer | null) => {
    setCustomer(picked);
    setOrderId(null);
    setError('customer', undefined);
    setError('order', undefined);
    if (!ownerEdited) setOwner(picked?.owner ?? '');
  };

  /** The engine's field problems, each next to its field; true when it named at least one. */
  const showProblems = (error: IpcError): boolean => {
    const found: Errors = {};
    for (const f of invalidFields(error)) {
      if (f.path === 'customerId') found.customer ??= t('relationship.picker.required');
      else if (f.path === 'description') found.description ??= t('fieldErrors.required');
      else if (f.path === 'orderId') found.order ??= t('relationship.complaintDialog.orderNotCustomer');
      else if (f.path === 'claim.currency') found.currency ??= t('relationship.complaintDialog.currencyUnknown');
      else if (f.path.startsWith('claim')) found.amount ??= t('relationship.complaintDialog.claimInvalid');
      else if (f.path.startsWith('photos'))
        found.photos ??= photoProblemText(
          t,
          f.path,
          f.message,
          photos.map((p) => p.fileName),
        );
    }
    setErrors(found);
    return Object.values(found).some(Boolean);
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving) return;
    setFormError(undefined);
    const minor = amount.trim() ? claimMinor(amount, currency) : null;
    const found: Errors = {
      customer: customer ? undefined : t('relationship.picker.required'),
      description: description.trim() ? undefined : t('fieldErrors.required'),
      amount: amount.trim() && minor === null ? t('relationship.complaintDialog.claimInvalid') : undefined,
      photos: errors.photos,
    };
    if (!customer || found.customer || found.description || found.amount) {
      setErrors(found);
      focusFirstInvalid();
      return;
    }
    setErrors({});
    setSaving(true);
    const company = customer.company;
    const result = await run(
      () =>
        call('complaints.create', {
          customerId: customer.id,
          category,
          severity,
          description: description.trim(),
          owner: owner.trim(),
          orderId,
          claim: minor === null ? null : { amountMinor: minor, currency },
          photos: photos.map((p) => ({ fileName: p.fileName, contentBase64: p.contentBase64 })),
        }),
      {
        done: () => t('relationship.complaintDialog.done', { company }),
        conflict: t('relationship.complaints.conflict'),
        handles: (error) => {
          if (error.code === 'NOT_FOUND' && !given) {
            setError('customer', t('relationship.picker.notFound'));
            return true;
          }
          if (error.code !== 'INVALID_INPUT') return false;
          if (!showProblems(error)) setFormError(errorText(t, error));
          return true;
        },
      },
    );
    setSaving(false);
    if (result.ok) onSaved(result.value);
    else if (result.error.code === 'INVALID_INPUT' || (result.error.code === 'NOT_FOUND' && !given)) focusFirstInvalid();
    else onClose();
  };

  const title = given ? t('relationship.complaintDialog.title', { company: given.company }) : t('relationship.complaintDialog.newTitle');
  return (
    <ModalDialog title={title} onRequestClose={close} size="wide" className="relationship-dialog">
      <form ref={form} className="form" noValidate onSubmit={(e) => void submit(e)} onKeyDown={formKeyHandler(close)}>
        {given ? null : <CustomerPicker value={customer} onChange={pickCustomer} error={errors.customer} />}
        <div className="relationship-dialog-columns">
          <SelectField
            label={t('relationship.fields.category')}
            value={category}
            options={complaintCategoryOptions(t)}
            onValueChange={(v) => isComplaintCategory(v) && setCategory(v)}
            data-autofocus={given ? true : undefined}
          />
          <SelectField
            label={t('relationship.fields.severity')}
            hint={t('relationship.complaintDialog.severityHint', { count: RESPONSE_DAYS[severity] })}
            value={severity}
            options={severityOptions(t)}
            onValueChange={(v) => isComplaintSeverity(v) && setSeverity(v)}
          />
        </div>
        <TextAreaField
          label={t('relationship.fields.description')}
          value={description}
          onValueChange={(v) => {
            setDescription(v);
            setError('description', undefined);
          }}
          error={errors.description}
          maxLength={DESCRIPTION_MAX}
          rows={3}
          aria-required
        />
        <ComplaintOrderFields
          customerId={customer?.id ?? null}
          choices={choices.data}
          loading={choices.isLoading}
          orderId={orderId}
          onOrderChange={(id) => {
            setOrderId(id);
            setError('order', undefined);
          }}
          amount={amount}
          onAmountChange={(v) => {
            setAmount(v);
            setError('amount', undefined);
          }}
          currency={currency}
          onCurrencyChange={(code) => {
            setCurrencyChoice(code);
            setError('currency', undefined);
          }}
          orderError={errors.order}
          amountError={errors.amount}
          currencyError={errors.currency}
        />
        <ComplaintPhotosField
          value={photos}
          onChange={(next) => {
            setPhotos(next);
            setError('photos', undefined);
          }}
          error={errors.photos}
          onError={(message) => setError('photos', message)}
        />
        <SuggestField
          label={t('relationship.fields.owner')}
          hint={t('relationship.complaintDialog.ownerHint')}
          value={owner}
          onValueChange={(v) => {
            setOwner(v);
            setOwnerEdited(true);
          }}
          maxLength={OWNER_MAX}
          suggestions={owners}
        />
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
      size="small"
      className="relationship-dialog"
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
        <Button type="primary" onClick={onClose} data-autofocus>
          {t('relationship.complaintDialog.close')}
        </Button>
      </div>
    </ModalDialog>
  );
}
