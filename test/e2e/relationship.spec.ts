import type { Page } from '@playwright/test';
import { chooseOption, openList, shownChoice } from './choose-option';
import { api } from './engine-api';
import { expect, test } from './fixtures';

/** An instant as the app shows a date and time in English, in the page's own time zone. */
const shownDateTime = (page: Page, iso: string) =>
  page.evaluate((v) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(v)), iso);

const COMPANY = 'Harbor Lights Trading LLC';

/** A 1×1 PNG (a real image, so its thumbnail is drawn). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** Imports a CSV file with the mapping the engine recognises, as the import screen would. */
async function importCsv(page: Page, fileName: string, lines: string[]): Promise<void> {
  const contentBase64 = Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8').toString('base64');
  const analyzed = await api(page, 'import.analyze', { fileName, contentBase64 });
  await api(page, 'import.commit', { fileId: analyzed.fileId, kind: analyzed.kind, mapping: analyzed.mapping });
}

test.describe('needs and complaints', () => {
  test('record a need and a complaint from a customer, move the need across the board, work the complaint to closed', async ({ app }) => {
    const { page } = app;
    const customer = await api(page, 'customers.create', {
      company: COMPANY,
      country: 'AE',
      industry: 'Lights & Lighting',
      owner: 'Li Na',
    });
    await api(page, 'customers.create', { company: 'Nordic Tools AB', country: 'SE', owner: 'Chen Wei' });
    await app.reload();

    // ---- From the customer's detail panel: record a need.
    await page.getByRole('grid', { name: 'Customer list' }).getByRole('gridcell', { name: COMPANY }).click();
    const panel = page.getByRole('complementary', { name: COMPANY });
    const needsSection = panel.getByRole('region', { name: 'Needs' });
    const complaintsSection = panel.getByRole('region', { name: 'Complaints' });
    await expect(needsSection).toContainText('No needs recorded.');
    await expect(complaintsSection).toContainText('No complaints.');

    await needsSection.getByRole('button', { name: 'Record a need' }).click();
    const needDialog = page.getByRole('dialog', { name: `Record a need from ${COMPANY}` });
    const category = needDialog.getByRole('combobox', { name: 'Category' });
    await expect(category).toBeFocused();
    await expect(shownChoice(needDialog.getByRole('combobox', { name: 'Status' }))).toHaveText('New');
    await expect(shownChoice(needDialog.getByRole('combobox', { name: 'Priority' }))).toHaveText('Medium');
    await chooseOption(category, 'Packaging');
    await needDialog.getByRole('textbox', { name: 'Description' }).fill('Retail boxes with Arabic text');
    await chooseOption(needDialog.getByRole('combobox', { name: 'Priority' }), 'High');
    await needDialog.getByRole('button', { name: 'Record need' }).click();
    await expect(needDialog).toBeHidden();
    await expect(page.getByRole('status')).toContainText(`Need from ${COMPANY} recorded (New).`);
    const needItem = needsSection.getByRole('listitem');
    await expect(needItem).toHaveCount(1);
    await expect(needItem).toContainText('New');
    await expect(needItem).toContainText('Packaging');
    await expect(needItem).toContainText('High priority');
    await expect(needItem).toContainText('Retail boxes with Arabic text');

    // ---- Record a complaint: the description is required, the owner is the customer's, the due-by comes from the severity.
    await complaintsSection.getByRole('button', { name: 'Record a complaint' }).click();
    const complaintDialog = page.getByRole('dialog', { name: `Record a complaint from ${COMPANY}` });
    await expect(complaintDialog.getByRole('combobox', { name: 'Owner' })).toHaveValue('Li Na');
    await chooseOption(complaintDialog.getByRole('combobox', { name: 'Category' }), 'Quality');
    await chooseOption(complaintDialog.getByRole('combobox', { name: 'Severity' }), 'High');
    await expect(complaintDialog).toContainText('Respond within 2 days.');
    await complaintDialog.getByRole('button', { name: 'Record complaint' }).click();
    await expect(complaintDialog.getByText('This field is required.')).toBeVisible();
    await expect(complaintDialog.getByRole('textbox', { name: 'Description' })).toBeFocused();
    await complaintDialog.getByRole('textbox', { name: 'Description' }).fill('12 of 500 panels flicker');
    const before = Date.now();
    await complaintDialog.getByRole('button', { name: 'Record complaint' }).click();
    const saved = page.getByRole('dialog', { name: 'Complaint recorded' });
    await expect(saved).toBeVisible();
    const [complaint] = await api(page, 'complaints.list', { customerId: customer.id });
    expect(complaint).toMatchObject({ status: 'open', owner: 'Li Na', severity: 'high', category: 'quality' });
    // High: two days to respond.
    const inDays = (Date.parse(complaint?.dueBy ?? '') - before) / 86_400_000;
    expect(inDays).toBeGreaterThan(1.99);
    expect(inDays).toBeLessThan(2.01);
    const dueShown = await shownDateTime(page, complaint?.dueBy ?? '');
    await expect(saved).toContainText(`Respond to ${COMPANY} by ${dueShown}.`);
    await expect(saved).toContainText('Owner: Li Na');
    await saved.getByRole('button', { name: 'Done' }).click();
    await expect(saved).toBeHidden();
    const complaintItem = complaintsSection.getByRole('listitem');
    await expect(complaintItem).toContainText('Open');
    await expect(complaintItem).toContainText('Quality');
    await expect(complaintItem).toContainText(`Respond by ${dueShown}`);

    // ---- The Needs page: a board by status with counts; move new → evaluating → planned → met.
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Needs' }).click();
    await expect(page).toHaveURL(/#\/needs$/);
    await expect(page.getByRole('heading', { name: 'Needs', level: 1 })).toBeVisible();
    const count = (status: string) => page.getByTestId(`needs-count-${status}`);
    const column = (name: string) => page.getByRole('region', { name, exact: true });
    const cardName = `${COMPANY}: Packaging`;
    await expect(count('new')).toHaveText('1');
    await expect(count('evaluating')).toHaveText('0');
    const newCard = column('New').getByRole('article', { name: cardName });
    await expect(newCard).toContainText('Retail boxes with Arabic text');
    await expect(newCard).toContainText('High priority');
    await expect(newCard.getByRole('link', { name: COMPANY })).toHaveAttribute('href', /#\/customers\?filter=/);

    // With the mouse: Move to… → Evaluating.
    await newCard.getByRole('button', { name: /^Move to…/ }).click();
    await page.getByRole('menu').getByRole('menuitem', { name: 'Evaluating' }).click();
    await expect(page.getByRole('status')).toContainText(`Need from ${COMPANY} moved to Evaluating.`);
    await expect(count('new')).toHaveText('0');
    await expect(count('evaluating')).toHaveText('1');
    const evaluatingCard = column('Evaluating').getByRole('article', { name: cardName });
    await expect(evaluatingCard).toBeVisible();

    // With the keyboard: focus follows the card; Enter opens the menu on its first item (New), ↓ Planned, Enter.
    const moveButton = evaluatingCard.getByRole('button', { name: /^Move to…/ });
    await expect(moveButton).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menuitem', { name: 'New' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('menuitem', { name: 'Planned' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(count('evaluating')).toHaveText('0');
    await expect(count('planned')).toHaveText('1');
    const plannedCard = column('Planned').getByRole('article', { name: cardName });
    await expect(plannedCard.getByRole('button', { name: /^Move to…/ })).toBeFocused();
    // Escape closes the menu without moving anything.
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('menu')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu')).toBeHidden();
    await expect(count('planned')).toHaveText('1');

    await plannedCard.getByRole('button', { name: /^Move to…/ }).click();
    await page.getByRole('menuitem', { name: 'Met' }).click();
    await expect(count('planned')).toHaveText('0');
    await expect(count('met')).toHaveText('1');
    await expect(column('Met').getByRole('article', { name: cardName })).toBeVisible();

    // Filters: priority Low leaves nothing; back to all.
    await chooseOption(page.getByLabel('Priority', { exact: true }), 'Low');
    await expect(count('met')).toHaveText('0');
    await expect(page.getByText('No needs match these filters.')).toBeVisible();
    await chooseOption(page.getByLabel('Priority', { exact: true }), 'All priorities');
    await expect(count('met')).toHaveText('1');

    // Counts by market: Asia (AE) and the customer's industry, under the Met column.
    const byContinent = page.getByRole('table', { name: 'Needs by continent' });
    const metIndex = await byContinent.getByRole('columnheader').allTextContents();
    expect(metIndex).toEqual(['Continent', 'Met', 'Total']);
    await expect(byContinent.getByRole('row', { name: /Asia/ })).toHaveText(/Asia\s*1\s*1/);
    await expect(page.getByRole('table', { name: 'Needs by industry' }).getByRole('row', { name: /Lights & Lighting/ })).toBeVisible();
    await chooseOption(page.getByLabel('Areas by'), 'Region');
    await expect(page.getByRole('table', { name: 'Needs by region' }).getByRole('row', { name: /Western Asia/ })).toBeVisible();
    // Grouped by category, the columns are categories.
    await chooseOption(page.getByLabel('Group by'), 'Category');
    await expect(count('packaging')).toHaveText('1');
    await expect(count('price')).toHaveText('0');
    await expect(page.getByRole('table', { name: 'Needs by region' }).getByRole('columnheader')).toHaveText([
      'Region',
      'Packaging',
      'Total',
    ]);

    // ---- The Complaints page: open → in progress → resolved (a note is required) → closed.
    await nav.getByRole('link', { name: 'Complaints' }).click();
    await expect(page).toHaveURL(/#\/complaints$/);
    await expect(page.getByRole('heading', { name: 'Complaints', level: 1 })).toBeVisible();
    await expect(page.getByRole('tab', { name: /^Open/ })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('complaints-count-open')).toHaveText('1');
    await expect(page.getByTestId('complaints-count-overdue')).toHaveText('0');
    const rowName = `High · Quality · ${COMPANY}`;
    const openRow = page.getByRole('table', { name: 'Open' }).getByRole('row', { name: rowName });
    await expect(openRow).toContainText(dueShown);
    await expect(openRow).toContainText('Li Na');
    await expect(openRow).toContainText('12 of 500 panels flicker');
    await expect(openRow).not.toContainText('Overdue');
    await openRow.getByRole('button', { name: 'Start' }).click();
    await expect(page.getByRole('status')).toContainText(`Complaint from ${COMPANY}: In progress.`);
    await expect(page.getByTestId('complaints-count-open')).toHaveText('0');
    await expect(page.getByTestId('complaints-count-in_progress')).toHaveText('1');
    await expect(page.getByText('No open complaints.')).toBeVisible();

    // Tabs work from the keyboard: → moves to In progress, Enter opens it.
    await page.getByRole('tab', { name: /^Open/ }).focus();
    await page.keyboard.press('ArrowRight');
    // (antd reads out "Tab 2 of 4" on the focused tab, part of its name while it has the focus.)
    await expect(page.getByRole('tab', { name: /In progress/ })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('tab', { name: /In progress/ })).toHaveAttribute('aria-selected', 'true');
    const workingRow = page.getByRole('table', { name: 'In progress' }).getByRole('row', { name: rowName });
    await workingRow.focus();
    await page.keyboard.press('r');
    const resolve = page.getByRole('dialog', { name: 'Resolve complaint' });
    await expect(resolve.getByRole('textbox', { name: 'Resolution' })).toBeFocused();
    // Without a note the engine refuses; its refusal shows on the field and the dialog stays.
    await resolve.getByRole('button', { name: 'Resolve' }).click();
    await expect(
      resolve.getByText('Write what was done for the customer: a complaint cannot be resolved without a resolution note.'),
    ).toBeVisible();
    await expect(resolve.getByRole('textbox', { name: 'Resolution' })).toBeFocused();
    expect((await api(page, 'complaints.list', { customerId: customer.id }))[0]?.status).toBe('in_progress');
    await resolve.getByRole('textbox', { name: 'Resolution' }).fill('Replaced 12 drivers, shipped with the next order');
    await resolve.getByRole('button', { name: 'Resolve' }).click();
    await expect(resolve).toBeHidden();
    await expect(page.getByRole('status')).toContainText(`Complaint from ${COMPANY} resolved.`);
    await expect(page.getByTestId('complaints-count-in_progress')).toHaveText('0');
    await expect(page.getByTestId('complaints-count-resolved')).toHaveText('1');

    await page.getByRole('tab', { name: /^Resolved/ }).click();
    const resolvedRow = page.getByRole('table', { name: 'Resolved' }).getByRole('row', { name: rowName });
    await expect(resolvedRow).toContainText('Resolution: Replaced 12 drivers, shipped with the next order');
    await resolvedRow.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByTestId('complaints-count-resolved')).toHaveText('0');
    await expect(page.getByTestId('complaints-count-closed')).toHaveText('1');
    await page.getByRole('tab', { name: /^Closed/ }).click();
    await expect(page.getByRole('table', { name: 'Closed' }).getByRole('row', { name: rowName })).toBeVisible();

    // ---- Back in the customer's panel: the final statuses.
    await nav.getByRole('link', { name: 'Customers' }).click();
    await page.getByRole('grid', { name: 'Customer list' }).getByRole('gridcell', { name: COMPANY }).click();
    await expect(needsSection.getByRole('listitem')).toContainText('Met');
    await expect(complaintsSection.getByRole('listitem')).toContainText('Closed');
    await expect(complaintsSection.getByRole('listitem')).toContainText('Resolved');

    const [need] = await api(page, 'needs.list', { customerId: customer.id });
    expect(need).toMatchObject({ status: 'met', priority: 'high', category: 'packaging', description: 'Retail boxes with Arabic text' });
    const [closed] = await api(page, 'complaints.list', { customerId: customer.id });
    expect(closed).toMatchObject({ status: 'closed', resolution: 'Replaced 12 drivers, shipped with the next order' });
  });

  test('from the Complaints page: a complaint for a customer picked by typing, with its order, the amount claimed and a photo', async ({
    app,
  }) => {
    const { page } = app;
    const customer = await api(page, 'customers.create', { company: COMPANY, country: 'AE', owner: 'Li Na' });
    await api(page, 'customers.create', { company: 'Harbor Freight Ltd', country: 'GB', owner: 'Chen Wei' });
    await importCsv(page, 'orders.csv', [
      'Order No,Order Date,Company,Country,Amount,Currency',
      `HL-1001,2026-10-15,${COMPANY},AE,12345.00,EUR`,
      `HL-1002,2026-11-02,${COMPANY},AE,800.00,USD`,
    ]);
    await app.reload();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Complaints' }).click();
    await expect(page.getByRole('heading', { name: 'Complaints', level: 1 })).toBeVisible();

    // The button opens the dialog on its customer picker; Escape closes it and gives the button its focus back.
    const newButton = page.getByRole('button', { name: 'New complaint' });
    await newButton.click();
    const dialog = page.getByRole('dialog', { name: 'New complaint' });
    const picker = dialog.getByRole('combobox', { name: 'Customer' });
    await expect(picker).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(newButton).toBeFocused();

    // Ctrl+N opens it too. Without a customer nothing is saved.
    await page.getByRole('heading', { name: 'Complaints', level: 1 }).click();
    await page.keyboard.press('Control+n');
    await expect(picker).toBeFocused();
    await dialog.getByRole('textbox', { name: 'Description' }).fill('Water damage on 40 cartons');
    await dialog.getByRole('button', { name: 'Record complaint' }).click();
    await expect(dialog.getByText('Choose the customer: type part of the company name and pick it from the list.')).toBeVisible();
    await expect(picker).toBeFocused();
    await expect(dialog.getByRole('combobox', { name: 'Order' })).toBeDisabled();

    // Type part of the name, ↓, Enter: the customer, their owner, their orders (newest first).
    await picker.fill('harbor l');
    const options = dialog.getByRole('listbox', { name: 'Matching customers' }).getByRole('option');
    await expect(options).toHaveCount(1);
    await expect(options.first()).toContainText(COMPANY);
    await picker.fill('harbor');
    await expect(options).toHaveCount(2);
    await picker.fill('harbor li');
    await expect(options).toHaveCount(1);
    await page.keyboard.press('ArrowDown');
    await expect(options.first()).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(picker).toHaveValue(COMPANY);
    await expect(dialog.getByRole('combobox', { name: 'Owner' })).toHaveValue('Li Na');
    const order = dialog.getByRole('combobox', { name: 'Order' });
    await expect(order).toBeEnabled();
    await expect((await openList(order)).getByRole('option')).toHaveText([
      'No particular order',
      /^HL-1002 · /,
      /^HL-1001 · .*€12,345\.00$/,
    ]);
    await order.press('Escape');

    await chooseOption(dialog.getByRole('combobox', { name: 'Category' }), 'Packaging');
    await chooseOption(dialog.getByRole('combobox', { name: 'Severity' }), 'High');
    const currency = dialog.getByRole('combobox', { name: 'Currency' });
    await expect(shownChoice(currency)).toHaveText(/^USD · /);
    await chooseOption(order, 'HL-1001');
    // The claim's currency follows the order's.
    await expect(shownChoice(currency)).toHaveText(/^EUR · /);
    await dialog.getByRole('textbox', { name: 'Amount claimed' }).fill('1200.50');

    // Photos: a real one and a file that only claims to be one; the engine refuses the second by its bytes.
    const photos = dialog.getByLabel('Photos', { exact: true });
    await photos.setInputFiles([
      { name: 'wet-cartons.png', mimeType: 'image/png', buffer: PNG },
      { name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not a picture') },
    ]);
    const attached = dialog.getByRole('list', { name: 'Attached photos' });
    await expect(attached.getByRole('listitem')).toHaveCount(2);
    await expect(attached.getByRole('img', { name: 'wet-cartons.png' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Record complaint' }).click();
    await expect(dialog.getByText('“notes.png” is not a JPEG, PNG, WebP or HEIC image.')).toBeVisible();
    await expect(photos).toBeFocused();
    expect(await api(page, 'complaints.list', { customerId: customer.id })).toEqual([]);
    await attached.getByRole('button', { name: 'Remove photo notes.png' }).click();
    await expect(attached.getByRole('listitem')).toHaveCount(1);

    await dialog.getByRole('button', { name: 'Record complaint' }).click();
    const saved = page.getByRole('dialog', { name: 'Complaint recorded' });
    await expect(saved).toContainText('Owner: Li Na');
    await saved.getByRole('button', { name: 'Done' }).click();

    // The new row is in the Open list, focused, with its order, claim and photo.
    const row = page.getByRole('table', { name: 'Open' }).getByRole('row', { name: `High · Packaging · ${COMPANY}` });
    await expect(row).toBeFocused();
    await expect(row).toContainText('Water damage on 40 cartons');
    await expect(row).toContainText('Order HL-1001');
    await expect(row).toContainText('Claimed €1,200.50');
    await expect(row.getByRole('img', { name: 'wet-cartons.png' })).toBeVisible();
    const [complaint] = await api(page, 'complaints.list', { customerId: customer.id });
    expect(complaint).toMatchObject({
      severity: 'high',
      category: 'packaging',
      owner: 'Li Na',
      order: { externalNo: 'HL-1001', amountMinor: 1_234_500, currency: 'EUR' },
      claim: { amountMinor: 120_050, currency: 'EUR' },
      photos: [{ fileName: 'wet-cartons.png', mime: 'image/png', sizeBytes: PNG.length }],
    });

    // The customer's timeline shows them on the complaint's entry.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Customers' }).click();
    await page.getByRole('grid', { name: 'Customer list' }).getByRole('gridcell', { name: COMPANY }).click();
    const timeline = page.getByRole('complementary', { name: COMPANY }).getByRole('region', { name: 'Timeline' });
    const entry = timeline.getByRole('listitem').filter({ hasText: 'Complaint opened' });
    await expect(entry).toContainText('Order HL-1001');
    await expect(entry).toContainText('Claimed €1,200.50');
    await expect(entry.getByRole('img', { name: 'wet-cartons.png' })).toBeVisible();
  });

  test('from the Needs page: a need for a customer picked by typing, focused on the board', async ({ app }) => {
    const { page } = app;
    await api(page, 'customers.create', { company: 'Nordic Tools AB', country: 'SE', owner: 'Chen Wei' });
    await api(page, 'customers.create', { company: COMPANY, country: 'AE', owner: 'Li Na' });
    await app.reload();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Needs' }).click();
    await expect(page.getByText('No needs recorded yet. Choose “New need” (Ctrl+N)')).toBeVisible();

    await page.keyboard.press('Control+n');
    const dialog = page.getByRole('dialog', { name: 'New need' });
    const picker = dialog.getByRole('combobox', { name: 'Customer' });
    await expect(picker).toBeFocused();
    await picker.pressSequentially('nord');
    await expect(dialog.getByRole('option', { name: /Nordic Tools AB/ })).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(picker).toHaveValue('Nordic Tools AB');
    await chooseOption(dialog.getByRole('combobox', { name: 'Category' }), 'Price');
    await dialog.getByRole('textbox', { name: 'Description' }).fill('Tiered prices from 500 pieces');
    await dialog.getByRole('button', { name: 'Record need' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status')).toContainText('Need from Nordic Tools AB recorded (New).');
    const card = page.getByRole('region', { name: 'New', exact: true }).getByRole('article', { name: 'Nordic Tools AB: Price' });
    await expect(card).toContainText('Tiered prices from 500 pieces');
    await expect(card.getByRole('button', { name: /^Move to…/ })).toBeFocused();
    await expect(page.getByTestId('needs-count-new')).toHaveText('1');
  });

  test('in Chinese (zh-CN) the pages show their Chinese titles and labels', async ({ app }) => {
    const { page } = app;
    const customer = await api(page, 'customers.create', { company: 'Berlin Licht GmbH', country: 'DE', owner: 'Lily' });
    await api(page, 'needs.create', { customerId: customer.id, category: 'delivery_time', description: 'Faster lead time' });
    await api(page, 'complaints.create', { customerId: customer.id, category: 'delivery', severity: 'low', description: 'Late by a week' });
    await app.reload();
    await chooseOption(page.getByRole('combobox', { name: 'Language' }), '简体中文');

    const base = page.url().split('#')[0] ?? '';
    await page.goto(`${base}#/needs`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('客户需求');
    await expect(
      page.getByRole('region', { name: '新需求', exact: true }).getByRole('article', { name: 'Berlin Licht GmbH：交期' }),
    ).toBeVisible();
    await expect(page.getByRole('heading', { name: '按市场统计' })).toBeVisible();
    await expect(page.getByRole('table', { name: '按大洲统计的需求' }).getByRole('row', { name: /欧洲/ })).toBeVisible();

    await page.goto(`${base}#/complaints`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('投诉');
    await expect(page.getByRole('tab', { name: /^待处理/ })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('table', { name: '待处理' }).getByRole('row', { name: '低 · 交货 · Berlin Licht GmbH' })).toContainText(
      '开始处理',
    );
  });
});
