import { useCallback, useRef, useState } from 'react';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import { call, useEngineEvents } from './ipc';
import { newJobId } from './job-id';

export interface JobState {
  jobId: string;
  done: number;
  total: number;
  phase: string;
  cancelling: boolean;
}

/**
 * Runs one long job channel at a time with a fresh jobId, follows its job.progress events and
 * cancels it through jobs.cancel. `run` resolves with the job's output or throws its IpcError.
 */
export function useJob<C extends Channel>(channel: C) {
  const [job, setJob] = useState<JobState | null>(null);
  const current = useRef<string | null>(null);

  useEngineEvents((event) => {
    if (event.type !== 'job.progress' || event.jobId !== current.current) return;
    setJob((j) => (j && j.jobId === event.jobId ? { ...j, done: event.done, total: event.total, phase: event.phase } : j));
  });

  const run = useCallback(
    async (input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
      const jobId = newJobId();
      current.current = jobId;
      setJob({ jobId, done: 0, total: 0, phase: '', cancelling: false });
      try {
        return await call(channel, input, { jobId });
      } finally {
        if (current.current === jobId) {
          current.current = null;
          setJob(null);
        }
      }
    },
    [channel],
  );

  const cancel = useCallback(async () => {
    const jobId = current.current;
    if (!jobId) return;
    setJob((j) => (j ? { ...j, cancelling: true } : j));
    await call('jobs.cancel', { jobId });
  }, []);

  return { job, run, cancel };
}
