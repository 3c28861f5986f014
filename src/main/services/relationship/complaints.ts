/**
 * Complaints (投诉): recorded by hand or from a survey detractor, with a response deadline and a resolution.
 */
import { type InferResult } from 'kysely';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { RESPONSE_DAYS, type Complaint } from '../../../shared/domain/relationship';
import { AppError } from '../../../shared/errors';
import { addLocalDays } from '../../../shared/time/zoned';
import type { ReadDb, WriteTx } from '../../db/sql';
import { givenFields } from '../../db/given-fields';
import { expectVersion } from '../../db/versioned-row';
import { isoNow, type ServiceContext } from '../context';
import { assertCustomer } from './customer-owner';

function complaints(db: ReadDb | WriteTx) {
  return db
    .selectFrom('complaints as k')
    .innerJoin('customers as c', 'c.id', 'k.customer_id')
    .select([
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

function toComplaint(r: InferResult<ReturnType<typeof complaints>>[number], nowIso: string): Complaint {
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

/** Inserts a complaint and its timeline activity in the caller's write transaction. Returns the new id. */
export function insertComplaint(tx: WriteTx, input: ChannelParsedInput<'complaints.create'>, now: number, owner: string): number {
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

export async function createComplaint(ctx: ServiceContext, input: ChannelParsedInput<'complaints.create'>): Promise<Complaint> {
  const now = ctx.now().getTime();
  const nowIso = new Date(now).toISOString();
  return ctx.db.transaction((tx) => {
    const customer = assertCustomer(tx, input.customerId);
    const id = insertComplaint(tx, input, now, customer.owner);
    return toComplaint(tx.first(complaints(tx).where('k.id', '=', id))!, nowIso);
  });
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
    return toComplaint(tx.first(complaints(tx).where('k.id', '=', input.id))!, nowIso);
  });
}

export function listComplaints(ctx: ServiceContext, input: ChannelParsedInput<'complaints.list'>): ChannelOutput<'complaints.list'> {
  const nowIso = isoNow(ctx);
  let q = complaints(ctx.read).where('c.archived_at', 'is', null);
  if (input.customerId !== undefined) q = q.where('k.customer_id', '=', input.customerId);
  if (input.statuses.length) q = q.where('k.status', 'in', input.statuses);
  if (input.overdueOnly) q = q.where('k.status', 'in', ['open', 'in_progress']).where('k.due_by', '<', nowIso);
  return ctx.read.all(q.orderBy('k.due_by').orderBy('k.id').limit(input.limit)).map((r) => toComplaint(r, nowIso));
}
