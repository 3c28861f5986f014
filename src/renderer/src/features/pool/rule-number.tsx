import { InputNumber, Switch } from 'antd';
import { useId } from 'react';

/**
 * Digits typed with a Chinese input method ("３０") read as ASCII; anything but digits is dropped. The
 * text goes back to antd, which reads '' as empty (a number type would make it NaN: the old value kept).
 */
const parseWhole = (text: string | undefined) => (text ?? '').normalize('NFKC').replace(/[^\d]/g, '') as unknown as number;

interface Props {
  label: string;
  hint: string;
  error?: string;
  /** Shown after the number ("days"). */
  unit: string;
  value: number | null;
  onValueChange: (value: number | null) => void;
  min: number;
  max: number;
  disabled: boolean;
  /** A switch that turns the rule off ("Never", "No cap"): the number waits, greyed, until it is off again. */
  off?: { label: string; checked: boolean; onChange: (checked: boolean) => void };
}

/** One number of the pool rules: its label, antd's InputNumber (whole numbers in range), a unit, an optional off switch, hint and error. */
export function RuleNumber({ label, hint, error, unit, value, onValueChange, min, max, disabled, off }: Props) {
  const id = useId();
  const labelId = `${id}-label`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="field pool-rule" role="group" aria-labelledby={labelId}>
      <label id={labelId} htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="pool-rule-controls">
        <span className="pool-rule-input">
          <InputNumber<number>
            id={id}
            className="pool-rule-number"
            value={value}
            onChange={(v) => onValueChange(typeof v === 'number' ? v : null)}
            min={min}
            max={max}
            precision={0}
            parser={parseWhole}
            // The step buttons carry English names of antd's; ↑ and ↓ step the number.
            controls={false}
            disabled={disabled || off?.checked}
            status={error ? 'error' : undefined}
            aria-invalid={error ? true : undefined}
            aria-describedby={[hintId, error ? errorId : ''].filter(Boolean).join(' ')}
            inputMode="numeric"
            autoComplete="off"
          />
          <span className="number-unit" aria-hidden="true">
            {unit}
          </span>
        </span>
        {off ? (
          <label className="pool-rule-off">
            <Switch size="small" checked={off.checked} onChange={off.onChange} disabled={disabled} />
            <span>{off.label}</span>
          </label>
        ) : null}
      </div>
      <p id={hintId} className="field-hint">
        {hint}
      </p>
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
