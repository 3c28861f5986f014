/**
 * Complaints (投诉): recorded by hand or from a survey detractor, with a response deadline and a
 * resolution; one recorded by hand may name the order it is about, an amount claimed and photos.
 */
import { type InferResult } from 'kysely';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { RESPONSE_DAYS, type Complaint, type ComplaintDetails } from '../../../shared/domain/relationship';
import { AppError } from '../../../shared/errors';
import { addLocalDays } from '../../../shared/time/zoned';
import type { ReadDb, WriteTx } from '../../db/sql';
import { givenFields } from '../../db/given-fields';
import { expectVersion } from '../../db/versioned-row';
import { isoNow, type ServiceContext } from '../context';
import { assertClaimCurrency, assertCustomerOrder, decodePhotos, detailsOf, insertPhotos } from './complaint-details';
import { assertCustomer } from './customer-owner';

function complaints(db: ReadDb | WriteTx) {
  return db
    .selectFrom('complaints as k')
    .innerJoin('customers as c', 'c.id', 'k.customer_id')
    .leftJoin('orders as o', 'o.id', 'k.order_id')
    .select([
      'k.order_id',
      'o.external_no as order_no',
      'o.ordered_at as order_at',
      'o.amount_minor as order_amount',
      'o.currency as order_currency',
      'k.claim_minor',
      'k.claim_currency',
      'k.id',
      'k.customer_id',
      'c.company',
      'c.country',
      'k.category',
      'k.severity',
      'k.description',
      'k.status',
      'k.owner',
      'k.due_by',
      'k.resolution',
      'k.resolved_at',
      'k.version',
      'k.created_at',
      'k.updated_at',
    ]);
}

type Row = InferResult<ReturnType<typeof complaints>>[number];

/** Complaints as the page shows them, with their order, claim and photos (read in one more query for all). */
function toComplaints(db: ReadDb | WriteTx, rows: readonly Row[], nowIso: string): Complaint[] {
  const details = detailsOf(db, rows);
  return rows.map((r, i) => ({ ...toComplaint(r, nowIso), ...details[i]! }));
}

/** One complaint as it is now (it exists: the caller just wrote it). */
function readComplaint(tx: WriteTx, id: number, nowIso: string): Complaint {
  return toComplaints(tx, [tx.first(complaints(tx).where('k.id', '=', id))!], nowIso)[0]!;
}

function toComplaint(r: Row, nowIso: string): Omit<Complaint, keyof ComplaintDetails> {
  const active = r.status === 'open' || r.status === 'in_progress';
  return {
    id: r.id,
    customerId: r.customer_id,
    company: r.company,
    country: r.country,
    category: r.category,
    severity: r.severity as Complaint['severity'],
    description: r.description,
    status: r.status as Complaint['status'],
    owner: r.owner,
    dueBy: r.due_by,
    overdue: active && r.due_by < nowIso,
    resolution: r.resolution,
    resolvedAt: r.resolved_at,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** What every complaint has; a complaint recorded by hand may name an order, a claim and photos too. */
type ComplaintBasics = Pick<ChannelParsedInput<'complaints.create'>, 'customerId' | 'category' | 'severity' | 'description' | 'owner'>;

/** Inserts a complaint and its timeline activity in the caller's write transaction. Returns the new id. */
export function insertComplaint(tx: WriteTx, input: ComplaintBasics, now: number, owner: string): number {
  const nowIso = new Date(now).toISOString();
  // The response target counts calendar days; UTC is close enough for a due-by (shown local).
  const dueBy = new Date(addLocalDays(now, RESPONSE_DAYS[input.severity], 'UTC')).toISOString();
  const id = tx.run(
    tx.insertInto('complaints').values({
      customer_id: input.customerId,
      category: input.category,
      severity: input.severity,
      description: input.description,
      owner: input.owner ?? owner,
      due_by: dueBy,
      created_at: nowIso,
      updated_at: nowIso,
    }),
  ).lastInsertRowid;
  tx.run(
    tx.insertInto('activities').values({
      customer_id: input.customerId,
      kind: 'complaint_opened',
      occurred_at: nowIso,
      summary: `${input.severity}: ${input.description}`.slice(0, 500),
      ref_table: 'complaints',
      ref_id: id,
      created_at: nowIso,
    }),
  );
  return id;
}

/**
 * Records a complaint, with the order it is about (one of the customer's), the amount claimed and
 * photos, in one transaction: any bad part is refused with a field problem and nothing is written.
 */
export async function createComplaint(ctx: ServiceContext, input: ChannelParsedInput<'complaints.create'>): Promise<Complaint> {
  const now = ctx.now().getTime();
  const nowIso = new Date(now).toISOString();
  if (input.claim) assertClaimCurrency(input.claim.currency);
  const photos = decodePhotos(input.photos ?? []);
  const orderId = input.orderId ?? null;
  return ctx.db.transaction((tx) => {
    const customer = assertCustomer(tx, input.customerId);
    if (orderId !== null) assertCustomerOrder(tx, input.customerId, orderId);
    const id = insertComplaint(tx, input, now, customer.owner);
    if (orderId !== null || input.claim) {
      tx.run(
        tx
          .updateTable('complaints')
          .set({ order_id: orderId, claim_minor: input.claim?.amountMinor ?? null, claim_currency: input.claim?.currency ?? null })
          .where('id', '=', id),
      );
    }
    insertPhotos(tx, id, photos, nowIso);
    return readComplaint(tx, id, nowIso);
  });
}

/** Adds photos to a complaint (at most 10 in all); nothing is added when one of them is refused. */
export async function addComplaintPhotos(ctx: ServiceContext, input: ChannelParsedInput<'complaints.addPhotos'>): Promise<Complaint> {
  const nowIso = isoNow(ctx);
  const photos = decodePhotos(input.photos);
  return ctx.db.transaction((tx) => {
    assertComplaint(tx, input.complaintId);
    insertPhotos(tx, input.complaintId, photos, nowIso);
    tx.run(tx.updateTable('complaints').set({ updated_at: nowIso }).where('id', '=', input.complaintId));
    return readComplaint(tx, input.complaintId, nowIso);
  });
}

/** Removes one photo of a complaint. */
export async function removeComplaintPhoto(ctx: ServiceContext, input: ChannelParsedInput<'complaints.removePhoto'>): Promise<Complaint> {
  const nowIso = isoNow(ctx);
  return ctx.db.transaction((tx) => {
    assertComplaint(tx, input.complaintId);
    const removed = tx.run(
      tx.deleteFrom('complaint_photos').where('id', '=', input.photoId).where('complaint_id', '=', input.complaintId),
    ).changes;
    if (removed === 0) throw new AppError('NOT_FOUND', `photo ${input.photoId} of complaint ${input.complaintId} does not exist`, input);
    tx.run(tx.updateTable('complaints').set({ updated_at: nowIso }).where('id', '=', input.complaintId));
    return readComplaint(tx, input.complaintId, nowIso);
  });
}

function assertComplaint(tx: WriteTx, id: number): void {
  if (!tx.first(tx.selectFrom('complaints').select('id').where('id', '=', id))) {
    throw new AppError('NOT_FOUND', `complaint ${id} does not exist`, { id });
  }
}

export async function updateComplaint(ctx: ServiceContext, input: ChannelParsedInput<'complaints.update'>): Promise<Complaint> {
  const nowIso = isoNow(ctx);
  return ctx.db.transaction((tx) => {
    const before = expectVersion(
      tx.first(tx.selectFrom('complaints').select(['version', 'status', 'customer_id', 'resolution']).where('id', '=', input.id)),
      'complaint',
      input.id,
      input.version,
    );
    const p = input.patch;
    // Resolved and closed complaints keep a resolution note: reaching that status without one, or
    // clearing the note of a resolved complaint, is refused.
    const status = p.status ?? before.status;
    if ((status === 'resolved' || status === 'closed') && !(p.resolution ?? before.resolution).trim()) {
      throw new AppError('INVALID_INPUT', 'a resolved complaint needs a resolution note', [
        { path: 'patch.resolution', message: 'required to resolve' },
      ]);
    }
    const resolving =
      p.status !== undefined &&
      (p.status === 'resolved' || p.status === 'closed') &&
      before.status !== 'resolved' &&
      before.status !== 'closed';
    // Resolving stamps resolved_at, reopening clears it; otherwise it stays. Only the fields given change.
    const reopened = status === 'open' || status === 'in_progress';
    tx.run(
      tx
        .updateTable('complaints')
        .set({
          ...givenFields(p),
          ...(resolving ? { resolved_at: nowIso } : reopened ? { resolved_at: null } : {}),
          updated_at: nowIso,
          version: (eb) => eb('version', '+', 1),
        })
        .where('id', '=', input.id),
    );
    if (p.status !== undefined && p.status !== before.status) {
      tx.run(
        tx.insertInto('activities').values({
          customer_id: before.customer_id,
          kind: 'complaint_status',
          occurred_at: nowIso,
          summary: `${before.status} → ${p.status}`,
          ref_table: 'complaints',
          ref_id: input.id,
          created_at: nowIso,
        }),
      );
    }
    return readComplaint(tx, input.id, nowIso);
  });
}

export function listComplaints(ctx: ServiceContext, input: ChannelParsedInput<'complaints.list'>): ChannelOutput<'complaints.list'> {
  const nowIso = isoNow(ctx);
  let q = complaints(ctx.read).where('c.archived_at', 'is', null);
  if (input.customerId !== undefined) q = q.where('k.customer_id', '=', input.customerId);
  if (input.statuses.length) q = q.where('k.status', 'in', input.statuses);
  if (input.overdueOnly) q = q.where('k.status', 'in', ['open', 'in_progress']).where('k.due_by', '<', nowIso);
  return toComplaints(ctx.read, ctx.read.all(q.orderBy('k.due_by').orderBy('k.id').limit(input.limit)), nowIso);
}
