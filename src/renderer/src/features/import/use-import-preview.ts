import { useEffect, useState } from 'react';
import { call, toIpcError, type IpcError } from '../../lib/ipc';
import { newJobId } from '../../lib/job-id';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import type { Preview, PreviewInput } from './import-types';

const PREVIEW_DEBOUNCE_MS = 250;

export interface PreviewState {
  /** The latest preview received (possibly for an earlier input while `pending`). */
  data: Preview | null;
  /** The engine's answer for the current input was an error. */
  error: IpcError | null;
  /** The input changed and its preview has not arrived yet. */
  pending: boolean;
}

/**
 * Asks the engine for a preview of the import whenever its input (kind, mapping, merges) settles.
 * A preview still running for an input that has since changed is cancelled (a large file's dry
 * run takes seconds); null input means "nothing to preview".
 */
export function useImportPreview(input: PreviewInput | null): PreviewState {
  const key = input ? JSON.stringify(input) : '';
  const settled = useDebouncedValue(key, PREVIEW_DEBOUNCE_MS);
  const [answer, setAnswer] = useState<{ key: string; error: IpcError | null }>({ key: '', error: null });
  const [data, setData] = useState<Preview | null>(null);

  useEffect(() => {
    if (!settled) return undefined;
    let live = true;
    const jobId = newJobId();
    call('import.preview', JSON.parse(settled) as PreviewInput, { jobId }).then(
      (value) => {
        if (!live) return;
        setData(value);
        setAnswer({ key: settled, error: null });
      },
      (err: unknown) => {
        if (live) setAnswer({ key: settled, error: toIpcError(err) });
      },
    );
    return () => {
      live = false;
      // Cancelling a preview that has already finished does nothing.
      call('jobs.cancel', { jobId }).catch(() => undefined);
    };
  }, [settled]);

  const current = key !== '' && answer.key === key;
  return { data: key ? data : null, error: current ? answer.error : null, pending: key !== '' && !current };
}
