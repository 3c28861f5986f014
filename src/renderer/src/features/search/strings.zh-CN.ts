import type { Strings } from '../../i18n/strings-type';
import type { searchEn } from './strings.en';

/** 简体中文：键与 strings.en.ts 完全一致（由类型保证）。 */
export const searchZhCN: Strings<typeof searchEn> = {
  search: {
    button: '搜索',
    buttonHint: '搜索客户、联系人、询盘和订单（{{shortcut}}）',
    title: '搜索',
    label: '搜索客户、联系人、询盘和订单',
    placeholder: '公司、联系人、邮箱、电话、国家、询盘编号或订单号',
    results: '搜索结果',
    hint: '输入公司或联系人名称的一部分、邮箱、电话、询盘编号或订单号。',
    searching: '正在搜索…',
    none: '没有与“{{query}}”匹配的结果。',
    count_one: '{{count, number}} 个结果。↑ ↓ 选择，回车打开客户。',
    count_other: '{{count, number}} 个结果。↑ ↓ 选择，回车打开客户。',
    more: '前 {{count, number}} 个',
    groups: {
      countries: '国家和地区',
      customers: '客户',
      contacts: '联系人',
      inquiries: '询盘',
      orders: '订单',
      all: '更多',
    },
    archived: '已归档',
    countryCustomers_one: '{{count, number}} 位客户：打开列表',
    countryCustomers_other: '{{count, number}} 位客户：打开列表',
    tier: '{{tier}} 类',
    inquiry: '询盘',
    order: '订单',
    showAll: '在客户列表中显示所有匹配“{{query}}”的客户',
    keys: {
      move: '选择',
      open: '打开',
      close: '关闭',
    },
  },
};
