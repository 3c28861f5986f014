import { FieldFrame, type FieldBaseProps } from './field-frame';
import { SearchSelect, type SearchOption } from './search-select';

interface Props extends FieldBaseProps {
  value: string;
  options: readonly SearchOption[];
  onValueChange: (value: string) => void;
  /** What the list says when nothing matches the typed text. */
  notFound?: string;
}

/**
 * A labelled choice among many, found by typing (SearchSelect), in a form: Enter with the list closed
 * saves the form, as from any field; the error from the engine shows under it.
 */
export function SearchSelectField({ label, hint, error, required, className, value, options, onValueChange, notFound }: Props) {
  return (
    <FieldFrame label={label} hint={hint} error={error} required={required} className={className}>
      {(control) => (
        <SearchSelect
          {...control}
          aria-required={required ? true : undefined}
          value={value}
          options={options}
          onChange={onValueChange}
          notFound={notFound}
          status={error ? 'error' : undefined}
          submitOnEnter
        />
      )}
    </FieldFrame>
  );
}
