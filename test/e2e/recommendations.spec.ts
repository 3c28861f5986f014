import { api } from './engine-api';
import { expect, test } from './fixtures';

/**
 * Recommendations (#21 item 5): what similar buyers bought, on the customer and on a product, each
 * explained and usable as a follow-up or tag list.
 */
test.describe('recommendations', () => {
  test('a customer is offered what its peers bought; a product lists its likely buyers, tagged in one click', async ({ app }) => {
    const { page } = app;
    await api(page, 'products.create', {
      sku: 'PNL-600',
      nameEn: 'LED Panel 600x600',
      nameZh: 'LED面板灯',
      currency: 'USD',
      priceTiers: [],
    });
    await api(page, 'products.create', { sku: 'HB-150', nameEn: 'UFO High Bay 150W', nameZh: '工矿灯', currency: 'USD', priceTiers: [] });
    const buy = async (company: string, country: string, titles: string[]) => {
      const c = await api(page, 'customers.create', { company, country, industry: 'LED lighting', owner: 'Li Na' });
      for (const title of titles) {
        const deal = await api(page, 'deals.create', {
          customerId: c.id,
          title,
          stage: 'negotiation',
          amountMinor: 100_000,
          currency: 'USD',
        });
        await api(page, 'deals.move', { id: deal.id, version: deal.version, stage: 'won' });
      }
      return c;
    };
    await buy('Lumière SARL', 'FR', ['LED Panel 600x600', 'UFO High Bay 150W']);
    await buy('Lichtpunt BV', 'NL', ['LED Panel 600x600', 'UFO High Bay 150W']);
    await buy('Brussels Lamps SA', 'BE', ['UFO High Bay 150W']);
    const lichtWerk = await buy('Licht Werk GmbH', 'DE', ['LED Panel 600x600']);
    await app.reload();

    const grid = page.getByRole('grid', { name: 'Customer list' });
    await grid.getByRole('gridcell', { name: 'Licht Werk GmbH' }).click();
    const panel = page.getByRole('complementary', { name: 'Licht Werk GmbH' });
    const offer = panel.getByRole('region', { name: 'Products to offer' });
    await expect(offer).toContainText('From 3 other LED lighting buyers in Western Europe');
    const item = offer.getByRole('listitem').filter({ hasText: 'HB-150' });
    await expect(item).toContainText('Bought by 3 of them; 2 of them also bought PNL-600 LED Panel 600x600, as this customer did');
    await item.getByRole('button', { name: /Plan a follow-up to offer it/ }).click();
    await expect(page.getByText('Follow-up planned: offer HB-150 UFO High Bay 150W.')).toBeVisible();
    const followUps = await api(page, 'followups.list', { bucket: 'open', timeZone: 'UTC', customerId: lichtWerk.id });
    expect(JSON.stringify(followUps)).toContain('Offer HB-150 UFO High Bay 150W');

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Products' }).click();
    await page.getByRole('button', { name: 'Likely buyers of PNL-600' }).click();
    const dialog = page.getByRole('dialog', { name: /Likely buyers of PNL-600/ });
    await expect(dialog).toContainText('3 customers bought it.');
    const rows = dialog.getByRole('table').getByRole('row');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1)).toContainText('Brussels Lamps SA');
    await expect(rows.nth(1)).toContainText('3 of 4 LED lighting customers in Western Europe bought it');
    await dialog.getByRole('button', { name: 'Tag them' }).click();
    await expect(page.getByText('1 customer tagged “Prospect: PNL-600”')).toBeVisible();
    const tagged = await api(page, 'customers.list', { filter: { tag: 'Prospect: PNL-600' } });
    expect(tagged.rows.map((r) => r.company)).toEqual(['Brussels Lamps SA']);
  });
});
