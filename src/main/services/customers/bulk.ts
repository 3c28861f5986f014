/**
 * The grid's bulk actions (customers.bulk): one action on many customers in one transaction, answered
 * with the action that undoes exactly what it changed. See shared/domain/customer-bulk.ts.
 *
 * - An action writes its own field only, plus updated_at and version on the customers it changed, so
 *   an edit form open on one of them meanwhile is told it changed (CONFLICT) instead of writing its old
 *   owner back; other fields are never touched.
 * - Customers it would not change (the owner already set, the tag already there) are left alone and
 *   left out of the undo; an undo changes only what still is as the action left it.
 * - Ids travel as one JSON value (json_each), so 100,000 of them make one statement, not 200.
 * - Bad input is refused whole: an unknown customer (NOT_FOUND) or a customer that would pass its
 *   tag limit (INVALID_INPUT) throws before anything is written, or rolls back what was.
 */
import { sql, type RawBuilder } from 'kysely';
import type { CustomerBulkAction, CustomerBulkResult } from '../../../shared/domain/customer-bulk';
import { AppError } from '../../../shared/errors';
import type { WriteTx } from '../../db/sql';
import { isoNow, type ServiceContext } from '../context';

/** As many tags as a customer may have (customerFieldsSchema's tags). */
const MAX_TAGS = 50;

/** `ids` as a subquery of one bound JSON value: `x IN ${idSet(ids)}`. */
function idSet(ids: readonly number[]): RawBuilder<number> {
  return sql<number>`(SELECT value FROM json_each(${JSON.stringify(ids)}))`;
}

/** Refuses the action (NOT_FOUND, naming a few) when any of `ids` is no customer. */
function requireCustomers(tx: WriteTx, ids: readonly number[]): void {
  const found = tx.first(
    tx
      .selectFrom('customers')
      .select(sql<number>`count(*)`.as('n'))
      .where(sql<boolean>`id IN ${idSet(ids)}`),
  );
  if ((found?.n ?? 0) === ids.length) return;
  const missing = tx
    .all(
      sql<{ id: number }>`SELECT value AS id FROM json_each(${JSON.stringify(ids)}) WHERE value NOT IN (SELECT id FROM customers) LIMIT 10`,
    )
    .map((r) => r.id);
  throw new AppError('NOT_FOUND', `${ids.length - (found?.n ?? 0)} of the customers do not exist`, { ids: missing });
}

/** Marks customers changed: a new version (edit forms open on them get CONFLICT) and the time. */
function touch(tx: WriteTx, ids: readonly number[], now: string): void {
  if (ids.length === 0) return;
  tx.run(
    tx
      .updateTable('customers')
      .set({ updated_at: now, version: sql<number>`version + 1` })
      .where(sql<boolean>`id IN ${idSet(ids)}`),
  );
}

/** Groups ids by a value they had, in first-seen order. */
function groupBy<K extends string>(rows: readonly { id: number; value: string }[], key: K): ({ ids: number[] } & Record<K, string>)[] {
  const map = new Map<string, number[]>();
  for (const r of rows) {
    const list = map.get(r.value);
    if (list) list.push(r.id);
    else map.set(r.value, [r.id]);
  }
  return [...map].map(([value, ids]) => ({ [key]: value, ids }) as { ids: number[] } & Record<K, string>);
}

function assignOwner(tx: WriteTx, ids: readonly number[], owner: string, now: string): CustomerBulkResult {
  requireCustomers(tx, ids);
  // Compared exactly (owner is NOCASE in the table): "wang fang" → "Wang Fang" is a change too.
  const previous = tx
    .all(
      tx
        .selectFrom('customers')
        .select(['id', 'owner as value'])
        .where(sql<boolean>`id IN ${idSet(ids)}`)
        .orderBy('id'),
    )
    .filter((r) => r.value !== owner);
  if (previous.length === 0) return { changed: 0, undo: null };
  const changed = previous.map((r) => r.id);
  tx.run(
    tx
      .updateTable('customers')
      .set({ owner, updated_at: now, version: sql<number>`version + 1` })
      .where(sql<boolean>`id IN ${idSet(changed)}`),
  );
  return { changed: changed.length, undo: { kind: 'restoreOwners', assigned: owner, groups: groupBy(previous, 'owner') } };
}

function restoreOwners(tx: WriteTx, action: Extract<CustomerBulkAction, { kind: 'restoreOwners' }>, now: string): CustomerBulkResult {
  let changed = 0;
  for (const g of action.groups) {
    changed += tx.run(
      tx
        .updateTable('customers')
        .set({ owner: g.owner, updated_at: now, version: sql<number>`version + 1` })
        .where(sql<boolean>`id IN ${idSet(g.ids)}`)
        // Only where the owner is still the one assigned: a later change of owner stays.
        .where(sql<boolean>`owner = ${action.assigned} COLLATE BINARY`),
    ).changes;
  }
  return { changed, undo: null };
}

function addTag(tx: WriteTx, ids: readonly number[], tag: string, now: string): CustomerBulkResult {
  requireCustomers(tx, ids);
  // The tag column is NOCASE: a customer tagged "vip" already has "VIP".
  const gained = tx
    .all(
      tx
        .selectFrom('customers as c')
        .select('c.id')
        .where(sql<boolean>`c.id IN ${idSet(ids)}`)
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('customer_tags as t').select('t.tag').whereRef('t.customer_id', '=', 'c.id').where('t.tag', '=', tag))),
        )
        .orderBy('c.id'),
    )
    .map((r) => r.id);
  if (gained.length === 0) return { changed: 0, undo: null };
  const full = tx.first(
    sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT customer_id FROM customer_tags WHERE customer_id IN ${idSet(gained)}
      GROUP BY customer_id HAVING count(*) >= ${MAX_TAGS})`,
  );
  if (full && full.n > 0) {
    throw new AppError('INVALID_INPUT', `${full.n} of the customers already have ${MAX_TAGS} tags`, [
      { path: 'tag', message: `a customer has at most ${MAX_TAGS} tags` },
    ]);
  }
  tx.run(sql`INSERT INTO customer_tags (customer_id, tag) SELECT value, ${tag} FROM json_each(${JSON.stringify(gained)})`);
  touch(tx, gained, now);
  return { changed: gained.length, undo: { kind: 'removeTag', ids: gained, tag } };
}

function removeTag(tx: WriteTx, ids: readonly number[], tag: string, now: string): CustomerBulkResult {
  requireCustomers(tx, ids);
  const had = tx.all(
    tx
      .selectFrom('customer_tags')
      .select(['customer_id as id', 'tag as value'])
      .where(sql<boolean>`customer_id IN ${idSet(ids)}`)
      .where('tag', '=', tag)
      .orderBy('customer_id'),
  );
  if (had.length === 0) return { changed: 0, undo: null };
  tx.run(
    tx
      .deleteFrom('customer_tags')
      .where(sql<boolean>`customer_id IN ${idSet(ids)}`)
      .where('tag', '=', tag),
  );
  touch(
    tx,
    had.map((r) => r.id),
    now,
  );
  // Back as each customer had it spelled.
  return { changed: had.length, undo: { kind: 'restoreTags', groups: groupBy(had, 'tag') } };
}

function restoreTags(tx: WriteTx, action: Extract<CustomerBulkAction, { kind: 'restoreTags' }>, now: string): CustomerBulkResult {
  const gained: number[] = [];
  for (const g of action.groups) {
    // Customers that still exist and have not been given the tag again since.
    const ids = tx
      .all(
        tx
          .selectFrom('customers as c')
          .select('c.id')
          .where(sql<boolean>`c.id IN ${idSet(g.ids)}`)
          .where(({ not, exists, selectFrom }) =>
            not(exists(selectFrom('customer_tags as t').select('t.tag').whereRef('t.customer_id', '=', 'c.id').where('t.tag', '=', g.tag))),
          ),
      )
      .map((r) => r.id);
    if (ids.length === 0) continue;
    tx.run(sql`INSERT INTO customer_tags (customer_id, tag) SELECT value, ${g.tag} FROM json_each(${JSON.stringify(ids)})`);
    gained.push(...ids);
  }
  touch(tx, gained, now);
  return { changed: gained.length, undo: null };
}

function planFollowUp(tx: WriteTx, action: Extract<CustomerBulkAction, { kind: 'planFollowUp' }>, now: string): CustomerBulkResult {
  requireCustomers(tx, action.ids);
  // As followups.create: due times in UTC with milliseconds (they sort as text), the customer's owner unless one is given.
  const dueAt = new Date(action.dueAt).toISOString();
  const planned = tx.all(
    tx
      .insertInto('follow_ups')
      .columns(['customer_id', 'type', 'due_at', 'owner', 'note', 'status', 'source', 'created_at', 'updated_at'])
      .expression(
        tx
          .selectFrom('customers as c')
          .select([
            'c.id',
            sql<string>`${action.type}`.as('type'),
            sql<string>`${dueAt}`.as('due_at'),
            action.owner ? sql<string>`${action.owner}`.as('owner') : 'c.owner',
            sql<string>`${action.note}`.as('note'),
            sql<string>`'open'`.as('status'),
            sql<string>`'manual'`.as('source'),
            sql<string>`${now}`.as('created_at'),
            sql<string>`${now}`.as('updated_at'),
          ])
          .where(sql<boolean>`c.id IN ${idSet(action.ids)}`)
          .orderBy('c.id'),
      )
      .returning('id'),
  );
  const ids = planned.map((r) => r.id);
  return { changed: ids.length, undo: ids.length ? { kind: 'removeFollowUps', followUpIds: ids } : null };
}

function removeFollowUps(tx: WriteTx, ids: readonly number[]): CustomerBulkResult {
  // Still open and never edited (version 1): one done, rescheduled or edited since stays.
  const removed = tx.run(
    tx
      .deleteFrom('follow_ups')
      .where(sql<boolean>`id IN ${idSet(ids)}`)
      .where('status', '=', 'open')
      .where('version', '=', 1)
      .where('source', '=', 'manual'),
  ).changes;
  return { changed: removed, undo: null };
}

function archive(tx: WriteTx, ids: readonly number[], now: string): CustomerBulkResult {
  requireCustomers(tx, ids);
  const active = tx
    .all(
      tx
        .selectFrom('customers')
        .select('id')
        .where(sql<boolean>`id IN ${idSet(ids)}`)
        .where('archived_at', 'is', null)
        .orderBy('id'),
    )
    .map((r) => r.id);
  if (active.length === 0) return { changed: 0, undo: null };
  tx.run(
    tx
      .updateTable('customers')
      .set({ archived_at: now, updated_at: now, version: sql<number>`version + 1` })
      .where(sql<boolean>`id IN ${idSet(active)}`),
  );
  return { changed: active.length, undo: { kind: 'unarchive', ids: active } };
}

function unarchive(tx: WriteTx, ids: readonly number[], now: string): CustomerBulkResult {
  const changed = tx.run(
    tx
      .updateTable('customers')
      .set({ archived_at: null, updated_at: now, version: sql<number>`version + 1` })
      .where(sql<boolean>`id IN ${idSet(ids)}`)
      .where('archived_at', 'is not', null),
  ).changes;
  return { changed, undo: null };
}

/** Runs one bulk action in one transaction; see the file's comment. */
export function bulkCustomers(ctx: ServiceContext, action: CustomerBulkAction): Promise<CustomerBulkResult> {
  const now = isoNow(ctx);
  return ctx.db.transaction((tx): CustomerBulkResult => {
    switch (action.kind) {
      case 'assignOwner':
        return assignOwner(tx, action.ids, action.owner, now);
      case 'restoreOwners':
        return restoreOwners(tx, action, now);
      case 'addTag':
        return addTag(tx, action.ids, action.tag, now);
      case 'removeTag':
        return removeTag(tx, action.ids, action.tag, now);
      case 'restoreTags':
        return restoreTags(tx, action, now);
      case 'planFollowUp':
        return planFollowUp(tx, action, now);
      case 'removeFollowUps':
        return removeFollowUps(tx, action.followUpIds);
      case 'archive':
        return archive(tx, action.ids, now);
      case 'unarchive':
        return unarchive(tx, action.ids, now);
    }
  });
}
