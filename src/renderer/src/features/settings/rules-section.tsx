import { Button } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { useNotices } from '../../app/notice-context';
import { JobProgress } from '../../components/job-progress';
import { errorText } from '../../i18n/error-text';
import { formatDateTime } from '../../i18n/format-date';
import { call, toIpcError } from '../../lib/ipc';
import { ReclassifyOutcomeNote } from './reclassify-outcome-note';
import { RulesForm } from './rules-form';
import { settingsKeys } from './settings-keys';
import type { Reclassify } from './use-reclassify';
import { useRulesQuery } from './use-settings-data';
import { useFormBase } from './use-form-base';

type RulesData = ChannelOutput<'classify.rules'>;

interface Props {
  reclassify: Reclassify;
  confirmDiscard: () => Promise<boolean>;
  onDirtyChange: (dirty: boolean) => void;
  onShowRun: (id: number) => void;
}

/**
 * Classification rules: the form over the latest saved version; saving makes a new version and
 * at once reclassifies every customer with it (progress, Cancel, then the run's outcome).
 */
export function RulesSection({ reclassify, confirmDiscard, onDirtyChange, onShowRun }: Props) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const notices = useNotices();
  const client = useQueryClient();
  const query = useRulesQuery();
  // A new generation starts the form afresh from `base`; a rebase (keep my changes) keeps it.
  const { base, setBase, generation, dirty, setDirty, adopt } = useFormBase<RulesData>(onDirtyChange);
  const [conflict, setConflict] = useState(false);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);

  // Follow saves made elsewhere while nothing is being edited; with changes, saving reports the CONFLICT.
  useEffect(() => {
    const data = query.data;
    if (!data) return;
    if (!base) setBase(data);
    else if (data.version !== base.version && !dirty.current && !conflict) adopt(data);
  }, [query.data, base, conflict, adopt]);

  const latest = () => client.fetchQuery({ queryKey: settingsKeys.rules(), queryFn: () => call('classify.rules', {}), staleTime: 0 });

  const discard = async () => {
    if (dirty.current && !(await confirmDiscard())) return;
    if (base) adopt(base);
  };

  const onSaved = async (version: number) => {
    setSavedVersion(version);
    try {
      adopt(await latest());
    } catch (err) {
      notices.showError(err);
    }
    await reclassify.start('rules', 'rules');
  };

  const resolveConflict = async (keepMine: boolean) => {
    try {
      const data = await latest();
      if (keepMine) setBase(data);
      else adopt(data);
      setConflict(false);
    } catch (err) {
      notices.showError(err);
    }
  };

  const running = reclassify.job !== null;
  const outcome = reclassify.outcome?.origin === 'rules' ? reclassify.outcome : null;

  return (
    <section className="settings-section" aria-labelledby={titleId}>
      <div className="settings-section-header">
        <h2 id={titleId} className="section-title">
          {t('settings.rules.title')}
        </h2>
        {base ? (
          <span className="badge">
            {base.version === 0
              ? t('settings.rules.versionDefaults')
              : t('settings.rules.version', { version: base.version, date: formatDateTime(base.savedAt, i18n.language) })}
          </span>
        ) : null}
      </div>
      <p className="muted settings-intro">{t('settings.rules.intro')}</p>

      {reclassify.job && reclassify.origin === 'rules' ? (
        <JobProgress
          label={t('settings.rules.applying', { version: savedVersion ?? base?.version ?? 0 })}
          done={reclassify.job.done}
          total={reclassify.job.total}
          onCancel={reclassify.cancel}
          cancelling={reclassify.job.cancelling}
        />
      ) : null}
      {outcome && savedVersion !== null ? (
        <ReclassifyOutcomeNote
          outcome={outcome}
          doneText={(run) => t('settings.rules.applied', { version: savedVersion, customers: run.customers, moved: run.moved })}
          notDoneText={t(
            outcome.status === 'cancelled' ? 'settings.rules.savedNotAppliedCancelled' : 'settings.rules.savedNotAppliedFailed',
            { version: savedVersion },
          )}
          onShowRun={onShowRun}
          onRetry={() => void reclassify.start('rules', 'rules')}
          retryDisabled={running}
        />
      ) : null}

      {conflict ? (
        <div className="settings-alert" role="alert">
          <p>{t('settings.rules.conflict')}</p>
          <div className="settings-alert-actions">
            <Button onClick={() => void resolveConflict(false)}>{t('settings.rules.loadLatest')}</Button>
            <Button onClick={() => void resolveConflict(true)}>{t('settings.rules.keepMine')}</Button>
          </div>
        </div>
      ) : null}

      {base && query.data ? (
        <RulesForm
          key={generation}
          baseVersion={base.version}
          baseRules={base.rules}
          defaults={query.data.defaults}
          busy={running}
          onDirtyChange={setDirty}
          onDiscard={() => void discard()}
          onSaved={(version) => void onSaved(version)}
          onConflict={() => setConflict(true)}
        />
      ) : (
        <p className="muted">{query.isError ? errorText(t, toIpcError(query.error)) : t('common.loading')}</p>
      )}
    </section>
  );
}
