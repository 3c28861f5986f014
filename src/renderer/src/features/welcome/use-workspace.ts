import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceStatus } from '../../../../shared/domain/workspace';
import { useNotices } from '../../app/notice-context';
import { call, toIpcError } from '../../lib/ipc';
import { useJob } from '../../lib/use-job';
import { workspaceKeys } from './workspace-keys';

/** Which database is open (the user's or the sample), where the data folder is, and whether it is the first run. */
export function useWorkspaceStatus(): WorkspaceStatus | undefined {
  const status = useQuery({ queryKey: workspaceKeys.status(), queryFn: () => call('workspace.status', {}) });
  return status.data;
}

/** The engine's job phases, as the workspace texts name them. */
const PHASE_KEYS = {
  customers: 'customers',
  orders: 'orders',
  inquiries: 'inquiries',
  'follow-ups': 'followUps',
  reading: 'classifying',
  computing: 'classifying',
  writing: 'classifying',
  opening: 'opening',
  checking: 'checking',
  copying: 'copying',
  switching: 'switching',
} as const;

export type PhaseKey = (typeof PHASE_KEYS)[keyof typeof PHASE_KEYS] | 'other';

export function phaseKey(phase: string): PhaseKey {
  return Object.prototype.hasOwnProperty.call(PHASE_KEYS, phase) ? PHASE_KEYS[phase as keyof typeof PHASE_KEYS] : 'other';
}

/** "Explore with sample data": workspace.openSample as a job with progress and Cancel. */
export function useOpenSample() {
  const { t } = useTranslation();
  const notices = useNotices();
  const { job, run, cancel } = useJob('workspace.openSample');

  const start = useCallback(async () => {
    notices.clearError();
    try {
      await run({});
      notices.announce(t('workspace.opened'));
    } catch (err) {
      const e = toIpcError(err);
      if (e.code === 'CANCELLED') notices.announce(t('workspace.cancelled'));
      else notices.showError(e);
    }
  }, [notices, run, t]);

  const stop = useCallback(() => {
    cancel().catch((err: unknown) => notices.showError(err));
  }, [cancel, notices]);

  const label = job ? t(`workspace.phases.${phaseKey(job.phase || 'customers')}`) : '';
  return { job, start, stop, label };
}

/** "Back to my data" and "Remove sample data". */
export function useSampleActions() {
  const { t } = useTranslation();
  const notices = useNotices();
  const [working, setWorking] = useState<'main' | 'remove' | null>(null);

  const perform = useCallback(
    async (what: 'main' | 'remove') => {
      setWorking(what);
      notices.clearError();
      try {
        if (what === 'main') {
          await call('workspace.openMain', {});
          notices.announce(t('workspace.backToMain'));
        } else {
          await call('workspace.removeSample', {});
          notices.announce(t('workspace.removed'));
        }
      } catch (err) {
        notices.showError(err);
      } finally {
        setWorking(null);
      }
    },
    [notices, t],
  );

  return { working, backToMain: () => perform('main'), removeSample: () => perform('remove') };
}
