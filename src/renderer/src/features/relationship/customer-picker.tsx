import { ComboboxList } from '../../components/combobox-list';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerHit } from '../../../../shared/domain/search';
import { FieldFrame } from '../../components/field-frame';
import { call } from '../../lib/ipc';
import { customerPickKeys } from './relationship-keys';

/** The customer a need or complaint is recorded for. */
export interface PickedCustomer {
  id: number;
  company: string;
  owner: string;
}

/** Matches listed while typing. */
const MATCHES = 8;

interface Props {
  value: PickedCustomer | null;
  onChange: (customer: PickedCustomer | null) => void;
  error?: string;
}

/**
 * The customer of a new need or complaint, found by company as it is typed (the engine's global
 * search: prefixes first, Chinese or English; archived customers are left out). ↓/↑ move the
 * highlight, Enter or Tab picks it (Tab then moves on), Escape closes the list; editing the text
 * drops the choice.
 */
export function CustomerPicker({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  const listId = useId();
  const [text, setText] = useState(value?.company ?? '');
  const [open, setOpen] = useState(false);
  /** The highlighted match (-1: none yet; Enter then takes the first). */
  const [active, setActive] = useState(-1);
  const query = text.trim();
  const search = useQuery({
    queryKey: customerPickKeys.search(query),
    queryFn: () => call('search.global', { query, limit: MATCHES }),
    enabled: open && value === null && query !== '',
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
  const options: CustomerHit[] =
    open && value === null && query !== '' ? (search.data?.customers.items ?? []).filter((c) => !c.archived) : [];
  const expanded = options.length > 0;
  const highlighted = active < 0 ? undefined : options[Math.min(active, options.length - 1)];
  const settled = search.data?.query === query && !search.isPlaceholderData;

  const pick = (c: CustomerHit) => {
    setText(c.company);
    setOpen(false);
    onChange({ id: c.id, company: c.company, owner: c.owner });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!expanded) {
        setOpen(true);
        setActive(-1);
        return;
      }
      const from = active < 0 ? (e.key === 'ArrowDown' ? -1 : 0) : Math.min(active, options.length - 1);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((from + step + options.length) % options.length);
    } else if (e.key === 'Enter' && value === null) {
      // Enter picks the highlighted customer (the first when none is); it never submits the form without one.
      e.preventDefault();
      const chosen = highlighted ?? options[0];
      if (expanded && chosen) pick(chosen);
    } else if (e.key === 'Tab' && expanded && highlighted) {
      pick(highlighted);
    } else if (e.key === 'Escape' && expanded) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  };

  return (
    <FieldFrame label={t('relationship.picker.label')} hint={t('relationship.picker.hint')} error={error} required>
      {(control) => (
        <div className="relationship-picker">
          <input
            {...control}
            type="text"
            role="combobox"
            autoComplete="off"
            spellCheck={false}
            aria-required
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls={listId}
            aria-activedescendant={expanded && highlighted ? `${listId}-${highlighted.id}` : undefined}
            value={text}
            data-autofocus
            onChange={(e) => {
              setText(e.target.value);
              setOpen(true);
              setActive(-1);
              if (value !== null) onChange(null);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => setOpen(false)}
          />
          <ComboboxList
            id={listId}
            label={t('relationship.picker.listLabel')}
            options={options}
            keyOf={(c) => c.id}
            highlighted={highlighted}
            expanded={expanded}
            onPick={pick}
            onHover={setActive}
          >
            {(c) => (
              <>
                <span className="relationship-picker-company">{c.company}</span>
                <span className="muted">{[c.country, c.owner].filter(Boolean).join(' · ')}</span>
              </>
            )}
          </ComboboxList>
          {open && value === null && query !== '' && settled && !expanded ? (
            <span className="relationship-picker-empty muted" role="status">
              {t('relationship.picker.noMatch', { text: query })}
            </span>
          ) : null}
        </div>
      )}
    </FieldFrame>
  );
}
