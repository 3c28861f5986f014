import { Button } from 'antd';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotices } from '../../app/notice-context';
import { formKeyHandler } from '../../components/form-keys';
import { TextField } from '../../components/text-field';
import { useFocusFirstInvalid } from '../../components/use-focus-first-invalid';
import { fieldProblems } from '../../lib/invalid-fields';
import { call, toIpcError } from '../../lib/ipc';
import {
  COMMON_CURRENCIES,
  convertRates,
  currencyCode,
  currencyName,
  sameCurrencyValues,
  settingsFromValues,
  valuesFromData,
  type CurrencyData,
  type CurrencyFormValues,
} from './currency-form-values';
import { RatesTable } from './rates-table';
import { FormActions } from '../../components/form-actions';

interface Props {
  data: CurrencyData;
  onDirtyChange: (dirty: boolean) => void;
  onDiscard: () => void;
  onSaved: () => void;
}

interface Errors {
  base?: string;
  add?: string;
  rates: Record<string, string>;
}

const NO_ERRORS: Errors = { rates: {} };

/** Base currency and the exchange-rate table; Save sends currency.save. */
export function CurrencyForm({ data, onDirtyChange, onDiscard, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const notices = useNotices();
  const form = useRef<HTMLFormElement>(null);
  const listId = useId();
  const initial = useMemo(() => valuesFromData(data), [data]);
  const [values, setValues] = useState<CurrencyFormValues>(initial);
  // The currency the rates in the table are expressed in (the saved base until converted).
  const [ratesIn, setRatesIn] = useState(data.base);
  const [adding, setAdding] = useState('');
  const [errors, setErrors] = useState<Errors>(NO_ERRORS);
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  useFocusFirstInvalid(form, attempt);

  const dirty = !sameCurrencyValues(values, initial);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);

  const baseCode = currencyCode(values.base);
  const ordersByCurrency = useMemo(() => new Map(data.inUse.map((u) => [u.currency.toUpperCase(), u.orders])), [data.inUse]);
  const canConvert = baseCode !== null && baseCode !== ratesIn ? convertRates(values, ratesIn, baseCode) : null;

  const setRate = (currency: string, rate: string) => {
    setValues((v) => ({ ...v, rows: v.rows.map((r) => (r.currency === currency ? { ...r, rate } : r)) }));
    setErrors((e) => (e.rates[currency] ? { ...e, rates: { ...e.rates, [currency]: '' } } : e));
  };

  const removeRow = (currency: string) => setValues((v) => ({ ...v, rows: v.rows.filter((r) => r.currency !== currency) }));

  const addCurrency = () => {
    const code = currencyCode(adding);
    if (!code) {
      setErrors((e) => ({ ...e, add: t('settings.currency.errors.code') }));
      return;
    }
    if (code === baseCode || values.rows.some((r) => r.currency === code)) {
      setErrors((e) => ({ ...e, add: t('settings.currency.errors.duplicate', { currency: code }) }));
      return;
    }
    setValues((v) => ({ ...v, rows: [...v.rows, { currency: code, rate: '' }] }));
    setAdding('');
    setErrors((e) => ({ ...e, add: undefined }));
    // Straight on to the new row's rate.
    window.setTimeout(() => form.current?.querySelector<HTMLInputElement>(`input[data-currency="${code}"]`)?.focus(), 0);
  };

  const onAddKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
      e.preventDefault();
      addCurrency();
    }
  };

  const convert = () => {
    if (!baseCode || !canConvert) return;
    setValues((v) => ({ ...v, rows: canConvert }));
    setRatesIn(baseCode);
    setErrors(NO_ERRORS);
    notices.announce(t('settings.currency.converted', { base: baseCode }));
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving) return;
    const parsed = settingsFromValues(values);
    if ('badRates' in parsed) {
      setErrors({
        base: parsed.badBase ? t('settings.currency.errors.code') : undefined,
        rates: Object.fromEntries(
          parsed.badRates.map((c) => [c, t('settings.currency.errors.rate', { currency: c, base: baseCode ?? values.base })]),
        ),
      });
      setAttempt((n) => n + 1);
      return;
    }
    if (!dirty) {
      notices.announce(t('settings.currency.noChanges'));
      return;
    }
    setSaving(true);
    notices.clearError();
    try {
      await call('currency.save', parsed);
      setErrors(NO_ERRORS);
      onSaved();
    } catch (err) {
      const error = toIpcError(err);
      const problems = fieldProblems(error);
      const rates: Record<string, string> = {};
      let base: string | undefined;
      for (const path of Object.keys(problems)) {
        if (path === 'base') base = t('settings.currency.errors.code');
        else if (path.startsWith('rates.')) {
          const code = path.slice('rates.'.length);
          rates[code] = t('settings.currency.errors.rate', { currency: code, base: parsed.base });
        }
      }
      if (base || Object.keys(rates).length) {
        setErrors({ base, rates });
        setAttempt((n) => n + 1);
      } else notices.showError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      ref={form}
      className="form currency-form"
      noValidate
      aria-label={t('settings.currency.formLabel')}
      onSubmit={(e) => void submit(e)}
      onKeyDown={formKeyHandler(onDiscard)}
    >
      <datalist id={listId}>
        {COMMON_CURRENCIES.map((c) => (
          <option key={c} value={c}>
            {currencyName(c, lang)}
          </option>
        ))}
      </datalist>
      <div className="currency-base">
        <TextField
          label={t('settings.currency.base')}
          hint={baseCode ? currencyName(baseCode, lang) || t('settings.currency.baseHint') : t('settings.currency.baseHint')}
          error={errors.base}
          value={values.base}
          onValueChange={(v) => {
            setValues((old) => ({ ...old, base: v.toUpperCase() }));
            setErrors((e) => ({ ...e, base: undefined }));
          }}
          list={listId}
          maxLength={3}
          autoComplete="off"
          spellCheck={false}
          className="currency-code-field"
        />
        {baseCode && baseCode !== ratesIn ? (
          <div className="settings-note currency-rebase">
            {canConvert ? (
              <>
                <p>{t('settings.currency.convertOffer', { from: ratesIn, to: baseCode })}</p>
                <Button size="small" onClick={convert}>
                  {t('settings.currency.convert', { base: baseCode })}
                </Button>
              </>
            ) : (
              <p>{t('settings.currency.rebaseNote', { from: ratesIn, to: baseCode })}</p>
            )}
          </div>
        ) : null}
      </div>

      <RatesTable
        rows={values.rows}
        base={baseCode ?? values.base}
        orders={ordersByCurrency}
        errors={errors.rates}
        rateDates={data.rateDates}
        onRateChange={setRate}
        onRemove={removeRow}
      />

      <div className="currency-add">
        <TextField
          label={t('settings.currency.add')}
          hint={t('settings.currency.addHint')}
          error={errors.add}
          value={adding}
          onValueChange={(v) => {
            setAdding(v.toUpperCase());
            setErrors((e) => ({ ...e, add: undefined }));
          }}
          onKeyDown={onAddKeyDown}
          list={listId}
          maxLength={3}
          autoComplete="off"
          spellCheck={false}
          className="currency-code-field"
        />
        <Button onClick={addCurrency}>{t('settings.currency.addButton')}</Button>
      </div>

      <FormActions
        className="settings-actions"
        dirty={dirty}
        saving={saving}
        cancelLabel={t('settings.discard')}
        saveLabel={t('settings.currency.save')}
        onCancel={onDiscard}
      />
    </form>
  );
}
