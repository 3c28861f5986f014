/**
 * Opportunities (商机): created for a customer or from one of their inquiries, edited with an
 * optimistic version, moved between stages. Won creates the order (linked by order_id; the
 * customer is then reclassified as after an import of orders); lost needs a reason. Every change
 * is an activity on the customer's timeline and moves the deal's last activity.
 */
import { sql, type InferResult } from 'kysely';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { isOpenStage, type Deal, type LostReason } from '../../../shared/domain/deals';
import { AppError } from '../../../shared/errors';
import type { ReadDb, WriteTx } from '../../db/sql';
import { expectVersion } from '../../db/versioned-row';
import { reclassifyChanged } from '../../classify/classify';
import type { ServiceContext } from '../context';
import { readUserCurrency } from '../currency/currency';
import { recordDealActivity } from './deal-activity';
import { proposeFromInquiry } from './deal-proposal';
import { readPipelineSettings, staleBefore } from './pipeline-settings';

export function dealRows(db: ReadDb | WriteTx) {
  return db
    .selectFrom('opportunities as o')
    .innerJoin('customers as c', 'c.id', 'o.customer_id')
    .select([
      'o.id',
      'o.customer_id',
      'c.company',
      'o.inquiry_id',
      'o.order_id',
      'o.title',
      'o.stage',
      'o.amount_minor',
      'o.currency',
      'o.expected_close',
      'o.lost_reason',
      'o.lost_note',
      'o.owner',
      'o.stage_changed_at',
      'o.last_activity_at',
      'o.closed_at',
      'o.created_at',
      'o.version',
    ]);
}
export type DealRow = InferResult<ReturnType<typeof dealRows>>[number];

export const toDeal =
  (staleIso: string) =>
  (r: DealRow): Deal => ({
    id: r.id,
    customerId: r.customer_id,
    company: r.company,
    inquiryId: r.inquiry_id,
    orderId: r.order_id,
    title: r.title,
    stage: r.stage,
    amountMinor: r.amount_minor,
    currency: r.currency,
    expectedClose: r.expected_close,
    lostReason: r.lost_reason as LostReason | null,
    lostNote: r.lost_note,
    owner: r.owner ?? '',
    stageChangedAt: r.stage_changed_at,
    lastActivityAt: r.last_activity_at,
    closedAt: r.closed_at,
    createdAt: r.created_at,
    version: r.version,
    stale: r.closed_at === null && r.last_activity_at < staleIso,
  });

function readDeal(tx: WriteTx, id: number, now: Date): Deal {
  const row = tx.first(dealRows(tx).where('o.id', '=', id));
  if (!row) throw new AppError('NOT_FOUND', `deal ${id} does not exist`, { id });
  return toDeal(staleBefore(now, readPipelineSettings(tx)))(row);
}

export async function createDeal(ctx: ServiceContext, input: ChannelParsedInput<'deals.create'>): Promise<Deal> {
  const deal = await writeNewDeal(ctx, input);
  // An open deal is part of the customer's potential (classify/scoring.ts): their classes follow it.
  if (deal.amountMinor > 0) await reclassifyChanged(ctx, 'manual', { customerIds: [deal.customerId] });
  return deal;
}

function writeNewDeal(ctx: ServiceContext, input: ChannelParsedInput<'deals.create'>): Promise<Deal> {
  const now = ctx.now();
  const at = now.toISOString();
  return ctx.db.transaction((tx) => {
    let customerId = input.customerId;
    let proposed: { title: string; amountMinor: number; currency: string; owner: string } | null = null;
    if (input.inquiryId !== undefined) {
      const p = proposeFromInquiry(tx, input.inquiryId);
      if (customerId !== undefined && customerId !== p.customerId)
        throw new AppError('INVALID_INPUT', `inquiry ${input.inquiryId} is not customer ${customerId}'s`, {
          issues: [{ path: ['inquiryId'], message: 'not this customer’s inquiry' }],
        });
      customerId = p.customerId;
      proposed = p;
    }
    const customer = tx.first(tx.selectFrom('customers').select(['id', 'owner']).where('id', '=', customerId!));
    if (!customer) throw new AppError('NOT_FOUND', `customer ${customerId} does not exist`, { id: customerId });
    const title = input.title ?? proposed?.title;
    if (!title) throw new AppError('INVALID_INPUT', 'a deal needs a title', { issues: [{ path: ['title'], message: 'required' }] });
    const id = tx.run(
      tx.insertInto('opportunities').values({
        customer_id: customer.id,
        inquiry_id: input.inquiryId ?? null,
        title,
        stage: input.stage,
        amount_minor: input.amountMinor ?? proposed?.amountMinor ?? 0,
        currency: input.currency ?? proposed?.currency ?? readUserCurrency(tx).base,
        expected_close: input.expectedClose ?? null,
        owner: input.owner ?? (customer.owner || null),
        stage_changed_at: at,
        last_activity_at: at,
        created_at: at,
        updated_at: at,
      }),
    ).lastInsertRowid;
    recordDealActivity(tx, { id, customer_id: customer.id }, 'deal_created', `${input.stage}: ${title}`, at);
    return readDeal(tx, id, now);
  });
}

const PATCH_COLUMNS = {
  title: 'title',
  amountMinor: 'amount_minor',
  currency: 'currency',
  expectedClose: 'expected_close',
  owner: 'owner',
} as const;

export async function updateDeal(ctx: ServiceContext, input: ChannelParsedInput<'deals.update'>): Promise<Deal> {
  const deal = await writeDealPatch(ctx, input);
  // A new amount or currency of an open deal moves the customer's potential.
  const money = input.patch.amountMinor !== undefined || input.patch.currency !== undefined;
  if (money && isOpenStage(deal.stage)) await reclassifyChanged(ctx, 'manual', { customerIds: [deal.customerId] });
  return deal;
}

function writeDealPatch(ctx: ServiceContext, input: ChannelParsedInput<'deals.update'>): Promise<Deal> {
  const now = ctx.now();
  const at = now.toISOString();
  return ctx.db.transaction((tx) => {
    const row = expectVersion(
      tx.first(tx.selectFrom('opportunities').select(['id', 'customer_id', 'version', 'stage', 'title']).where('id', '=', input.id)),
      'deal',
      input.id,
      input.version,
    );
    const p = input.patch;
    if (row.stage === 'won' && (p.amountMinor !== undefined || p.currency !== undefined))
      throw new AppError('DEAL_CLOSED', `deal ${input.id} is won: its amount is its order's`, { id: input.id, stage: row.stage });
    const set: Record<string, string | number | null> = {};
    for (const [key, column] of Object.entries(PATCH_COLUMNS)) {
      const v = p[key as keyof typeof p];
      if (v !== undefined) set[column] = v;
    }
    if (Object.keys(set).length === 0) return readDeal(tx, input.id, now);
    tx.run(
      tx
        .updateTable('opportunities')
        .set({ ...set, updated_at: at, version: (eb) => eb('version', '+', 1) })
        .where('id', '=', input.id),
    );
    recordDealActivity(tx, row, 'deal_updated', p.title ?? row.title, at, { fields: Object.keys(set) });
    return readDeal(tx, input.id, now);
  });
}

export interface MoveResult {
  deal: Deal;
  /** The order a win created (or restored); null otherwise. */
  orderId: number | null;
}

/**
 * Moves a deal to a stage. Open → open: the stage. → lost: needs a reason (DEAL_LOST_REASON_REQUIRED,
 * nothing written). → won: the order is written in the same transaction (the deal's amount and
 * currency, ordered now; a deal won before and reopened gets its cancelled order back, so a deal
 * has one order at most), then the customer is reclassified. A closed deal moved to an open stage
 * is reopened (a won one's order is cancelled).
 */
export async function moveDeal(ctx: ServiceContext, input: ChannelParsedInput<'deals.move'>): Promise<MoveResult> {
  const now = ctx.now();
  const at = now.toISOString();
  const result = await ctx.db.transaction((tx) => {
    const row = expectVersion(tx.first(dealRows(tx).where('o.id', '=', input.id)), 'deal', input.id, input.version);
    const from = row.stage;
    const to = input.stage;
    if (to === 'lost' && !input.lostReason)
      throw new AppError('DEAL_LOST_REASON_REQUIRED', `deal ${input.id}: a lost deal needs a reason`, {
        id: input.id,
        issues: [{ path: ['lostReason'], message: 'required' }],
      });
    if (from === to && to !== 'lost') return { deal: readDeal(tx, input.id, now), orderId: null, reclassify: false };
    if (from === 'won' && to === 'lost')
      throw new AppError('DEAL_CLOSED', `deal ${input.id} is won; reopen it first`, { id: input.id, stage: from });
    let orderId: number | null = null;
    let reclassify = false;
    if (to === 'won') {
      orderId = writeOrder(tx, row, at);
      reclassify = true;
      tx.run(
        tx
          .updateTable('opportunities')
          .set({ stage: 'won', closed_at: at, lost_reason: null, lost_note: null, order_id: orderId, stage_changed_at: at, updated_at: at })
          .set((eb) => ({ version: eb('version', '+', 1) }))
          .where('id', '=', input.id),
      );
      recordDealActivity(tx, row, 'deal_won', `${row.title}`, at, { from, orderId, amountMinor: row.amount_minor, currency: row.currency });
    } else if (to === 'lost') {
      tx.run(
        tx
          .updateTable('opportunities')
          .set({
            stage: 'lost',
            closed_at: at,
            lost_reason: input.lostReason!,
            lost_note: input.lostNote || null,
            stage_changed_at: at,
            updated_at: at,
          })
          .set((eb) => ({ version: eb('version', '+', 1) }))
          .where('id', '=', input.id),
      );
      recordDealActivity(tx, row, 'deal_lost', `${input.lostReason}: ${row.title}${input.lostNote ? ` (${input.lostNote})` : ''}`, at, {
        from,
        reason: input.lostReason,
      });
    } else {
      const reopening = !isOpenStage(from);
      if (from === 'won' && row.order_id !== null) {
        tx.run(tx.updateTable('orders').set({ cancelled: 1 }).where('id', '=', row.order_id));
        reclassify = true;
      }
      tx.run(
        tx
          .updateTable('opportunities')
          .set({ stage: to, closed_at: null, lost_reason: null, lost_note: null, stage_changed_at: at, updated_at: at })
          .set((eb) => ({ version: eb('version', '+', 1) }))
          .where('id', '=', input.id),
      );
      recordDealActivity(tx, row, reopening ? 'deal_reopened' : 'deal_stage', `${from} → ${to}: ${row.title}`, at, { from, to });
    }
    // Any other move changes the deal's weight in the customer's open pipeline (their potential).
    if (row.amount_minor > 0) reclassify = true;
    return { deal: readDeal(tx, input.id, now), orderId, reclassify };
  });
  // The customer's classes see the order as they see an imported one (after the write has committed).
  if (result.reclassify) await reclassifyChanged(ctx, 'manual', { customerIds: [result.deal.customerId] });
  return { deal: result.deal, orderId: result.orderId };
}

/** The won deal's order: its earlier (cancelled) order restored with today's figures, or a new one. */
function writeOrder(tx: WriteTx, row: DealRow, at: string): number {
  const quantity =
    row.inquiry_id === null
      ? null
      : (tx.first(tx.selectFrom('inquiries').select('quantity').where('id', '=', row.inquiry_id))?.quantity ?? null);
  const values = {
    customer_id: row.customer_id,
    ordered_at: at,
    amount_minor: row.amount_minor,
    currency: row.currency,
    product: row.title,
    quantity,
    cancelled: 0,
  };
  if (row.order_id !== null) {
    const restored = tx.run(tx.updateTable('orders').set(values).where('id', '=', row.order_id)).changes;
    if (restored) return row.order_id;
  }
  return tx.run(tx.insertInto('orders').values({ ...values, external_no: null, created_at: at, import_batch_id: null })).lastInsertRowid;
}

/** Reopens a closed deal at an open stage (negotiation unless told). */
export function reopenDeal(ctx: ServiceContext, input: ChannelParsedInput<'deals.reopen'>): Promise<MoveResult> {
  return moveDeal(ctx, { id: input.id, version: input.version, stage: input.stage });
}

export function listDeals(ctx: ServiceContext, input: ChannelParsedInput<'deals.list'>): ChannelOutput<'deals.list'> {
  let q = dealRows(ctx.read);
  if (input.customerId !== undefined) q = q.where('o.customer_id', '=', input.customerId);
  if (input.stages.length) q = q.where('o.stage', 'in', input.stages);
  // Open deals first, then the most recently active.
  const rows = ctx.read.all(
    q
      .orderBy(sql`o.closed_at IS NOT NULL`)
      .orderBy('o.last_activity_at', 'desc')
      .orderBy('o.id', 'desc')
      .limit(input.limit),
  );
  return rows.map(toDeal(staleBefore(ctx.now(), readPipelineSettings(ctx.read))));
}
