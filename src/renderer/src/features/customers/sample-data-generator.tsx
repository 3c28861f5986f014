import { useTranslation } from 'react-i18next';
import { useNotices } from '../../app/notice-context';
import { JobProgress } from '../../components/job-progress';
import { toIpcError } from '../../lib/ipc';
import { useJob } from '../../lib/use-job';

const SAMPLE_COUNT = 1000;

/** "Generate sample data": runs sample.generate as a job with live progress and Cancel. */
export function SampleDataGenerator() {
  const { t } = useTranslation();
  const notices = useNotices();
  const { job, run, cancel } = useJob('sample.generate');

  const start = async () => {
    notices.clearError();
    try {
      const out = await run({ count: SAMPLE_COUNT });
      notices.announce(t('jobs.sampleDone', { count: out.created }));
    } catch (err) {
      const e = toIpcError(err);
      if (e.code === 'CANCELLED') notices.announce(t('jobs.cancelled'));
      else notices.showError(e);
    }
  };

  const stop = () => {
    cancel().catch((err: unknown) => notices.showError(err));
  };

  if (job) {
    return <JobProgress label={t('jobs.sampleProgress')} done={job.done} total={job.total} onCancel={stop} cancelling={job.cancelling} />;
  }
  return (
    <button type="button" className="button" onClick={() => void start()}>
      {t('jobs.sampleData')}
    </button>
  );
}
