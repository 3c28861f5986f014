/**
 * Quotations and proforma invoices (#21 item 3): drafts made and edited here; sending, revising,
 * accepting, declining, cancelling and the PI copy in quotation-status.ts.
 */
import type { InferResult } from 'kysely';
import type { Quotation, QuotationSummary } from '../../../shared/domain/quotations';
import { AppError } from '../../../shared/errors';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import type { ReadDb, WriteTx } from '../../db/sql';
import { expectVersion } from '../../db/versioned-row';
import { isoNow, type ServiceContext } from '../context';
import { takeDocumentNumber } from './document-numbers';
import { readLines, resolveLines, writeLines } from './quotation-lines';

function summaries(db: ReadDb | WriteTx) {
  return db
    .selectFrom('quotations')
    .select([
      'id',
      'customer_id',
      'opportunity_id',
      'contact_id',
      'kind',
      'number',
      'revision',
      'status',
      'language',
      'currency',
      'incoterm',
      'named_place',
      'payment_terms',
      'valid_until',
      'issued_on',
      'notes',
      'source_id',
      'total_minor',
      'sent_at',
      'version',
    ]);
}
type Row = InferResult<ReturnType<typeof summaries>>[number];

const toSummary = (r: Row): QuotationSummary => ({
  id: r.id,
  customerId: r.customer_id,
  opportunityId: r.opportunity_id,
  kind: r.kind,
  number: r.number,
  revision: r.revision,
  status: r.status,
  currency: r.currency,
  totalMinor: r.total_minor,
  issuedOn: r.issued_on,
  validUntil: r.valid_until,
  sentAt: r.sent_at,
  sourceId: r.source_id,
  version: r.version,
});

/** One document with its lines; NOT_FOUND when there is none. */
export function readQuotation(db: ReadDb | WriteTx, id: number): Quotation {
  const r = db.first(summaries(db).where('id', '=', id));
  if (!r) throw new AppError('NOT_FOUND', `quotation ${id} does not exist`, { id });
  return {
    ...toSummary(r),
    contactId: r.contact_id,
    language: r.language,
    incoterm: r.incoterm as Quotation['incoterm'],
    namedPlace: r.named_place,
    paymentTerms: r.payment_terms,
    notes: r.notes,
    lines: readLines(db, id),
  };
}

/** The UTC day of `now` (YYYY-MM-DD): a document's default issue day. */
export const isoDay = (now: Date) => now.toISOString().slice(0, 10);

/** The contact and the deal a document names must be its customer's. */
function checkLinks(tx: WriteTx, customerId: number, contactId: number | null | undefined, opportunityId: number | null | undefined): void {
  if (!tx.first(tx.selectFrom('customers').select('id').where('id', '=', customerId))) {
    throw new AppError('NOT_FOUND', `customer ${customerId} does not exist`, { id: customerId });
  }
  if (contactId && !tx.first(tx.selectFrom('contacts').select('id').where('id', '=', contactId).where('customer_id', '=', customerId))) {
    throw new AppError('NOT_FOUND', `contact ${contactId} is not one of customer ${customerId}'s`, { contactId });
  }
  if (
    opportunityId &&
    !tx.first(tx.selectFrom('opportunities').select('id').where('id', '=', opportunityId).where('customer_id', '=', customerId))
  ) {
    throw new AppError('NOT_FOUND', `deal ${opportunityId} is not one of customer ${customerId}'s`, { opportunityId });
  }
}

/** A new draft quotation with the next Q number of its issue year, taken in this transaction. */
export async function createQuotation(ctx: ServiceContext, input: ChannelParsedInput<'quotations.create'>): Promise<Quotation> {
  const now = isoNow(ctx);
  return ctx.db.transaction((tx) => {
    checkLinks(tx, input.customerId, input.contactId, input.opportunityId);
    const issuedOn = input.issuedOn ?? isoDay(ctx.now());
    const rows = resolveLines(tx, input.lines, input.currency, input.language);
    const id = Number(
      tx.run(
        tx.insertInto('quotations').values({
          customer_id: input.customerId,
          opportunity_id: input.opportunityId ?? null,
          contact_id: input.contactId ?? null,
          kind: 'quotation',
          number: takeDocumentNumber(tx, 'quotation', Number(issuedOn.slice(0, 4))),
          language: input.language,
          currency: input.currency,
          incoterm: input.incoterm ?? null,
          named_place: input.namedPlace,
          payment_terms: input.paymentTerms,
          valid_until: input.validUntil ?? null,
          issued_on: issuedOn,
          notes: input.notes,
          created_at: now,
          updated_at: now,
        }),
      ).lastInsertRowid,
    );
    writeLines(tx, id, rows);
    return readQuotation(tx, id);
  });
}

/** Edits a draft (optimistic version): its terms and its lines, the total kept equal to them. */
export async function updateQuotation(ctx: ServiceContext, input: ChannelParsedInput<'quotations.update'>): Promise<Quotation> {
  const now = isoNow(ctx);
  return ctx.db.transaction((tx) => {
    const row = expectVersion(
      tx.first(tx.selectFrom('quotations').select(['version', 'status', 'customer_id', 'issued_on']).where('id', '=', input.id)),
      'quotation',
      input.id,
      input.version,
    );
    if (row.status !== 'draft') {
      throw new AppError('QUOTATION_STATUS', `quotation ${input.id} is ${row.status}; only a draft can be edited`, {
        id: input.id,
        status: row.status,
        action: 'update',
      });
    }
    const f = input.fields;
    checkLinks(tx, row.customer_id, f.contactId, f.opportunityId);
    // The issue day keeps its year: the number was taken for it.
    const issuedOn = f.issuedOn && f.issuedOn.slice(0, 4) === row.issued_on.slice(0, 4) ? f.issuedOn : row.issued_on;
    const rows = resolveLines(tx, f.lines, f.currency, f.language);
    tx.run(
      tx
        .updateTable('quotations')
        .set({
          contact_id: f.contactId ?? null,
          opportunity_id: f.opportunityId ?? null,
          language: f.language,
          currency: f.currency,
          incoterm: f.incoterm ?? null,
          named_place: f.namedPlace,
          payment_terms: f.paymentTerms,
          valid_until: f.validUntil ?? null,
          issued_on: issuedOn,
          notes: f.notes,
          updated_at: now,
          version: (eb) => eb('version', '+', 1),
        })
        .where('id', '=', input.id),
    );
    writeLines(tx, input.id, rows);
    return readQuotation(tx, input.id);
  });
}

export function getQuotation(ctx: ServiceContext, input: ChannelParsedInput<'quotations.get'>): Quotation {
  return readQuotation(ctx.read, input.id);
}

/** A customer's or a deal's documents, newest first (every revision; the page groups them by number). */
export function listQuotations(ctx: ServiceContext, input: ChannelParsedInput<'quotations.list'>): ChannelOutput<'quotations.list'> {
  let q = summaries(ctx.read);
  if (input.customerId !== undefined) q = q.where('customer_id', '=', input.customerId);
  if (input.opportunityId !== undefined) q = q.where('opportunity_id', '=', input.opportunityId);
  return ctx.read.all(q.orderBy('issued_on', 'desc').orderBy('id', 'desc').limit(input.limit)).map(toSummary);
}
