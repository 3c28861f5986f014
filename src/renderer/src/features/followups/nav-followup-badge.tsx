import { useTranslation } from 'react-i18next';
import { useFollowUpCounts } from './use-followups';

/** The navigation badge: follow-ups overdue or due today (local days), hidden at zero. */
export function NavFollowUpBadge() {
  const { t, i18n } = useTranslation();
  const counts = useFollowUpCounts();
  const count = counts.data ? counts.data.overdue + counts.data.today : 0;
  if (count === 0) return null;
  return (
    <span
      className={counts.data && counts.data.overdue > 0 ? 'nav-badge has-overdue' : 'nav-badge'}
      data-testid="nav-followups-badge"
      data-count={count}
      title={t('followups.navBadge', { count })}
    >
      <span aria-hidden="true">{new Intl.NumberFormat(i18n.language).format(count)}</span>
      <span className="visually-hidden">{t('followups.navBadge', { count })}</span>
    </span>
  );
}
