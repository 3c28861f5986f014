/**
 * Needs (需求), complaints (投诉), the churn-risk list and each customer's timeline.
 */
import type { ChannelOutput, ChannelParsedInput } from '../../shared/ipc/contract';
import { RESPONSE_DAYS, TIMELINE_KINDS, type Complaint, type Need, type TimelineEntry } from '../../shared/domain/followups';
import { AppError } from '../../shared/errors';
import { addLocalDays } from '../../shared/time/zoned';
import { continentOf, regionOf } from '../geo/regions';
import { isoNow, type ServiceContext } from './context';
import { currencyExponent } from '../import/normalize/money';

// ---- needs ---------------------------------------------------------------------------------

const NEED_SELECT = `SELECT n.id, n.customer_id, c.company, c.country, c.industry, n.category, n.description, n.priority, n.status,
  n.version, n.created_at, n.updated_at FROM needs n JOIN customers c ON c.id = n.customer_id`;

interface NeedRow {
  id: number;
  customer_id: number;
  company: string;
  country: string;
  industry: string;
  category: string;
  description: string;
  priority: Need['priority'];
  status: Need['status'];
  version: number;
  created_at: string;
  updated_at: string;
}

const toNeed = (r: NeedRow): Need => ({
  id: r.id,
  customerId: r.customer_id,
  company: r.company,
  country: r.country,
  industry: r.industry,
  category: r.category,
  description: r.description,
  priority: r.priority,
  status: r.status,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

function assertCustomer(ctx: ServiceContext, id: number): { owner: string } {
  const c = ctx.sqlite.prepare(`SELECT owner FROM customers WHERE id = ?`).get(id) as { owner: string } | undefined;
  if (!c) throw new AppError('NOT_FOUND', `customer ${id} does not exist`, { id });
  return c;
}

function checkVersion(table: 'needs' | 'complaints', ctx: ServiceContext, id: number, version: number): void {
  const row = ctx.sqlite.prepare(`SELECT version FROM ${table} WHERE id = ?`).get(id) as { version: number } | undefined;
  if (!row) throw new AppError('NOT_FOUND', `${table} ${id} does not exist`, { id });
  if (row.version !== version) throw new AppError('CONFLICT', `${table} ${id} was changed elsewhere`, { id, expectedVersion: version, currentVersion: row.version });
}

export async function createNeed(ctx: ServiceContext, input: ChannelParsedInput<'needs.create'>): Promise<Need> {
  const now = isoNow(ctx);
  return ctx.kysely.transaction().execute(async () => {
    assertCustomer(ctx, input.customerId);
    const id = Number(
      ctx.sqlite
        .prepare(`INSERT INTO needs (customer_id, category, description, priority, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
        .run(input.customerId, input.category, input.description, input.priority, input.status, now, now).lastInsertRowid,
    );
    return toNeed(ctx.sqlite.prepare(`${NEED_SELECT} WHERE n.id = ?`).get(id) as NeedRow);
  });
}

export async function updateNeed(ctx: ServiceContext, input: ChannelParsedInput<'needs.update'>): Promise<Need> {
  const now = isoNow(ctx);
  return ctx.kysely.transaction().execute(async () => {
    checkVersion('needs', ctx, input.id, input.version);
    const p = input.patch;
    ctx.sqlite
      .prepare(
        `UPDATE needs SET category = coalesce(?, category), description = coalesce(?, description), priority = coalesce(?, priority),
           status = coalesce(?, status), updated_at = ?, version = version + 1 WHERE id = ?`,
      )
      .run(p.category ?? null, p.description ?? null, p.priority ?? null, p.status ?? null, now, input.id);
    return toNeed(ctx.sqlite.prepare(`${NEED_SELECT} WHERE n.id = ?`).get(input.id) as NeedRow);
  });
}

export function listNeeds(ctx: ServiceContext, input: ChannelParsedInput<'needs.list'>): ChannelOutput<'needs.list'> {
  const where = ['c.archived_at IS NULL'];
  const params: unknown[] = [];
  if (input.customerId !== undefined) {
    where.push('n.customer_id = ?');
    params.push(input.customerId);
  }
  if (input.statuses.length) {
    where.push(`n.status IN (${input.statuses.map(() => '?').join(', ')})`);
    params.push(...input.statuses);
  }
  if (input.category !== undefined) {
    where.push('n.category = ?');
    params.push(input.category);
  }
  const rows = ctx.readSqlite.prepare(`${NEED_SELECT} WHERE ${where.join(' AND ')} ORDER BY n.id DESC LIMIT ?`).all(...params, input.limit) as NeedRow[];
  return rows.map(toNeed);
}

/** What markets ask for: needs per category (or status), split by continent, region and industry. */
export function needsSummary(ctx: ServiceContext, input: ChannelParsedInput<'needs.summary'>): ChannelOutput<'needs.summary'> {
  const key = input.by === 'category' ? 'n.category' : 'n.status';
  const rows = ctx.readSqlite
    .prepare(`SELECT ${key} AS k, c.country AS country, c.industry AS industry, count(*) AS n FROM needs n JOIN customers c ON c.id = n.customer_id
              WHERE c.archived_at IS NULL GROUP BY 1, 2, 3`)
    .all() as { k: string; country: string; industry: string; n: number }[];
  const groups = new Map<string, { key: string; count: number; byContinent: Record<string, number>; byRegion: Record<string, number>; byIndustry: Record<string, number> }>();
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

const COMPLAINT_SELECT = `SELECT k.id, k.customer_id, c.company, c.country, k.category, k.severity, k.description, k.status, k.owner,
  k.due_by, k.resolution, k.resolved_at, k.version, k.created_at, k.updated_at FROM complaints k JOIN customers c ON c.id = k.customer_id`;

interface ComplaintRow {
  id: number;
  customer_id: number;
  company: string;
  country: string;
  category: string;
  severity: Complaint['severity'];
  description: string;
  status: Complaint['status'];
  owner: string;
  due_by: string;
  resolution: string;
  resolved_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

function toComplaint(r: ComplaintRow, nowIso: string): Complaint {
  const active = r.status === 'open' || r.status === 'in_progress';
  return {
    id: r.id,
    customerId: r.customer_id,
    company: r.company,
    country: r.country,
    category: r.category,
    severity: r.severity,
    description: r.description,
    status: r.status,
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

/** Inserts a complaint and its timeline activity; the caller holds the write transaction. Returns the new id. */
export function insertComplaint(ctx: ServiceContext, input: ChannelParsedInput<'complaints.create'>, now: number, owner: string): number {
  const nowIso = new Date(now).toISOString();
  // The response target counts calendar days; UTC is close enough for a due-by (shown local).
  const dueBy = new Date(addLocalDays(now, RESPONSE_DAYS[input.severity], 'UTC')).toISOString();
  const id = Number(
    ctx.sqlite
      .prepare(`INSERT INTO complaints (customer_id, category, severity, description, owner, due_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(input.customerId, input.category, input.severity, input.description, input.owner ?? owner, dueBy, nowIso, nowIso).lastInsertRowid,
  );
  ctx.sqlite
    .prepare(`INSERT INTO activities (customer_id, kind, occurred_at, summary, ref_table, ref_id, created_at) VALUES (?, 'complaint_opened', ?, ?, 'complaints', ?, ?)`)
    .run(input.customerId, nowIso, `${input.severity}: ${input.description}`.slice(0, 500), id, nowIso);
  return id;
}

export async function createComplaint(ctx: ServiceContext, input: ChannelParsedInput<'complaints.create'>): Promise<Complaint> {
  const now = ctx.now().getTime();
  const nowIso = new Date(now).toISOString();
  return ctx.kysely.transaction().execute(async () => {
    const customer = assertCustomer(ctx, input.customerId);
    const id = insertComplaint(ctx, input, now, customer.owner);
    return toComplaint(ctx.sqlite.prepare(`${COMPLAINT_SELECT} WHERE k.id = ?`).get(id) as ComplaintRow, nowIso);
  });
}

export async function updateComplaint(ctx: ServiceContext, input: ChannelParsedInput<'complaints.update'>): Promise<Complaint> {
  const nowIso = isoNow(ctx);
  return ctx.kysely.transaction().execute(async () => {
    checkVersion('complaints', ctx, input.id, input.version);
    const p = input.patch;
    const before = ctx.sqlite.prepare(`SELECT status, customer_id, resolution FROM complaints WHERE id = ?`).get(input.id) as {
      status: string;
      customer_id: number;
      resolution: string;
    };
    // Resolved and closed complaints keep a resolution note: reaching that status without one, or
    // clearing the note of a resolved complaint, is refused.
    const status = p.status ?? before.status;
    if ((status === 'resolved' || status === 'closed') && !(p.resolution ?? before.resolution).trim()) {
      throw new AppError('INVALID_INPUT', 'a resolved complaint needs a resolution note', [{ path: 'patch.resolution', message: 'required to resolve' }]);
    }
    const resolving = p.status !== undefined && (p.status === 'resolved' || p.status === 'closed') && before.status !== 'resolved' && before.status !== 'closed';
    ctx.sqlite
      .prepare(
        `UPDATE complaints SET category = coalesce(?, category), severity = coalesce(?, severity), description = coalesce(?, description),
           status = coalesce(?, status), owner = coalesce(?, owner), resolution = coalesce(?, resolution),
           resolved_at = CASE WHEN ? THEN ? WHEN coalesce(?, status) IN ('open','in_progress') THEN NULL ELSE resolved_at END,
           updated_at = ?, version = version + 1 WHERE id = ?`,
      )
      .run(p.category ?? null, p.severity ?? null, p.description ?? null, p.status ?? null, p.owner ?? null, p.resolution ?? null, resolving ? 1 : 0, nowIso, p.status ?? null, nowIso, input.id);
    if (p.status !== undefined && p.status !== before.status) {
      ctx.sqlite
        .prepare(`INSERT INTO activities (customer_id, kind, occurred_at, summary, ref_table, ref_id, created_at) VALUES (?, 'complaint_status', ?, ?, 'complaints', ?, ?)`)
        .run(before.customer_id, nowIso, `${before.status} → ${p.status}`, input.id, nowIso);
    }
    return toComplaint(ctx.sqlite.prepare(`${COMPLAINT_SELECT} WHERE k.id = ?`).get(input.id) as ComplaintRow, nowIso);
  });
}

export function listComplaints(ctx: ServiceContext, input: ChannelParsedInput<'complaints.list'>): ChannelOutput<'complaints.list'> {
  const nowIso = isoNow(ctx);
  const where = ['c.archived_at IS NULL'];
  const params: unknown[] = [];
  if (input.customerId !== undefined) {
    where.push('k.customer_id = ?');
    params.push(input.customerId);
  }
  if (input.statuses.length) {
    where.push(`k.status IN (${input.statuses.map(() => '?').join(', ')})`);
    params.push(...input.statuses);
  }
  if (input.overdueOnly) {
    where.push(`k.status IN ('open','in_progress') AND k.due_by < ?`);
    params.push(nowIso);
  }
  const rows = ctx.readSqlite
    .prepare(`${COMPLAINT_SELECT} WHERE ${where.join(' AND ')} ORDER BY k.due_by, k.id LIMIT ?`)
    .all(...params, input.limit) as ComplaintRow[];
  return rows.map((r) => toComplaint(r, nowIso));
}

// ---- churn risk ----------------------------------------------------------------------------

/** Customers past their order rhythm (churn warning), most valuable first, with their open follow-up if any. */
export function churnRisk(ctx: ServiceContext, input: ChannelParsedInput<'followups.churnRisk'>): ChannelOutput<'followups.churnRisk'> {
  const owner = input.owner !== undefined ? 'AND c.owner = ?' : '';
  const rows = ctx.readSqlite
    .prepare(
      `SELECT c.id, c.company, c.country, c.owner, c.value_tier, c.rfm_segment, c.recency_days, c.rhythm_days, c.last_order_at, c.revenue_minor,
              (SELECT min(f.due_at) FROM follow_ups f WHERE f.customer_id = c.id AND f.status = 'open') AS next_follow_up
       FROM customers c INDEXED BY customers_board_churn
       WHERE c.archived_at IS NULL AND c.churn_status = 'warning' ${owner}
       ORDER BY c.revenue_minor DESC, c.id DESC LIMIT ?`,
    )
    .all(...(input.owner !== undefined ? [input.owner] : []), input.limit) as {
    id: number;
    company: string;
    country: string;
    owner: string;
    value_tier: string;
    rfm_segment: string;
    recency_days: number | null;
    rhythm_days: number | null;
    last_order_at: string;
    revenue_minor: number;
    next_follow_up: string | null;
  }[];
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
  const exists = ctx.readSqlite.prepare(`SELECT 1 FROM customers WHERE id = ?`).get(id);
  if (!exists) throw new AppError('NOT_FOUND', `customer ${id} does not exist`, { id });
  const kinds = new Set<string>(input.kinds.length ? input.kinds : TIMELINE_KINDS);
  const parts: string[] = [];
  const none = 'NULL, NULL';
  if (kinds.has('inquiry')) parts.push(`SELECT 'inquiry' AS kind, status AS subtype, received_at AS at, coalesce(nullif(subject, ''), product) AS summary, id AS ref, ${none} FROM inquiries WHERE customer_id = @id`);
  if (kinds.has('order'))
    parts.push(`SELECT 'order', CASE WHEN cancelled THEN 'cancelled' ELSE status END, ordered_at, trim(coalesce(external_no, '') || ' ' || product), id, amount_minor, currency FROM orders WHERE customer_id = @id`);
  // Done follow-ups are on the timeline as the activity their completion wrote.
  if (kinds.has('followup')) parts.push(`SELECT 'followup', status, due_at, type || ': ' || note, id, ${none} FROM follow_ups WHERE customer_id = @id AND status <> 'done'`);
  // Activities: complaints and survey answers are kinds of their own; the rest are "activity".
  const activityKind = `CASE WHEN kind LIKE 'complaint%' THEN 'complaint' WHEN kind = 'survey_response' THEN 'survey' ELSE 'activity' END`;
  if (kinds.has('activity') || kinds.has('complaint') || kinds.has('survey')) {
    parts.push(`SELECT * FROM (SELECT ${activityKind} AS kind, kind, occurred_at, summary, ref_id, ${none} FROM activities WHERE customer_id = @id) WHERE kind IN (SELECT value FROM json_each(@kinds))`);
  }
  if (kinds.has('need')) parts.push(`SELECT 'need', status, created_at, category || ': ' || description, id, ${none} FROM needs WHERE customer_id = @id`);
  if (kinds.has('import'))
    parts.push(`SELECT 'import', b.kind, b.finished_at, b.file_name, b.id, ${none} FROM import_batches b WHERE b.status = 'committed' AND b.id IN (SELECT import_batch_id FROM customers WHERE id = @id)`);
  if (!parts.length) return [];
  const rows = ctx.readSqlite
    .prepare(`SELECT * FROM (${parts.join(' UNION ALL ')}) ORDER BY 3 DESC LIMIT @limit`)
    .raw()
    .all({ id, limit: input.limit, kinds: JSON.stringify([...kinds]) }) as [TimelineEntry['kind'], string | null, string, string | null, number | null, number | null, string | null][];
  return rows.map(([kind, subtype, at, summary, ref, amount, currency]) => ({
      kind,
      subtype: subtype ?? '',
      at,
      summary: amount !== null && currency ? `${summary ?? ''} · ${(amount / 10 ** currencyExponent(currency)).toFixed(currencyExponent(currency))} ${currency}` : (summary ?? ''),
      refId: ref,
    }));
}
