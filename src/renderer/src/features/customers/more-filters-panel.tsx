import { Button } from 'antd';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterGroup } from './filter-group';
import { MORE_FILTER_KEYS, toggleFilterValue, type GridFilterState } from './grid-filter';

interface Props {
  id: string;
  value: GridFilterState;
  onChange: (next: GridFilterState) => void;
  /** Close the panel (Done or Escape); the caller puts focus back on its button. */
  onClose: () => void;
}

/** "More filters": the class dimensions (area, RFM, value, churn, lifecycle, company) as checkbox groups. */
export function MoreFiltersPanel({ id, value, onChange, onClose }: Props) {
  const { t } = useTranslation();
  const panel = useRef<HTMLDivElement>(null);
  // Opening moves focus into the panel, so Tab reaches its checkboxes next; Escape or Done go back.
  useEffect(() => panel.current?.focus(), []);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape' && !e.defaultPrevented) {
      e.preventDefault();
      onClose();
    }
  };
  return (
    <div
      ref={panel}
      id={id}
      className="more-filters"
      role="region"
      aria-label={t('customers.moreFilters')}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <div className="more-filters-groups">
        {MORE_FILTER_KEYS.map((key) => (
          <FilterGroup key={key} filterKey={key} state={value} onToggle={(k, v, on) => onChange(toggleFilterValue(value, k, v, on))} />
        ))}
      </div>
      <div className="more-filters-actions">
        <Button size="small" onClick={onClose}>
          {t('customers.moreFiltersDone')}
        </Button>
      </div>
    </div>
  );
}
