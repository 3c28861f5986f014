import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../../../shared/domain/customer';
import { useNotices } from '../../app/notice-context';
import { FormActions } from '../../components/form-actions';
import { formKeyHandler } from '../../components/form-keys';
import { call, toIpcError } from '../../lib/ipc';
import { parsePotential } from './customer-form-values';

interface Props {
  customer: CustomerDetail;
  onSaved: (customer: CustomerDetail) => void;
  onCancel: () => void;
  /** Another edit won: the caller reloads the customer. */
  onConflict: () => void;
  onDirtyChange: (dirty: boolean) => void;
}

/** Potential: the computed score, or one set by hand (0–100). Saves just that field. */
export function PotentialEditor({ customer, onSaved, onCancel, onConflict, onDirtyChange }: Props) {
  const { t } = useTranslation();
  const notices = useNotices();
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const number = useRef<HTMLInputElement>(null);
  const overridden = customer.classes.potentialOverridden;
  const [manual, setManual] = useState(overridden);
  const [text, setText] = useState(overridden ? String(customer.classes.potential) : '');
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);

  const value = manual ? parsePotential(text) : null;
  const before = overridden ? customer.classes.potential : null;
  const dirty = manual !== overridden || (manual && value !== before);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);
  useEffect(() => {
    form.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
  }, []);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving) return;
    if (value === undefined || (manual && value === null)) {
      setError(t('classes.potentialInvalid'));
      number.current?.focus();
      return;
    }
    if (!dirty) {
      onSaved(customer);
      return;
    }
    setSaving(true);
    notices.clearError();
    try {
      const saved = await call('customers.update', { id: customer.id, version: customer.version, patch: { potentialOverride: value } });
      notices.announce(t('classes.potentialSaved'));
      onSaved(saved);
    } catch (err) {
      const ipcError = toIpcError(err);
      notices.showError(ipcError);
      setSaving(false);
      if (ipcError.code === 'CONFLICT') onConflict();
    }
  };

  return (
    <form
      ref={form}
      className="form potential-form"
      noValidate
      aria-label={t('classes.changePotential')}
      onSubmit={(e) => void submit(e)}
      onKeyDown={formKeyHandler(onCancel)}
    >
      <fieldset className="radio-group">
        <legend className="group-title">{t('classes.potentialLegend')}</legend>
        <div className="radio-option">
          <input id={`${id}-computed`} type="radio" name={id} checked={!manual} onChange={() => setManual(false)} />
          <label htmlFor={`${id}-computed`}>{t('classes.potentialUseComputed')}</label>
        </div>
        <div className="radio-option">
          <input
            id={`${id}-manual`}
            type="radio"
            name={id}
            checked={manual}
            onChange={() => {
              setManual(true);
              window.setTimeout(() => number.current?.focus(), 0);
            }}
          />
          <label htmlFor={`${id}-manual`}>{t('classes.potentialSetByHand')}</label>
        </div>
        <div className="field potential-input">
          <label htmlFor={`${id}-value`} className="field-label">
            {t('classes.potentialInput')}
          </label>
          <input
            ref={number}
            id={`${id}-value`}
            type="number"
            min={0}
            max={100}
            step={1}
            inputMode="numeric"
            value={text}
            disabled={!manual}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => {
              setText(e.target.value);
              setError(undefined);
            }}
          />
          {error ? (
            <p id={`${id}-error`} className="field-error">
              {error}
            </p>
          ) : null}
        </div>
      </fieldset>
      <FormActions onCancel={onCancel} saving={saving} />
    </form>
  );
}
