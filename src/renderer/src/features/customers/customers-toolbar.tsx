import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { regionName } from '../../i18n/region-names';
import { FacetSelect } from './facet-select';
import type { GridFilterState } from './grid-filter';
import { useCustomerFacets } from './use-customer-facets';

interface Props {
  value: GridFilterState;
  onChange: (next: GridFilterState) => void;
  total: number | undefined;
  onNewCustomer: () => void;
  onExport: () => void;
}

/** Search, filters, the archived toggle, the result count, "Export" and "New customer". */
export function CustomersToolbar({ value, onChange, total, onNewCustomer, onExport }: Props) {
  const { t, i18n } = useTranslation();
  const facets = useCustomerFacets(value.showArchived ? 'all' : 'active');
  const lang = i18n.language;
  const countryLabel = useCallback((code: string) => `${regionName(code, lang)} (${code})`, [lang]);
  const set = <K extends keyof GridFilterState>(key: K, v: GridFilterState[K]) => onChange({ ...value, [key]: v });

  return (
    <div className="toolbar">
      <input
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
        value={value.country}
        onChange={(v) => set('country', v)}
        describe={countryLabel}
      />
      <FacetSelect
        label={t('customers.filterIndustry')}
        allLabel={t('customers.allIndustries')}
        counts={facets.data?.industries}
        value={value.industry}
        onChange={(v) => set('industry', v)}
      />
      <FacetSelect
        label={t('customers.filterOwner')}
        allLabel={t('customers.allOwners')}
        counts={facets.data?.owners}
        value={value.owner}
        onChange={(v) => set('owner', v)}
      />
      <label className="toolbar-toggle">
        <input type="checkbox" checked={value.showArchived} onChange={(e) => set('showArchived', e.target.checked)} />
        {t('customers.showArchived')}
      </label>
      <span className="toolbar-total" aria-live="polite">
        {total === undefined ? '' : t('customers.total', { count: total })}
      </span>
      <button type="button" className="button" onClick={onExport} aria-haspopup="dialog">
        {t('export.button')}
      </button>
      <button type="button" className="button button-primary" onClick={onNewCustomer}>
        {t('customers.newCustomer')}
      </button>
    </div>
  );
}
