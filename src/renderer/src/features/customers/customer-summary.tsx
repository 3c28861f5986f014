import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../../../shared/domain/customer';
import { formatDateTime } from '../../i18n/format-date';
import { regionName } from '../../i18n/region-names';
import { PriorityCell, TagsCell } from './customer-cells';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="summary-item">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Every field of a customer, read-only (the lifecycle stage is with the classes, the notes above). */
export function CustomerSummary({ customer }: { customer: CustomerDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const dash = t('common.notSet');
  const text = (v: string) => v || dash;
  return (
    <dl className="summary">
      <Item label={t('fields.company')}>{customer.company}</Item>
      <Item label={t('fields.country')}>{customer.country ? `${regionName(customer.country, lang)} (${customer.country})` : dash}</Item>
      <Item label={t('fields.city')}>{text(customer.city)}</Item>
      <Item label={t('fields.website')}>{text(customer.website)}</Item>
      <Item label={t('fields.industry')}>{text(customer.industry)}</Item>
      <Item label={t('fields.businessType')}>
        {customer.businessType
          ? t(`enums.businessType.${customer.businessType as 'other'}`, { defaultValue: customer.businessType })
          : dash}
      </Item>
      <Item label={t('fields.scale')}>
        {customer.scale ? t(`enums.scale.${customer.scale as 'small'}`, { defaultValue: customer.scale }) : dash}
      </Item>
      <Item label={t('fields.source')}>{text(customer.source)}</Item>
      <Item label={t('fields.owner')}>{text(customer.owner)}</Item>
      <Item label={t('fields.priority')}>{customer.priority ? <PriorityCell priority={customer.priority} /> : dash}</Item>
      <Item label={t('fields.primaryEmail')}>{text(customer.primaryEmail)}</Item>
      <Item label={t('fields.tags')}>{customer.tags.length ? <TagsCell tags={customer.tags} /> : dash}</Item>
      <Item label={t('fields.createdAt')}>{formatDateTime(customer.createdAt, lang)}</Item>
      <Item label={t('fields.updatedAt')}>{formatDateTime(customer.updatedAt, lang)}</Item>
      {customer.archivedAt ? <Item label={t('fields.archivedAt')}>{formatDateTime(customer.archivedAt, lang)}</Item> : null}
    </dl>
  );
}
