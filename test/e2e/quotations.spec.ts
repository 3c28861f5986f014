import { readFile } from 'node:fs/promises';
import { api } from './engine-api';
import { chooseOption } from './choose-option';
import { expect, test } from './fixtures';
import { pdfText } from '../support/pdf-text';

const COMPANY = 'Hamburg Lights GmbH';

test.describe('quotations and proforma invoices', () => {
  test('quote a catalogue product (tier price), send, revise to rev 2, accept, make the PI and save its PDF', async ({ app }) => {
    test.setTimeout(120_000);
    const { page } = app;
    const year = new Date().getUTCFullYear();
    await api(page, 'customers.create', { company: COMPANY, country: 'DE', city: 'Hamburg', owner: 'Li Na' });
    await api(page, 'products.create', {
      sku: 'LED-E27-9W',
      nameEn: 'LED bulb E27 9W',
      nameZh: 'LED 球泡灯 E27 9W',
      moq: 500,
      currency: 'USD',
      priceTiers: [
        { minQty: 500, unitPriceMinor: 120 },
        { minQty: 1000, unitPriceMinor: 105 },
        { minQty: 5000, unitPriceMinor: 95 },
      ],
      unitsPerCarton: 100,
      leadTimeDays: 25,
    });
    await api(page, 'quotations.saveLetterhead', {
      nameEn: 'Ningbo Bright Lighting Co., Ltd.',
      nameZh: '宁波明亮照明有限公司',
      bank: {
        beneficiary: 'Ningbo Bright Lighting Co., Ltd.',
        bankName: 'Bank of China',
        account: '3578 0000 1234',
        swift: 'BKCHCNBJ92A',
        bankAddress: '',
      },
    });
    await app.reload();

    await page.getByRole('grid', { name: 'Customer list' }).getByRole('gridcell', { name: COMPANY }).click();
    const panel = page.getByRole('complementary', { name: COMPANY });
    const section = panel.getByRole('region', { name: 'Quotations and PIs' });
    await expect(section).toContainText('No quotations yet.');
    await section.getByRole('button', { name: 'New quotation' }).click();
    const editor = page.getByRole('dialog', { name: `New quotation for ${COMPANY}` });
    await expect(editor.getByRole('textbox', { name: 'Currency' })).toBeFocused();

    // A catalogue line: found by SKU, its price from the quantity's tier, flagged under the MOQ.
    const picker = editor.getByRole('combobox', { name: 'Search the catalogue by SKU or name' });
    await picker.focus();
    await picker.pressSequentially('E27');
    await expect(picker).toHaveAttribute('aria-expanded', 'true');
    await expect(page.locator('.ant-select-item-option-active')).toContainText('LED-E27-9W');
    await picker.press('Enter');
    const quantity = editor.getByRole('textbox', { name: 'Line 1 Quantity' });
    const price = editor.getByRole('textbox', { name: 'Line 1 Unit price' });
    await expect(quantity).toHaveValue('500');
    await expect(price).toHaveValue('1.20');
    await quantity.fill('200');
    await expect(editor.getByText('Below the MOQ (500)')).toBeVisible();
    await quantity.fill('1200');
    await expect(price).toHaveValue('1.05');
    await expect(editor.getByText('Below the MOQ (500)')).toBeHidden();
    await expect(editor.getByText('Tier price from 1000')).toBeVisible();
    // A free line without a description is refused by its field.
    await editor.getByRole('button', { name: 'Add a free line' }).click();
    await editor.getByRole('textbox', { name: 'Line 2 Unit price' }).fill('150');
    await editor.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(editor.getByText('Describe the line.')).toBeVisible();
    await editor.getByRole('textbox', { name: 'Line 2 Description' }).fill('Gift box printing');
    await expect(editor.locator('[data-total]')).toHaveText(/^Total \D*1,410\.00$/);

    await chooseOption(editor.getByRole('combobox', { name: 'Language' }), 'English and Chinese');
    await expect(editor.getByRole('textbox', { name: 'Line 1 Description' })).toHaveValue('LED bulb E27 9W / LED 球泡灯 E27 9W');
    await chooseOption(editor.getByRole('combobox', { name: 'Incoterm' }), 'CIF');
    await editor.getByRole('textbox', { name: 'Named place (port)' }).fill('Hamburg');
    await chooseOption(editor.getByRole('combobox', { name: 'Payment terms preset' }), 'T/T 30% deposit');
    await expect(editor.getByRole('textbox', { name: 'Payment terms', exact: true })).toHaveValue(
      'T/T 30% deposit, 70% before shipment / 电汇 30% 定金，70% 发货前付清',
    );

    const number = `Q-${year}-0001`;
    await editor.getByRole('button', { name: 'Mark as sent' }).click();
    const sent = page.getByRole('dialog', { name: `Quotation ${number} · Sent` });
    await expect(sent).toBeVisible();
    await expect(page.getByRole('status')).toContainText(`${number} marked as sent.`);

    // Revise: the same number, rev 2, a draft with the lines copied; the first is superseded.
    await sent.getByRole('button', { name: 'Revise' }).click();
    const rev2 = page.getByRole('dialog', { name: `Quotation ${number} rev 2 · Draft` });
    await expect(rev2).toBeVisible();
    await expect(rev2.getByRole('textbox', { name: 'Line 1 Quantity' })).toHaveValue('1200');
    await rev2.getByRole('textbox', { name: 'Line 1 Quantity' }).fill('5000');
    await rev2.getByRole('textbox', { name: 'Line 1 Unit price' }).fill('0.95');
    await expect(rev2.locator('[data-total]')).toHaveText(/^Total \D*4,900\.00$/);
    await rev2.getByRole('button', { name: 'Mark as sent' }).click();
    const sent2 = page.getByRole('dialog', { name: `Quotation ${number} rev 2 · Sent` });
    await sent2.getByRole('button', { name: 'Accepted' }).click();
    const accepted = page.getByRole('dialog', { name: `Quotation ${number} rev 2 · Accepted` });
    await accepted.getByRole('button', { name: 'Make PI' }).click();
    const piNumber = `PI-${year}-0001`;
    const pi = page.getByRole('dialog', { name: `PI ${piNumber} · Draft` });
    await expect(pi).toBeVisible();
    await expect(pi.locator('[data-total]')).toHaveText(/^Total \D*4,900\.00$/);

    const download = page.waitForEvent('download');
    await pi.getByRole('button', { name: 'Save PDF' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`${piNumber}.pdf`);
    const bytes = await readFile(await file.path());
    const text = (await pdfText(bytes)).replace(/\s+/g, '');
    expect(text).toContain('PROFORMAINVOICE形式发票');
    expect(text).toContain('宁波明亮照明有限公司');
    expect(text).toContain('LED球泡灯E279W');
    expect(text).toContain(piNumber);
    expect(text).toContain('CIFHamburg');
    expect(text).toContain('BKCHCNBJ92A');
    expect(text).toContain('Total合计(USD)4,900.00');
    await pi.getByRole('button', { name: 'Close' }).click();

    // The panel lists every document: the PI, rev 2 accepted, rev 1 superseded.
    const items = section.getByRole('listitem');
    await expect(items).toHaveCount(3);
    await expect(items.nth(0)).toContainText(`PI ${piNumber}`);
    await expect(section).toContainText(`Quotation ${number} rev 2`);
    await expect(section.getByRole('listitem').filter({ hasText: 'Superseded' })).toHaveCount(1);
    await expect(section.getByRole('listitem').filter({ hasText: 'Accepted' })).toHaveCount(1);
    // Each sent revision is on the customer's timeline.
    const timeline = await api(page, 'timeline.list', { customerId: (await api(page, 'quotations.get', { id: 1 })).customerId });
    expect(timeline.filter((e) => e.subtype === 'quotation_sent')).toHaveLength(2);
  });
});
