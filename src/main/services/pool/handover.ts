import { sql } from 'kysely';
import { AppError } from '../../../shared/errors';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import type { HandOverUndo } from '../../../shared/ipc/channels/pool';
import type { ReadDb, WriteTx } from '../../db/sql';
import { isoNow, type ServiceContext } from '../context';
import { actsForFirm, whoAmI } from './me';
import { ownerChangeActivity } from './pool';

/**
 * Hand-over (离职交接, #20): a salesperson's customers — all, or those chosen — go to another person
 * or to the public pool with their open follow-ups and open complaints (their needs follow the
 * customer), in one transaction, with a preview first and an undo after. In a team only a manager
 * or an admin hands over (MANAGER_REQUIRED), the changes sync as any edit and the server writes each
 * customer's timeline entry (a transfer); on a book of its own the entry is written here. Nothing is
 * deleted; the undo gives back exactly what moved and still has the new owner.
 */
type Input = ChannelParsedInput<'pool.handOver'>;
const CHUNK = 500;

function chunks<T>(all: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < all.length; i += CHUNK) out.push(all.slice(i, i + CHUNK));
  return out;
}

/** The rows a hand-over moves: `from`'s customers (all, or those listed), their open follow-ups and complaints of `from`, their open needs. */
function selection(reader: ReadDb | WriteTx, input: Input) {
  let q = reader
    .selectFrom('customers')
    .select('id')
    .where(sql<boolean>`owner = ${input.from} COLLATE NOCASE`)
    .where('owner', '<>', '');
  if (input.customerIds) q = q.where('id', 'in', input.customerIds.length ? input.customerIds : [0]);
  const customerIds = reader.all(q.orderBy('id')).map((r) => r.id);
  const followUpIds: number[] = [];
  const complaintIds: number[] = [];
  let needs = 0;
  for (const part of chunks(customerIds)) {
    followUpIds.push(
      ...reader
        .all(
          reader
            .selectFrom('follow_ups')
            .select('id')
            .where('customer_id', 'in', part)
            .where('status', '=', 'open')
            .where(sql<boolean>`owner = ${input.from} COLLATE NOCASE`)
            .orderBy('id'),
        )
        .map((r) => r.id),
    );
    complaintIds.push(
      ...reader
        .all(
          reader
            .selectFrom('complaints')
            .select('id')
            .where('customer_id', 'in', part)
            .where('status', 'in', ['open', 'in_progress'])
            .where(sql<boolean>`owner = ${input.from} COLLATE NOCASE`)
            .orderBy('id'),
        )
        .map((r) => r.id),
    );
    needs += Number(
      reader.first(
        reader
          .selectFrom('needs')
          .select(sql<number>`count(*)`.as('n'))
          .where('customer_id', 'in', part)
          .where('status', 'in', ['new', 'evaluating', 'planned']),
      )?.n ?? 0,
    );
  }
  return { customerIds, followUpIds, complaintIds, needs };
}

function mayHandOver(reader: ReadDb | WriteTx): void {
  if (!actsForFirm(whoAmI(reader))) throw new AppError('MANAGER_REQUIRED', 'only a manager or an admin hands customers over');
}

export function handOverPreview(ctx: ServiceContext, input: Input): ChannelOutput<'pool.handOverPreview'> {
  mayHandOver(ctx.read);
  const s = selection(ctx.read, input);
  return { customers: s.customerIds.length, followUps: s.followUpIds.length, complaints: s.complaintIds.length, needs: s.needs };
}

/** Sets the owner of these rows of `table` to `to`, where it is still `expect` (case-insensitive); returns how many changed. */
function reassign(
  tx: WriteTx,
  table: 'customers' | 'follow_ups' | 'complaints',
  rowIds: readonly number[],
  expect: string,
  to: string,
  now: string,
): number[] {
  const moved: number[] = [];
  for (const part of chunks(rowIds)) {
    const still = tx
      .all(
        tx
          .selectFrom(table)
          .select('id')
          .where('id', 'in', part)
          .where(sql<boolean>`owner = ${expect} COLLATE NOCASE`),
      )
      .map((r) => r.id);
    if (still.length === 0) continue;
    if (table === 'customers') {
      tx.run(
        tx
          .updateTable('customers')
          .set({ owner: to, updated_at: now, version: sql<number>`version + 1` })
          .where('id', 'in', still),
      );
    } else if (table === 'follow_ups') {
      tx.run(
        tx
          .updateTable('follow_ups')
          .set({ owner: to, updated_at: now, version: sql<number>`version + 1` })
          .where('id', 'in', still),
      );
    } else {
      tx.run(
        tx
          .updateTable('complaints')
          .set({ owner: to, updated_at: now, version: sql<number>`version + 1` })
          .where('id', 'in', still),
      );
    }
    moved.push(...still);
  }
  return moved;
}

/**
 * Moves what `rows` lists from `from` to `to` (each row only if it still has `from`), and on a book
 * of its own writes each moved customer's timeline entry (in a team the server does). The moved ids.
 */
function move(
  tx: WriteTx,
  rows: Omit<HandOverUndo, 'from' | 'to'>,
  from: string,
  to: string,
  now: string,
): Omit<HandOverUndo, 'from' | 'to'> {
  const me = whoAmI(tx);
  const customerIds = reassign(tx, 'customers', rows.customerIds, from, to, now);
  const followUpIds = reassign(tx, 'follow_ups', rows.followUpIds, from, to, now);
  const complaintIds = reassign(tx, 'complaints', rows.complaintIds, from, to, now);
  if (!me.inTeam) {
    const data = { from, to, by: me.name ?? '', reason: to ? ('transfer' as const) : ('release' as const) };
    for (const part of chunks(customerIds))
      tx.run(tx.insertInto('activities').values(part.map((id) => ownerChangeActivity(id, data, now))));
  }
  return { customerIds, followUpIds, complaintIds };
}

export async function handOver(ctx: ServiceContext, input: Input): Promise<ChannelOutput<'pool.handOver'>> {
  const now = isoNow(ctx);
  return ctx.db.transaction((tx) => {
    mayHandOver(tx);
    if (input.to.trim().toLowerCase() === input.from.trim().toLowerCase()) {
      throw new AppError('INVALID_INPUT', 'hand the customers to someone else than their owner', { field: 'to' });
    }
    const s = selection(tx, input);
    const moved = move(tx, s, input.from, input.to, now);
    const undo: HandOverUndo = { from: input.from, to: input.to, ...moved };
    return {
      customers: moved.customerIds.length,
      followUps: moved.followUpIds.length,
      complaints: moved.complaintIds.length,
      needs: s.needs,
      undo,
    };
  });
}

export async function undoHandOver(ctx: ServiceContext, undo: HandOverUndo): Promise<ChannelOutput<'pool.undoHandOver'>> {
  const now = isoNow(ctx);
  return ctx.db.transaction((tx) => {
    mayHandOver(tx);
    const moved = move(tx, undo, undo.to, undo.from, now);
    return { customers: moved.customerIds.length, followUps: moved.followUpIds.length, complaints: moved.complaintIds.length, needs: 0 };
  });
}
