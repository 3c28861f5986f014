import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { ExportDeskApi } from '../../src/shared/ipc/api';
import { expect, test } from './fixtures';
import { ALL_FIXTURES, seedFixtures } from './seed';

async function openSettings(page: Page, tab = 'Classification'): Promise<void> {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', exact: true, level: 1 })).toBeVisible();
  await openTab(page, tab);
}

/** Settings are in tabs, each saved on its own. */
async function openTab(page: Page, tab: string): Promise<void> {
  const button = page.getByRole('tablist', { name: 'Settings sections' }).getByRole('tab', { name: tab, exact: true });
  await button.click();
  await expect(button).toHaveAttribute('aria-selected', 'true');
}

/** The saved rules version, straight from the engine (what a reload would show). */
async function savedRulesVersion(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const res = await (window as unknown as { api: ExportDeskApi }).api['classify.rules']({});
    if (!res.ok) throw new Error(res.error.message);
    return res.value.version;
  });
}

/** The data rows of the runs table, newest first. */
function runRows(runs: Locator): Locator {
  return runs.getByRole('table', { name: 'Latest classification runs' }).locator('tbody tr');
}

test.describe('settings', () => {
  test('invalid tier shares are marked next to the field and nothing is saved', async ({ app }) => {
    const { page } = app;
    await seedFixtures(page);
    await openSettings(page);
    const rules = page.getByRole('region', { name: 'Classification rules' });
    // The imports classified everyone with the defaults, which saved them as version 1.
    await expect(rules.getByText(/^Version 1, saved /)).toBeVisible();
    const aShare = rules.getByRole('textbox', { name: 'Tier A share of revenue' });
    const bShare = rules.getByRole('textbox', { name: 'Tier B share of revenue' });
    await expect(aShare).toHaveValue('80');
    await expect(bShare).toHaveValue('15');
    // The analyst’s settings (R×F grid, segment names, potential weights) wait under "Advanced".
    const weight = rules.getByRole('textbox', { name: 'Weight: recent inquiries' });
    await expect(weight).toBeHidden();
    await expect(rules.getByRole('table', { name: 'Segment for each recency (R) and frequency (F) score' })).toBeHidden();
    await rules.locator('summary', { hasText: 'Advanced (for analysts)' }).first().click();
    await expect(rules.getByRole('table', { name: 'Segment for each recency (R) and frequency (F) score' })).toBeVisible();

    await aShare.fill('90');
    await bShare.fill('15');
    await expect(rules.getByText('Nothing left: A and B must add up to less than 100%')).toBeVisible();
    await expect(rules.getByText('Unsaved changes')).toBeVisible();

    // Leaving with unsaved changes asks first; keeping them stays on the page.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Customers' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Discard unsaved changes?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Keep editing' }).click();
    await expect(page.getByRole('heading', { name: 'Settings', exact: true, level: 1 })).toBeVisible();
    await expect(aShare).toHaveValue('90');

    await rules.getByRole('button', { name: 'Save and reclassify' }).click();
    await expect(rules.getByText('The rules were not saved. Please check the marked fields.')).toBeVisible();
    await expect(bShare).toHaveAttribute('aria-invalid', 'true');
    await expect(bShare).toHaveAccessibleDescription(/Tier A and tier B together must be less than 100%, so that tier C has a share\./);
    await expect(bShare).toBeFocused();
    await expect(aShare).not.toHaveAttribute('aria-invalid', 'true');

    // Nothing saved, nothing reclassified.
    const runs = page.getByRole('region', { name: 'Reclassification' });
    await expect(runRows(runs).filter({ hasText: 'Rules or rates changed' })).toHaveCount(0);
    expect(await savedRulesVersion(page)).toBe(1);

    await app.reload();
    await expect(page.getByRole('heading', { name: 'Settings', exact: true, level: 1 })).toBeVisible();
    await openTab(page, 'Classification');
    const reloaded = page.getByRole('region', { name: 'Classification rules' });
    await expect(reloaded.getByText(/^Version 1, saved /)).toBeVisible();
    await expect(reloaded.getByRole('textbox', { name: 'Tier A share of revenue' })).toHaveValue('80');
    await expect(reloaded.getByRole('textbox', { name: 'Tier B share of revenue' })).toHaveValue('15');
  });

  test('new tier shares are saved as version 2 and applied by a rules run that moves customers between tiers', async ({ app }) => {
    const { page } = app;
    await seedFixtures(page);
    await openSettings(page);
    const rules = page.getByRole('region', { name: 'Classification rules' });
    await expect(rules.getByText(/^Version 1, saved /)).toBeVisible();

    await rules.getByRole('textbox', { name: 'Tier A share of revenue' }).fill('50');
    await rules.getByRole('textbox', { name: 'Tier B share of revenue' }).fill('30');
    await expect(rules.getByText('The remaining 20% of revenue')).toBeVisible();
    await rules.getByRole('button', { name: 'Save and reclassify' }).click();

    await expect(
      rules.getByText(/^Rules version 2 saved and applied: [\d,]+ customers reclassified, [\d,]+ changed class\.$/),
    ).toBeVisible();
    await expect(rules.getByText(/^Version 2, saved /)).toBeVisible();
    await expect(rules.getByText('Unsaved changes')).toHaveCount(0);

    // The run is listed newest first, started by the rules change, and shown in detail.
    const runs = page.getByRole('region', { name: 'Reclassification' });
    const newest = runRows(runs).first();
    await expect(newest).toContainText('Rules or rates changed');
    await expect(newest.getByRole('cell').nth(1)).toHaveText('2');
    await expect(newest.getByRole('button')).toHaveAttribute('aria-pressed', 'true');

    await rules.getByRole('button', { name: 'Show the run' }).click();
    const details = runs.getByRole('region', { name: /^Run of / });
    await expect(details.getByRole('heading', { name: /^Run of / })).toBeFocused();
    const tierMoves = details.getByRole('list', { name: 'Value tier' }).getByRole('listitem');
    await expect(tierMoves.first()).toBeVisible();
    const moves = await tierMoves.allTextContents();
    expect(moves.length).toBeGreaterThan(0);
    for (const move of moves) expect(move).toMatch(/^(Tier [ABC]|No revenue) → (Tier [ABC]|No revenue): [\d,]+$/);
    const movedToB = moves.filter((m) => /^Tier A → Tier B: /.test(m));
    expect(movedToB).toHaveLength(1);
    expect(Number(movedToB[0]?.split(': ')[1]?.replace(/,/g, ''))).toBeGreaterThan(0);
    await expect(details.getByRole('table', { name: 'Value tier' }).getByRole('rowheader', { name: 'Tier A' })).toBeVisible();
    expect(await savedRulesVersion(page)).toBe(2);

    await app.reload();
    await openTab(page, 'Classification');
    const reloaded = page.getByRole('region', { name: 'Classification rules' });
    await expect(reloaded.getByText(/^Version 2, saved /)).toBeVisible();
    await expect(reloaded.getByRole('textbox', { name: 'Tier A share of revenue' })).toHaveValue('50');
    await expect(reloaded.getByRole('textbox', { name: 'Tier B share of revenue' })).toHaveValue('30');
    await expect(runRows(page.getByRole('region', { name: 'Reclassification' })).first()).toContainText('Rules or rates changed');
  });

  test('reference rates count EUR and GBP at once; a currency without one is asked for, flagged beside revenue, and a saved rate reclassifies by itself', async ({
    app,
  }) => {
    const { page } = app;
    await seedFixtures(page, ALL_FIXTURES, {});

    // An order file in ISK (not in the reference table): the preview asks for its rate; left empty, the orders still import.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Import' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose file' }).click();
    await (await chooser).setFiles(join(import.meta.dirname, '../fixtures/orders-isk.csv'));
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    const preview = page.getByRole('region', { name: 'Preview' });
    const prompt = preview.getByRole('form', { name: 'Exchange rates' });
    await expect(prompt.getByText('2 orders in ISK:')).toBeVisible();
    await expect(prompt.getByRole('textbox', { name: 'Rate for ISK in USD' })).toBeVisible();
    await expect(prompt.getByRole('textbox', { name: 'Rate for EUR in USD' })).toHaveCount(0);
    await preview.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Report' })).toBeVisible();

    // Wherever revenue is shown, the orders left out are said, with the way to the rates.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Dashboard' }).click();
    const note = page.getByRole('note').filter({ hasText: 'not counted in revenue' });
    await expect(note).toHaveText('2 orders (ISK) are not counted in revenue: their currency has no exchange rate. Set exchange rates');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Boards' }).click();
    await expect(note).toBeVisible();
    await note.getByRole('link', { name: 'Set exchange rates' }).click();
    await expect(page.getByRole('heading', { name: 'Currency and exchange rates' })).toBeFocused();

    const currency = page.getByRole('region', { name: 'Currency and exchange rates' });
    await expect(currency.getByText('2 orders in ISK are left out of revenue until you set a rate.')).toBeVisible();
    await expect(currency.getByText(/orders in EUR are left out/)).toHaveCount(0);
    const eur = currency.getByRole('textbox', { name: 'Rate for EUR in USD' });
    const isk = currency.getByRole('textbox', { name: 'Rate for ISK in USD' });
    await expect(eur).toHaveValue('');
    await expect(eur).toHaveAttribute('placeholder', '1.16');
    await expect(eur.locator('xpath=ancestor::tr')).toContainText('Reference rate, Nov 30, 2026');
    await expect(isk.locator('xpath=ancestor::tr')).toContainText('Left out');

    // A rate that is not a number is refused next to its field.
    await eur.fill('abc');
    await currency.getByRole('button', { name: 'Save currency settings' }).click();
    await expect(eur).toHaveAttribute('aria-invalid', 'true');
    await expect(eur).toBeFocused();
    await expect(currency.getByText('Enter a number above 0: how many USD one EUR is worth.')).toBeVisible();

    await eur.fill('1.2');
    await isk.fill('0.0072');
    await isk.press('Enter');
    await expect(page.getByRole('status')).toHaveText(/Currency settings saved\.|The new rates are applied|Reclassification finished/);
    // No "Reclassify now" to find: the save applies the rates.
    await expect(currency.getByText(/^The new rates are applied: [\d,]+ customers reclassified, [\d,]+ changed class\.$/)).toBeVisible();
    await expect(currency.getByText(/left out of revenue until you set a rate/)).toHaveCount(0);
    await expect(eur.locator('xpath=ancestor::tr')).toContainText(/Your rate, \w{3} \d{1,2}, \d{4}/);
    // The run is listed with the others on the Classification tab.
    await openTab(page, 'Classification');
    const runs = page.getByRole('region', { name: 'Reclassification' });
    await expect(runRows(runs).first()).toContainText('Rules or rates changed');
    const details = runs.getByRole('region', { name: /^Run of / });
    await expect(details.getByText('Every order had an exchange rate.')).toBeVisible();

    const saved = await page.evaluate(async () => {
      const res = await (window as unknown as { api: ExportDeskApi }).api['classify.runs']({ limit: 1 });
      if (!res.ok) throw new Error(res.error.message);
      return res.value[0]?.missingRates;
    });
    expect(saved).toEqual({});

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Dashboard' }).click();
    await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
    await expect(note).toHaveCount(0);

    await openSettings(page, 'Currency');
    const reloaded = page.getByRole('region', { name: 'Currency and exchange rates' });
    await expect(reloaded.getByRole('textbox', { name: 'Rate for EUR in USD' })).toHaveValue('1.2');
    // Back to the reference rate in one click: the field empties and the table's rate applies again.
    await reloaded.getByRole('button', { name: 'Use the reference rate for EUR' }).click();
    await expect(reloaded.getByRole('textbox', { name: 'Rate for EUR in USD' })).toHaveValue('');
  });
});
