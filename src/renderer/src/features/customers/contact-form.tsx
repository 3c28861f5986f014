import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../shared/domain/customer';
import { useNotices } from '../../app/notice-context';
import { CheckboxField } from '../../components/checkbox-field';
import { formKeyHandler } from '../../components/form-keys';
import { TextField } from '../../components/text-field';
import { useFocusFirstInvalid } from '../../components/use-focus-first-invalid';
import { fieldProblemText } from '../../i18n/error-text';
import { fieldProblems } from '../../lib/invalid-fields';
import { call, toIpcError } from '../../lib/ipc';
import {
  EMPTY_CONTACT_VALUES,
  contactPatch,
  contactValues,
  fullContactUpdate,
  toContactInput,
  type ContactFormValues,
} from './contact-form-values';
import { FormActions } from '../../components/form-actions';

type TextKey = Exclude<keyof ContactFormValues, 'isPrimary'>;

interface Props {
  customerId: number;
  /** The contact to change, or null to add one. */
  contact: Contact | null;
  onDone: () => void;
  onCancel: () => void;
  onDirtyChange: (dirty: boolean) => void;
}

const TEXT_FIELDS: { key: TextKey; type?: string; max: number }[] = [
  { key: 'name', max: 200 },
  { key: 'title', max: 200 },
  { key: 'email', type: 'email', max: 254 },
  { key: 'phone', type: 'tel', max: 60 },
  { key: 'mobile', type: 'tel', max: 60 },
  { key: 'whatsapp', type: 'tel', max: 60 },
  { key: 'wechat', max: 60 },
];

/** Adds a contact (contacts.add) or changes one (contacts.update). */
export function ContactForm({ customerId, contact, onDone, onCancel, onDirtyChange }: Props) {
  const { t } = useTranslation();
  const notices = useNotices();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<ContactFormValues>(() => (contact ? contactValues(contact) : EMPTY_CONTACT_VALUES));
  const [errors, setErrors] = useState<Partial<Record<TextKey, string>>>({});
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  useFocusFirstInvalid(form, attempt);

  const dirty = contact
    ? Object.keys(contactPatch(values, contact)).length > 0
    : JSON.stringify(values) !== JSON.stringify(EMPTY_CONTACT_VALUES);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input')?.focus();
  }, []);

  const setText = (key: TextKey, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving) return;
    setSaving(true);
    notices.clearError();
    try {
      if (contact) {
        if (Object.keys(contactPatch(values, contact)).length > 0) {
          await call('contacts.update', { id: contact.id, contact: fullContactUpdate(values, contact) });
        }
      } else {
        await call('contacts.add', { customerId, contact: toContactInput(values) });
      }
      onDone();
    } catch (err) {
      const error = toIpcError(err);
      notices.showError(error);
      const next: Partial<Record<TextKey, string>> = {};
      for (const [path, problem] of Object.entries(fieldProblems(error, 'contact.'))) {
        const key = path.split('.')[0] as TextKey;
        if (TEXT_FIELDS.some((f) => f.key === key)) next[key] ??= fieldProblemText(t, path, problem);
      }
      setErrors(next);
      setAttempt((n) => n + 1);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      ref={form}
      className="form contact-form"
      noValidate
      aria-label={t(contact ? 'detail.editContactHeading' : 'detail.newContactHeading')}
      onSubmit={(e) => void submit(e)}
      onKeyDown={formKeyHandler(onCancel)}
    >
      <div className="form-grid">
        {TEXT_FIELDS.map((f) => (
          <TextField
            key={f.key}
            label={t(`contactFields.${f.key}`)}
            type={f.type ?? 'text'}
            value={values[f.key]}
            onValueChange={(v) => setText(f.key, v)}
            error={errors[f.key]}
            maxLength={f.max}
          />
        ))}
        <CheckboxField
          className="span-2"
          label={t('contactFields.isPrimary')}
          checked={values.isPrimary}
          onCheckedChange={(checked) => setValues((v) => ({ ...v, isPrimary: checked }))}
        />
      </div>
      <FormActions onCancel={onCancel} saving={saving} saveLabel={t('detail.saveContact')} />
    </form>
  );
}
