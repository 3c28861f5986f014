import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buyerDay, holidaysWithin, HOLIDAYS_SHOWN_DAYS } from '../../src/shared/domain/buyer-time';
import { pdfText } from '../support/pdf-text';
import { chooseOption } from './choose-option';
import { api } from './engine-api';
import { expect, test } from './fixtures';

const CATALOGUE = join(import.meta.dirname, '../fixtures/catalogue-zh.xlsx');
const COMPANY = 'Hanse Licht Handel GmbH';

/**
 * #21 end to end: the catalogue from a fixture sheet, a deal opened from an inquiry (its amount from
 * the catalogue's price tier), quoted (PDF in English and in Chinese, read back), revised, won (the
 * order appears, the pipeline totals move), and the buyer's local time and next holidays on the
 * customer. Each piece's screens have their own spec (products, deals, quotations, buyer-time); this
 * one follows the work across them.
 */
test.describe('from inquiry to order', () => {
  test('catalogue → inquiry → deal → quotation (en, zh) → rev 2 → won', async ({ app }) => {
    const { page } = app;
    // ---- The catalogue sheet, and an Alibaba inquiry naming one of its products by its product ID.
    const sheet = await api(page, 'import.analyze', {
      fileName: 'catalogue-zh.xlsx',
      contentBase64: readFileSync(CATALOGUE).toString('base64'),
    });
    expect(sheet.kind).toBe('products');
    await api(page, 'import.commit', { fileId: sheet.fileId, kind: sheet.kind, mapping: sheet.mapping });
    const csv = [
      'Inquiry ID,Inquiry Time,Company,Country,City,Email,Product Name,Product ID,Quantity,Subject',
      `8101,2026-11-20 09:00,${COMPANY},DE,Hamburg,einkauf@hanse-licht.example,Ultra slim panel,1600123456789,600,Panels for a warehouse`,
    ].join('\r\n');
    const inquiries = await api(page, 'import.analyze', { fileName: 'inquiries.csv', contentBase64: Buffer.from(csv).toString('base64') });
    await api(page, 'import.commit', { fileId: inquiries.fileId, kind: inquiries.kind, mapping: inquiries.mapping });

    // ---- The Deals page: New deal from that inquiry; 600 panels at the 500+ tier, $11.50.
    await app.reload();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Deals' }).click();
    await page.getByRole('button', { name: 'New deal' }).click();
    const dialog = page.getByRole('dialog', { name: 'New deal' });
    const picker = dialog.getByRole('combobox', { name: 'Customer' });
    await picker.fill('Hanse');
    await expect(page.getByRole('option', { name: new RegExp(COMPANY) })).toBeVisible();
    await picker.press('Enter');
    await chooseOption(dialog.getByRole('combobox', { name: 'Start from' }), 'One of the customer’s inquiries');
    await chooseOption(dialog.getByRole('combobox', { name: 'Inquiry' }), 'Panels', /Panels for a warehouse/);
    await expect(dialog.getByRole('textbox', { name: 'Amount' })).toHaveValue('6900.00');
    await dialog.getByRole('button', { name: 'Create deal' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('deals-count-inquiry')).toHaveText('1');
    await expect(page.getByTestId('deals-summary')).toHaveText('Open pipeline $6,900 · weighted $690');
    const [deal] = await api(page, 'deals.list', {});
    expect(deal).toMatchObject({ company: COMPANY, amountMinor: 690_000, currency: 'USD' });

    // ---- Quote it from the catalogue (the tier gives the price), in English, then in Chinese.
    const product = (await api(page, 'quotations.products', { query: 'LED-PNL-6060' }))[0]!;
    const quotation = await api(page, 'quotations.create', {
      customerId: deal!.customerId,
      opportunityId: deal!.id,
      language: 'en',
      currency: 'USD',
      incoterm: 'FOB',
      namedPlace: 'Ningbo',
      paymentTerms: 'T/T 30% deposit, 70% before shipment',
      lines: [{ productId: product.id, quantity: 600 }],
    });
    expect(quotation.lines[0]).toMatchObject({ sku: 'LED-PNL-6060', unitPriceMinor: 1150, amountMinor: 690_000 });
    const sent = await api(page, 'quotations.send', { id: quotation.id, version: quotation.version });
    const english = await pdfText(Buffer.from((await api(page, 'quotations.pdf', { id: sent.id })).contentBase64, 'base64'));
    expect(english).toContain('QUOTATION');
    expect(english).toContain(sent.number);
    expect(english).toContain(COMPANY);
    expect(english).toContain('LED-PNL-6060');
    expect(english).toMatch(/6,900\.00/);
    expect(english).toContain('FOB Ningbo');
    // Sending moved the deal to Quoted.
    await expect(page.getByTestId('deals-count-quoted')).toHaveText('1');

    // ---- Revise: rev 2, in Chinese, 1,000 panels at the 1,000+ tier ($10.90).
    const rev2 = await api(page, 'quotations.revise', { id: sent.id, version: sent.version });
    expect(rev2).toMatchObject({ number: sent.number, revision: 2 });
    const edited = await api(page, 'quotations.update', {
      id: rev2.id,
      version: rev2.version,
      fields: {
        language: 'zh',
        currency: 'USD',
        incoterm: 'FOB',
        namedPlace: 'Ningbo',
        lines: [{ productId: product.id, quantity: 1000 }],
      },
    });
    expect(edited.totalMinor).toBe(1_090_000);
    const chinese = await pdfText(Buffer.from((await api(page, 'quotations.pdf', { id: edited.id })).contentBase64, 'base64'));
    expect(chinese).toContain('报价单');
    expect(chinese).toContain('LED面板灯');
    expect(chinese).toMatch(/10,900\.00/);
    expect(chinese).toMatch(/rev\s*2|第\s*2\s*版/);
    const previous = (await api(page, 'quotations.list', { customerId: deal!.customerId })).find((q) => q.id === sent.id);
    expect(previous?.status).toBe('superseded');

    // ---- Won: the order appears on the customer, the pipeline totals move.
    const current = (await api(page, 'deals.list', {}))[0]!;
    await api(page, 'deals.update', { id: current.id, version: current.version, patch: { amountMinor: 1_090_000 } });
    const updated = (await api(page, 'deals.list', {}))[0]!;
    const won = await api(page, 'deals.move', { id: updated.id, version: updated.version, stage: 'won' });
    expect(won.orderId).not.toBeNull();
    await app.reload();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Deals' }).click();
    await expect(page.getByTestId('deals-count-won')).toHaveText('1');
    await expect(page.getByTestId('deals-summary')).toHaveText('Open pipeline $0 · weighted $0');

    // ---- The customer: the order counted, the buyer's local time (Hamburg) and next holidays.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Customers' }).click();
    await page.getByRole('grid', { name: 'Customer list' }).getByRole('gridcell', { name: COMPANY }).click();
    const panel = page.getByRole('complementary', { name: COMPANY });
    await expect(panel.getByTestId('buyer-time')).toContainText(/Local time \d\d:\d\d \(Hamburg, UTC\+[12]\)/);
    const zone = await api(page, 'customers.buyerTime', { country: 'DE', city: 'Hamburg' });
    const next = holidaysWithin(zone.holidays, buyerDay(Date.now(), 'Europe/Berlin'), HOLIDAYS_SHOWN_DAYS);
    const holidays = panel.getByTestId('buyer-holidays');
    if (next.length) await expect(holidays).toContainText(next[0]!.name);
    else await expect(holidays).toContainText('No public holidays in the next 14 days.');
    const detail = await api(page, 'customers.get', { id: deal!.customerId });
    expect(detail.classes.orderCount).toBe(1);
  });
});
