import { Button } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedView } from '../../../../shared/domain/classification';
import { useNotices } from '../../app/notice-context';
import { useConfirm } from '../../components/use-confirm';
import { call } from '../../lib/ipc';
import { customerKeys } from '../../lib/customer-keys';
import { sameViewState, savedStateOf, viewStateOf, type GridViewState } from './grid-view-state';
import { SaveViewDialog } from '../../components/save-view-dialog';
import { useSavedViews } from './use-saved-views';
import { SearchSelect } from '../../components/search-select';

interface Props {
  /** The grid as it is now. */
  current: GridViewState;
  /** The view last chosen or saved, while it exists. */
  viewId: number | null;
  onViewIdChange: (id: number | null) => void;
  /** Show a view: its filters, columns and sort replace the current ones. */
  onApply: (state: GridViewState) => void;
}

/** Saved grid views: choose one, save the grid as a new view, update or delete the chosen one. */
export function SavedViews({ current, viewId, onViewIdChange, onApply }: Props) {
  const { t } = useTranslation();
  const notices = useNotices();
  const client = useQueryClient();
  const selectId = useId();
  const views = useSavedViews();
  const { confirm, confirmDialog } = useConfirm();
  const [saving, setSaving] = useState(false);
  const [busy, setBusy] = useState(false);

  const list = views.data ?? [];
  const chosen = list.find((v) => v.id === viewId) ?? null;
  const modified = chosen !== null && !sameViewState(viewStateOf(chosen), current);

  const reload = () => client.invalidateQueries({ queryKey: customerKeys.views });

  const choose = (value: string) => {
    const view = list.find((v) => String(v.id) === value);
    if (!view) {
      onViewIdChange(null);
      return;
    }
    onViewIdChange(view.id);
    onApply(viewStateOf(view));
    notices.announce(t('customers.viewApplied', { name: view.name }));
  };

  const update = async (view: SavedView) => {
    setBusy(true);
    notices.clearError();
    try {
      const saved = await call('views.save', { id: view.id, kind: 'grid', name: view.name, state: savedStateOf(current) });
      client.setQueryData<SavedView[]>(customerKeys.views, (old) => old?.map((v) => (v.id === saved.id ? saved : v)));
      await reload();
      notices.announce(t('customers.viewUpdated', { name: saved.name }));
    } catch (err) {
      notices.showError(err);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (view: SavedView) => {
    const ok = await confirm({
      title: t('customers.deleteViewTitle', { name: view.name }),
      body: t('customers.deleteViewBody'),
      confirmLabel: t('customers.deleteView'),
      cancelLabel: t('common.cancel'),
      destructive: true,
    });
    if (!ok) return;
    setBusy(true);
    notices.clearError();
    try {
      await call('views.delete', { id: view.id });
      client.setQueryData<SavedView[]>(customerKeys.views, (old) => old?.filter((v) => v.id !== view.id));
      onViewIdChange(null);
      await reload();
      notices.announce(t('customers.viewDeleted', { name: view.name }));
    } catch (err) {
      notices.showError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="grid-views">
      <label htmlFor={selectId} className="visually-hidden">
        {t('customers.views')}
      </label>
      <SearchSelect
        id={selectId}
        className="grid-view-select"
        value={chosen ? String(chosen.id) : ''}
        options={[{ value: '', label: t('customers.noView') }, ...list.map((v) => ({ value: String(v.id), label: v.name }))]}
        onChange={choose}
      />
      {modified ? <span className="badge grid-view-modified">{t('customers.viewModified')}</span> : null}
      <Button size="small" aria-haspopup="dialog" onClick={() => setSaving(true)}>
        {t('customers.saveViewAs')}
      </Button>
      {chosen ? (
        <>
          <Button size="small" disabled={!modified || busy} onClick={() => void update(chosen)}>
            {t('customers.updateView')}
          </Button>
          <Button danger size="small" disabled={busy} onClick={() => void remove(chosen)}>
            {t('customers.deleteView')}
          </Button>
        </>
      ) : null}
      {saving ? (
        <SaveViewDialog
          kind="grid"
          state={savedStateOf(current)}
          texts={{ title: t('customers.saveViewTitle'), name: t('customers.viewName'), hint: t('customers.viewNameHint') }}
          onClose={() => setSaving(false)}
          onSaved={(view) => {
            setSaving(false);
            notices.announce(t('customers.viewSaved', { name: view.name }));
            client.setQueryData<SavedView[]>(customerKeys.views, (old) =>
              [...(old ?? []), view].sort((a, b) => a.name.localeCompare(b.name)),
            );
            void reload();
            onViewIdChange(view.id);
          }}
        />
      ) : null}
      {confirmDialog}
    </div>
  );
}
