import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../components/modal-dialog';
import { SelectField } from '../../components/select-field';
import { SuggestField } from '../../components/suggest-field';
import { useDiscardConfirm } from '../../components/use-discard-confirm';
import { errorText } from '../../i18n/error-text';
import { call, toIpcError } from '../../lib/ipc';
import { localTimeZone } from '../../lib/local-time';
import { useOwners } from '../../lib/use-owners';
import { captureKeys } from './capture-keys';
import { FairStep } from './fair-step';
import { LeadForm } from './lead-form';
import { localDay } from '../../lib/local-day';
import { clearFairSkip, fairSkippedOn, skipFairOn, useCaptureOwner } from './owner-choice';
import '../../styles/capture.css';

/**
 * Booth quick capture. On the first use of a day it asks for today's fair (every lead is tagged
 * with it); then one compact form per visitor, with the owner and today's count at the top.
 * Escape closes (asking first when a visitor's details are typed in).
 */
export function QuickCaptureDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const timeZone = localTimeZone();
  const today = localDay();
  const box = useRef<HTMLDivElement>(null);
  const dirtyRef = useRef(false);
  const { confirmDiscard, discardDialog } = useDiscardConfirm();
  const prefs = useQuery({ queryKey: captureKeys.prefs(), queryFn: () => call('prefs.get', {}) });
  const stats = useQuery({ queryKey: captureKeys.stats(timeZone), queryFn: () => call('capture.stats', { timeZone }) });
  const [skipped, setSkipped] = useState(() => fairSkippedOn(today));
  const [changing, setChanging] = useState(false);
  const [savingFair, setSavingFair] = useState(false);
  const [fairError, setFairError] = useState<string | undefined>(undefined);
  const owners = prefs.data?.owners ?? [];
  const [owner, setOwner] = useCaptureOwner(owners, prefs.data?.me ?? null);
  // With no sales staff in Settings the owner is free text, the owners in the data suggested.
  const knownOwners = useOwners();

  const storedFair = prefs.data?.fair ?? null;
  const fair = storedFair && storedFair.day === today && !skipped ? storedFair.name : '';
  const asking = prefs.data !== undefined && (changing || (!fair && !skipped));

  const backToForm = () => {
    setChanging(false);
    window.setTimeout(() => box.current?.querySelector<HTMLInputElement>('[data-capture-company]')?.focus(), 0);
  };
  const confirmFair = async (name: string) => {
    setSavingFair(true);
    setFairError(undefined);
    try {
      const saved = await call('prefs.save', { fair: { name, day: today } });
      client.setQueryData(captureKeys.prefs(), saved);
      clearFairSkip();
      setSkipped(false);
      backToForm();
    } catch (err) {
      setFairError(errorText(t, toIpcError(err)));
    } finally {
      setSavingFair(false);
    }
  };
  const skipFair = () => {
    skipFairOn(today);
    setSkipped(true);
    backToForm();
  };

  const requestClose = () => {
    if (!dirtyRef.current || asking) {
      onClose();
      return;
    }
    void confirmDiscard().then((discard) => {
      if (discard) onClose();
    });
  };

  /** A collision's link: the capture closes (asking first when a visitor's details are typed in) and the customer opens. */
  const openCustomer = (href: string) => {
    void (dirtyRef.current ? confirmDiscard() : Promise.resolve(true)).then((discard) => {
      if (!discard) return;
      onClose();
      window.location.hash = href;
    });
  };

  return (
    <ModalDialog
      title={asking ? t('capture.fairTitle') : t('capture.title')}
      onRequestClose={requestClose}
      size="wide"
      className="capture-dialog"
    >
      <div ref={box} className="capture-body">
        {prefs.data === undefined ? (
          <p className="muted">{t('common.loading')}</p>
        ) : asking ? (
          <FairStep
            previous={storedFair?.name ?? ''}
            saving={savingFair}
            error={fairError}
            onConfirm={(name) => void confirmFair(name)}
            onSkip={skipFair}
          />
        ) : null}
        {prefs.data !== undefined ? (
          <div hidden={asking} className="capture-main">
            <div className="capture-header">
              <span className="capture-fair" data-testid="capture-fair">
                {fair ? t('capture.fairCurrent', { name: fair }) : t('capture.fairNone')}{' '}
                <button type="button" className="capture-link" onClick={() => setChanging(true)}>
                  {t('capture.fairChange')}
                </button>
              </span>
              {owners.length ? (
                <SelectField
                  search
                  className="capture-owner"
                  label={t('capture.owner')}
                  value={owner}
                  options={[{ value: '', label: t('capture.ownerNone') }, ...owners.map((o) => ({ value: o, label: o }))]}
                  onValueChange={setOwner}
                />
              ) : (
                <SuggestField
                  className="capture-owner"
                  label={t('capture.owner')}
                  value={owner}
                  onValueChange={setOwner}
                  suggestions={knownOwners}
                  maxLength={120}
                />
              )}
              <span className="capture-count" data-testid="capture-count">
                {t('capture.leadsToday', { count: stats.data?.leadsToday ?? 0 })}
              </span>
            </div>
            <LeadForm
              fair={fair}
              owner={owner.trim()}
              timeZone={timeZone}
              dirtyRef={dirtyRef}
              onLeadsToday={(leadsToday) => client.setQueryData(captureKeys.stats(timeZone), { leadsToday })}
              onOpenCustomer={openCustomer}
            />
          </div>
        ) : null}
      </div>
      {discardDialog}
    </ModalDialog>
  );
}
