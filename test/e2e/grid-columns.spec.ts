import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { chooseOption } from './choose-option';
import { api } from './engine-api';
import { expect, test } from './fixtures';

const COMPANIES = ['Aurora Lighting Trading Company Limited', 'Borealis Lamps GmbH', 'Cirrus Electric SARL'] as const;

/** The grid's header titles, in order (the sort arrow is decoration). */
async function headerTitles(grid: Locator): Promise<string[]> {
  return (await grid.getByRole('columnheader').allTextContents()).map((h) => h.replace(/[▲▼↕]/g, '').trim());
}

function header(grid: Locator, title: string): Locator {
  return grid.getByRole('columnheader', { name: title, exact: true });
}

async function widthOf(target: Locator): Promise<number> {
  const box = await target.boundingBox();
  if (!box) throw new Error('not on screen');
  return Math.round(box.width);
}

function rowOf(grid: Locator, company: string): Locator {
  return grid.locator('tbody [role="row"]').filter({ hasText: company });
}

/** Drags a column's right edge by dx pixels with the mouse, in small steps as a hand would. */
async function dragEdge(page: Page, edge: Locator, dx: number): Promise<void> {
  await edge.scrollIntoViewIfNeeded();
  const box = await edge.boundingBox();
  if (!box) throw new Error('edge not on screen');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y, { steps: 4 });
  await page.mouse.move(x + dx, y, { steps: 4 });
  await page.mouse.up();
}

async function exportCsvHeader(page: Page): Promise<string[]> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: 'CSV' }).check();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export customers' }).click();
  const file = await download;
  await expect(dialog).toBeHidden();
  const text = (await readFile(await file.path(), 'utf8')).replace(/^\uFEFF/, '');
  return (text.split(/\r?\n/)[0] ?? '').split(',').map((h) => h.replace(/^"|"$/g, ''));
}

test.describe('grid columns', () => {
  test('resize by mouse and keyboard, move by drag and keyboard, the company stays in view; remembered, saved in a view, reset', async ({
    app,
  }) => {
    test.setTimeout(180_000);
    const { page } = app;
    for (const [i, company] of COMPANIES.entries()) {
      await api(page, 'customers.create', { company, country: 'DE', owner: ['Li Na', 'Chen Wei', 'Mia'][i] });
    }
    await app.reload();
    const grid = page.getByRole('grid', { name: 'Customer list' });
    await expect(grid).toHaveAttribute('data-total', '3');
    const first = rowOf(grid, COMPANIES[0]);
    await expect(first).toBeVisible();
    const defaultTitles = await headerTitles(grid);
    expect(defaultTitles.slice(0, 3)).toEqual(['Company', 'Country', 'Main contact']);

    // Resize by mouse: the owner column's right edge dragged 80 px to the right; its cells follow.
    const owner = header(grid, 'Owner');
    const ownerEdge = grid.getByRole('separator', { name: 'Resize Owner' });
    expect(await widthOf(owner)).toBe(120);
    await dragEdge(page, ownerEdge, 80);
    await expect.poll(() => widthOf(owner)).toBe(200);
    expect(await widthOf(first.locator('.col-owner'))).toBe(200);
    await expect(ownerEdge).toHaveAttribute('aria-valuenow', '200');
    // Dragging the edge did not sort by the owner, nor move the column.
    await expect(owner).toHaveAttribute('aria-sort', 'none');
    expect(await headerTitles(grid)).toEqual(defaultTitles);

    // Resize from the keyboard: in the focused header (the edge is not a Tab stop), Alt+Shift+→ and Alt+Shift+← change the
    // width by 16 px, never below the column's least.
    await expect(ownerEdge).toHaveAttribute('tabindex', '-1');
    await owner.getByRole('button').focus();
    await page.keyboard.press('Alt+Shift+ArrowRight');
    await page.keyboard.press('Alt+Shift+ArrowRight');
    await page.keyboard.press('Alt+Shift+ArrowLeft');
    await expect(ownerEdge).toHaveAttribute('aria-valuenow', '216');
    await expect.poll(() => widthOf(first.locator('.col-owner'))).toBe(216);
    for (let i = 0; i < 12; i++) await page.keyboard.press('Alt+Shift+ArrowLeft');
    await expect(ownerEdge).toHaveAttribute('aria-valuenow', '90');
    expect(await widthOf(owner)).toBe(90);
    // A double-click on the edge: the default width again.
    await ownerEdge.dblclick();
    await expect(ownerEdge).toHaveAttribute('aria-valuenow', '120');
    expect(await widthOf(owner)).toBe(120);
    // The company column is resized the same way.
    await dragEdge(page, grid.getByRole('separator', { name: 'Resize Company' }), 60);
    await expect.poll(() => widthOf(header(grid, 'Company'))).toBe(320);

    // Move by drag: the phone header dropped on the left half of the country header goes before it; the cells follow.
    await header(grid, 'Phone / WhatsApp').dragTo(header(grid, 'Country'), { targetPosition: { x: 8, y: 12 } });
    await expect
      .poll(async () => (await headerTitles(grid)).slice(0, 4))
      .toEqual(['Company', 'Phone / WhatsApp', 'Country', 'Main contact']);
    await expect(first.getByRole('gridcell').nth(2)).toHaveText(/Germany/);
    // Nothing goes before the company: a header dropped on it lands right after it.
    await header(grid, 'Next follow-up').dragTo(header(grid, 'Company'), { targetPosition: { x: 8, y: 12 } });
    await expect
      .poll(async () => (await headerTitles(grid)).slice(0, 5))
      .toEqual(['Company', 'Next follow-up', 'Phone / WhatsApp', 'Country', 'Main contact']);
    await expect(header(grid, 'Company')).not.toHaveAttribute('draggable', 'true');

    // Move from the keyboard: Alt+← / Alt+→ in a header move its column past its neighbour; the focus stays with it.
    const countrySort = header(grid, 'Country').getByRole('button');
    const url = page.url();
    await countrySort.focus();
    await page.keyboard.press('Alt+ArrowLeft');
    await expect
      .poll(async () => (await headerTitles(grid)).slice(0, 5))
      .toEqual(['Company', 'Next follow-up', 'Country', 'Phone / WhatsApp', 'Main contact']);
    await expect(countrySort).toBeFocused();
    await expect(page.getByRole('status')).toContainText('Country is now column 3 of 17.');
    await page.keyboard.press('Alt+ArrowRight');
    await page.keyboard.press('Alt+ArrowRight');
    await expect
      .poll(async () => (await headerTitles(grid)).slice(0, 5))
      .toEqual(['Company', 'Next follow-up', 'Phone / WhatsApp', 'Main contact', 'Country']);
    await expect(countrySort).toBeFocused();
    // Alt+← did not go "back" either.
    expect(page.url()).toBe(url);
    // From a column without a sort button too (its header takes the focus itself); the company never moves.
    const mainContact = header(grid, 'Main contact');
    await mainContact.focus();
    await page.keyboard.press('Alt+ArrowLeft');
    await expect
      .poll(async () => (await headerTitles(grid)).slice(0, 5))
      .toEqual(['Company', 'Next follow-up', 'Main contact', 'Phone / WhatsApp', 'Country']);
    await expect(mainContact).toBeFocused();
    await page.keyboard.press('Alt+ArrowRight');
    await header(grid, 'Company').getByRole('button').focus();
    await page.keyboard.press('Alt+ArrowRight');
    await expect
      .poll(async () => (await headerTitles(grid)).slice(0, 5))
      .toEqual(['Company', 'Next follow-up', 'Phone / WhatsApp', 'Main contact', 'Country']);

    // …and in "Columns": Move up / Move down, every column listed in the grid's order (hidden ones too).
    await page.getByRole('button', { name: 'Columns' }).click();
    const chooser = page.getByRole('group', { name: 'Visible columns' });
    await expect(chooser.getByRole('listitem').nth(1)).toContainText('Next follow-up');
    await expect(chooser.getByRole('button', { name: 'Move Company up' })).toHaveCount(0);
    await expect(chooser.getByRole('button', { name: 'Move Next follow-up up' })).toBeDisabled();
    const moveDown = chooser.getByRole('button', { name: 'Move Next follow-up down' });
    await moveDown.focus();
    // Past the phone, the main contact and the (hidden) city.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Enter');
    await expect(moveDown).toBeFocused();
    await expect(chooser.getByRole('listitem').nth(4)).toContainText('Next follow-up');
    await page.keyboard.press('Escape');
    await expect
      .poll(async () => (await headerTitles(grid)).slice(0, 5))
      .toEqual(['Company', 'Phone / WhatsApp', 'Main contact', 'Next follow-up', 'Country']);
    const layoutTitles = await headerTitles(grid);

    // The owner made wider from the keyboard, for what follows.
    await owner.getByRole('button').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Alt+Shift+ArrowRight');
    await expect(ownerEdge).toHaveAttribute('aria-valuenow', '168');

    // Scrolled sideways, the company column (header, boxes and names) stays where it was; the others move under it.
    const scroller = page.locator('.grid-scroll');
    await scroller.evaluate((el) => (el.scrollLeft = 0));
    const companyHeader = header(grid, 'Company');
    const companyCell = first.getByRole('gridcell').first();
    const before = { header: await companyHeader.boundingBox(), cell: await companyCell.boundingBox(), owner: await owner.boundingBox() };
    await scroller.evaluate((el) => (el.scrollLeft = 600));
    await expect(scroller).toHaveAttribute('data-scrolled-x', '');
    const after = { header: await companyHeader.boundingBox(), cell: await companyCell.boundingBox(), owner: await owner.boundingBox() };
    expect(after.header?.x).toBe(before.header?.x);
    expect(after.cell?.x).toBe(before.cell?.x);
    expect(after.owner?.x).toBeLessThan((before.owner?.x ?? 0) - 500);
    await expect(first.getByRole('checkbox', { name: `Select ${COMPANIES[0]}` })).toBeInViewport();
    // What is on top at the company's place is the company cell, not a column scrolled under it.
    const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('[role="gridcell"]')?.className ?? '', {
      x: (after.cell?.x ?? 0) + 200,
      y: (after.cell?.y ?? 0) + 10,
    });
    expect(hit).toContain('col-company');
    await scroller.evaluate((el) => (el.scrollLeft = 0));
    await expect(scroller).not.toHaveAttribute('data-scrolled-x');

    // The export writes the columns in the grid's order.
    const exported = await exportCsvHeader(page);
    expect(exported.slice(0, 5)).toEqual(['Company', 'Phone / WhatsApp', 'Main contact', 'Next follow-up', 'Country']);

    // A reload keeps widths and order.
    await app.reload();
    await expect(grid).toHaveAttribute('data-total', '3');
    expect(await headerTitles(grid)).toEqual(layoutTitles);
    await expect.poll(() => widthOf(owner)).toBe(168);
    expect(await widthOf(header(grid, 'Company'))).toBe(320);

    // Saved in a view; "Reset columns" brings back the defaults (the view is then modified); choosing the view brings its columns back.
    await page.getByRole('button', { name: 'Save view…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save view' });
    await dialog.getByRole('textbox', { name: 'View name' }).fill('Contact first');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    const [saved] = await api(page, 'views.list', { kind: 'grid' });
    expect(saved?.state.order?.slice(0, 7)).toEqual(['company', 'phone', 'mainContact', 'city', 'nextFollowUp', 'localTime', 'country']);
    expect(saved?.state.widths).toEqual({ company: 320, owner: 168 });

    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('button', { name: 'Reset columns' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => headerTitles(grid)).toEqual(defaultTitles);
    expect(await widthOf(owner)).toBe(120);
    expect(await widthOf(header(grid, 'Company'))).toBe(260);
    await expect(page.getByText('Modified', { exact: true })).toBeVisible();

    const viewSelect = page.getByRole('combobox', { name: 'Saved view' });
    await chooseOption(viewSelect, 'No saved view');
    await chooseOption(viewSelect, 'Contact first');
    await expect.poll(() => headerTitles(grid)).toEqual(layoutTitles);
    await expect.poll(() => widthOf(owner)).toBe(168);
    expect(await widthOf(header(grid, 'Company'))).toBe(320);
    await expect(page.getByText('Modified', { exact: true })).toHaveCount(0);

    // A view saved before order and widths were kept (its state has neither) shows its columns in the default order and widths.
    await api(page, 'views.save', {
      kind: 'grid',
      name: 'Older view',
      state: { columns: ['company', 'country', 'revenue', 'owner'], sort: { key: 'company', dir: 'asc' } },
    });
    await app.reload();
    await chooseOption(viewSelect, 'Older view');
    await expect.poll(() => headerTitles(grid)).toEqual(['Company', 'Country', 'Owner', 'Revenue']);
    expect(await widthOf(owner)).toBe(120);
    await expect(page.getByText('Modified', { exact: true })).toHaveCount(0);

    // Reset columns: default columns, order and widths, remembered as such.
    await chooseOption(viewSelect, 'Contact first');
    await expect.poll(() => headerTitles(grid)).toEqual(layoutTitles);
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('button', { name: 'Reset columns' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => headerTitles(grid)).toEqual(defaultTitles);
    await app.reload();
    await expect(grid).toHaveAttribute('data-total', '3');
    expect(await headerTitles(grid)).toEqual(defaultTitles);
    expect(await widthOf(owner)).toBe(120);
  });
});
