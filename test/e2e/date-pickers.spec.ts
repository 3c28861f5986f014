import type { Locator, Page } from '@playwright/test';
import { chooseOption } from './choose-option';
import { api } from './engine-api';
import { expect, test, type AppUnderTest } from './fixtures';

/**
 * Ant Design in the renderer (issue #18): its styles come from the bundle's stylesheet, made at build
 * time, so the page's CSP (style-src 'self', no 'unsafe-inline') refuses nothing and antd's pickers
 * are styled; and the date pickers speak the app's language, not the system's (the browser here is
 * en-US: an English Windows running the Chinese UI).
 */

interface Violation {
  directive: string;
  source: string;
}

/** From the next page load on, records every CSP violation the page reports (read with violations()). */
async function watchCsp(app: AppUnderTest): Promise<() => Promise<Violation[]>> {
  const { page } = app;
  const fromConsole: Violation[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text()))
      fromConsole.push({ directive: 'console', source: msg.text() });
  });
  await page.addInitScript(() => {
    const seen: { directive: string; source: string }[] = [];
    (window as unknown as { cspViolations: typeof seen }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push({ directive: e.effectiveDirective, source: `${e.blockedURI} ${e.sourceFile}:${e.lineNumber}` }),
    );
  });
  await app.reload();
  return async () => [
    ...fromConsole,
    ...(await page.evaluate(() => (window as unknown as { cspViolations: { directive: string; source: string }[] }).cspViolations)),
  ];
}

const computed = (locator: Locator, properties: string[]) =>
  locator.evaluate((el, props) => {
    const style = getComputedStyle(el);
    return Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)]));
  }, properties);

/** The pop-up of the picker that is open (antd keeps closed ones in the page, hidden). */
const openPopup = (page: Page) => page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');

async function openPlanDialog(page: Page, company: string, buttonName: string): Promise<Locator> {
  await page.getByRole('grid').getByRole('gridcell', { name: company }).click();
  await page.getByRole('complementary', { name: company }).getByRole('button', { name: buttonName }).click();
  return page.getByRole('dialog');
}

test.describe('Ant Design', () => {
  // A zone with an offset, so that the instant saved shows the picker's wall time was taken as local.
  test.use({ appTimeZone: 'Asia/Shanghai' });

  test('its styles load under the strict CSP: nothing refused, no <style> injected, the picker styled with the app theme', async ({
    app,
  }) => {
    const violations = await watchCsp(app);
    const { page } = app;
    await api(page, 'customers.create', { company: 'Harbor Lights Trading LLC', country: 'AE', owner: 'Li Na' });
    await app.reload();
    const plan = await openPlanDialog(page, 'Harbor Lights Trading LLC', 'Plan follow-up');
    const field = plan.getByLabel('Due date and time');
    const picker = plan.locator('.ant-picker', { has: page.getByLabel('Due date and time') });

    // The picker looks like the app's other controls (theme: app/antd-theme.ts): 30px high, 6px corners, base.css's border.
    expect(await computed(picker, ['display', 'height', 'border-top-left-radius', 'border-top-color', 'border-top-style'])).toEqual({
      display: 'flex',
      height: '30px',
      'border-top-left-radius': '6px',
      'border-top-color': 'rgb(185, 192, 202)',
      'border-top-style': 'solid',
    });
    // Its own input is antd's, not styled again by forms.css (.field input).
    expect(await computed(field, ['border-top-width', 'padding-top', 'min-height'])).toEqual({
      'border-top-width': '0px',
      'padding-top': '0px',
      'min-height': 'auto',
    });

    // Its pop-up: laid over the dialog, the chosen day in the app's accent colour (#1f5fbf).
    await field.click();
    const popup = openPopup(page);
    await expect(popup).toBeVisible();
    expect(await computed(popup, ['position'])).toEqual({ position: 'absolute' });
    expect(Number((await computed(popup, ['z-index']))['z-index'])).toBeGreaterThan(50);
    const chosen = popup.locator('.ant-picker-cell-selected .ant-picker-cell-inner');
    expect(await computed(chosen, ['background-color', 'color'])).toEqual({
      'background-color': 'rgb(31, 95, 191)',
      color: 'rgb(255, 255, 255)',
    });

    // antd's link style reaches its own links ("Now"), kept to them (the app's links keep theirs).
    expect(await computed(popup.getByText('Now', { exact: true }), ['color', 'cursor'])).toEqual({
      color: 'rgb(31, 95, 191)',
      cursor: 'pointer',
    });

    // antd wrote no <style> into the document, and the CSP refused no style.
    expect(await page.evaluate(() => document.querySelectorAll('style').length)).toBe(0);
    // None at all: no style blocked, and no script probe either (zod runs jitless, main.tsx).
    expect(await violations()).toEqual([]);
  });

  test('date pickers speak the app language, not the browser’s (en-US): Chinese, then English at once; typed and entered by keyboard', async ({
    app,
  }) => {
    const { page } = app;
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    const customer = await api(page, 'customers.create', { company: 'Shenzhen Buyer Co', country: 'HK', owner: 'Zhao Lei' });
    await app.reload();

    // The app in Chinese, the browser in English.
    await chooseOption(page.getByRole('combobox', { name: 'Language' }), '简体中文');
    const plan = await openPlanDialog(page, 'Shenzhen Buyer Co', '安排跟进');
    await expect(plan.getByRole('heading', { name: '安排跟进：Shenzhen Buyer Co' })).toBeVisible();
    const due = plan.getByLabel('到期日期和时间');
    // Tomorrow 09:00, written YYYY-MM-DD HH:mm whatever the language.
    await expect(due).toHaveValue(/^\d{4}-\d{2}-\d{2} 09:00$/);

    // Clicked, the field opens its calendar (focus alone does not: Tab passes through without a pop-up).
    await due.click();
    const popup = openPopup(page);
    await expect(popup).toBeVisible();
    // Chinese month and weekday names (the week starts on Monday), and 此刻 (Now).
    await expect(popup.locator('.ant-picker-date-panel .ant-picker-header-view')).toContainText(/\d{4}年/);
    await expect(popup.locator('.ant-picker-date-panel .ant-picker-header-view')).toContainText(/\d{1,2}月/);
    await expect(popup.locator('.ant-picker-date-panel thead th')).toHaveText(['一', '二', '三', '四', '五', '六', '日']);
    await expect(popup.getByText('此刻', { exact: true })).toBeVisible();

    // As a keyboard user: type the date and time over the old one, Enter takes it (the pop-up closes,
    // the dialog stays), Enter again plans the follow-up.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2031-05-06 09:30');
    await page.keyboard.press('Enter');
    await expect(popup).toBeHidden();
    await expect(due).toHaveValue('2031-05-06 09:30');
    await expect(plan).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(plan).toBeHidden();
    const open = await api(page, 'followups.list', {
      bucket: 'open',
      timeZone: 'Asia/Shanghai',
      customerId: customer.id,
      tiers: [],
      limit: 10,
    });
    // 09:30 in Shanghai (UTC+8) is 01:30 UTC.
    expect(open.items.map((f) => Date.parse(f.dueAt))).toEqual([Date.parse('2031-05-06T01:30:00Z')]);

    // Switched to English, without a reload: the picker follows.
    await chooseOption(page.getByRole('combobox', { name: '语言' }), 'English');
    const again = await openPlanDialog(page, 'Shenzhen Buyer Co', 'Plan follow-up');
    const dueEn = again.getByLabel('Due date and time');
    await expect(dueEn).toHaveValue(/^\d{4}-\d{2}-\d{2} 09:00$/);
    await dueEn.click();
    const popupEn = openPopup(page);
    await expect(popupEn).toBeVisible();
    await expect(popupEn.locator('.ant-picker-date-panel .ant-picker-header-view')).toContainText(
      /(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/,
    );
    await expect(popupEn.locator('.ant-picker-date-panel thead th')).toHaveText(['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa']);
    await expect(popupEn.getByText('Now', { exact: true })).toBeVisible();
    // Escape closes the pop-up only; a second Escape closes the dialog, as from any field.
    await page.keyboard.press('Escape');
    await expect(popupEn).toBeHidden();
    await expect(again).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(again).toBeHidden();
  });

  test('a survey answer’s day: a date picker in the app language, no later than today, saved as that day', async ({ app }) => {
    const { page } = app;
    const customer = await api(page, 'customers.create', { company: 'Berlin Licht GmbH', country: 'DE', owner: 'Lily Chen' });
    const [template] = await api(page, 'surveys.templates', {});
    if (!template) throw new Error('no survey template');
    const campaign = await api(page, 'surveys.createCampaign', { name: 'Picker check', templateId: template.id, filter: {} });
    await app.reload();
    await chooseOption(page.getByRole('combobox', { name: 'Language' }), '简体中文');
    await page.goto(`${page.url().split('#')[0] ?? ''}#/surveys`);
    await page.getByRole('button', { name: campaign.name, exact: true }).click();
    await page.getByRole('button', { name: '录入回答（Berlin Licht GmbH）' }).click();
    const dialog = page.getByRole('dialog', { name: 'Berlin Licht GmbH 的回答' });
    const day = dialog.getByLabel('回答日期');
    const today = await page.evaluate(() => {
      const d = new Date();
      const p = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
    });
    await expect(day).toHaveValue(today);
    await day.click();
    const popup = openPopup(page);
    await expect(popup.locator('.ant-picker-date-panel thead th')).toHaveText(['一', '二', '三', '四', '五', '六', '日']);
    await expect(popup.getByText('今天', { exact: true })).toBeVisible();
    // Tomorrow cannot be chosen.
    const tomorrow = await page.evaluate(() => {
      const d = new Date();
      d.setDate(d.getDate() + 1);
      const p = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
    });
    const tomorrowCell = popup.locator(`td[title="${tomorrow}"]`);
    if ((await tomorrowCell.count()) > 0) await expect(tomorrowCell).toHaveClass(/ant-picker-cell-disabled/);

    // Typed by keyboard: the day the answers were given (noon that day, local time).
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2026-03-02');
    await page.keyboard.press('Enter');
    await expect(popup).toBeHidden();
    await expect(day).toHaveValue('2026-03-02');
    // Answer every required question by keyboard (the first of each), then save.
    for (const group of await dialog.locator('fieldset[data-question]').all()) {
      const first = group.locator('input[type=radio]').first();
      if ((await first.count()) > 0) await first.check();
    }
    await dialog.getByRole('button', { name: '保存回答' }).click();
    await expect(dialog).toBeHidden();
    const [response] = await api(page, 'surveys.responses', { campaignId: campaign.id, customerId: customer.id, limit: 1 });
    expect(response?.answeredAt).toBe('2026-03-02T04:00:00.000Z');
  });
});
