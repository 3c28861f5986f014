import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * What a settings form is edited from: the saved data (`base`), a generation that restarts the
 * form from it (`adopt`), and whether the form has unsaved changes (kept in a ref for effects,
 * reported to the page for its unsaved-change guard).
 */
export function useFormBase<T>(onDirtyChange: (dirty: boolean) => void) {
  const [base, setBase] = useState<T | null>(null);
  const [generation, setGeneration] = useState(0);
  const dirty = useRef(false);

  const setDirty = useCallback(
    (d: boolean) => {
      dirty.current = d;
      onDirtyChange(d);
    },
    [onDirtyChange],
  );

  /** Starts the form afresh from `data`. (setBase alone rebases and keeps the form's edits.) */
  const adopt = useCallback((data: T) => {
    setBase(data);
    setGeneration((g) => g + 1);
  }, []);

  return { base, setBase, generation, dirty, setDirty, adopt };
}

/**
 * useFormBase for a section edited from one query: the form starts from the saved data, follows
 * it when it changes elsewhere (another window, a reload after a save) unless the form has edits,
 * and `discard` (after a confirmation when there are edits) starts it again from the saved data.
 */
export function useSavedForm<T>(
  data: T | undefined,
  onDirtyChange: (dirty: boolean) => void,
  confirmDiscard: () => Promise<boolean>,
  differs: (data: T, base: T) => boolean = (d, b) => d !== b,
) {
  const form = useFormBase<T>(onDirtyChange);
  const { base, setBase, adopt, dirty } = form;
  const differsRef = useRef(differs);
  differsRef.current = differs;
  useEffect(() => {
    if (!data) return;
    if (!base) setBase(data);
    else if (data !== base && !dirty.current && differsRef.current(data, base)) adopt(data);
  }, [data, base, adopt, setBase, dirty]);

  const discard = async () => {
    if (dirty.current && !(await confirmDiscard())) return;
    if (base) adopt(base);
  };
  return { ...form, discard };
}
