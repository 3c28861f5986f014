import { useQueryClient } from '@tanstack/react-query';
import { Button, Input, Tag } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../../shared/domain/products';
import { useNotices } from '../../app/notice-context';
import { hashFor } from '../../app/routes';
import { CheckboxField } from '../../components/checkbox-field';
import { SearchSelect } from '../../components/search-select';
import { call, toIpcError } from '../../lib/ipc';
import { downloadFile } from '../../lib/download-file';
import { formatMoney } from '../../lib/money-format';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { LikelyBuyersDialog } from '../recommendations';
import { ProductDialog } from './product-dialog';
import { productKeys, useProductList } from './use-products';

const PAGE_SIZE = 50;

/**
 * The product catalogue: a table (a plain one: antd's Table measures the scrollbar with an inline
 * <style>, which the page's CSP refuses) searched by SKU / name / category, a category filter, archived
 * shown on demand; New product, Edit and Archive; Import (the import wizard reading a catalogue)
 * and Export (the list as it is filtered, XLSX or CSV).
 */
export function ProductsPage() {
  const { t, i18n } = useTranslation();
  const notices = useNotices();
  const queryClient = useQueryClient();
  const searchId = useId();
  const categoryId = useId();
  const [search, setSearch] = useState('');
  const [category, setCategory] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  const [exporting, setExporting] = useState(false);
  const [prospectsOf, setProspectsOf] = useState<number | null>(null);
  const debounced = useDebouncedValue(search.trim(), 250);
  const filter = {
    search: debounced,
    ...(category ? { category } : {}),
    archived: showArchived ? ('all' as const) : ('active' as const),
  };
  const list = useProductList({ ...filter, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
  const lang = i18n.language;

  const refresh = () => queryClient.invalidateQueries({ queryKey: productKeys.all });

  const setArchived = async (p: Product, archived: boolean) => {
    try {
      await call('products.setArchived', { id: p.id, version: p.version, archived });
      notices.announce(t(archived ? 'products.archived' : 'products.restored', { sku: p.sku }));
    } catch (err) {
      notices.showError(toIpcError(err));
    }
    await refresh();
  };

  const exportList = async (format: 'xlsx' | 'csv') => {
    setExporting(true);
    try {
      const file = await call('products.export', {
        ...filter,
        format,
        language: lang === 'zh-CN' ? 'zh-CN' : 'en',
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
      });
      downloadFile(file);
      notices.announce(t('products.exported', { count: file.rows }));
    } catch (err) {
      notices.showError(toIpcError(err));
    } finally {
      setExporting(false);
    }
  };

  const closed = (saved: Product | null) => {
    const wasNew = editing === 'new';
    setEditing(null);
    if (!saved) return;
    notices.announce(t(wasNew ? 'products.created' : 'products.saved', { sku: saved.sku }));
    void refresh();
  };

  const rows = list.data?.rows ?? [];
  const total = list.data?.total ?? 0;
  const filtered = debounced !== '' || category !== '';
  return (
    <div className="products-page">
      <div className="page-header">
        <h1 className="page-title">{t('products.title')}</h1>
        <div className="toolbar products-toolbar">
          <Button type="primary" onClick={() => setEditing('new')}>
            {t('products.newProduct')}
          </Button>
          <Button
            onClick={() => {
              window.location.hash = `${hashFor('import')}?kind=products`;
            }}
          >
            {t('products.import')}
          </Button>
          <Button disabled={exporting} onClick={() => void exportList('xlsx')}>
            {t('products.exportXlsx')}
          </Button>
          <Button disabled={exporting} onClick={() => void exportList('csv')}>
            {t('products.exportCsv')}
          </Button>
        </div>
      </div>
      <div className="toolbar products-filters">
        <div className="toolbar-field">
          <label htmlFor={searchId}>{t('products.search')}</label>
          <Input
            id={searchId}
            type="search"
            allowClear
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setPage(1);
            }}
          />
        </div>
        <div className="toolbar-field">
          <label htmlFor={categoryId}>{t('products.category')}</label>
          <SearchSelect
            id={categoryId}
            value={category === '' ? '' : `=${category}`}
            className={category === '' ? undefined : 'is-filtering'}
            options={[
              { value: '', label: t('products.allCategories') },
              ...(list.data?.categories ?? []).map((c) => ({ value: `=${c}`, label: c })),
            ]}
            onChange={(v) => {
              setCategory(v === '' ? '' : v.slice(1));
              setPage(1);
            }}
          />
        </div>
        <CheckboxField
          label={t('products.showArchived')}
          checked={showArchived}
          onCheckedChange={(v) => {
            setShowArchived(v);
            setPage(1);
          }}
        />
        <p className="muted products-total" aria-live="polite">
          {t('products.total', { count: total })}
        </p>
      </div>
      <div className="table-scroll">
        <table className="data-table products-table" aria-busy={list.isFetching || undefined}>
          <caption className="visually-hidden">{t('products.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('products.columns.sku')}</th>
              <th scope="col">{t('products.columns.name')}</th>
              <th scope="col">{t('products.columns.category')}</th>
              <th scope="col">{t('products.columns.moq')}</th>
              <th scope="col">{t('products.columns.prices')}</th>
              <th scope="col">{t('products.columns.leadTime')}</th>
              <th scope="col">{t('products.columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && list.data ? (
              <tr>
                <td colSpan={7} className="muted">
                  {filtered ? t('products.noMatch') : t('products.empty')}
                </td>
              </tr>
            ) : null}
            {rows.map((p) => (
              <tr key={p.id}>
                <th scope="row" className="product-sku">
                  {p.sku}
                  {p.archivedAt ? <Tag className="product-archived-tag">{t('products.archivedTag')}</Tag> : null}
                </th>
                <td className="product-names">
                  <span lang="zh-CN">{p.nameZh}</span>
                  {p.nameZh && p.nameEn ? <br /> : null}
                  <span lang="en">{p.nameEn}</span>
                </td>
                <td>{p.category ?? ''}</td>
                <td>{p.moq === null ? '' : `${p.moq.toLocaleString(lang)} ${p.unit}`}</td>
                <td>
                  {p.priceTiers
                    .map((tier) => `${tier.minQty.toLocaleString(lang)}+ ${formatMoney(tier.unitPriceMinor, p.currency, lang)}`)
                    .join(' · ')}
                </td>
                <td>{p.leadTimeDays === null ? '' : t('products.leadDays', { count: p.leadTimeDays })}</td>
                <td>
                  <span className="row-actions">
                    <Button size="small" aria-label={t('products.editLabel', { sku: p.sku })} onClick={() => setEditing(p)}>
                      {t('products.edit')}
                    </Button>
                    <Button size="small" aria-label={t('products.likelyBuyersLabel', { sku: p.sku })} onClick={() => setProspectsOf(p.id)}>
                      {t('recommendations.product.open')}
                    </Button>
                    {p.archivedAt ? (
                      <Button
                        size="small"
                        aria-label={t('products.restoreLabel', { sku: p.sku })}
                        onClick={() => void setArchived(p, false)}
                      >
                        {t('products.restore')}
                      </Button>
                    ) : (
                      <Button
                        size="small"
                        aria-label={t('products.archiveLabel', { sku: p.sku })}
                        onClick={() => void setArchived(p, true)}
                      >
                        {t('products.archive')}
                      </Button>
                    )}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {total > PAGE_SIZE ? (
        <div className="products-pager">
          <Button disabled={page <= 1} onClick={() => setPage((n) => n - 1)}>
            {t('products.previousPage')}
          </Button>
          <span className="muted">{t('products.pageOf', { page, pages: Math.ceil(total / PAGE_SIZE) })}</span>
          <Button disabled={page * PAGE_SIZE >= total} onClick={() => setPage((n) => n + 1)}>
            {t('products.nextPage')}
          </Button>
        </div>
      ) : null}
      {editing !== null ? <ProductDialog product={editing === 'new' ? null : editing} onClose={closed} /> : null}
      <LikelyBuyersDialog productId={prospectsOf} onClose={() => setProspectsOf(null)} />
    </div>
  );
}
