import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { chooseOption } from './choose-option';
import { api } from './engine-api';
import { expect, test } from './fixtures';
import { customerNamed, indicator, joinTeam, openLaptop, startServer, startTeam, stopServer } from './team-server';

/**
 * #20, "Done when": a team server and three laptops (the manager Wang Min, the salespeople Li Na and
 * Zhang Wei). The manager hands Li Na's 200 customers with their open follow-ups to Zhang Wei and
 * undoes it; a month later (the server's clock moved) the return rule puts the customers nobody
 * followed up back in the pool; both salespeople claim one of them offline, and when they sync one
 * keeps it while the other is refused with the reason and who holds it.
 */

const DAY_MS = 86_400_000;
const IDLE = 'Idle Imports BV';

const home = (page: Page) => page.url().split('#')[0];
const total = async (page: Page, owners: string[] = []) =>
  (await api(page, 'customers.list', { filter: { owners }, limit: 1, withTotal: true })).total;

async function syncNow(page: Page): Promise<void> {
  await page.goto(`${home(page)}#/settings/team`);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(indicator(page)).toContainText('Synced', { timeout: 30_000 });
}

async function openCustomer(page: Page, company: string) {
  await page.goto(`${home(page)}#/customers`);
  await page.getByRole('searchbox', { name: 'Search customers' }).fill(company);
  await page.getByRole('grid', { name: 'Customer list' }).getByRole('gridcell', { name: company }).click();
  const panel = page.getByRole('complementary', { name: company });
  await expect(panel).toBeVisible();
  return panel;
}

test.describe('team pool', () => {
  test.setTimeout(360_000);

  test('three laptops: a hand-over of 200 customers and its undo, the return rule by the server’s clock, two claims of one customer', async ({
    app,
    scratchDir,
  }, testInfo) => {
    const team = await startTeam('exportdesk-team-pool-');
    const { dataDir, port, url } = team;
    let srv = team.srv;
    const laptopB = await openLaptop(testInfo, scratchDir, 'b');
    const laptopM = await openLaptop(testInfo, scratchDir, 'm');
    try {
      const a = app.page;
      const b = laptopB.page;
      const m = laptopM.page;

      // Li Na's book: 200 customers of her own, 50 of them with a call planned for tomorrow (through the
      // page's window.api in one evaluate: 250 round trips of the test driver would take minutes).
      // On a quiet page: every write refreshes what the page shows (the customer grid would be re-read 250 times).
      await a.goto(`${home(a)}#/settings`);
      await api(a, 'prefs.get', {});
      await a.evaluate(
        async ({ idle, due }) => {
          type Call = (input: unknown) => Promise<{ ok: true; value: { id: number } } | { ok: false; error: { message: string } }>;
          const bridge = (window as unknown as { api: Record<string, Call> }).api;
          const call = async (channel: string, input: unknown) => {
            const r = await bridge[channel]!.call(bridge, input);
            if (!r.ok) throw new Error(r.error.message);
            return r.value;
          };
          for (let i = 0; i < 200; i++) {
            const company = i === 0 ? idle : `Handed Lighting ${String(i).padStart(3, '0')}`;
            const c = await call('customers.create', { company, country: 'NL', owner: 'Li Na' });
            if (i > 0 && i <= 50)
              await call('followups.create', { customerId: c.id, type: 'call', dueAt: due, note: 'Price list', owner: 'Li Na' });
          }
        },
        { idle: IDLE, due: new Date(Date.now() + DAY_MS).toISOString() },
      );
      await app.reload();
      await joinTeam(a, url, srv.fingerprint, 'lina');
      await joinTeam(b, url, srv.fingerprint, 'zhangwei');
      await joinTeam(m, url, srv.fingerprint, 'wangmin');
      await expect.poll(() => total(m), { timeout: 30_000 }).toBe(200);
      expect(await total(b)).toBe(0);

      // The manager hands Li Na's customers to Zhang Wei, who holds none yet (offered as a member of the team).
      await m.goto(`${home(m)}#/settings`);
      await m.getByRole('tab', { name: 'Sales staff', exact: true }).click();
      await m.getByRole('region', { name: 'Sales staff', exact: true }).getByRole('button', { name: 'Hand over customers…' }).click();
      const dialog = m.getByRole('dialog', { name: 'Hand over customers' });
      await chooseOption(dialog.getByRole('combobox', { name: 'From' }), 'Li Na');
      await chooseOption(dialog.getByRole('combobox', { name: 'To' }), 'Zhang Wei');
      await expect(dialog.getByTestId('handover-preview')).toHaveText('200 customers and 50 open follow-ups will go to Zhang Wei.');
      await dialog.getByRole('button', { name: 'Hand over', exact: true }).click();
      const notice = m.getByRole('status').filter({ hasText: 'Handed over to Zhang Wei: 200 customers and 50 open follow-ups.' });
      await expect(notice).toBeVisible();
      // Zhang Wei's laptop gets them with their follow-ups at its next sync (the notice's Undo waits meanwhile).
      await notice.hover();
      await api(m, 'team.sync', {});
      await api(b, 'team.sync', {});
      expect(await total(b, ['Zhang Wei'])).toBe(200);
      expect((await api(b, 'followups.counts', { timeZone: 'UTC', owner: 'Zhang Wei' })).upcoming).toBe(50);

      // Undone: back with Li Na on every laptop, Zhang Wei's copy gone.
      await notice.getByRole('button', { name: 'Undo' }).click();
      await expect(
        m.getByRole('status').filter({ hasText: 'Hand-over undone: 200 customers and 50 open follow-ups back with Li Na.' }),
      ).toBeVisible();
      await api(m, 'team.sync', {});
      await api(b, 'team.sync', {});
      await api(a, 'team.sync', {});
      expect(await total(b)).toBe(0);
      expect(await total(a, ['Li Na'])).toBe(200);
      expect((await api(a, 'followups.counts', { timeZone: 'UTC', owner: 'Li Na' })).upcoming).toBe(50);

      // A month later nobody has completed a follow-up: the manager applies the return rule (30 days) on the server.
      await stopServer(srv.child);
      srv = await startServer(dataDir, port, 31 * DAY_MS);
      await m.goto(`${home(m)}#/settings`);
      await m.getByRole('tab', { name: 'Public pool', exact: true }).click();
      await m.getByRole('button', { name: 'Apply the rules now' }).click();
      await expect(m.getByRole('status').filter({ hasText: '200 customers returned to the pool.' })).toBeVisible({ timeout: 30_000 });
      expect(await total(m, ['Li Na'])).toBe(0);

      // Li Na's laptop shows the customer in the pool, with the rule on its timeline.
      await syncNow(a);
      const panelA = await openCustomer(a, IDLE);
      await expect(panelA.getByText('Pool', { exact: true })).toBeVisible();
      const timeline = panelA.getByRole('list', { name: 'Activity, newest first' });
      await expect(timeline.getByRole('heading', { name: 'Returned to the pool by rule' })).toBeVisible();

      // Zhang Wei's laptop sees the pool too; then both are offline (a fair) and both claim it.
      await syncNow(b);
      expect(await total(b)).toBe(200);
      await stopServer(srv.child);
      await panelA.getByRole('button', { name: 'Claim', exact: true }).click();
      await expect(a.getByRole('status').filter({ hasText: `${IDLE} is yours now.` })).toBeVisible();
      await expect(panelA.getByText('Waiting for the team server to confirm')).toBeVisible();
      const panelB = await openCustomer(b, IDLE);
      await panelB.getByRole('button', { name: 'Claim', exact: true }).click();
      await expect(b.getByRole('status').filter({ hasText: `${IDLE} is yours now.` })).toBeVisible();

      // Back online: the server keeps the first claim it receives and refuses the other, saying who holds the customer.
      srv = await startServer(dataDir, port, 31 * DAY_MS);
      await syncNow(a);
      await syncNow(b);
      await syncNow(a);
      const refusedRow = (page: Page) =>
        page
          .getByRole('table', { name: 'Conflicts between your changes and the team’s' })
          .getByRole('row')
          .filter({ hasText: IDLE })
          .filter({ hasText: 'Not accepted by the server: someone else claimed it first.' });
      await expect.poll(async () => (await refusedRow(a).count()) + (await refusedRow(b).count()), { timeout: 30_000 }).toBe(1);
      const [winner, loser, winnerName] = (await refusedRow(a).count()) === 0 ? [a, b, 'Li Na'] : [b, a, 'Zhang Wei'];
      await expect(refusedRow(loser)).toContainText(`Now held by ${winnerName}.`);
      expect(await customerNamed(loser, IDLE)).toBeUndefined();
      const won = await customerNamed(winner, IDLE);
      if (!won) throw new Error('the winner lost the customer');
      expect(await api(winner, 'pool.status', { customerId: won.id })).toMatchObject({ mine: true, pending: false, owner: winnerName });
      // The manager's laptop agrees.
      await api(m, 'team.sync', {});
      expect((await customerNamed(m, IDLE))?.owner).toBe(winnerName);
    } finally {
      await laptopB.close();
      await laptopM.close();
      await stopServer(srv.child);
      await testInfo.attach('server.log', { path: join(dataDir, 'server.log') }).catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
