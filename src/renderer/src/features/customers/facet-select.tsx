import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  label: string;
  allLabel: string;
  counts: Record<string, number> | undefined;
  value: string;
  onChange: (value: string) => void;
  /** How a value is shown (a country code becomes its localized name). */
  describe?: (value: string) => string;
}

/** A native <select> over one facet's values, each with its count, sorted by what the user reads. */
export function FacetSelect({ label, allLabel, counts, value, onChange, describe }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const options = useMemo(() => {
    const entries = Object.entries(counts ?? {});
    if (value && !entries.some(([k]) => k === value)) entries.push([value, 0]);
    const collator = new Intl.Collator(i18n.language === 'zh-CN' ? 'zh-CN-u-co-pinyin' : i18n.language);
    return entries
      .map(([key, count]) => ({ key, count, text: describe ? describe(key) : key }))
      .sort((a, b) => collator.compare(a.text, b.text));
  }, [counts, value, describe, i18n.language]);

  return (
    <div className="toolbar-field">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.key} value={o.key}>
            {t('customers.facetOption', { label: o.text, count: o.count })}
          </option>
        ))}
      </select>
    </div>
  );
}
