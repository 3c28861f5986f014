import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/form-actions';
import { formKeyHandler } from '../../components/form-keys';
import { ModalDialog } from '../../components/modal-dialog';
import { SuggestField } from '../../components/suggest-field';
import { errorText } from '../../i18n/error-text';
import { toIpcError } from '../../lib/ipc';

interface Props {
  title: string;
  label: string;
  hint?: string;
  /** Offered while typing: the sales staff and owners, the tags in use. */
  suggestions: readonly string[];
  maxLength: number;
  saveLabel: string;
  /** Runs the bulk action; an engine error is shown in the dialog, which stays open. */
  onSubmit: (value: string) => Promise<void>;
  onClose: () => void;
}

/** One value for every selected customer (an owner, a tag): a field with suggestions, and Save. */
export function BulkValueDialog({ title, label, hint, suggestions, maxLength, saveLabel, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);

  const close = () => !saving && onClose();

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving) return;
    if (!value.trim()) {
      setError(t('fieldErrors.required'));
      return;
    }
    setSaving(true);
    setError(undefined);
    try {
      await onSubmit(value.trim());
      onClose();
    } catch (err) {
      setError(errorText(t, toIpcError(err)));
      setSaving(false);
    }
  };

  return (
    <ModalDialog title={title} onRequestClose={close} size="small">
      <form className="form" noValidate onSubmit={(e) => void submit(e)} onKeyDown={formKeyHandler(close)}>
        <SuggestField
          label={label}
          hint={hint}
          error={error}
          value={value}
          onValueChange={(v) => {
            setValue(v);
            setError(undefined);
          }}
          maxLength={maxLength}
          suggestions={suggestions}
          required
        />
        <FormActions onCancel={close} saving={saving} saveLabel={saveLabel} />
      </form>
    </ModalDialog>
  );
}
