import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchSelect, type SearchOption } from '../../components/search-select';

interface Props {
  label: string;
  allLabel: string;
  counts: Record<string, number> | undefined;
  /** The selected values; several can arrive from a link or a saved view. */
  value: readonly string[];
  onChange: (value: string[]) => void;
  /** How a value is shown (a country code becomes its localized name). */
  describe?: (value: string) => string;
  /** Other words that find a value when typed (a country's name in the other language). */
  keywords?: (value: string) => string;
  /**
   * The name of '' (owners: the public pool, chosen over the grid), shown while it is the filter; without
   * it, a filter of '' (from a link) reads as a selection of its own.
   */
  emptyLabel?: string;
}

const ALL = '';
const SEVERAL = '\u0000several';
const EMPTY = '\u0000empty';

/**
 * One facet's values, each with its count, sorted by what the user reads, found by typing (a select
 * with search). When several values are selected (from a link or a saved view) it says so; choosing
 * one narrows to it.
 */
export function FacetSelect({ label, allLabel, counts, value, onChange, describe, keywords, emptyLabel }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  // '' (no value set) is a class of its own here, not "all": named when the caller names it, else it can only come from a link.
  const several = value.length > 1 || (value[0] === '' && emptyLabel === undefined);
  const selected = several ? SEVERAL : value[0] === '' ? EMPTY : (value[0] ?? ALL);
  const options = useMemo<SearchOption[]>(() => {
    const entries = Object.entries(counts ?? {});
    for (const v of value) if (v && !entries.some(([k]) => k === v)) entries.push([v, 0]);
    const collator = new Intl.Collator(i18n.language === 'zh-CN' ? 'zh-CN-u-co-pinyin' : i18n.language);
    const values = entries
      .map(([key, count]) => ({ key, count, text: describe ? describe(key) : key }))
      .sort((a, b) => collator.compare(a.text, b.text))
      .map((o) => ({ value: o.key, label: t('customers.facetOption', { label: o.text, count: o.count }), keywords: keywords?.(o.key) }));
    const head: SearchOption[] = [{ value: ALL, label: allLabel }];
    if (emptyLabel !== undefined && selected === EMPTY) head.push({ value: EMPTY, label: emptyLabel });
    if (several) head.push({ value: SEVERAL, label: t('customers.multipleSelected', { count: value.length }), disabled: true });
    return [...head, ...values];
  }, [counts, value, several, selected, describe, keywords, allLabel, emptyLabel, t, i18n.language]);

  return (
    <div className="toolbar-field">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <SearchSelect
        search
        id={id}
        value={selected}
        options={options}
        onChange={(v) => onChange(v === ALL ? [] : v === EMPTY ? [''] : [v])}
      />
    </div>
  );
}
