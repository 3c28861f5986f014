import { useQuery } from '@tanstack/react-query';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProductRef, ProductSuggestion } from '../../../../shared/domain/recommendations';
import { call } from '../../lib/ipc';
import { tomorrowAtTen, useBulkOffer } from './use-bulk-offer';

/** A product as the user reads it: SKU and name in their language, else the text a purchase wrote. */
export function productLabel(p: ProductRef, lang: string): string {
  const name = (lang.startsWith('zh') ? p.nameZh || p.nameEn : p.nameEn || p.nameZh) || p.text;
  return p.sku ? `${p.sku} ${name}` : name;
}

/**
 * "Products to offer" in the customer panel: what customers like this one bought and it never asked
 * for nor bought, each with why (how many of them bought it, and what they share with this customer)
 * and a follow-up to offer it.
 */
export function RecommendedProductsSection({ customerId }: { customerId: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const offer = useBulkOffer();
  const query = useQuery({
    queryKey: ['recommendations', 'customer', customerId],
    queryFn: () => call('recommendations.forCustomer', { customerId, limit: 5 }),
  });
  const data = query.data;
  if (!data) return null;
  const cohort = data.cohort;
  const region = cohort ? (lang.startsWith('zh') ? cohort.region.name.zh : cohort.region.name.en) : '';
  const why = (s: ProductSuggestion) =>
    [
      t('recommendations.customer.why', { count: s.buyers }),
      s.alsoBought
        ? t('recommendations.customer.alsoBought', { count: s.alsoBoughtBuyers, product: productLabel(s.alsoBought, lang) })
        : '',
    ]
      .filter(Boolean)
      .join(lang.startsWith('zh') ? '；' : '; ');
  const plan = (s: ProductSuggestion) =>
    offer(
      {
        kind: 'planFollowUp',
        ids: [customerId],
        type: 'email',
        dueAt: tomorrowAtTen(),
        note: t('recommendations.customer.offerNote', { product: productLabel(s, lang), why: why(s) }),
      },
      () => t('recommendations.customer.planned', { product: productLabel(s, lang) }),
    );
  return (
    <section className="detail-section recommended-products" aria-label={t('recommendations.customer.title')}>
      <h3 className="section-title">{t('recommendations.customer.title')}</h3>
      {!cohort ? (
        <p className="muted">{t('recommendations.customer.noCohort')}</p>
      ) : (
        <>
          <p className="muted">
            {t(`recommendations.customer.cohort.${cohort.scope}`, { count: cohort.buyers, industry: cohort.industry, region })}
          </p>
          {data.items.length === 0 ? (
            <p className="muted">{t('recommendations.customer.none')}</p>
          ) : (
            <ul className="recommended-list">
              {data.items.map((s) => (
                <li key={`${s.productId ?? 't'}:${s.text}`} className="recommended-item">
                  <span className="customer-product-name">{productLabel(s, lang)}</span>
                  <span className="muted"> · {why(s)}</span>{' '}
                  <Button
                    size="small"
                    onClick={() => void plan(s)}
                    aria-label={`${t('recommendations.customer.planFollowUp')}: ${productLabel(s, lang)}`}
                  >
                    {t('recommendations.customer.planFollowUp')}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
