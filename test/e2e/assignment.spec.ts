import type { Page } from '@playwright/test';
import { listOf, shownChoice } from './choose-option';
import { api } from './engine-api';
import { expect, test } from './fixtures';

/**
 * Lead assignment rules (线索分配, #20): one rule set in Settings → Public pool → Lead assignment by keyboard alone
 * (Germany → Li Na), then a lead captured at the booth for a German company with nobody as its owner
 * gets Li Na, and the customer's timeline says which rule gave it to her.
 */

async function openCustomer(page: Page, company: string) {
  await page.getByRole('grid', { name: 'Customer list' }).getByRole('gridcell', { name: company }).click();
  const panel = page.getByRole('complementary', { name: company });
  await expect(panel).toBeVisible();
  return panel;
}

test.describe('lead assignment', () => {
  test('a country rule set by keyboard assigns a captured German lead, shown on its timeline', async ({ app }) => {
    const page = app.page;
    const today = await page.evaluate(() => new Date().toLocaleDateString('en-CA'));
    await api(page, 'prefs.save', { owners: ['Li Na', 'Wang Wei'], fair: { name: 'Canton Fair', day: today } });
    await app.reload();

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings' }).click();
    const tab = page.getByRole('tab', { name: 'Public pool', exact: true });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    // Below the pool's rules, a section of its own.
    const section = page.getByRole('region', { name: 'Lead assignment' });
    const form = section.getByRole('form', { name: 'Lead assignment rules' });
    await expect(form.getByText('No rules yet: only the same buyer and the fallback below decide.')).toBeVisible();

    // On, by Space; Enter on "Add a rule" puts the focus in its first field.
    const enabled = form.getByRole('switch', { name: 'Assign customers nobody owns by these rules' });
    await enabled.focus();
    await page.keyboard.press('Space');
    await expect(enabled).toHaveAttribute('aria-checked', 'true');
    await form.getByRole('button', { name: 'Add a rule' }).focus();
    await page.keyboard.press('Enter');
    const rule = form.getByRole('listitem').first();
    const kind = rule.getByRole('combobox', { name: 'Match by' });
    await expect(kind).toBeFocused();
    await expect(shownChoice(kind)).toHaveText('Country');

    // Values: typed, chosen with Enter, the list closed with Escape (the form keeps its changes).
    await page.keyboard.press('Tab');
    const values = rule.getByRole('combobox', { name: 'Values' });
    await expect(values).toBeFocused();
    await page.keyboard.type('germ');
    await expect((await listOf(values)).locator('[role="option"].ant-select-item-option-active')).toContainText('Germany (DE)');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await expect(values).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('Tab');
    const people = rule.getByRole('combobox', { name: 'Salespeople' });
    await expect(people).toBeFocused();
    await page.keyboard.type('li');
    await expect((await listOf(people)).locator('[role="option"].ant-select-item-option-active')).toContainText('Li Na');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await expect(rule.getByRole('heading', { name: 'Rule 1: Country: DE' })).toBeVisible();
    await expect(form.getByText('Unsaved changes')).toBeVisible();

    await form.getByRole('button', { name: 'Save assignment rules' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Assignment rules saved.' })).toBeVisible();
    await expect(form.getByText('Unsaved changes')).toHaveCount(0);
    expect((await api(page, 'assignment.rules', {})).settings).toMatchObject({
      enabled: true,
      rules: [{ kind: 'country', values: ['DE'], people: ['Li Na'] }],
      fallback: { kind: 'pool' },
    });

    // Quick capture, nobody as the owner: a German company.
    await page.keyboard.press('Control+Shift+L');
    const dialog = page.getByRole('dialog', { name: 'Quick capture' });
    const company = dialog.getByRole('textbox', { name: 'Company' });
    await expect(company).toBeFocused();
    await page.keyboard.insertText('Berliner Lampen GmbH');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const country = dialog.getByRole('combobox', { name: 'Country' });
    await expect(country).toBeFocused();
    await page.keyboard.type('germ');
    await page.keyboard.press('Tab');
    await expect(shownChoice(country)).toHaveText('Germany (DE)');
    await page.keyboard.press('Enter');
    await expect(dialog.getByTestId('capture-saved')).toContainText('Saved Berliner Lampen GmbH as a new customer.');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Customers' }).click();
    const panel = await openCustomer(page, 'Berliner Lampen GmbH');
    await expect(panel.getByText(/Owner: Li Na/)).toBeVisible();
    const timeline = panel.getByRole('list', { name: 'Activity, newest first' });
    const assigned = timeline.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Assigned' }) });
    await expect(assigned).toContainText('Assigned to Li Na by the rule Country: DE');
  });
});
