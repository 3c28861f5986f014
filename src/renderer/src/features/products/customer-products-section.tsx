import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerProduct } from '../../../../shared/domain/products';
import { formatDate } from '../../i18n/format-date';
import { useCustomerProducts } from './use-products';

/** One list of the section: a catalogue product by SKU and name (how it matched), else the text as written. */
function ProductLines({ items, headingId }: { items: readonly CustomerProduct[]; headingId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (items.length === 0) return <p className="muted">{t('products.customer.none')}</p>;
  return (
    <ul className="customer-products" aria-labelledby={headingId}>
      {items.map((p) => {
        const name = p.productId === null ? p.text : (lang === 'zh-CN' ? p.nameZh || p.nameEn : p.nameEn || p.nameZh) || p.text;
        const facts = [
          t('products.customer.times', { count: p.count }),
          p.quantity === null ? '' : t('products.customer.quantity', { quantity: p.quantity.toLocaleString(lang) }),
          t('products.customer.last', { date: formatDate(p.lastAt, lang) }),
          p.matchedBy ? t(`products.customer.matchedBy.${p.matchedBy}`) : t('products.customer.notInCatalogue'),
        ].filter(Boolean);
        return (
          <li
            key={`${p.productId ?? 't'}:${p.text}`}
            className={p.productId === null ? 'customer-product is-unmatched' : 'customer-product'}
          >
            {p.sku ? <span className="product-sku">{p.sku}</span> : null} <span className="customer-product-name">{name}</span>
            <span className="muted"> · {facts.join(' · ')}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** "Products asked for / bought" in the customer panel: from their inquiries and orders, linked to the catalogue. */
export function CustomerProductsSection({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const asked = useId();
  const bought = useId();
  const data = useCustomerProducts(customerId).data;
  return (
    <section className="detail-section customer-products-section" aria-label={t('products.customer.title')}>
      <h3 className="section-title">{t('products.customer.title')}</h3>
      <h4 id={asked} className="subsection-title">
        {t('products.customer.asked')}
      </h4>
      <ProductLines items={data?.asked ?? []} headingId={asked} />
      <h4 id={bought} className="subsection-title">
        {t('products.customer.bought')}
      </h4>
      <ProductLines items={data?.bought ?? []} headingId={bought} />
    </section>
  );
}
