import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

// The results and ECharts load on first visit, so they add nothing to the app's start.
const ResultsTab = lazy(async () => ({ default: (await import('./results-tab')).ResultsTab }));

interface Props {
  campaignId: number | 'all' | null;
  onCampaignChange: (campaignId: number | 'all') => void;
}

/** The Results tab, loaded on demand. */
export function LazyResultsTab(props: Props) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p className="surveys-message muted">{t('common.loading')}</p>}>
      <ResultsTab {...props} />
    </Suspense>
  );
}
