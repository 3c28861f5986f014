import type { ReactNode } from 'react';

interface Props<T> {
  /** The listbox's id (the input's aria-controls); each option's id is `${id}-${key}`. */
  id: string;
  label: string;
  options: readonly T[];
  keyOf: (option: T) => string | number;
  /** The option Enter would pick (aria-selected). */
  highlighted: T | null | undefined;
  expanded: boolean;
  onPick: (option: T) => void;
  onHover: (index: number) => void;
  children: (option: T) => ReactNode;
}

/**
 * The pop-up list of a combobox whose input keeps the focus (aria-activedescendant): options are
 * picked with a mouse press that never blurs the input, and hovering moves the highlight.
 */
export function ComboboxList<T>({ id, label, options, keyOf, highlighted, expanded, onPick, onHover, children }: Props<T>) {
  return (
    <ul id={id} role="listbox" aria-label={label} className="combobox-list" hidden={!expanded}>
      {options.map((option, i) => (
        <li
          key={keyOf(option)}
          id={`${id}-${keyOf(option)}`}
          role="option"
          aria-selected={option === highlighted}
          className="combobox-option"
          // Keep focus in the input: a click picks without a blur first.
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(option);
          }}
          onMouseEnter={() => onHover(i)}
        >
          {children(option)}
        </li>
      ))}
    </ul>
  );
}
