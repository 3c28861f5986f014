import type { TextareaHTMLAttributes } from 'react';
import { FieldFrame } from './field-frame';

type Props = {
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onValueChange: (value: string) => void;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value' | 'onChange'>;

/** A labelled multi-line input (Enter makes a new line; Ctrl/⌘+Enter submits the form). */
export function TextAreaField({ label, hint, error, value, onValueChange, className, ...rest }: Props) {
  return (
    <FieldFrame label={label} hint={hint} error={error} className={className}>
      {(control) => <textarea {...rest} {...control} value={value} onChange={(e) => onValueChange(e.target.value)} />}
    </FieldFrame>
  );
}
