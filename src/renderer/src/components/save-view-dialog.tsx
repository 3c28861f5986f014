import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedView } from '../../../shared/domain/classification';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { useNotices } from '../app/notice-context';
import { errorText } from '../i18n/error-text';
import { call, toIpcError } from '../lib/ipc';
import { FormActions } from './form-actions';
import { formKeyHandler } from './form-keys';
import { ModalDialog } from './modal-dialog';
import { TextField } from './text-field';

interface Props {
  kind: SavedView['kind'];
  /** What the view keeps (filter, grouping, columns, sort). */
  state: ChannelInput<'views.save'>['state'];
  texts: { title: string; name: string; hint: string };
  onSaved: (view: SavedView) => void;
  onClose: () => void;
}

const NAME_MAX = 80;

/** "Save view as…" for the grid and the boards: names the current state and stores it with views.save. */
export function SaveViewDialog({ kind, state, texts, onSaved, onClose }: Props) {
  const { t } = useTranslation();
  const notices = useNotices();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const close = () => !saving && onClose();

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving) return;
    const trimmed = name.trim();
    if (!trimmed) {
      setError(t('fieldErrors.required'));
      return;
    }
    setSaving(true);
    notices.clearError();
    try {
      onSaved(await call('views.save', { kind, name: trimmed, state }));
    } catch (err) {
      const ipc = toIpcError(err);
      // A taken or invalid name is the field's problem; anything else goes to the alert region.
      if (ipc.code === 'VIEW_NAME_TAKEN' || ipc.code === 'INVALID_INPUT') setError(errorText(t, ipc));
      else notices.showError(ipc);
    } finally {
      setSaving(false);
    }
  };

  return (
    <ModalDialog title={texts.title} onRequestClose={close} size="small">
      <form className="form" noValidate onSubmit={(e) => void submit(e)} onKeyDown={formKeyHandler(close)}>
        <TextField
          label={texts.name}
          hint={texts.hint}
          value={name}
          onValueChange={(v) => {
            setName(v);
            setError(undefined);
          }}
          error={error}
          required
          maxLength={NAME_MAX}
          autoComplete="off"
          data-autofocus
        />
        <FormActions onCancel={onClose} saving={saving} />
      </form>
    </ModalDialog>
  );
}
