import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

// The dashboard and ECharts load on first visit, so they add nothing to the app's start.
const DashboardPage = lazy(async () => ({ default: (await import('./dashboard-page')).DashboardPage }));

/** The Dashboard page, loaded on demand. */
export function LazyDashboardPage() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p className="muted dashboard-status">{t('common.loading')}</p>}>
      <DashboardPage />
    </Suspense>
  );
}
