import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { api } from './engine-api';
import { expect, test } from './fixtures';

const CATALOGUE = join(import.meta.dirname, '../fixtures/catalogue-zh.xlsx');
const COMPANY = 'Harbor Lights Trading LLC';
/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** Imports a CSV file with the mapping the engine recognises, as the import screen would. */
async function importCsv(page: Page, fileName: string, lines: string[]): Promise<void> {
  const contentBase64 = Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8').toString('base64');
  const analyzed = await api(page, 'import.analyze', { fileName, contentBase64 });
  await api(page, 'import.commit', { fileId: analyzed.fileId, kind: analyzed.kind, mapping: analyzed.mapping });
}

test.describe('product catalogue', () => {
  test('import the Chinese catalogue through the wizard, find and edit a product, see what a customer asked for', async ({ app }) => {
    const { page } = app;
    await importCsv(page, 'inquiries.csv', [
      'Inquiry ID,Inquiry Time,Company,Country,Email,Product Name,Product ID,Quantity,Subject',
      `7001,2026-11-02 09:00,${COMPANY},AE,buyer@harborlights.ae,Ultra slim panel,1600123456789,500,Panels for a hotel`,
      `7002,2026-11-05 09:00,${COMPANY},AE,buyer@harborlights.ae,LED球泡灯 9W,,2000,Bulbs`,
      `7003,2026-11-06 09:00,${COMPANY},AE,buyer@harborlights.ae,Neon sign custom,,10,Neon`,
    ]);
    await app.reload();
    // The page's CSP forbids inline styles: the table, the form and the wizard must not need any.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${location.hash} ${e.blockedURI}`));
    });

    // ---- Products page → Import: the wizard reads the file as a catalogue.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Products' }).click();
    await expect(page.getByRole('heading', { name: 'Products', level: 1 })).toBeVisible();
    await expect(page.getByText('No products yet.')).toBeVisible();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Import', exact: true, level: 1 })).toBeVisible();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose file' }).click();
    await (await chooser).setFiles(CATALOGUE);
    await expect(page.getByRole('region', { name: 'Choose file' }).getByText('catalogue-zh.xlsx', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Next' }).click();
    const mapping = page.getByRole('region', { name: 'File type and columns' });
    await expect(mapping.getByText('Product catalogue').first()).toBeVisible();
    // The three price columns by quantity are all read as prices (a field several columns may have).
    await expect(mapping.getByText('Price from the quantity in the header')).toHaveCount(3);
    await page.getByRole('button', { name: 'Next' }).click();
    const preview = page.getByRole('region', { name: 'Preview' });
    await expect(preview.getByText('12 new products')).toBeVisible();
    await preview.getByRole('button', { name: 'Import', exact: true }).click();
    const report = page.getByRole('region', { name: 'Report' });
    const rows = report.getByRole('list', { name: 'What became of each row' });
    await expect(rows).toContainText('14 rows read');
    await expect(rows).toContainText('12 rows imported');
    await expect(rows).toContainText('1 row already there (nothing new)');
    await expect(rows).toContainText('1 row with problems, not imported');
    await report.getByRole('button', { name: 'View products' }).click();

    // ---- The catalogue: 12 products, searchable in Chinese.
    await expect(page.getByRole('heading', { name: 'Products', level: 1 })).toBeVisible();
    await expect(page.getByText('12 products')).toBeVisible();
    const table = page.locator('.products-table');
    await expect(table.getByRole('row', { name: /LED-PNL-6060/ })).toContainText('100+ $12.80 · 500+ $11.50 · 1,000+ $10.90');
    await page.getByRole('searchbox', { name: 'Search SKU, name or category' }).fill('球泡');
    await expect(page.getByText('2 products')).toBeVisible();
    await expect(table.getByRole('row', { name: /LED-BULB-9W/ })).toBeVisible();
    await page.getByRole('searchbox', { name: 'Search SKU, name or category' }).fill('');
    await expect(page.getByText('12 products')).toBeVisible();

    // ---- Edit one: a new MOQ and a fourth price tier; Enter saves.
    await page.getByRole('button', { name: 'Edit LED-PNL-6060' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit LED-PNL-6060' });
    await expect(dialog.getByRole('textbox', { name: 'SKU / model' })).toBeFocused();
    // A photo first (a new version of the product), then the fields: the save still applies.
    await dialog.locator('input[type=file]').setInputFiles({ name: 'panel.png', mimeType: 'image/png', buffer: PNG });
    await expect(dialog.getByRole('img', { name: 'Photo of LED-PNL-6060' })).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Remove photo' })).toBeVisible();
    await dialog.getByRole('textbox', { name: 'MOQ' }).fill('200');
    await dialog.getByRole('button', { name: 'Add a tier' }).click();
    await dialog.getByRole('textbox', { name: 'From quantity (tier 4)' }).fill('5000');
    await dialog.getByRole('textbox', { name: 'Unit price (tier 4)' }).fill('9.9x');
    await dialog.getByRole('textbox', { name: 'Unit price (tier 4)' }).press('Enter');
    await expect(dialog.getByText('Enter an amount, e.g. 12.80.')).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Unit price (tier 4)' }).fill('9.90');
    await dialog.getByRole('textbox', { name: 'Unit price (tier 4)' }).press('Enter');
    await expect(dialog).toBeHidden();
    const row = table.getByRole('row', { name: /LED-PNL-6060/ });
    await expect(row).toContainText('200 pcs');
    await expect(row).toContainText('5,000+ $9.90');
    // A SKU another product has is refused on the field; Escape closes without saving.
    await page.getByRole('button', { name: 'Edit LED-PNL-3060' }).click();
    const other = page.getByRole('dialog', { name: 'Edit LED-PNL-3060' });
    await other.getByRole('textbox', { name: 'SKU / model' }).fill('led-pnl-6060');
    await other.getByRole('textbox', { name: 'SKU / model' }).press('Enter');
    await expect(other.getByText('A product with this SKU is in the catalogue already')).toBeVisible();
    await other.getByRole('textbox', { name: 'SKU / model' }).press('Escape');
    await expect(other).toBeHidden();
    expect((await api(page, 'products.list', { search: 'LED-PNL-3060' })).total).toBe(1);

    // ---- The customer: what they asked for, linked to the catalogue where it matches.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Customers' }).click();
    await page.getByRole('grid', { name: 'Customer list' }).getByRole('gridcell', { name: COMPANY }).click();
    const panel = page.getByRole('complementary', { name: COMPANY });
    const section = panel.getByRole('region', { name: 'Products asked for / bought' });
    const asked = section.getByRole('list', { name: 'Asked for' });
    await expect(asked.getByRole('listitem')).toHaveCount(3);
    await expect(asked.getByRole('listitem').filter({ hasText: 'LED-PNL-6060' })).toContainText('by Alibaba product ID');
    await expect(asked.getByRole('listitem').filter({ hasText: 'LED-BULB-9W' })).toContainText('qty 2,000');
    await expect(asked.getByRole('listitem').filter({ hasText: 'Neon sign custom' })).toContainText('not in the catalogue');
    await expect(section).toContainText('None yet.');
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  });
});
