import { chooseOption, shownChoice } from './choose-option';
import { api } from './engine-api';
import { expect, test } from './fixtures';

test.describe('customers', () => {
  test('create a customer, find it, sort, edit, and see the change survive a reload', async ({ app }) => {
    const { page } = app;
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Customers', exact: true })).toBeVisible();
    // A database that was never used opens to the welcome screen.
    await expect(page.getByRole('heading', { name: 'Welcome to ExportDesk' })).toBeVisible();

    // Create two customers through the New customer dialog, by keyboard where a user would.
    for (const [company, country, email] of [
      ['Atlas Imports Co., Ltd', 'TR', 'david.tanaka@atlasimports.example'],
      ['Eagle Lighting GmbH', 'DE', 'kwame@eaglelighting.example'],
    ] as const) {
      await page.getByRole('button', { name: 'New customer' }).click();
      const dialog = page.getByRole('dialog', { name: 'New customer' });
      await expect(dialog.getByRole('textbox', { name: 'Company' })).toBeFocused();
      await dialog.getByRole('textbox', { name: 'Company' }).fill(company);
      await chooseOption(dialog.getByRole('combobox', { name: 'Country' }), country, `(${country})`);
      await dialog.getByRole('textbox', { name: 'Email' }).fill(email);
      await dialog.getByRole('button', { name: 'Save' }).click();
      await expect(dialog).toBeHidden();
    }
    const grid = page.getByRole('grid', { name: 'Customer list' });
    await expect(grid.getByRole('row')).toHaveCount(3); // header + 2

    // Find it by search.
    await page.getByRole('searchbox', { name: 'Search customers' }).fill('eagle');
    await expect(grid.getByRole('row')).toHaveCount(2);
    await expect(grid.getByRole('gridcell', { name: 'Eagle Lighting GmbH' })).toBeVisible();
    await page.getByRole('searchbox', { name: 'Search customers' }).fill('');
    await expect(grid.getByRole('row')).toHaveCount(3);

    // Sort by company, descending then ascending.
    const companyHeader = grid.getByRole('columnheader', { name: 'Company' });
    await companyHeader.click();
    const firstCompany = () => grid.getByRole('row').nth(1).getByRole('gridcell').first();
    const sortState = await companyHeader.getAttribute('aria-sort');
    if (sortState === 'ascending') await companyHeader.click();
    await expect(companyHeader).toHaveAttribute('aria-sort', 'descending');
    await expect(firstCompany()).toHaveText('Eagle Lighting GmbH');
    await companyHeader.click();
    await expect(companyHeader).toHaveAttribute('aria-sort', 'ascending');
    await expect(firstCompany()).toHaveText('Atlas Imports Co., Ltd');

    // Edit: open the detail panel, change the city and the owner.
    await grid.getByRole('gridcell', { name: 'Atlas Imports Co., Ltd' }).click();
    const panel = page.getByRole('complementary', { name: 'Atlas Imports Co., Ltd' });
    await expect(panel).toBeVisible();
    await panel.getByRole('button', { name: 'Edit' }).click();
    await panel.getByLabel('City', { exact: true }).fill('Istanbul');
    await panel.getByLabel('Owner', { exact: true }).fill('王芳');
    await panel.getByRole('button', { name: 'Save' }).click();
    // City and owner head the panel; every field is one click away under "All details".
    await expect(panel.getByText(/Istanbul · Owner: 王芳/)).toBeVisible();
    await panel.locator('summary', { hasText: 'All details' }).click();
    await expect(panel.getByText('Istanbul', { exact: true })).toBeVisible();

    // Reopen the app: the change is in the database, not just on screen.
    await app.reload();
    await page.getByRole('searchbox', { name: 'Search customers' }).fill('atlas');
    await expect(grid.getByRole('row')).toHaveCount(2);
    await grid.getByRole('gridcell', { name: 'Atlas Imports Co., Ltd' }).click();
    const reopened = page.getByRole('complementary', { name: 'Atlas Imports Co., Ltd' });
    await expect(reopened.getByText(/Istanbul · Owner: 王芳/)).toBeVisible();
    await expect(reopened.getByText('david.tanaka@atlasimports.example').first()).toBeVisible();
  });

  test('bad input shows a clear error and saves nothing', async ({ app }) => {
    const { page } = app;
    await page.getByRole('button', { name: 'New customer' }).click();
    const dialog = page.getByRole('dialog', { name: 'New customer' });
    await dialog.getByRole('textbox', { name: 'Company' }).fill('Bad Email Trading');
    await dialog.getByRole('textbox', { name: 'Email' }).fill('not-an-email');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('alert')).toContainText(/email/i);
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    const discard = page.getByRole('alertdialog', { name: 'Discard unsaved changes?' });
    if (await discard.isVisible()) await discard.getByRole('button', { name: 'Discard changes' }).click();
    // Still empty: the engine refused the customer and nothing was written.
    await expect(page.getByRole('heading', { name: 'Welcome to ExportDesk' })).toBeVisible();
    await app.reload();
    await expect(page.getByRole('heading', { name: 'Welcome to ExportDesk' })).toBeVisible();
  });

  test('archive hides a customer; show archived brings it back', async ({ app }) => {
    const { page } = app;
    await page.getByRole('button', { name: 'New customer' }).click();
    const dialog = page.getByRole('dialog', { name: 'New customer' });
    await dialog.getByRole('textbox', { name: 'Company' }).fill('Old Buyer SARL');
    await dialog.getByRole('button', { name: 'Save' }).click();
    const grid = page.getByRole('grid', { name: 'Customer list' });
    await grid.getByRole('gridcell', { name: 'Old Buyer SARL' }).click();
    await page.getByRole('complementary', { name: 'Old Buyer SARL' }).getByRole('button', { name: 'Archive' }).click();
    await expect(grid.getByRole('gridcell', { name: 'Old Buyer SARL' })).toHaveCount(0);
    await page.getByRole('checkbox', { name: 'Show archived' }).check();
    await expect(grid.getByRole('gridcell', { name: 'Old Buyer SARL' })).toBeVisible();
  });

  test('typing an existing customer’s e-mail in New customer says who has it (no team: this book), and saving stays possible', async ({
    app,
  }) => {
    const { page } = app;
    await api(page, 'customers.create', {
      company: 'Dune Traders FZE',
      country: 'AE',
      owner: 'Li Na',
      contacts: [{ name: 'Sara', email: 'sara@dune-traders.example' }],
    });
    await page.getByRole('button', { name: 'New customer' }).click();
    const dialog = page.getByRole('dialog', { name: 'New customer' });
    await dialog.getByRole('textbox', { name: 'Company' }).fill('Sara at the fair');
    const check = dialog.getByRole('status').filter({ has: page.getByText('This customer may already be in your book') });
    await dialog.getByRole('textbox', { name: 'Email' }).fill('Sara@Dune-Traders.example');
    await expect(check).toContainText(/Dune Traders FZE: already owned by Li Na since .+ \(same e-mail, same company domain\)/);
    await expect(dialog.getByRole('button', { name: 'Save' })).toBeEnabled();
    // Its link opens the customer instead (the typed draft is discarded on request).
    await check.getByRole('link', { name: 'Open Dune Traders FZE' }).click();
    await page.getByRole('alertdialog', { name: 'Discard unsaved changes?' }).getByRole('button', { name: 'Discard changes' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('complementary', { name: 'Dune Traders FZE' })).toBeVisible();
  });

  test('switching the language re-renders in Chinese', async ({ app }) => {
    const { page } = app;
    await chooseOption(page.getByRole('combobox', { name: 'Language' }), '简体中文');
    await expect(page.getByRole('heading', { name: '客户', exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: '新建客户' })).toBeVisible();
    await app.reload();
    await expect(page.getByRole('heading', { name: '客户', exact: true })).toBeVisible();
  });

  test('the panel puts a salesperson first: contacts with links and copy, the next step, notes, the status with its reason', async ({
    app,
  }) => {
    const { page } = app;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const c = await api(page, 'customers.create', {
      company: 'Harbor Lights Trading LLC',
      country: 'AE',
      owner: 'Li Na',
      notes: 'Prefers WhatsApp after 16:00 Dubai time.',
      contacts: [
        {
          name: 'Omar Hassan',
          email: 'omar@harborlights.example',
          phone: '+971 4 555 0199',
          whatsapp: '+971 50 123 4567',
          wechat: 'omar_hl',
        },
      ],
    });
    await api(page, 'followups.create', {
      customerId: c.id,
      type: 'call',
      dueAt: new Date(Date.now() - 86_400_000).toISOString(),
      note: 'Send the price list',
    });
    await app.reload();
    await page.getByRole('grid', { name: 'Customer list' }).getByRole('gridcell', { name: 'Harbor Lights Trading LLC' }).click();
    const panel = page.getByRole('complementary', { name: 'Harbor Lights Trading LLC' });

    // Contacts first, then the next step, then notes; the classification and every field are folded below.
    await expect(panel.getByRole('heading', { level: 3 })).toHaveText(
      [
        'Contacts',
        'Next step',
        'Notes',
        'Deals',
        'Products asked for / bought',
        'Products to offer',
        'Quotations and PIs',
        'Needs',
        'Complaints',
        'Timeline',
      ],
      {
        useInnerText: true,
      },
    );
    await expect(panel.getByText(/^Version \d+$/)).toHaveCount(0);
    await expect(panel.getByText('United Arab Emirates · Owner: Li Na')).toBeVisible();

    // Each way to reach the contact opens the right app; WeChat has no link, only copy.
    await expect(panel.getByRole('link', { name: 'Email Omar Hassan: omar@harborlights.example' })).toHaveAttribute(
      'href',
      'mailto:omar@harborlights.example',
    );
    await expect(panel.getByRole('link', { name: 'Phone Omar Hassan: +971 4 555 0199' })).toHaveAttribute('href', 'tel:+97145550199');
    await expect(panel.getByRole('link', { name: 'WhatsApp Omar Hassan: +971 50 123 4567' })).toHaveAttribute(
      'href',
      'https://wa.me/971501234567',
    );
    await expect(panel.getByRole('link', { name: /WeChat/ })).toHaveCount(0);
    await panel.getByRole('button', { name: 'Copy WeChat of Omar Hassan' }).click();
    await expect(page.getByRole('status')).toHaveText('WeChat copied: omar_hl');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('omar_hl');

    const next = panel.getByRole('region', { name: 'Next step' });
    await expect(next).toContainText('Call');
    await expect(next).toContainText('overdue');
    await expect(next).toContainText('Send the price list');
    await expect(next).toContainText('No inquiries yet.');
    await expect(panel.getByRole('region', { name: 'Notes' })).toContainText('Prefers WhatsApp after 16:00 Dubai time.');

    // One status with its reason; RFM shown as secondary detail with its window.
    await expect(panel.getByTestId('customer-status')).toContainText('Status Inquiry');
    await expect(panel.getByTestId('customer-status')).toContainText('RFM: no orders in the window yet');
    await panel.locator('summary', { hasText: 'All details' }).click();
    await expect(panel.getByText('Prefers WhatsApp', { exact: false })).toHaveCount(1);

    // Closing the panel gives the focus back to the customer's row, by the close button and by Escape.
    const row = page.getByRole('grid', { name: 'Customer list' }).getByRole('row', { name: /Harbor Lights Trading LLC/ });
    await panel.getByRole('button', { name: 'Close details' }).click();
    await expect(panel).toHaveCount(0);
    await expect(row).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(panel).toBeVisible();
    await panel.getByRole('link', { name: /^Email Omar Hassan/ }).focus();
    await page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);
    await expect(row).toBeFocused();
  });

  test('a finished call is logged in ≤ 5 actions from the open customer: Ctrl+L, the outcome, Ctrl+Enter; it completes the follow-up due', async ({
    app,
  }) => {
    const { page } = app;
    const c = await api(page, 'customers.create', { company: 'Harbor Lights Trading LLC', country: 'AE', owner: 'Li Na' });
    await api(page, 'followups.create', { customerId: c.id, type: 'call', dueAt: new Date(Date.now() - 3_600_000).toISOString() });
    await app.reload();
    await page.getByRole('grid', { name: 'Customer list' }).getByRole('gridcell', { name: 'Harbor Lights Trading LLC' }).click();
    const panel = page.getByRole('complementary', { name: 'Harbor Lights Trading LLC' });
    await expect(panel.getByRole('region', { name: 'Next step' })).toContainText('overdue');

    let actions = 0;
    const press = async (key: string) => {
      actions++;
      await page.keyboard.press(key);
    };
    await press('Control+L');
    const dialog = page.getByRole('dialog', { name: 'Log a touch with Harbor Lights Trading LLC' });
    const outcome = dialog.getByRole('textbox', { name: 'What came of it' });
    await expect(outcome).toBeFocused();
    await expect(shownChoice(dialog.getByRole('combobox', { name: 'Type' }))).toHaveText('Call');
    await expect(dialog.getByRole('checkbox', { name: /^This was the Call due .+ \(mark it done\)$/ })).toBeChecked();
    await page.keyboard.insertText('Omar wants the price list for 600×600 panels');
    await press('Control+Enter');
    await expect(dialog).toBeHidden();
    expect(actions).toBeLessThanOrEqual(5);
    await expect(page.getByRole('status')).toHaveText('Logged for Harbor Lights Trading LLC: it is on the timeline.');
    await expect(panel.getByRole('region', { name: 'Next step' })).toContainText('No follow-up planned.');
    await expect(panel.getByRole('region', { name: 'Timeline' })).toContainText('Omar wants the price list for 600×600 panels');
    const done = await api(page, 'followups.list', { bucket: 'done', timeZone: 'UTC', customerId: c.id });
    expect(done.items).toHaveLength(1);
    expect(done.items[0]).toMatchObject({ type: 'call', outcome: 'Omar wants the price list for 600×600 panels' });
  });
});
