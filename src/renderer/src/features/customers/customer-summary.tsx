import { Descriptions, type DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../../../shared/domain/customer';
import { formatDateTime } from '../../i18n/format-date';
import { regionName } from '../../i18n/region-names';
import { PriorityCell, TagsCell } from './customer-cells';

type Item = NonNullable<DescriptionsProps['items']>[number];

/** Every field of a customer, read-only (the lifecycle stage is with the classes, the notes above): one label and value a row. */
export function CustomerSummary({ customer }: { customer: CustomerDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const dash = t('common.notSet');
  const text = (v: string) => v || dash;
  const items: Item[] = [
    { key: 'company', label: t('fields.company'), children: customer.company },
    {
      key: 'country',
      label: t('fields.country'),
      children: customer.country ? `${regionName(customer.country, lang)} (${customer.country})` : dash,
    },
    { key: 'city', label: t('fields.city'), children: text(customer.city) },
    { key: 'website', label: t('fields.website'), children: text(customer.website) },
    { key: 'industry', label: t('fields.industry'), children: text(customer.industry) },
    {
      key: 'businessType',
      label: t('fields.businessType'),
      children: customer.businessType
        ? t(`enums.businessType.${customer.businessType as 'other'}`, { defaultValue: customer.businessType })
        : dash,
    },
    {
      key: 'scale',
      label: t('fields.scale'),
      children: customer.scale ? t(`enums.scale.${customer.scale as 'small'}`, { defaultValue: customer.scale }) : dash,
    },
    { key: 'source', label: t('fields.source'), children: text(customer.source) },
    { key: 'owner', label: t('fields.owner'), children: text(customer.owner) },
    { key: 'priority', label: t('fields.priority'), children: customer.priority ? <PriorityCell priority={customer.priority} /> : dash },
    { key: 'primaryEmail', label: t('fields.primaryEmail'), children: text(customer.primaryEmail) },
    { key: 'tags', label: t('fields.tags'), children: customer.tags.length ? <TagsCell tags={customer.tags} /> : dash },
    { key: 'createdAt', label: t('fields.createdAt'), children: formatDateTime(customer.createdAt, lang) },
    { key: 'updatedAt', label: t('fields.updatedAt'), children: formatDateTime(customer.updatedAt, lang) },
  ];
  if (customer.archivedAt)
    items.push({ key: 'archivedAt', label: t('fields.archivedAt'), children: formatDateTime(customer.archivedAt, lang) });
  return <Descriptions className="customer-summary" bordered size="small" column={1} items={items} />;
}
