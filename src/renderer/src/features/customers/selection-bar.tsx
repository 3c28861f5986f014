import { Button } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerBulkActionInput, CustomerBulkResult } from '../../../../shared/domain/customer-bulk';
import { useNotices } from '../../app/notice-context';
import { call } from '../../lib/ipc';
import { customerKeys } from '../../lib/customer-keys';
import { useOwners } from '../../lib/use-owners';
import { BulkFollowUpDialog } from './bulk-followup-dialog';
import { BulkValueDialog } from './bulk-value-dialog';
import type { GridSelection } from './use-grid-selection';

type Dialog = null | 'owner' | 'addTag' | 'removeTag' | 'followUp';

interface Props {
  selection: GridSelection;
  /** Opens the export dialog for the selected customers. */
  onExport: () => void;
}

/** The tags in use, offered in the tag dialogs. */
function useTags(enabled: boolean): string[] {
  const query = useQuery({
    queryKey: [...customerKeys.all, 'tags'] as const,
    queryFn: async () => (await call('boards.columns', { dimension: 'tag', filter: { archived: 'all' } })).columns.map((c) => c.key),
    enabled,
  });
  return (query.data ?? []).filter((tag) => tag !== '');
}

/**
 * "N selected" and what can be done to them at once: assign an owner, add or remove a tag, plan a
 * follow-up, archive, export. Each is one engine call (customers.bulk, one transaction); the notice
 * that reports it offers Undo, which sends back the exact undo the engine answered with.
 */
export function SelectionBar({ selection, onExport }: Props) {
  const { t } = useTranslation();
  const notices = useNotices();
  const owners = useOwners();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const tags = useTags(dialog === 'addTag' || dialog === 'removeTag');
  const count = selection.ids.size;
  if (count === 0) return null;
  const ids = [...selection.ids];

  /** Runs an action and reports it with Undo; throws the engine's error to the caller (a dialog shows it). */
  const run = async (action: CustomerBulkActionInput, done: (changed: number) => string): Promise<CustomerBulkResult> => {
    notices.clearError();
    const result = await call('customers.bulk', action);
    const undo = result.undo;
    if (result.changed === 0) notices.announce(t('bulk.nothingChanged'));
    else
      notices.announce(
        done(result.changed),
        undo
          ? {
              label: t('common.undo'),
              run: async () => {
                await call('customers.bulk', undo);
                notices.announce(t('bulk.undone'));
              },
            }
          : undefined,
      );
    return result;
  };

  const archive = async () => {
    setBusy(true);
    try {
      await run({ kind: 'archive', ids }, (n) => t('bulk.archived', { count: n }));
      // Archived customers leave the list (unless archived ones are shown): nothing stays selected.
      selection.clear();
    } catch (err) {
      notices.showError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="selection-bar" role="group" aria-label={t('bulk.toolbar')}>
      <span className="selection-count" aria-live="polite">
        {t('bulk.selected', { count })}
      </span>
      <Button size="small" aria-haspopup="dialog" onClick={() => setDialog('owner')}>
        {t('bulk.assignOwner')}
      </Button>
      <Button size="small" aria-haspopup="dialog" onClick={() => setDialog('addTag')}>
        {t('bulk.addTag')}
      </Button>
      <Button size="small" aria-haspopup="dialog" onClick={() => setDialog('removeTag')}>
        {t('bulk.removeTag')}
      </Button>
      <Button size="small" aria-haspopup="dialog" onClick={() => setDialog('followUp')}>
        {t('bulk.planFollowUp')}
      </Button>
      <Button size="small" disabled={busy} aria-busy={busy || undefined} onClick={() => void archive()}>
        {t('bulk.archive')}
      </Button>
      <Button size="small" aria-haspopup="dialog" onClick={onExport}>
        {t('bulk.export')}
      </Button>
      <Button size="small" className="selection-clear" onClick={selection.clear}>
        {t('bulk.clear')}
      </Button>

      {dialog === 'owner' ? (
        <BulkValueDialog
          title={t('bulk.ownerTitle', { count })}
          label={t('bulk.owner')}
          hint={t('bulk.ownerHint')}
          suggestions={owners}
          maxLength={120}
          saveLabel={t('bulk.ownerSave')}
          onSubmit={async (owner) => {
            await run({ kind: 'assignOwner', ids, owner }, (n) => t('bulk.ownerAssigned', { count: n, owner }));
          }}
          onClose={() => setDialog(null)}
        />
      ) : dialog === 'addTag' || dialog === 'removeTag' ? (
        <BulkValueDialog
          title={t(dialog === 'addTag' ? 'bulk.addTagTitle' : 'bulk.removeTagTitle', { count })}
          label={t('bulk.tag')}
          suggestions={tags}
          maxLength={40}
          saveLabel={t(dialog === 'addTag' ? 'bulk.addTagSave' : 'bulk.removeTagSave')}
          onSubmit={async (tag) => {
            const kind = dialog;
            await run({ kind, ids, tag }, (n) => t(kind === 'addTag' ? 'bulk.tagAdded' : 'bulk.tagRemoved', { count: n, tag }));
          }}
          onClose={() => setDialog(null)}
        />
      ) : dialog === 'followUp' ? (
        <BulkFollowUpDialog
          count={count}
          onSubmit={async (plan) => {
            await run({ kind: 'planFollowUp', ids, ...plan }, (n) => t('bulk.followUpsPlanned', { count: n }));
          }}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </div>
  );
}
