import { Button } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamStatus } from '../../../../shared/domain/team';
import { useNotices } from '../../app/notice-context';
import { useConfirm } from '../../components/use-confirm';
import { JobProgress } from '../../components/job-progress';
import { formatDateTime } from '../../i18n/format-date';
import { call } from '../../lib/ipc';
import { useJob } from '../../lib/use-job';
import { CollisionReports } from './collision-reports';
import { CollisionRequests } from './collision-requests';
import { ConflictsList } from './conflicts-list';
import { JoinForm } from './join-form';
import { problemText } from './problem-text';
import { useTeamStatus } from './use-team';
import '../../styles/team.css';

/** Settings → Team: join a team server, or (joined) where the sync stands, Sync now, Leave, collisions found at sync, and the conflicts. */
export function TeamSection() {
  const { t } = useTranslation();
  const status = useTeamStatus();
  if (status.isPending) return <p className="muted">{t('common.loading')}</p>;
  if (!status.data || status.data.state === 'off') return <JoinForm />;
  return (
    <>
      <SyncStatus status={status.data} />
      <CollisionReports />
      <CollisionRequests status={status.data} />
      <ConflictsList />
    </>
  );
}

function SyncStatus({ status }: { status: TeamStatus }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const titleId = useId();
  const notices = useNotices();
  const { confirm, confirmDialog } = useConfirm();
  const syncJob = useJob('team.sync');
  const [leaving, setLeaving] = useState(false);

  const syncNow = async () => {
    try {
      const after = await syncJob.run({});
      if (after.state === 'synced') notices.announce(t('team.status.synced'));
    } catch (err) {
      notices.showError(err);
    }
  };

  const leave = async () => {
    const ok = await confirm({
      title: t('team.status.leaveTitle'),
      body: t('team.status.leaveBody'),
      confirmLabel: t('team.status.leaveConfirm'),
      cancelLabel: t('common.cancel'),
      destructive: true,
    });
    if (!ok) return;
    setLeaving(true);
    try {
      await call('team.leave', {});
      notices.announce(t('team.status.left'));
    } catch (err) {
      notices.showError(err);
    } finally {
      setLeaving(false);
    }
  };

  const stateText = (() => {
    switch (status.state) {
      case 'offline':
        return status.offlineSince
          ? t('team.indicator.offline', { time: formatDateTime(status.offlineSince, lang) })
          : t('team.indicator.offlineNoTime');
      case 'error':
        return t('team.indicator.error', { problem: status.problem ? problemText(t, status.problem) : '' });
      case 'waiting':
        return t('team.indicator.waiting', { count: status.waiting });
      case 'syncing':
        return t('team.indicator.syncing');
      default:
        return t('team.indicator.synced');
    }
  })();

  return (
    <section className="settings-section" aria-labelledby={titleId}>
      <div className="settings-section-header">
        <h2 id={titleId} className="section-title">
          {t('team.title')}
        </h2>
        <Button type="primary" onClick={() => void syncNow()} disabled={syncJob.job !== null || leaving}>
          {syncJob.job ? t('team.status.syncing') : t('team.status.syncNow')}
        </Button>
      </div>
      <dl className="team-facts">
        <dt>{t('team.status.server')}</dt>
        <dd>{status.server}</dd>
        <dt>{t('team.status.user')}</dt>
        <dd>{status.user ? t('team.userText', { name: status.user.name, role: t(`team.role.${status.user.role}`) }) : ''}</dd>
        <dt>{t('team.status.device')}</dt>
        <dd>{status.deviceName}</dd>
        <dt>{t('team.status.state')}</dt>
        <dd className={`team-state is-${status.state}`} data-state={status.state}>
          {stateText}
        </dd>
        <dt>{t('team.status.waiting')}</dt>
        <dd>{new Intl.NumberFormat(lang).format(status.waiting)}</dd>
        <dt>{t('team.status.lastSync')}</dt>
        <dd>{status.lastSyncAt ? formatDateTime(status.lastSyncAt, lang) : t('team.status.never')}</dd>
      </dl>
      {status.user ? (
        <p className="muted team-role-note" data-testid="team-role-note">
          {t(`team.roleNote.${status.user.role}`)}
        </p>
      ) : null}
      {status.download ? (
        <p className="muted" role="status">
          {t('team.status.download', { rows: status.download.rows })}
        </p>
      ) : null}
      {syncJob.job ? (
        <JobProgress
          label={t('team.status.syncing')}
          done={syncJob.job.done}
          total={syncJob.job.total}
          cancelling={syncJob.job.cancelling}
          onCancel={() => void syncJob.cancel()}
        />
      ) : null}
      <div className="form-actions">
        <Button type="primary" danger onClick={() => void leave()} disabled={leaving || syncJob.job !== null}>
          {t('team.status.leave')}
        </Button>
      </div>
      {confirmDialog}
    </section>
  );
}
