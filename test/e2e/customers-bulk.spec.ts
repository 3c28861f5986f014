import { readFile } from 'node:fs/promises';
import * as XLSX from '@e965/xlsx';
import type { Locator, Page } from '@playwright/test';
import { api } from './engine-api';
import { expect, test } from './fixtures';
import { seedFixtures } from './seed';

const COMPANIES = ['A1 Alpha Trading', 'B2 Bravo Imports', 'C3 Charlie GmbH', 'D4 Delta LLC', 'E5 Echo SARL'] as const;
const OWNERS = ['Li Na', 'Chen Wei', '', 'Li Na', 'Mia'] as const;

/** The grid row of a company. */
function rowOf(grid: Locator, company: string): Locator {
  return grid.locator('tbody [role="row"]').filter({ hasText: company });
}

async function ownersShown(grid: Locator): Promise<string[]> {
  const out: string[] = [];
  for (const company of COMPANIES) out.push(((await rowOf(grid, company).locator('.col-owner').textContent()) ?? '').trim());
  return out;
}

async function undo(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status')).toContainText('Undone.');
}

test.describe('the grid for daily work', () => {
  test('contact and next-step columns; select by keyboard and mouse; assign, tag, plan, archive and export at once, with Undo', async ({
    app,
  }) => {
    test.setTimeout(120_000);
    const { page } = app;
    const ids: number[] = [];
    for (const [i, company] of COMPANIES.entries()) {
      const c = await api(page, 'customers.create', {
        company,
        country: 'DE',
        owner: OWNERS[i],
        contacts:
          i === 0
            ? [
                { name: 'Second Added', phone: '+49 30 000000' },
                { name: 'Anna Becker', phone: '+49 30 123456', whatsapp: '+49 170 7654321', isPrimary: true },
              ]
            : [{ name: `Buyer ${i}`, mobile: '+49 171 55500' + i, whatsapp: '+49 171 55500' + i }],
      });
      ids.push(c.id);
    }
    // An overdue follow-up for Bravo.
    await api(page, 'followups.create', {
      customerId: ids[1] as number,
      type: 'call',
      dueAt: new Date(Date.now() - 86_400_000).toISOString(),
    });
    await app.reload();

    const grid = page.getByRole('grid', { name: 'Customer list' });
    await expect(grid).toHaveAttribute('data-total', '5');
    // A salesperson's columns by default: who to reach and how, and the next step.
    for (const title of ['Main contact', 'Phone / WhatsApp', 'Next follow-up', 'Last inquiry'])
      await expect(grid.getByRole('columnheader', { name: title, exact: true })).toBeVisible();
    const alpha = rowOf(grid, 'A1 Alpha Trading');
    await expect(alpha.locator('.col-mainContact')).toHaveText('Anna Becker');
    await expect(alpha.locator('.col-phone')).toHaveText('+49 30 123456 WhatsApp +49 170 7654321');
    await expect(rowOf(grid, 'B2 Bravo Imports').locator('.col-phone')).toHaveText('+49 171 555001 WhatsApp');
    await expect(rowOf(grid, 'B2 Bravo Imports').locator('.col-nextFollowUp')).toContainText('overdue');
    await expect(alpha.locator('.col-nextFollowUp')).toHaveText('');
    // Neither of them sorts: no index orders customers by them.
    await expect(grid.getByRole('columnheader', { name: 'Next follow-up', exact: true })).not.toHaveAttribute('aria-sort', /.+/);

    // Three rows by keyboard: Space on the first, then Shift+Space two rows down selects the range.
    const rows = grid.locator('tbody [role="row"]');
    await rows.first().focus();
    await page.keyboard.press('Space');
    await expect(rows.first()).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Shift+Space');
    await expect(grid).toHaveAttribute('data-selected', '3');
    for (const company of COMPANIES.slice(0, 3)) await expect(rowOf(grid, company)).toHaveAttribute('aria-selected', 'true');
    const bar = page.getByRole('group', { name: 'Selected customers' });
    await expect(bar).toContainText('3 selected');
    // The panel did not open: selecting is not opening.
    await expect(page.getByRole('complementary')).toHaveCount(0);

    // Assign an owner to the three, see it, Undo, see each one's own owner back.
    await bar.getByRole('button', { name: 'Assign owner…' }).click();
    const ownerDialog = page.getByRole('dialog', { name: 'Assign an owner to 3 customers' });
    await ownerDialog.getByRole('combobox', { name: 'Owner' }).fill('Zhang Wei');
    await ownerDialog.getByRole('button', { name: 'Assign' }).click();
    await expect(ownerDialog).toBeHidden();
    await expect(page.getByRole('status')).toContainText('Zhang Wei is now the owner of 3 customers.');
    await expect.poll(() => ownersShown(grid)).toEqual(['Zhang Wei', 'Zhang Wei', 'Zhang Wei', 'Li Na', 'Mia']);
    await undo(page);
    await expect.poll(() => ownersShown(grid)).toEqual([...OWNERS]);

    // Tag two: a click on one row's box, Shift+click on the next one's.
    await bar.getByRole('button', { name: 'Clear selection' }).click();
    await expect(bar).toHaveCount(0);
    await rowOf(grid, 'D4 Delta LLC').getByRole('checkbox', { name: 'Select D4 Delta LLC' }).click();
    await rowOf(grid, 'E5 Echo SARL')
      .getByRole('checkbox', { name: 'Select E5 Echo SARL' })
      .click({ modifiers: ['Shift'] });
    await expect(bar).toContainText('2 selected');
    await bar.getByRole('button', { name: 'Add tag…' }).click();
    const tagDialog = page.getByRole('dialog', { name: 'Add a tag to 2 customers' });
    // An empty tag is refused in the dialog.
    await tagDialog.getByRole('button', { name: 'Add tag' }).click();
    await expect(tagDialog).toContainText('This field is required.');
    await tagDialog.getByRole('combobox', { name: 'Tag' }).fill('Fair 2026');
    await tagDialog.getByRole('button', { name: 'Add tag' }).click();
    await expect(page.getByRole('status')).toContainText('Tag “Fair 2026” added to 2 customers.');
    for (const company of ['D4 Delta LLC', 'E5 Echo SARL']) await expect(rowOf(grid, company).locator('.col-tags')).toHaveText('Fair 2026');
    await expect(rowOf(grid, 'C3 Charlie GmbH').locator('.col-tags')).toHaveText('');

    // Plan a follow-up for the same two, and find them on the Follow-ups page.
    await bar.getByRole('button', { name: 'Plan follow-up…' }).click();
    const plan = page.getByRole('dialog', { name: 'Plan a follow-up for 2 customers' });
    await expect(plan.getByRole('combobox', { name: 'Type' })).toBeFocused();
    await plan.getByRole('textbox', { name: 'Note' }).fill('Send the spring catalogue');
    await plan.getByRole('button', { name: 'Plan follow-ups' }).click();
    await expect(plan).toBeHidden();
    await expect(page.getByRole('status')).toContainText('Planned a follow-up for 2 customers.');
    await expect(rowOf(grid, 'D4 Delta LLC').locator('.col-nextFollowUp')).not.toHaveText('');

    // Export the selected two only.
    await bar.getByRole('button', { name: 'Export…' }).click();
    const exportDialog = page.getByRole('dialog', { name: 'Export' });
    await expect(exportDialog).toContainText('Exports the 2 selected customers');
    const download = page.waitForEvent('download');
    await exportDialog.getByRole('button', { name: 'Export customers' }).click();
    const file = await download;
    const book = XLSX.read(await readFile(await file.path()), { type: 'buffer' });
    const sheet = XLSX.utils.sheet_to_json<string[]>(book.Sheets['Customers'] as XLSX.WorkSheet, { header: 1, raw: false, defval: '' });
    expect(sheet.map((r) => r[0])).toEqual(['Company', 'D4 Delta LLC', 'E5 Echo SARL']);
    expect(sheet[0]).toContain('Phone / WhatsApp');

    // Every customer of the list with Ctrl+A, and none again.
    await rows.first().focus();
    await page.keyboard.press('Control+a');
    await expect(bar).toContainText('5 selected');
    await expect(grid.getByRole('checkbox', { name: 'Select all 5 customers in the list' })).toBeChecked();
    await bar.getByRole('button', { name: 'Clear selection' }).click();
    await expect(grid).toHaveAttribute('data-selected', '0');

    // Ctrl+click selects one row without opening it; archive it, and Undo.
    await rowOf(grid, 'C3 Charlie GmbH')
      .locator('.col-country')
      .click({ modifiers: ['Control'] });
    await expect(bar).toContainText('1 selected');
    await expect(page.getByRole('complementary')).toHaveCount(0);
    await bar.getByRole('button', { name: 'Archive' }).click();
    await expect(page.getByRole('status')).toContainText('Archived 1 customer.');
    await expect(grid).toHaveAttribute('data-total', '4');
    await expect(bar).toHaveCount(0);
    await undo(page);
    await expect(grid).toHaveAttribute('data-total', '5');

    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: /Follow-ups/ })
      .click();
    await page.getByRole('tab', { name: /^Upcoming/ }).click();
    const upcoming = page.getByRole('table', { name: 'Upcoming (7 days)' });
    for (const company of ['D4 Delta LLC', 'E5 Echo SARL'])
      await expect(upcoming.getByRole('row', { name: `Call · ${company}` })).toContainText('Send the spring catalogue');
    await expect(upcoming.getByRole('row', { name: /C3 Charlie GmbH/ })).toHaveCount(0);
  });

  test('a dashboard click filters the grid; its chips stay until Clear filters, and the link does not come back', async ({ app }) => {
    test.setTimeout(120_000);
    const { page } = app;
    await seedFixtures(page);
    await app.reload();
    const grid = page.getByRole('grid', { name: 'Customer list' });
    await expect(grid).toHaveAttribute('data-total', '156');

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Dashboard' }).click();
    const continents = page.getByRole('region', { name: 'Customers and revenue by continent' });
    await continents.getByText('Show as table').click();
    await continents.getByRole('table').getByRole('link', { name: 'Europe' }).click();
    await expect(page).toHaveURL(/#\/customers\?filter=/);
    await expect(grid).toHaveAttribute('data-total', '40');
    const chips = page.getByRole('group', { name: 'Active filters' });
    await expect(chips.getByText('Continent: Europe')).toBeVisible();
    // The main contact is read for the rows shown.
    await expect(grid.locator('tbody [role="row"]').first().locator('.col-mainContact')).not.toHaveText('Loading…');

    // Still there after a reload (the link is the address), and cleared with one click.
    await app.reload();
    await expect(grid).toHaveAttribute('data-total', '40');
    await chips.getByRole('button', { name: 'Clear filters' }).click();
    await expect(grid).toHaveAttribute('data-total', '156');
    await expect(chips).toHaveCount(0);
    await expect(page).toHaveURL(/#\/customers$/);
    // Reopening the app does not apply the link's filter again.
    await app.reload();
    await expect(grid).toHaveAttribute('data-total', '156');
    await expect(chips).toHaveCount(0);
  });
});
