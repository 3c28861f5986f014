import { Button } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EMPTY_LETTERHEAD, MAX_LOGO_BYTES, type Letterhead } from '../../../../shared/domain/quotations';
import { useNotices } from '../../app/notice-context';
import { FormError } from '../../components/form-error';
import { TextField } from '../../components/text-field';
import { errorText } from '../../i18n/error-text';
import { bytesToBase64 } from '../../lib/base64';
import { call, toIpcError } from '../../lib/ipc';
import { quotationKeys } from './quotation-keys';

type TextKey = Exclude<keyof Letterhead, 'logo' | 'bank'>;
type BankKey = keyof Letterhead['bank'];
const TEXT_FIELDS: readonly { key: TextKey; max: number }[] = [
  { key: 'nameEn', max: 200 },
  { key: 'nameZh', max: 200 },
  { key: 'address', max: 500 },
  { key: 'addressZh', max: 500 },
  { key: 'phone', max: 60 },
  { key: 'email', max: 120 },
  { key: 'website', max: 200 },
];
const BANK_FIELDS: readonly { key: BankKey; max: number }[] = [
  { key: 'beneficiary', max: 200 },
  { key: 'bankName', max: 200 },
  { key: 'account', max: 60 },
  { key: 'swift', max: 20 },
  { key: 'bankAddress', max: 300 },
];

/** Settings: the firm's letterhead printed on quotations and PIs (names, address, contacts, logo, bank details for PIs). */
export function LetterheadSection() {
  const { t } = useTranslation();
  const titleId = useId();
  const logoId = useId();
  const notices = useNotices();
  const client = useQueryClient();
  const file = useRef<HTMLInputElement>(null);
  const saved = useQuery({ queryKey: quotationKeys.letterhead, queryFn: () => call('quotations.letterhead', {}) });
  const [value, setValue] = useState<Letterhead>(EMPTY_LETTERHEAD);
  const [logoError, setLogoError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (saved.data) setValue(saved.data);
  }, [saved.data]);

  const chooseLogo = async (f: File | undefined) => {
    if (!f) return;
    if (file.current) file.current.value = '';
    if (f.size > MAX_LOGO_BYTES) return setLogoError(t('quotations.letterhead.logoTooLarge'));
    if (f.type !== 'image/png' && f.type !== 'image/jpeg') return setLogoError(t('quotations.letterhead.logoNotImage'));
    setLogoError(undefined);
    const bytes = new Uint8Array(await f.arrayBuffer());
    setValue((v) => ({ ...v, logo: { mime: f.type as 'image/png' | 'image/jpeg', contentBase64: bytesToBase64(bytes) } }));
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving) return;
    setSaving(true);
    setFormError(undefined);
    try {
      const next = await call('quotations.saveLetterhead', value);
      client.setQueryData(quotationKeys.letterhead, next);
      notices.announce(t('quotations.letterhead.saved'));
    } catch (err) {
      setFormError(errorText(t, toIpcError(err)));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="settings-section letterhead-section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('quotations.letterhead.heading')}</h2>
      <p className="muted">{t('quotations.letterhead.intro')}</p>
      <form className="form letterhead-form" noValidate onSubmit={(e) => void submit(e)}>
        {TEXT_FIELDS.map(({ key, max }) => (
          <TextField
            key={key}
            label={t(`quotations.letterhead.${key}`)}
            value={value[key]}
            maxLength={max}
            onValueChange={(v) => setValue((old) => ({ ...old, [key]: v }))}
          />
        ))}
        <div className="field">
          <span id={`${logoId}-label`} className="field-label">
            {t('quotations.letterhead.logo')}
          </span>
          <div className="letterhead-logo-row">
            {value.logo ? (
              <img
                className="letterhead-logo"
                src={`data:${value.logo.mime};base64,${value.logo.contentBase64}`}
                alt={t('quotations.letterhead.logoAlt')}
              />
            ) : null}
            <input
              ref={file}
              id={logoId}
              type="file"
              className="visually-hidden"
              tabIndex={-1}
              aria-hidden="true"
              accept="image/png,image/jpeg"
              onChange={(e) => void chooseLogo(e.target.files?.[0])}
            />
            <Button aria-describedby={`${logoId}-label`} onClick={() => file.current?.click()}>
              {t('quotations.letterhead.chooseLogo')}
            </Button>
            {value.logo ? (
              <Button onClick={() => setValue((v) => ({ ...v, logo: null }))}>{t('quotations.letterhead.removeLogo')}</Button>
            ) : null}
          </div>
          {logoError ? <p className="field-error">{logoError}</p> : null}
        </div>
        <h3>{t('quotations.letterhead.bank')}</h3>
        {BANK_FIELDS.map(({ key, max }) => (
          <TextField
            key={key}
            label={t(`quotations.letterhead.${key}`)}
            value={value.bank[key]}
            maxLength={max}
            onValueChange={(v) => setValue((old) => ({ ...old, bank: { ...old.bank, [key]: v } }))}
          />
        ))}
        <FormError message={formError} />
        <div className="form-actions">
          <Button type="primary" htmlType="submit" disabled={saving || !saved.data} aria-busy={saving || undefined}>
            {t('quotations.letterhead.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
