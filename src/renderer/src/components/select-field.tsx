import type { SelectHTMLAttributes } from 'react';
import { FieldFrame } from './field-frame';

export interface SelectOption {
  value: string;
  label: string;
}

type Props = {
  label: string;
  hint?: string;
  error?: string;
  value: string;
  options: readonly SelectOption[];
  onValueChange: (value: string) => void;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'value' | 'onChange'>;

/** A labelled native <select>. */
export function SelectField({ label, hint, error, value, options, onValueChange, className, ...rest }: Props) {
  return (
    <FieldFrame label={label} hint={hint} error={error} className={className}>
      {(control) => (
        <select {...rest} {...control} value={value} onChange={(e) => onValueChange(e.target.value)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
