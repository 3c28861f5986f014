/**
 * A document's life after its draft: sent (on the customer's timeline, its deal touched), revised
 * (a new revision with the same number; the one before is superseded), accepted or declined,
 * copied into a proforma invoice (its own PI number), cancelled (never deleted: numbers stay gapless).
 */
import { documentLabel, formatMinor, type Quotation, type QuotationStatus } from '../../../shared/domain/quotations';
import { AppError } from '../../../shared/errors';
import type { ChannelParsedInput } from '../../../shared/ipc/contract';
import type { WriteTx } from '../../db/sql';
import { expectVersion } from '../../db/versioned-row';
import { touchOpportunity } from '../deals/deal-activity';
import { isoNow, type ServiceContext } from '../context';
import { takeDocumentNumber } from './document-numbers';
import { isoDay, readQuotation } from './quotations';

/** The timeline kinds a document writes (activities.kind; ref_table 'quotations'). */
export const QUOTATION_ACTIVITY_KINDS = ['quotation_sent', 'quotation_accepted', 'quotation_declined'] as const;
type QuotationActivityKind = (typeof QUOTATION_ACTIVITY_KINDS)[number];

type Action = 'send' | 'revise' | 'accept' | 'decline' | 'cancel' | 'makeProforma';
/** From which statuses each action may start. */
const ALLOWED: Record<Action, readonly QuotationStatus[]> = {
  send: ['draft'],
  revise: ['sent', 'declined'],
  accept: ['sent'],
  decline: ['sent'],
  cancel: ['draft', 'sent', 'accepted', 'declined'],
  makeProforma: ['accepted'],
};

function load(tx: WriteTx, id: number, version: number, action: Action) {
  const row = expectVersion(tx.first(tx.selectFrom('quotations').selectAll().where('id', '=', id)), 'quotation', id, version);
  if (!ALLOWED[action].includes(row.status)) {
    throw new AppError('QUOTATION_STATUS', `quotation ${id} is ${row.status}; it cannot be ${action}`, { id, status: row.status, action });
  }
  return row;
}

function setStatus(tx: WriteTx, id: number, status: QuotationStatus, now: string, extra: { sent_at?: string } = {}): void {
  tx.run(
    tx
      .updateTable('quotations')
      .set({ status, ...extra, updated_at: now, version: (eb) => eb('version', '+', 1) })
      .where('id', '=', id),
  );
}

function record(
  tx: WriteTx,
  q: { id: number; customer_id: number; kind: string; number: string; revision: number; currency: string; total_minor: number },
  kind: QuotationActivityKind,
  at: string,
): void {
  const what = q.kind === 'proforma' ? 'PI' : 'Quotation';
  const verb = kind === 'quotation_sent' ? 'sent' : kind === 'quotation_accepted' ? 'accepted' : 'declined';
  tx.run(
    tx.insertInto('activities').values({
      customer_id: q.customer_id,
      kind,
      occurred_at: at,
      summary: `${what} ${documentLabel(q.number, q.revision)} ${verb}: ${q.currency} ${formatMinor(q.total_minor, q.currency)}`,
      ref_table: 'quotations',
      ref_id: q.id,
      data: JSON.stringify({ number: q.number, revision: q.revision, kind: q.kind, totalMinor: q.total_minor, currency: q.currency }),
      created_at: at,
    }),
  );
}

/** Marks a draft sent: sent_at, an activity on the customer's timeline, its deal at least "quoted". */
export async function sendQuotation(ctx: ServiceContext, input: ChannelParsedInput<'quotations.send'>): Promise<Quotation> {
  const now = isoNow(ctx);
  return ctx.db.transaction((tx) => {
    const q = load(tx, input.id, input.version, 'send');
    setStatus(tx, q.id, 'sent', now, { sent_at: now });
    record(tx, q, 'quotation_sent', now);
    if (q.opportunity_id !== null) {
      touchOpportunity(tx, q.opportunity_id, { stageAtLeast: 'quoted', at: now, summary: documentLabel(q.number, q.revision) });
    }
    return readQuotation(tx, q.id);
  });
}

/** The buyer's answer to a sent document (on the timeline; its deal's last activity moves). */
export async function answerQuotation(
  ctx: ServiceContext,
  input: ChannelParsedInput<'quotations.accept'>,
  answer: 'accept' | 'decline',
): Promise<Quotation> {
  const now = isoNow(ctx);
  return ctx.db.transaction((tx) => {
    const q = load(tx, input.id, input.version, answer);
    setStatus(tx, q.id, answer === 'accept' ? 'accepted' : 'declined', now);
    record(tx, q, answer === 'accept' ? 'quotation_accepted' : 'quotation_declined', now);
    if (q.opportunity_id !== null) touchOpportunity(tx, q.opportunity_id, { at: now });
    return readQuotation(tx, q.id);
  });
}

export async function cancelQuotation(ctx: ServiceContext, input: ChannelParsedInput<'quotations.cancel'>): Promise<Quotation> {
  const now = isoNow(ctx);
  return ctx.db.transaction((tx) => {
    const q = load(tx, input.id, input.version, 'cancel');
    setStatus(tx, q.id, 'cancelled', now);
    return readQuotation(tx, q.id);
  });
}

/** Copies a document's terms and lines into a new draft row (a revision or a PI), in the caller's transaction. */
function copyDocument(
  tx: WriteTx,
  from: ReturnType<typeof load>,
  to: { kind: 'quotation' | 'proforma'; number: string; revision: number; issuedOn: string; validUntil: string | null },
  now: string,
): number {
  const id = Number(
    tx.run(
      tx.insertInto('quotations').values({
        customer_id: from.customer_id,
        opportunity_id: from.opportunity_id,
        contact_id: from.contact_id,
        kind: to.kind,
        number: to.number,
        revision: to.revision,
        status: 'draft',
        language: from.language,
        currency: from.currency,
        incoterm: from.incoterm,
        named_place: from.named_place,
        payment_terms: from.payment_terms,
        valid_until: to.validUntil,
        issued_on: to.issuedOn,
        notes: from.notes,
        source_id: from.id,
        total_minor: from.total_minor,
        created_at: now,
        updated_at: now,
      }),
    ).lastInsertRowid,
  );
  // The lines as they are, in one statement (the total above is theirs: the CHECKs hold each amount).
  tx.run(
    tx
      .insertInto('quotation_lines')
      .columns(['quotation_id', 'position', 'product_id', 'sku', 'description', 'unit', 'quantity', 'unit_price_minor', 'amount_minor'])
      .expression((eb) =>
        eb
          .selectFrom('quotation_lines')
          .select((s) => [
            s.val(id).as('quotation_id'),
            'position',
            'product_id',
            'sku',
            'description',
            'unit',
            'quantity',
            'unit_price_minor',
            'amount_minor',
          ])
          .where('quotation_id', '=', from.id)
          .orderBy('position'),
      ),
  );
  return id;
}

/** A new revision of a sent (or declined) document: same number, revision + 1, a draft; the one before is superseded. */
export async function reviseQuotation(ctx: ServiceContext, input: ChannelParsedInput<'quotations.revise'>): Promise<Quotation> {
  const now = isoNow(ctx);
  return ctx.db.transaction((tx) => {
    const q = load(tx, input.id, input.version, 'revise');
    const last = tx.first(
      tx
        .selectFrom('quotations')
        .select((eb) => eb.fn.max('revision').as('max'))
        .where('kind', '=', q.kind)
        .where('number', '=', q.number),
    );
    setStatus(tx, q.id, 'superseded', now);
    const id = copyDocument(
      tx,
      q,
      { kind: q.kind, number: q.number, revision: (last?.max ?? q.revision) + 1, issuedOn: isoDay(ctx.now()), validUntil: q.valid_until },
      now,
    );
    return readQuotation(tx, id);
  });
}

/** A proforma invoice from an accepted quotation: its own PI number (this year), the quotation's terms and lines, source_id. */
export async function makeProforma(ctx: ServiceContext, input: ChannelParsedInput<'quotations.makeProforma'>): Promise<Quotation> {
  const now = isoNow(ctx);
  return ctx.db.transaction((tx) => {
    const q = load(tx, input.id, input.version, 'makeProforma');
    if (q.kind !== 'quotation') {
      throw new AppError('QUOTATION_STATUS', `${q.number} is a proforma invoice already`, {
        id: q.id,
        status: q.status,
        action: 'makeProforma',
      });
    }
    // One PI per accepted quotation (cancel the PI to make another).
    const pi = tx.first(
      tx
        .selectFrom('quotations')
        .select('id')
        .where('source_id', '=', q.id)
        .where('kind', '=', 'proforma')
        .where('status', '<>', 'cancelled'),
    );
    if (pi)
      throw new AppError('QUOTATION_STATUS', `${q.number} has a proforma invoice already`, {
        id: q.id,
        status: q.status,
        action: 'makeProforma',
        proformaId: pi.id,
      });
    const issuedOn = isoDay(ctx.now());
    const number = takeDocumentNumber(tx, 'proforma', Number(issuedOn.slice(0, 4)));
    const id = copyDocument(tx, q, { kind: 'proforma', number, revision: 1, issuedOn, validUntil: null }, now);
    return readQuotation(tx, id);
  });
}
