import { useCallback, useRef, useState } from 'react';

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
