import { Input } from 'antd';
import type { InputHTMLAttributes } from 'react';
import { FieldFrame } from './field-frame';

type Props = {
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onValueChange: (value: string) => void;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'size' | 'prefix'>;

/** A labelled single-line input (antd's Input, red when the engine refused its value). `required` marks it (aria-required) without native validation. */
export function TextField({ label, hint, error, value, onValueChange, required, className, ...rest }: Props) {
  return (
    <FieldFrame label={label} hint={hint} error={error} required={required} className={className}>
      {(control) => (
        <Input
          {...rest}
          {...control}
          status={error ? 'error' : undefined}
          aria-required={required ? true : undefined}
          value={value}
          onChange={(e) => onValueChange(e.target.value)}
        />
      )}
    </FieldFrame>
  );
}
