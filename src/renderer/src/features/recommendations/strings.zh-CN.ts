import type { Strings } from '../../i18n/strings-type';
import type { recommendationsEn } from './strings.en';

/** 简体中文：键与 strings.en.ts 完全一致（由类型保证）。 */
export const recommendationsZhCN: Strings<typeof recommendationsEn> = {
  recommendations: {
    customer: {
      title: '推荐产品',
      none: '暂无推荐：相似客户买过的产品，这位客户都已询价或购买过。',
      noCohort: '填写客户的行业或国家后，才能与相似买家比较。',
      cohort: {
        both: '依据{{region}}其他 {{count}} 位{{industry}}买家',
        industry: '依据其他 {{count}} 位{{industry}}买家（所有地区：{{region}}买家太少）',
        region: '依据{{region}}其他 {{count}} 位买家',
      },
      why_one: '其中 {{count}} 位买过',
      why_other: '其中 {{count}} 位买过',
      alsoBought_one: '其中 {{count}} 位也和这位客户一样买过 {{product}}',
      alsoBought_other: '其中 {{count}} 位也和这位客户一样买过 {{product}}',
      planFollowUp: '计划跟进推荐',
      offerNote: '推荐 {{product}}：{{why}}。',
      planned: '已计划跟进：推荐 {{product}}。',
    },
    product: {
      open: '潜在买家',
      title: '{{product}} 的潜在买家',
      intro_one: '已有 {{count}} 位客户购买。以下客户与买家同行业、同地区，且尚未购买或询价。',
      intro_other: '已有 {{count}} 位客户购买。以下客户与买家同行业、同地区，且尚未购买或询价。',
      none: '暂无潜在买家：还没有人买过，或与买家相似的客户都已买过。',
      company: '公司',
      cohort: '推荐理由',
      cohortShare: '{{region}} {{size}} 位{{industry}}客户中有 {{buyers}} 位买过',
      owner: '业务员',
      planFollowUps_one: '为 {{count}} 位客户计划跟进',
      planFollowUps_other: '为 {{count}} 位客户计划跟进',
      offerNote: '推荐 {{product}}：相似客户买过。',
      tag: '打标签',
      tagValue: '潜在客户：{{sku}}',
      planned_one: '已计划 {{count}} 条跟进，明天 10:00 到期。',
      planned_other: '已计划 {{count}} 条跟进，明天 10:00 到期。',
      tagged_one: '已为 {{count}} 位客户打上标签“{{tag}}”：按标签筛选即可用于营销活动或导出。',
      tagged_other: '已为 {{count}} 位客户打上标签“{{tag}}”：按标签筛选即可用于营销活动或导出。',
      close: '关闭',
    },
  },
};
