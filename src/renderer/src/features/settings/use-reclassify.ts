import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClassificationRun } from '../../../../shared/domain/classification';
import { useNotices } from '../../app/notice-context';
import { toIpcError } from '../../lib/ipc';
import { useJob, type JobState } from '../../lib/use-job';
import { settingsKeys } from './settings-keys';

/** Which part of the page started a run: its progress and outcome are shown there. */
export type ReclassifyOrigin = 'currency' | 'rules' | 'runs';

export type ReclassifyOutcome =
  { origin: ReclassifyOrigin; status: 'done'; run: ClassificationRun } | { origin: ReclassifyOrigin; status: 'cancelled' | 'failed' };

export interface Reclassify {
  /** The running job (progress), or null. */
  job: JobState | null;
  origin: ReclassifyOrigin | null;
  /** How the last run ended, until another one starts. */
  outcome: ReclassifyOutcome | null;
  start: (trigger: 'manual' | 'rules', origin: ReclassifyOrigin) => Promise<ReclassifyOutcome>;
  cancel: () => void;
}

/**
 * The page's one classification job (classify.run): one at a time, whichever section starts it.
 * `onRun` hears of every finished run (the Runs section selects it).
 */
export function useReclassify(onRun: (run: ClassificationRun) => void): Reclassify {
  const { t } = useTranslation();
  const notices = useNotices();
  const client = useQueryClient();
  const { job, run, cancel } = useJob('classify.run');
  const [origin, setOrigin] = useState<ReclassifyOrigin | null>(null);
  const [outcome, setOutcome] = useState<ReclassifyOutcome | null>(null);

  const start = useCallback(
    async (trigger: 'manual' | 'rules', from: ReclassifyOrigin): Promise<ReclassifyOutcome> => {
      setOrigin(from);
      setOutcome(null);
      notices.clearError();
      let result: ReclassifyOutcome;
      try {
        const done = await run({ trigger });
        result = { origin: from, status: 'done', run: done };
        notices.announce(t('settings.runs.done', { customers: done.customers, moved: done.moved }));
        onRun(done);
      } catch (err) {
        const error = toIpcError(err);
        if (error.code === 'CANCELLED') {
          result = { origin: from, status: 'cancelled' };
          notices.announce(t('settings.runs.cancelled'));
        } else {
          result = { origin: from, status: 'failed' };
          notices.showError(error);
        }
      } finally {
        setOrigin(null);
        void client.invalidateQueries({ queryKey: settingsKeys.all });
      }
      setOutcome(result);
      return result;
    },
    [client, notices, onRun, run, t],
  );

  const stop = useCallback(() => {
    cancel().catch((err: unknown) => notices.showError(err));
  }, [cancel, notices]);

  return { job, origin, outcome, start, cancel: stop };
}
