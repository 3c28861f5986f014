import { useQuery } from '@tanstack/react-query';
import { Button, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { customersHash } from '../../app/route-filter';
import { call } from '../../lib/ipc';
import { regionName } from '../../i18n/region-names';
import { productLabel } from './recommended-products-section';
import { tomorrowAtTen, useBulkOffer } from './use-bulk-offer';

interface Props {
  productId: number | null;
  onClose: () => void;
}

/**
 * A catalogue product's likely buyers: the customers of its buyers' industry and region who have
 * neither bought nor asked for it, with why; usable as a follow-up list (one follow-up each) or a
 * campaign (a tag to filter them by).
 */
export function LikelyBuyersDialog({ productId, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const offer = useBulkOffer();
  const query = useQuery({
    queryKey: ['recommendations', 'product', productId],
    queryFn: () => call('recommendations.forProduct', { productId: productId!, limit: 500 }),
    enabled: productId !== null,
  });
  const data = query.data;
  const ids = data?.items.map((i) => i.customerId) ?? [];
  const product = data ? productLabel(data.product, lang) : '';
  const tag = data ? t('recommendations.product.tagValue', { sku: data.product.sku ?? data.product.text }) : '';
  return (
    <Modal
      open={productId !== null}
      onCancel={onClose}
      title={t('recommendations.product.title', { product })}
      width={760}
      footer={[
        <Button key="close" onClick={onClose}>
          {t('recommendations.product.close')}
        </Button>,
        <Button
          key="tag"
          disabled={ids.length === 0}
          onClick={() => void offer({ kind: 'addTag', ids, tag }, (n) => t('recommendations.product.tagged', { count: n, tag }))}
        >
          {t('recommendations.product.tag')}
        </Button>,
        <Button
          key="plan"
          type="primary"
          disabled={ids.length === 0}
          onClick={() =>
            void offer(
              {
                kind: 'planFollowUp',
                ids,
                type: 'email',
                dueAt: tomorrowAtTen(),
                note: t('recommendations.product.offerNote', { product }),
              },
              (n) => t('recommendations.product.planned', { count: n }),
            )
          }
        >
          {t('recommendations.product.planFollowUps', { count: ids.length })}
        </Button>,
      ]}
    >
      {!data ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        <>
          <p className="muted">{t('recommendations.product.intro', { count: data.buyers })}</p>
          {data.items.length === 0 ? (
            <p>{t('recommendations.product.none')}</p>
          ) : (
            <div className="table-scroll likely-buyers">
              <table className="data-table">
                <caption className="visually-hidden">{t('recommendations.product.title', { product })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('recommendations.product.company')}</th>
                    <th scope="col">{t('recommendations.product.cohort')}</th>
                    <th scope="col">{t('recommendations.product.owner')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((i) => (
                    <tr key={i.customerId}>
                      <th scope="row">
                        <a href={customersHash({ search: i.company.slice(0, 100) }, { id: i.customerId, company: i.company })}>
                          {i.company}
                        </a>{' '}
                        <span className="muted">{regionName(i.country, lang)}</span>
                      </th>
                      <td>
                        {t('recommendations.product.cohortShare', {
                          buyers: i.cohortBuyers,
                          size: i.cohortSize,
                          industry: i.industry,
                          region: lang.startsWith('zh') ? i.region.name.zh : i.region.name.en,
                        })}
                      </td>
                      <td>{i.owner}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </Modal>
  );
}
