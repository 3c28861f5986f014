import { Select } from 'antd';
import { useRef, useState, type KeyboardEvent } from 'react';
import { popupContainer } from './modal-dialog';
import { searchRank, type Searchable } from './search-match';

export interface SearchOption extends Searchable {
  value: string;
  disabled?: boolean;
}

/** Options under a heading (what an <optgroup> was). */
export interface SearchGroup {
  label: string;
  options: readonly SearchOption[];
}

const isGroup = (o: SearchOption | SearchGroup): o is SearchGroup => 'options' in o;

interface AriaProps {
  'aria-label'?: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
  'aria-required'?: true;
}

/** Lists longer than this are found by typing (search); shorter ones are chosen with the arrows. */
export const SEARCH_FROM = 8;

interface Props extends AriaProps {
  id?: string;
  value: string;
  options: readonly (SearchOption | SearchGroup)[];
  onChange: (value: string) => void;
  className?: string;
  status?: 'error';
  disabled?: boolean;
  /** Typing narrows the list; by default when it holds more than SEARCH_FROM options. */
  search?: boolean;
  /**
   * In a form: Enter with the list closed saves the form, as from any field (with the list open it
   * chooses). Elsewhere Enter opens the list.
   */
  submitOnEnter?: boolean;
  /** What the list says when nothing matches the typed text (antd's "No data" otherwise). */
  notFound?: string;
  /** The dialog focuses this field when it opens (ModalDialog). */
  'data-autofocus'?: boolean;
}

/**
 * A choice (antd's Select): focused by Tab, Enter, Space or ↓ opens the list. A choice among many is
 * found by typing (search): focus it and type ("germ", "德") to narrow the list to the options whose
 * label (or keywords) hold the text, case ignored, best matches first; ↑/↓ move, Enter (or Tab or Shift+Tab, which then move on) chooses the highlighted
 * option (nothing highlighted, Tab moves on and the typed text goes), Escape closes the list
 * and goes no further (the dialog or panel behind stays open). Every option is in the list's
 * accessibility tree (no virtual list), each with its own id.
 */
export function SearchSelect({ id, value, options, onChange, className, status, submitOnEnter, notFound, search, ...rest }: Props) {
  const [open, setOpen] = useState(false);
  // The option highlighted in the open list (antd tells it after each move or narrowing).
  const active = useRef<string | null>(null);
  const flat = options.flatMap((o) => (isGroup(o) ? o.options : [o]));

  const onKeyDownCapture = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.nativeEvent.isComposing) return;
    // Tab with the list open: antd would choose and keep the focus here; choose and let Tab move on.
    if (e.key === 'Tab' && open) {
      e.stopPropagation();
      const option = flat.find((o) => o.value === active.current);
      if (option && !option.disabled && option.value !== value) onChange(option.value);
      return;
    }
    // Before the select's own handler (which would open the list): Enter with the list closed saves the form.
    if (!submitOnEnter || open || e.key !== 'Enter') return;
    const form = e.target instanceof HTMLInputElement ? e.target.form : null;
    if (!form) return;
    e.preventDefault();
    e.stopPropagation();
    form.requestSubmit();
  };

  return (
    <div className="search-select" onKeyDownCapture={onKeyDownCapture}>
      <Select<string, SearchOption | SearchGroup>
        {...rest}
        id={id}
        className={className}
        status={status}
        value={value}
        options={options as (SearchOption | SearchGroup)[]}
        onChange={(v) => onChange(v)}
        onOpenChange={setOpen}
        onActive={(v) => {
          active.current = v ?? null;
        }}
        notFoundContent={notFound}
        showSearch={
          (search ?? flat.length > SEARCH_FROM)
            ? {
                filterOption: (typed, option) => (option ? searchRank(option, typed) >= 0 : false),
                filterSort: (a, b, { searchValue }) => (searchValue ? searchRank(a, searchValue) - searchRank(b, searchValue) : 0),
              }
            : false
        }
        virtual={false}
        popupMatchSelectWidth={false}
        getPopupContainer={popupContainer}
      />
    </div>
  );
}
