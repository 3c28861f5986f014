import type { Locator, Page } from '@playwright/test';
import { api } from './engine-api';
import { expect, test } from './fixtures';

/**
 * Keyboard users do not tab through every header (#18): the customer grid's column edges are not
 * Tab stops and its header row is one (← → move between the headers, Enter sorts, Alt+← → move a
 * column, Alt+Shift+← → resize it); the Team performance table's figure headers are one Tab stop
 * too (← → move between them, each one's explanation shown as it takes the focus).
 */

/**
 * Presses Tab until `reached` says the focused element is the one wanted; returns how many presses
 * it took (fails past `limit`).
 */
async function tabsUntil(page: Page, reached: () => Promise<boolean>, limit = 60): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    if (await reached()) return presses;
  }
  throw new Error(`not reached in ${limit} Tab presses`);
}

async function widthOf(target: Locator): Promise<number> {
  const box = await target.boundingBox();
  if (!box) throw new Error('not on screen');
  return Math.round(box.width);
}

/** The focused element's outline (its focus ring): style and width. */
const focusRing = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return { style: 'none', width: 0 };
    const style = getComputedStyle(el);
    return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) || 0 };
  });

const COMPANIES = ['Aurora Lighting', 'Borealis Lamps GmbH', 'Cirrus Electric SARL'] as const;

test.describe('header tab stops', () => {
  test('customer grid: from the toolbar to the first row in three Tab presses; sort, move and resize from the header row', async ({
    app,
  }) => {
    test.setTimeout(120_000);
    const { page } = app;
    for (const [i, company] of COMPANIES.entries()) {
      await api(page, 'customers.create', {
        company,
        country: ['FR', 'DE', 'CN'][i] ?? 'DE',
        owner: ['Li Na', 'Chen Wei', 'Mia'][i] ?? '',
      });
    }
    await app.reload();
    const grid = page.getByRole('grid', { name: 'Customer list' });
    await expect(grid).toHaveAttribute('data-total', '3');
    const rows = grid.locator('tbody [role="row"]');
    await expect(rows.first()).toContainText(COMPANIES[0]);

    // The toolbar's last control ("In working hours now", after "Show archived"), then: the box selecting every row, the header row, the first row.
    const lastControl = page.getByRole('checkbox', { name: 'In working hours now' });
    await lastControl.focus();
    const toRow = await tabsUntil(page, () => rows.first().evaluate((row) => row === document.activeElement));
    console.log(`Tab presses from the toolbar's last control to the first row: ${toRow}`);
    expect(toRow).toBe(3);

    // No column edge is a Tab stop.
    const edges = grid.getByRole('separator');
    expect(await edges.count()).toBeGreaterThan(10);
    for (const tabIndex of await edges.evaluateAll((els) => els.map((el) => (el as HTMLElement).tabIndex))) expect(tabIndex).toBe(-1);

    // Back to the header row: its one Tab stop is the company's sort button.
    await page.keyboard.press('Shift+Tab');
    const companySort = grid.getByRole('columnheader', { name: 'Company', exact: true }).getByRole('button');
    await expect(companySort).toBeFocused();
    expect((await focusRing(page)).style).not.toBe('none');

    // → moves to the next header (the country's sort button); Enter sorts by it, again the other way.
    const country = grid.getByRole('columnheader', { name: 'Country', exact: true });
    await page.keyboard.press('ArrowRight');
    await expect(country.getByRole('button')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(country).toHaveAttribute('aria-sort', 'ascending');
    await expect(rows.first()).toContainText('Cirrus Electric SARL'); // China
    await page.keyboard.press('Space');
    await expect(country).toHaveAttribute('aria-sort', 'descending');
    await expect(rows.first()).toContainText('Aurora Lighting'); // France
    await expect(country.getByRole('button')).toBeFocused();

    // A header without sorting takes the focus itself, with a visible ring; the header row stays one Tab stop, where the focus was last.
    const mainContact = grid.getByRole('columnheader', { name: 'Main contact', exact: true });
    await page.keyboard.press('ArrowRight');
    await expect(mainContact).toBeFocused();
    const ring = await focusRing(page);
    expect(ring.style).not.toBe('none');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Tab');
    await expect(rows.first()).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(mainContact).toBeFocused();
    // Home and End: the first and the last header.
    await page.keyboard.press('End');
    await expect(grid.getByRole('columnheader').last()).toBeFocused();
    await page.keyboard.press('Home');
    await expect(companySort).toBeFocused();

    // Resize from the keyboard: Alt+Shift+→ widens the focused header's column by 16 px, Alt+Shift+← narrows it.
    await mainContact.focus();
    expect(await widthOf(mainContact)).toBe(160);
    await page.keyboard.press('Alt+Shift+ArrowRight');
    await page.keyboard.press('Alt+Shift+ArrowRight');
    await page.keyboard.press('Alt+Shift+ArrowLeft');
    await expect.poll(() => widthOf(mainContact)).toBe(176);
    await expect(grid.getByRole('separator', { name: 'Resize Main contact' })).toHaveAttribute('aria-valuenow', '176');
    await expect(page.getByRole('status')).toContainText('Main contact is now 176 pixels wide.');
    await expect(mainContact).toBeFocused();
    // …from a sort button too.
    const owner = grid.getByRole('columnheader', { name: 'Owner', exact: true });
    await owner.getByRole('button').focus();
    await page.keyboard.press('Alt+Shift+ArrowLeft');
    await expect.poll(() => widthOf(owner)).toBe(104);
    await expect(owner).toHaveAttribute('aria-sort', 'none');

    // Move from the keyboard: Alt+← on the focused header, which keeps the focus.
    await mainContact.focus();
    await page.keyboard.press('Alt+ArrowLeft');
    await expect(grid.getByRole('columnheader').nth(1)).toHaveAccessibleName('Main contact');
    await expect(mainContact).toBeFocused();

    // Widths are remembered.
    await app.reload();
    await expect(grid).toHaveAttribute('data-total', '3');
    await expect.poll(() => widthOf(mainContact)).toBe(176);
    expect(await widthOf(owner)).toBe(104);
  });

  test('team performance: from the page header to the first figure in two Tab presses; ← → between the headers', async ({ app }) => {
    const { page } = app;
    await api(page, 'prefs.save', { owners: ['Li Na', 'Wang Wei'], me: 'Li Na' });
    await api(page, 'customers.create', { company: 'Harbor Lights LLC', country: 'AE', owner: 'Li Na' });
    await api(page, 'customers.create', { company: 'Eagle Lighting', country: 'DE', owner: 'Wang Wei' });
    await app.reload();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Team performance' }).click();
    const table = page.getByRole('table', { name: /^Team performance, / });
    await expect(table).toBeVisible();
    const firstFigure = table.locator('tbody .manager-figure').first();
    await expect(firstFigure).toHaveAccessibleName('Li Na · Customers held: 1');

    // The section's start: the last control above the table ("Set targets"); then the header row, then the first figure.
    const setTargets = page.getByRole('button', { name: 'Set targets', exact: true });
    await expect(setTargets).toBeEnabled();
    await setTargets.focus();
    const toFigure = await tabsUntil(page, () => firstFigure.evaluate((el) => el === document.activeElement));
    console.log(`Tab presses from "Set targets" to the first figure: ${toFigure}`);
    expect(toFigure).toBe(2);

    // The header row's Tab stop: its first header, with a visible ring and its explanation shown.
    await page.keyboard.press('Shift+Tab');
    const held = table.locator('th[data-column="held"] .manager-head');
    await expect(held).toBeFocused();
    const ring = await focusRing(page);
    expect(ring.style).not.toBe('none');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    await expect(
      page
        .getByRole('tooltip')
        .filter({ hasText: /customers/i })
        .first(),
    ).toBeVisible();
    // → and ← move between the headers; End and Home to the last and the first.
    await page.keyboard.press('ArrowRight');
    await expect(table.locator('th[data-column="new"] .manager-head')).toBeFocused();
    await page.keyboard.press('End');
    await expect(table.locator('th[data-column="attainment"] .manager-head')).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(table.locator('th[data-column="attainment"] .manager-head')).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    const target = table.locator('th[data-column="target"] .manager-head');
    await expect(target).toBeFocused();
    // The row keeps one Tab stop, where the focus was last.
    await page.keyboard.press('Tab');
    await expect(firstFigure).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(target).toBeFocused();
    expect(await table.locator('thead [tabindex="0"]').count()).toBe(1);
    await page.keyboard.press('Home');
    await expect(held).toBeFocused();
  });
});
