import { useEffect, type RefObject } from 'react';

/** After a failed submit (`attempt` changes), moves focus to the first field marked aria-invalid. */
export function useFocusFirstInvalid(form: RefObject<HTMLFormElement | null>, attempt: number): void {
  useEffect(() => {
    if (attempt === 0) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form, attempt]);
}
