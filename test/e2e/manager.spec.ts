import type { Page } from '@playwright/test';
import { chooseOption } from './choose-option';
import { api } from './engine-api';
import { expect, test } from './fixtures';

/**
 * Team performance (the manager's view, #20 item 5) on a book of its own, where the user sees the
 * whole team: Li Na and Wang Wei in Settings, customers with owners and one in the pool, follow-ups
 * (two of Li Na's overdue, one of Wang Wei's done) and an order of Li Na's customer this month. The
 * table shows those figures; the overdue follow-ups open, by keyboard, the list behind them, whose
 * row opens the customer; a revenue target for Li Na this month gives her attainment; in Chinese
 * the headers are Chinese.
 */

const DAY_MS = 86_400_000;

/** Imports a CSV file with the mapping the engine recognises, as the import screen would. */
async function importCsv(page: Page, fileName: string, lines: string[]): Promise<void> {
  const contentBase64 = Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8').toString('base64');
  const analyzed = await api(page, 'import.analyze', { fileName, contentBase64 });
  expect(analyzed.kind).toBe('orders');
  await api(page, 'import.commit', { fileId: analyzed.fileId, kind: analyzed.kind, mapping: analyzed.mapping });
}

/** A month as the page's Intl writes it in English ("December"), for the targets table's field names. */
const thisMonthName = (page: Page) => page.evaluate(() => new Intl.DateTimeFormat('en', { month: 'long' }).format(new Date()));

test.describe('team performance', () => {
  test('per-salesperson figures, the list behind a figure by keyboard, a target and its attainment, in Chinese', async ({ app }) => {
    const page = app.page;
    await api(page, 'currency.save', { base: 'USD', rates: {} });
    await api(page, 'prefs.save', { owners: ['Li Na', 'Wang Wei'], me: 'Li Na' });
    const harbor = await api(page, 'customers.create', { company: 'Harbor Lights LLC', country: 'AE', owner: 'Li Na' });
    const atlas = await api(page, 'customers.create', { company: 'Atlas Imports', country: 'TR', owner: 'Li Na' });
    const eagle = await api(page, 'customers.create', { company: 'Eagle Lighting', country: 'DE', owner: 'Wang Wei' });
    await api(page, 'customers.create', { company: 'Orion Supplies', country: 'BR', owner: '' });
    const ago = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();
    // Li Na: two overdue (Harbor three days, Atlas one day), one ahead; Wang Wei: one, done.
    await api(page, 'followups.create', { customerId: harbor.id, type: 'call', dueAt: ago(3), note: 'Price list' });
    await api(page, 'followups.create', { customerId: atlas.id, type: 'email', dueAt: ago(1), note: 'Quotation' });
    await api(page, 'followups.create', { customerId: harbor.id, type: 'visit', dueAt: ago(-2), note: 'Showroom' });
    const eagleCall = await api(page, 'followups.create', { customerId: eagle.id, type: 'call', dueAt: ago(0), note: 'Samples' });
    await api(page, 'followups.complete', { id: eagleCall.id, version: eagleCall.version, outcome: 'Samples sent', timeZone: 'UTC' });
    // An order of Li Na's customer, now (this month wherever the page's zone is).
    await importCsv(page, 'orders.csv', [
      'Order No,Order Date,Company,Country,Amount,Currency',
      `HL-2001,${new Date().toISOString()},Harbor Lights LLC,AE,12000.00,USD`,
    ]);
    await app.reload();

    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Team performance' }).click();
    await expect(page.getByRole('heading', { name: 'Team performance', level: 1 })).toBeVisible();
    await expect(page.getByRole('radio', { name: 'This month' })).toBeChecked();
    const table = page.getByRole('table', { name: /^Team performance, / });
    await expect(table).toBeVisible();

    // The figures seeded, per row (a figure that is not zero is a button named after its row and figure).
    const liNa = table.locator('tr[data-owner="Li Na"]');
    const wangWei = table.locator('tr[data-owner="Wang Wei"]');
    const pool = table.locator('tr[data-owner=""]');
    const totals = table.locator('tr[data-owner="total"]');
    await expect(liNa.getByRole('rowheader')).toHaveText('Li Na');
    await expect(pool.getByRole('rowheader')).toHaveText('Public pool');
    const cell = (row: typeof liNa, figure: string) => row.locator(`td[data-figure="${figure}"]`);
    await expect(cell(liNa, 'held')).toHaveText('2');
    await expect(cell(liNa, 'followupsPlanned')).toHaveText('3');
    await expect(cell(liNa, 'followupsOverdue')).toHaveText('2');
    await expect(cell(liNa, 'orders')).toHaveText('1');
    await expect(cell(liNa, 'revenue')).toHaveText('$12,000');
    await expect(cell(wangWei, 'held')).toHaveText('1');
    await expect(cell(wangWei, 'followupsDone')).toHaveText('1');
    await expect(cell(wangWei, 'followupsOverdue')).toHaveText('0');
    await expect(cell(pool, 'held')).toHaveText('1');
    await expect(cell(totals, 'held')).toHaveText('4');
    await expect(cell(totals, 'new')).toHaveText('4');
    await expect(cell(totals, 'followupsOverdue')).toHaveText('2');
    await expect(cell(liNa, 'target')).toContainText('No target');
    // A header explains its figure.
    await expect(table.getByRole('columnheader', { name: 'Overdue' }).first()).toBeVisible();

    // Li Na's overdue follow-ups, by keyboard: Enter opens the list, Escape gives the focus back.
    const overdue = table.getByRole('button', { name: 'Li Na · Overdue follow-ups: 2', exact: true });
    await overdue.focus();
    await page.keyboard.press('Enter');
    const drawer = page.getByRole('dialog', { name: /^Li Na · Overdue follow-ups · / });
    await expect(drawer).toBeVisible();
    await expect(drawer.getByRole('status')).toHaveText('2 items');
    const atlasRow = drawer.getByRole('row', { name: 'Open Atlas Imports', exact: true });
    const harborRow = drawer.getByRole('row', { name: 'Open Harbor Lights LLC', exact: true });
    // Newest first, the first row focused.
    await expect(atlasRow).toBeFocused();
    await expect(harborRow).toContainText('Call');
    await expect(harborRow).toContainText('United Arab Emirates');
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await expect(overdue).toBeFocused();

    // Again, and Enter on Harbor Lights opens it in the customers list.
    await page.keyboard.press('Enter');
    await expect(atlasRow).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(harborRow).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('complementary', { name: 'Harbor Lights LLC' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Customers' })).toHaveAttribute('aria-current', 'page');

    // A revenue target of 20,000 for Li Na this month: 12,000 of it is 60 %.
    await nav.getByRole('link', { name: 'Team performance' }).click();
    await page.getByRole('button', { name: 'Set targets', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Sales targets' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('combobox', { name: 'Year' })).toBeFocused();
    await expect(dialog.getByRole('table')).toHaveAccessibleName(/^Li Na's targets for \d{4}$/);
    const month = await thisMonthName(page);
    const revenue = dialog.getByRole('textbox', { name: `Revenue target, ${month}` });
    const fresh = dialog.getByRole('textbox', { name: `New-customer target, ${month}` });
    await revenue.fill('20000');
    // A number of customers that is not one is refused, in words, the focus on it.
    await fresh.fill('2.5');
    await revenue.press('Enter');
    await expect(dialog.getByText('Enter a whole number of customers (0 or more), or leave it empty.')).toBeVisible();
    await expect(fresh).toBeFocused();
    await fresh.fill('');
    await fresh.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'Targets saved (1 month).' })).toBeVisible();
    await expect(cell(liNa, 'target')).toHaveText('$20,000');
    await expect(cell(liNa, 'attainment')).toHaveText('60%');
    expect(await api(page, 'manager.targets', { year: new Date().getFullYear() })).toMatchObject({
      targets: [{ owner: 'Li Na', revenueMinor: 2_000_000, newCustomers: null }],
      canEdit: true,
    });

    // In Chinese: the page, its headers and the pool row.
    await chooseOption(page.getByRole('combobox', { name: 'Language' }), '简体中文');
    await expect(page.getByRole('heading', { name: '团队业绩', level: 1 })).toBeVisible();
    const zhTable = page.getByRole('table', { name: /^团队业绩，/ });
    for (const name of ['业务员', '客户', '持有', '逾期', '营收', '完成率', '流失预警']) {
      await expect(zhTable.getByRole('columnheader', { name, exact: true }).first()).toBeVisible();
    }
    await expect(zhTable.locator('tr[data-owner=""]').getByRole('rowheader')).toHaveText('公海');
    await expect(zhTable.locator('tr[data-owner="total"]').getByRole('rowheader')).toHaveText('合计');
    await expect(zhTable.getByRole('button', { name: 'Li Na · 逾期跟进：2', exact: true })).toBeVisible();
  });
});
