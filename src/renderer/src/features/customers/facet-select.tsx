import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  label: string;
  allLabel: string;
  counts: Record<string, number> | undefined;
  /** The selected values; several can arrive from a link or a saved view. */
  value: readonly string[];
  onChange: (value: string[]) => void;
  /** How a value is shown (a country code becomes its localized name). */
  describe?: (value: string) => string;
}

const SEVERAL = '\u0000several';

/**
 * A native <select> over one facet's values, each with its count, sorted by what the user reads.
 * When several values are selected (from a link or a saved view) it says so; choosing one narrows to it.
 */
export function FacetSelect({ label, allLabel, counts, value, onChange, describe }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const options = useMemo(() => {
    const entries = Object.entries(counts ?? {});
    for (const v of value) if (v && !entries.some(([k]) => k === v)) entries.push([v, 0]);
    const collator = new Intl.Collator(i18n.language === 'zh-CN' ? 'zh-CN-u-co-pinyin' : i18n.language);
    return entries
      .map(([key, count]) => ({ key, count, text: describe ? describe(key) : key }))
      .sort((a, b) => collator.compare(a.text, b.text));
  }, [counts, value, describe, i18n.language]);
  // '' (no value set) is a class of its own here, not "all": it can only come from a link.
  const several = value.length > 1 || value[0] === '';
  const selected = several ? SEVERAL : (value[0] ?? '');

  return (
    <div className="toolbar-field">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <select id={id} value={selected} onChange={(e) => onChange(e.target.value ? [e.target.value] : [])}>
        <option value="">{allLabel}</option>
        {several ? (
          <option value={SEVERAL} disabled>
            {t('customers.multipleSelected', { count: value.length })}
          </option>
        ) : null}
        {options.map((o) => (
          <option key={o.key} value={o.key}>
            {t('customers.facetOption', { label: o.text, count: o.count })}
          </option>
        ))}
      </select>
    </div>
  );
}
