import { documentLabel } from '../../../shared/domain/quotations';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { countryName } from '../../../shared/text/country-names';
import type { ReadDb } from '../../db/sql';
import type { ServiceContext } from '../context';
import { readLetterhead } from './letterhead';
import { renderQuotationPdf, type QuotationPdfInput } from './quotation-pdf';
import { readQuotation } from './quotations';

/** "100 pcs/carton, 52×38×30 cm, 12.5 kg" from what the catalogue knows (null when nothing). */
export function packingText(p: {
  unit: string;
  units_per_carton: number | null;
  carton_length_cm: number | null;
  carton_width_cm: number | null;
  carton_height_cm: number | null;
  carton_weight_kg: number | null;
}): string | null {
  const parts: string[] = [];
  if (p.units_per_carton) parts.push(`${p.units_per_carton} ${p.unit}/carton`);
  if (p.carton_length_cm && p.carton_width_cm && p.carton_height_cm)
    parts.push(`${p.carton_length_cm}×${p.carton_width_cm}×${p.carton_height_cm} cm`);
  if (p.carton_weight_kg) parts.push(`${p.carton_weight_kg} kg`);
  return parts.length ? parts.join(', ') : null;
}

/** Everything the PDF of document `id` prints, read from the book (letterhead, buyer, lines, catalogue packing and lead time). */
export function quotationPdfInput(db: ReadDb, id: number): QuotationPdfInput {
  const q = readQuotation(db, id);
  const customer = db.first(
    db.selectFrom('customers').select(['company', 'country', 'country_text', 'city']).where('id', '=', q.customerId),
  )!;
  const contact = q.contactId ? db.first(db.selectFrom('contacts').select(['name']).where('id', '=', q.contactId)) : undefined;
  const productIds = q.lines.map((l) => l.productId).filter((x): x is number => x !== null);
  const products = new Map(
    productIds.length
      ? db
          .all(
            db
              .selectFrom('products')
              .select([
                'id',
                'unit',
                'units_per_carton',
                'carton_length_cm',
                'carton_width_cm',
                'carton_height_cm',
                'carton_weight_kg',
                'lead_time_days',
              ])
              .where('id', 'in', productIds),
          )
          .map((p) => [p.id, p] as const)
      : [],
  );
  const lang = q.language === 'zh' ? 'zh' : 'en';
  const country = customer.country ? countryName(customer.country, lang) : customer.country_text || null;
  return {
    kind: q.kind,
    number: q.number,
    revision: q.revision,
    language: q.language,
    currency: q.currency,
    issuedOn: q.issuedOn,
    validUntil: q.validUntil,
    incoterm: q.incoterm,
    namedPlace: q.namedPlace,
    paymentTerms: q.paymentTerms,
    notes: q.notes,
    totalMinor: q.totalMinor,
    letterhead: readLetterhead(db),
    buyer: { company: customer.company, contact: contact?.name || null, address: customer.city || null, country },
    lines: q.lines.map((l) => {
      const p = l.productId !== null ? products.get(l.productId) : undefined;
      return {
        sku: l.sku,
        description: l.description,
        unit: l.unit,
        quantity: l.quantity,
        unitPriceMinor: l.unitPriceMinor,
        amountMinor: l.amountMinor,
        packing: p ? packingText(p) : null,
        leadTimeDays: p?.lead_time_days ?? null,
      };
    }),
  };
}

/** The document as a PDF file to save ("Q-2026-0012-rev2.pdf"), through the app's download mechanism. */
export async function quotationPdfFile(
  ctx: ServiceContext,
  input: ChannelParsedInput<'quotations.pdf'>,
): Promise<ChannelOutput<'quotations.pdf'>> {
  const doc = quotationPdfInput(ctx.read, input.id);
  const bytes = await renderQuotationPdf(doc);
  return {
    fileName: `${documentLabel(doc.number, doc.revision).replace(/ rev /, '-rev')}.pdf`,
    mime: 'application/pdf',
    contentBase64: bytes.toString('base64'),
    rows: doc.lines.length,
  };
}
