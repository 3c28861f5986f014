import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';

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

/** A native <select> over one filter's classes, each with its count. */
export function FilterSelect({ label, allLabel, options, value, onChange, keepOrder }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const sorted = useMemo(() => {
    const list = [...(options ?? [])];
    if (value !== null && !list.some((o) => o.key === value)) list.push({ key: value, text: value, count: 0 });
    if (keepOrder) return list;
    const collator = new Intl.Collator(i18n.language === 'zh-CN' ? 'zh-CN-u-co-pinyin' : i18n.language);
    return list.sort((a, b) => Number(a.key === '') - Number(b.key === '') || collator.compare(a.text, b.text));
  }, [options, value, keepOrder, i18n.language]);

  return (
    <div className="toolbar-field">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <select
        id={id}
        value={value === null ? '' : encode(value)}
        onChange={(e) => onChange(e.target.value === '' ? null : e.target.value.slice(1))}
        className={value === null ? undefined : 'is-filtering'}
      >
        <option value="">{allLabel}</option>
        {sorted.map((o) => (
          <option key={o.key} value={encode(o.key)}>
            {t('boards.filters.option', { label: o.text, count: o.count })}
          </option>
        ))}
      </select>
    </div>
  );
}
