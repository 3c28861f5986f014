import { chooseOption } from './choose-option';
import { LARGE_COUNT, largeDbReady } from './global-setup';
import { expect, openApp, test } from './fixtures';
import type { LaunchOptions } from '@playwright/test';

/** 100,000 generated customers: the grid loads, sorts, filters and scrolls with fewer than 60 rows in the DOM. */
test('the grid stays light and quick at 100,000 customers', async ({ browserName: _browserName }, testInfo) => {
  test.setTimeout(300_000);
  // Made in the background by the global setup while the first specs run.
  const largeDb = await largeDbReady();
  const launchOptions = (testInfo.project.use as { launchOptions?: LaunchOptions }).launchOptions;
  const started = Date.now();
  const app = await openApp(testInfo.project.name, launchOptions, largeDb);
  try {
    const { page } = app;
    const grid = page.getByRole('grid', { name: 'Customer list' });
    const rows = grid.locator('tbody [role="row"]');
    await expect(grid).toHaveAttribute('data-total', String(LARGE_COUNT));
    await expect(rows.nth(5)).toBeVisible();
    const firstRowsMs = Date.now() - started;
    testInfo.annotations.push({ type: 'first rows (ms, incl. engine start)', description: String(firstRowsMs) });
    expect(await grid.getByRole('row').count()).toBeLessThan(60);

    // Scroll through: to the middle (a scrollbar jump) and to the end; rows load, the DOM stays small.
    const scrollTo = async (fraction: number) => {
      await page.evaluate((f) => {
        const el = document.querySelector('.grid-scroll') as HTMLElement;
        el.scrollTop = (el.scrollHeight - el.clientHeight) * f;
      }, fraction);
    };
    const loaded = grid.locator('tbody [role="row"]:not([aria-busy="true"])');
    await scrollTo(0.5);
    await expect(rows.first()).toHaveAttribute('aria-rowindex', /^(4\d{4}|5\d{4})$/);
    await expect(grid.locator('[aria-busy="true"]')).toHaveCount(0);
    await expect(loaded.first()).toHaveAttribute('aria-rowindex', /^(4\d{4}|5\d{4})$/);
    expect(await grid.getByRole('row').count()).toBeLessThan(60);
    await scrollTo(1);
    const lastRow = grid.locator(`[aria-rowindex="${LARGE_COUNT + 1}"]`);
    await expect(lastRow).toBeVisible();
    await expect(lastRow).not.toHaveAttribute('aria-busy', 'true');
    expect(await grid.getByRole('row').count()).toBeLessThan(60);

    // Sort by country, then filter to one country: answers quickly, rows stay few.
    await scrollTo(0);
    const t0 = Date.now();
    await grid.getByRole('columnheader', { name: 'Country' }).click();
    await expect(grid.getByRole('columnheader', { name: 'Country' })).toHaveAttribute('aria-sort', /ascending|descending/);
    await expect(rows.first()).toBeVisible();
    testInfo.annotations.push({ type: 'sort by country (ms)', description: String(Date.now() - t0) });
    await chooseOption(page.getByRole('combobox', { name: 'Filter by country' }), 'germ', 'Germany (DE)');
    await expect.poll(async () => Number(await grid.getAttribute('data-total'))).toBeLessThan(LARGE_COUNT);
    const germanCount = Number(await grid.getAttribute('data-total'));
    expect(germanCount).toBeGreaterThan(1000);
    await expect(rows.first().getByRole('gridcell').nth(1)).toContainText('DE');
    expect(await grid.getByRole('row').count()).toBeLessThan(60);
  } finally {
    await app.close();
  }
});
