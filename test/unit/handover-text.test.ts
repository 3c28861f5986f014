import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { enResources, FEATURE_NAMESPACES } from '../../src/renderer/src/i18n/en';
import { zhCN } from '../../src/renderer/src/i18n/zh-CN';
import { handOverPreviewText, handOverWhat } from '../../src/renderer/src/features/settings/handover-text';

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

describe("the hand-over dialog's preview line", () => {
  const all = { customers: 200, followUps: 150, complaints: 3, needs: 1 };

  it('counts what moves, in the singular or the plural, and names who gets it', () => {
    expect(handOverPreviewText(en, 'en', 'Li Na', all, { kind: 'person', name: 'Wang Wei' })).toBe(
      '200 customers, 150 open follow-ups, 3 open complaints, and 1 open need will go to Wang Wei.',
    );
    expect(handOverPreviewText(zh, 'zh-CN', 'Li Na', all, { kind: 'person', name: '王伟' })).toBe(
      '200 个客户、150 条未完成的跟进、3 条未解决的投诉和1 条未完成的需求将转给王伟。',
    );
    expect(handOverPreviewText(en, 'en', 'Li Na', { customers: 1, followUps: 0, complaints: 0, needs: 0 }, { kind: 'pool' })).toBe(
      '1 customer will go back to the public pool.',
    );
    expect(handOverPreviewText(zh, 'zh-CN', 'Li Na', { ...all, complaints: 0, needs: 0 }, { kind: 'pool' })).toBe(
      '200 个客户和150 条未完成的跟进将退回公海。',
    );
  });

  it('before a recipient is chosen says what the salesperson has, and says when there is nothing', () => {
    expect(handOverPreviewText(en, 'en', 'Li Na', { ...all, complaints: 0, needs: 0 }, { kind: 'none' })).toBe(
      'Li Na has 200 customers and 150 open follow-ups.',
    );
    const none = { customers: 0, followUps: 0, complaints: 0, needs: 0 };
    expect(handOverPreviewText(en, 'en', 'Li Na', none, { kind: 'pool' })).toBe('Li Na has no customers to hand over.');
    expect(handOverPreviewText(zh, 'zh-CN', 'Li Na', none, { kind: 'none' })).toBe('Li Na名下没有可交接的客户。');
    expect(handOverWhat(en, 'en', { customers: 2000, followUps: 1, complaints: 0, needs: 0 })).toBe('2,000 customers and 1 open follow-up');
  });
});
