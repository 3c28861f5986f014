import { Button } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../../shared/domain/safety';
import { useNotices } from '../../app/notice-context';
import { useConfirm } from '../../components/use-confirm';
import { errorText } from '../../i18n/error-text';
import { formatDateTime } from '../../i18n/format-date';
import { call, toIpcError } from '../../lib/ipc';
import { fileSizeText } from '../../lib/file-size';
import { safetyKeys } from '../safety';
import '../../styles/safety.css';

/**
 * Backups: where they are, when the last one was made, the list, "Back up now", and restoring a
 * listed backup (after a confirmation that says the current database is kept aside).
 */
export function BackupsSection() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const titleId = useId();
  const tableId = useId();
  const notices = useNotices();
  const { confirm, confirmDialog } = useConfirm();
  const list = useQuery({ queryKey: safetyKeys.backups(), queryFn: () => call('backups.list', {}) });
  const [working, setWorking] = useState<'backup' | 'restore' | null>(null);
  const [note, setNote] = useState('');

  // Both calls report data.changed, which refreshes this list and every other view.
  const backUpNow = async () => {
    setWorking('backup');
    setNote('');
    try {
      const made = await call('backups.create', {});
      notices.announce(t('safety.backups.done', { file: made.fileName }));
    } catch (err) {
      notices.showError(err);
    } finally {
      setWorking(null);
    }
  };

  const restore = async (backup: BackupInfo) => {
    const date = formatDateTime(backup.createdAt, lang);
    const ok = await confirm({
      title: t('safety.backups.confirmTitle'),
      body: t('safety.backups.confirmBody', { date }),
      confirmLabel: t('safety.backups.confirm'),
      cancelLabel: t('safety.backups.cancel'),
      destructive: true,
    });
    if (!ok) return;
    setWorking('restore');
    setNote('');
    try {
      const result = await call('backups.restore', { fileName: backup.fileName });
      const text = t('safety.backups.restored', { date, path: result.keptAsidePath ?? '' });
      setNote(text);
      notices.announce(text);
    } catch (err) {
      notices.showError(err);
    } finally {
      setWorking(null);
    }
  };

  const data = list.data;
  return (
    <section className="settings-section" aria-labelledby={titleId}>
      <div className="settings-section-header">
        <h2 id={titleId} className="section-title">
          {t('safety.backups.title')}
        </h2>
        <Button type="primary" onClick={() => void backUpNow()} disabled={working !== null}>
          {working === 'backup' ? t('safety.backups.working') : t('safety.backups.backUpNow')}
        </Button>
      </div>
      <p className="muted settings-intro">{t('safety.backups.intro')}</p>
      {list.isPending ? (
        <p className="muted">{t('common.loading')}</p>
      ) : list.isError ? (
        <p className="muted">{errorText(t, toIpcError(list.error))}</p>
      ) : data ? (
        <>
          <dl className="backups-facts">
            <dt>{t('safety.backups.folder')}</dt>
            <dd className="backup-path">{data.dir}</dd>
            <dt>{t('safety.backups.last')}</dt>
            <dd>{data.lastBackupAt ? formatDateTime(data.lastBackupAt, lang) : t('safety.backups.never')}</dd>
          </dl>
          {note ? <p className="settings-note">{note}</p> : null}
          {working === 'restore' ? <p className="muted">{t('safety.backups.restoring')}</p> : null}
          {data.backups.length === 0 ? (
            <p className="muted">{t('safety.backups.empty')}</p>
          ) : (
            <div className="table-scroll">
              <table className="data-table backups-table" aria-labelledby={tableId}>
                <caption id={tableId} className="visually-hidden">
                  {t('safety.backups.tableCaption')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('safety.backups.when')}</th>
                    <th scope="col">{t('safety.backups.reason')}</th>
                    <th scope="col" className="num">
                      {t('safety.backups.size')}
                    </th>
                    <th scope="col">{t('safety.backups.file')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('safety.backups.restore')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.backups.map((b) => (
                    <tr key={b.fileName}>
                      <th scope="row" className="nowrap">
                        {formatDateTime(b.createdAt, lang)}
                      </th>
                      <td>{t(`safety.backups.reasons.${b.reason}`)}</td>
                      <td className="num">{fileSizeText(t, b.sizeBytes)}</td>
                      <td className="backup-path">{b.fileName}</td>
                      <td>
                        <Button
                          size="small"
                          aria-label={t('safety.backups.restoreLabel', { date: formatDateTime(b.createdAt, lang) })}
                          onClick={() => void restore(b)}
                          disabled={working !== null}
                        >
                          {t('safety.backups.restore')}
                        </Button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
      {confirmDialog}
    </section>
  );
}
