import { FieldFrame } from '../../components/field-frame';

interface Props {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  /** Shown after the input ("%", "months"). */
  unit?: string;
  hint?: string;
  error?: string;
  /** Marked invalid without a message of its own (a problem of its group, told once below the group). */
  invalid?: boolean;
  /** Whole numbers bring up a numeric keypad, others a decimal one (touch keyboards). */
  whole?: boolean;
  className?: string;
}

/** A labelled number typed as text (so "1.", "" and full-width digits can be corrected, not lost), with a unit. */
export function NumberField({ label, value, onValueChange, unit, hint, error, invalid, whole, className }: Props) {
  return (
    <FieldFrame label={label} hint={hint} error={error} className={className ? `number-field ${className}` : 'number-field'}>
      {(control) => (
        <span className="number-input">
          <input
            {...control}
            aria-invalid={invalid ? true : control['aria-invalid']}
            type="text"
            inputMode={whole ? 'numeric' : 'decimal'}
            autoComplete="off"
            spellCheck={false}
            value={value}
            onChange={(e) => onValueChange(e.target.value)}
          />
          {unit ? (
            <span className="number-unit" aria-hidden="true">
              {unit}
            </span>
          ) : null}
        </span>
      )}
    </FieldFrame>
  );
}
