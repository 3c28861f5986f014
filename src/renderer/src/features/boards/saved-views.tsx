import { Button } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedView } from '../../../../shared/domain/classification';
import type { BoardDimension } from '../../../../shared/domain/classification-enums';
import { useNotices } from '../../app/notice-context';
import { useConfirm } from '../../components/use-confirm';
import { call } from '../../lib/ipc';
import { fromCustomerFilter, sameBoardFilter, toCustomerFilter, type BoardFilter } from './board-filter';
import { boardKeys } from './board-keys';
import { SaveViewDialog } from '../../components/save-view-dialog';
import { useBoardViews } from './use-board-data';
import { SearchSelect } from '../../components/search-select';

interface Props {
  dimension: BoardDimension;
  filter: BoardFilter;
  onOpen: (dimension: BoardDimension, filter: BoardFilter) => void;
}

/** Whether the board shows exactly what a view saved. */
function showsView(view: SavedView, dimension: BoardDimension, filter: BoardFilter): boolean {
  return (view.state.dimension ?? dimension) === dimension && sameBoardFilter(fromCustomerFilter(view.state.filter), filter);
}

/** Saved board views: open one, save the current board as a new one, delete the one shown. */
export function SavedViews({ dimension, filter, onOpen }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const notices = useNotices();
  const client = useQueryClient();
  const views = useBoardViews();
  const [saving, setSaving] = useState(false);
  const [lastOpened, setLastOpened] = useState<number | null>(null);
  const { confirm, confirmDialog } = useConfirm();
  const list = views.data ?? [];
  // The view on screen: the one last opened or saved while the board still matches it, else any that matches.
  const current =
    list.find((v) => v.id === lastOpened && showsView(v, dimension, filter)) ?? list.find((v) => showsView(v, dimension, filter)) ?? null;

  const open = (viewId: number) => {
    const view = list.find((v) => v.id === viewId);
    if (!view) return;
    setLastOpened(view.id);
    onOpen(view.state.dimension ?? dimension, fromCustomerFilter(view.state.filter));
    notices.announce(t('boards.views.opened', { name: view.name }));
  };

  const remove = async (view: SavedView) => {
    const yes = await confirm({
      title: t('boards.views.deleteTitle'),
      body: t('boards.views.deleteBody', { name: view.name }),
      confirmLabel: t('boards.views.deleteConfirm'),
      cancelLabel: t('common.cancel'),
      destructive: true,
    });
    if (!yes) return;
    notices.clearError();
    try {
      await call('views.delete', { id: view.id });
      notices.announce(t('boards.views.deleted', { name: view.name }));
    } catch (err) {
      notices.showError(err);
    } finally {
      await client.invalidateQueries({ queryKey: boardKeys.views });
    }
  };

  return (
    <div className="board-views">
      <label htmlFor={id} className="visually-hidden">
        {t('boards.views.label')}
      </label>
      <SearchSelect
        id={id}
        value={current ? String(current.id) : ''}
        options={[
          { value: '', label: list.length ? t('boards.views.choose') : t('boards.views.none') },
          ...list.map((v) => ({ value: String(v.id), label: v.name })),
        ]}
        onChange={(v) => v && open(Number(v))}
        disabled={!views.data}
      />
      <Button aria-haspopup="dialog" onClick={() => setSaving(true)}>
        {t('boards.views.saveAs')}
      </Button>
      <Button danger disabled={!current} onClick={() => current && void remove(current)}>
        {t('boards.views.delete')}
      </Button>
      {saving ? (
        <SaveViewDialog
          kind="board"
          state={{ filter: toCustomerFilter(filter), dimension }}
          texts={{ title: t('boards.views.saveTitle'), name: t('boards.views.name'), hint: t('boards.views.nameHint') }}
          onClose={() => setSaving(false)}
          onSaved={(view) => {
            setSaving(false);
            setLastOpened(view.id);
            client.setQueryData<SavedView[]>(boardKeys.views, (old) =>
              [...(old ?? []).filter((v) => v.id !== view.id), view].sort((a, b) => a.name.localeCompare(b.name)),
            );
            void client.invalidateQueries({ queryKey: boardKeys.views });
            notices.announce(t('boards.views.saved', { name: view.name }));
          }}
        />
      ) : null}
      {confirmDialog}
    </div>
  );
}
