import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { chooseOption, openList, shownChoice } from './choose-option';
import { expect, test } from './fixtures';

const FIXTURES = join(import.meta.dirname, '../../../shared/fixtures');
const OWN_FIXTURES = join(import.meta.dirname, '../fixtures');

/** Opens the Import page and reads one of the shared sample files through the file input. */
async function chooseFile(page: Page, name: string, dir = FIXTURES): Promise<void> {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { name: 'Import', exact: true, level: 1 })).toBeVisible();
  const steps = page.getByRole('list', { name: 'Import steps' });
  await expect(steps.getByRole('listitem').filter({ hasText: 'Choose file' })).toHaveAttribute('aria-current', 'step');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose file' }).click();
  await (await chooser).setFiles(join(dir, name));
  await expect(page.getByRole('region', { name: 'Choose file' }).getByText(name, { exact: true })).toBeVisible();
}

/** Reads one of our own fixtures and goes on to the preview as detected; returns the preview region. */
async function previewOwnFixture(page: Page, name: string) {
  await chooseFile(page, name, OWN_FIXTURES);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  return page.getByRole('region', { name: 'Preview' });
}

/** From a read file: Next (columns), Next (preview), then Import with the options as they are. */
async function importAsDetected(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('region', { name: 'File type and columns' })).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview.getByRole('button', { name: 'Import', exact: true })).toBeEnabled();
  await preview.getByRole('button', { name: 'Import', exact: true }).click();
}

test.describe('import', () => {
  test('the drop zone: one button named by its text, ending in “Choose file”; Enter and Space open the chooser; a dropped file is read as a chosen one', async ({
    app,
  }) => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Import' }).click();
    // Named by all it shows (a control's name holds its visible text, WCAG 2.5.3).
    const zone = page.getByRole('button', { name: /Choose file$/ });
    await expect(zone).toHaveAccessibleName(
      /^Drop a CSV or Excel file here Alibaba\.com inquiry, customer and order exports.* Choose file$/,
    );
    for (const key of ['Enter', ' ']) {
      await zone.focus();
      const chooser = page.waitForEvent('filechooser');
      await page.keyboard.press(key);
      expect((await chooser).isMultiple()).toBe(false);
    }

    // Dropped: the bytes reach the engine as from the chooser (encoding detected, the file named).
    const name = 'alibaba-inquiries-en.csv';
    const bytes = (await readFile(join(FIXTURES, name))).toString('base64');
    const dataTransfer = await page.evaluateHandle(
      ({ name, bytes }) => {
        const dt = new DataTransfer();
        dt.items.add(new File([Uint8Array.from(atob(bytes), (c) => c.charCodeAt(0))], name, { type: 'text/csv' }));
        return dt;
      },
      { name, bytes },
    );
    await zone.dispatchEvent('dragenter', { dataTransfer });
    await expect(zone).toContainText('Release to read the file');
    await zone.dispatchEvent('drop', { dataTransfer });
    await expect(page.getByRole('region', { name: 'Choose file' }).getByText(name, { exact: true })).toBeVisible();
    await expect(page.getByText('UTF-8 with BOM')).toBeVisible();
    await expect(page.getByRole('button', { name: /Choose another file$/ })).toBeVisible();
  });

  test('import Alibaba inquiries, fix a column, see the customers, then undo the import', async ({ app }) => {
    const { page } = app;
    await chooseFile(page, 'alibaba-inquiries-en.csv');
    await expect(page.getByText('UTF-8 with BOM')).toBeVisible();
    await page.getByRole('button', { name: 'Next' }).click();

    // Kind and columns: recognised as inquiries, Salesperson → Owner; the live preview counts customers.
    const steps = page.getByRole('list', { name: 'Import steps' });
    await expect(steps.getByRole('listitem').filter({ hasText: 'File type and columns' })).toHaveAttribute('aria-current', 'step');
    await expect(page.getByRole('region', { name: 'File type and columns' }).getByRole('heading', { level: 2 })).toBeFocused();
    await expect(shownChoice(page.getByRole('combobox', { name: 'File type' }))).toHaveText('Inquiries');
    const salesperson = page.getByRole('combobox', { name: 'Field for column Salesperson' });
    await expect(shownChoice(salesperson)).toHaveText('Owner');
    await expect(page.getByText('89 new customers')).toBeVisible();

    // Preview: the first rows show an Owner column.
    await page.getByRole('button', { name: 'Next' }).click();
    const sample = page.getByRole('table', { name: 'First rows as they will be imported' });
    await expect(sample.getByRole('columnheader', { name: 'Owner', exact: true })).toBeVisible();
    await expect(sample.getByRole('cell', { name: '王芳' }).first()).toBeVisible();

    // Fix the mapping: ignore the Salesperson column; the preview follows.
    await page.getByRole('button', { name: 'Back' }).click();
    await chooseOption(salesperson, 'Ignore this column');
    await expect(shownChoice(salesperson)).toHaveText('Ignore this column');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(sample.getByRole('columnheader', { name: 'Company', exact: true })).toBeVisible();
    await expect(sample.getByRole('columnheader', { name: 'Owner', exact: true })).toHaveCount(0);
    const preview = page.getByRole('region', { name: 'Preview' });
    await expect(preview.getByText('150 rows in the file')).toBeVisible();
    await expect(preview.getByText('150 inquiries')).toBeVisible();
    await expect(preview.getByText('0 rows with problems')).toBeVisible();
    await expect(
      page.getByRole('radiogroup', { name: 'When a row has a problem' }).getByRole('radio', { name: 'Skip the row' }),
    ).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Remember this mapping for files like this' })).toBeChecked();
    await preview.getByRole('button', { name: 'Import', exact: true }).click();

    const report = page.getByRole('region', { name: 'Report' });
    await expect(report.getByText('150 rows read')).toBeVisible();
    await expect(report.getByText('89 customers created')).toBeVisible();
    await expect(report.getByText('150 inquiries added')).toBeVisible();
    await expect(report.getByRole('button', { name: 'Download failed rows' })).toHaveCount(0);
    await report.getByRole('button', { name: 'View customers' }).click();

    // Customers: 89 of them, with no owner (the column was ignored).
    await expect(page.getByRole('heading', { name: 'Customers', exact: true })).toBeVisible();
    const grid = page.getByRole('grid', { name: 'Customer list' });
    await expect(grid).toHaveAttribute('data-total', '89');
    await expect(page.getByText('89 customers', { exact: true })).toBeVisible();
    const ownerFilter = page.getByRole('combobox', { name: 'Filter by owner' });
    await expect((await openList(ownerFilter)).getByRole('option')).toHaveText(['All owners']);
    await ownerFilter.press('Escape');
    await page.getByRole('searchbox', { name: 'Search customers' }).fill('Metro Trading');
    await expect(grid.getByRole('gridcell', { name: 'Metro Trading SARL' })).toBeVisible();

    // Undo the import from the history: the customers are gone again.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Import' }).click();
    const history = page.getByRole('region', { name: 'Import history' });
    const row = history.getByRole('row').filter({ hasText: 'alibaba-inquiries-en.csv' });
    await expect(row.getByRole('cell', { name: 'Imported', exact: true })).toBeVisible();
    await history.getByRole('button', { name: 'Undo import alibaba-inquiries-en.csv' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Undo this import?' });
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await confirm.getByRole('button', { name: 'Undo import' }).click();
    await expect(confirm).toBeHidden();
    await expect(row.getByRole('cell', { name: 'Undone', exact: true })).toBeVisible();
    await expect(history.getByRole('button', { name: 'Undo import alibaba-inquiries-en.csv' })).toHaveCount(0);

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Customers' }).click();
    await expect(page.getByRole('heading', { name: 'No customers yet' })).toBeVisible();
  });

  test('bad rows are skipped, listed, and can be downloaded', async ({ app }) => {
    const { page } = app;
    await chooseFile(page, 'online-retail-sample.csv');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(shownChoice(page.getByRole('combobox', { name: 'File type' }))).toHaveText('Orders');
    await page.getByRole('button', { name: 'Next' }).click();

    const preview = page.getByRole('region', { name: 'Preview' });
    await expect(preview.getByText('4 rows with problems')).toBeVisible();
    const problems = preview.getByRole('table', { name: 'Rows with problems' });
    await expect(problems.getByRole('row')).toHaveCount(5); // header + 4
    await expect(problems.getByRole('row').nth(1)).toContainText('121');
    await expect(problems.getByRole('row').nth(1)).toContainText('different number of cells');
    await preview.getByRole('radio', { name: 'Skip the row' }).check();
    await preview.getByRole('button', { name: 'Import', exact: true }).click();

    const report = page.getByRole('region', { name: 'Report' });
    await expect(report.getByText('183 rows read')).toBeVisible();
    // Every row accounted for: 179 + 0 + 0 + 4 = 183.
    await expect(report.getByText('179 rows imported')).toBeVisible();
    await expect(report.getByText('0 rows added to existing customers')).toBeVisible();
    await expect(report.getByText('0 rows already there (nothing new)')).toBeVisible();
    await expect(report.getByText('4 rows with problems, not imported')).toBeVisible();
    await expect(report.getByText('4 rows had problems and were not imported', { exact: false })).toBeVisible();
    await expect(report.getByRole('table', { name: 'Rows with problems' }).getByRole('row')).toHaveCount(5);

    const download = page.waitForEvent('download');
    await report.getByRole('button', { name: 'Download failed rows' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/-failed-rows\.csv$/);
    const text = (await readFile(await file.path())).toString('utf8');
    expect(text.split(/\r?\n/).filter((line) => line.length > 0)).toHaveLength(5);

    // The history offers the same file.
    const history = page.getByRole('region', { name: 'Import history' });
    await expect(history.getByRole('button', { name: 'Download failed rows of online-retail-sample.csv' })).toBeVisible();
  });

  test('a merge can be turned off, and an import a later one builds on cannot be undone', async ({ app }) => {
    const { page } = app;
    await chooseFile(page, 'alibaba-customers-zh.xlsx');
    await importAsDetected(page);
    await expect(page.getByRole('region', { name: 'Report' }).getByText('119 customers created')).toBeVisible();
    await page.getByRole('button', { name: 'Import another file' }).click();

    await chooseFile(page, 'alibaba-inquiries-zh.xlsx');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(shownChoice(page.getByRole('combobox', { name: 'File type' }))).toHaveText('Inquiries');
    await page.getByRole('button', { name: 'Next' }).click();
    const preview = page.getByRole('region', { name: 'Preview' });
    const merges = preview.getByRole('region', { name: 'Customers you already have' });
    const first = merges.getByRole('checkbox').first();
    await expect(first).toBeChecked();
    const label = (await merges.locator('label').first().textContent()) ?? '';
    expect(label).toMatch(/^Merge .+ into .+$/);
    const created = async () =>
      Number(/(\d+) new customers/.exec((await preview.getByText(/\d+ new customers?$/).textContent()) ?? '')?.[1]);
    const before = await created();
    await first.uncheck();
    await expect(preview.getByText(`${before + 1} new customers`)).toBeVisible();
    await expect(merges.getByRole('checkbox', { name: label }).first()).not.toBeChecked();
    await preview.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Report' }).getByText(`${before + 1} customers created`)).toBeVisible();

    const history = page.getByRole('region', { name: 'Import history' });
    await history.getByRole('button', { name: 'Undo import alibaba-customers-zh.xlsx' }).click();
    await page.getByRole('alertdialog', { name: 'Undo this import?' }).getByRole('button', { name: 'Undo import' }).click();
    await expect(page.getByRole('alert')).toContainText('a later import changed the same customers');
    const row = history.getByRole('row').filter({ hasText: 'alibaba-customers-zh.xlsx' });
    await expect(row.getByRole('cell', { name: 'Imported', exact: true })).toBeVisible();
  });

  test('an Excel-saved CSV: every inquiry arrives, the mangled IDs are explained with the fix; a second import adds nothing', async ({
    app,
  }) => {
    const { page } = app;
    const preview = await previewOwnFixture(page, 'excel-saved-inquiries.csv');
    await expect(preview.getByText('30 inquiries')).toBeVisible();
    const findings = preview.getByRole('region', { name: 'Worth knowing about this file' });
    await expect(findings).toContainText(
      'Column Inquiry ID: 30 IDs are written as numbers in scientific notation (5.00001E+13, 5.00002E+13)',
    );
    await expect(findings).toContainText('save the export as XLSX, or format the ID column as text');
    await preview.getByRole('button', { name: 'Import', exact: true }).click();
    const report = page.getByRole('region', { name: 'Report' });
    await expect(report.getByText('30 rows imported')).toBeVisible();
    await expect(report.getByText('30 inquiries added')).toBeVisible();

    await report.getByRole('button', { name: 'Import another file' }).click();
    await previewOwnFixture(page, 'excel-saved-inquiries.csv');
    await expect(preview.getByText('30 rows already there (nothing new)')).toBeVisible();
    await preview.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(report.getByText('30 rows already there (nothing new)')).toBeVisible();
    await report.getByText('Rows already there (30)').click();
    await expect(report.getByText(/^Row 2: inquiry Inquiry about .+ is already there$/)).toBeVisible();
  });

  test('near-name companies: kept apart and listed, one merged in the preview, another merged from the list afterwards', async ({
    app,
  }) => {
    const { page } = app;
    const preview = await previewOwnFixture(page, 'near-name-companies.csv');
    const possible = preview.getByRole('region', { name: 'Possibly the same company' });
    await expect(possible.getByRole('checkbox')).toHaveCount(2);
    await expect(preview.getByText('5 new customers')).toBeVisible();
    await possible.getByRole('checkbox', { name: 'Merge Crown Distribution Ltd with Crown Distribution Pty Ltd' }).check();
    await expect(preview.getByText('4 new customers')).toBeVisible();
    await preview.getByRole('button', { name: 'Import', exact: true }).click();
    const report = page.getByRole('region', { name: 'Report' });
    await expect(report.getByText('4 customers created')).toBeVisible();
    await expect(report.getByText('1 possible duplicate was kept apart', { exact: false })).toBeVisible();

    const list = page.getByRole('region', { name: 'Possible duplicate (1)' });
    await expect(list).toContainText('Crown Lighting Pty Ltd');
    await list.getByRole('button', { name: 'Merge Crown Lighting Pty Ltd into Crown Lighting Co. Ltd' }).click();
    await expect(page.getByRole('status')).toHaveText('The two customers were merged.');
    await expect(list).toHaveCount(0);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Customers' }).click();
    await expect(page.getByRole('grid', { name: 'Customer list' })).toHaveAttribute('data-total', '3');
  });

  test('unknown countries: the customers are kept, shown as written, found by one filter and fixed in one step', async ({ app }) => {
    const { page } = app;
    const preview = await previewOwnFixture(page, 'online-retail-unknown-countries.csv');
    await expect(preview.getByText('0 rows with problems')).toBeVisible();
    await expect(preview.getByRole('region', { name: 'Worth knowing about this file' })).toContainText('“Channel Islands”: 3 rows');
    await preview.getByRole('button', { name: 'Import', exact: true }).click();
    const report = page.getByRole('region', { name: 'Report' });
    await report.getByRole('link', { name: 'Show these customers' }).click();
    const grid = page.getByRole('grid', { name: 'Customer list' });
    await expect(grid).toHaveAttribute('data-total', '4');
    await expect(page.getByRole('button', { name: 'Remove filter Country not recognised' })).toBeVisible();
    await expect(grid.getByRole('gridcell', { name: /Channel Islands/ }).first()).toContainText('not recognised');

    await page.getByRole('button', { name: 'Fix countries…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Countries not recognised' });
    await chooseOption(dialog.getByRole('combobox', { name: '“Channel Islands” (2 customers)' }), 'JE', /Jersey/);
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByRole('status')).toHaveText('The country of 2 customers was set.');
    await expect(grid).toHaveAttribute('data-total', '2');
  });
});
