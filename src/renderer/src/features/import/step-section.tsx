import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  /** Move focus to the heading when the step appears (after the user moved between steps). */
  focusOnMount: boolean;
  busy?: boolean;
  children: ReactNode;
}

/** One wizard step: a section named by its heading, which takes focus when the user arrives at the step. */
export function StepSection({ title, focusOnMount, busy, children }: Props) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const focusFirst = useRef(focusOnMount);
  useEffect(() => {
    if (focusFirst.current) heading.current?.focus();
  }, []);
  return (
    <section className="wizard-step" aria-labelledby={id} aria-busy={busy || undefined}>
      <h2 id={id} ref={heading} tabIndex={-1} className="step-title">
        {title}
      </h2>
      {children}
    </section>
  );
}
