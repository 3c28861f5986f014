/**
 * A complaint's order, claim and photos (0012): checked and written with the complaint in one
 * transaction, and read back for its row, the customer's panel and the customer's timeline.
 */
import { sql } from 'kysely';
import {
  COMPLAINT_FIELD_PROBLEMS,
  MAX_COMPLAINT_PHOTO_BYTES,
  MAX_COMPLAINT_PHOTOS,
  type ComplaintDetails,
  type ComplaintPhoto,
} from '../../../shared/domain/relationship';
import { AppError } from '../../../shared/errors';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import type { ComplaintPhotosTable } from '../../db/schema';
import type { ReadDb, WriteTx } from '../../db/sql';
import { isCurrencyCode } from '../../import/normalize/money';
import { sniffImage } from '../capture/capture';
import { readUserCurrency } from '../currency/currency';
import type { ServiceContext } from '../context';

type PhotoInput = ChannelParsedInput<'complaints.addPhotos'>['photos'][number];
export interface DecodedPhoto {
  fileName: string;
  mime: ComplaintPhotosTable['mime'];
  bytes: Buffer;
}

interface Problem {
  path: string;
  message: string;
}

const refuse = (message: string, problems: Problem[]): never => {
  throw new AppError('INVALID_INPUT', message, problems);
};

/**
 * The photos' bytes, each checked (at most 10 MB, an image by its first bytes); every bad photo is
 * named (`photos.<n>` under `path`), and nothing is written when one is.
 */
export function decodePhotos(photos: readonly PhotoInput[], path = 'photos'): DecodedPhoto[] {
  const problems: Problem[] = [];
  const decoded = photos.map((photo, i): DecodedPhoto | null => {
    const bytes = Buffer.from(photo.contentBase64, 'base64');
    if (bytes.length > MAX_COMPLAINT_PHOTO_BYTES) {
      problems.push({ path: `${path}.${i}`, message: COMPLAINT_FIELD_PROBLEMS.photoTooLarge });
      return null;
    }
    const mime = bytes.length > 0 ? sniffImage(bytes) : null;
    if (!mime) {
      problems.push({ path: `${path}.${i}`, message: COMPLAINT_FIELD_PROBLEMS.notAnImage });
      return null;
    }
    return { fileName: photo.fileName, mime, bytes };
  });
  if (problems.length) refuse('a photo is too large or not a JPEG, PNG, WebP or HEIC image', problems);
  return decoded.filter((p): p is DecodedPhoto => p !== null);
}

/** The order a complaint names must be one of its customer's. */
export function assertCustomerOrder(tx: WriteTx, customerId: number, orderId: number): void {
  const order = tx.first(tx.selectFrom('orders').select('customer_id').where('id', '=', orderId));
  if (order?.customer_id !== customerId) {
    refuse(`order ${orderId} is not an order of customer ${customerId}`, [
      { path: 'orderId', message: COMPLAINT_FIELD_PROBLEMS.orderNotCustomer },
    ]);
  }
}

/** A claim's currency must be one the app knows (the schema only checks it is three letters). */
export function assertClaimCurrency(currency: string): void {
  if (!isCurrencyCode(currency)) {
    refuse(`unknown currency ${currency}`, [{ path: 'claim.currency', message: COMPLAINT_FIELD_PROBLEMS.unknownCurrency }]);
  }
}

/** Adds photos to a complaint, refusing (nothing written) when it would have more than 10. */
export function insertPhotos(tx: WriteTx, complaintId: number, photos: readonly DecodedPhoto[], nowIso: string): void {
  if (photos.length === 0) return;
  const held =
    tx.first(
      tx
        .selectFrom('complaint_photos')
        .select(sql<number>`count(*)`.as('n'))
        .where('complaint_id', '=', complaintId),
    )?.n ?? 0;
  if (held + photos.length > MAX_COMPLAINT_PHOTOS) {
    refuse(`a complaint has at most ${MAX_COMPLAINT_PHOTOS} photos (${held} already)`, [
      { path: 'photos', message: COMPLAINT_FIELD_PROBLEMS.tooManyPhotos },
    ]);
  }
  for (const p of photos) {
    tx.run(
      tx.insertInto('complaint_photos').values({
        complaint_id: complaintId,
        file_name: p.fileName,
        mime: p.mime,
        size_bytes: p.bytes.length,
        bytes: p.bytes,
        created_at: nowIso,
      }),
    );
  }
}

/** The columns a complaint's details are read from (its order joined as `o`). */
export interface DetailColumns {
  id: number;
  order_id: number | null;
  order_no: string | null;
  order_at: string | null;
  order_amount: number | null;
  order_currency: string | null;
  claim_minor: number | null;
  claim_currency: string | null;
}

/** Each complaint's photos (without their bytes), oldest first, by complaint id. */
function photosOf(db: ReadDb | WriteTx, ids: readonly number[]): Map<number, ComplaintPhoto[]> {
  const out = new Map<number, ComplaintPhoto[]>();
  if (ids.length === 0) return out;
  const rows = db.all(
    db
      .selectFrom('complaint_photos')
      .select(['id', 'complaint_id', 'file_name', 'mime', 'size_bytes', 'created_at'])
      .where('complaint_id', 'in', ids)
      .orderBy('complaint_id')
      .orderBy('id'),
  );
  for (const r of rows) {
    const list = out.get(r.complaint_id) ?? [];
    list.push({ id: r.id, fileName: r.file_name, mime: r.mime, sizeBytes: r.size_bytes, createdAt: r.created_at });
    out.set(r.complaint_id, list);
  }
  return out;
}

/** The order, claim and photos of each row, in the rows' order. */
export function detailsOf(db: ReadDb | WriteTx, rows: readonly DetailColumns[]): ComplaintDetails[] {
  const photos = photosOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    order:
      r.order_id !== null && r.order_at !== null && r.order_amount !== null && r.order_currency !== null
        ? { id: r.order_id, externalNo: r.order_no ?? '', orderedAt: r.order_at, amountMinor: r.order_amount, currency: r.order_currency }
        : null,
    claim: r.claim_minor !== null && r.claim_currency !== null ? { amountMinor: r.claim_minor, currency: r.claim_currency } : null,
    photos: photos.get(r.id) ?? [],
  }));
}

/** The details of the complaints with these ids (those that exist), by id: for the customer's timeline. */
export function complaintDetailsByIds(db: ReadDb, ids: readonly number[]): Map<number, ComplaintDetails> {
  if (ids.length === 0) return new Map();
  const rows = db.all(
    db
      .selectFrom('complaints as k')
      .leftJoin('orders as o', 'o.id', 'k.order_id')
      .select([
        'k.id',
        'k.order_id',
        'o.external_no as order_no',
        'o.ordered_at as order_at',
        'o.amount_minor as order_amount',
        'o.currency as order_currency',
        'k.claim_minor',
        'k.claim_currency',
      ])
      .where('k.id', 'in', ids),
  );
  const details = detailsOf(db, rows);
  return new Map(rows.map((r, i) => [r.id, details[i]!]));
}

/** The orders of a customer a complaint can name, newest first, and the base currency. */
export function complaintOrderChoices(
  ctx: Pick<ServiceContext, 'read'>,
  input: ChannelParsedInput<'complaints.orders'>,
): ChannelOutput<'complaints.orders'> {
  const db = ctx.read;
  const exists = db.first(db.selectFrom('customers').select('id').where('id', '=', input.customerId));
  if (!exists) throw new AppError('NOT_FOUND', `customer ${input.customerId} does not exist`, { id: input.customerId });
  const rows = db.all(
    db
      .selectFrom('orders')
      .select(['id', 'external_no', 'ordered_at', 'amount_minor', 'currency', 'product', 'cancelled'])
      .where('customer_id', '=', input.customerId)
      .orderBy('ordered_at', 'desc')
      .orderBy('id', 'desc')
      .limit(input.limit + 1),
  );
  return {
    baseCurrency: readUserCurrency(db).base,
    orders: rows.slice(0, input.limit).map((r) => ({
      id: r.id,
      externalNo: r.external_no ?? '',
      orderedAt: r.ordered_at,
      amountMinor: r.amount_minor,
      currency: r.currency,
      product: r.product,
      cancelled: r.cancelled === 1,
    })),
    more: rows.length > input.limit,
  };
}

/** One photo with its bytes. */
export function complaintPhoto(
  ctx: Pick<ServiceContext, 'read'>,
  input: ChannelParsedInput<'complaints.photo'>,
): ChannelOutput<'complaints.photo'> {
  const db = ctx.read;
  const r = db.first(
    db
      .selectFrom('complaint_photos')
      .select(['id', 'complaint_id', 'file_name', 'mime', 'size_bytes', 'bytes', 'created_at'])
      .where('id', '=', input.id),
  );
  if (!r) throw new AppError('NOT_FOUND', `photo ${input.id} does not exist`, { id: input.id });
  return {
    id: r.id,
    complaintId: r.complaint_id,
    fileName: r.file_name,
    mime: r.mime,
    sizeBytes: r.size_bytes,
    createdAt: r.created_at,
    contentBase64: Buffer.from(r.bytes).toString('base64'),
  };
}
