import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedView } from '../../../../shared/domain/classification';
import { useNotices } from '../../app/notice-context';
import { FormActions } from '../../components/form-actions';
import { formKeyHandler } from '../../components/form-keys';
import { ModalDialog } from '../../components/modal-dialog';
import { TextField } from '../../components/text-field';
import { errorText } from '../../i18n/error-text';
import { call, toIpcError } from '../../lib/ipc';
import { savedStateOf, type GridViewState } from './grid-view-state';

interface Props {
  state: GridViewState;
  onSaved: (view: SavedView) => void;
  onClose: () => void;
}

/** "Save view…": names the grid as it is now (filters, columns, sort) and stores it as a new view. */
export function SaveViewDialog({ state, onSaved, onClose }: Props) {
  const { t } = useTranslation();
  const notices = useNotices();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
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
      const view = await call('views.save', { kind: 'grid', name: trimmed, state: savedStateOf(state) });
      notices.announce(t('customers.viewSaved', { name: view.name }));
      onSaved(view);
    } catch (err) {
      const ipcError = toIpcError(err);
      if (ipcError.code === 'VIEW_NAME_TAKEN') setError(errorText(t, ipcError));
      else notices.showError(ipcError);
      setSaving(false);
    }
  };

  return (
    <ModalDialog title={t('customers.saveViewTitle')} onRequestClose={onClose} className="modal-small">
      <form className="form" noValidate onSubmit={(e) => void submit(e)} onKeyDown={formKeyHandler(onClose)}>
        <TextField
          label={t('customers.viewName')}
          hint={t('customers.viewNameHint')}
          required
          value={name}
          onValueChange={(v) => {
            setName(v);
            setError(undefined);
          }}
          error={error}
          maxLength={80}
          data-autofocus
        />
        <FormActions onCancel={onClose} saving={saving} />
      </form>
    </ModalDialog>
  );
}
