import { chooseOption, shownChoice } from './choose-option';
import { api } from './engine-api';
import { expect, test } from './fixtures';

/**
 * Hand-over (离职交接, #20) from Settings → Sales staff, by keyboard: Li Na's five customers and their
 * open follow-ups go to Wang Wei after a preview of what moves; the grid's owner filter finds them
 * under Wang Wei; Undo in the notice gives them back to Li Na.
 */
test.describe('hand-over', () => {
  test("hands Li Na's customers to Wang Wei by keyboard, with a preview, and undoes it", async ({ app }) => {
    const page = app.page;
    await api(page, 'prefs.save', { owners: ['Li Na', 'Wang Wei'], me: 'Li Na' });
    const due = new Date(Date.now() + 86_400_000).toISOString();
    for (const company of ['Harbor Lights LLC', 'Atlas Imports', 'Eagle Lighting', 'Delta Trading', 'Orion Supplies']) {
      const c = await api(page, 'customers.create', { company, country: 'DE', owner: 'Li Na' });
      await api(page, 'followups.create', { customerId: c.id, type: 'call', dueAt: due, note: 'Price list', owner: 'Li Na' });
    }
    await api(page, 'customers.create', { company: 'Not hers GmbH', country: 'DE', owner: 'Wang Wei' });
    await app.reload();

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings' }).click();
    const tab = page.getByRole('tab', { name: 'Sales staff', exact: true });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    const staff = page.getByRole('region', { name: 'Sales staff', exact: true });

    // Li Na's row: Enter opens the dialog with her as From, the focus in To.
    const opener = staff.getByRole('button', { name: 'Hand over Li Na’s customers', exact: true });
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Hand over customers' });
    await expect(dialog).toBeVisible();
    const to = dialog.getByRole('combobox', { name: 'To' });
    await expect(to).toBeFocused();
    await expect(shownChoice(dialog.getByRole('combobox', { name: 'From' }))).toHaveText('Li Na');
    const preview = dialog.getByTestId('handover-preview');
    await expect(preview).toHaveText('Li Na has 5 customers and 5 open follow-ups.');
    const submit = dialog.getByRole('button', { name: 'Hand over', exact: true });
    await expect(submit).toBeDisabled();

    // To herself: refused before anything is sent.
    await chooseOption(to, 'Li Na');
    await expect(preview).toHaveText('Choose someone other than Li Na.');
    await expect(submit).toBeDisabled();

    // To Wang Wei: the preview says what goes; Enter (the list closed) hands over.
    await chooseOption(to, 'Wang Wei');
    await expect(preview).toHaveText('5 customers and 5 open follow-ups will go to Wang Wei.');
    await expect(submit).toBeEnabled();
    await to.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
    const notice = page.getByRole('status').filter({ hasText: 'Handed over to Wang Wei: 5 customers and 5 open follow-ups.' });
    await expect(notice).toBeVisible();

    // The grid: Wang Wei has them (and his own), Li Na none.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Customers' }).click();
    const grid = page.getByRole('grid', { name: 'Customer list' });
    const owner = page.getByRole('combobox', { name: 'Filter by owner' });
    await chooseOption(owner, 'Wang Wei');
    await expect(grid).toHaveAttribute('data-total', '6');
    await expect(grid.getByRole('gridcell', { name: 'Orion Supplies' })).toBeVisible();

    // Undo, by keyboard, while the notice shows: they are back with Li Na, with their follow-ups.
    await notice.getByRole('button', { name: 'Undo' }).focus();
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('status').filter({ hasText: 'Hand-over undone: 5 customers and 5 open follow-ups back with Li Na.' }),
    ).toBeVisible();
    await expect(grid).toHaveAttribute('data-total', '1');
    await chooseOption(owner, 'Li Na');
    await expect(grid).toHaveAttribute('data-total', '5');
    await expect(grid.getByRole('gridcell', { name: 'Orion Supplies' })).toBeVisible();
    expect(await api(page, 'pool.handOverPreview', { from: 'Li Na', to: '' })).toEqual({
      customers: 5,
      followUps: 5,
      complaints: 0,
      needs: 0,
    });
  });
});
