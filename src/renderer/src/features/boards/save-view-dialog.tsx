import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedView } from '../../../../shared/domain/classification';
import type { BoardDimension } from '../../../../shared/domain/classification-enums';
import type { CustomerFilterInput } from '../../../../shared/domain/customer';
import { useNotices } from '../../app/notice-context';
import { FormActions } from '../../components/form-actions';
import { formKeyHandler } from '../../components/form-keys';
import { ModalDialog } from '../../components/modal-dialog';
import { TextField } from '../../components/text-field';
import { errorText } from '../../i18n/error-text';
import { call, toIpcError } from '../../lib/ipc';

interface Props {
  dimension: BoardDimension;
  filter: CustomerFilterInput;
  onClose: () => void;
  onSaved: (view: SavedView) => void;
}

const NAME_MAX = 80;

/** "Save view as…": names the board's dimension and filter and saves them with views.save. */
export function SaveViewDialog({ dimension, filter, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const notices = useNotices();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);

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
      const view = await call('views.save', { kind: 'board', name: trimmed, state: { filter, dimension } });
      onSaved(view);
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
    <ModalDialog title={t('boards.views.saveTitle')} onRequestClose={() => !saving && onClose()} className="modal-small">
      <form className="form" noValidate onSubmit={(e) => void submit(e)} onKeyDown={formKeyHandler(() => !saving && onClose())}>
        <TextField
          label={t('boards.views.name')}
          hint={t('boards.views.nameHint')}
          value={name}
          onValueChange={(v) => {
            setName(v);
            setError(undefined);
          }}
          error={error}
          required
          maxLength={NAME_MAX}
          autoComplete="off"
        />
        <FormActions onCancel={onClose} saving={saving} />
      </form>
    </ModalDialog>
  );
}
