import { FieldFrame, type FieldBaseProps } from './field-frame';
import { SearchSelect, type SearchOption } from './search-select';

export type SelectOption = SearchOption;

interface Props extends FieldBaseProps {
  value: string;
  options: readonly SelectOption[];
  onValueChange: (value: string) => void;
  disabled?: boolean;
  /** Typing narrows the list (countries, industries, owners); by default only for long lists. */
  search?: boolean;
  /** What the list says when nothing matches the typed text. */
  notFound?: string;
  /** The dialog focuses this field when it opens (ModalDialog). */
  'data-autofocus'?: boolean;
}

/**
 * A labelled choice in a form (SearchSelect): Enter with the list closed saves the form, as from
 * any field; the error from the engine shows under it.
 */
export function SelectField({ label, hint, error, required, className, value, options, onValueChange, ...rest }: Props) {
  return (
    <FieldFrame label={label} hint={hint} error={error} required={required} className={className}>
      {(control) => (
        <SearchSelect
          {...rest}
          {...control}
          aria-required={required ? true : undefined}
          value={value}
          options={options}
          onChange={onValueChange}
          status={error ? 'error' : undefined}
          submitOnEnter
        />
      )}
    </FieldFrame>
  );
}
