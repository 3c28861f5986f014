import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusFirstInvalid } from '../../components/use-focus-first-invalid';
import { fromLocalInput, toLocalInput } from '../../lib/local-time';

/**
 * The local due date-and-time field every follow-up dialog has: its value, its error, and focus
 * on it when a submit finds it invalid. Spread `fieldProps` on a DateField; pass `form` as the
 * form's ref; call `dueAt()` on submit.
 */
export function useDueField(initial: string | Date, proposed?: Date | null) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const [due, setDue] = useState(() => toLocalInput(proposed ?? initial));
  // A proposal that arrives later (the buyer's working hours) replaces the default until the user changes the field.
  const touched = useRef(false);
  const proposedMs = proposed?.getTime() ?? null;
  useEffect(() => {
    if (proposedMs !== null && !touched.current) setDue(toLocalInput(new Date(proposedMs)));
  }, [proposedMs]);
  const [error, setError] = useState<string | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstInvalid(form, attempt);

  /** The due time as an ISO instant, or null after marking the field (and moving focus to it). */
  const dueAt = (): string | null => {
    const iso = fromLocalInput(due);
    if (!iso) {
      setError(t('followups.fieldErrors.due'));
      setAttempt((a) => a + 1);
    }
    return iso;
  };

  const fieldProps = {
    withTime: true,
    label: t('followups.fields.due'),
    value: due,
    onValueChange: (v: string) => {
      touched.current = true;
      setDue(v);
      setError(undefined);
    },
    error,
    required: true,
  } as const;

  return { form, dueAt, fieldProps };
}
