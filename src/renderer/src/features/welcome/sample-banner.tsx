import { Button } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSampleActions } from './use-workspace';
import '../../styles/workspace.css';

/**
 * Always at the top of the page while the sample database is open, so it is never mistaken for
 * the user's own customers: what it is, "Back to my data" and "Remove sample data". The window
 * title says "(sample)" too.
 */
export function SampleBanner() {
  const { t } = useTranslation();
  const { working, backToMain, removeSample } = useSampleActions();
  useSampleTitle(t('workspace.titleSuffix'));

  return (
    <section className="sample-banner" aria-label={t('workspace.bannerLabel')}>
      <p className="sample-banner-text">
        <strong>{t('workspace.bannerText')}</strong> <span className="sample-banner-detail">{t('workspace.bannerDetail')}</span>
      </p>
      <div className="sample-banner-actions">
        <Button type="primary" onClick={() => void backToMain()} disabled={working !== null}>
          {t('workspace.backToMine')}
        </Button>
        <Button onClick={() => void removeSample()} disabled={working !== null}>
          {t('workspace.removeSample')}
        </Button>
        {working ? (
          <span className="muted" role="status">
            {t('workspace.working')}
          </span>
        ) : null}
      </div>
    </section>
  );
}

/** "ExportDesk (sample)" in the window title while the banner shows. */
function useSampleTitle(suffix: string): void {
  useEffect(() => {
    const original = document.title;
    document.title = `${original} ${suffix}`;
    return () => {
      document.title = original;
    };
  }, [suffix]);
}
