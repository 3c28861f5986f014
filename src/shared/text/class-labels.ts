/**
 * The names of the stored class codes (`key_account`, `low`, `trading_company`…) in the app's
 * languages: one dictionary for the page (its `enums.*` keys spread these) and for main (exported
 * files), so a grid cell and the export's cell always read the same.
 */
import type { Language } from '../language';

const en = {
  businessType: {
    factory: 'Factory',
    trading_company: 'Trading company',
    wholesaler: 'Wholesaler',
    retailer: 'Retailer',
    sourcing_agent: 'Sourcing agent',
    online_retailer: 'Online retailer',
    other: 'Other',
  },
  scale: {
    micro: 'Micro (under 10 staff)',
    small: 'Small (10–49 staff)',
    medium: 'Medium (50–249 staff)',
    large: 'Large (250–999 staff)',
    enterprise: 'Enterprise (1,000+ staff)',
  },
  lifecycle: {
    inquiry: 'Inquiry',
    sample: 'Sample',
    first_order: 'First order',
    repeat: 'Repeat buyer',
    key_account: 'Key account',
    dormant: 'Dormant',
    lost: 'Lost',
  },
  priority: {
    high: 'High',
    medium: 'Medium',
    low: 'Low',
  },
  segment: {
    champions: 'Champions',
    loyal: 'Loyal',
    potential_loyalists: 'Potential loyalists',
    new: 'New customers',
    promising: 'Promising',
    need_attention: 'Need attention',
    about_to_sleep: 'About to sleep',
    at_risk: 'At risk',
    cant_lose: "Can't lose them",
    hibernating: 'Hibernating',
    none: 'No purchases yet',
  },
  tier: {
    A: 'Tier A',
    B: 'Tier B',
    C: 'Tier C',
    none: 'No revenue',
  },
  matrix: {
    key: 'Key to keep',
    develop: 'Develop',
    maintain: 'Maintain',
    low: 'Low priority',
  },
  churn: {
    active: 'On rhythm',
    warning: 'Churn warning',
    lost: 'Lost',
    none: 'No orders',
  },
} as const;

type Labels<T> = { [K in keyof T]: T[K] extends string ? string : Labels<T[K]> };

const zhCN: Labels<typeof en> = {
  businessType: {
    factory: '工厂',
    trading_company: '贸易公司',
    wholesaler: '批发商',
    retailer: '零售商',
    sourcing_agent: '采购代理',
    online_retailer: '电商卖家',
    other: '其他',
  },
  scale: {
    micro: '微型（10 人以下）',
    small: '小型（10–49 人）',
    medium: '中型（50–249 人）',
    large: '大型（250–999 人）',
    enterprise: '超大型（1000 人以上）',
  },
  lifecycle: {
    inquiry: '询盘',
    sample: '寄样',
    first_order: '首单',
    repeat: '返单',
    key_account: '重点客户',
    dormant: '沉睡',
    lost: '流失',
  },
  priority: {
    high: '高',
    medium: '中',
    low: '低',
  },
  segment: {
    champions: '重要价值客户',
    loyal: '忠诚客户',
    potential_loyalists: '潜在忠诚客户',
    new: '新客户',
    promising: '有潜力客户',
    need_attention: '需要关注',
    about_to_sleep: '即将沉睡',
    at_risk: '流失风险',
    cant_lose: '不能失去的客户',
    hibernating: '休眠客户',
    none: '尚未下单',
  },
  tier: {
    A: 'A 类',
    B: 'B 类',
    C: 'C 类',
    none: '无收入',
  },
  matrix: {
    key: '重点保持',
    develop: '重点发展',
    maintain: '一般维持',
    low: '低优先级',
  },
  churn: {
    active: '节奏正常',
    warning: '流失预警',
    lost: '已流失',
    none: '无订单',
  },
};

/** Class names per language; English keeps its literal types (the page's i18n keys are typed from them). */
export const CLASS_LABELS: { readonly en: typeof en; readonly 'zh-CN': Labels<typeof en> } = { en, 'zh-CN': zhCN };

export type ClassDimension = keyof typeof en;

/** The name of a stored class code in `language`; '' for no code, the code itself when it names no class. */
export function classLabelText(language: Language, dimension: ClassDimension, code: string | null | undefined): string {
  if (!code) return '';
  const names = CLASS_LABELS[language][dimension] as Readonly<Record<string, string>>;
  return Object.hasOwn(names, code) ? (names[code] as string) : code;
}
