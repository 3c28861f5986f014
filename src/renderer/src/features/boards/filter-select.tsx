import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchSelect, type SearchOption } from '../../components/search-select';

export interface FilterOption {
  key: string;
  text: string;
  count: number;
}

interface Props {
  label: string;
  allLabel: string;
  options: readonly FilterOption[] | undefined;
  /** The chosen class ('' is a class too: "not set"), or null for all. */
  value: string | null;
  onChange: (value: string | null) => void;
  /** Keep the given order (e.g. largest first) instead of sorting by text. */
  keepOrder?: boolean;
}

// Option values: '' = all; '=<key>' = one class, so that the class '' ("not set") can be chosen too.
const encode = (key: string) => `=${key}`;

/** One filter's classes, each with its count, found by typing (a select with search). */
export function FilterSelect({ label, allLabel, options, value, onChange, keepOrder }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const choices = useMemo<SearchOption[]>(() => {
    const list = [...(options ?? [])];
    if (value !== null && !list.some((o) => o.key === value)) list.push({ key: value, text: value, count: 0 });
    if (!keepOrder) {
      const collator = new Intl.Collator(i18n.language === 'zh-CN' ? 'zh-CN-u-co-pinyin' : i18n.language);
      list.sort((a, b) => Number(a.key === '') - Number(b.key === '') || collator.compare(a.text, b.text));
    }
    return [
      { value: '', label: allLabel },
      ...list.map((o) => ({ value: encode(o.key), label: t('boards.filters.option', { label: o.text, count: o.count }) })),
    ];
  }, [options, value, keepOrder, allLabel, t, i18n.language]);

  return (
    <div className="toolbar-field">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <SearchSelect
        search
        id={id}
        value={value === null ? '' : encode(value)}
        options={choices}
        onChange={(v) => onChange(v === '' ? null : v.slice(1))}
        className={value === null ? undefined : 'is-filtering'}
      />
    </div>
  );
}
