/**
 * The customer grid's column titles in the app's languages: the grid's headers (the page's
 * `columns.*` keys are these) and the headings of the customer export, so the file's columns are
 * named as the user saw them.
 */
import type { GridColumnId } from '../domain/grid-columns';
import type { Language } from '../language';

const en = {
  company: 'Company',
  country: 'Country',
  city: 'City',
  localTime: 'Local time',
  mainContact: 'Main contact',
  phone: 'Phone / WhatsApp',
  nextFollowUp: 'Next follow-up',
  lastInquiry: 'Last inquiry',
  industry: 'Industry',
  businessType: 'Business type',
  scale: 'Scale',
  source: 'Source',
  owner: 'Owner',
  segment: 'RFM segment',
  tier: 'Value tier',
  lifecycle: 'Lifecycle',
  churn: 'Churn warning',
  priority: 'Priority',
  potential: 'Potential',
  revenue: 'Revenue',
  lastOrder: 'Last order',
  rfm: 'R / F / M',
  recencyDays: 'Days since order',
  primaryEmail: 'Primary email',
  tags: 'Tags',
  createdAt: 'Created',
  updatedAt: 'Last updated',
} as const satisfies Record<GridColumnId, string>;

const zhCN: Record<GridColumnId, string> = {
  company: '公司名称',
  country: '国家/地区',
  city: '城市',
  localTime: '客户当地时间',
  mainContact: '主要联系人',
  phone: '电话 / WhatsApp',
  nextFollowUp: '下次跟进',
  lastInquiry: '最近询盘',
  industry: '行业',
  businessType: '商业类型',
  scale: '规模',
  source: '客户来源',
  owner: '业务员',
  segment: 'RFM 分群',
  tier: '价值等级',
  lifecycle: '阶段',
  churn: '流失预警',
  priority: '优先级',
  potential: '潜力',
  revenue: '销售额',
  lastOrder: '最近下单',
  rfm: 'R / F / M',
  recencyDays: '距上次下单天数',
  primaryEmail: '主要邮箱',
  tags: '标签',
  createdAt: '创建时间',
  updatedAt: '最后更新',
};

export const GRID_COLUMN_LABELS: { readonly en: typeof en; readonly 'zh-CN': Record<GridColumnId, string> } = { en, 'zh-CN': zhCN };

/** A grid column's title in `language`. */
export function gridColumnLabel(language: Language, id: GridColumnId): string {
  return GRID_COLUMN_LABELS[language][id];
}
