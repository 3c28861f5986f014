import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format-date';
import { hashFor } from '../../app/routes';
import { problemText } from './problem-text';
import { useTeamStatus } from './use-team';
import '../../styles/team.css';

/**
 * The sync indicator in the navigation, on every page while this computer is in a team: synced,
 * N changes waiting, offline since …, or why the sync stopped; and the conflicts to look at. It
 * links to Settings → Team. Nothing is shown for a single-user book.
 */
export function SyncIndicator() {
  const { t, i18n } = useTranslation();
  const status = useTeamStatus().data;
  if (!status || status.state === 'off') return null;
  let text: string;
  switch (status.state) {
    case 'synced':
      text = t('team.indicator.synced');
      break;
    case 'syncing':
      text = status.waiting > 0 ? t('team.indicator.waiting', { count: status.waiting }) : t('team.indicator.syncing');
      break;
    case 'waiting':
      text = t('team.indicator.waiting', { count: status.waiting });
      break;
    case 'offline':
      text = status.offlineSince
        ? t('team.indicator.offline', { time: formatDateTime(status.offlineSince, i18n.language) })
        : t('team.indicator.offlineNoTime');
      break;
    case 'error':
      text = t('team.indicator.error', { problem: status.problem ? problemText(t, status.problem) : '' });
      break;
  }
  return (
    <a className={`sync-indicator is-${status.state}`} href={`${hashFor('settings')}/team`} data-state={status.state}>
      <span className="sync-dot" aria-hidden="true" />
      <span className="sync-text">{text}</span>
      {status.conflicts > 0 ? <span className="sync-conflicts">{t('team.indicator.conflicts', { count: status.conflicts })}</span> : null}
      {/* After the visible text, so the link's name starts with what it shows. */}
      <span className="visually-hidden"> ({t('team.indicator.label')})</span>
    </a>
  );
}
