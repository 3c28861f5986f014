import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { enResources, FEATURE_NAMESPACES } from '../../src/renderer/src/i18n/en';
import { zhCN } from '../../src/renderer/src/i18n/zh-CN';
import { rfmDetail, statusReason } from '../../src/renderer/src/lib/customer-status';

let en: TFunction;
let zh: TFunction;
beforeAll(async () => {
  const make = async (lng: string) => {
    const i = createInstance();
    await i.init({
      resources: { en: enResources, 'zh-CN': zhCN },
      ns: ['common', ...FEATURE_NAMESPACES],
      defaultNS: 'common',
      fallbackNS: FEATURE_NAMESPACES,
      lng,
      fallbackLng: 'en',
      interpolation: { escapeValue: false },
    });
    return i.t;
  };
  en = await make('en');
  zh = await make('zh-CN');
});

describe('one primary status per customer, the others with their window named', () => {
  it('a Champions buyer that is dormant says why in its own rhythm, and names RFM’s window and yardstick', () => {
    // Before: "重要价值客户" next to "沉睡" with nothing saying they measure different things.
    const facts = { stage: 'dormant', overridden: false, rhythmDays: 30, recencyDays: 95 };
    expect(statusReason(zh, facts)).toBe('通常每 30 天下单一次；最近一单在 95 天前。');
    expect(rfmDetail(zh, 'champions', '重要价值客户', 12)).toBe('RFM（近 12 个月，与其他客户相比）：重要价值客户');
    expect(statusReason(en, facts)).toBe('Usually orders every 30 days; last order 95 days ago.');
    expect(rfmDetail(en, 'loyal', 'Loyal', 6)).toBe('RFM over the last 6 months, compared with your other customers: Loyal');
    expect(rfmDetail(en, 'loyal', 'Loyal', 0)).toBe('RFM over all orders, compared with your other customers: Loyal');
  });

  it('a status set by hand says so; a buyer without orders has no reason and no RFM segment', () => {
    expect(statusReason(en, { stage: 'lost', overridden: true, rhythmDays: 30, recencyDays: 400 })).toBe('Set by hand.');
    expect(statusReason(en, { stage: 'inquiry', overridden: false, rhythmDays: null, recencyDays: null })).toBe('');
    expect(statusReason(zh, { stage: 'repeat', overridden: false, rhythmDays: 20, recencyDays: 5 })).toBe('最近一单在 5 天前。');
    expect(rfmDetail(zh, 'none', '', 12)).toBe('RFM：统计期内尚无订单');
  });
});
