import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClassificationRun } from '../../../../shared/domain/classification';
import { useDiscardConfirm } from '../../components/use-discard-confirm';
import { CadenceSection } from './cadence-section';
import { BackupsSection } from './backups-section';
import { CurrencySection } from './currency-section';
import { DataFolderSection } from './data-folder-section';
import { GeneralSection } from './general-section';
import { RulesSection } from './rules-section';
import { RunsSection } from './runs-section';
import { useLeaveGuard } from './use-leave-guard';
import { useReclassify } from './use-reclassify';

/** Settings: general preferences (language, sales staff, today's fair, backups), base currency and exchange rates, classification rules, follow-up cadence, and reclassification runs. */
export function SettingsPage() {
  const { t } = useTranslation();
  const [selectedRun, setSelectedRun] = useState<number | null>(null);
  const [focusRun, setFocusRun] = useState(0);
  const detailsHeading = useRef<HTMLHeadingElement>(null);
  const [generalDirty, setGeneralDirty] = useState(false);
  const [currencyDirty, setCurrencyDirty] = useState(false);
  const [rulesDirty, setRulesDirty] = useState(false);
  const [cadenceDirty, setCadenceDirty] = useState(false);
  const { confirmDiscard, discardDialog } = useDiscardConfirm();

  const onRun = useCallback((run: ClassificationRun) => setSelectedRun(run.id), []);
  const reclassify = useReclassify(onRun);
  useLeaveGuard(generalDirty || currencyDirty || rulesDirty || cadenceDirty, 'settings', confirmDiscard);

  const showRun = useCallback((id: number) => {
    setSelectedRun(id);
    setFocusRun((n) => n + 1);
  }, []);

  useEffect(() => {
    if (focusRun === 0) return;
    const heading = detailsHeading.current;
    heading?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    heading?.focus({ preventScroll: true });
  }, [focusRun]);

  // A link to one section (#/settings/currency, from "N orders not counted") brings it into view.
  useEffect(() => {
    const section = window.location.hash.split(/[/?]/)[2];
    const heading = section ? document.querySelector<HTMLElement>(`#settings-${CSS.escape(section)} h2`) : null;
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  }, []);

  return (
    <div className="settings-page">
      <div className="page-header">
        <h1 className="page-title">{t('settings.title')}</h1>
      </div>
      <div className="settings-body">
        <GeneralSection confirmDiscard={confirmDiscard} onDirtyChange={setGeneralDirty} />
        <DataFolderSection />
        <CurrencySection reclassify={reclassify} confirmDiscard={confirmDiscard} onDirtyChange={setCurrencyDirty} onShowRun={showRun} />
        <RulesSection reclassify={reclassify} confirmDiscard={confirmDiscard} onDirtyChange={setRulesDirty} onShowRun={showRun} />
        <CadenceSection confirmDiscard={confirmDiscard} onDirtyChange={setCadenceDirty} />
        <RunsSection reclassify={reclassify} selectedId={selectedRun} onSelect={setSelectedRun} detailsHeadingRef={detailsHeading} />
        <BackupsSection />
      </div>
      {discardDialog}
    </div>
  );
}
