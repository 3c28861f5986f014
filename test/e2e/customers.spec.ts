import { expect, test } from './fixtures';

test.describe('customers', () => {
  test('create a customer, find it, sort, edit, and see the change survive a reload', async ({ app }) => {
    const { page } = app;
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Customers', exact: true })).toBeVisible();
    // A database that was never used opens to the welcome screen.
    await expect(page.getByRole('heading', { name: 'Welcome to ExportDesk' })).toBeVisible();

    // Create two customers through the New customer dialog, by keyboard where a user would.
    for (const [company, country, email] of [
      ['Atlas Imports Co., Ltd', 'TR', 'david.tanaka@atlasimports.example'],
      ['Eagle Lighting GmbH', 'DE', 'kwame@eaglelighting.example'],
    ] as const) {
      await page.getByRole('button', { name: 'New customer' }).click();
      const dialog = page.getByRole('dialog', { name: 'New customer' });
      await expect(dialog.getByRole('textbox', { name: 'Company' })).toBeFocused();
      await dialog.getByRole('textbox', { name: 'Company' }).fill(company);
      await dialog.getByRole('combobox', { name: 'Country' }).selectOption(country);
      await dialog.getByRole('textbox', { name: 'Email' }).fill(email);
      await dialog.getByRole('button', { name: 'Save' }).click();
      await expect(dialog).toBeHidden();
    }
    const grid = page.getByRole('grid', { name: 'Customer list' });
    await expect(grid.getByRole('row')).toHaveCount(3); // header + 2

    // Find it by search.
    await page.getByRole('searchbox', { name: 'Search customers' }).fill('eagle');
    await expect(grid.getByRole('row')).toHaveCount(2);
    await expect(grid.getByRole('gridcell', { name: 'Eagle Lighting GmbH' })).toBeVisible();
    await page.getByRole('searchbox', { name: 'Search customers' }).fill('');
    await expect(grid.getByRole('row')).toHaveCount(3);

    // Sort by company, descending then ascending.
    const companyHeader = grid.getByRole('columnheader', { name: 'Company' });
    await companyHeader.click();
    const firstCompany = () => grid.getByRole('row').nth(1).getByRole('gridcell').first();
    const sortState = await companyHeader.getAttribute('aria-sort');
    if (sortState === 'ascending') await companyHeader.click();
    await expect(companyHeader).toHaveAttribute('aria-sort', 'descending');
    await expect(firstCompany()).toHaveText('Eagle Lighting GmbH');
    await companyHeader.click();
    await expect(companyHeader).toHaveAttribute('aria-sort', 'ascending');
    await expect(firstCompany()).toHaveText('Atlas Imports Co., Ltd');

    // Edit: open the detail panel, change the city and the owner.
    await grid.getByRole('gridcell', { name: 'Atlas Imports Co., Ltd' }).click();
    const panel = page.getByRole('complementary', { name: 'Atlas Imports Co., Ltd' });
    await expect(panel).toBeVisible();
    await panel.getByRole('button', { name: 'Edit' }).click();
    await panel.getByLabel('City', { exact: true }).fill('Istanbul');
    await panel.getByLabel('Owner', { exact: true }).fill('王芳');
    await panel.getByRole('button', { name: 'Save' }).click();
    await expect(panel.getByText('Istanbul')).toBeVisible();

    // Reopen the app: the change is in the database, not just on screen.
    await app.reload();
    await page.getByRole('searchbox', { name: 'Search customers' }).fill('atlas');
    await expect(grid.getByRole('row')).toHaveCount(2);
    await grid.getByRole('gridcell', { name: 'Atlas Imports Co., Ltd' }).click();
    const reopened = page.getByRole('complementary', { name: 'Atlas Imports Co., Ltd' });
    await expect(reopened.getByText('Istanbul')).toBeVisible();
    await expect(reopened.getByText('王芳')).toBeVisible();
    await expect(reopened.getByText('david.tanaka@atlasimports.example').first()).toBeVisible();
  });

  test('bad input shows a clear error and saves nothing', async ({ app }) => {
    const { page } = app;
    await page.getByRole('button', { name: 'New customer' }).click();
    const dialog = page.getByRole('dialog', { name: 'New customer' });
    await dialog.getByRole('textbox', { name: 'Company' }).fill('Bad Email Trading');
    await dialog.getByRole('textbox', { name: 'Email' }).fill('not-an-email');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('alert')).toContainText(/email/i);
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    const discard = page.getByRole('alertdialog', { name: 'Discard unsaved changes?' });
    if (await discard.isVisible()) await discard.getByRole('button', { name: 'Discard changes' }).click();
    // Still empty: the engine refused the customer and nothing was written.
    await expect(page.getByRole('heading', { name: 'Welcome to ExportDesk' })).toBeVisible();
    await app.reload();
    await expect(page.getByRole('heading', { name: 'Welcome to ExportDesk' })).toBeVisible();
  });

  test('archive hides a customer; show archived brings it back', async ({ app }) => {
    const { page } = app;
    await page.getByRole('button', { name: 'New customer' }).click();
    const dialog = page.getByRole('dialog', { name: 'New customer' });
    await dialog.getByRole('textbox', { name: 'Company' }).fill('Old Buyer SARL');
    await dialog.getByRole('button', { name: 'Save' }).click();
    const grid = page.getByRole('grid', { name: 'Customer list' });
    await grid.getByRole('gridcell', { name: 'Old Buyer SARL' }).click();
    await page.getByRole('complementary', { name: 'Old Buyer SARL' }).getByRole('button', { name: 'Archive' }).click();
    await expect(grid.getByRole('gridcell', { name: 'Old Buyer SARL' })).toHaveCount(0);
    await page.getByRole('checkbox', { name: 'Show archived' }).check();
    await expect(grid.getByRole('gridcell', { name: 'Old Buyer SARL' })).toBeVisible();
  });

  test('switching the language re-renders in Chinese', async ({ app }) => {
    const { page } = app;
    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: '简体中文' });
    await expect(page.getByRole('heading', { name: '客户', exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: '新建客户' })).toBeVisible();
    await app.reload();
    await expect(page.getByRole('heading', { name: '客户', exact: true })).toBeVisible();
  });
});
