import { useRef, useState } from 'react';
import { useFocusFirstInvalid } from './use-focus-first-invalid';

/**
 * The state every dialog form keeps while it saves: the form (for focusing the first invalid
 * field after a failed submit), whether it is saving, a message for the whole form, and a close
 * that does nothing while saving.
 */
export function useDialogForm(onClose: () => void) {
  const form = useRef<HTMLFormElement>(null);
  const [formError, setFormError] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstInvalid(form, attempt);

  return {
    form,
    saving,
    setSaving,
    formError,
    setFormError,
    /** After a failed submit: focus moves to the first field marked invalid. */
    focusFirstInvalid: () => setAttempt((a) => a + 1),
    close: () => !saving && onClose(),
  };
}
