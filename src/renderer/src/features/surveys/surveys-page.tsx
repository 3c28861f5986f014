import { Button } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyCampaign } from '../../../../shared/domain/surveys';
import { TabList } from '../../components/tab-list';
import { CampaignDetail } from './campaign-detail';
import { CampaignList } from './campaign-list';
import { LazyResultsTab } from './lazy-results-tab';
import { NewCampaignDialog } from './new-campaign-dialog';
import { RulesTab } from './rules-tab';
import { campaignLinkFromHash, type CampaignLink } from './survey-links';
import { TemplatesTab } from './templates-tab';

const TABS = ['campaigns', 'results', 'templates', 'settings'] as const;
type Tab = (typeof TABS)[number];

interface NewCampaign {
  link: CampaignLink | null;
  templateId: number | null;
}

/** Takes the segment out of a #/surveys?new=… link (once), leaving the plain #/surveys behind. */
function useCampaignLink(onLink: (link: CampaignLink) => void) {
  const latest = useRef(onLink);
  useEffect(() => {
    latest.current = onLink;
  });
  useEffect(() => {
    const read = () => {
      const link = campaignLinkFromHash(window.location.hash);
      if (!link) return;
      window.history.replaceState(null, '', '#/surveys');
      latest.current(link);
    };
    read();
    window.addEventListener('hashchange', read);
    return () => window.removeEventListener('hashchange', read);
  }, []);
}

/**
 * Satisfaction surveys (满意度调查): campaigns sent to a segment and their recipients, results by
 * segment, the question templates, and the detractor rule.
 */
export function SurveysPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('campaigns');
  const [openCampaign, setOpenCampaign] = useState<number | null>(null);
  const [resultsCampaign, setResultsCampaign] = useState<number | 'all' | null>(null);
  const [creating, setCreating] = useState<NewCampaign | null>(null);

  useCampaignLink((link) => {
    setTab('campaigns');
    setCreating({ link, templateId: null });
  });

  const selectTab = (name: Tab) => {
    setTab(name);
    // Choosing Campaigns again goes back from a campaign to the list.
    if (name === 'campaigns' && tab === 'campaigns') setOpenCampaign(null);
  };

  const onCreated = (campaign: SurveyCampaign) => {
    setCreating(null);
    setTab('campaigns');
    setOpenCampaign(campaign.id);
  };

  const showResults = (campaignId: number) => {
    setResultsCampaign(campaignId);
    setTab('results');
  };

  return (
    <div className="surveys-page">
      <div className="page-header">
        <h1 className="page-title">{t('surveys.title')}</h1>
        <Button type="primary" onClick={() => setCreating({ link: null, templateId: null })}>
          {t('surveys.campaigns.new')}
        </Button>
      </div>
      <div className="surveys-subbar">
        <TabList
          idPrefix="surveys"
          tabs={TABS}
          selected={tab}
          onSelect={selectTab}
          label={t('surveys.tabsLabel')}
          tabLabel={(name) => t(`surveys.tabs.${name}`)}
        />
      </div>
      <div role="tabpanel" id="surveys-panel" aria-labelledby={`surveys-tab-${tab}`} className="surveys-panel">
        {tab === 'campaigns' ? (
          openCampaign !== null ? (
            <CampaignDetail campaignId={openCampaign} onBack={() => setOpenCampaign(null)} onShowResults={showResults} />
          ) : (
            <CampaignList
              onOpen={setOpenCampaign}
              onNew={() => setCreating({ link: null, templateId: null })}
              onShowResults={showResults}
            />
          )
        ) : tab === 'results' ? (
          <LazyResultsTab campaignId={resultsCampaign} onCampaignChange={setResultsCampaign} />
        ) : tab === 'templates' ? (
          <TemplatesTab onStartCampaign={(templateId) => setCreating({ link: null, templateId })} />
        ) : (
          <RulesTab />
        )}
      </div>
      {creating ? (
        <NewCampaignDialog
          link={creating.link}
          initialTemplateId={creating.templateId}
          onClose={() => setCreating(null)}
          onCreated={onCreated}
        />
      ) : null}
    </div>
  );
}
