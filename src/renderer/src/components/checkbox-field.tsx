import { Checkbox } from 'antd';

interface Props {
  label: string;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  className?: string;
}

/** A checkbox with its label beside it (antd's Checkbox: the label is part of the control). */
export function CheckboxField({ label, checked, onCheckedChange, className }: Props) {
  return (
    <div className={className ? `field-checkbox ${className}` : 'field-checkbox'}>
      <Checkbox checked={checked} onChange={(e) => onCheckedChange(e.target.checked)}>
        {label}
      </Checkbox>
    </div>
  );
}
