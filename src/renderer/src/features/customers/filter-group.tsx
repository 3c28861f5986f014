import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { classLabel } from '../../lib/class-labels';
import { FILTER_DIMENSION } from './filter-dimensions';
import type { GridFilterState, MoreFilterKey } from './grid-filter';
import { useFilterOptions, type FilterOption } from './use-filter-options';

interface Props {
  filterKey: MoreFilterKey;
  state: GridFilterState;
  onToggle: (key: MoreFilterKey, value: string, on: boolean) => void;
}

/** One dimension of "More filters": a checkbox per class, with how many customers are in it. */
export function FilterGroup({ filterKey, state, onToggle }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const dimension = FILTER_DIMENSION[filterKey];
  const selected = state[filterKey] as readonly string[];
  const query = useFilterOptions(filterKey, state, true);
  const options = useMemo<FilterOption[]>(() => {
    const list = [...(query.data ?? [])];
    for (const v of selected) if (!list.some((o) => o.key === v)) list.push({ key: v, name: null, count: 0 });
    return list;
  }, [query.data, selected]);

  return (
    <fieldset className={`more-filters-group more-filters-group-${filterKey}`}>
      <legend>{t(`enums.dimension.${dimension}` as 'enums.dimension.tier')}</legend>
      {options.length === 0 ? (
        <p className="muted more-filters-empty">{query.isPending ? t('common.loading') : t('customers.noOptions')}</p>
      ) : (
        <ul className="class-options">
          {options.map((o) => {
            const label = classLabel(t, lang, dimension, o.key, o.name);
            const checked = selected.includes(o.key);
            return (
              <li key={o.key}>
                <label className={o.count === 0 && !checked ? 'class-option is-empty' : 'class-option'}>
                  <input type="checkbox" checked={checked} onChange={(e) => onToggle(filterKey, o.key, e.target.checked)} />
                  {o.count === null ? label : t('customers.facetOption', { label, count: o.count })}
                </label>
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
