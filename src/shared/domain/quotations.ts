import { z } from 'zod';
import { currencyCodeSchema } from './classification';

/**
 * Quotations (报价单) and proforma invoices (形式发票), #21 item 3. Each revision is a row of
 * `quotations` with the document's number (Q-2026-0012, PI-2026-0003); numbers are per kind and
 * year without gaps on this book (document_numbers), taken in the transaction that writes the
 * document; a document is cancelled, never deleted. total_minor = Σ lines' amount_minor.
 */
export const QUOTATION_KINDS = ['quotation', 'proforma'] as const;
export type QuotationKind = (typeof QUOTATION_KINDS)[number];
export const QUOTATION_STATUSES = ['draft', 'sent', 'accepted', 'declined', 'superseded', 'cancelled'] as const;
export type QuotationStatus = (typeof QUOTATION_STATUSES)[number];
export const DOCUMENT_LANGUAGES = ['en', 'zh', 'both'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];
/** Incoterms 2020. */
export const INCOTERMS = ['EXW', 'FCA', 'FAS', 'FOB', 'CFR', 'CIF', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP'] as const;
export type Incoterm = (typeof INCOTERMS)[number];

/** Payment terms the editor offers (the field stays free text, ≤ 300 characters). */
export const PAYMENT_TERM_PRESETS = [
  { id: 'tt3070', en: 'T/T 30% deposit, 70% before shipment', zh: '电汇 30% 定金，70% 发货前付清' },
  { id: 'tt100', en: 'T/T 100% in advance', zh: '电汇 100% 预付' },
  { id: 'lc', en: 'L/C at sight', zh: '即期信用证' },
  { id: 'dp', en: 'D/P at sight', zh: '即期付款交单' },
] as const;

/** The prefix of a kind's numbers. */
export const DOCUMENT_PREFIX: Record<QuotationKind, string> = { quotation: 'Q', proforma: 'PI' };

/** 'Q-2026-0012': the kind's prefix, the year, the sequence (4 digits at least). */
export function formatDocumentNumber(kind: QuotationKind, year: number, sequence: number, series = ''): string {
  return `${DOCUMENT_PREFIX[kind]}-${year}-${series ? `${series}-` : ''}${String(sequence).padStart(4, '0')}`;
}

/** 'Q-2026-0012 rev 2' (the first revision shows the number alone). */
export function documentLabel(number: string, revision: number): string {
  return revision > 1 ? `${number} rev ${revision}` : number;
}

/** A line's amount: quantity × unit price, in minor units. */
export const lineAmount = (line: { quantity: number; unitPriceMinor: number }): number => line.quantity * line.unitPriceMinor;

/** A document's total: the sum of its lines' amounts. */
export const linesTotal = (lines: readonly { quantity: number; unitPriceMinor: number }[]): number =>
  lines.reduce((sum, l) => sum + lineAmount(l), 0);

/** Minor-unit digits of a currency (JPY 0, USD 2, KWD 3); 2 when Intl does not know it. */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Minor units as a plain number with grouping and the currency's decimals ("12,345.60"); no symbol. */
export function formatMinor(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const whole = Math.floor(abs / 10 ** digits);
  const frac = abs - whole * 10 ** digits;
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return digits > 0 ? `${sign}${grouped}.${String(frac).padStart(digits, '0')}` : `${sign}${grouped}`;
}

/** Text typed as a price ("12.5", "1,234.56") as minor units of the currency; null when it is not one. */
export function parseMinor(text: string, currency: string): number | null {
  const digits = currencyDigits(currency);
  const t = text.replace(/[,\s]/g, '');
  const m = new RegExp(`^(\\d{1,13})(?:\\.(\\d{0,${digits}}))?$`).exec(t);
  if (!m || (digits === 0 && t.includes('.'))) return null;
  return Number(m[1]) * 10 ** digits + Number((m[2] ?? '').padEnd(digits, '0') || '0');
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
export const documentDaySchema = z
  .string()
  .regex(ISO_DAY, 'a day is YYYY-MM-DD')
  // A text that is not a date at all must not throw (zod runs this check after a failed regex too).
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a day');

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((s) => (s ? s : null));

/** A line as the editor sends it: from a catalogue product (price from its tier unless given) or free. */
export const quotationLineInputSchema = z.strictObject({
  productId: z.number().int().positive().nullish(),
  sku: optionalText(64),
  /** Free lines need one; a product line defaults to the product's name in the document's language. */
  description: optionalText(500),
  unit: optionalText(20),
  quantity: z.number().int().min(1).max(1_000_000_000),
  /** Minor units; a product line without one takes the tier of its quantity. */
  unitPriceMinor: z.number().int().min(0).max(1e13).nullish(),
});
export type QuotationLineInput = z.input<typeof quotationLineInputSchema>;

/** What a draft holds besides its lines (create and update). */
export const quotationFieldsSchema = z.strictObject({
  contactId: z.number().int().positive().nullish(),
  opportunityId: z.number().int().positive().nullish(),
  language: z.enum(DOCUMENT_LANGUAGES).default('en'),
  currency: currencyCodeSchema.default('USD'),
  incoterm: z.enum(INCOTERMS).nullish(),
  namedPlace: optionalText(120),
  paymentTerms: optionalText(300),
  validUntil: documentDaySchema.nullish(),
  issuedOn: documentDaySchema.nullish(),
  notes: optionalText(2000),
  lines: z.array(quotationLineInputSchema).min(1).max(200),
});

export const quotationLineSchema = z.object({
  id: z.number().int(),
  position: z.number().int(),
  productId: z.number().int().nullable(),
  sku: z.string().nullable(),
  description: z.string(),
  unit: z.string(),
  quantity: z.number().int(),
  unitPriceMinor: z.number().int(),
  amountMinor: z.number().int(),
  /** A catalogue line under the product's MOQ (or its first tier). */
  belowMoq: z.boolean(),
  moq: z.number().int().nullable(),
});
export type QuotationLine = z.infer<typeof quotationLineSchema>;

export const quotationSummarySchema = z.object({
  id: z.number().int(),
  customerId: z.number().int(),
  opportunityId: z.number().int().nullable(),
  kind: z.enum(QUOTATION_KINDS),
  number: z.string(),
  revision: z.number().int(),
  status: z.enum(QUOTATION_STATUSES),
  currency: z.string(),
  totalMinor: z.number().int(),
  issuedOn: z.string(),
  validUntil: z.string().nullable(),
  sentAt: z.string().nullable(),
  sourceId: z.number().int().nullable(),
  version: z.number().int(),
});
export type QuotationSummary = z.infer<typeof quotationSummarySchema>;

export const quotationSchema = quotationSummarySchema.extend({
  contactId: z.number().int().nullable(),
  language: z.enum(DOCUMENT_LANGUAGES),
  incoterm: z.enum(INCOTERMS).nullable(),
  namedPlace: z.string().nullable(),
  paymentTerms: z.string().nullable(),
  notes: z.string().nullable(),
  lines: z.array(quotationLineSchema),
});
export type Quotation = z.infer<typeof quotationSchema>;

/** A catalogue product as the line picker shows it. */
export const quotableProductSchema = z.object({
  id: z.number().int(),
  sku: z.string(),
  nameEn: z.string(),
  nameZh: z.string(),
  unit: z.string(),
  currency: z.string(),
  moq: z.number().int().nullable(),
  priceTiers: z.array(z.object({ minQty: z.number().int(), unitPriceMinor: z.number().int() })),
});
export type QuotableProduct = z.infer<typeof quotableProductSchema>;

/** Largest logo kept in the letterhead (bytes of the PNG or JPEG). */
export const MAX_LOGO_BYTES = 512 * 1024;

/** The firm's letterhead (Settings), printed on every quotation and PI; bank details on PIs. */
export const letterheadSchema = z.strictObject({
  nameEn: z.string().trim().max(200).default(''),
  nameZh: z.string().trim().max(200).default(''),
  address: z.string().trim().max(500).default(''),
  addressZh: z.string().trim().max(500).default(''),
  phone: z.string().trim().max(60).default(''),
  email: z.string().trim().max(120).default(''),
  website: z.string().trim().max(200).default(''),
  logo: z
    .strictObject({
      mime: z.enum(['image/png', 'image/jpeg']),
      contentBase64: z.string().max(Math.ceil((MAX_LOGO_BYTES * 4) / 3) + 4),
    })
    .nullable()
    .default(null),
  bank: z
    .strictObject({
      beneficiary: z.string().trim().max(200).default(''),
      bankName: z.string().trim().max(200).default(''),
      account: z.string().trim().max(60).default(''),
      swift: z.string().trim().max(20).default(''),
      bankAddress: z.string().trim().max(300).default(''),
    })
    .default({ beneficiary: '', bankName: '', account: '', swift: '', bankAddress: '' }),
});
export type Letterhead = z.infer<typeof letterheadSchema>;
export const EMPTY_LETTERHEAD: Letterhead = letterheadSchema.parse({});
