import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { chooseOption } from './choose-option';
import { api } from './engine-api';
import { expect, test } from './fixtures';

/**
 * The public pool (#20) on a single-user book: "me" is Settings' "You (on this computer)". A customer
 * nobody owns is claimed from its panel and released back; claiming it again within the cooling-off,
 * and past the cap, is refused with the reason; the rules are saved in Settings, and "Apply the rules
 * now" returns a customer whose last follow-up is too old.
 */

const DAY_MS = 86_400_000;

/** Moves a customer's history back in time, as the engine's clock cannot be: created (and owned since) `createdDays` ago, its follow-ups done `doneDays` ago. */
function backdate(dbPath: string, customerId: number, createdDays: number, doneDays: number): void {
  const db = new Database(dbPath);
  try {
    db.pragma('busy_timeout = 5000');
    const created = new Date(Date.now() - createdDays * DAY_MS).toISOString();
    const done = new Date(Date.now() - doneDays * DAY_MS).toISOString();
    db.prepare('UPDATE customers SET created_at = ? WHERE id = ?').run(created, customerId);
    // Since when its owner has held it (kept by triggers since migration 0016).
    const columns = db.prepare<[], { name: string }>('PRAGMA table_info(customers)').all();
    if (columns.some((c) => c.name === 'owner_since'))
      db.prepare('UPDATE customers SET owner_since = ? WHERE id = ?').run(created, customerId);
    db.prepare("UPDATE follow_ups SET done_at = ?, due_at = ? WHERE customer_id = ? AND status = 'done'").run(done, done, customerId);
    db.prepare("UPDATE activities SET occurred_at = ? WHERE customer_id = ? AND kind = 'followup_done'").run(done, customerId);
  } finally {
    db.close();
  }
}

async function openCustomer(page: Page, company: string) {
  await page.getByRole('grid', { name: 'Customer list' }).getByRole('gridcell', { name: company }).click();
  const panel = page.getByRole('complementary', { name: company });
  await expect(panel).toBeVisible();
  return panel;
}

// Two independent tests, each on its own app: side by side on the two workers.
test.describe.configure({ mode: 'parallel' });

test.describe('public pool', () => {
  test('claim and release from the panel, the refusals, My customers / Pool, the rules and applying them', async ({ app }) => {
    const page = app.page;
    const started = Date.now();
    await api(page, 'prefs.save', { owners: ['Li Na', 'Wang Wei'], me: 'Li Na' });
    await api(page, 'customers.create', { company: 'Harbor Lights LLC', country: 'AE', owner: '' });
    await api(page, 'customers.create', { company: 'Atlas Imports', country: 'TR', owner: '' });
    await api(page, 'customers.create', { company: 'Eagle Lighting', country: 'DE', owner: 'Wang Wei' });
    const old = await api(page, 'customers.create', { company: 'Delta Old Co', country: 'BR', owner: 'Li Na' });
    const followUp = await api(page, 'followups.create', {
      customerId: old.id,
      type: 'call',
      dueAt: new Date().toISOString(),
      note: 'Price list',
    });
    await api(page, 'followups.complete', { id: followUp.id, version: followUp.version, outcome: 'Sent', timeZone: 'UTC' });
    await app.reload();

    const grid = page.getByRole('grid', { name: 'Customer list' });
    await expect(grid).toHaveAttribute('data-total', '4');
    const scope = page.getByRole('radiogroup', { name: 'Whose customers' });
    await expect(scope.getByRole('radio', { name: 'All' })).toBeChecked();

    // A pool customer: the Pool tag and Claim.
    let panel = await openCustomer(page, 'Harbor Lights LLC');
    await expect(panel.getByText('Pool', { exact: true })).toBeVisible();
    await panel.getByRole('button', { name: 'Claim', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Harbor Lights LLC is yours now.' })).toBeVisible();
    const release = panel.getByRole('button', { name: 'Release to pool' });
    await expect(release).toBeFocused();
    await expect(panel.getByText(/Owner: Li Na/)).toBeVisible();
    await expect(panel.getByText('Pool', { exact: true })).toHaveCount(0);
    await expect(panel.getByText(/^Returns to the pool on .+ if no follow-up is completed \(30-day rule\)\.$/)).toBeVisible();
    const timeline = panel.getByRole('list', { name: 'Activity, newest first' });
    const claimed = timeline.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Claimed from the pool' }) });
    await expect(claimed).toContainText('pool → Li Na');

    // The grid's scope: mine lists it, the pool no longer does; the owner filter follows.
    await scope.getByText('My customers', { exact: true }).click();
    await expect(scope.getByRole('radio', { name: 'My customers' })).toBeChecked();
    await expect(grid).toHaveAttribute('data-total', '2');
    await expect(grid.getByRole('gridcell', { name: 'Harbor Lights LLC' })).toBeVisible();
    await expect(grid.getByRole('gridcell', { name: 'Delta Old Co' })).toBeVisible();
    // By keyboard: the chosen one is the tab stop, → moves on.
    await scope.getByRole('radio', { name: 'My customers' }).press('ArrowRight');
    await expect(scope.getByRole('radio', { name: 'Pool' })).toBeChecked();
    await expect(grid).toHaveAttribute('data-total', '1');
    await expect(grid.getByRole('gridcell', { name: 'Atlas Imports' })).toBeVisible();
    await expect(page.getByRole('group', { name: 'Active filters' })).toContainText('Owner: Pool');
    await scope.getByText('All', { exact: true }).click();
    await expect(grid).toHaveAttribute('data-total', '4');
    // The owner select sets the same filter: choosing oneself there is "My customers".
    await chooseOption(page.getByRole('combobox', { name: 'Filter by owner' }), 'Li Na');
    await expect(scope.getByRole('radio', { name: 'My customers' })).toBeChecked();
    await chooseOption(page.getByRole('combobox', { name: 'Filter by owner' }), 'Wang Wei');
    for (const name of ['All', 'My customers', 'Pool']) await expect(scope.getByRole('radio', { name })).not.toBeChecked();
    await expect(grid).toHaveAttribute('data-total', '1');
    await scope.getByText('All', { exact: true }).click();
    await expect(grid).toHaveAttribute('data-total', '4');

    // Released back (after a confirmation), then refused by the cooling-off, with the dates.
    await release.click();
    const confirm = page.getByRole('alertdialog', { name: 'Release Harbor Lights LLC to the pool?' });
    await expect(confirm).toContainText('You may claim it again after 7 days.');
    await confirm.getByRole('button', { name: 'Release to pool' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Harbor Lights LLC is back in the pool.' })).toBeVisible();
    await expect(panel.getByText('Pool', { exact: true })).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Claim', exact: true })).toHaveCount(0);
    await expect(panel.getByText(/^You released it on .+; you may claim it again on .+\.$/)).toBeVisible();
    const released = timeline.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Released to the pool' }) });
    await expect(released).toContainText('Li Na → pool');

    // The cap: Li Na holds Delta Old Co; with a cap of 2 she claims Atlas, and the next claim is refused (the cap said before the cooling-off).
    await api(page, 'pool.saveRules', { ...(await api(page, 'pool.rules', {})).rules, cap: 2 });
    panel = await openCustomer(page, 'Atlas Imports');
    await panel.getByRole('button', { name: 'Claim', exact: true }).click();
    await expect(panel.getByRole('button', { name: 'Release to pool' })).toBeFocused();
    panel = await openCustomer(page, 'Harbor Lights LLC');
    await expect(panel.getByText('You hold 2 of 2 customers allowed. Release one to claim another.')).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Claim', exact: true })).toHaveCount(0);

    // Settings → Public pool: validation, the switches, Save; then Apply returns the customer with an old follow-up.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('tab', { name: 'Public pool', exact: true }).click();
    const section = page.getByRole('region', { name: 'Public pool' });
    const followupDays = section.getByRole('spinbutton', { name: 'Without a completed follow-up for' });
    await expect(followupDays).toHaveValue('30');
    await followupDays.fill('');
    await section.getByRole('button', { name: 'Save pool rules' }).click();
    await expect(followupDays).toBeFocused();
    await expect(followupDays).toHaveAttribute('aria-invalid', 'true');
    await expect(followupDays).toHaveAccessibleDescription(/Enter a whole number of days from 1 to 3,650, or choose Never\./);
    await followupDays.fill('30');
    await section.getByRole('group', { name: 'Customers one salesperson may hold' }).getByRole('switch', { name: 'No cap' }).click();
    await section.getByRole('group', { name: 'Without an order for' }).getByRole('switch', { name: 'Never' }).click();
    await section.getByRole('spinbutton', { name: 'Cooling-off after a release' }).fill('3');
    await section.getByRole('button', { name: 'Save pool rules' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Pool rules saved.' })).toBeVisible();
    expect((await api(page, 'pool.rules', {})).rules).toEqual({
      returnAfterFollowupDays: 30,
      returnAfterOrderDays: null,
      cap: null,
      wonOutsideCap: true,
      coolingDays: 3,
    });
    // Delta Old Co's history goes back 90 days only now: the engine applies saved rules by itself once,
    // 20 s after it starts (then daily), and that run must not be the one that returns it.
    await page.waitForTimeout(Math.max(0, started + 25_000 - Date.now()));
    backdate(app.dbPath, old.id, 90, 40);
    await section.getByRole('button', { name: 'Apply the rules now' }).click();
    await expect(section.getByText('1 customer returned to the pool.')).toBeVisible();

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Customers' }).click();
    panel = await openCustomer(page, 'Delta Old Co');
    await expect(panel.getByText('Pool', { exact: true })).toBeVisible();
    const returned = panel
      .getByRole('list', { name: 'Activity, newest first' })
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Returned to the pool by rule' }) });
    await expect(returned).toContainText('Li Na → pool');
    await expect(returned).toContainText(/No completed follow-up for 30 days \(the last on .+\)\./);
  });

  test('in Chinese: the labels, My customers waiting for "me", a claim', async ({ app }) => {
    const page = app.page;
    await api(page, 'prefs.save', { language: 'zh-CN', owners: ['李娜'] });
    await api(page, 'customers.create', { company: 'Harbor Lights LLC', country: 'AE', owner: '' });
    await app.reload();

    const scope = page.getByRole('radiogroup', { name: '客户归属' });
    await expect(scope.getByRole('radio', { name: '全部' })).toBeChecked();
    await expect(scope.getByRole('radio', { name: '我的客户' })).toBeDisabled();
    await expect(scope).toHaveAccessibleDescription('请先在“设置 → 业务员”中选择本机使用者，才能列出您的客户。');
    await expect(scope.getByRole('radio', { name: '公海' })).toBeEnabled();

    let panel = page.getByRole('complementary', { name: 'Harbor Lights LLC' });
    await page.getByRole('grid', { name: '客户列表' }).getByRole('gridcell', { name: 'Harbor Lights LLC' }).click();
    await expect(panel.getByText('公海', { exact: true })).toBeVisible();
    await expect(panel.getByText('要从公海认领客户，请先在设置中选择本机使用者。')).toBeVisible();
    await expect(panel.getByRole('button', { name: '认领', exact: true })).toHaveCount(0);

    await api(page, 'prefs.save', { me: '李娜' });
    await expect(scope.getByRole('radio', { name: '我的客户' })).toBeEnabled();
    await panel.getByRole('button', { name: '认领', exact: true }).click();
    await expect(panel.getByRole('button', { name: '退回公海' })).toBeVisible();
    panel = page.getByRole('complementary', { name: 'Harbor Lights LLC' });
    await expect(
      panel
        .getByRole('list', { name: '往来记录，最新在前' })
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { name: '从公海认领' }) }),
    ).toContainText('公海 → 李娜');
    await expect(panel.getByText(/^如在 .+ 前没有完成的跟进，将退回公海（30 天规则）。$/)).toBeVisible();

    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '设置' }).click();
    await page.getByRole('tab', { name: '公海规则', exact: true }).click();
    const section = page.getByRole('region', { name: '公海规则' });
    await expect(section.getByRole('spinbutton', { name: '连续无完成的跟进' })).toHaveValue('30');
    await expect(section.getByRole('button', { name: '立即执行规则' })).toBeEnabled();
  });
});
