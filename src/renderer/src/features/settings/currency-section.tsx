import { useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotices } from '../../app/notice-context';
import { REFERENCE_RATES_DATE } from '../../../../shared/domain/reference-rates';
import { formatDate } from '../../i18n/format-date';
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
 * Base currency and exchange rates (the user's over the reference table). Orders in a currency
 * without a rate are left out of revenue, so the section warns about them; a save reclassifies.
 */
export function CurrencySection({ reclassify, confirmDiscard, onDirtyChange, onShowRun }: Props) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const notices = useNotices();
  const client = useQueryClient();
  const query = useCurrencyQuery();
  // New currencies in use (an import) or settings saved elsewhere refresh the form unless it has changes.
  const { base, generation, setDirty, adopt, discard } = useSavedForm<CurrencyData>(query.data, onDirtyChange, confirmDiscard);

  // Saved rates change revenue and classes at once: the reclassification starts by itself.
  const onSaved = async () => {
    notices.announce(t('settings.currency.saved'));
    try {
      adopt(await client.fetchQuery({ queryKey: settingsKeys.currency(), queryFn: () => call('currency.get', {}), staleTime: 0 }));
    } catch (err) {
      notices.showError(err);
    }
    void reclassify.start('rules', 'currency');
  };

  const reclassifyNow = () => void reclassify.start('rules', 'currency');

  // From the saved settings: what revenue leaves out right now.
  const missing = (query.data ?? base)?.uncounted ?? [];
  const running = reclassify.job !== null;
  const outcome = reclassify.outcome?.origin === 'currency' ? reclassify.outcome : null;

  return (
    <section id="settings-currency" className="settings-section" aria-labelledby={titleId}>
      <div className="settings-section-header">
        <h2 id={titleId} className="section-title" tabIndex={-1}>
          {t('settings.currency.title')}
        </h2>
      </div>
      <p className="muted settings-intro">
        {t('settings.currency.intro', { date: formatDate(`${REFERENCE_RATES_DATE}T12:00:00`, i18n.language) })}
      </p>

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
