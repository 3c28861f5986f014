import { api } from './engine-api';
import { expect, test } from './fixtures';
import { chooseOption, shownChoice } from './choose-option';
import { seedFixtures } from './seed';

const customersLink = (filter: object) => `#/customers?filter=${encodeURIComponent(JSON.stringify(filter))}`;

test.describe('customer classes in the grid', () => {
  test('a link filters the grid; tier filter, revenue sort, the classification section and a potential override', async ({ app }) => {
    test.setTimeout(120_000);
    const { page } = app;
    await seedFixtures(page);
    const grid = page.getByRole('grid', { name: 'Customer list' });
    await expect(grid).toHaveAttribute('data-total', '156');

    // A dashboard/board link: continent Europe (M49 150); an unknown key and value are ignored.
    await page.evaluate((hash) => void (window.location.hash = hash), customersLink({ continents: ['150', 'xx'], bogus: 1 }));
    await expect(grid).toHaveAttribute('data-total', '40');
    await expect(page.getByText('40 customers', { exact: true })).toBeVisible();
    const chips = page.getByRole('group', { name: 'Active filters' });
    await expect(chips.getByText('Continent: Europe')).toBeVisible();

    // Opening the app on such a link applies it too.
    await app.reload();
    await expect(grid).toHaveAttribute('data-total', '40');
    await page.evaluate(() => void (window.location.hash = '#/customers'));
    await chips.getByRole('button', { name: 'Clear filters' }).click();
    await expect(grid).toHaveAttribute('data-total', '156');
    await expect(chips).toHaveCount(0);

    // Tier A from "More filters" matches the engine's own count of tier A.
    const overview = await api(page, 'stats.overview', {});
    const tierA = overview.byTier.A ?? 0;
    expect(tierA).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'More filters' }).click();
    await page.getByRole('group', { name: 'Value tier' }).getByRole('checkbox', { name: 'Tier A' }).check();
    await expect(grid).toHaveAttribute('data-total', String(tierA));
    await expect(page.getByRole('button', { name: 'More filters (1)' })).toBeVisible();
    await expect(chips.getByText('Value tier: Tier A')).toBeVisible();
    await page.getByRole('region', { name: 'More filters' }).getByRole('button', { name: 'Done' }).click();
    await expect(page.getByRole('region', { name: 'More filters' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'More filters (1)' })).toBeFocused();

    // Revenue sorts descending first: the customer with the most revenue leads.
    const all = await api(page, 'customers.list', { limit: 1000 });
    const top = Math.max(...all.rows.map((r) => r.classes.revenueMinor));
    const leaders = all.rows.filter((r) => r.classes.revenueMinor === top).map((r) => r.company);
    const revenueHeader = grid.getByRole('columnheader', { name: 'Revenue' });
    await revenueHeader.click();
    await expect(revenueHeader).toHaveAttribute('aria-sort', 'descending');
    const firstCompany = grid.getByRole('row').nth(1).getByRole('gridcell').first();
    await expect(firstCompany).not.toHaveText('Loading…');
    expect(leaders).toContain(await firstCompany.textContent());
    const leader = (await firstCompany.textContent()) ?? '';

    // The detail panel shows the classes of the customer.
    await firstCompany.click();
    const panel = page.getByRole('complementary', { name: leader });
    // The classification is folded into one line under the status; it opens the details.
    await expect(panel.getByTestId('customer-status')).toContainText(/^Status /);
    await panel.locator('summary', { hasText: 'Classification' }).click();
    const section = panel.getByRole('region', { name: 'Classification' });
    await expect(section).toBeVisible();
    await expect(section.getByText('RFM segment')).toBeVisible();
    await expect(section.getByText('Tier A', { exact: true })).toBeVisible();
    await expect(section.getByText('Last classified')).toBeVisible();
    await expect(section.getByText(/^R[1-5] F[1-5] M[1-5]$/)).toBeVisible();

    // A potential set by hand is saved, survives a reload, and is shown as set manually.
    await section.getByRole('button', { name: 'Change potential' }).click();
    const form = section.getByRole('form', { name: 'Change potential' });
    await form.getByRole('radio', { name: 'Set by hand' }).check();
    const score = form.getByRole('spinbutton', { name: 'Potential score (0–100)' });
    await score.fill('101');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form.getByText('Enter a whole number from 0 to 100.')).toBeVisible();
    await score.fill('87');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form).toHaveCount(0);
    await expect(section.getByText('87 / 100')).toBeVisible();
    await expect(section.getByText('set manually', { exact: true })).toBeVisible();

    await app.reload();
    await page.getByRole('searchbox', { name: 'Search customers' }).fill(leader);
    await grid.getByRole('gridcell', { name: leader }).first().click();
    await page.getByRole('complementary', { name: leader }).locator('summary', { hasText: 'Classification' }).click();
    const reopened = page.getByRole('complementary', { name: leader }).getByRole('region', { name: 'Classification' });
    await expect(reopened.getByText('87 / 100')).toBeVisible();
    await expect(reopened.getByText('set manually', { exact: true })).toBeVisible();
    const stored = await api(page, 'customers.list', { filter: { search: leader }, limit: 5 });
    const row = stored.rows.find((r) => r.company === leader);
    expect(row?.classes.potential).toBe(87);
    expect(row?.classes.potentialOverridden).toBe(true);

    // Back to the computed score.
    await reopened.getByRole('button', { name: 'Change potential' }).click();
    await reopened.getByRole('radio', { name: /^Computed/ }).check();
    await reopened.getByRole('button', { name: 'Save' }).click();
    await expect(reopened.getByText('computed', { exact: true })).toBeVisible();
  });

  test('saved grid views keep filters, columns and sort', async ({ app }) => {
    test.setTimeout(120_000);
    const { page } = app;
    await seedFixtures(page);
    const grid = page.getByRole('grid', { name: 'Customer list' });
    await expect(grid).toHaveAttribute('data-total', '156');
    const ownerHeader = grid.getByRole('columnheader', { name: 'Owner', exact: true });
    await expect(ownerHeader).toBeVisible();

    // Filter to Europe, hide the owner column, sort by revenue.
    await page.getByRole('button', { name: 'More filters' }).click();
    await page.getByRole('group', { name: 'Continent' }).getByRole('checkbox', { name: 'Europe' }).check();
    await expect(grid).toHaveAttribute('data-total', '40');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('region', { name: 'More filters' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('group', { name: 'Visible columns' }).getByRole('checkbox', { name: 'Owner', exact: true }).uncheck();
    await page.keyboard.press('Escape');
    await expect(ownerHeader).toHaveCount(0);
    await grid.getByRole('columnheader', { name: 'Revenue' }).click();
    await expect(grid.getByRole('columnheader', { name: 'Revenue' })).toHaveAttribute('aria-sort', 'descending');

    // Save it as a view.
    await page.getByRole('button', { name: 'Save view…' }).click();
    let dialog = page.getByRole('dialog', { name: 'Save view' });
    await dialog.getByRole('textbox', { name: 'View name' }).fill('European buyers');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    const viewSelect = page.getByRole('combobox', { name: 'Saved view' });
    await expect(shownChoice(viewSelect)).toHaveText('European buyers');

    // The same name again is refused with a clear message.
    await page.getByRole('button', { name: 'Save view…' }).click();
    dialog = page.getByRole('dialog', { name: 'Save view' });
    await dialog.getByRole('textbox', { name: 'View name' }).fill('european buyers');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByText('A saved view with this name already exists.')).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();

    // After a reload: the column choice is remembered, the filter is not; reset both, then choose the view.
    await app.reload();
    await expect(grid).toHaveAttribute('data-total', '156');
    await expect(ownerHeader).toHaveCount(0);
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('button', { name: 'Reset columns' }).click();
    await page.keyboard.press('Escape');
    await expect(ownerHeader).toBeVisible();
    await chooseOption(viewSelect, 'European buyers');
    await expect(grid).toHaveAttribute('data-total', '40');
    await expect(ownerHeader).toHaveCount(0);
    await expect(grid.getByRole('columnheader', { name: 'Revenue' })).toHaveAttribute('aria-sort', 'descending');
    await expect(page.getByRole('group', { name: 'Active filters' }).getByText('Continent: Europe')).toBeVisible();

    // Change it, update the view, and it keeps the change.
    await page.getByRole('button', { name: 'More filters' }).click();
    await page.getByRole('group', { name: 'Value tier' }).getByRole('checkbox', { name: 'Tier A' }).check();
    await expect(page.getByText('Modified', { exact: true })).toBeVisible();
    // The narrower count arrives after the "Modified" mark; read it only once it has.
    await expect(grid).not.toHaveAttribute('data-total', '40');
    const narrowed = await grid.getAttribute('data-total');
    expect(Number(narrowed)).toBeLessThan(40);
    await page.getByRole('button', { name: 'Update view' }).click();
    await expect(page.getByText('Modified', { exact: true })).toHaveCount(0);
    const views = await api(page, 'views.list', { kind: 'grid' });
    expect(views).toHaveLength(1);
    expect(views[0]?.state.filter.continents).toEqual(['150']);
    expect(views[0]?.state.filter.tiers).toEqual(['A']);
    expect(views[0]?.state.columns).not.toContain('owner');
    expect(views[0]?.state.sort).toEqual({ key: 'revenue', dir: 'desc' });
    await app.reload();
    await chooseOption(viewSelect, 'European buyers');
    await expect(grid).toHaveAttribute('data-total', narrowed ?? '');

    // Delete it.
    await page.getByRole('button', { name: 'Delete view' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete the view “European buyers”?' });
    await confirm.getByRole('button', { name: 'Delete view' }).click();
    await expect(viewSelect.getByRole('option', { name: 'European buyers' })).toHaveCount(0);
    expect(await api(page, 'views.list', { kind: 'grid' })).toHaveLength(0);
  });
});
