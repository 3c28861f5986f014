/**
 * Needs (需求), complaints (投诉), the churn-risk list and each customer's timeline.
 */
import { sql, type InferResult, type Selectable, type SelectQueryBuilder } from 'kysely';
import type { ChannelOutput, ChannelParsedInput } from '../../shared/ipc/contract';
import { RESPONSE_DAYS, TIMELINE_KINDS, type Complaint, type Need, type TimelineEntry } from '../../shared/domain/followups';
import { AppError } from '../../shared/errors';
import { addLocalDays } from '../../shared/time/zoned';
import { continentOf, regionOf } from '../geo/regions';
import type { ReadDb, WriteTx } from '../db/sql';
import type { CustomersTable, DB } from '../db/schema';
import { expectVersion } from '../db/versioned-row';
import { isoNow, type ServiceContext } from './context';
import { currencyExponent } from '../import/normalize/money';

// ---- needs ---------------------------------------------------------------------------------

function needs(db: ReadDb | WriteTx) {
  return db
    .selectFrom('needs as n')
    .innerJoin('customers as c', 'c.id', 'n.customer_id')
    .select([
      'n.id',
      'n.customer_id',
      'c.company',
      'c.country',
      'c.industry',
      'n.category',
      'n.description',
      'n.priority',
      'n.status',
      'n.version',
      'n.created_at',
      'n.updated_at',
    ]);
}

const toNeed = (r: InferResult<ReturnType<typeof needs>>[number]): Need => ({
  id: r.id,
  customerId: r.customer_id,
  company: r.company,
  country: r.country,
  industry: r.industry,
  category: r.category,
  description: r.description,
  priority: r.priority as Need['priority'],
  status: r.status as Need['status'],
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

function assertCustomer(tx: WriteTx, id: number): { owner: string } {
  const c = tx.first(tx.selectFrom('customers').select('owner').where('id', '=', id));
  if (!c) throw new AppError('NOT_FOUND', `customer ${id} does not exist`, { id });
  return c;
}

export async function createNeed(ctx: ServiceContext, input: ChannelParsedInput<'needs.create'>): Promise<Need> {
  const now = isoNow(ctx);
  return ctx.db.transaction((tx) => {
    assertCustomer(tx, input.customerId);
    const id = tx.run(
      tx.insertInto('needs').values({
        customer_id: input.customerId,
        category: input.category,
        description: input.description,
        priority: input.priority,
        status: input.status,
        created_at: now,
        updated_at: now,
      }),
    ).lastInsertRowid;
    return toNeed(tx.first(needs(tx).where('n.id', '=', id))!);
  });
}

export async function updateNeed(ctx: ServiceContext, input: ChannelParsedInput<'needs.update'>): Promise<Need> {
  const now = isoNow(ctx);
  return ctx.db.transaction((tx) => {
    expectVersion(tx.first(tx.selectFrom('needs').select('version').where('id', '=', input.id)), 'need', input.id, input.version);
    const p = input.patch;
    // Only the fields given change.
    tx.run(
      tx
        .updateTable('needs')
        .set({
          ...(p.category !== undefined && { category: p.category }),
          ...(p.description !== undefined && { description: p.description }),
          ...(p.priority !== undefined && { priority: p.priority }),
          ...(p.status !== undefined && { status: p.status }),
          updated_at: now,
          version: (eb) => eb('version', '+', 1),
        })
        .where('id', '=', input.id),
    );
    return toNeed(tx.first(needs(tx).where('n.id', '=', input.id))!);
  });
}

export function listNeeds(ctx: ServiceContext, input: ChannelParsedInput<'needs.list'>): ChannelOutput<'needs.list'> {
  let q = needs(ctx.read).where('c.archived_at', 'is', null);
  if (input.customerId !== undefined) q = q.where('n.customer_id', '=', input.customerId);
  if (input.statuses.length) q = q.where('n.status', 'in', input.statuses);
  if (input.category !== undefined) q = q.where('n.category', '=', input.category);
  return ctx.read.all(q.orderBy('n.id', 'desc').limit(input.limit)).map(toNeed);
}

/** What markets ask for: needs per category (or status), split by continent, region and industry. */
export function needsSummary(ctx: ServiceContext, input: ChannelParsedInput<'needs.summary'>): ChannelOutput<'needs.summary'> {
  const key = input.by === 'category' ? 'n.category' : 'n.status';
  const rows = ctx.read.all(
    ctx.read
      .selectFrom('needs as n')
      .innerJoin('customers as c', 'c.id', 'n.customer_id')
      .select([`${key} as k`, 'c.country as country', 'c.industry as industry', sql<number>`count(*)`.as('n')])
      .where('c.archived_at', 'is', null)
      .groupBy([key, 'c.country', 'c.industry']),
  );
  const groups = new Map<
    string,
    {
      key: string;
      count: number;
      byContinent: Record<string, number>;
      byRegion: Record<string, number>;
      byIndustry: Record<string, number>;
    }
  >();
  for (const r of rows) {
    const g = groups.get(r.k) ?? { key: r.k, count: 0, byContinent: {}, byRegion: {}, byIndustry: {} };
    g.count += r.n;
    const cont = continentOf(r.country).code;
    const reg = regionOf(r.country).code;
    g.byContinent[cont] = (g.byContinent[cont] ?? 0) + r.n;
    g.byRegion[reg] = (g.byRegion[reg] ?? 0) + r.n;
    g.byIndustry[r.industry] = (g.byIndustry[r.industry] ?? 0) + r.n;
    groups.set(r.k, g);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

// ---- complaints ----------------------------------------------------------------------------

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
          ...(p.category !== undefined && { category: p.category }),
          ...(p.severity !== undefined && { severity: p.severity }),
          ...(p.description !== undefined && { description: p.description }),
          ...(p.status !== undefined && { status: p.status }),
          ...(p.owner !== undefined && { owner: p.owner }),
          ...(p.resolution !== undefined && { resolution: p.resolution }),
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

// ---- churn risk ----------------------------------------------------------------------------

/** Customers past their order rhythm (churn warning), most valuable first, with their open follow-up if any. */
export function churnRisk(ctx: ServiceContext, input: ChannelParsedInput<'followups.churnRisk'>): ChannelOutput<'followups.churnRisk'> {
  type Row = Pick<
    Selectable<CustomersTable>,
    | 'id'
    | 'company'
    | 'country'
    | 'owner'
    | 'value_tier'
    | 'rfm_segment'
    | 'recency_days'
    | 'rhythm_days'
    | 'last_order_at'
    | 'revenue_minor'
  > & { next_follow_up: string | null };
  // A whole query: the builder cannot say INDEXED BY, which keeps the walk on the churn index in revenue order.
  const rows = ctx.read.all(
    sql<Row>`SELECT c.id, c.company, c.country, c.owner, c.value_tier, c.rfm_segment, c.recency_days, c.rhythm_days, c.last_order_at,
              c.revenue_minor,
              (SELECT min(f.due_at) FROM follow_ups f WHERE f.customer_id = c.id AND f.status = 'open') AS next_follow_up
       FROM customers c INDEXED BY customers_board_churn
       WHERE c.archived_at IS NULL AND c.churn_status = 'warning' ${input.owner !== undefined ? sql`AND c.owner = ${input.owner}` : sql``}
       ORDER BY c.revenue_minor DESC, c.id DESC LIMIT ${input.limit}`,
  );
  return rows.map((r) => ({
    customerId: r.id,
    company: r.company,
    country: r.country,
    owner: r.owner,
    tier: r.value_tier,
    segment: r.rfm_segment,
    daysSinceOrder: r.recency_days ?? 0,
    rhythmDays: r.rhythm_days ?? 0,
    daysPastRhythm: Math.max(0, (r.recency_days ?? 0) - (r.rhythm_days ?? 0)),
    lastOrderAt: r.last_order_at || null,
    revenueMinor: r.revenue_minor,
    nextFollowUpAt: r.next_follow_up,
  }));
}

// ---- timeline ------------------------------------------------------------------------------

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
  };
  const none = [sql<null>`NULL`.as('amount'), sql<null>`NULL`.as('currency')] as const;
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
        .select([activityKind.as('kind'), 'kind as subtype', 'occurred_at as at', 'summary', 'ref_id as ref', ...none])
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
  return rows.map(({ kind, subtype, at, summary, ref, amount, currency }) => ({
    kind,
    subtype: subtype ?? '',
    at,
    summary:
      amount !== null && currency
        ? `${summary ?? ''} · ${(amount / 10 ** currencyExponent(currency)).toFixed(currencyExponent(currency))} ${currency}`
        : (summary ?? ''),
    refId: ref,
  }));
}
