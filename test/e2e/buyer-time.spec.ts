import {
  buyerDay,
  buyerTimeAt,
  holidaysWithin,
  HOLIDAYS_SHOWN_DAYS,
  outsideReason,
  utcOffsetLabel,
  workingHoursOf,
} from '../../src/shared/domain/buyer-time';
import { wallTime } from '../../src/shared/time/zoned';
import { countriesInWorkingHours, loadBuyerLibs, minutesToCall } from '../../src/main/services/customers/buyer-zone';
import { fieldText, proposedDue } from './buyer-time';
import { api } from './engine-api';
import { expect, test } from './fixtures';

const APP_ZONE = 'Asia/Shanghai';

test.describe("the buyer's local time", () => {
  test.use({ appTimeZone: APP_ZONE });

  test('the panel shows the local time, working hours and holidays; Plan follow-up proposes a time in the buyer’s working hours', async ({
    app,
  }) => {
    const { page } = app;
    await api(page, 'customers.create', { company: 'Hanse Licht GmbH', country: 'DE', city: 'Hamburg', owner: 'Li Na' });
    const lakeshore = await api(page, 'customers.create', {
      company: 'Lakeshore Lighting Inc',
      country: 'US',
      city: 'Chicago',
      owner: 'Li Na',
    });
    await api(page, 'customers.create', { company: 'Gulf Lamps Trading', country: 'SA', city: '', owner: 'Li Na' });
    await app.reload();
    const grid = page.getByRole('grid', { name: 'Customer list' });

    for (const [company, country, city, zoneName, place] of [
      ['Hanse Licht GmbH', 'DE', 'Hamburg', 'Europe/Berlin', 'Hamburg'],
      ['Lakeshore Lighting Inc', 'US', 'Chicago', 'America/Chicago', 'Chicago'],
      ['Gulf Lamps Trading', 'SA', '', 'Asia/Riyadh', 'Riyadh'],
    ] as const) {
      const zone = await api(page, 'customers.buyerTime', { country, city });
      expect(zone.zone).toBe(zoneName);
      await grid.getByRole('gridcell', { name: company }).click();
      const panel = page.getByRole('complementary', { name: company });
      const line = panel.getByTestId('buyer-time');
      const now = Date.now();
      const clock = buyerTimeAt(now, zoneName, zone.workDays, zone.holidays);
      const offset = utcOffsetLabel(clock.offsetMinutes).replace('+', '\\+');
      await expect(line).toContainText(new RegExp(`Local time \\d\\d:\\d\\d \\(${place}, ${offset}\\)`));
      // The clock shown is the buyer's (within the minute the check took).
      const shown = /Local time (\d\d):(\d\d)/.exec((await line.textContent()) ?? '');
      const w = wallTime(now, zoneName);
      const diff = (Number(shown?.[1]) * 60 + Number(shown?.[2]) - (w.hour * 60 + w.minute) + 1440) % 1440;
      expect(diff).toBeLessThanOrEqual(1);
      if (clock.inWorkingHours) {
        await expect(line).toContainText('in working hours');
      } else {
        await expect(line).toContainText('outside working hours');
        await expect(line).toContainText(/next good time \w{3} \d\d:\d\d \(your time \w{3} \d\d:\d\d\)/);
      }
      const holidays = holidaysWithin(zone.holidays, buyerDay(now, zoneName), HOLIDAYS_SHOWN_DAYS);
      const holidayLine = panel.getByTestId('buyer-holidays');
      if (holidays.length === 0) await expect(holidayLine).toHaveText('No public holidays in the next 14 days.');
      else for (const h of holidays) await expect(holidayLine).toContainText(h.name);
    }

    // Germany's holidays come from the offline library: Christmas Day is on the list when it is ahead.
    const de = await api(page, 'customers.buyerTime', { country: 'DE', city: 'Hamburg' });
    const christmas = de.holidays.find((h) => h.date.endsWith('-12-25'));
    if (christmas) expect(christmas.name).toMatch(/Christmas/);

    // Plan follow-up for the Chicago buyer: the due time is the first minute of their working hours from tomorrow 09:00 (Shanghai).
    await grid.getByRole('gridcell', { name: 'Lakeshore Lighting Inc' }).click();
    const panel = page.getByRole('complementary', { name: 'Lakeshore Lighting Inc' });
    await panel.getByRole('button', { name: 'Plan follow-up' }).click();
    const plan = page.getByRole('dialog', { name: 'Plan a follow-up with Lakeshore Lighting Inc' });
    const expected = await proposedDue(page, 'US', 'Chicago', APP_ZONE);
    await expect(plan.getByLabel('Due date and time')).toHaveValue(fieldText(expected, APP_ZONE));
    await expect(plan).toContainText(/Proposed: the buyer’s next working hours, \w{3} 09:00 their time/);
    await plan.getByRole('button', { name: 'Plan it' }).click();
    await expect(plan).toBeHidden();
    const open = await api(page, 'followups.list', { bucket: 'open', timeZone: APP_ZONE, customerId: lakeshore.id, tiers: [], limit: 10 });
    const dueAt = Date.parse(open.items[0]?.dueAt ?? '');
    expect(dueAt).toBe(expected);
    const us = await api(page, 'customers.buyerTime', { country: 'US', city: 'Chicago' });
    expect(outsideReason(dueAt, 'America/Chicago', workingHoursOf(us.workDays), new Set(us.holidays.map((h) => h.date)))).toBeNull();
  });

  test('"In working hours now" lists only the customers it is a good time to call', async ({ app }) => {
    const { page } = app;
    const customers = [
      ['Hanse Licht GmbH', 'DE'],
      ['Lakeshore Lighting Inc', 'US'],
      ['Gulf Lamps Trading', 'SA'],
      ['Osaka Denki KK', 'JP'],
      ['Sydney Bright Pty', 'AU'],
      // Iran's week runs Saturday to Wednesday: on a Saturday the others may all be closed.
      ['Tehran Noor Co', 'IR'],
    ] as const;
    for (const [company, country] of customers) await api(page, 'customers.create', { company, country, owner: 'Li Na' });
    await app.reload();
    const grid = page.getByRole('grid', { name: 'Customer list' });
    await expect(grid.getByRole('row')).toHaveCount(customers.length + 1);
    await loadBuyerLibs();
    const open = countriesInWorkingHours(Date.now());
    const expected = customers.filter(([, country]) => open.includes(country)).map(([company]) => company);
    await page.getByRole('checkbox', { name: 'In working hours now' }).check();
    // Data rows only (the header row aside): none at all is a right answer at some hours of a weekend.
    await expect(grid.getByRole('row').filter({ has: page.getByRole('gridcell') })).toHaveCount(expected.length);
    for (const company of expected) await expect(grid.getByRole('gridcell', { name: company })).toBeVisible();
    await page.getByRole('checkbox', { name: 'In working hours now' }).uncheck();
    await expect(grid.getByRole('row')).toHaveCount(customers.length + 1);
  });

  test("the Local time column shows the buyer's clock and sorts by the good time to call now", async ({ app }) => {
    const { page } = app;
    const customers = [
      ['Osaka Denki KK', 'JP'],
      ['Hanse Licht GmbH', 'DE'],
      ['Lakeshore Lighting Inc', 'US'],
      ['Sydney Bright Pty', 'AU'],
      ['Gulf Lamps Trading', 'SA'],
    ] as const;
    for (const [company, country] of customers) await api(page, 'customers.create', { company, country, owner: 'Li Na' });
    await app.reload();
    const grid = page.getByRole('grid', { name: 'Customer list' });
    await expect(grid.getByRole('row')).toHaveCount(customers.length + 1);
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('group', { name: 'Visible columns' }).getByRole('checkbox', { name: 'Local time', exact: true }).check();
    await page.keyboard.press('Escape');
    const header = grid.getByRole('columnheader', { name: 'Local time' });
    await header.click();
    await expect(header).toHaveAttribute('aria-sort', 'ascending');
    // Berlin's clock as the grid shows it (weekday and time; the minute may turn while we look).
    const berlin = grid.getByRole('row').filter({ hasText: 'Hanse Licht GmbH' });
    const clock = (ms: number) =>
      new Intl.DateTimeFormat('en', {
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone: 'Europe/Berlin',
      }).format(ms);
    await expect(berlin.locator('.col-localTime')).toHaveText(new RegExp(`^(${clock(Date.now())}|${clock(Date.now() + 60_000)})$`));
    await expect(grid.getByRole('row').filter({ hasText: 'Lakeshore Lighting Inc' }).locator('.col-localTime')).toHaveText(/^≈ /);
    // In the order of minutes to each country's next good time (ties in the order created).
    await loadBuyerLibs();
    const expected = () => {
      const minutes = minutesToCall(Date.now());
      return [...customers]
        .map(([company, country], i) => ({ company, m: minutes.get(country) ?? Infinity, i }))
        .sort((a, b) => a.m - b.m || a.i - b.i)
        .map((c) => c.company);
    };
    await expect
      .poll(async () => {
        const names = await grid
          .getByRole('row')
          .filter({ has: page.getByRole('gridcell') })
          .locator('.col-company')
          .allTextContents();
        return JSON.stringify(names) === JSON.stringify(expected());
      })
      .toBe(true);
  });
});
