import { rmSync } from 'node:fs';
import { api } from './engine-api';
import { expect, test } from './fixtures';
import { customerNamed, indicator, joinTeam, openLaptop, startServer, startTeam, stopServer } from './team-server';

/**
 * #19, "Done when": a new user runs the team server (`npm run server`, embedded PostgreSQL), adds two
 * salespeople and a manager, joins two laptops (two app instances with their own databases) in
 * Settings → Team, works offline on both, reconnects, and sees one book with the right visibility
 * and a conflict list where they collided.
 */

test.describe('team server', () => {
  test.setTimeout(240_000);

  test('two laptops join, work offline, reconnect: one book, private customers stay private, the collision is listed and resolved', async ({
    app,
    scratchDir,
  }, testInfo) => {
    const team = await startTeam('exportdesk-team-');
    const { dataDir, port, url } = team;
    let srv = team.srv;
    const laptopB = await openLaptop(testInfo, scratchDir, 'b');
    try {
      const a = app.page;
      const b = laptopB.page;

      // Laptop A (Li Na) has a book already: a public buyer and one of her own.
      await api(a, 'customers.create', { company: 'Harbor Lights Trading LLC', country: 'AE', city: 'Dubai' });
      await api(a, 'customers.create', {
        company: 'Lina Private Lighting Co',
        country: 'DE',
        owner: 'Li Na',
        website: 'https://www.lina-private-lighting.example',
      });
      await a.reload();
      await joinTeam(a, url, srv.fingerprint, 'lina');
      await joinTeam(b, url, srv.fingerprint, 'zhangwei');

      // B gets the public buyer, never Li Na's own.
      await expect.poll(async () => Boolean(await customerNamed(b, 'Harbor Lights Trading LLC')), { timeout: 20_000 }).toBe(true);
      expect(await customerNamed(b, 'Lina Private Lighting Co')).toBeUndefined();
      await b.goto(`${b.url().split('#')[0]}#/customers`);
      await expect(
        b.getByRole('grid', { name: 'Customer list' }).getByRole('gridcell', { name: 'Harbor Lights Trading LLC' }),
      ).toBeVisible();
      await expect(b.getByRole('grid', { name: 'Customer list' }).getByRole('gridcell', { name: 'Lina Private Lighting Co' })).toHaveCount(
        0,
      );

      // The server goes away (a fair without network): both keep working.
      await stopServer(srv.child);
      const onA = await customerNamed(a, 'Harbor Lights Trading LLC');
      const onB = await customerNamed(b, 'Harbor Lights Trading LLC');
      if (!onA || !onB) throw new Error('the shared customer is missing');
      await api(a, 'customers.update', { id: onA.id, version: onA.version, patch: { city: 'Abu Dhabi' } });
      await api(b, 'customers.update', { id: onB.id, version: onB.version, patch: { city: 'Sharjah' } });
      await api(b, 'customers.create', { company: 'Fair Lead Electrical FZE', country: 'AE' });
      // And, at the fair, a lead of his own for Li Na's private buyer (their web address): a collision found at the next sync.
      await api(b, 'customers.create', {
        company: 'Private Lighting Berlin',
        country: 'DE',
        owner: 'Zhang Wei',
        website: 'lina-private-lighting.example/contact',
      });
      await expect(indicator(a)).toContainText(/Offline|change waiting|changes waiting/, { timeout: 30_000 });

      // Back in the office: A first, then B (B's edit is the later one and wins; A's is kept in its list).
      srv = await startServer(dataDir, port);
      for (const page of [a, b]) {
        await page.goto(`${page.url().split('#')[0]}#/settings/team`);
        await page.getByRole('button', { name: 'Sync now' }).click();
        await expect(indicator(page)).toContainText('Synced', { timeout: 30_000 });
      }
      await a.getByRole('button', { name: 'Sync now' }).click();
      await expect(indicator(a)).toContainText('Synced', { timeout: 30_000 });
      await expect.poll(async () => (await customerNamed(a, 'Harbor Lights Trading LLC'))?.city, { timeout: 20_000 }).toBe('Sharjah');
      expect((await customerNamed(b, 'Harbor Lights Trading LLC'))?.city).toBe('Sharjah');
      await expect.poll(async () => Boolean(await customerNamed(a, 'Fair Lead Electrical FZE')), { timeout: 20_000 }).toBe(true);
      expect(await customerNamed(b, 'Lina Private Lighting Co')).toBeUndefined();

      // The collision is listed on A with both values; keeping A's sends it to B.
      const conflicts = a.getByRole('table', { name: 'Conflicts between your changes and the team’s' });
      const row = conflicts.getByRole('row').filter({ hasText: 'Harbor Lights Trading LLC' });
      await expect(row).toContainText('Abu Dhabi');
      await expect(row).toContainText('Sharjah');
      await row.getByRole('button', { name: 'Keep mine' }).click();

      // The lead Zhang Wei captured offline is listed for both: Li Na sees her customer, and his only by owner.
      await expect(a.getByTestId('team-role-note')).toContainText('As a salesperson you see your own customers');
      const chasedA = a.getByRole('table', { name: 'Customers that match a customer another salesperson owns' });
      const reportA = chasedA.getByRole('row').filter({ hasText: 'Lina Private Lighting Co' });
      await expect(reportA).toContainText('a colleague’s private customer');
      await expect(reportA).toContainText('owned by Zhang Wei');
      await expect(reportA).toContainText('same company domain');
      const chasedB = b.getByRole('table', { name: 'Customers that match a customer another salesperson owns' });
      const reportB = chasedB.getByRole('row').filter({ hasText: 'Private Lighting Berlin' });
      await expect(reportB).toContainText('owned by Li Na');
      await expect(reportB).not.toContainText('Lina Private Lighting Co');
      await expect(row).toHaveCount(0);
      await expect.poll(async () => (await customerNamed(a, 'Harbor Lights Trading LLC'))?.city, { timeout: 20_000 }).toBe('Abu Dhabi');
      await b.getByRole('button', { name: 'Sync now' }).click();
      await expect.poll(async () => (await customerNamed(b, 'Harbor Lights Trading LLC'))?.city, { timeout: 20_000 }).toBe('Abu Dhabi');

      // The manager's laptop gets the whole book: both salespeople's customers, private ones too.
      const laptopM = await openLaptop(testInfo, scratchDir, 'm');
      try {
        const m = laptopM.page;
        await joinTeam(m, url, srv.fingerprint, 'wangmin');
        for (const company of ['Harbor Lights Trading LLC', 'Lina Private Lighting Co', 'Fair Lead Electrical FZE'])
          await expect.poll(async () => Boolean(await customerNamed(m, company)), { timeout: 20_000 }).toBe(true);
        expect((await customerNamed(m, 'Harbor Lights Trading LLC'))?.city).toBe('Abu Dhabi');
        // The manager sees the collision with both names, and marks it handled; the salespeople see who did.
        await m.goto(`${m.url().split('#')[0]}#/settings/team`);
        await m.getByRole('button', { name: 'Sync now' }).click();
        await expect(indicator(m)).toContainText('Synced', { timeout: 30_000 });
        const chasedM = m.getByRole('table', { name: 'Customers that match a customer another salesperson owns' });
        const reportM = chasedM.getByRole('row').filter({ hasText: 'Private Lighting Berlin' });
        await expect(reportM).toContainText('Lina Private Lighting Co');
        await reportM.getByRole('button', { name: 'Mark handled' }).click();
        await expect(reportM).toContainText('Handled by Wang Min');
        await b.getByRole('button', { name: 'Sync now' }).click();
        await expect(reportB).toContainText('Handled by Wang Min', { timeout: 20_000 });
      } finally {
        await laptopM.close();
      }

      // At the booth Zhang Wei meets a buyer of Li Na's private customer: quick capture's collision alert sends her the lead.
      await b.keyboard.press('Control+Shift+L');
      await b.getByRole('dialog', { name: "Today's fair" }).getByRole('textbox', { name: 'Fair name' }).fill('Canton Fair 2026');
      await b.keyboard.press('Enter');
      const capture = b.getByRole('dialog', { name: 'Quick capture' });
      await capture.getByRole('textbox', { name: 'Company' }).fill('Lina Private Lighting');
      await capture.getByRole('textbox', { name: 'Email' }).fill('buyer@lina-private-lighting.example');
      await capture.getByTestId('collision-check').getByRole('button', { name: 'Add as a lead for Li Na' }).click();
      await expect(capture.getByTestId('capture-saved')).toHaveText('Sent to Li Na as a lead.');
      await expect(capture.getByRole('textbox', { name: 'Company' })).toHaveValue('');
      await b.keyboard.press('Escape');
      await expect(capture).toHaveCount(0);

      // From the collision alert Zhang Wei asks Li Na to share her private buyer; she shares it read-only, his next sync brings it.
      await b.goto(`${b.url().split('#')[0]}#/customers`);
      await b.getByRole('button', { name: 'New customer' }).click();
      const form = b.getByRole('dialog', { name: 'New customer' });
      await form.getByRole('textbox', { name: 'Website' }).fill('www.lina-private-lighting.example');
      await form.getByTestId('collision-check').getByRole('button', { name: 'Ask Li Na to share' }).click();
      await expect(form.getByTestId('collision-check')).toContainText('Asked Li Na to share it');
      await form.getByRole('button', { name: 'Cancel' }).click();
      await b.getByRole('alertdialog', { name: 'Discard unsaved changes?' }).getByRole('button', { name: 'Discard changes' }).click();
      await a.getByRole('button', { name: 'Sync now' }).click();
      const requestsA = a.getByRole('table', { name: 'Requests from colleagues about your customers' });
      const lead = requestsA.getByRole('row').filter({ hasText: 'buyer@lina-private-lighting.example' });
      await lead.getByRole('button', { name: 'Add to the customer: Lina Private Lighting Co' }).click();
      await expect(lead).toContainText('Lead added by Li Na');
      const asked = requestsA.getByRole('row').filter({ hasText: 'Share the customer' });
      await asked.getByRole('button', { name: 'Share (read): Lina Private Lighting Co' }).click();
      await expect(asked).toContainText('Shared read-only by Li Na');
      await b.goto(`${b.url().split('#')[0]}#/settings/team`);
      await b.getByRole('button', { name: 'Sync now' }).click();
      await expect.poll(async () => Boolean(await customerNamed(b, 'Lina Private Lighting Co')), { timeout: 20_000 }).toBe(true);
    } finally {
      await laptopB.close();
      await stopServer(srv.child);
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
