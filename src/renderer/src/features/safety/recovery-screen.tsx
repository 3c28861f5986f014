import { Button } from 'antd';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StartupStatus } from '../../../../shared/domain/safety';
import { LanguageSwitch } from '../../app/language-switch';
import { useNotices } from '../../app/notice-context';
import { useConfirm } from '../../components/use-confirm';
import { formatDateTime } from '../../i18n/format-date';
import { call } from '../../lib/ipc';
import '../../styles/safety.css';
import type { RecoveryOutcome } from './use-startup-gate';

interface Props {
  status: StartupStatus;
  onDone: (outcome: RecoveryOutcome) => void;
}

/**
 * Shown instead of the app when the database could not be opened. A damaged file can be replaced
 * by the newest good backup (or an empty database); the damaged file is kept aside, never
 * deleted. A database from a newer ExportDesk is only explained: it is never converted back.
 */
export function RecoveryScreen({ status, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const titleId = useId();
  const notices = useNotices();
  const { confirm, confirmDialog } = useConfirm();
  const [working, setWorking] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const backup = status.newestGoodBackup;
  const canRestore = status.state === 'corrupt' || status.state === 'open-failed';

  useEffect(() => heading.current?.focus(), []);

  const message =
    status.state === 'newer-version'
      ? t('safety.recovery.newerVersion')
      : status.state === 'corrupt'
        ? t('safety.recovery.corrupt')
        : t('safety.recovery.openFailed');

  const restoreLatest = async () => {
    if (!backup) return;
    setWorking(true);
    notices.clearError();
    try {
      const result = await call('safety.restoreLatest', {});
      onDone({ result, backupDate: backup.createdAt });
    } catch (err) {
      notices.showError(err);
    } finally {
      setWorking(false);
    }
  };

  const startEmpty = async () => {
    const ok = await confirm({
      title: t('safety.recovery.startEmptyTitle'),
      body: t('safety.recovery.startEmptyBody'),
      confirmLabel: t('safety.recovery.startEmptyConfirm'),
      cancelLabel: t('safety.recovery.cancel'),
      destructive: true,
    });
    if (!ok) return;
    setWorking(true);
    notices.clearError();
    try {
      const result = await call('safety.startEmpty', {});
      onDone({ result, backupDate: null });
    } catch (err) {
      notices.showError(err);
    } finally {
      setWorking(false);
    }
  };

  return (
    <main className="recovery-screen" aria-labelledby={titleId}>
      <div className="recovery-panel">
        <h1 id={titleId} className="page-title" tabIndex={-1} ref={heading}>
          {t('safety.recovery.title')}
        </h1>
        <p className="recovery-message">{message}</p>
        <dl className="recovery-facts">
          <dt>{t('safety.recovery.file')}</dt>
          <dd className="recovery-path">{status.dbPath}</dd>
          <dt>{t('safety.recovery.backupFolder')}</dt>
          <dd className="recovery-path">{status.backupDir}</dd>
        </dl>
        {canRestore ? (
          <>
            <p>
              {backup
                ? t('safety.recovery.newestBackup', {
                    date: formatDateTime(backup.createdAt, lang),
                    reason: t(`safety.backups.reasons.${backup.reason}`),
                  })
                : t('safety.recovery.noBackup')}
            </p>
            <p className="muted">{t('safety.recovery.keptAside')}</p>
            <div className="form-actions recovery-actions">
              {backup ? (
                <Button type="primary" onClick={() => void restoreLatest()} disabled={working}>
                  {working
                    ? t('safety.recovery.working')
                    : t('safety.recovery.restoreLatest', { date: formatDateTime(backup.createdAt, lang) })}
                </Button>
              ) : null}
              <Button onClick={() => void startEmpty()} disabled={working}>
                {t('safety.recovery.startEmpty')}
              </Button>
            </div>
          </>
        ) : null}
        {status.problem ? (
          <details className="recovery-details">
            <summary>{t('safety.recovery.details')}</summary>
            <pre>{[`${status.problem.code}: ${status.problem.message}`, ...status.problem.details].join('\n')}</pre>
          </details>
        ) : null}
        <LanguageSwitch />
      </div>
      {confirmDialog}
    </main>
  );
}

/** After a restore from the recovery screen: what was restored and where the old file was kept. */
export function RecoveryDone({ outcome, onContinue }: { outcome: RecoveryOutcome; onContinue: () => void }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const path = outcome.result.keptAsidePath ?? '';
  return (
    <main className="recovery-screen" aria-labelledby={titleId}>
      <div className="recovery-panel">
        <h1 id={titleId} className="page-title" tabIndex={-1} ref={heading}>
          {t('safety.recovery.title')}
        </h1>
        <p className="recovery-message" role="status">
          {outcome.backupDate
            ? t('safety.recovery.restored', { date: formatDateTime(outcome.backupDate, i18n.language), path })
            : t('safety.recovery.startedEmpty', { path })}
        </p>
        <div className="form-actions recovery-actions">
          <Button type="primary" onClick={onContinue}>
            {t('safety.recovery.continue')}
          </Button>
        </div>
      </div>
    </main>
  );
}
