/**
 * Needs (需求): what a customer asks for, on a board by status or category, with a market summary.
 */
import { sql, type InferResult } from 'kysely';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { type Need } from '../../../shared/domain/relationship';
import { continentOf, regionOf } from '../../geo/regions';
import type { ReadDb, WriteTx } from '../../db/sql';
import { givenFields } from '../../db/given-fields';
import { expectVersion } from '../../db/versioned-row';
import { isoNow, type ServiceContext } from '../context';
import { assertCustomer } from './customer-owner';

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
          ...givenFields(p),
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
