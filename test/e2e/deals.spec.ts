import type { Page } from '@playwright/test';
import { chooseOption } from './choose-option';
import { api } from './engine-api';
import { expect, test } from './fixtures';

/** Imports a CSV file with the mapping the engine recognises, as the import screen would. */
async function importCsv(page: Page, fileName: string, lines: string[]): Promise<void> {
  const contentBase64 = Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8').toString('base64');
  const analyzed = await api(page, 'import.analyze', { fileName, contentBase64 });
  await api(page, 'import.commit', { fileId: analyzed.fileId, kind: analyzed.kind, mapping: analyzed.mapping });
}

const COMPANY = 'Harbor Lights Trading LLC';
const OTHER = 'Nordic Tools AB';

test.describe('deals', () => {
  test('create a deal from a customer, drag it to negotiation, win it (the order appears, totals move), lose another with a reason', async ({
    app,
  }) => {
    const { page } = app;
    const customer = await api(page, 'customers.create', {
      company: COMPANY,
      country: 'AE',
      industry: 'Lights & Lighting',
      owner: 'Li Na',
    });
    const other = await api(page, 'customers.create', { company: OTHER, country: 'SE', owner: 'Chen Wei' });
    await api(page, 'currency.save', { base: 'USD', rates: {} });
    // A second deal, to lose.
    await api(page, 'deals.create', {
      customerId: other.id,
      title: 'Socket wrenches',
      amountMinor: 300_000,
      currency: 'USD',
      stage: 'quoted',
    });
    await app.reload();

    // ---- From the customer's panel: New deal (Enter saves).
    await page.getByRole('grid', { name: 'Customer list' }).getByRole('gridcell', { name: COMPANY }).click();
    const panel = page.getByRole('complementary', { name: COMPANY });
    const section = panel.getByRole('region', { name: 'Deals' });
    await expect(section).toContainText('No deals yet.');
    await section.getByRole('button', { name: 'New deal' }).click();
    const dialog = page.getByRole('dialog', { name: `New deal for ${COMPANY}` });
    // An empty title is refused with a localized message.
    await dialog.getByRole('button', { name: 'Create deal' }).click();
    await expect(dialog.getByText('Give the deal a title.')).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Title' }).fill('LED panels 600×600, 2 containers');
    await dialog.getByRole('textbox', { name: 'Amount' }).fill('45000');
    await dialog.getByRole('textbox', { name: 'Amount' }).press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status')).toContainText(`Deal “LED panels 600×600, 2 containers” created for ${COMPANY}.`);
    await expect(section.getByRole('listitem')).toHaveCount(1);
    await expect(section.getByRole('listitem')).toContainText('Inquiry');
    await expect(section.getByRole('listitem')).toContainText('$45,000.00');
    // Edit it: the amount (Enter saves).
    await section.getByRole('button', { name: 'Edit LED panels 600×600, 2 containers' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit deal “LED panels 600×600, 2 containers”' });
    await expect(edit.getByRole('textbox', { name: 'Amount' })).toHaveValue('45000.00');
    await edit.getByRole('textbox', { name: 'Amount' }).fill('48000');
    await edit.getByRole('textbox', { name: 'Amount' }).press('Enter');
    await expect(edit).toBeHidden();
    await expect(page.getByRole('status')).toContainText('Deal “LED panels 600×600, 2 containers” saved.');
    await expect(section.getByRole('listitem')).toContainText('$48,000.00');

    // ---- The Deals page: columns with counts and totals.
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Deals' }).click();
    await expect(page).toHaveURL(/#\/deals$/);
    await expect(page.getByRole('heading', { name: 'Deals', level: 1 })).toBeVisible();
    const count = (s: string) => page.getByTestId(`deals-count-${s}`);
    const total = (s: string) => page.getByTestId(`deals-total-${s}`);
    const column = (name: string) => page.getByRole('region', { name, exact: true });
    await expect(count('inquiry')).toHaveText('1');
    await expect(total('inquiry')).toHaveText('Total $48,000');
    await expect(page.getByTestId('deals-weighted-inquiry')).toHaveText('Weighted $4,800 (10%)');
    await expect(count('quoted')).toHaveText('1');
    await expect(page.getByTestId('deals-summary')).toHaveText('Open pipeline $51,000 · weighted $5,550');
    const cardName = `${COMPANY}: LED panels 600×600, 2 containers`;

    // Drag the card to Negotiation.
    const card = column('Inquiry').getByRole('article', { name: `${cardName}, Inquiry` });
    await card.dragTo(column('Negotiation'));
    await expect(page.getByRole('status')).toContainText('“LED panels 600×600, 2 containers” moved to Negotiation.');
    await expect(count('inquiry')).toHaveText('0');
    await expect(count('negotiation')).toHaveText('1');
    await expect(page.getByTestId('deals-weighted-negotiation')).toHaveText('Weighted $28,800 (60%)');

    // Win it by keyboard: focus is on its Move to… button; Won asks first, then the order is created.
    const negotiationCard = column('Negotiation').getByRole('article', { name: `${cardName}, Negotiation` });
    const moveButton = negotiationCard.getByRole('button', { name: /^Move to…/ });
    await expect(moveButton).toBeFocused();
    await page.keyboard.press('Enter');
    // Inquiry, Quoted, Sample, Won, Lost: ↓ three times.
    await expect(page.getByRole('menuitem', { name: 'Inquiry' })).toBeFocused();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('menuitem', { name: 'Won' })).toBeFocused();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('alertdialog', { name: 'Mark “LED panels 600×600, 2 containers” as won?' });
    await expect(confirm).toContainText(`An order of $48,000.00 for ${COMPANY} is created today`);
    await confirm.getByRole('button', { name: 'Mark as won' }).click();
    await expect(page.getByRole('status')).toContainText(`“LED panels 600×600, 2 containers” won. Order created for ${COMPANY}.`);
    await expect(count('negotiation')).toHaveText('0');
    await expect(count('won')).toHaveText('1');
    await expect(total('won')).toHaveText('Total $48,000');
    await expect(page.getByTestId('deals-summary')).toHaveText('Open pipeline $3,000 · weighted $750');
    const orders = await api(page, 'timeline.list', { customerId: customer.id, kinds: ['order'], limit: 10 });
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ amountMinor: 4_800_000, currency: 'USD' });

    // ---- Lose the other: the reason is asked for and required.
    const otherCard = column('Quoted').getByRole('article', { name: `${OTHER}: Socket wrenches, Quoted` });
    await otherCard.getByRole('button', { name: /^Move to…/ }).click();
    await page.getByRole('menuitem', { name: 'Lost' }).click();
    const lost = page.getByRole('dialog', { name: 'Mark “Socket wrenches” as lost' });
    await lost.getByRole('button', { name: 'Mark as lost' }).click();
    await expect(lost.getByText('Choose why the deal was lost.')).toBeVisible();
    await expect(count('quoted')).toHaveText('1');
    await chooseOption(lost.getByRole('combobox', { name: 'Reason' }), 'Went to a competitor');
    await lost.getByRole('textbox', { name: 'Note (optional)' }).fill('Cheaper offer from Ningbo');
    await lost.getByRole('button', { name: 'Mark as lost' }).click();
    await expect(lost).toBeHidden();
    await expect(page.getByRole('status')).toContainText('“Socket wrenches” marked as lost (Went to a competitor).');
    await expect(count('quoted')).toHaveText('0');
    await expect(count('lost')).toHaveText('1');
    await expect(column('Lost').getByRole('article')).toContainText('Lost: Went to a competitor');
    await expect(page.getByTestId('deals-summary')).toHaveText('Open pipeline $0 · weighted $0');

    // ---- Settings → Follow-up rules: the stage probabilities weigh the totals; a bad value is refused in words.
    await nav.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('tab', { name: 'Follow-up rules', exact: true }).click();
    const settings = page.getByRole('region', { name: 'Deals pipeline' });
    const won = settings.getByRole('textbox', { name: 'Won probability (%)' });
    await expect(won).toHaveValue('100');
    await won.fill('120');
    await settings.getByRole('button', { name: 'Save pipeline settings' }).click();
    await expect(settings.getByText('Not saved: check the marked fields.')).toBeVisible();
    await expect(won).toHaveAccessibleDescription(/Enter a whole number from 0 to 100\./);
    await won.fill('90');
    await settings.getByRole('textbox', { name: 'Stale after (days)' }).fill('7');
    await settings.getByRole('button', { name: 'Save pipeline settings' }).click();
    await expect(page.getByRole('status')).toContainText('Pipeline settings saved.');
    expect(await api(page, 'deals.settings', {})).toMatchObject({ staleDays: 7, probabilities: { won: 90, negotiation: 60 } });
    await nav.getByRole('link', { name: 'Deals' }).click();
    await expect(page.getByTestId('deals-weighted-won')).toHaveText('Weighted $43,200 (90%)');

    // ---- The order is on the customer: its panel shows the won deal and the order on the timeline.
    await nav.getByRole('link', { name: 'Customers' }).click();
    await page.getByRole('grid', { name: 'Customer list' }).getByRole('gridcell', { name: COMPANY }).click();
    const item = page.getByRole('complementary', { name: COMPANY }).getByRole('region', { name: 'Deals' }).getByRole('listitem');
    await expect(item).toContainText('Won');
    await expect(item).toContainText('Order created');
    // The deal's history is on the customer's timeline, in words.
    const customerPanel = page.getByRole('complementary', { name: COMPANY });
    await expect(customerPanel.getByText('Deal won', { exact: true })).toBeVisible();
    await expect(customerPanel.getByText('LED panels 600×600, 2 containers: Inquiry → Negotiation', { exact: true })).toBeVisible();
  });

  test('a deal from an inquiry: picked on the Deals page, its title proposed from the inquiry', async ({ app }) => {
    const { page } = app;
    await importCsv(page, 'inquiries.csv', [
      'Inquiry ID,Inquiry Time,Company,Country,Email,Product Name,Quantity,Subject',
      `8001,2026-11-02 09:00,${COMPANY},AE,buyer@harborlights.ae,Ultra slim panel,500,Panels for a hotel`,
    ]);
    await app.reload();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Deals' }).click();
    await page.getByRole('button', { name: 'New deal' }).click();
    const dialog = page.getByRole('dialog', { name: 'New deal' });
    // Escape closes, nothing saved; open again.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await page.getByRole('button', { name: 'New deal' }).click();
    await dialog.getByRole('button', { name: 'Create deal' }).click();
    await expect(dialog.getByText('Give the deal a title.')).toBeVisible();
    const picker = dialog.getByRole('combobox', { name: 'Customer' });
    await picker.fill('Harbor');
    await expect(page.getByRole('option', { name: new RegExp(COMPANY) })).toBeVisible();
    await picker.press('Enter');
    await chooseOption(dialog.getByRole('combobox', { name: 'Start from' }), 'One of the customer’s inquiries');
    await chooseOption(dialog.getByRole('combobox', { name: 'Inquiry' }), 'Panels', /Panels for a hotel/);
    const title = dialog.getByRole('textbox', { name: 'Title' });
    await expect(title).toHaveValue('Ultra slim panel × 500');
    await expect(dialog.getByText('Proposed from the inquiry; no catalogue price matched, enter the amount.')).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Amount' }).fill('12x');
    await dialog.getByRole('textbox', { name: 'Amount' }).press('Enter');
    await expect(dialog.getByText('Enter an amount of 0 or more, e.g. 12500.50.')).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Amount' }).fill('9,250.50');
    await dialog.getByRole('textbox', { name: 'Amount' }).press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('deals-count-inquiry')).toHaveText('1');
    const [deal] = await api(page, 'deals.list', {});
    expect(deal).toMatchObject({ company: COMPANY, title: 'Ultra slim panel × 500', amountMinor: 925_050, currency: 'USD' });
    expect(deal?.inquiryId).not.toBeNull();
  });
});
