import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type KeyboardEvent } from 'react';
import { FieldFrame, type FieldBaseProps } from './field-frame';
import { popupContainer } from './modal-dialog';

interface Props extends FieldBaseProps {
  /**
   * The local wall time, as a native date input spoke it: "2025-03-14" for a day, "2025-03-14T09:00"
   * with `withTime`; '' for none.
   */
  value: string;
  onValueChange: (value: string) => void;
  /** A date and a time (hours and minutes) rather than a day. */
  withTime?: boolean;
  /** The last day that can be chosen ("2025-03-14"). */
  max?: string;
  /** The dialog focuses this field when it opens (ModalDialog). */
  'data-autofocus'?: boolean;
}

const SHOWN_DATE = 'YYYY-MM-DD';
const SHOWN_DATE_TIME = 'YYYY-MM-DD HH:mm';
const VALUE_DATE = 'YYYY-MM-DD';
const VALUE_DATE_TIME = 'YYYY-MM-DDTHH:mm';

/**
 * A labelled date (or date-and-time) field: antd's DatePicker, in the app's language (its month and
 * weekday names, its buttons) whatever the system's, showing "2025-03-14 09:00" in any language.
 * From the keyboard: type the date (and time) and press Enter, or Tab on; Enter with the pop-up
 * closed saves the form and Escape closes the dialog, as in any field; with it open they only
 * confirm or close the pop-up.
 */
export function DateField({ label, hint, error, required, className, value, onValueChange, withTime = false, max, ...rest }: Props) {
  const [open, setOpen] = useState(false);
  const valueFormat = withTime ? VALUE_DATE_TIME : VALUE_DATE;
  // Both forms of the value are ISO 8601 local times, which dayjs reads as such.
  const parsed = value ? dayjs(value) : null;
  const picked: Dayjs | null = parsed && parsed.isValid() ? parsed : null;

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.nativeEvent.isComposing || (e.key !== 'Enter' && e.key !== 'Escape')) return;
    if (open) {
      // The picker confirms (Enter) or closes (Escape) its pop-up; the form and the dialog must not act too.
      if (e.key === 'Enter') e.preventDefault();
      e.stopPropagation();
    } else if (e.key === 'Enter') {
      // The picker would open its pop-up again: Enter saves the form, as from any field.
      e.preventDefault();
      e.stopPropagation();
      if (e.target instanceof HTMLInputElement) e.target.form?.requestSubmit();
    }
  };

  return (
    <FieldFrame label={label} hint={hint} error={error} required={required} className={className}>
      {(control) => (
        <DatePicker
          {...control}
          {...rest}
          aria-required={required ? true : undefined}
          className="date-field-picker"
          value={picked}
          format={withTime ? SHOWN_DATE_TIME : SHOWN_DATE}
          showTime={withTime ? { format: 'HH:mm' } : false}
          // A typed or clicked value counts at once (not only after "OK"), so Tab or a click on Save keeps it.
          needConfirm={false}
          // No clear button: Tab goes from the date to the next field, as before.
          allowClear={false}
          status={error ? 'error' : undefined}
          disabledDate={max ? (day: Dayjs) => day.format(VALUE_DATE) > max : undefined}
          getPopupContainer={popupContainer}
          onOpenChange={setOpen}
          onKeyDown={onKeyDown}
          onChange={(day: Dayjs | null) => onValueChange(day ? day.format(valueFormat) : '')}
        />
      )}
    </FieldFrame>
  );
}
