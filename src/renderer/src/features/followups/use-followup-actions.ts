import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUp } from '../../../../shared/domain/followups';
import { useNotices } from '../../app/notice-context';
import { formatDateTime } from '../../i18n/format-date';
import { call, toIpcError, type IpcError } from '../../lib/ipc';
import { followUpKeys } from './followup-keys';
import { localTimeZone } from '../../lib/local-time';

export type SnoozeDays = 1 | 3 | 7;

/**
 * The quick actions on an open follow-up. Each reports success in the status region, a refusal
 * (CONFLICT: changed elsewhere or no longer open) in the alert region, and reloads the lists and
 * counts either way so the screen shows what the engine has now.
 */
export function useFollowUpActions() {
  const { t, i18n } = useTranslation();
  const notices = useNotices();
  const client = useQueryClient();

  const refresh = useCallback(() => client.invalidateQueries({ queryKey: followUpKeys.all }), [client]);

  const report = useCallback(
    (err: unknown): IpcError => {
      const ipc = toIpcError(err);
      // errors.CONFLICT speaks of a customer being edited; a follow-up gets its own sentence.
      if (ipc.code === 'CONFLICT') notices.announce(t('followups.conflict'));
      else notices.showError(ipc);
      return ipc;
    },
    [notices, t],
  );

  const run = useCallback(
    async <T>(action: () => Promise<T>, done: (value: T) => string): Promise<T | null> => {
      notices.clearError();
      try {
        const value = await action();
        notices.announce(done(value));
        return value;
      } catch (err) {
        report(err);
        return null;
      } finally {
        await refresh();
      }
    },
    [notices, refresh, report],
  );

  const snooze = useCallback(
    (f: FollowUp, days: SnoozeDays) =>
      run(
        () => call('followups.snooze', { id: f.id, version: f.version, days, timeZone: localTimeZone() }),
        (v) => t('followups.snooze.done', { company: f.company, when: formatDateTime(v.dueAt, i18n.language) }),
      ),
    [run, t, i18n.language],
  );

  const reschedule = useCallback(
    (f: FollowUp, dueAt: string) =>
      run(
        () => call('followups.update', { id: f.id, version: f.version, patch: { dueAt } }),
        (v) => t('followups.reschedule.done', { company: f.company, when: formatDateTime(v.dueAt, i18n.language) }),
      ),
    [run, t, i18n.language],
  );

  const cancel = useCallback(
    (f: FollowUp) =>
      run(
        () => call('followups.cancel', { id: f.id, version: f.version }),
        () => t('followups.cancel.done', { company: f.company }),
      ),
    [run, t],
  );

  const complete = useCallback(
    (f: FollowUp, outcome: string) =>
      run(
        () => call('followups.complete', { id: f.id, version: f.version, outcome, timeZone: localTimeZone() }),
        () => t('followups.complete.done', { company: f.company }),
      ),
    [run, t],
  );

  return { snooze, reschedule, cancel, complete, refresh, report };
}
