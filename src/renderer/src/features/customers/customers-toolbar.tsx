import { Button } from 'antd';
import { useCallback, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { regionName } from '../../i18n/region-names';
import { FacetSelect } from './facet-select';
import { moreFilterCount, type GridFilterState } from './grid-filter';
import { useCustomerFacets } from '../../lib/use-customer-facets';

interface Props {
  value: GridFilterState;
  onChange: (next: GridFilterState) => void;
  onNewCustomer: () => void;
  onExport: () => void;
  /** The "More filters" panel: whether it is open, its element id, and the toggle. */
  moreOpen: boolean;
  morePanelId: string;
  onToggleMore: () => void;
  moreButtonRef: Ref<HTMLButtonElement>;
  searchRef: Ref<HTMLInputElement>;
}

/** Search, the common filters, "More filters", "Export" and "New customer". */
export function CustomersToolbar({
  value,
  onChange,
  onNewCustomer,
  onExport,
  moreOpen,
  morePanelId,
  onToggleMore,
  moreButtonRef,
  searchRef,
}: Props) {
  const { t, i18n } = useTranslation();
  const facets = useCustomerFacets(value.archived === 'active' ? 'active' : 'all');
  const lang = i18n.language;
  const countryLabel = useCallback((code: string) => `${regionName(code, lang)} (${code})`, [lang]);
  const countryKeywords = useCallback((code: string) => `${regionName(code, 'en')} ${regionName(code, 'zh-CN')}`, []);
  const set = <K extends keyof GridFilterState>(key: K, v: GridFilterState[K]) => onChange({ ...value, [key]: v });
  const more = moreFilterCount(value);

  return (
    <div className="toolbar">
      <input
        ref={searchRef}
        type="search"
        className="search-input"
        aria-label={t('customers.search')}
        placeholder={t('customers.searchPlaceholder')}
        value={value.search}
        onChange={(e) => set('search', e.target.value)}
        maxLength={200}
      />
      <FacetSelect
        label={t('customers.filterCountry')}
        allLabel={t('customers.allCountries')}
        counts={facets.data?.countries}
        value={value.countries}
        onChange={(v) => set('countries', v)}
        describe={countryLabel}
        keywords={countryKeywords}
      />
      <FacetSelect
        label={t('customers.filterIndustry')}
        allLabel={t('customers.allIndustries')}
        counts={facets.data?.industries}
        value={value.industries}
        onChange={(v) => set('industries', v)}
      />
      <FacetSelect
        label={t('customers.filterOwner')}
        allLabel={t('customers.allOwners')}
        emptyLabel={t('pool.scope.pool')}
        counts={facets.data?.owners}
        value={value.owners}
        onChange={(v) => set('owners', v)}
      />
      <Button
        ref={moreButtonRef}
        className={more > 0 ? 'more-filters-button has-active' : 'more-filters-button'}
        aria-expanded={moreOpen}
        aria-controls={moreOpen ? morePanelId : undefined}
        onClick={onToggleMore}
      >
        {more > 0 ? t('customers.moreFiltersCount', { count: more }) : t('customers.moreFilters')}
        <span aria-hidden="true">{moreOpen ? '▴' : '▾'}</span>
      </Button>
      <Button className="toolbar-end" onClick={onExport} aria-haspopup="dialog">
        {t('export.button')}
      </Button>
      <Button type="primary" onClick={onNewCustomer}>
        {t('customers.newCustomer')}
      </Button>
    </div>
  );
}

/** Whether archived customers are listed too, and how many customers the list holds. */
export function GridScope({
  value,
  onChange,
  total,
}: {
  value: GridFilterState;
  onChange: (next: GridFilterState) => void;
  total: number | undefined;
}) {
  const { t } = useTranslation();
  return (
    <div className="grid-scope">
      <label className="toolbar-toggle">
        <input
          type="checkbox"
          checked={value.archived !== 'active'}
          onChange={(e) => onChange({ ...value, archived: e.target.checked ? 'all' : 'active' })}
        />
        {t('customers.showArchived')}
      </label>
      <label className="toolbar-toggle" title={t('customers.workingHoursNowHint')}>
        <input
          type="checkbox"
          checked={value.workingHoursNow}
          onChange={(e) => onChange({ ...value, workingHoursNow: e.target.checked })}
        />
        {t('customers.workingHoursNow')}
      </label>
      <span className="toolbar-total" aria-live="polite">
        {total === undefined ? '' : t('customers.total', { count: total })}
      </span>
    </div>
  );
}
