import { Button } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  label: string;
  done: number;
  total: number;
  onCancel: () => void;
  cancelling: boolean;
  /** Show "done / total" beside the bar (off when the units mean nothing to the user, e.g. thousandths of a file). */
  counts?: boolean;
}

/** A long job's progress (role progressbar, value in percent) with a Cancel button. */
export function JobProgress({ label, done, total, onCancel, cancelling, counts = true }: Props) {
  const { t } = useTranslation();
  const labelId = useId();
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  const text = counts ? t('jobs.progressText', { done, total }) : `${percent}%`;
  return (
    <div className="job-progress">
      <span id={labelId} className="job-progress-label">
        {label}
      </span>
      <div
        className="progress-track"
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}% (${text})`}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="job-progress-text" aria-hidden="true">
        {total > 0 ? text : ''}
      </span>
      <Button size="small" onClick={onCancel} disabled={cancelling}>
        {t('jobs.cancel')}
      </Button>
    </div>
  );
}
