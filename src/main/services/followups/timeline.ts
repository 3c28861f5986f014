/**
 * A customer's timeline: everything that happened with them, newest first.
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { TIMELINE_KINDS, type TimelineEntry } from '../../../shared/domain/followups';
import { assignmentActivitySchema, OWNER_ASSIGN_KIND, type AssignmentActivity } from '../../../shared/domain/assignment';
import { ownerChangeDataSchema, type OwnerChangeData } from '../../../shared/domain/pool';
import { AppError } from '../../../shared/errors';
import type { DB } from '../../db/schema';
import { type ServiceContext } from '../context';
import { complaintDetailsByIds } from '../relationship/complaint-details';

/** A customer's history, newest first: inquiries, orders, follow-ups, needs, complaints and recorded activities. */
export function customerTimeline(ctx: ServiceContext, input: ChannelParsedInput<'timeline.list'>): ChannelOutput<'timeline.list'> {
  const id = input.customerId;
  const db = ctx.read;
  const exists = db.first(db.selectFrom('customers').select('id').where('id', '=', id));
  if (!exists) throw new AppError('NOT_FOUND', `customer ${id} does not exist`, { id });
  const kinds = new Set<string>(input.kinds.length ? input.kinds : TIMELINE_KINDS);
  // Every part has the same columns (a union takes its names from the first part).
  type Entry = {
    kind: TimelineEntry['kind'];
    subtype: string | null;
    at: string;
    summary: string | null;
    ref: number | null;
    amount: number | null;
    currency: string | null;
    /** An activity's data (JSON): read for changes of owner. */
    data: string | null;
  };
  const none = [sql<null>`NULL`.as('amount'), sql<null>`NULL`.as('currency'), sql<null>`NULL`.as('data')] as const;
  const parts: SelectQueryBuilder<DB, keyof DB, Entry>[] = [];
  if (kinds.has('inquiry')) {
    parts.push(
      db
        .selectFrom('inquiries')
        .select([
          sql<'inquiry'>`'inquiry'`.as('kind'),
          'status as subtype',
          'received_at as at',
          sql<string>`coalesce(nullif(subject, ''), product)`.as('summary'),
          'id as ref',
          ...none,
        ])
        .where('customer_id', '=', id)
        .$castTo<Entry>(),
    );
  }
  if (kinds.has('order')) {
    parts.push(
      db
        .selectFrom('orders')
        .select([
          sql<'order'>`'order'`.as('kind'),
          sql<string>`CASE WHEN cancelled THEN 'cancelled' ELSE status END`.as('subtype'),
          'ordered_at as at',
          sql<string>`trim(coalesce(external_no, '') || ' ' || product)`.as('summary'),
          'id as ref',
          'amount_minor as amount',
          'currency',
          sql<null>`NULL`.as('data'),
        ])
        .where('customer_id', '=', id)
        .$castTo<Entry>(),
    );
  }
  // Done follow-ups are on the timeline as the activity their completion wrote.
  if (kinds.has('followup')) {
    parts.push(
      db
        .selectFrom('follow_ups')
        .select([
          sql<'followup'>`'followup'`.as('kind'),
          'status as subtype',
          'due_at as at',
          sql<string>`type || ': ' || note`.as('summary'),
          'id as ref',
          ...none,
        ])
        .where('customer_id', '=', id)
        .where('status', '<>', 'done')
        .$castTo<Entry>(),
    );
  }
  // Activities: complaints and survey answers are kinds of their own; the rest are "activity".
  const activityKinds = (['activity', 'complaint', 'survey'] as const).filter((k) => kinds.has(k));
  if (activityKinds.length) {
    const activityKind = sql<Entry['kind']>`CASE WHEN kind LIKE 'complaint%' THEN 'complaint'
      WHEN kind = 'survey_response' THEN 'survey' ELSE 'activity' END`;
    parts.push(
      db
        .selectFrom('activities')
        .select([
          activityKind.as('kind'),
          'kind as subtype',
          'occurred_at as at',
          'summary',
          'ref_id as ref',
          sql<null>`NULL`.as('amount'),
          sql<null>`NULL`.as('currency'),
          // Only a change of owner's data is read (the rest stays in the database).
          sql<string | null>`CASE WHEN substr(kind, 1, 6) = 'owner_' THEN data END`.as('data'),
        ])
        .where('customer_id', '=', id)
        .where(activityKind, 'in', activityKinds)
        .$castTo<Entry>(),
    );
  }
  if (kinds.has('need')) {
    parts.push(
      db
        .selectFrom('needs')
        .select([
          sql<'need'>`'need'`.as('kind'),
          'status as subtype',
          'created_at as at',
          sql<string>`category || ': ' || description`.as('summary'),
          'id as ref',
          ...none,
        ])
        .where('customer_id', '=', id)
        .$castTo<Entry>(),
    );
  }
  if (kinds.has('import')) {
    parts.push(
      db
        .selectFrom('import_batches')
        .select([sql<'import'>`'import'`.as('kind'), 'kind as subtype', 'finished_at as at', 'file_name as summary', 'id as ref', ...none])
        .where('status', '=', 'committed')
        .where('import_batches.id', 'in', (eb) =>
          eb.selectFrom('customers').select('customers.import_batch_id').where('customers.id', '=', id),
        )
        .$castTo<Entry>(),
    );
  }
  const [first, ...rest] = parts;
  if (!first) return [];
  const rows = db.all(
    db
      .selectFrom((rest.length ? first.unionAll(rest) : first).as('t'))
      .selectAll()
      .orderBy('t.at', 'desc')
      .limit(input.limit),
  );
  // A complaint's opening carries what the complaint names: its order, the amount claimed, its photos.
  const opened = (e: Entry) => e.kind === 'complaint' && e.subtype === 'complaint_opened' && e.ref !== null;
  const complaints = complaintDetailsByIds(
    db,
    rows.filter(opened).map((e) => e.ref as number),
  );
  return rows.map((e) => {
    const { kind, subtype, at, summary, ref, amount, currency, data } = e;
    return {
      kind,
      subtype: subtype ?? '',
      at,
      summary: summary ?? '',
      refId: ref,
      amountMinor: amount !== null && currency ? amount : null,
      currency: amount !== null && currency ? currency : null,
      complaint: opened(e) ? (complaints.get(ref as number) ?? null) : null,
      ownerChange: data === null || subtype === OWNER_ASSIGN_KIND ? null : ownerChangeOf(data),
      assignment: data !== null && subtype === OWNER_ASSIGN_KIND ? assignmentOf(data) : null,
    };
  });
}

/** A change of owner's activity data, or null when it is not readable (written by a later version, or damaged). */
function ownerChangeOf(data: string): OwnerChangeData | null {
  try {
    const parsed = ownerChangeDataSchema.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** An assignment's activity data, or null when it is not readable. */
function assignmentOf(data: string): AssignmentActivity | null {
  try {
    const parsed = assignmentActivitySchema.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
