import { Button } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { regionName } from '../../i18n/region-names';
import { classLabel } from '../../lib/class-labels';
import { useClassContext } from '../../lib/class-context';
import { FILTER_DIMENSION } from './filter-dimensions';
import {
  clearedFilter,
  FILTER_LIST_KEYS,
  hasNarrowingFilter,
  toggleFilterValue,
  type FilterListKey,
  type GridFilterState,
} from './grid-filter';
import { useFilterOptions } from './use-filter-options';

interface Props {
  value: GridFilterState;
  onChange: (next: GridFilterState) => void;
  /** Where focus goes when the last chip is removed (the search box). */
  onEmptied: () => void;
}

interface Chip {
  id: string;
  label: string;
  remove: () => GridFilterState;
}

/** Every active filter as a chip with its own remove button, and "Clear filters" (one click for all). */
export function FilterChips({ value, onChange, onEmptied }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { segmentNames } = useClassContext();
  const box = useRef<HTMLDivElement>(null);
  // Area names come from the engine; they are loaded only while an area filter is on.
  const continents = useFilterOptions('continents', { archived: 'all' }, value.continents.length > 0);
  const regions = useFilterOptions('regions', { archived: 'all' }, value.regions.length > 0);
  if (!hasNarrowingFilter(value)) return null;

  const valueLabel = (key: FilterListKey, v: string): string => {
    const dimension = FILTER_DIMENSION[key];
    if (key === 'countries') return v ? `${regionName(v, lang)} (${v})` : t('enums.unknownArea');
    if (key === 'continents') return classLabel(t, lang, dimension, v, continents.data?.find((o) => o.key === v)?.name);
    if (key === 'regions') return classLabel(t, lang, dimension, v, regions.data?.find((o) => o.key === v)?.name);
    if (key === 'segments') return classLabel(t, lang, dimension, v, segmentNames[v]);
    // A customer nobody owns is in the public pool.
    if (key === 'owners' && v === '') return t('pool.scope.pool');
    return classLabel(t, lang, dimension, v);
  };

  const chips: Chip[] = [];
  const search = value.search.trim();
  if (search) {
    chips.push({
      id: 'search',
      label: t('customers.filterChip', { dimension: t('customers.searchChip'), value: search }),
      remove: () => ({ ...value, search: '' }),
    });
  }
  for (const key of FILTER_LIST_KEYS) {
    for (const v of value[key] as readonly string[]) {
      chips.push({
        id: `${key}:${v}`,
        label: t('customers.filterChip', {
          dimension: t(`enums.dimension.${FILTER_DIMENSION[key]}` as 'enums.dimension.tier'),
          value: valueLabel(key, v),
        }),
        remove: () => toggleFilterValue(value, key, v, false),
      });
    }
  }
  if (value.countryUnrecognised) {
    chips.push({
      id: 'countryUnrecognised',
      label: t('customers.countryUnrecognisedChip'),
      remove: () => ({ ...value, countryUnrecognised: false }),
    });
  }
  if (value.tag) {
    chips.push({
      id: 'tag',
      label: t('customers.filterChip', { dimension: t('enums.dimension.tag'), value: value.tag }),
      remove: () => ({ ...value, tag: '' }),
    });
  }

  // A removed chip's button is gone: keep focus on the chip list (the next chip), or hand it on.
  const removeAt = (index: number, next: GridFilterState) => {
    onChange(next);
    window.setTimeout(() => {
      const buttons = box.current?.querySelectorAll<HTMLElement>('.filter-chip-remove');
      const target = buttons && buttons.length ? buttons[Math.min(index, buttons.length - 1)] : undefined;
      if (target) target.focus();
      else onEmptied();
    }, 0);
  };

  return (
    <div className="filter-chips" ref={box} role="group" aria-label={t('customers.activeFilters')}>
      <ul className="filter-chip-list">
        {chips.map((chip, index) => (
          <li key={chip.id} className="filter-chip">
            <span className="filter-chip-label">{chip.label}</span>
            <button
              type="button"
              className="filter-chip-remove"
              aria-label={t('customers.removeFilter', { label: chip.label })}
              title={t('customers.removeFilter', { label: chip.label })}
              onClick={() => removeAt(index, chip.remove())}
            >
              <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ul>
      <Button size="small" onClick={() => removeAt(0, clearedFilter(value))}>
        {t('customers.clearFilters')}
      </Button>
    </div>
  );
}
