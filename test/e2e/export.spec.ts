import { readFile } from 'node:fs/promises';
import * as XLSX from '@e965/xlsx';
import type { Locator, Page } from '@playwright/test';
import { api } from './engine-api';
import { expect, test } from './fixtures';
import { seedFixtures } from './seed';

/** A grid header's title as the user reads it (the sort arrow is decoration). */
async function gridHeaders(grid: Locator): Promise<string[]> {
  return (await grid.getByRole('columnheader').allTextContents()).map((h) => h.replace(/[▲▼↕]/g, '').trim());
}

async function exportCustomers(page: Page, options: { csv?: boolean; contacts?: boolean } = {}) {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog.getByRole('radio', { name: 'Excel (.xlsx)' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Include contacts' })).not.toBeChecked();
  if (options.csv) await dialog.getByRole('radio', { name: 'CSV' }).check();
  if (options.contacts) await dialog.getByRole('checkbox', { name: 'Include contacts' }).check();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export customers' }).click();
  const file = await download;
  await expect(dialog).toBeHidden();
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

/** "2026-11-13 02:11": an instant's wall clock in a zone, as the export writes times. */
function localTime(iso: string, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

test.describe('export', () => {
  test.use({ appTimeZone: 'Asia/Shanghai' });

  test('the dialog exports what the grid shows: its columns, rows, names and local times; contacts on request', async ({ app }) => {
    test.setTimeout(120_000);
    const { page } = app;
    await seedFixtures(page);
    const grid = page.getByRole('grid', { name: 'Customer list' });
    await expect(grid).toHaveAttribute('data-total', '156');

    // Show a hidden column, hide a default one, sort by revenue.
    await page.getByRole('button', { name: 'Columns' }).click();
    const chooser = page.getByRole('group', { name: 'Visible columns' });
    await chooser.getByRole('checkbox', { name: 'Business type', exact: true }).check();
    await chooser.getByRole('checkbox', { name: 'Potential', exact: true }).check();
    await chooser.getByRole('checkbox', { name: 'Created', exact: true }).check();
    await chooser.getByRole('checkbox', { name: 'Owner', exact: true }).uncheck();
    await page.keyboard.press('Escape');
    await grid.getByRole('columnheader', { name: 'Revenue' }).click();
    await expect(grid.getByRole('columnheader', { name: 'Revenue' })).toHaveAttribute('aria-sort', 'descending');
    const firstCompany = grid.getByRole('row').nth(1).getByRole('gridcell').first();
    await expect(firstCompany).not.toHaveText('Loading…');
    const headers = await gridHeaders(grid);
    expect(headers).toContain('Business type');
    expect(headers).not.toContain('Owner');

    const file = await exportCustomers(page, { contacts: true });
    expect(file.name).toMatch(/^customers-\d{8}-\d{4}\.xlsx$/);
    await expect(page.getByRole('status')).toContainText('Exported 156 customers');
    const book = XLSX.read(file.bytes, { type: 'buffer' });
    expect(book.SheetNames).toEqual(['Customers', 'Contacts']);
    const rows = XLSX.utils.sheet_to_json<string[]>(book.Sheets['Customers'] as XLSX.WorkSheet, { header: 1, raw: false, defval: '' });

    // The grid's visible columns in its order, then the main contact's.
    expect(rows[0]).toEqual([
      ...headers.map((h) => (h === 'Revenue' ? 'Revenue (USD)' : h)),
      'Contact name',
      'Email',
      'Phone',
      'Mobile',
      'WhatsApp',
      'WeChat',
    ]);
    expect(rows).toHaveLength(157);

    // The grid's rows in its order, each cell showing what the grid's cell shows.
    const column = (title: string) => headers.indexOf(title);
    for (let i = 0; i < 8; i++) {
      const cells = grid
        .getByRole('row')
        .nth(i + 1)
        .getByRole('gridcell');
      const row = rows[i + 1] as string[];
      await expect(cells.nth(0)).toHaveText(row[0] as string);
      for (const title of ['Country', 'RFM segment', 'Value tier', 'Lifecycle', 'Churn warning', 'Business type']) {
        const shown = (await cells.nth(column(title)).textContent()) ?? '';
        expect(shown, `${title} of ${row[0]}`).toContain(row[column(title)] as string);
      }
      expect(row[column('Potential')]).toBe((await cells.nth(column('Potential')).textContent())?.replace(/\D+$/, ''));
    }
    for (const code of ['key_account', 'champions', 'trading_company', 'warning', 'none']) expect(rows.flat(), code).not.toContain(code);

    // Times in the page's time zone.
    const listed = await api(page, 'customers.list', { sort: { key: 'revenue', dir: 'desc' }, limit: 3 });
    expect(rows[1]?.[column('Created')]).toBe(localTime(listed.rows[0]?.createdAt ?? '', 'Asia/Shanghai'));

    // The Contacts sheet: every contact of these customers, with the trade-fair leads' phones.
    const contacts = XLSX.utils.sheet_to_json<string[]>(book.Sheets['Contacts'] as XLSX.WorkSheet, { header: 1, raw: false, defval: '' });
    expect(contacts[0]?.slice(0, 3)).toEqual(['Company', 'Country', 'Contact name']);
    expect(contacts.length).toBeGreaterThan(100);
    expect(contacts.slice(1).some((r) => /\d{6}/.test(r[5] ?? '') || /\d{6}/.test(r[6] ?? ''))).toBe(true);

    // CSV: the same columns, UTF-8 with BOM, phones kept as text for Excel.
    const csv = await exportCustomers(page, { csv: true, contacts: true });
    expect(csv.name).toMatch(/\.csv$/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header] = csv.bytes.subarray(3).toString('utf8').split(/\r?\n/);
    expect(header).toBe([...(rows[0] as string[])].join(','));
    expect(csv.bytes.toString('utf8')).toMatch(/"=""\+?[\d ()-]+"""/);
  });
});
