import { Input } from 'antd';
import type { TextareaHTMLAttributes } from 'react';
import { FieldFrame } from './field-frame';

type Props = {
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onValueChange: (value: string) => void;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value' | 'onChange'>;

/** A labelled multi-line input, antd's TextArea (Enter makes a new line; Ctrl/⌘+Enter submits the form). */
export function TextAreaField({ label, hint, error, value, onValueChange, className, ...rest }: Props) {
  return (
    <FieldFrame label={label} hint={hint} error={error} className={className}>
      {(control) => (
        <Input.TextArea
          {...rest}
          {...control}
          status={error ? 'error' : undefined}
          value={value}
          onChange={(e) => onValueChange(e.target.value)}
        />
      )}
    </FieldFrame>
  );
}
