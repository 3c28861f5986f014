import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OPEN_DEAL_STAGES, type Deal, type OpenDealStage } from '../../../../shared/domain/deals';
import { DateField } from '../../components/date-field';
import { FormActions } from '../../components/form-actions';
import { FormError } from '../../components/form-error';
import { formKeyHandler } from '../../components/form-keys';
import { ModalDialog } from '../../components/modal-dialog';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { useDialogForm } from '../../components/use-dialog-form';
import { errorText } from '../../i18n/error-text';
import { call } from '../../lib/ipc';
import { invalidFields } from '../../lib/invalid-fields';
import { CustomerPicker, type PickedCustomer } from '../relationship';
import { amountText, parseAmount } from './deal-amount';
import { dealKeys } from './deal-keys';
import { stageLabel } from './deal-labels';
import { useDealWrites } from './use-deals';

interface Props {
  /** The customer, when opened from their panel; without one the dialog starts with a customer picker. */
  customer?: { id: number; company: string };
  /** The currency a new deal starts in (the base currency). */
  currency: string;
  onClose: (saved: Deal | null) => void;
}

type Errors = Partial<Record<'customer' | 'inquiry' | 'title' | 'amount' | 'currency', string>>;

/**
 * "New deal": for a customer (picked by typing when not given), or from one of their inquiries
 * (title and amount proposed from it); title, amount and currency, expected close, stage. Enter
 * saves, Escape closes; problems are shown by their fields.
 */
export function DealDialog({ customer: given, currency: baseCurrency, onClose }: Props) {
  const { t } = useTranslation();
  const { run } = useDealWrites();
  const [customer, setCustomer] = useState<Pick<PickedCustomer, 'id' | 'company'> | null>(given ?? null);
  const [source, setSource] = useState<'customer' | 'inquiry'>('customer');
  const [inquiryId, setInquiryId] = useState('');
  const [title, setTitle] = useState('');
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState(baseCurrency);
  const [expectedClose, setExpectedClose] = useState('');
  const [stage, setStage] = useState<OpenDealStage>('inquiry');
  const [errors, setErrors] = useState<Errors>({});
  const [hint, setHint] = useState<string | undefined>(undefined);
  const { form, saving, setSaving, formError, setFormError, focusFirstInvalid, close } = useDialogForm(() => onClose(null));

  const inquiries = useQuery({
    queryKey: dealKeys.inquiries(customer?.id ?? 0),
    queryFn: () => call('timeline.list', { customerId: customer!.id, kinds: ['inquiry'], limit: 50 }),
    enabled: customer !== null && source === 'inquiry',
  });
  const proposal = useQuery({
    queryKey: dealKeys.proposal(Number(inquiryId)),
    queryFn: () => call('deals.propose', { inquiryId: Number(inquiryId) }),
    enabled: source === 'inquiry' && inquiryId !== '',
  });
  // A proposal fills the fields (the user may then change them).
  useEffect(() => {
    const p = proposal.data;
    if (!p) return;
    setTitle(p.title);
    setAmount(p.amountMinor ? amountText(p.amountMinor, p.currency) : '');
    setCurrency(p.currency);
    setHint(p.productSku ? t('deals.dialog.proposedHint', { sku: p.productSku }) : t('deals.dialog.proposedNoPrice'));
  }, [proposal.data, t]);

  const clearError = (key: keyof Errors) => setErrors((e) => ({ ...e, [key]: undefined }));

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving) return;
    setFormError(undefined);
    const code = currency.trim().toUpperCase();
    const next: Errors = {};
    if (!customer) next.customer = t('relationship.picker.required');
    if (source === 'inquiry' && inquiryId === '') next.inquiry = t('deals.dialog.inquiryRequired');
    if (!title.trim()) next.title = t('deals.dialog.titleRequired');
    if (!/^[A-Z]{3}$/.test(code)) next.currency = t('deals.dialog.currencyInvalid');
    const minor = next.currency ? null : parseAmount(amount, code);
    if (!next.currency && minor === null) next.amount = t('deals.dialog.amountInvalid');
    setErrors(next);
    if (Object.values(next).some(Boolean) || !customer || minor === null) {
      focusFirstInvalid();
      return;
    }
    setSaving(true);
    const input = {
      customerId: customer.id,
      ...(source === 'inquiry' ? { inquiryId: Number(inquiryId) } : {}),
      title: title.trim(),
      amountMinor: minor,
      currency: code,
      expectedClose: expectedClose || null,
      stage,
    };
    const result = await run(() => call('deals.create', input), {
      done: (deal) => t('deals.dialog.done', { title: deal.title, company: deal.company }),
      conflict: t('deals.conflict'),
      handles: (error) => {
        if (error.code !== 'INVALID_INPUT') return false;
        const fields = invalidFields(error).map((f) => f.path);
        const mapped: Errors = {};
        if (fields.includes('title')) mapped.title = t('deals.dialog.titleRequired');
        if (fields.includes('amountMinor')) mapped.amount = t('deals.dialog.amountInvalid');
        if (fields.includes('currency')) mapped.currency = t('deals.dialog.currencyInvalid');
        if (fields.includes('inquiryId')) mapped.inquiry = t('deals.dialog.inquiryRequired');
        if (Object.keys(mapped).length) setErrors(mapped);
        else setFormError(errorText(t, error));
        return true;
      },
    });
    setSaving(false);
    if (result.ok) onClose(result.value);
    else if (result.error.code === 'INVALID_INPUT') focusFirstInvalid();
    else onClose(null);
  };

  const inquiryOptions = (inquiries.data ?? [])
    .filter((i) => i.refId !== null)
    .map((i) => ({ value: String(i.refId), label: `${i.at.slice(0, 10)} · ${i.summary || '—'}` }));
  const dialogTitle = given ? t('deals.dialog.titleFor', { company: given.company }) : t('deals.dialog.title');
  return (
    <ModalDialog title={dialogTitle} onRequestClose={close} size="small" className="deal-dialog">
      <form ref={form} className="form" noValidate onSubmit={(e) => void submit(e)} onKeyDown={formKeyHandler(close)}>
        {given ? null : (
          <CustomerPicker
            value={customer === null ? null : { ...customer, owner: '' }}
            onChange={(picked) => {
              setCustomer(picked);
              setInquiryId('');
              clearError('customer');
            }}
            error={errors.customer}
          />
        )}
        <SelectField
          label={t('deals.dialog.from')}
          value={source}
          options={[
            { value: 'customer', label: t('deals.dialog.fromCustomer') },
            { value: 'inquiry', label: t('deals.dialog.fromInquiry') },
          ]}
          onValueChange={(v) => {
            setSource(v === 'inquiry' ? 'inquiry' : 'customer');
            setHint(undefined);
          }}
          data-autofocus={given ? true : undefined}
        />
        {source === 'inquiry' ? (
          <SelectField
            label={t('deals.dialog.inquiry')}
            value={inquiryId}
            options={inquiryOptions}
            notFound={t('deals.dialog.noInquiries')}
            onValueChange={(v) => {
              setInquiryId(v);
              clearError('inquiry');
            }}
            error={errors.inquiry}
            hint={inquiries.data && inquiryOptions.length === 0 ? t('deals.dialog.noInquiries') : undefined}
          />
        ) : null}
        <TextField
          label={t('deals.dialog.dealTitle')}
          value={title}
          onValueChange={(v) => {
            setTitle(v);
            clearError('title');
          }}
          maxLength={200}
          required
          error={errors.title}
          hint={hint}
        />
        <div className="deal-dialog-money">
          <TextField
            label={t('deals.dialog.amount')}
            value={amount}
            inputMode="decimal"
            onValueChange={(v) => {
              setAmount(v);
              clearError('amount');
            }}
            error={errors.amount}
          />
          <TextField
            label={t('deals.dialog.currency')}
            value={currency}
            maxLength={3}
            className="deal-dialog-currency"
            onValueChange={(v) => {
              setCurrency(v.toUpperCase());
              clearError('currency');
            }}
            error={errors.currency}
          />
        </div>
        <DateField label={t('deals.dialog.expectedClose')} value={expectedClose} onValueChange={setExpectedClose} />
        <SelectField
          label={t('deals.dialog.stage')}
          value={stage}
          options={OPEN_DEAL_STAGES.map((s) => ({ value: s, label: stageLabel(t, s) }))}
          onValueChange={(v) => {
            const s = OPEN_DEAL_STAGES.find((x) => x === v);
            if (s) setStage(s);
          }}
        />
        <FormError message={formError} />
        <FormActions onCancel={close} saving={saving} saveLabel={t('deals.dialog.save')} />
      </form>
    </ModalDialog>
  );
}
