import { describe, expect, it } from 'vitest';
import { renderQuotationPdf, type QuotationPdfInput } from '../../src/main/services/quotations/quotation-pdf';
import { amountInWords } from '../../src/main/services/quotations/amount-in-words';
import { EMPTY_LETTERHEAD, formatMinor, type DocumentLanguage } from '../../src/shared/domain/quotations';
import { pdfPages, pdfText } from '../support/pdf-text';

/** A document as the service would build it; the total is the sum of the lines, as the service keeps it. */
function sample(language: DocumentLanguage, lineCount = 3, kind: QuotationPdfInput['kind'] = 'quotation'): QuotationPdfInput {
  const lines = Array.from({ length: lineCount }, (_, i) => {
    const quantity = 500 + i * 37;
    const unitPriceMinor = 1234 + i * 101;
    return {
      sku: `LED-E27-${i + 1}`,
      description: language === 'en' ? `LED bulb E27 ${9 + i}W warm white` : `LED 球泡灯 E27 ${9 + i}W 暖白`,
      unit: 'pcs',
      quantity,
      unitPriceMinor,
      amountMinor: quantity * unitPriceMinor,
      packing: '100 pcs/carton, 52×38×30 cm, 12.5 kg',
      leadTimeDays: 25 + i,
    };
  });
  return {
    kind,
    number: kind === 'quotation' ? 'Q-2026-0012' : 'PI-2026-0003',
    revision: 2,
    language,
    currency: 'USD',
    issuedOn: '2026-12-08',
    validUntil: '2027-01-07',
    incoterm: 'FOB',
    namedPlace: 'Ningbo',
    paymentTerms: language === 'zh' ? '电汇 30% 定金，70% 发货前付清' : 'T/T 30% deposit, 70% before shipment',
    notes: null,
    totalMinor: lines.reduce((s, l) => s + l.amountMinor, 0),
    letterhead: {
      ...EMPTY_LETTERHEAD,
      nameEn: 'Ningbo Bright Lighting Co., Ltd.',
      nameZh: '宁波明亮照明有限公司',
      address: 'No. 8 Harbour Road, Ningbo, China',
      phone: '+86 574 8888 0000',
      bank: {
        beneficiary: 'Ningbo Bright Lighting Co., Ltd.',
        bankName: 'Bank of China Ningbo Branch',
        account: '3578 0000 1234',
        swift: 'BKCHCNBJ92A',
        bankAddress: '',
      },
    },
    buyer: { company: 'Hamburg Lights GmbH', contact: 'Anna Schmidt', address: 'Hafenstraße 1, Hamburg', country: 'Germany' },
    lines,
  };
}

/** Extracted text with the spaces pdf.js puts between runs removed (CJK runs are not spaced in the source). */
const squeeze = (s: string) => s.replace(/\s+/g, '');

describe('quotation PDF (pdfmake, embedded Noto Sans SC)', () => {
  it('Chinese: title, company, product text, number and a total equal to the lines', async () => {
    const input = sample('zh');
    const bytes = await renderQuotationPdf(input);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = squeeze(await pdfText(bytes));
    expect(text).toContain('报价单');
    expect(text).not.toContain('QUOTATION');
    expect(text).toContain('宁波明亮照明有限公司');
    expect(text).toContain('LED球泡灯E279W暖白');
    expect(text).toContain('Q-2026-0012rev2');
    expect(text).toContain('电汇30%定金，70%发货前付清');
    expect(text).toContain('FOBNingbo');
    const sum = input.lines.reduce((s, l) => s + l.quantity * l.unitPriceMinor, 0);
    expect(text).toContain(`合计(USD)${formatMinor(sum, 'USD')}`);
    // The embedded subset: the file is small though the font is 10 MB.
    expect(bytes.length).toBeLessThan(200_000);
  });

  it('English: title, letterhead, lines and the total (figures and words)', async () => {
    const input = sample('en');
    const text = squeeze(await pdfText(await renderQuotationPdf(input)));
    expect(text).toContain('QUOTATION');
    expect(text).not.toContain('报价单');
    expect(text).toContain(squeeze('Ningbo Bright Lighting Co., Ltd.'));
    expect(text).toContain(squeeze('LED bulb E27 10W warm white'));
    expect(text).toContain('Q-2026-0012rev2');
    for (const line of input.lines)
      expect(text).toContain(`${line.quantity}pcs${formatMinor(line.unitPriceMinor, 'USD')}${formatMinor(line.amountMinor, 'USD')}`);
    const sum = input.lines.reduce((s, l) => s + l.amountMinor, 0);
    expect(text).toContain(`Total(USD)${formatMinor(sum, 'USD')}`);
    expect(text).toContain(squeeze(amountInWords(sum, 'USD')!));
    // No bank details on a quotation.
    expect(text).not.toContain('BKCHCNBJ92A');
  });

  it('bilingual PI: both titles and names, bank details, page numbers on every page of a long document', async () => {
    const input = sample('both', 60, 'proforma');
    const pages = await pdfPages(await renderQuotationPdf(input));
    expect(pages.length).toBeGreaterThan(1);
    const text = squeeze(pages.join('\n'));
    expect(text).toContain('PROFORMAINVOICE形式发票');
    expect(text).toContain('宁波明亮照明有限公司');
    expect(text).toContain(squeeze('Ningbo Bright Lighting'));
    expect(text).toContain('PI-2026-0003rev2');
    expect(text).toContain('BKCHCNBJ92A');
    expect(text).toContain('SWIFT');
    pages.forEach((p, i) => expect(squeeze(p)).toContain(`Page页${i + 1}/${pages.length}`));
    // Each line once, the total once, and it is the sum of the amounts printed.
    const printedAmounts = input.lines.map((l) => formatMinor(l.amountMinor, 'USD'));
    for (const a of printedAmounts) expect(text).toContain(a);
    const sum = input.lines.reduce((s, l) => s + l.amountMinor, 0);
    expect(text).toContain(`Total合计(USD)${formatMinor(sum, 'USD')}`);
  });

  it('prints the total it is given (the service keeps it equal to the lines; a wrong one would show)', async () => {
    const input = { ...sample('en'), totalMinor: 42 };
    const text = squeeze(await pdfText(await renderQuotationPdf(input)));
    expect(text).toContain('Total(USD)0.42');
  });
});

describe('amount in words', () => {
  it.each([
    [0, 'US DOLLARS ZERO ONLY'],
    [100, 'US DOLLARS ONE ONLY'],
    [123456, 'US DOLLARS ONE THOUSAND TWO HUNDRED AND THIRTY-FOUR AND CENTS FIFTY-SIX ONLY'],
    [100000000, 'US DOLLARS ONE MILLION ONLY'],
  ])('%i cents', (minor, words) => expect(amountInWords(minor, 'USD')).toBe(words));
  it('JPY has no minor unit; an unlisted currency has no words', () => {
    expect(amountInWords(1500, 'JPY')).toBe('JAPANESE YEN ONE THOUSAND FIVE HUNDRED ONLY');
    expect(amountInWords(1500, 'XOF')).toBeNull();
  });
});
