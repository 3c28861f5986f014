import { api } from './engine-api';
import { expect, test } from './fixtures';

const COMPANY = 'Harbor Lights Trading LLC';

test.describe('desktop conventions', () => {
  test('archiving a customer and removing a contact can be undone from the confirmation', async ({ app }) => {
    const { page } = app;
    const c = await api(page, 'customers.create', { company: COMPANY, country: 'AE', owner: '王芳' });
    await api(page, 'contacts.add', {
      customerId: c.id,
      contact: { name: 'Omar Hassan', email: 'omar@harborlights.example', isPrimary: true },
    });
    await api(page, 'contacts.add', {
      customerId: c.id,
      contact: { name: 'Aisha Khan', email: 'aisha@harborlights.example', phone: '+971 4 555 0101' },
    });
    await page.reload();

    const grid = page.getByRole('grid', { name: 'Customer list' });
    await grid.getByRole('gridcell', { name: COMPANY }).click();
    const panel = page.getByRole('complementary', { name: COMPANY });

    await panel.getByRole('button', { name: 'Archive' }).click();
    // The confirmation and its Undo are one notice.
    await expect(page.getByRole('status')).toHaveText(`${COMPANY} was archived.Undo`);
    await expect(panel.getByText('This customer is archived and hidden from the default list.')).toBeVisible();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByRole('status')).toHaveText(`${COMPANY} was restored.`);
    await expect(panel.getByText('This customer is archived and hidden from the default list.')).toBeHidden();
    expect((await api(page, 'customers.get', { id: c.id })).archivedAt).toBeNull();

    await panel.getByRole('button', { name: 'Remove contact Aisha Khan' }).click();
    await page.getByRole('alertdialog', { name: 'Remove this contact?' }).getByRole('button', { name: 'Remove' }).click();
    await expect(page.getByRole('status')).toHaveText(`Aisha Khan was removed from ${COMPANY}.Undo`);
    await expect(panel.getByText('Aisha Khan')).toBeHidden();
    // The Undo button is reachable by keyboard too.
    await page.getByRole('button', { name: 'Undo' }).focus();
    await page.keyboard.press('Enter');
    await expect(panel.getByText('Aisha Khan')).toBeVisible();
    const contacts = (await api(page, 'customers.get', { id: c.id })).contacts;
    expect(contacts.map((x) => [x.name, x.email, x.phone]).sort()).toEqual([
      ['Aisha Khan', 'aisha@harborlights.example', '+971 4 555 0101'],
      ['Omar Hassan', 'omar@harborlights.example', ''],
    ]);
  });

  test("Ctrl+P prints the open customer's card, and only the card", async ({ app }) => {
    const { page } = app;
    // Record print() instead of opening the system dialog; capture what would be on paper.
    await page.addInitScript(() => {
      const w = window as unknown as { printed: { text: string; others: number }[] };
      w.printed = [];
      window.print = () => {
        const card = document.querySelector('.print-card');
        const others = Array.from(document.body.children).filter(
          (el) => !el.classList.contains('print-card') && getComputedStyle(el).display !== 'none',
        ).length;
        w.printed.push({ text: card?.textContent ?? '', others });
      };
    });
    const c = await api(page, 'customers.create', { company: COMPANY, country: 'AE', city: 'Dubai', owner: '王芳' });
    await api(page, 'contacts.add', {
      customerId: c.id,
      contact: { name: 'Omar Hassan', email: 'omar@harborlights.example', isPrimary: true },
    });
    await page.reload();
    await page.emulateMedia({ media: 'print' });
    await page.getByRole('grid', { name: 'Customer list' }).getByRole('gridcell', { name: COMPANY }).click();
    // The panel opens at once with the row's name; Ctrl+P prints once the customer's details are in.
    await expect(page.getByRole('complementary', { name: COMPANY }).getByText('Omar Hassan').first()).toBeVisible();
    await page.keyboard.press('Control+p');
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed: unknown[] }).printed.length)).toBe(1);
    const [printed] = await page.evaluate(() => (window as unknown as { printed: { text: string; others: number }[] }).printed);
    expect(printed?.text).toContain(COMPANY);
    expect(printed?.text).toContain('Dubai');
    expect(printed?.text).toContain('Omar Hassan');
    expect(printed?.text).toContain('omar@harborlights.example');
    expect(printed?.others).toBe(0);
    // After the dialog closes the card is gone and the app is back.
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await expect(page.locator('.print-card')).toHaveCount(0);
    await page.emulateMedia({ media: 'screen' });
    await expect(page.getByRole('complementary', { name: COMPANY })).toBeVisible();
  });
});
