import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClassificationRun } from '../../../../shared/domain/classification';
import { TabList } from '../../components/tab-list';
import { useDiscardConfirm } from '../../components/use-discard-confirm';
import { CadenceSection } from './cadence-section';
import { BackupsSection } from './backups-section';
import { CurrencySection } from './currency-section';
import { DataFolderSection } from './data-folder-section';
import { GeneralSection } from './general-section';
import { AssignmentSection } from './assignment-section';
import { PoolRulesSection } from './pool-section';
import { RulesSection } from './rules-section';
import { RunsSection } from './runs-section';
import { TeamSection } from '../team';
import { LetterheadSection } from '../quotations';
import { PipelineSettingsSection } from '../deals';
import { useLeaveGuard } from './use-leave-guard';
import { useReclassify } from './use-reclassify';

const TABS = ['general', 'staff', 'team', 'currency', 'classification', 'followups', 'pool', 'backups', 'data'] as const;
type Tab = (typeof TABS)[number];

/** The tab a link names (#/settings/currency); the first tab otherwise. */
function tabFromHash(hash: string): Tab {
  const name = hash.split(/[/?]/)[2] ?? '';
  return (TABS as readonly string[]).includes(name) ? (name as Tab) : 'general';
}

/**
 * Settings in tabs, each saved on its own: General (language, today's fair), Sales staff, Team (the
 * team server: join, sync, conflicts), Currency
 * and exchange rates, Classification (rules, the analyst's part folded; reclassification runs),
 * Follow-up rules, Public pool (its rules, and lead assignment: who gets customers nobody owns), Backups (schedule and the backups), Data folder. A link can open a tab
 * (#/settings/currency); leaving a tab with unsaved changes asks first.
 */
export function SettingsPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>(() => tabFromHash(window.location.hash));
  const [selectedRun, setSelectedRun] = useState<number | null>(null);
  const [focusRun, setFocusRun] = useState(0);
  const detailsHeading = useRef<HTMLHeadingElement>(null);
  const [generalDirty, setGeneralDirty] = useState(false);
  const [currencyDirty, setCurrencyDirty] = useState(false);
  const [rulesDirty, setRulesDirty] = useState(false);
  const [cadenceDirty, setCadenceDirty] = useState(false);
  const [poolDirty, setPoolDirty] = useState(false);
  const [assignmentDirty, setAssignmentDirty] = useState(false);
  const [pipelineDirty, setPipelineDirty] = useState(false);
  const { confirmDiscard, discardDialog } = useDiscardConfirm();
  const dirty = generalDirty || currencyDirty || rulesDirty || cadenceDirty || poolDirty || assignmentDirty || pipelineDirty;

  const onRun = useCallback((run: ClassificationRun) => setSelectedRun(run.id), []);
  const reclassify = useReclassify(onRun);
  useLeaveGuard(dirty, 'settings', confirmDiscard);

  const selectTab = useCallback(
    async (next: Tab) => {
      if (next === tab) return;
      if (dirty && !(await confirmDiscard())) return;
      setTab(next);
      window.history.replaceState(null, '', `#/settings/${next}`);
    },
    [tab, dirty, confirmDiscard],
  );

  // A link to a tab while the page is open (the hash changes) selects it.
  useEffect(() => {
    const onHash = () => {
      const next = tabFromHash(window.location.hash);
      if (window.location.hash.startsWith('#/settings/')) setTab(next);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const showRun = useCallback((id: number) => {
    setTab('classification');
    setSelectedRun(id);
    setFocusRun((n) => n + 1);
  }, []);

  useEffect(() => {
    if (focusRun === 0) return;
    const heading = detailsHeading.current;
    heading?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    heading?.focus({ preventScroll: true });
  }, [focusRun, tab]);

  // Opened by a link to a tab (#/settings/currency, from "N orders not counted"): its heading takes the focus.
  useEffect(() => {
    if (!window.location.hash.startsWith('#/settings/')) return;
    const heading = document.querySelector<HTMLElement>(`#settings-panel h2`);
    heading?.focus({ preventScroll: true });
  }, []);

  return (
    <div className="settings-page">
      <div className="page-header">
        <h1 className="page-title">{t('settings.title')}</h1>
        <TabList
          idPrefix="settings"
          tabs={TABS}
          selected={tab}
          onSelect={(next) => void selectTab(next)}
          label={t('settings.tabsLabel')}
          tabLabel={(name) => t(`settings.tabs.${name}`)}
        />
      </div>
      <div role="tabpanel" id="settings-panel" aria-labelledby={`settings-tab-${tab}`} className="settings-body">
        {tab === 'general' ? <GeneralSection part="general" confirmDiscard={confirmDiscard} onDirtyChange={setGeneralDirty} /> : null}
        {tab === 'general' ? <LetterheadSection /> : null}
        {tab === 'staff' ? <GeneralSection part="staff" confirmDiscard={confirmDiscard} onDirtyChange={setGeneralDirty} /> : null}
        {tab === 'currency' ? (
          <CurrencySection reclassify={reclassify} confirmDiscard={confirmDiscard} onDirtyChange={setCurrencyDirty} onShowRun={showRun} />
        ) : null}
        {tab === 'classification' ? (
          <>
            <RulesSection reclassify={reclassify} confirmDiscard={confirmDiscard} onDirtyChange={setRulesDirty} onShowRun={showRun} />
            <RunsSection reclassify={reclassify} selectedId={selectedRun} onSelect={setSelectedRun} detailsHeadingRef={detailsHeading} />
          </>
        ) : null}
        {tab === 'followups' ? (
          <>
            <CadenceSection confirmDiscard={confirmDiscard} onDirtyChange={setCadenceDirty} />
            <PipelineSettingsSection onDirtyChange={setPipelineDirty} />
          </>
        ) : null}
        {tab === 'pool' ? (
          <>
            <PoolRulesSection confirmDiscard={confirmDiscard} onDirtyChange={setPoolDirty} />
            <AssignmentSection confirmDiscard={confirmDiscard} onDirtyChange={setAssignmentDirty} />
          </>
        ) : null}
        {tab === 'backups' ? (
          <>
            <GeneralSection part="backups" confirmDiscard={confirmDiscard} onDirtyChange={setGeneralDirty} />
            <BackupsSection />
          </>
        ) : null}
        {tab === 'team' ? <TeamSection /> : null}
        {tab === 'data' ? <DataFolderSection /> : null}
      </div>
      {discardDialog}
    </div>
  );
}
