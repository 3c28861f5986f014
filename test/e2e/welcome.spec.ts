import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { api } from './engine-api';
import { expect, test } from './fixtures';

async function goTo(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name, exact: true }).click();
}

test.describe('first run and sample data', () => {
  test('an empty database opens to the welcome screen; sample data opens apart from my data, goes back, and is removed', async ({
    app,
  }) => {
    const { page } = app;
    const welcome = page.getByRole('region', { name: 'Welcome to ExportDesk' });
    await expect(welcome).toBeVisible();
    await expect(welcome.getByText('ExportDesk', { exact: true })).toBeVisible();
    const actions = welcome.getByRole('list', { name: 'Get started' });
    const importLink = actions.getByRole('link', { name: 'Import a file' });
    const add = actions.getByRole('button', { name: 'Add a customer' });
    const explore = actions.getByRole('button', { name: 'Explore with sample data' });

    // Three big actions, one Tab apart.
    await importLink.focus();
    await expect(importLink).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(add).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(explore).toBeFocused();
    await expect(explore).toHaveAccessibleDescription(/separate database/);
    await expect(page).toHaveTitle('ExportDesk');

    // Explore, by keyboard: progress, then the sample's customers under a banner that cannot be missed.
    await page.keyboard.press('Enter');
    await expect(welcome.getByRole('progressbar')).toBeVisible();
    const banner = page.getByRole('region', { name: 'Sample data' });
    await expect(banner).toContainText('Sample data — these are not your customers', { timeout: 30_000 });
    const grid = page.getByRole('grid', { name: 'Customer list' });
    await expect(grid).toBeVisible();
    expect(Number(await grid.getAttribute('data-total'))).toBeGreaterThan(1_500);
    await expect(page).toHaveTitle('ExportDesk (sample)');
    await expect(page.locator('.app-shell-sample')).toHaveCount(1);
    const sample = await api(page, 'workspace.status', {});
    expect(sample).toMatchObject({ kind: 'sample', sampleExists: true, mainIsEmpty: true });
    expect(basename(sample.dbPath)).toMatch(/-sample\.db$/);

    // Every page shows the banner; the dashboard has the sample's figures.
    await goTo(page, 'Dashboard');
    await expect(banner).toBeVisible();
    await goTo(page, 'Customers');

    // Back to my data: still empty, so the welcome screen again.
    await banner.getByRole('button', { name: 'Back to my data' }).click();
    await expect(banner).toBeHidden();
    await expect(welcome).toBeVisible();
    await expect(page).toHaveTitle('ExportDesk');
    expect(await api(page, 'workspace.status', {})).toMatchObject({
      kind: 'main',
      sampleExists: true,
      mainIsEmpty: true,
      dbPath: app.dbPath,
    });
    expect((await api(page, 'customers.list', { withTotal: true })).total).toBe(0);

    // Open it again (it is kept until removed), then remove it from the banner.
    await explore.click();
    await expect(banner).toBeVisible({ timeout: 30_000 });
    await banner.getByRole('button', { name: 'Remove sample data' }).click();
    await expect(banner).toBeHidden();
    await expect(welcome).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('The sample data was removed.');
    const after = await api(page, 'workspace.status', {});
    expect(after).toMatchObject({ kind: 'main', sampleExists: false });
    expect(existsSync(after.samplePath)).toBe(false);
  });

  test('"Add a customer" from the welcome screen opens the New customer dialog; the grid replaces the welcome', async ({ app }) => {
    const { page } = app;
    const welcome = page.getByRole('region', { name: 'Welcome to ExportDesk' });
    await welcome.getByRole('button', { name: 'Add a customer' }).click();
    const dialog = page.getByRole('dialog', { name: 'New customer' });
    await expect(dialog.getByRole('textbox', { name: 'Company' })).toBeFocused();
    await dialog.getByRole('textbox', { name: 'Company' }).fill('Welcome Trading LLC');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(welcome).toBeHidden();
    await expect(page.getByRole('grid', { name: 'Customer list' }).getByRole('gridcell', { name: 'Welcome Trading LLC' })).toBeVisible();
  });

  test('"Import a file" goes to the Import page', async ({ app }) => {
    const { page } = app;
    await page.getByRole('region', { name: 'Welcome to ExportDesk' }).getByRole('link', { name: 'Import a file' }).click();
    await expect(page).toHaveURL(/#\/import$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();
  });

  test('Settings → Data folder: shows where the data is, refuses a relative path, and moves the data to another folder', async ({
    app,
  }) => {
    const { page } = app;
    await api(page, 'customers.create', { company: 'Moved Along GmbH', country: 'DE' });
    await goTo(page, 'Settings');
    await page.getByRole('tab', { name: 'Data folder', exact: true }).click();
    const section = page.getByRole('region', { name: 'Data folder' });
    await expect(section.getByText(app.dbPath, { exact: true })).toBeVisible();
    await expect(section.getByText(dirname(app.dbPath), { exact: true })).toBeVisible();

    const field = section.getByRole('textbox', { name: 'Move the data to this folder' });
    await field.fill('relative/folder');
    await section.getByRole('button', { name: 'Move data' }).click();
    await expect(field).toHaveAccessibleDescription(/Enter a full path/);
    await expect(field).toHaveAttribute('aria-invalid', 'true');

    const target = join(dirname(app.dbPath), `moved-${Date.now()}`);
    await field.fill(target);
    await section.getByRole('button', { name: 'Move data' }).click();
    await expect(section.getByText(`Your data is now in ${target}.`, { exact: false })).toBeVisible({ timeout: 30_000 });
    await expect(section.getByText(join(target, basename(app.dbPath)), { exact: true })).toBeVisible();
    expect(existsSync(join(target, basename(app.dbPath)))).toBe(true);
    // The old copy is kept.
    expect(existsSync(app.dbPath)).toBe(true);

    await goTo(page, 'Customers');
    await expect(page.getByRole('grid', { name: 'Customer list' }).getByRole('gridcell', { name: 'Moved Along GmbH' })).toBeVisible();
  });
});
