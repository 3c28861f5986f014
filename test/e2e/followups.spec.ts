import type { Locator, Page } from '@playwright/test';
import { chooseOption, shownChoice } from './choose-option';
import type { ExportDeskApi } from '../../src/shared/ipc/api';
import { fieldText, proposedDue } from './buyer-time';
import { api } from './engine-api';
import { expect, test } from './fixtures';

/** The page's own time zone, as the UI passes it to the engine. */
const pageZone = (page: Page) => page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);

/**
 * A fixed-offset zone where it is about noon now, so "later today" (23:00 local) is always today
 * however close the machine is to its own midnight. Etc/GMT-8 is UTC+8.
 */
function middayZone(): string {
  const now = new Date();
  const offset = Math.max(-12, Math.min(14, Math.round(12 - (now.getUTCHours() + now.getUTCMinutes() / 60))));
  return offset === 0 ? 'UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

/** 23:00 today in the page's local time, as the date-time picker shows it ("2026-04-15 23:00"). */
async function laterToday(page: Page): Promise<string> {
  return page.evaluate(() => {
    const now = new Date();
    const p = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())} 23:00`;
  });
}

/**
 * As a keyboard user enters a date and time in the focused date-time picker: types it over the
 * value shown ("2031-05-06 09:30") and presses Enter, which takes it and closes the picker's pop-up.
 */
async function typeDateTime(page: Page, field: Locator, text: string): Promise<void> {
  await expect(field).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await expect(field).toHaveValue(text);
}

/** An ISO instant (with the local offset) `daysFromToday` local days from today at hh:mm local time. */
async function localInstant(page: Page, daysFromToday: number, hours: number, minutes = 0): Promise<string> {
  return page.evaluate(
    ({ daysFromToday, hours, minutes }) => {
      const now = new Date();
      return new Date(now.getFullYear(), now.getMonth(), now.getDate() + daysFromToday, hours, minutes).toISOString();
    },
    { daysFromToday, hours, minutes },
  );
}

test.describe('follow-ups', () => {
  test.use({ appTimeZone: middayZone() });

  test('plan from a customer, see it on Today with the nav badge, complete it, plan the next one, snooze and overdue', async ({ app }) => {
    // A long story (ending with the customer's timeline), on a shared machine: more time than the default.
    test.slow();
    const { page } = app;
    const timeZone = await pageZone(page);
    const customer = await api(page, 'customers.create', { company: 'Harbor Lights Trading LLC', country: 'AE', owner: 'Li Na' });
    const other = await api(page, 'customers.create', { company: 'Nordic Tools AB', country: 'SE', owner: 'Chen Wei' });
    await app.reload();

    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    const badge = nav.getByTestId('nav-followups-badge');
    await expect(nav.getByRole('link', { name: /Follow-ups/ })).toBeVisible();
    await expect(badge).toHaveCount(0);

    // From the customer's detail panel: Plan follow-up, by keyboard where a user would.
    const grid = page.getByRole('grid', { name: 'Customer list' });
    await grid.getByRole('gridcell', { name: 'Harbor Lights Trading LLC' }).click();
    const panel = page.getByRole('complementary', { name: 'Harbor Lights Trading LLC' });
    await panel.getByRole('button', { name: 'Plan follow-up' }).click();
    const plan = page.getByRole('dialog', { name: 'Plan a follow-up with Harbor Lights Trading LLC' });
    const typeSelect = plan.getByRole('combobox', { name: 'Type' });
    await expect(typeSelect).toBeFocused();
    await chooseOption(typeSelect, 'WhatsApp');
    // Defaults: from tomorrow 09:00 local, the first minute of the buyer's working hours (Dubai), the customer's owner.
    const zone = await pageZone(page);
    const due = plan.getByLabel('Due date and time');
    await expect(due).toHaveValue(fieldText(await proposedDue(page, 'AE', '', zone), zone));
    await expect(plan.getByRole('combobox', { name: 'Owner' })).toHaveValue('Li Na');
    await page.keyboard.press('Tab');
    await typeDateTime(page, due, await laterToday(page));
    await plan.getByRole('textbox', { name: 'Note' }).fill('Ask about the LED panel order');
    await plan.getByRole('button', { name: 'Plan it' }).click();
    await expect(plan).toBeHidden();
    await expect(page.getByRole('status')).toContainText('Follow-up with Harbor Lights Trading LLC planned for');

    // The navigation badge counts it (overdue + today), without a reload.
    await expect(badge).toHaveAttribute('data-count', '1');

    // The Follow-ups page: on Today, with its count.
    await nav.getByRole('link', { name: /Follow-ups/ }).click();
    await expect(page).toHaveURL(/#\/followups$/);
    await expect(page.getByRole('heading', { name: 'Follow-ups', level: 1 })).toBeVisible();
    const todayTab = page.getByRole('tab', { name: /^Today/ });
    await expect(todayTab).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('followups-count-today')).toHaveText('1');
    await expect(page.getByText('C complete')).toBeVisible();
    const table = page.getByRole('table', { name: 'Today' });
    const row = table.getByRole('row', { name: 'WhatsApp · Harbor Lights Trading LLC' });
    await expect(row).toBeVisible();
    await expect(row).toContainText('AE');
    await expect(row).toContainText('Li Na');
    await expect(row).toContainText('Ask about the LED panel order');
    await expect(row.getByRole('link', { name: 'Harbor Lights Trading LLC' })).toHaveAttribute('href', /#\/customers\?filter=/);
    await expect(row.getByRole('button', { name: 'Complete' })).toHaveAttribute('title', 'Complete (C)');
    await expect(row.getByRole('button', { name: 'Snooze 1 day' })).toHaveAttribute('title', 'Snooze 1 day (S)');

    // Complete by keyboard: C, the outcome is required, then the proposed next follow-up.
    await row.focus();
    await page.keyboard.press('c');
    const complete = page.getByRole('dialog', { name: 'Complete follow-up' });
    const outcome = complete.getByRole('textbox', { name: 'Outcome' });
    await expect(outcome).toBeFocused();
    await complete.getByRole('button', { name: 'Complete' }).click();
    await expect(complete.getByText('This field is required')).toBeVisible();
    await outcome.fill('Confirmed 2 x 40HQ, deposit next week');
    await complete.getByRole('button', { name: 'Complete' }).click();
    const next = page.getByRole('dialog', { name: 'Plan the next follow-up?' });
    await expect(next).toContainText('in 30 days'); // no revenue yet: the engine's default cadence
    await expect(shownChoice(next.getByRole('combobox', { name: 'Type' }))).toHaveText('WhatsApp');
    await chooseOption(next.getByRole('combobox', { name: 'Type' }), 'Email');
    await next.getByRole('button', { name: 'Plan it' }).click();
    await expect(next).toBeHidden();

    // Today is empty, the badge is gone, Done has it with its outcome.
    await expect(page.getByTestId('followups-count-today')).toHaveText('0');
    await expect(page.getByText('Nothing is due today.')).toBeVisible();
    await expect(badge).toHaveCount(0);
    await page.getByRole('tab', { name: /^Done/ }).click();
    const done = page.getByRole('table', { name: 'Done' });
    await expect(done.getByRole('row', { name: 'WhatsApp · Harbor Lights Trading LLC' })).toContainText(
      'Confirmed 2 x 40HQ, deposit next week',
    );

    // The planned next one is open, an email, owned by the customer's owner, due after the next 7 days.
    const open = await api(page, 'followups.list', { bucket: 'open', timeZone, customerId: customer.id, tiers: [], limit: 10 });
    expect(open.items).toHaveLength(1);
    expect(open.items[0]?.type).toBe('email');
    expect(open.items[0]?.owner).toBe('Li Na');
    const inDays = (Date.parse(open.items[0]?.dueAt ?? '') - Date.now()) / 86_400_000;
    expect(inDays).toBeGreaterThan(28);
    expect(inDays).toBeLessThan(31);

    // Snooze by keyboard: S pushes a follow-up due today by one day; it leaves Today for Upcoming.
    await api(page, 'followups.create', { customerId: other.id, type: 'call', dueAt: await localInstant(page, 0, 23, 30) });
    await page.getByRole('tab', { name: /^Today/ }).click();
    const callRow = page.getByRole('table', { name: 'Today' }).getByRole('row', { name: 'Call · Nordic Tools AB' });
    await expect(callRow).toBeVisible();
    await expect(badge).toHaveAttribute('data-count', '1');
    await callRow.focus();
    await page.keyboard.press('s');
    await expect(page.getByRole('status')).toContainText('Follow-up with Nordic Tools AB snoozed until');
    await expect(callRow).toBeHidden();
    await expect(page.getByTestId('followups-count-today')).toHaveText('0');
    await expect(page.getByTestId('followups-count-upcoming')).toHaveText('1');
    await expect(badge).toHaveCount(0);
    await page.getByRole('tab', { name: /^Upcoming/ }).click();
    await expect(page.getByRole('table', { name: 'Upcoming (7 days)' }).getByRole('row', { name: 'Call · Nordic Tools AB' })).toBeVisible();

    // Overdue: a follow-up due three local days ago shows in red with "3 days overdue".
    await api(page, 'followups.create', {
      customerId: other.id,
      type: 'quotation',
      dueAt: await localInstant(page, -3, 10),
      note: 'Send the revised price list',
    });
    await expect(page.getByTestId('followups-count-overdue')).toHaveText('1');
    await expect(badge).toHaveAttribute('data-count', '1');
    await page.getByRole('tab', { name: /^Overdue/ }).click();
    const late = page.getByRole('table', { name: 'Overdue' }).getByRole('row', { name: 'Quotation · Nordic Tools AB' });
    await expect(late).toContainText('3 days overdue');
    await expect(late).toHaveClass(/is-overdue/);

    // Owner filter: Li Na has none overdue; Chen Wei has this one.
    await chooseOption(page.getByLabel('Owner', { exact: true }), 'Li Na');
    await expect(page.getByText('No follow-ups match these filters.')).toBeVisible();
    await expect(page.getByTestId('followups-count-overdue')).toHaveText('0');
    await chooseOption(page.getByLabel('Owner', { exact: true }), 'Chen Wei');
    await expect(late).toBeVisible();

    // Reschedule (R) to later today: it moves from Overdue to Today.
    await late.focus();
    await page.keyboard.press('r');
    const reschedule = page.getByRole('dialog', { name: 'Reschedule follow-up' });
    // The dialog opens on the date-time field.
    await typeDateTime(page, reschedule.getByLabel('Due date and time'), await laterToday(page));
    await reschedule.getByRole('button', { name: 'Reschedule' }).click();
    await expect(reschedule).toBeHidden();
    await expect(page.getByTestId('followups-count-overdue')).toHaveText('0');
    await expect(page.getByTestId('followups-count-today')).toHaveText('1');

    // The customer's timeline, newest first: the planned next follow-up, a complaint, and the
    // completed one with its outcome; the kind checkboxes filter it.
    await api(page, 'complaints.create', {
      customerId: customer.id,
      category: 'packaging',
      severity: 'low',
      description: 'Two cartons arrived crushed',
    });
    await nav.getByRole('link', { name: 'Customers' }).click();
    await grid.getByRole('gridcell', { name: 'Harbor Lights Trading LLC' }).click();
    const timeline = panel.getByRole('region', { name: 'Timeline' });
    const entries = timeline.getByRole('list', { name: 'Activity, newest first' });
    await expect(entries.getByRole('heading', { level: 4 })).toHaveText([
      'Follow-up planned · Email',
      'Complaint opened · Low',
      'Follow-up done · WhatsApp',
    ]);
    const doneEntry = entries.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Follow-up done · WhatsApp' }) });
    await expect(doneEntry).toContainText('Confirmed 2 x 40HQ, deposit next week');
    const plannedEntry = entries.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Follow-up planned · Email' }) });
    await expect(plannedEntry).toContainText(/due /);
    const complaintEntry = entries.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Complaint opened · Low' }) });
    await expect(complaintEntry).toContainText('Two cartons arrived crushed');

    const followUpsKind = timeline.getByRole('checkbox', { name: 'Follow-ups' });
    await expect(followUpsKind).toBeChecked();
    await followUpsKind.uncheck();
    await expect(entries.getByRole('heading', { level: 4 })).toHaveText(['Complaint opened · Low']);
    await followUpsKind.check();
    await timeline.getByRole('checkbox', { name: 'Complaints' }).uncheck();
    await expect(entries.getByRole('heading', { level: 4 })).toHaveText(['Follow-up planned · Email', 'Follow-up done · WhatsApp']);
    // Only follow-ups: the completed one stays (it is recorded as an activity, still shown as a follow-up).
    for (const kind of ['Inquiries', 'Orders', 'Other changes', 'Needs', 'Surveys', 'Imports'])
      await timeline.getByRole('checkbox', { name: kind }).uncheck();
    await expect(doneEntry).toContainText('Confirmed 2 x 40HQ, deposit next week');
    await followUpsKind.uncheck();
    await expect(timeline.getByText('Choose at least one kind to show.')).toBeVisible();

    // A long history comes a page at a time: "Show more" brings the rest and focus goes to the first new entry.
    for (const kind of ['Inquiries', 'Orders', 'Follow-ups', 'Other changes', 'Needs', 'Complaints', 'Surveys', 'Imports'])
      await timeline.getByRole('checkbox', { name: kind }).check();
    await page.evaluate(async (customerId) => {
      const target = (window as unknown as { api: ExportDeskApi }).api;
      for (let i = 1; i <= 30; i++) {
        const res = await target['followups.create']({
          customerId,
          type: 'visit',
          dueAt: new Date(Date.now() + (40 + i) * 86_400_000).toISOString(),
          note: `Visit ${i}`,
        });
        if (!res.ok) throw new Error(res.error.message);
      }
    }, customer.id);
    const items = entries.getByRole('listitem');
    await expect(items).toHaveCount(30);
    await expect(items.first()).toContainText('Visit 30');
    await timeline.getByRole('button', { name: 'Show more' }).click();
    await expect(items).toHaveCount(33);
    await expect(items.last()).toContainText('Confirmed 2 x 40HQ, deposit next week');
    await expect(items.nth(30)).toBeFocused();
    await expect(timeline.getByRole('button', { name: 'Show more' })).toHaveCount(0);
  });

  test('Shift+S offers 1 day, 3 days or a week; Delete cancels after confirming', async ({ app }) => {
    const { page } = app;
    const timeZone = await pageZone(page);
    const customer = await api(page, 'customers.create', { company: 'Andes Hardware SA', country: 'CL', owner: '' });
    const due = await localInstant(page, -1, 15);
    const first = await api(page, 'followups.create', { customerId: customer.id, type: 'sample', dueAt: due });
    await api(page, 'followups.create', { customerId: customer.id, type: 'visit', dueAt: due });
    await page.goto(`${page.url().split('#')[0] ?? ''}#/followups`);
    await page.getByRole('tab', { name: /^Overdue/ }).click();
    const table = page.getByRole('table', { name: 'Overdue' });
    const sample = table.getByRole('row', { name: 'Sample · Andes Hardware SA' });
    const visit = table.getByRole('row', { name: 'Visit · Andes Hardware SA' });
    await expect(sample).toContainText('1 day overdue');

    // Arrow keys move between rows; Shift+S on the second offers the choices.
    await sample.focus();
    await page.keyboard.press('ArrowDown');
    await expect(visit).toBeFocused();
    await page.keyboard.press('Shift+S');
    const snooze = page.getByRole('dialog', { name: 'Snooze for how long?' });
    await snooze.getByRole('button', { name: '1 week' }).click();
    await expect(snooze).toBeHidden();
    await expect(visit).toBeHidden();
    // Focus stays in the list.
    await expect(sample).toBeFocused();

    // Delete asks first; "Keep it" keeps it, confirming cancels it.
    await page.keyboard.press('Delete');
    const ask = page.getByRole('alertdialog', { name: 'Cancel this follow-up?' });
    await ask.getByRole('button', { name: 'Keep it' }).click();
    await expect(sample).toBeVisible();
    await sample.getByRole('button', { name: 'Cancel' }).click();
    await ask.getByRole('button', { name: 'Cancel follow-up' }).click();
    await expect(page.getByText('Nothing is overdue.')).toBeVisible();

    const open = await api(page, 'followups.list', { bucket: 'open', timeZone, customerId: customer.id, tiers: [], limit: 10 });
    expect(open.items.map((f) => f.type)).toEqual(['visit']);
    expect(open.items.some((f) => f.id === first.id)).toBe(false);
  });
});

test.describe('in another time zone', () => {
  test.use({ appTimeZone: 'Asia/Shanghai' });

  test('(Asia/Shanghai) the due time entered is local and the lists use local days', async ({ app }) => {
    const { page } = app;
    expect(await pageZone(page)).toBe('Asia/Shanghai');
    const customer = await api(page, 'customers.create', { company: 'Shenzhen Buyer Co', country: 'HK', owner: 'Zhao Lei' });
    await page.goto(`${page.url().split('#')[0] ?? ''}#/customers`);
    await page.getByRole('grid', { name: 'Customer list' }).getByRole('gridcell', { name: 'Shenzhen Buyer Co' }).click();
    await page.getByRole('complementary', { name: 'Shenzhen Buyer Co' }).getByRole('button', { name: 'Plan follow-up' }).click();
    const plan = page.getByRole('dialog', { name: 'Plan a follow-up with Shenzhen Buyer Co' });
    const due = plan.getByLabel('Due date and time');
    await due.focus();
    await typeDateTime(page, due, '2031-05-06 09:30');
    await plan.getByRole('button', { name: 'Plan it' }).click();
    await expect(plan).toBeHidden();
    const open = await api(page, 'followups.list', {
      bucket: 'open',
      timeZone: 'Asia/Shanghai',
      customerId: customer.id,
      tiers: [],
      limit: 10,
    });
    // 09:30 in Shanghai (UTC+8) is 01:30 UTC.
    expect(Date.parse(open.items[0]?.dueAt ?? '')).toBe(Date.parse('2031-05-06T01:30:00Z'));
    expect(open.items[0]?.owner).toBe('Zhao Lei');
  });
});
