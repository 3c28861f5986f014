import { Select } from 'antd';
import { useState, type KeyboardEvent } from 'react';
import { FieldFrame, type FieldBaseProps } from '../../components/field-frame';
import { popupContainer } from '../../components/modal-dialog';
import { searchRank } from '../../components/search-match';
import type { SearchOption } from '../../components/search-select';

interface Props extends FieldBaseProps {
  values: readonly string[];
  options: readonly SearchOption[];
  onValuesChange: (values: string[]) => void;
  /** Free text too (industries, product keywords): what is typed is added with Enter. */
  free?: boolean;
  disabled?: boolean;
  notFound?: string;
}

/**
 * A labelled choice of several values (antd's Select, mode multiple or tags) found by typing: focus
 * it and type ("germ", "德"), ↑/↓ and Enter choose, Backspace removes the last chosen, Escape closes
 * the list and goes no further (the form is not discarded).
 */
export function MultiSelectField({
  label,
  hint,
  error,
  required,
  className,
  values,
  options,
  onValuesChange,
  free,
  disabled,
  notFound,
}: Props) {
  const [open, setOpen] = useState(false);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape' && open) e.stopPropagation();
    // Enter chooses in the list; it never saves the form from here.
    if (e.key === 'Enter') e.preventDefault();
  };
  return (
    <FieldFrame label={label} hint={hint} error={error} required={required} className={className}>
      {(control) => (
        <div className="search-select" onKeyDown={onKeyDown}>
          <Select<string[], SearchOption>
            {...control}
            mode={free ? 'tags' : 'multiple'}
            aria-required={required ? true : undefined}
            value={[...values]}
            options={options as SearchOption[]}
            onChange={(v) => onValuesChange(v)}
            onOpenChange={setOpen}
            status={error ? 'error' : undefined}
            disabled={disabled}
            notFoundContent={free ? null : notFound}
            showSearch={{
              filterOption: (typed, option) => (option ? searchRank(option, typed) >= 0 : false),
              filterSort: (a, b, { searchValue }) => (searchValue ? searchRank(a, searchValue) - searchRank(b, searchValue) : 0),
            }}
            tokenSeparators={free ? [',', '，', ';'] : undefined}
            virtual={false}
            popupMatchSelectWidth={false}
            getPopupContainer={popupContainer}
          />
        </div>
      )}
    </FieldFrame>
  );
}
