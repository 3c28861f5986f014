import { expect, test } from './fixtures';
import { chooseOption } from './choose-option';
import { textContrast } from './contrast';
import { api } from './engine-api';
import { seedFixtures } from './seed';

/** Customers per continent (UN M49 code) after importing the six sample files. */
const CONTINENTS: Record<string, number> = { '142': 51, '150': 40, '019': 33, '002': 26, '009': 6 };
const TOTAL = 156;

/** The filter a #/customers?filter=… URL carries. */
function linkedFilter(url: string): Record<string, unknown> {
  const hash = new URL(url).hash;
  expect(hash.startsWith('#/customers?')).toBe(true);
  const raw = new URLSearchParams(hash.slice(hash.indexOf('?') + 1)).get('filter');
  expect(raw).not.toBeNull();
  return JSON.parse(raw ?? 'null') as Record<string, unknown>;
}

test.describe('dashboard', () => {
  test('an empty database points to Import', async ({ app }) => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Dashboard' }).click();
    await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Nothing to chart yet' })).toBeVisible();
    // Before: the page's link colour painted the button's text blue on its blue background (ratio 1.0).
    const go = page.getByRole('link', { name: 'Go to Import' });
    expect(await textContrast(go)).toBeGreaterThanOrEqual(4.5);
    await go.click();
    await expect(page).toHaveURL(/#\/import$/);
  });

  test('figures and charts of the sample data, click-through to customers, and Chinese labels', async ({ app }) => {
    const { page } = app;
    await seedFixtures(page);
    await app.reload();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Dashboard' }).click();
    await expect(page).toHaveURL(/#\/dashboard$/);

    // Headline figures.
    await expect(page.locator('[data-figure="customers"] .headline-value')).toHaveText(String(TOTAL));
    await expect(page.locator('[data-figure="revenue"] .headline-value')).toHaveText(/\$/);
    await expect(page.locator('[data-figure="at-risk"] .headline-value')).toHaveText(/^\d+$/);
    await expect(page.locator('[data-figure="classified"] .headline-value')).not.toHaveText('Not yet');

    // Every chart draws on a canvas.
    const charts = page.locator('.echart');
    await expect(charts).toHaveCount(7);
    for (const chart of await charts.all()) {
      await expect(chart.locator('canvas').first()).toBeAttached();
    }

    // Continents: the chart (English ECharts locale) and the table under it, which lists the counts.
    const continents = page.getByRole('region', { name: 'Customers and revenue by continent' });
    await expect(continents.getByRole('img', { name: /^Customers and revenue by continent/ })).toHaveAttribute('data-locale', 'EN');
    await continents.getByText('Show as table').click();
    const continentTable = continents.getByRole('table');
    await expect(continentTable).toBeVisible();
    for (const [code, count] of Object.entries(CONTINENTS)) {
      await expect(continentTable.locator(`tr[data-key="${code}"] td[data-count]`)).toHaveAttribute('data-count', String(count));
    }
    await expect(continentTable.locator('tr[data-key="150"] th')).toHaveText('Europe');

    // Value × potential: four tiles that together hold every customer.
    const cells = page.locator('.matrix-cell');
    await expect(cells).toHaveCount(4);
    const counts = await cells.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-count'))));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(TOTAL);
    for (const key of ['key', 'maintain', 'develop', 'low']) await expect(page.locator(`.matrix-cell[data-key="${key}"]`)).toHaveCount(1);

    // Revenue trend: 24 months.
    const trend = page.getByRole('region', { name: 'Revenue over the last 24 months' });
    await trend.getByText('Show as table').click();
    await expect(trend.getByRole('table').locator('tbody tr')).toHaveCount(24);

    // The other class tables link to the grid with their filter.
    const tiers = page.getByRole('region', { name: 'Value tiers (ABC)' });
    await tiers.getByText('Show as table').click();
    const tierA = tiers.getByRole('link', { name: 'Tier A' });
    expect(linkedFilter(new URL((await tierA.getAttribute('href')) ?? '', page.url()).href)).toEqual({ tiers: ['A'] });

    // At-risk customers link to their own row in the churn-warning list.
    const atRisk = page.getByRole('region', { name: 'Customers at risk' });
    const firstAtRisk = atRisk.getByRole('table').locator('tbody tr').first().getByRole('link');
    const company = (await firstAtRisk.textContent()) ?? '';
    expect(linkedFilter(new URL((await firstAtRisk.getAttribute('href')) ?? '', page.url()).href)).toEqual({
      churn: ['warning'],
      search: company,
    });
    const allAtRisk = atRisk.getByRole('link', { name: /^Show (all )?\d+ customers? with a churn warning$/ });
    expect(linkedFilter(new URL((await allAtRisk.getAttribute('href')) ?? '', page.url()).href)).toEqual({ churn: ['warning'] });

    // Click through: Europe opens the customers grid filtered to that continent.
    await continentTable.getByRole('link', { name: 'Europe' }).click();
    await expect(page).toHaveURL(/#\/customers\?filter=/);
    expect(linkedFilter(page.url())).toEqual({ continents: ['150'] });
    await expect(page.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();
    await expect(page.locator('.toolbar-total')).toHaveText(`${CONTINENTS['150']} customers`);

    // Back on the dashboard in Chinese: class names and chart text follow the language.
    await page.goBack();
    await expect(page).toHaveURL(/#\/dashboard$/);
    await chooseOption(page.getByLabel('Language'), '简体中文');
    await expect(page.getByRole('heading', { name: '数据概览', level: 1 })).toBeVisible();
    const zhContinents = page.getByRole('region', { name: '各大洲客户数与营收' });
    await zhContinents.getByText('以表格显示').click();
    await expect(zhContinents.getByRole('link', { name: '欧洲' })).toBeVisible();
    await expect(page.locator('.echart')).toHaveCount(7);
    // The charts are created again with ECharts' ZH locale, and described in Chinese.
    const zhChart = zhContinents.getByRole('img', { name: /^各大洲客户数与营收/ });
    await expect(zhChart).toHaveAttribute('data-locale', 'ZH');
    await expect(zhChart.locator('canvas').first()).toBeAttached();
  });

  test('deals: the pipeline by stage and the win rate by owner', async ({ app }) => {
    const { page } = app;
    const a = await api(page, 'customers.create', { company: 'Licht Werk GmbH', country: 'DE', industry: 'Lighting', owner: 'Li Na' });
    const b = await api(page, 'customers.create', { company: 'Bright Co', country: 'US', industry: 'Retail', owner: 'Chen Wei' });
    const won = await api(page, 'deals.create', {
      customerId: a.id,
      title: 'Panels',
      stage: 'negotiation',
      amountMinor: 1_000_000,
      currency: 'USD',
    });
    await api(page, 'deals.move', { id: won.id, version: won.version, stage: 'won' });
    const lost = await api(page, 'deals.create', {
      customerId: b.id,
      title: 'Tubes',
      stage: 'quoted',
      amountMinor: 500_000,
      currency: 'USD',
    });
    await api(page, 'deals.move', { id: lost.id, version: lost.version, stage: 'lost', lostReason: 'price' });
    await api(page, 'deals.create', { customerId: b.id, title: 'Bulbs', stage: 'negotiation', amountMinor: 2_000_000, currency: 'USD' });
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Dashboard' }).click();
    const stages = page.getByRole('table', { name: 'Pipeline by stage' });
    // Negotiation: one open deal of US$20,000, weighted at 60 %.
    await expect(stages.getByRole('row', { name: /^Negotiation/ })).toHaveText(/1\s*\$20,000\s*\$12,000/);
    await expect(stages.getByRole('row', { name: /^Won/ })).toHaveText(/1\s*\$10,000/);
    const groups = page.getByRole('table', { name: 'Deals by region, industry and owner' });
    await page.getByRole('radiogroup', { name: 'Group deals by' }).getByText('Owner').click();
    await expect(groups.getByRole('row', { name: /^Li Na/ })).toHaveText(/Li Na\s*0\s*\$0\s*1\s*0\s*100%/);
    await expect(groups.getByRole('row', { name: /^Chen Wei/ })).toHaveText(/Chen Wei\s*1\s*\$12,000\s*0\s*1\s*0%/);
  });
});
