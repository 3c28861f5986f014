import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotices } from '../../app/notice-context';
import { JobProgress } from '../../components/job-progress';
import { errorText } from '../../i18n/error-text';
import { call, toIpcError } from '../../lib/ipc';
import { CurrencyForm } from './currency-form';
import type { CurrencyData } from './currency-form-values';
import { ReclassifyOutcomeNote } from './reclassify-outcome-note';
import { settingsKeys } from './settings-keys';
import type { Reclassify } from './use-reclassify';
import { useCurrencyQuery } from './use-settings-data';
import { useSavedForm } from './use-form-base';

interface Props {
  reclassify: Reclassify;
  confirmDiscard: () => Promise<boolean>;
  onDirtyChange: (dirty: boolean) => void;
  onShowRun: (id: number) => void;
}

/**
 * Base currency and exchange rates. Orders in a currency without a rate are left out of revenue,
 * so the section warns about them; after a save it offers the reclassification that applies the rates.
 */
export function CurrencySection({ reclassify, confirmDiscard, onDirtyChange, onShowRun }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const notices = useNotices();
  const client = useQueryClient();
  const query = useCurrencyQuery();
  // New currencies in use (an import) or settings saved elsewhere refresh the form unless it has changes.
  const { base, generation, setDirty, adopt, discard } = useSavedForm<CurrencyData>(query.data, onDirtyChange, confirmDiscard);
  const [offer, setOffer] = useState(false);

  // Any finished run after the save applied the rates, whichever section started it.
  const outcomeNow = reclassify.outcome;
  useEffect(() => {
    if (outcomeNow?.status === 'done') setOffer(false);
  }, [outcomeNow]);

  const onSaved = async () => {
    notices.announce(t('settings.currency.saved'));
    setOffer(true);
    try {
      adopt(await client.fetchQuery({ queryKey: settingsKeys.currency(), queryFn: () => call('currency.get', {}), staleTime: 0 }));
    } catch (err) {
      notices.showError(err);
    }
  };

  const reclassifyNow = () => void reclassify.start('manual', 'currency');

  // From the saved settings: what revenue leaves out right now.
  const shown = query.data ?? base;
  const missing = shown
    ? shown.inUse.filter((u) => u.currency.toUpperCase() !== shown.base && shown.rates[u.currency.toUpperCase()] === undefined)
    : [];
  const running = reclassify.job !== null;
  const outcome = reclassify.outcome?.origin === 'currency' ? reclassify.outcome : null;

  return (
    <section className="settings-section" aria-labelledby={titleId}>
      <div className="settings-section-header">
        <h2 id={titleId} className="section-title">
          {t('settings.currency.title')}
        </h2>
      </div>
      <p className="muted settings-intro">{t('settings.currency.intro')}</p>

      {missing.length > 0 ? (
        <div className="settings-note is-warn">
          <ul className="missing-rates">
            {missing.map((u) => (
              <li key={u.currency}>{t('settings.currency.missingRate', { count: u.orders, currency: u.currency })}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {reclassify.job && reclassify.origin === 'currency' ? (
        <JobProgress
          label={t('settings.currency.reclassifying')}
          done={reclassify.job.done}
          total={reclassify.job.total}
          onCancel={reclassify.cancel}
          cancelling={reclassify.job.cancelling}
        />
      ) : offer ? (
        <div className="settings-note">
          <p>{t('settings.currency.offer')}</p>
          <button type="button" className="button button-small button-primary" onClick={reclassifyNow} disabled={running}>
            {t('settings.runs.reclassify')}
          </button>
        </div>
      ) : outcome ? (
        <ReclassifyOutcomeNote
          outcome={outcome}
          doneText={(run) => t('settings.currency.applied', { customers: run.customers, moved: run.moved })}
          notDoneText={t('settings.currency.notApplied')}
          onShowRun={onShowRun}
          onRetry={reclassifyNow}
          retryDisabled={running}
        />
      ) : null}

      {base ? (
        <CurrencyForm
          key={generation}
          data={base}
          onDirtyChange={setDirty}
          onDiscard={() => void discard()}
          onSaved={() => void onSaved()}
        />
      ) : (
        <p className="muted">{query.isError ? errorText(t, toIpcError(query.error)) : t('common.loading')}</p>
      )}
    </section>
  );
}
