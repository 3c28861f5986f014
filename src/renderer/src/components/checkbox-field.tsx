import { useId } from 'react';

interface Props {
  label: string;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  className?: string;
}

/** A checkbox with its label beside it. */
export function CheckboxField({ label, checked, onCheckedChange, className }: Props) {
  const id = useId();
  return (
    <div className={className ? `field-checkbox ${className}` : 'field-checkbox'}>
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onCheckedChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
