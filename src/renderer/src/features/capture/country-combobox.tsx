import { ComboboxList } from '../../components/combobox-list';
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldFrame } from '../../components/field-frame';
import { countryLabel, searchCountries, type CountryOption } from './country-search';

interface Props {
  label: string;
  hint?: string;
  error?: string;
  /** What the field shows (typed text, or the chosen country's name). */
  text: string;
  /** The chosen ISO code ('' while nothing is chosen). */
  code: string;
  onChange: (text: string, code: string) => void;
}

/**
 * A country type-ahead: typing English or Chinese ("germ", "德国") lists matching countries; Arrow
 * keys move the highlight, Enter or Tab picks it (Tab then moves on), Escape closes the list.
 */
export function CountryCombobox({ label, hint, error, text, code, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const options = useMemo(() => (open && !code ? searchCountries(text, lang) : []), [open, code, text, lang]);
  const expanded = options.length > 0;
  const highlighted = options[Math.min(active, options.length - 1)];

  const pick = (option: CountryOption) => {
    onChange(countryLabel(option.code, lang), option.code);
    setOpen(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!expanded) {
        setOpen(true);
        setActive(0);
        return;
      }
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (Math.min(i, options.length - 1) + step + options.length) % options.length);
    } else if ((e.key === 'Enter' || e.key === 'Tab') && expanded && highlighted) {
      // Enter picks and stays; Tab picks and moves on (its default is kept).
      if (e.key === 'Enter') e.preventDefault();
      pick(highlighted);
    } else if (e.key === 'Escape' && expanded) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  };

  return (
    <FieldFrame label={label} hint={hint} error={error}>
      {(control) => (
        <div className="capture-combobox">
          <input
            {...control}
            type="text"
            role="combobox"
            autoComplete="off"
            spellCheck={false}
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls={listId}
            aria-activedescendant={expanded && highlighted ? `${listId}-${highlighted.code}` : undefined}
            value={text}
            onChange={(e) => {
              onChange(e.target.value, '');
              setOpen(true);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => {
              setOpen(false);
              // A name typed in full (either language) counts as chosen.
              if (!code && text.trim()) {
                const q = text.trim().toLowerCase();
                const exact = searchCountries(text, lang).find(
                  (o) => o.name.toLowerCase() === q || o.other.toLowerCase() === q || o.code.toLowerCase() === q,
                );
                if (exact) pick(exact);
              }
            }}
          />
          <ComboboxList
            id={listId}
            label={label}
            options={options}
            keyOf={(o) => o.code}
            highlighted={highlighted}
            expanded={expanded}
            onPick={pick}
            onHover={setActive}
          >
            {(o) => (
              <>
                <span>{o.name}</span>
                <span className="muted">
                  {o.other} · {o.code}
                </span>
              </>
            )}
          </ComboboxList>
          {open && !code && text.trim() && !expanded ? (
            <span className="capture-combobox-empty muted">{t('capture.countryNoMatch')}</span>
          ) : null}
        </div>
      )}
    </FieldFrame>
  );
}
