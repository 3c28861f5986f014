import { Button } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotices } from '../../app/notice-context';
import { JobProgress } from '../../components/job-progress';
import { useConfirm } from '../../components/use-confirm';
import { formatDateTime } from '../../i18n/format-date';
import { toIpcError } from '../../lib/ipc';
import { useJob } from '../../lib/use-job';
import { isImportKind } from './import-fields';
import { importKeys } from './import-keys';
import type { ImportBatch } from './import-types';
import { useFailedRowsDownload } from './use-failed-rows-download';
import { useImportHistory } from './use-import-history';

/** Earlier imports with their outcome; a committed one can be undone as a whole, skipped rows downloaded. */
export function ImportHistory() {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const notices = useNotices();
  const client = useQueryClient();
  const history = useImportHistory();
  const undo = useJob('import.undo');
  const { confirm, confirmDialog } = useConfirm();
  const failedRows = useFailedRowsDownload();
  const [undoingId, setUndoingId] = useState<number | null>(null);
  const undoingFile = history.data?.find((b) => b.id === undoingId)?.fileName;

  const askUndo = async (batch: ImportBatch) => {
    const ok = await confirm({
      title: t('importHistory.undoTitle'),
      body: t(batch.kind === 'products' ? 'importHistory.undoBodyProducts' : 'importHistory.undoBody', { file: batch.fileName }),
      confirmLabel: t('importHistory.undoConfirm'),
      cancelLabel: t('common.cancel'),
      destructive: true,
    });
    if (!ok) return;
    notices.clearError();
    setUndoingId(batch.id);
    try {
      const out = await undo.run({ batchId: batch.id });
      notices.announce(
        batch.kind === 'products'
          ? t('importHistory.undoneProducts', { file: batch.fileName, removed: out.productsRemoved, restored: out.productsRestored })
          : t('importHistory.undone', { file: batch.fileName, removed: out.customersRemoved, restored: out.customersRestored }),
      );
      // The Undo button is about to disappear with the row's new status: keep focus in the history.
      heading.current?.focus();
    } catch (err) {
      const e = toIpcError(err);
      if (e.code === 'CANCELLED') notices.announce(t('errors.CANCELLED'));
      else notices.showError(e);
    } finally {
      setUndoingId(null);
      void client.invalidateQueries({ queryKey: importKeys.all });
    }
  };

  const batches = history.data ?? [];
  return (
    <section className="import-history" aria-labelledby={titleId}>
      <h2 id={titleId} ref={heading} tabIndex={-1} className="section-heading">
        {t('importHistory.title')}
      </h2>
      {undo.job ? (
        <JobProgress
          label={t('importHistory.undoing', { file: undoingFile ?? '' })}
          done={undo.job.done}
          total={undo.job.total}
          onCancel={() => void undo.cancel().catch((err: unknown) => notices.showError(err))}
          cancelling={undo.job.cancelling}
        />
      ) : null}
      {history.isPending ? (
        <p className="muted">{t('common.loading')}</p>
      ) : batches.length === 0 ? (
        <p className="muted">{t('importHistory.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table history-table" aria-labelledby={titleId}>
            <thead>
              <tr>
                <th scope="col">{t('importHistory.date')}</th>
                <th scope="col">{t('importHistory.file')}</th>
                <th scope="col">{t('importHistory.kind')}</th>
                <th scope="col">{t('importHistory.status')}</th>
                <th scope="col">{t('importHistory.result')}</th>
                <th scope="col">{t('importHistory.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {batches.map((b) => (
                <tr key={b.id}>
                  <td className="nowrap">{formatDateTime(b.startedAt, i18n.language)}</td>
                  <th scope="row" className="file-cell">
                    {b.fileName}
                  </th>
                  <td>{isImportKind(b.kind) ? t(`importKinds.${b.kind}`) : b.kind}</td>
                  <td>
                    <span className={`badge status-${b.status}`}>{t(`importHistory.statuses.${b.status}`)}</span>
                  </td>
                  <td>
                    {b.counts
                      ? t(b.kind === 'products' ? 'importHistory.summaryProducts' : 'importHistory.summary', {
                          rows: b.counts.rows,
                          created: b.kind === 'products' ? b.counts.imported : b.counts.customersCreated,
                          merged: b.counts.merged,
                          skipped: b.counts.skipped,
                        })
                      : ''}
                  </td>
                  <td>
                    <div className="row-actions">
                      {b.status === 'committed' ? (
                        <Button
                          size="small"
                          aria-label={t('importHistory.undoLabel', { file: b.fileName })}
                          disabled={undo.job !== null}
                          onClick={() => void askUndo(b)}
                        >
                          {t('importHistory.undo')}
                        </Button>
                      ) : null}
                      {b.failedRows > 0 ? (
                        <Button
                          size="small"
                          aria-label={t('importHistory.failedRowsLabel', { file: b.fileName })}
                          disabled={failedRows.downloading === b.id}
                          onClick={() => void failedRows.download(b.id)}
                        >
                          {t('importHistory.failedRows')}
                        </Button>
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {confirmDialog}
    </section>
  );
}
