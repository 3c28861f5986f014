import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import type { RestoreResult } from '../../../../shared/domain/safety';
import { call } from '../../lib/ipc';
import { RecoveryDone, RecoveryScreen } from './recovery-screen';
import { safetyKeys } from './safety-keys';

export interface RecoveryOutcome {
  result: RestoreResult;
  /** When the restored backup was made; null for a fresh, empty database. */
  backupDate: string | null;
}

/**
 * What the shell shows instead of its pages: nothing yet while the start-up state loads, the
 * recovery screen when the database could not be opened (damaged, newer version, unreadable),
 * and the outcome of a restore until the user goes on. Null: show the pages.
 */
export function useStartupGate(): ReactNode | null {
  const status = useQuery({ queryKey: safetyKeys.status(), queryFn: () => call('safety.status', {}) });
  const [outcome, setOutcome] = useState<RecoveryOutcome | null>(null);
  if (outcome) return <RecoveryDone outcome={outcome} onContinue={() => setOutcome(null)} />;
  if (status.isPending) return <div className="app-shell" aria-busy="true" />;
  if (status.data && status.data.state !== 'ok') return <RecoveryScreen status={status.data} onDone={setOutcome} />;
  return null;
}
