/**
 * Classification boards: columns (the classes of one dimension) with counts and revenue from one
 * grouped query, cards per column by (revenue, id) keyset, and moving a card, which changes a
 * manual dimension and is refused for derived ones.
 */
import { sql, type RawBuilder, type Selectable } from 'kysely';
import { readCurrency } from '../currency/currency';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import {
  isManualDimension,
  RFM_SEGMENTS,
  CHURN_STATUSES,
  VALUE_MATRIX,
  VALUE_TIERS,
  type BoardCard,
  type BoardColumn,
  type BoardDimension,
} from '../../../shared/domain/classification';
import { BUSINESS_TYPES, LIFECYCLE_STAGES, PRIORITIES, SCALES } from '../../../shared/domain/customer-enums';
import { AppError } from '../../../shared/errors';
import { continentOf, countriesOfAreas, regionOf } from '../../geo/regions';
import { currentRules, segmentDisplayName } from '../../classify/rules-store';
import { lastRun } from '../../classify/classify';
import { effectiveLifecycleSql, effectivePrioritySql, filteredCustomers } from '../customers/customers';
import type { WriteTx } from '../../db/sql';
import type { CustomersTable } from '../../db/schema';
import { expectVersion } from '../../db/versioned-row';
import { isoNow, type ServiceContext } from '../context';

/** Columns a dimension always shows, in order, even when empty (so a card can be dropped there). */
const FIXED_CLASSES: Partial<Record<BoardDimension, readonly string[]>> = {
  segment: [...RFM_SEGMENTS, 'none'],
  tier: [...VALUE_TIERS, 'none'],
  matrix: VALUE_MATRIX,
  churn: [...CHURN_STATUSES, 'none'],
  lifecycle: LIFECYCLE_STAGES,
  priority: PRIORITIES,
  businessType: [...BUSINESS_TYPES, ''],
  scale: [...SCALES, ''],
};

/** The SQL value a dimension groups by (country-based ones group by country and roll up). */
const GROUP_SQL: Record<Exclude<BoardDimension, 'tag' | 'continent' | 'region'>, RawBuilder<string>> = {
  country: sql<string>`c.country`,
  industry: sql<string>`c.industry`,
  businessType: sql<string>`c.business_type`,
  scale: sql<string>`c.scale`,
  owner: sql<string>`c.owner`,
  segment: sql<string>`c.rfm_segment`,
  tier: sql<string>`c.value_tier`,
  matrix: sql<string>`c.value_matrix`,
  churn: sql<string>`c.churn_status`,
  lifecycle: effectiveLifecycleSql,
  priority: effectivePrioritySql,
};

interface Group {
  k: string;
  n: number;
  revenue: number;
}

export function boardColumns(ctx: ServiceContext, input: ChannelParsedInput<'boards.columns'>): ChannelOutput<'boards.columns'> {
  const { dimension, filter } = input;
  const base = filteredCustomers(ctx, filter);
  let groups: Group[];
  if (dimension === 'tag') {
    const tagged = ctx.read.all(
      base
        .innerJoin('customer_tags as t', 't.customer_id', 'c.id')
        .select([sql<string>`t.tag`.as('k'), sql<number>`count(*)`.as('n'), sql<number>`total(c.revenue_minor)`.as('revenue')])
        .groupBy('t.tag')
        .compile(),
    ) as Group[];
    const untagged = ctx.read.first(
      base
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('customer_tags as u').select('u.tag').whereRef('u.customer_id', '=', 'c.id'))),
        )
        .select([sql<string>`''`.as('k'), sql<number>`count(*)`.as('n'), sql<number>`total(c.revenue_minor)`.as('revenue')])
        .compile(),
    ) as Group | undefined;
    groups = [...tagged, ...(untagged && untagged.n > 0 ? [untagged] : [])];
  } else {
    const expr = dimension === 'continent' || dimension === 'region' ? GROUP_SQL.country : GROUP_SQL[dimension];
    groups = ctx.read.all(
      base
        .select([expr.as('k'), sql<number>`count(*)`.as('n'), sql<number>`total(c.revenue_minor)`.as('revenue')])
        .groupBy(sql`1`)
        .compile(),
    ) as Group[];
  }

  const columns = new Map<string, BoardColumn>();
  const add = (key: string, name: BoardColumn['name'], n: number, revenue: number) => {
    const col = columns.get(key) ?? { key, name, count: 0, revenueMinor: 0 };
    col.count += n;
    col.revenueMinor += Math.round(revenue);
    columns.set(key, col);
  };
  const fixed = FIXED_CLASSES[dimension];
  if (fixed) for (const k of fixed) add(k, null, 0, 0);
  const segmentRules = dimension === 'segment' ? currentRules(ctx.read).rules : null;
  for (const g of groups) {
    if (dimension === 'continent' || dimension === 'region') {
      const area = dimension === 'continent' ? continentOf(g.k) : regionOf(g.k);
      add(area.code, area.name, g.n, g.revenue);
    } else {
      add(g.k, null, g.n, g.revenue);
    }
  }
  if (segmentRules) for (const col of columns.values()) col.name = segmentDisplayName(segmentRules, col.key) ?? col.name;
  let list = [...columns.values()];
  if (!fixed) {
    // Open-ended dimensions: largest first, "not set" last.
    list = list.sort((a, b) => Number(a.key === '') - Number(b.key === '') || b.count - a.count || a.key.localeCompare(b.key));
  }
  return {
    dimension,
    manual: isManualDimension(dimension),
    currency: readCurrency(ctx.read).base,
    columns: list,
    classifiedAt: lastRun(ctx.read)?.startedAt ?? null,
  };
}

export const CARD_COLUMNS = [
  'c.id',
  'c.version',
  'c.company',
  'c.country',
  'c.owner',
  'c.value_tier',
  'c.rfm_segment',
  'c.lifecycle_stage',
  'c.lifecycle_override',
  'c.priority',
  'c.suggested_priority',
  'c.revenue_minor',
  'c.last_order_at',
  'c.rhythm_days',
  'c.recency_days',
] as const;

export const nextFollowUpSql = sql<string | null>`(SELECT min(f.due_at) FROM follow_ups f
  WHERE f.customer_id = c.id AND f.status = 'open')`;

/** A card's row: the columns above and its next open follow-up. */
type CardRecord = Pick<
  Selectable<CustomersTable>,
  (typeof CARD_COLUMNS)[number] extends `c.${infer K extends keyof CustomersTable}` ? K : never
> & {
  next_follow_up: string | null;
};

export function toCard(r: CardRecord): BoardCard {
  return {
    id: r.id,
    version: r.version,
    company: r.company,
    country: r.country,
    owner: r.owner,
    tier: r.value_tier,
    segment: r.rfm_segment,
    lifecycle: r.lifecycle_override ?? r.lifecycle_stage,
    lifecycleOverridden: r.lifecycle_override !== null,
    priority: r.priority,
    suggestedPriority: r.suggested_priority,
    revenueMinor: r.revenue_minor,
    lastOrderAt: r.last_order_at || null,
    nextFollowUpAt: r.next_follow_up,
    rhythmDays: r.rhythm_days,
    recencyDays: r.recency_days,
  };
}

export function boardCards(ctx: ServiceContext, input: ChannelParsedInput<'boards.cards'>): ChannelOutput<'boards.cards'> {
  const { dimension, key, after, limit } = input;
  let filter = input.filter;
  if (dimension === 'continent' || dimension === 'region') {
    // A column of an area board is its countries, within whatever the filter already allows.
    let allowed = countriesOfAreas(dimension === 'continent' ? [key] : [], dimension === 'region' ? [key] : []) ?? [];
    const prior = countriesOfAreas(filter.continents, filter.regions);
    if (prior) allowed = allowed.filter((c) => prior.includes(c));
    if (filter.countries.length) allowed = allowed.filter((c) => filter.countries.includes(c));
    if (!allowed.length) return { cards: [], nextCursor: null };
    filter = { ...filter, continents: [], regions: [], countries: allowed };
  }
  let q = filteredCustomers(ctx, filter);
  if (dimension === 'tag') {
    q =
      key === ''
        ? q.where(({ not, exists, selectFrom }) =>
            not(exists(selectFrom('customer_tags as t').select('t.tag').whereRef('t.customer_id', '=', 'c.id'))),
          )
        : q.where(({ exists, selectFrom }) =>
            exists(selectFrom('customer_tags as t').select('t.tag').whereRef('t.customer_id', '=', 'c.id').where('t.tag', '=', key)),
          );
  } else if (dimension !== 'continent' && dimension !== 'region') {
    q = q.where(GROUP_SQL[dimension], '=', key);
  }
  if (after) q = q.where(sql<boolean>`(c.revenue_minor, c.id) < (${after.revenueMinor}, ${after.id})`);
  const rows = ctx.read.all(
    q
      .select([...CARD_COLUMNS, nextFollowUpSql.as('next_follow_up')])
      .orderBy('c.revenue_minor', 'desc')
      .orderBy('c.id', 'desc')
      .limit(limit + 1)
      .compile(),
  ) as CardRecord[];
  const more = rows.length > limit;
  if (more) rows.pop();
  const last = rows[rows.length - 1];
  return { cards: rows.map(toCard), nextCursor: more && last ? { revenueMinor: last.revenue_minor, id: last.id } : null };
}

function loadCard(tx: WriteTx, id: number): BoardCard {
  const r = tx.first(
    tx
      .selectFrom('customers as c')
      .select([...CARD_COLUMNS, nextFollowUpSql.as('next_follow_up')])
      .where('c.id', '=', id),
  );
  if (!r) throw new AppError('NOT_FOUND', `customer ${id} does not exist`, { id });
  return toCard(r);
}

function invalidTarget(dimension: BoardDimension, to: string): never {
  throw new AppError('INVALID_INPUT', `"${to}" is not a class of ${dimension}`, [{ path: 'to', message: 'unknown class' }]);
}

/** Moves a card to another column of a manual dimension. */
export async function moveCard(ctx: ServiceContext, input: ChannelParsedInput<'boards.move'>): Promise<ChannelOutput<'boards.move'>> {
  const { customerId, version, dimension, from, to } = input;
  if (!isManualDimension(dimension)) {
    throw new AppError('CLASS_NOT_MANUAL', `${dimension} is computed by classification and cannot be set by hand`, { dimension });
  }
  const now = isoNow(ctx);
  return ctx.db.transaction((tx) => {
    const row = expectVersion(
      tx.first(tx.selectFrom('customers').select(['version', 'lifecycle_stage']).where('id', '=', customerId)),
      'customer',
      customerId,
      version,
    );
    let overrideCleared = false;
    const set = (column: 'lifecycle_override' | 'priority' | 'business_type' | 'scale' | 'owner' | 'industry', value: string | null) =>
      tx.run(
        tx
          .updateTable('customers')
          .set(column, value)
          .set({ updated_at: now, version: (eb) => eb('version', '+', 1) })
          .where('id', '=', customerId),
      );
    switch (dimension) {
      case 'lifecycle':
        if (!(LIFECYCLE_STAGES as readonly string[]).includes(to)) invalidTarget(dimension, to);
        // Dropping on the stage the data says clears the override.
        overrideCleared = to === row.lifecycle_stage;
        set('lifecycle_override', overrideCleared ? null : to);
        break;
      case 'priority':
        if (!(PRIORITIES as readonly string[]).includes(to)) invalidTarget(dimension, to);
        set('priority', to);
        break;
      case 'businessType':
        if (to !== '' && !(BUSINESS_TYPES as readonly string[]).includes(to)) invalidTarget(dimension, to);
        set('business_type', to);
        break;
      case 'scale':
        if (to !== '' && !(SCALES as readonly string[]).includes(to)) invalidTarget(dimension, to);
        set('scale', to);
        break;
      case 'owner':
        if (to.trim().length > 120) invalidTarget(dimension, to);
        set('owner', to.trim());
        break;
      case 'industry':
        if (to.trim().length > 120) invalidTarget(dimension, to);
        set('industry', to.trim());
        break;
      case 'tag': {
        const tag = to.trim();
        if (tag.length > 40) invalidTarget(dimension, to);
        if (from.trim()) tx.run(tx.deleteFrom('customer_tags').where('customer_id', '=', customerId).where('tag', '=', from.trim()));
        if (tag) tx.run(tx.insertInto('customer_tags').orIgnore().values({ customer_id: customerId, tag }));
        tx.run(
          tx
            .updateTable('customers')
            .set({ updated_at: now, version: (eb) => eb('version', '+', 1) })
            .where('id', '=', customerId),
        );
        break;
      }
    }
    tx.run(
      tx.insertInto('activities').values({
        customer_id: customerId,
        kind: 'class_change',
        occurred_at: now,
        summary: `${dimension}: ${from || '—'} → ${to || '—'}`,
        data: JSON.stringify({ dimension, from, to, overrideCleared }),
        created_at: now,
      }),
    );
    return { card: loadCard(tx, customerId), overrideCleared };
  });
}
