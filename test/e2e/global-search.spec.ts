import type { Page } from '@playwright/test';
import { chooseOption } from './choose-option';
import { api } from './engine-api';
import { expect, test } from './fixtures';

const CHINESE = '深圳市光明照明有限公司';
const INQUIRY_ID = '50000051199001';

/** An Alibaba-style inquiry export (English headers), imported through the same wizard calls the UI makes. */
async function importInquiries(page: Page, rows: string[][]): Promise<void> {
  const header = ['Inquiry ID', 'Subject', 'Created Time', 'Product Name', 'Buyer Name', 'Company', 'Country/Region', 'Email'];
  const csv = [header, ...rows].map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n');
  const analyzed = await api(page, 'import.analyze', {
    fileName: 'inquiries.csv',
    contentBase64: Buffer.from(`\uFEFF${csv}`, 'utf8').toString('base64'),
  });
  expect(analyzed.kind).toBe('inquiries');
  await api(page, 'import.commit', { fileId: analyzed.fileId, kind: analyzed.kind, mapping: analyzed.mapping });
}

test.describe('global search', () => {
  test('Ctrl+K finds a customer by a Chinese name fragment and by an inquiry ID, and Enter opens it', async ({ app }) => {
    const { page } = app;
    await importInquiries(page, [
      [
        INQUIRY_ID,
        'Quotation for LED panels',
        '2026-03-18',
        'LED Panel Light 600x600',
        '王芳',
        CHINESE,
        'CN',
        'wangfang@gmlighting.example',
      ],
      [
        '50000051199002',
        'Flood lights',
        '2026-03-19',
        'Flood Light 200W',
        'Omar Hassan',
        'Harbor Lights Trading LLC',
        'AE',
        'omar@harborlights.example',
      ],
    ]);
    await api(page, 'customers.create', { company: '深圳市光明电子有限公司', country: 'CN' });
    await api(page, 'customers.create', { company: 'Nordic Tools AB', country: 'SE' });
    await app.reload();
    const grid = page.getByRole('grid', { name: 'Customer list' });
    await expect(grid.getByRole('row')).toHaveCount(5); // header + 4

    // ---- Ctrl+K opens the palette with the cursor in the search field.
    await page.keyboard.press('Control+K');
    const dialog = page.getByRole('dialog', { name: 'Search' });
    const box = dialog.getByRole('combobox', { name: 'Search customers, contacts, inquiries and orders' });
    await expect(box).toBeFocused();
    await expect(dialog).toContainText('Type part of a company or contact name');

    // ---- A Chinese fragment: the customer, the fragment marked; the other 光明 company is not a match.
    await box.fill('光明照明');
    const customers = dialog.getByRole('group', { name: 'Customers' });
    const hit = customers.getByRole('option', { name: new RegExp(CHINESE) });
    await expect(hit).toBeVisible();
    await expect(customers.getByRole('option')).toHaveCount(1);
    await expect(hit.locator('mark')).toHaveText('光明照明');
    await expect(hit).toHaveAttribute('aria-selected', 'true');
    await expect(box).toHaveAttribute('aria-activedescendant', (await hit.getAttribute('id')) ?? '');

    // Two characters find both 光明 companies; ↓ moves the active row.
    await box.fill('光明');
    await expect(customers.getByRole('option')).toHaveCount(2);
    const options = dialog.getByRole('option');
    await expect(options.first()).toHaveAttribute('aria-selected', 'true');
    await box.press('ArrowDown');
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
    await box.press('ArrowUp');
    await expect(options.first()).toHaveAttribute('aria-selected', 'true');

    // Enter opens the customer: the list narrowed to it, its detail panel open.
    await box.fill('光明照明');
    await expect(customers.getByRole('option')).toHaveCount(1);
    await box.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(/#\/customers\?filter=/);
    await expect(grid.getByRole('row')).toHaveCount(2);
    await expect(grid.getByRole('gridcell', { name: CHINESE })).toBeVisible();
    await expect(page.getByRole('complementary', { name: CHINESE })).toContainText('wangfang@gmlighting.example');

    // ---- From another page, by the navigation's button: an inquiry ID opens its customer.
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Dashboard' }).click();
    await expect(page).toHaveURL(/#\/dashboard$/);
    await nav.getByRole('button', { name: /^Search/ }).click();
    await expect(box).toBeFocused();
    await box.fill(INQUIRY_ID.slice(0, 12));
    const inquiry = dialog.getByRole('group', { name: 'Inquiries' }).getByRole('option', { name: new RegExp(`Inquiry ${INQUIRY_ID}`) });
    await expect(inquiry).toBeVisible();
    await expect(inquiry).toContainText(CHINESE);
    // Typed in full and Enter at once, before the answer for the whole ID arrived: the best match opens.
    await box.fill(INQUIRY_ID);
    await box.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(/#\/customers\?filter=/);
    await expect(grid.getByRole('row')).toHaveCount(2);
    await expect(grid.getByRole('gridcell', { name: CHINESE })).toBeVisible();
    await expect(page.getByRole('complementary', { name: CHINESE })).toBeVisible();

    // ---- Contacts by e-mail: Enter opens the contact's company, from the customers page itself.
    await page.keyboard.press('Control+K');
    await box.fill('omar@harbor');
    await expect(dialog.getByRole('group', { name: 'Contacts' }).getByRole('option', { name: /Omar Hassan/ })).toBeVisible();
    await box.press('Enter');
    await expect(page.getByRole('complementary', { name: 'Harbor Lights Trading LLC' })).toBeVisible();
    await expect(grid.getByRole('row')).toHaveCount(2);

    // ---- Contacts by e-mail; nothing found says so; Esc closes and gives focus back.
    const button = nav.getByRole('button', { name: /^Search/ });
    await button.click();
    await box.fill('omar@harbor');
    await expect(dialog.getByRole('group', { name: 'Contacts' }).getByRole('option', { name: /Omar Hassan/ })).toContainText(
      'Harbor Lights Trading LLC',
    );
    await box.fill('zzqx no such thing');
    await expect(dialog).toContainText('Nothing matches “zzqx no such thing”.');
    await expect(dialog.getByRole('option')).toHaveCount(0);
    await box.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
  });

  test('the palette speaks Chinese', async ({ app }) => {
    const { page } = app;
    await api(page, 'customers.create', { company: CHINESE, country: 'CN' });
    await app.reload();
    await chooseOption(page.getByRole('combobox', { name: 'Language' }), '简体中文');
    await page.keyboard.press('Control+K');
    const dialog = page.getByRole('dialog', { name: '搜索' });
    await expect(dialog.getByRole('combobox', { name: '搜索客户、联系人、询盘和订单' })).toBeFocused();
    await page.keyboard.type('光明');
    await expect(dialog.getByRole('group', { name: '客户' }).getByRole('option', { name: new RegExp(CHINESE) })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('a country name in Chinese or English finds the country, and Enter lists its customers', async ({ app }) => {
    const { page } = app;
    await api(page, 'customers.create', { company: 'Cape Town Lighting (Pty) Ltd', country: 'ZA' });
    await api(page, 'customers.create', { company: 'Joburg Lamps', country: 'ZA' });
    await api(page, 'customers.create', { company: 'Nordic Tools AB', country: 'SE' });
    await app.reload();
    await chooseOption(page.getByRole('combobox', { name: 'Language' }), '简体中文');
    await page.keyboard.press('Control+K');
    const dialog = page.getByRole('dialog', { name: '搜索' });
    await page.keyboard.type('南非');
    const countries = dialog.getByRole('group', { name: '国家和地区' });
    await expect(countries.getByRole('option')).toHaveCount(1);
    await expect(countries.getByRole('option')).toContainText('南非');
    await expect(countries.getByRole('option')).toContainText('2 位客户：打开列表');
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    const grid = page.getByRole('grid', { name: '客户列表' });
    await expect(grid.getByRole('row')).toHaveCount(3); // header + the two South African customers
    await expect(grid).toContainText('Joburg Lamps');
    await expect(grid).not.toContainText('Nordic Tools AB');

    await chooseOption(page.getByRole('combobox', { name: '语言' }), 'English');
    await page.keyboard.press('Control+K');
    const english = page.getByRole('dialog', { name: 'Search' });
    await page.keyboard.type('south af');
    await expect(english.getByRole('group', { name: 'Countries and regions' }).getByRole('option')).toContainText('South Africa');
  });
});
