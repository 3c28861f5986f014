import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { chooseOption, openList, shownChoice } from './choose-option';
import { api } from './engine-api';
import { expect, test } from './fixtures';

async function openSettingsZh(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '设置' }).click();
  await expect(page.getByRole('heading', { name: '设置', exact: true, level: 1 })).toBeVisible();
  await openTabZh(page, '常规');
}

/** Settings are in tabs, each saved on its own. */
async function openTabZh(page: Page, tab: string): Promise<void> {
  const button = page.getByRole('tablist', { name: '设置分类' }).getByRole('tab', { name: tab, exact: true });
  await button.click();
  await expect(button).toHaveAttribute('aria-selected', 'true');
}

test.describe('settings: general preferences', () => {
  test('language, sales staff, fair and backups are saved in the database and survive a restart of the harness', async ({ app }) => {
    let page = app.page;
    await api(page, 'customers.create', { company: 'Atlas Imports', country: 'TR', owner: 'Zhou Min' });
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings' }).click();
    const generalEn = page.getByRole('region', { name: 'General', exact: true });
    await expect(shownChoice(generalEn.getByRole('combobox', { name: 'Language' }))).toHaveText(/^Follow the system/);

    // The language applies at once: the whole UI re-renders in Chinese, and the choice is saved.
    await chooseOption(generalEn.getByRole('combobox', { name: 'Language' }), '简体中文');
    await expect(page.getByRole('heading', { name: '设置', exact: true, level: 1 })).toBeVisible();
    await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '跟进' })).toBeVisible();
    await expect(shownChoice(page.getByRole('region', { name: '常规', exact: true }).getByRole('combobox', { name: '语言' }))).toHaveText(
      '简体中文',
    );
    await expect.poll(async () => (await api(page, 'prefs.get', {})).language).toBe('zh-CN');

    // Sales staff, on their own tab: added with Enter; a name already in the list (in any case) is refused and says why.
    await openTabZh(page, '业务员');
    const staff = page.getByRole('region', { name: '业务员', exact: true });
    const add = staff.getByRole('textbox', { name: '添加业务员' });
    await add.fill('Lily Wang');
    await add.press('Enter');
    await add.fill('Tom Chen');
    await add.press('Enter');
    await expect(add).toHaveValue('');
    await add.fill('lily wang');
    await add.press('Enter');
    await expect(add).toHaveAttribute('aria-invalid', 'true');
    await expect(add).toHaveAccessibleDescription(/列表中已有这个名字/);
    await expect(staff.getByRole('textbox', { name: /^业务员 \d$/ })).toHaveCount(2);
    await add.fill('');
    await expect(add).not.toHaveAttribute('aria-invalid', 'true');

    // A rename into a duplicate is refused at the row when saving.
    const second = staff.getByRole('textbox', { name: '业务员 2' });
    await second.fill('LILY WANG');
    await staff.getByRole('button', { name: '保存业务员' }).click();
    await expect(second).toHaveAttribute('aria-invalid', 'true');
    await expect(second).toHaveAccessibleDescription(/列表中已有这个名字/);
    await expect(second).toBeFocused();
    await second.fill('Tom Chen');
    await expect(second).not.toHaveAttribute('aria-invalid', 'true');
    // Alt+↑ moves a name up the list.
    await second.press('Alt+ArrowUp');
    await expect(staff.getByRole('textbox', { name: '业务员 1' })).toHaveValue('Tom Chen');
    await expect(staff.getByRole('textbox', { name: '业务员 1' })).toBeFocused();
    // Who uses this computer: one of the staff (new leads default to them).
    await chooseOption(staff.getByRole('combobox', { name: '本机使用者' }), 'Lily Wang');

    // Another tab with unsaved changes asks first.
    await page.getByRole('tab', { name: '常规', exact: true }).click();
    const leave = page.getByRole('alertdialog');
    await leave.getByRole('button', { name: /继续编辑/ }).click();
    await staff.getByRole('button', { name: '保存业务员' }).click();
    await expect(page.getByText('业务员已保存。')).toBeVisible();
    expect(await api(page, 'prefs.get', {})).toMatchObject({ owners: ['Tom Chen', 'Lily Wang'], me: 'Lily Wang', fair: null });

    // Today's fair, on the General tab, saved on its own.
    await openTabZh(page, '常规');
    const general = page.getByRole('region', { name: '常规', exact: true });
    await general.getByRole('textbox', { name: '展会名称' }).fill('2026 春季广交会');
    await expect(general.getByTestId('fair-status')).toContainText('保存后设为今天');
    await general.getByRole('button', { name: '保存常规设置' }).click();
    await expect(page.getByText('常规设置已保存。')).toBeVisible();
    await expect(general.getByTestId('fair-status')).toContainText('已设为今天');

    // The backup schedule, on the Backups tab; a relative backup folder is refused by the engine and nothing is saved.
    await openTabZh(page, '备份');
    const schedule = page.getByRole('region', { name: '备份计划', exact: true });
    await schedule.getByRole('textbox', { name: '备份间隔' }).fill('45');
    const folder = schedule.getByRole('textbox', { name: '备份文件夹' });
    await folder.fill('relative/backups');
    await schedule.getByRole('button', { name: '保存备份计划' }).click();
    await expect(folder).toHaveAttribute('aria-invalid', 'true');
    await expect(folder).toHaveAccessibleDescription(/请输入从盘符或根目录开始的完整路径/);
    await expect(schedule.getByText('未保存：请更正标出的字段。')).toBeVisible();
    expect((await api(page, 'prefs.get', {})).backups.intervalMinutes).toBe(30);

    const chosen = join(dirname(app.dbPath), 'chosen-backups');
    await folder.fill(chosen);
    await schedule.getByRole('button', { name: '保存备份计划' }).click();
    await expect(page.getByText('备份计划已保存。')).toBeVisible();
    await expect(schedule.getByText('未保存的更改')).toHaveCount(0);
    // The new folder is used at once.
    await expect(page.getByRole('region', { name: '备份', exact: true }).locator('.backups-facts dd').first()).toHaveText(chosen);

    // Quit and start again on the same database, in a fresh browser (nothing cached in it).
    page = await app.restart();
    await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
    await openSettingsZh(page);
    const after = page.getByRole('region', { name: '常规', exact: true });
    await expect(shownChoice(after.getByRole('combobox', { name: '语言' }))).toHaveText('简体中文');
    await expect(after.getByRole('textbox', { name: '展会名称' })).toHaveValue('2026 春季广交会');
    await expect(after.getByTestId('fair-status')).toContainText('已设为今天');
    await openTabZh(page, '业务员');
    const staffAfter = page.getByRole('region', { name: '业务员', exact: true });
    await expect(staffAfter.getByRole('textbox', { name: '业务员 1' })).toHaveValue('Tom Chen');
    await expect(staffAfter.getByRole('textbox', { name: '业务员 2' })).toHaveValue('Lily Wang');
    await expect(shownChoice(staffAfter.getByRole('combobox', { name: '本机使用者' }))).toHaveText('Lily Wang');
    await openTabZh(page, '备份');
    await expect(page.getByRole('textbox', { name: '备份间隔' })).toHaveValue('45');
    await expect(page.getByRole('textbox', { name: '备份文件夹' })).toHaveValue(chosen);
    await expect(page.getByRole('region', { name: '备份', exact: true }).locator('.backups-facts dd').first()).toHaveText(chosen);

    // The staff are offered as owners: in the follow-ups' owner picker, before the owners in the data.
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '跟进' }).click();
    const ownerPicker = page.getByRole('combobox', { name: '负责人' });
    await expect((await openList(ownerPicker)).getByRole('option')).toHaveText(['全部负责人', 'Tom Chen', 'Lily Wang', 'Zhou Min']);
    await chooseOption(ownerPicker, 'Lily Wang');
    await expect(shownChoice(ownerPicker)).toHaveText('Lily Wang');

    // Back to following the system: English here.
    await openSettingsZh(page);
    await chooseOption(page.getByRole('region', { name: '常规', exact: true }).getByRole('combobox', { name: '语言' }), '跟随系统');
    await expect(page.getByRole('heading', { name: 'Settings', exact: true, level: 1 })).toBeVisible();
    await expect.poll(async () => (await api(page, 'prefs.get', {})).language).toBeNull();
  });
});
