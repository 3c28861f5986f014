import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { chooseOption } from './choose-option';
import { api } from './engine-api';
import { expect, test } from './fixtures';

/** A fixed-offset zone where it is about noon now, so "today" and "tomorrow" never straddle the machine's midnight. */
function middayZone(): string {
  const now = new Date();
  const offset = Math.max(-12, Math.min(14, Math.round(12 - (now.getUTCHours() + now.getUTCMinutes() / 60))));
  return offset === 0 ? 'UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

/** The UTC calendar date `days` days ago ("2026-09-23"), as import files write dates. */
function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/** Imports a CSV file with the mapping the engine recognises, as the import screen would (it reclassifies after). */
async function importCsv(page: Page, fileName: string, lines: string[]): Promise<void> {
  const contentBase64 = Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8').toString('base64');
  const analyzed = await api(page, 'import.analyze', { fileName, contentBase64 });
  await api(page, 'import.commit', { fileId: analyzed.fileId, kind: analyzed.kind, mapping: analyzed.mapping });
}

async function openFollowUps(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: /Follow-ups/ })
    .click();
  await expect(page.getByRole('heading', { name: 'Follow-ups', level: 1 })).toBeVisible();
}

test.describe('follow-up planning', () => {
  test.use({ appTimeZone: middayZone() });

  test('the churn-risk tab lists a customer past its buying rhythm and plans a win-back in one click', async ({ app }) => {
    const { page } = app;
    await api(page, 'customers.create', { company: 'Baltic Lamps OU', country: 'EE', owner: 'Mia' });
    await api(page, 'customers.create', { company: 'Steady Buyer Ltd', country: 'GB', owner: 'Mia' });
    // Baltic Lamps ordered every 30 days, the last 60 days ago (a churn warning); Steady Buyer is on rhythm.
    await importCsv(page, 'orders.csv', [
      'Order No,Order Date,Company,Country,Amount,Currency',
      ...[150, 120, 90, 60].map((d, i) => `BL-${i},${daysAgo(d)},Baltic Lamps OU,EE,5000,USD`),
      ...[40, 30, 20, 10].map((d, i) => `SB-${i},${daysAgo(d)},Steady Buyer Ltd,GB,1000,USD`),
    ]);
    const risk = await api(page, 'followups.churnRisk', {});
    expect(risk.map((r) => r.company)).toEqual(['Baltic Lamps OU']);
    const [baltic] = risk;
    if (!baltic) throw new Error('no churn risk');

    await app.reload();
    await openFollowUps(page);
    await expect(page.getByTestId('followups-count-upcoming')).toHaveText('0');
    const churnTab = page.getByRole('tab', { name: /Churn risk/ });
    await expect(page.getByTestId('followups-count-churn')).toHaveText('1');
    // The tabs from the keyboard: End goes to the last tab (Plan), Left back to Churn risk, Enter opens it.
    await page.getByRole('tab', { name: /^Today/ }).focus();
    await page.keyboard.press('End');
    await expect(page.getByRole('tab', { name: /Plan/ })).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(churnTab).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(churnTab).toHaveAttribute('aria-selected', 'true');

    const table = page.getByRole('table', { name: 'Customers at churn risk' });
    const row = table.getByRole('row', { name: /Baltic Lamps OU/ });
    await expect(row).toContainText('EE');
    await expect(row).toContainText('Tier A');
    await expect(row).toContainText(`${baltic.daysSinceOrder} days`);
    await expect(row).toContainText(`every ${baltic.rhythmDays} days`);
    await expect(row).toContainText(`+${baltic.daysPastRhythm} days`);
    await expect(row).toContainText('None planned');
    await expect(table.getByRole('row', { name: /Steady Buyer Ltd/ })).toHaveCount(0);

    // The owner filter (the customer's owner) keeps it; another owner's list is empty.
    const ownerFilter = page.getByLabel('Owner', { exact: true });
    await chooseOption(ownerFilter, 'Mia');
    await expect(row).toBeVisible();

    const winBack = row.getByRole('button', { name: 'Plan win-back with Baltic Lamps OU' });
    await expect(winBack).toBeEnabled();
    await winBack.click();
    await expect(page.getByRole('status')).toContainText('Win-back follow-up (Call) with Baltic Lamps OU planned for');
    await expect(row).not.toContainText('None planned');
    await expect(winBack).toBeDisabled();
    await expect(winBack).toBeFocused();

    // Planned for tomorrow 10:00 local, by the customer's owner: it is in Upcoming with its note.
    const open = await api(page, 'followups.list', {
      bucket: 'open',
      timeZone: await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone),
      tiers: [],
      limit: 10,
    });
    expect(open.items).toHaveLength(1);
    expect(open.items[0]).toMatchObject({
      type: 'call',
      owner: 'Mia',
      note: `Win-back: ${baltic.daysPastRhythm} days past the usual rhythm`,
    });
    const tomorrowTen = await page.evaluate(() => {
      const now = new Date();
      return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 10).getTime();
    });
    expect(Date.parse(open.items[0]?.dueAt ?? '')).toBe(tomorrowTen);
    await expect(page.getByTestId('followups-count-upcoming')).toHaveText('1');
    await page.getByRole('tab', { name: /^Upcoming/ }).click();
    const upcoming = page.getByRole('table', { name: 'Upcoming (7 days)' }).getByRole('row', { name: 'Call · Baltic Lamps OU' });
    await expect(upcoming).toContainText(`Win-back: ${baltic.daysPastRhythm} days past the usual rhythm`);

    // Back on the churn list (after a reload too) the win-back shows as planned.
    await app.reload();
    await openFollowUps(page);
    await page.getByRole('tab', { name: /^Churn risk/ }).click();
    await expect(row.getByRole('button', { name: 'Plan win-back with Baltic Lamps OU' })).toBeDisabled();
  });

  test('the Plan tab proposes follow-ups by reason and "Accept all" plans them; the counts follow', async ({ app }) => {
    const { page } = app;
    // Two inquiries unanswered for 5 days; one customer whose tier-A rhythm (14 days) has passed.
    await importCsv(page, 'inquiries.csv', [
      'Inquiry ID,Subject,Inquiry Date,Company,Country,Email',
      `INQ-1,Price for solar street lights,${daysAgo(5)},Atlas Imports LLC,US,buyer@atlas-imports.example`,
      `INQ-2,Samples of LED strips,${daysAgo(6)},Kiwi Home Ltd,NZ,jo@kiwi-home.example`,
    ]);
    await importCsv(page, 'orders.csv', [
      'Order No,Order Date,Company,Country,Amount,Currency',
      `FJ-1,${daysAgo(50)},Fjord Supplies AS,NO,8000,USD`,
      `FJ-2,${daysAgo(20)},Fjord Supplies AS,NO,6000,USD`,
    ]);
    // A customer with a follow-up planned gets no proposal.
    const planned = await api(page, 'customers.create', { company: 'Already Planned GmbH', country: 'DE' });
    await api(page, 'followups.create', {
      customerId: planned.id,
      type: 'email',
      dueAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    });

    await app.reload();
    await openFollowUps(page);
    await expect(page.getByTestId('followups-count-today')).toHaveText('0');
    await page.getByRole('tab', { name: /^Plan/ }).click();
    const panel = page.getByRole('tabpanel');
    await expect(panel).toContainText('Customers that already have a follow-up planned are left out.');
    await expect(page.getByTestId('followups-count-plan')).toHaveText('3');
    await expect(page.getByTestId('plan-count-inquiry')).toHaveText('2');
    await expect(page.getByTestId('plan-count-quotation')).toHaveText('0');
    await expect(page.getByTestId('plan-count-cadence')).toHaveText('1');
    const proposals = page.getByRole('table', { name: 'Proposed follow-ups' });
    await expect(proposals.getByRole('row', { name: /Atlas Imports LLC/ })).toContainText('Unanswered inquiry');
    await expect(proposals.getByRole('row', { name: /Atlas Imports LLC/ })).toContainText('Email');
    await expect(proposals.getByRole('row', { name: /Fjord Supplies AS/ })).toContainText('Regular check-in');
    await expect(proposals.getByRole('row', { name: /Already Planned GmbH/ })).toHaveCount(0);
    await expect(panel.getByRole('link', { name: 'Change the cadence rules in Settings' })).toHaveAttribute('href', '#/settings');

    // Only the inquiries: untick the regular check-ins.
    await panel.getByRole('checkbox', { name: /Regular check-ins by tier/ }).uncheck();
    await expect(proposals.getByRole('row', { name: /Fjord Supplies AS/ })).toHaveCount(0);
    // Accepting asks first, says for whom, and can be taken back at once.
    await panel.getByRole('button', { name: 'Accept all 2' }).click();
    const ask = page.getByRole('alertdialog', { name: 'Plan 2 follow-ups?' });
    await expect(ask).toContainText('for every owner');
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByTestId('followups-count-today')).toHaveText('0');
    await panel.getByRole('button', { name: 'Accept all 2' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Plan 2 follow-ups' }).click();
    await expect(page.getByRole('status')).toContainText('2 follow-ups planned.');
    await expect(page.getByTestId('followups-count-today')).toHaveText('2');
    await panel.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByRole('status')).toContainText('2 planned follow-ups taken back.');
    await expect(page.getByTestId('followups-count-today')).toHaveText('0');
    await expect(page.getByTestId('plan-count-inquiry')).toHaveText('2');
    await panel.getByRole('button', { name: 'Accept all 2' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Plan 2 follow-ups' }).click();
    await expect(page.getByRole('status')).toContainText('2 follow-ups planned.');
    await expect(page.getByTestId('followups-count-today')).toHaveText('2');
    await expect(page.getByTestId('plan-count-inquiry')).toHaveText('0');
    await expect(page.getByTestId('plan-count-cadence')).toHaveText('1');
    await expect(panel.getByRole('button', { name: 'Nothing to accept' })).toBeDisabled();

    // Then the rest.
    await panel.getByRole('checkbox', { name: /Regular check-ins by tier/ }).check();
    await panel.getByRole('button', { name: 'Accept 1 follow-up' }).click();
    await page.getByRole('alertdialog', { name: 'Plan 1 follow-up?' }).getByRole('button', { name: 'Plan 1 follow-up' }).click();
    await expect(page.getByRole('status')).toContainText('1 follow-up planned.');
    await expect(page.getByTestId('followups-count-today')).toHaveText('3');
    await expect(panel).toContainText('Nothing to propose');
    await expect(page.getByTestId('followups-count-plan')).toHaveText('0');

    await page.getByRole('tab', { name: /^Today/ }).click();
    const today = page.getByRole('table', { name: 'Today' });
    await expect(today.getByRole('row', { name: 'Email · Atlas Imports LLC' })).toBeVisible();
    await expect(today.getByRole('row', { name: 'Email · Kiwi Home Ltd' })).toBeVisible();
    await expect(today.getByRole('row', { name: 'Call · Fjord Supplies AS' })).toBeVisible();
    // Planned follow-ups say why, in the user's language.
    await expect(today.getByRole('row', { name: 'Email · Atlas Imports LLC' })).toContainText('Unanswered inquiry');
    await expect(today.getByRole('row', { name: 'Call · Fjord Supplies AS' })).toContainText('Regular check-in');
  });

  test('an overdue complaint shows above Today with its severity and due-by, and links to the complaints', async ({ app }) => {
    const { page } = app;
    const customer = await api(page, 'customers.create', { company: 'Lagos Lighting Ltd', country: 'NG', owner: 'Ade' });
    const complaint = await api(page, 'complaints.create', {
      customerId: customer.id,
      category: 'quality',
      severity: 'critical',
      description: '30 drivers failed on arrival',
    });
    expect(complaint.overdue).toBe(false);
    await app.reload();
    await openFollowUps(page);
    await expect(page.getByRole('tab', { name: /^Today/ })).toHaveAttribute('aria-selected', 'true');
    // Not overdue yet (a critical complaint has a day): nothing shown.
    await expect(page.getByText('Nothing is due today.')).toBeVisible();
    await expect(page.getByRole('region', { name: /past (its|their) response target/ })).toHaveCount(0);

    // Two days later, as far as the response target goes: the engine computes overdue from due_by.
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const db = new Database(app.dbPath);
    try {
      db.pragma('busy_timeout = 5000');
      db.prepare('UPDATE complaints SET due_by = ? WHERE id = ?').run(twoDaysAgo, complaint.id);
    } finally {
      db.close();
    }
    const overdue = await api(page, 'complaints.list', { overdueOnly: true });
    expect(overdue.map((k) => k.id)).toEqual([complaint.id]);

    await app.reload();
    await openFollowUps(page);
    const notice = page.getByRole('region', { name: '1 complaint is past its response target' });
    await expect(notice).toBeVisible();
    const item = notice.getByRole('list', { name: 'Overdue complaints' }).getByRole('listitem');
    await expect(item).toHaveCount(1);
    await expect(item).toContainText('Lagos Lighting Ltd');
    await expect(item).toContainText('Critical');
    await expect(item).toContainText('2 days overdue');
    const when = await page.evaluate(
      (iso) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
      twoDaysAgo,
    );
    await expect(item).toContainText(`due ${when}`);
    await expect(notice.getByRole('link', { name: 'Open the complaints' })).toHaveAttribute('href', '#/complaints');
    // The owner filter applies: another owner's Today has none.
    await api(page, 'customers.create', { company: 'Other Owner Co', country: 'KE', owner: 'Wanjiru' });
    await app.reload();
    await openFollowUps(page);
    await expect(notice).toBeVisible();
    await chooseOption(page.getByLabel('Owner', { exact: true }), 'Wanjiru');
    await expect(notice).toHaveCount(0);
    // Other tabs do not show it.
    await chooseOption(page.getByLabel('Owner', { exact: true }), 'All owners');
    await expect(notice).toBeVisible();
    await page.getByRole('tab', { name: /^Overdue/ }).click();
    await expect(notice).toHaveCount(0);
  });

  test('cadence rules in Settings: a bad value is marked in the user’s language, a good one is saved and kept', async ({ app }) => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('tab', { name: 'Follow-up rules', exact: true }).click();
    const section = page.getByRole('region', { name: 'Follow-up cadence' });
    const tierA = section.getByRole('textbox', { name: 'Tier A' });
    const inquiry = section.getByRole('textbox', { name: 'An unanswered inquiry after' });
    await expect(tierA).toHaveValue('14');
    await expect(section.getByRole('textbox', { name: 'Tier C' })).toHaveValue('90');
    await expect(inquiry).toHaveValue('2');

    await tierA.fill('7');
    await inquiry.fill('100');
    await expect(section.getByText('Unsaved changes')).toBeVisible();

    // Leaving with unsaved changes asks first.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Customers' }).click();
    const leave = page.getByRole('alertdialog', { name: 'Discard unsaved changes?' });
    await leave.getByRole('button', { name: 'Keep editing' }).click();
    await expect(tierA).toHaveValue('7');

    await section.getByRole('button', { name: 'Save cadence rules' }).click();
    await expect(section.getByText('The cadence rules were not saved. Please check the marked fields.')).toBeVisible();
    await expect(inquiry).toHaveAttribute('aria-invalid', 'true');
    await expect(inquiry).toHaveAccessibleDescription(/Enter a whole number of days from 0 to 60\./);
    await expect(inquiry).toBeFocused();
    await expect(tierA).not.toHaveAttribute('aria-invalid', 'true');
    expect((await api(page, 'cadence.get', {})).tierDays.A).toBe(14);

    // The same message in Chinese.
    await chooseOption(page.getByLabel('Language', { exact: true }).first(), '简体中文');
    const zhSection = page.getByRole('region', { name: '跟进节奏' });
    const zhInquiry = zhSection.getByRole('textbox', { name: '询盘未回复超过' });
    await expect(zhInquiry).toHaveValue('100');
    await zhSection.getByRole('button', { name: '保存跟进节奏' }).click();
    await expect(zhInquiry).toHaveAccessibleDescription(/请输入 0 到 60 之间的整数天数。/);
    await chooseOption(page.getByLabel('语言', { exact: true }).first(), 'English');

    await inquiry.fill('3');
    await expect(inquiry).not.toHaveAttribute('aria-invalid', 'true');
    await section.getByRole('button', { name: 'Save cadence rules' }).click();
    await expect(page.getByRole('status')).toContainText('Cadence rules saved.');
    await expect(section.getByText('Unsaved changes')).toHaveCount(0);
    expect(await api(page, 'cadence.get', {})).toEqual({
      tierDays: { A: 7, B: 30, C: 90, none: 0 },
      unansweredInquiryDays: 3,
      quotationNoReplyDays: 5,
    });

    await app.reload();
    await page.getByRole('tab', { name: 'Follow-up rules', exact: true }).click();
    const reloaded = page.getByRole('region', { name: 'Follow-up cadence' });
    await expect(reloaded.getByRole('textbox', { name: 'Tier A' })).toHaveValue('7');
    await expect(reloaded.getByRole('textbox', { name: 'An unanswered inquiry after' })).toHaveValue('3');
    // Nothing to leave behind now: navigation does not ask.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Customers' }).click();
    await expect(page.getByRole('alertdialog', { name: 'Discard unsaved changes?' })).toHaveCount(0);
  });
});
