import type PdfMake from 'pdfmake';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { documentLabel, formatMinor, type DocumentLanguage, type Letterhead, type QuotationKind } from '../../../shared/domain/quotations';
import { amountInWords } from './amount-in-words';
import { pdfFont } from './pdf-font';

/** Everything a quotation or PI prints (read by quotation-document.ts; tests and the bench build it directly). */
export interface QuotationPdfInput {
  kind: QuotationKind;
  number: string;
  revision: number;
  language: DocumentLanguage;
  currency: string;
  issuedOn: string;
  validUntil: string | null;
  incoterm: string | null;
  namedPlace: string | null;
  paymentTerms: string | null;
  notes: string | null;
  totalMinor: number;
  letterhead: Letterhead;
  buyer: { company: string; contact: string | null; address: string | null; country: string | null };
  lines: readonly {
    sku: string | null;
    description: string;
    unit: string;
    quantity: number;
    unitPriceMinor: number;
    amountMinor: number;
    /** "120 pcs/carton, 60×40×35 cm, 18.5 kg" when the catalogue knows it. */
    packing?: string | null;
    leadTimeDays?: number | null;
  }[];
}

type Pair = readonly [en: string, zh: string];
const L = {
  quotation: ['QUOTATION', '报价单'],
  proforma: ['PROFORMA INVOICE', '形式发票'],
  number: ['No.', '编号'],
  date: ['Date', '日期'],
  validUntil: ['Valid until', '有效期至'],
  buyer: ['Buyer', '买方'],
  attn: ['Attn.', '联系人'],
  item: ['No.', '序号'],
  sku: ['Model / SKU', '型号'],
  description: ['Description', '品名描述'],
  quantity: ['Qty', '数量'],
  unit: ['Unit', '单位'],
  unitPrice: ['Unit price', '单价'],
  amount: ['Amount', '金额'],
  total: ['Total', '合计'],
  inWords: ['Say', '大写'],
  terms: ['Terms', '条款'],
  incoterm: ['Price term', '价格条款'],
  payment: ['Payment', '付款方式'],
  leadTime: ['Lead time', '交货期'],
  days: ['days after deposit', '天（收到定金后）'],
  packing: ['Packing', '包装'],
  bank: ['Bank details', '银行信息'],
  beneficiary: ['Beneficiary', '收款人'],
  bankName: ['Bank', '开户行'],
  account: ['Account No.', '账号'],
  swift: ['SWIFT', 'SWIFT'],
  bankAddress: ['Bank address', '银行地址'],
  notes: ['Notes', '备注'],
  page: ['Page', '页'],
  rev: ['rev', '修订'],
} as const satisfies Record<string, Pair>;

/** A label in the document's language; 'both' prints English then Chinese. */
function label(lang: DocumentLanguage, pair: Pair, sep = ' '): string {
  if (lang === 'en') return pair[0];
  if (lang === 'zh') return pair[1];
  return pair[0] === pair[1] ? pair[0] : `${pair[0]}${sep}${pair[1]}`;
}

const FONT = 'NotoSansSC';
let loaded: Promise<typeof PdfMake> | null = null;

/**
 * pdfmake once per process, loaded on the first render (pdfmake, pdfkit and fontkit are their own
 * chunks of the engine bundle: an engine that prints nothing never loads them): the embedded font
 * parsed once (pdf-font.ts; pdfkit takes a parsed fontkit font and subsets it per document), no URL
 * and no local file ever read. A failed load (the font missing) is tried again next time.
 */
function printer(): Promise<typeof PdfMake> {
  loaded ??= (async () => {
    const [{ default: pdfmake }, font] = await Promise.all([import('pdfmake'), pdfFont()]);
    const asFont = font as unknown as string;
    pdfmake.setFonts({ [FONT]: { normal: asFont, bold: asFont, italics: asFont, bolditalics: asFont } });
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(() => false);
    return pdfmake;
  })().catch((err: unknown) => {
    loaded = null;
    throw err;
  });
  return loaded;
}

function letterheadBlock(lh: Letterhead, lang: DocumentLanguage): Content {
  const names: Content[] = [];
  const primary = lang === 'zh' ? lh.nameZh || lh.nameEn : lh.nameEn || lh.nameZh;
  if (primary) names.push({ text: primary, style: 'firm' });
  if (lang === 'both' && lh.nameZh && lh.nameEn) names.push({ text: lh.nameZh, style: 'firmSecond' });
  const address = lang === 'zh' ? lh.addressZh || lh.address : lh.address || lh.addressZh;
  if (address) names.push({ text: address, style: 'small' });
  if (lang === 'both' && lh.addressZh && lh.address) names.push({ text: lh.addressZh, style: 'small' });
  const contact = [lh.phone && `Tel: ${lh.phone}`, lh.email, lh.website].filter(Boolean).join('  ·  ');
  if (contact) names.push({ text: contact, style: 'small' });
  const columns: Content[] = [];
  if (lh.logo) columns.push({ image: `data:${lh.logo.mime};base64,${lh.logo.contentBase64}`, fit: [90, 60], width: 96 });
  columns.push({ stack: names, width: '*' } as Content);
  return { columns, columnGap: 10, margin: [0, 0, 0, 8] };
}

function metaTable(input: QuotationPdfInput): Content {
  const lang = input.language;
  const rev = input.revision > 1 ? documentLabel(input.number, input.revision) : input.number;
  const rows: TableCell[][] = [
    [
      { text: label(lang, L.number), style: 'metaKey' },
      { text: rev, style: 'metaValue' },
    ],
    [
      { text: label(lang, L.date), style: 'metaKey' },
      { text: input.issuedOn, style: 'metaValue' },
    ],
  ];
  if (input.validUntil)
    rows.push([
      { text: label(lang, L.validUntil), style: 'metaKey' },
      { text: input.validUntil, style: 'metaValue' },
    ]);
  return { table: { widths: ['auto', '*'], body: rows }, layout: 'noBorders' };
}

function buyerBlock(input: QuotationPdfInput): Content[] {
  const lang = input.language;
  const b = input.buyer;
  const stack: Content[] = [
    { text: label(lang, L.buyer), style: 'metaKey' },
    { text: b.company, style: 'buyer' },
  ];
  if (b.contact) stack.push({ text: `${label(lang, L.attn)}: ${b.contact}`, style: 'small' });
  const where = [b.address, b.country].filter(Boolean).join(', ');
  if (where) stack.push({ text: where, style: 'small' });
  return stack;
}

function linesTable(input: QuotationPdfInput): Content {
  const lang = input.language;
  const head = (pair: Pair, alignment: 'left' | 'right' = 'left'): TableCell => ({
    text: label(lang, pair, '\n'),
    style: 'th',
    alignment,
  });
  const body: TableCell[][] = [
    [
      head(L.item),
      head(L.sku),
      head(L.description),
      head(L.quantity, 'right'),
      head(L.unit),
      head(L.unitPrice, 'right'),
      head(L.amount, 'right'),
    ],
  ];
  input.lines.forEach((line, i) => {
    const desc: Content[] = [{ text: line.description }];
    if (line.packing) desc.push({ text: `${label(lang, L.packing)}: ${line.packing}`, style: 'tiny' });
    body.push([
      { text: String(i + 1) },
      { text: line.sku ?? '' },
      { stack: desc },
      { text: String(line.quantity), alignment: 'right' },
      { text: line.unit },
      { text: formatMinor(line.unitPriceMinor, input.currency), alignment: 'right' },
      { text: formatMinor(line.amountMinor, input.currency), alignment: 'right' },
    ]);
  });
  body.push([
    { text: `${label(lang, L.total)} (${input.currency})`, colSpan: 6, alignment: 'right', style: 'totalKey' },
    {},
    {},
    {},
    {},
    {},
    { text: formatMinor(input.totalMinor, input.currency), alignment: 'right', style: 'totalValue' },
  ]);
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: [20, 70, '*', 44, 34, 62, 70], body },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      hLineColor: () => '#888888',
      vLineColor: () => '#888888',
      fillColor: (row: number) => (row === 0 ? '#eeeeee' : null),
    },
    style: 'cell',
    margin: [0, 10, 0, 6],
  };
}

function termsBlock(input: QuotationPdfInput): Content[] {
  const lang = input.language;
  const out: Content[] = [];
  const words = amountInWords(input.totalMinor, input.currency);
  if (words && lang !== 'zh') out.push({ text: `${label(lang, L.inWords)}: ${words}`, style: 'small', margin: [0, 0, 0, 6] });
  const rows: TableCell[][] = [];
  if (input.incoterm) {
    const place = input.namedPlace ? ` ${input.namedPlace}` : '';
    rows.push([{ text: label(lang, L.incoterm), style: 'metaKey' }, { text: `${input.incoterm}${place} (Incoterms® 2020)` }]);
  }
  if (input.paymentTerms) rows.push([{ text: label(lang, L.payment), style: 'metaKey' }, { text: input.paymentTerms }]);
  const lead = Math.max(0, ...input.lines.map((l) => l.leadTimeDays ?? 0));
  if (lead > 0) rows.push([{ text: label(lang, L.leadTime), style: 'metaKey' }, { text: `${lead} ${label(lang, L.days)}` }]);
  if (rows.length > 0) {
    out.push({ text: label(lang, L.terms), style: 'section' });
    out.push({ table: { widths: [90, '*'], body: rows }, layout: 'noBorders', style: 'cell' });
  }
  const bank = input.letterhead.bank;
  if (input.kind === 'proforma' && (bank.beneficiary || bank.account || bank.bankName)) {
    const bankRows: TableCell[][] = (
      [
        [L.beneficiary, bank.beneficiary],
        [L.bankName, bank.bankName],
        [L.account, bank.account],
        [L.swift, bank.swift],
        [L.bankAddress, bank.bankAddress],
      ] as const
    )
      .filter(([, v]) => v)
      .map(([k, v]) => [{ text: label(lang, k), style: 'metaKey' }, { text: v }]);
    out.push({ text: label(lang, L.bank), style: 'section' });
    out.push({ table: { widths: [90, '*'], body: bankRows }, layout: 'noBorders', style: 'cell' });
  }
  if (input.notes) {
    out.push({ text: label(lang, L.notes), style: 'section' });
    out.push({ text: input.notes, style: 'cell' });
  }
  return out;
}

/** The document definition (kept apart from the rendering so tests can read it too). */
export function quotationDocDefinition(input: QuotationPdfInput): TDocumentDefinitions {
  const lang = input.language;
  const title = label(lang, input.kind === 'proforma' ? L.proforma : L.quotation, '  ');
  const fileTitle = documentLabel(input.number, input.revision);
  return {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 50],
    info: { title: `${title} ${fileTitle}`, creator: 'ExportDesk', producer: 'ExportDesk' },
    defaultStyle: { font: FONT, fontSize: 9, lineHeight: 1.15 },
    styles: {
      firm: { fontSize: 14 },
      firmSecond: { fontSize: 12 },
      small: { fontSize: 8, color: '#444444' },
      tiny: { fontSize: 7, color: '#555555' },
      title: { fontSize: 18, alignment: 'center', margin: [0, 6, 0, 10], characterSpacing: 1 },
      metaKey: { color: '#555555', fontSize: 8 },
      metaValue: { fontSize: 10 },
      buyer: { fontSize: 11 },
      th: { fontSize: 8 },
      cell: { fontSize: 9 },
      totalKey: { fontSize: 10 },
      totalValue: { fontSize: 10 },
      section: { fontSize: 10, margin: [0, 8, 0, 3] },
    },
    content: [
      letterheadBlock(input.letterhead, lang),
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 515, y2: 0, lineWidth: 0.8 }] },
      { text: title, style: 'title' },
      {
        columns: [{ width: '*', stack: buyerBlock(input) } as Content, { width: 200, stack: [metaTable(input)] } as Content],
        columnGap: 16,
      },
      linesTable(input),
      ...termsBlock(input),
    ],
    footer: (currentPage: number, pageCount: number): Content => ({
      columns: [
        { text: fileTitle, style: 'tiny' },
        {
          text: lang === 'zh' ? `第 ${currentPage} / ${pageCount} 页` : `${label(lang, L.page)} ${currentPage} / ${pageCount}`,
          alignment: 'right',
          style: 'tiny',
        },
      ],
      margin: [40, 16, 40, 0],
    }),
  };
}

/** Renders a quotation or PI to PDF bytes, offline (the embedded font, no URL, no file but the font). */
export async function renderQuotationPdf(input: QuotationPdfInput): Promise<Buffer> {
  const doc = (await printer()).createPdf(quotationDocDefinition(input));
  return (await doc.getBuffer()) as Buffer;
}
