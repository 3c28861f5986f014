import { Button } from 'antd';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../../shared/domain/products';
import { FormActions } from '../../components/form-actions';
import { FormError } from '../../components/form-error';
import { formKeyHandler } from '../../components/form-keys';
import { ModalDialog } from '../../components/modal-dialog';
import { TextAreaField } from '../../components/textarea-field';
import { TextField } from '../../components/text-field';
import { useDialogForm } from '../../components/use-dialog-form';
import { errorText, fieldProblemText } from '../../i18n/error-text';
import { call, toIpcError } from '../../lib/ipc';
import { invalidFields } from '../../lib/invalid-fields';
import { formValues, toInput, type FormErrors, type ProductFormValues } from './product-form-values';
import { ProductPhoto } from './product-photo';

interface Props {
  /** The product to edit; null: a new one. */
  product: Product | null;
  /** Closed: with the product when it was saved, null when cancelled. */
  onClose: (saved: Product | null) => void;
}

type TextKey = Exclude<keyof ProductFormValues, 'tiers'>;

/**
 * A product's form: Enter saves from any field, Escape closes; price tiers as rows (from quantity,
 * unit price in the product's currency); cost with its currency (visible to everyone for now).
 */
export function ProductDialog({ product: given, onClose }: Props) {
  const { t } = useTranslation();
  // The product as it is now: a photo changed meanwhile gives it a new version.
  const [product, setProduct] = useState<Product | null>(given);
  const [values, setValues] = useState<ProductFormValues>(() => {
    const v = formValues(product);
    return v.tiers.length === 0 ? { ...v, tiers: [{ qty: '', price: '' }] } : v;
  });
  const [errors, setErrors] = useState<FormErrors>({});
  const { form, saving, setSaving, formError, setFormError, focusFirstInvalid, close } = useDialogForm(() => onClose(null));
  const set = (key: TextKey) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const field = (
    key: TextKey,
    label: string,
    extra: { required?: boolean; inputMode?: 'numeric' | 'decimal'; autofocus?: boolean } = {},
  ) => (
    <TextField
      label={label}
      value={values[key]}
      onValueChange={set(key)}
      error={errors[key]}
      required={extra.required}
      inputMode={extra.inputMode}
      data-autofocus={extra.autofocus ? true : undefined}
      name={key}
    />
  );
  const setTier = (i: number, part: 'qty' | 'price', value: string) =>
    setValues((v) => ({ ...v, tiers: v.tiers.map((tier, j) => (j === i ? { ...tier, [part]: value } : tier)) }));

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving) return;
    setFormError(undefined);
    const checked = toInput(t, values);
    if ('errors' in checked) {
      setErrors(checked.errors);
      focusFirstInvalid();
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const saved = product
        ? await call('products.update', { id: product.id, version: product.version, patch: checked.input })
        : await call('products.create', checked.input);
      onClose(saved);
    } catch (err) {
      const error = toIpcError(err);
      if (error.code === 'PRODUCT_SKU_TAKEN') setErrors({ sku: errorText(t, error) });
      else if (error.code === 'INVALID_INPUT') {
        const next: FormErrors = {};
        for (const f of invalidFields(error)) next[f.path.replace(/^patch\./, '')] = fieldProblemText(t, f.path, f);
        setErrors(next);
        setFormError(errorText(t, error));
      } else setFormError(error.code === 'CONFLICT' ? t('products.conflict') : errorText(t, error));
      focusFirstInvalid();
    } finally {
      setSaving(false);
    }
  };

  const title = given ? t('products.form.editTitle', { sku: given.sku }) : t('products.form.newTitle');
  return (
    <ModalDialog title={title} onRequestClose={close} size="wide" className="product-dialog">
      <form ref={form} className="form product-form" noValidate onSubmit={(e) => void submit(e)} onKeyDown={formKeyHandler(close)}>
        <div className="product-form-grid">
          {field('sku', t('products.form.sku'), { required: true, autofocus: true })}
          {field('category', t('products.form.category'))}
          {field('nameEn', t('products.form.nameEn'))}
          {field('nameZh', t('products.form.nameZh'))}
          {field('unit', t('products.form.unit'))}
          {field('moq', t('products.form.moq'), { inputMode: 'numeric' })}
          {field('currency', t('products.form.currency'))}
          {field('leadTimeDays', t('products.form.leadTime'), { inputMode: 'numeric' })}
        </div>
        <fieldset className="product-tiers">
          <legend>{t('products.form.tiers')}</legend>
          <p className="field-hint">{t('products.form.tiersHint', { currency: values.currency.toUpperCase() || 'USD' })}</p>
          {values.tiers.map((tier, i) => (
            <div className="product-tier-row" key={i}>
              <TextField
                label={t('products.form.tierQty', { n: i + 1 })}
                value={tier.qty}
                inputMode="numeric"
                error={errors[`tiers.${i}.qty`]}
                onValueChange={(v) => setTier(i, 'qty', v)}
              />
              <TextField
                label={t('products.form.tierPrice', { n: i + 1 })}
                value={tier.price}
                inputMode="decimal"
                error={errors[`tiers.${i}.price`]}
                onValueChange={(v) => setTier(i, 'price', v)}
              />
              <Button
                className="product-tier-remove"
                aria-label={t('products.form.removeTier', { n: i + 1 })}
                onClick={() => setValues((v) => ({ ...v, tiers: v.tiers.filter((_, j) => j !== i) }))}
              >
                ×
              </Button>
            </div>
          ))}
          {errors.tiers ? <p className="inline-error">{errors.tiers}</p> : null}
          <Button onClick={() => setValues((v) => ({ ...v, tiers: [...v.tiers, { qty: '', price: '' }] }))}>
            {t('products.form.addTier')}
          </Button>
        </fieldset>
        <div className="product-form-grid">
          {field('cost', t('products.form.cost'), { inputMode: 'decimal' })}
          {field('costCurrency', t('products.form.costCurrency'))}
          {field('hsCode', t('products.form.hsCode'))}
          {field('alibabaProductId', t('products.form.alibabaProductId'))}
          {field('unitsPerCarton', t('products.form.unitsPerCarton'), { inputMode: 'numeric' })}
          {field('cartonWeightKg', t('products.form.cartonWeight'), { inputMode: 'decimal' })}
          {field('cartonLengthCm', t('products.form.cartonLength'), { inputMode: 'decimal' })}
          {field('cartonWidthCm', t('products.form.cartonWidth'), { inputMode: 'decimal' })}
          {field('cartonHeightCm', t('products.form.cartonHeight'), { inputMode: 'decimal' })}
        </div>
        <p className="muted">{t('products.costNote')}</p>
        {product ? (
          <fieldset className="product-photo-field">
            <legend>{t('products.photo.title')}</legend>
            <ProductPhoto product={product} onChanged={setProduct} />
          </fieldset>
        ) : null}
        <TextAreaField label={t('products.form.notes')} value={values.notes} onValueChange={set('notes')} maxLength={5000} rows={2} />
        <FormError message={formError} />
        <FormActions onCancel={close} saving={saving} saveLabel={t('products.form.save')} />
      </form>
    </ModalDialog>
  );
}
