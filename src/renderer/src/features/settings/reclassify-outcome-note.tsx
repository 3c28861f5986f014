import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClassificationRun } from '../../../../shared/domain/classification';
import type { ReclassifyOutcome } from './use-reclassify';

interface Props {
  outcome: ReclassifyOutcome;
  doneText: (run: ClassificationRun) => string;
  /** Said when the run was cancelled or failed. */
  notDoneText: string;
  onShowRun: (id: number) => void;
  onRetry: () => void;
  retryDisabled: boolean;
}

/** How a reclassification a section started ended: its result with a link to the run, or a way to try again. */
export function ReclassifyOutcomeNote({ outcome, doneText, notDoneText, onShowRun, onRetry, retryDisabled }: Props) {
  const { t } = useTranslation();
  if (outcome.status === 'done') {
    const run = outcome.run;
    return (
      <div className="settings-note is-ok">
        <p>{doneText(run)}</p>
        <Button size="small" onClick={() => onShowRun(run.id)}>
          {t('settings.runs.showRun')}
        </Button>
      </div>
    );
  }
  return (
    <div className="settings-note is-warn">
      <p>{notDoneText}</p>
      <Button size="small" onClick={onRetry} disabled={retryDisabled}>
        {t('settings.runs.reclassify')}
      </Button>
    </div>
  );
}
