import { AutoComplete } from 'antd';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { FieldFrame, type FieldBaseProps } from './field-frame';
import { searchRank } from './search-match';
import { popupContainer } from './modal-dialog';

interface Props extends FieldBaseProps {
  value: string;
  onValueChange: (value: string) => void;
  /** What to suggest (any other text may be typed too). */
  suggestions: readonly string[];
  maxLength?: number;
  placeholder?: string;
}

/**
 * A labelled free-text field that suggests known values as one types (antd's AutoComplete): the
 * list narrows to the suggestions holding the text, case ignored, best first; ↑/↓ move, Enter takes
 * the highlighted one, Escape closes the list and goes no further. Tab moves on keeping what was
 * typed; Enter with the list closed saves the form, as from any field.
 */
export function SuggestField({
  label,
  hint,
  error,
  required,
  className,
  value,
  onValueChange,
  suggestions,
  maxLength,
  placeholder,
}: Props) {
  const [open, setOpen] = useState(false);
  const options = useMemo(() => suggestions.map((s) => ({ value: s, label: s })), [suggestions]);

  // Before the field's own handler: Tab keeps the typed text (no suggestion is taken on the way out),
  // and Enter with the list closed is left to the form (it would open the list).
  const onKeyDownCapture = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'Tab' || (e.key === 'Enter' && !open)) e.stopPropagation();
  };

  return (
    <FieldFrame label={label} hint={hint} error={error} required={required} className={className}>
      {(control) => (
        <div className="search-select" onKeyDownCapture={onKeyDownCapture}>
          <AutoComplete
            {...control}
            aria-required={required ? true : undefined}
            value={value}
            options={options}
            onChange={(v: string) => onValueChange(v)}
            onOpenChange={setOpen}
            showSearch={{
              filterOption: (typed, option) => (option ? searchRank(option, typed) >= 0 : false),
            }}
            defaultActiveFirstOption
            virtual={false}
            status={error ? 'error' : undefined}
            maxLength={maxLength}
            placeholder={placeholder}
            getPopupContainer={popupContainer}
          />
        </div>
      )}
    </FieldFrame>
  );
}
