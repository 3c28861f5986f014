import { chooseOption, listOf, shownChoice } from './choose-option';
import { api } from './engine-api';
import { expect, test } from './fixtures';

const CUSTOMERS = [
  ['Rhein Lighting GmbH', 'DE', 'Lighting', 'Li Na'],
  ['Hamburg Lamps AG', 'DE', 'Lighting', 'Chen Wei'],
  ['Copenhagen Design ApS', 'DK', 'Furniture', 'Li Na'],
  ['Dhaka Textiles Ltd', 'BD', 'Textiles', 'Mia'],
  ['Lyon Maison SARL', 'FR', 'Furniture', 'Mia'],
] as const;

test.describe('selects with search', () => {
  test('the country filter finds Germany by typing “germ” in English and “德” in Chinese; Enter applies it', async ({ app }) => {
    const { page } = app;
    for (const [company, country, industry, owner] of CUSTOMERS) await api(page, 'customers.create', { company, country, industry, owner });
    await app.reload();
    const grid = page.getByRole('grid', { name: 'Customer list' });
    await expect(grid).toHaveAttribute('data-total', '5');

    // English: focus, type, only Germany is left (with its count); Enter applies it.
    const filter = page.getByRole('combobox', { name: 'Filter by country' });
    await expect(shownChoice(filter)).toHaveText('All countries');
    await filter.focus();
    await filter.pressSequentially('germ');
    await expect((await listOf(filter)).getByRole('option')).toHaveText(['Germany (DE) (2)']);
    await filter.press('Enter');
    await expect(grid).toHaveAttribute('data-total', '2');
    await expect(shownChoice(filter)).toHaveText('Germany (DE) (2)');
    await expect(filter).toBeFocused();

    // Escape closes the list and changes nothing; "All countries" is a choice like the others.
    await filter.pressSequentially('fr');
    await expect(filter).toHaveAttribute('aria-expanded', 'true');
    await filter.press('Escape');
    await expect(filter).toHaveAttribute('aria-expanded', 'false');
    await expect(grid).toHaveAttribute('data-total', '2');
    await chooseOption(filter, 'all', 'All countries');
    await expect(grid).toHaveAttribute('data-total', '5');

    // The other facets search the same way.
    await chooseOption(page.getByRole('combobox', { name: 'Filter by owner' }), 'mi', 'Mia (2)');
    await expect(grid).toHaveAttribute('data-total', '2');
    await chooseOption(page.getByRole('combobox', { name: 'Filter by owner' }), 'all', 'All owners');
    await expect(grid).toHaveAttribute('data-total', '5');

    // Chinese: "德" finds 德国 (and only it); Enter applies it.
    await chooseOption(page.getByRole('combobox', { name: 'Language' }), '简体中文');
    const zhFilter = page.getByRole('combobox', { name: '按国家/地区筛选' });
    await expect(shownChoice(zhFilter)).toHaveText('全部国家/地区');
    await zhFilter.focus();
    await zhFilter.pressSequentially('德');
    await expect((await listOf(zhFilter)).getByRole('option')).toHaveText(['德国 (DE)（2）']);
    await zhFilter.press('Enter');
    const zhGrid = page.getByRole('grid', { name: '客户列表' });
    await expect(zhGrid).toHaveAttribute('data-total', '2');
    // The English name finds it in Chinese too.
    await chooseOption(zhFilter, 'denm', '丹麦 (DK)（1）');
    await expect(zhGrid).toHaveAttribute('data-total', '1');
  });

  test('the customer form: country found by typing, industry and owner suggested, by keyboard; Escape closes only the list', async ({
    app,
  }) => {
    const { page } = app;
    for (const [company, country, industry, owner] of CUSTOMERS) await api(page, 'customers.create', { company, country, industry, owner });
    await app.reload();
    await page.getByRole('button', { name: 'New customer' }).click();
    const dialog = page.getByRole('dialog', { name: 'New customer' });
    await dialog.getByRole('textbox', { name: 'Company' }).fill('Berlin Glass GmbH');

    // Tab order unchanged: Company, then Country.
    await page.keyboard.press('Tab');
    const country = dialog.getByRole('combobox', { name: 'Country' });
    await expect(country).toBeFocused();
    await expect(shownChoice(country)).toHaveText('— Not set —');
    await page.keyboard.type('germ');
    const list = await listOf(country);
    // The list opens in the dialog's own layer (above it, not made inert by it).
    await expect(page.locator('.modal-layer').locator(`[id="${await list.getAttribute('id')}"]`)).toHaveCount(1);
    await expect(list.getByRole('option')).toHaveText(['Germany (DE)']);
    // Escape closes the list, not the dialog.
    await page.keyboard.press('Escape');
    await expect(country).toHaveAttribute('aria-expanded', 'false');
    await expect(dialog).toBeVisible();
    await chooseOption(country, 'germ', 'Germany (DE)');
    await expect(shownChoice(country)).toHaveText('Germany (DE)');
    await expect(dialog).toBeVisible();

    // Industry and owner: free text with suggestions; typing narrows them, Enter takes the highlighted one.
    const industry = dialog.getByRole('combobox', { name: 'Industry' });
    await chooseOption(industry, 'light', 'Lighting');
    await expect(industry).toHaveValue('Lighting');
    const owner = dialog.getByRole('combobox', { name: 'Owner' });
    await owner.focus();
    await owner.pressSequentially('li');
    await expect((await listOf(owner)).getByRole('option')).toHaveText(['Li Na']);
    // Tab keeps what was typed and moves on.
    await page.keyboard.press('Tab');
    await expect(owner).toHaveValue('li');
    await expect(owner).not.toBeFocused();
    await owner.fill('');
    await chooseOption(owner, 'li n', 'Li Na');
    await expect(owner).toHaveValue('Li Na');

    // Enter with the list closed saves the form.
    await country.focus();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    const saved = await api(page, 'customers.list', { filter: { search: 'Berlin Glass' }, limit: 5 });
    expect(saved.rows.map((r) => [r.company, r.country, r.industry, r.owner])).toEqual([['Berlin Glass GmbH', 'DE', 'Lighting', 'Li Na']]);
  });
});
