import { useTranslation } from 'react-i18next';
import { NavFollowUpBadge } from '../features/followups/nav-followup-badge';
import { GlobalSearchButton } from '../features/search/global-search';
import { QuickCaptureButton } from '../features/capture/quick-capture';
import { SyncIndicator } from '../features/team';
import { LanguageSwitch } from './language-switch';
import { ROUTES, hashFor, type Route } from './routes';

/** The left navigation: one link per page, the current one marked with aria-current. */
export function Navigation({ current }: { current: Route }) {
  const { t } = useTranslation();
  return (
    <nav className="side-nav" aria-label={t('nav.label')}>
      <div className="brand">
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-tagline">{t('app.tagline')}</span>
      </div>
      <QuickCaptureButton />
      <GlobalSearchButton />
      <ul className="nav-list">
        {ROUTES.map((route) => (
          <li key={route}>
            <a className="nav-link" href={hashFor(route)} aria-current={route === current ? 'page' : undefined}>
              {t(`nav.${route}`)}
              {route === 'followups' ? <NavFollowUpBadge /> : null}
            </a>
          </li>
        ))}
      </ul>
      <SyncIndicator />
      <LanguageSwitch />
    </nav>
  );
}
