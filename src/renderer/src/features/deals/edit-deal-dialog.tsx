import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deal } from '../../../../shared/domain/deals';
import { DateField } from '../../components/date-field';
import { FormActions } from '../../components/form-actions';
import { FormError } from '../../components/form-error';
import { formKeyHandler } from '../../components/form-keys';
import { ModalDialog } from '../../components/modal-dialog';
import { TextField } from '../../components/text-field';
import { useDialogForm } from '../../components/use-dialog-form';
import { errorText } from '../../i18n/error-text';
import { call } from '../../lib/ipc';
import { amountText, parseAmount } from './deal-amount';
import { useDealWrites } from './use-deals';

interface Props {
  deal: Deal;
  onClose: () => void;
}

type Errors = Partial<Record<'title' | 'amount' | 'currency', string>>;

/** "Edit deal": title, amount and currency (not of a won deal: its order has them), expected close; saved by version. */
export function EditDealDialog({ deal, onClose }: Props) {
  const { t } = useTranslation();
  const { run } = useDealWrites();
  const won = deal.stage === 'won';
  const [title, setTitle] = useState(deal.title);
  const [amount, setAmount] = useState(amountText(deal.amountMinor, deal.currency));
  const [currency, setCurrency] = useState(deal.currency);
  const [expectedClose, setExpectedClose] = useState(deal.expectedClose ?? '');
  const [errors, setErrors] = useState<Errors>({});
  const { form, saving, setSaving, formError, setFormError, focusFirstInvalid, close } = useDialogForm(onClose);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving) return;
    setFormError(undefined);
    const code = currency.trim().toUpperCase();
    const next: Errors = {};
    if (!title.trim()) next.title = t('deals.dialog.titleRequired');
    if (!/^[A-Z]{3}$/.test(code)) next.currency = t('deals.dialog.currencyInvalid');
    const minor = next.currency ? null : parseAmount(amount, code);
    if (!next.currency && minor === null) next.amount = t('deals.dialog.amountInvalid');
    setErrors(next);
    if (Object.values(next).some(Boolean) || minor === null) {
      focusFirstInvalid();
      return;
    }
    const patch = {
      ...(title.trim() !== deal.title ? { title: title.trim() } : {}),
      ...(!won && minor !== deal.amountMinor ? { amountMinor: minor } : {}),
      ...(!won && code !== deal.currency ? { currency: code } : {}),
      ...((expectedClose || null) !== deal.expectedClose ? { expectedClose: expectedClose || null } : {}),
    };
    if (Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    setSaving(true);
    const result = await run(() => call('deals.update', { id: deal.id, version: deal.version, patch }), {
      done: (saved) => t('deals.edit.done', { title: saved.title }),
      conflict: t('deals.conflict'),
      handles: (error) => {
        if (error.code !== 'INVALID_INPUT' && error.code !== 'DEAL_CLOSED') return false;
        setFormError(errorText(t, error));
        return true;
      },
    });
    setSaving(false);
    if (result.ok || result.error.code === 'CONFLICT') onClose();
  };

  return (
    <ModalDialog title={t('deals.edit.title', { title: deal.title })} onRequestClose={close} size="small" className="deal-dialog">
      <form ref={form} className="form" noValidate onSubmit={(e) => void submit(e)} onKeyDown={formKeyHandler(close)}>
        <TextField
          label={t('deals.dialog.dealTitle')}
          value={title}
          onValueChange={(v) => {
            setTitle(v);
            setErrors((x) => ({ ...x, title: undefined }));
          }}
          maxLength={200}
          required
          error={errors.title}
        />
        <div className="deal-dialog-money">
          <TextField
            label={t('deals.dialog.amount')}
            value={amount}
            inputMode="decimal"
            disabled={won}
            hint={won ? t('deals.edit.wonAmount') : undefined}
            onValueChange={(v) => {
              setAmount(v);
              setErrors((x) => ({ ...x, amount: undefined }));
            }}
            error={errors.amount}
          />
          <TextField
            label={t('deals.dialog.currency')}
            value={currency}
            maxLength={3}
            disabled={won}
            className="deal-dialog-currency"
            onValueChange={(v) => {
              setCurrency(v.toUpperCase());
              setErrors((x) => ({ ...x, currency: undefined }));
            }}
            error={errors.currency}
          />
        </div>
        <DateField label={t('deals.dialog.expectedClose')} value={expectedClose} onValueChange={setExpectedClose} />
        <FormError message={formError} />
        <FormActions onCancel={close} saving={saving} saveLabel={t('deals.edit.save')} />
      </form>
    </ModalDialog>
  );
}
