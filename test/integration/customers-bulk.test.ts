import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_BULK_IDS, type CustomerBulkAction, type CustomerBulkActionInput } from '../../src/shared/domain/customer-bulk';
import { openTestEngine, type TestEngine } from '../support/temp-db';

/** The grid's bulk actions (customers.bulk) on a real database: one transaction each, undone exactly. */
let t: TestEngine;
let ids: { wang: number; li: number; none: number; archived: number };

beforeEach(async () => {
  t = await openTestEngine({ now: () => new Date('2026-03-10T08:00:00.000Z') });
  const create = async (company: string, owner: string, tags: string[] = []) =>
    (await t.call('customers.create', { company, owner, tags })).id;
  ids = {
    wang: await create('Wang Customer', 'Wang Fang', ['vip']),
    li: await create('Li Customer', 'Li Na', ['VIP', 'OEM']),
    none: await create('Unowned Customer', ''),
    archived: await create('Archived Customer', 'Li Na'),
  };
  await t.call('customers.archive', { ids: [ids.archived], archived: true });
});
afterEach(async () => {
  await t.close();
});

/** Every table's rows, to compare before and after a refused or failed action. */
function dump(): string {
  const db = t.engine.database.sqlite;
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index%' ORDER BY name`,
    )
    .all() as { name: string }[];
  return tables.map(({ name }) => `${name}:${JSON.stringify(db.prepare(`SELECT * FROM "${name}" ORDER BY 1`).all())}`).join('\n');
}

const get = (id: number) => t.call('customers.get', { id });
const bulk = (action: CustomerBulkActionInput) => t.call('customers.bulk', action);

describe('customers.bulk', () => {
  it('assigns an owner to many, and Undo gives each customer its own owner back', async () => {
    const all = [ids.wang, ids.li, ids.none];
    const done = await bulk({ kind: 'assignOwner', ids: all, owner: 'Zhang Wei' });
    expect(done.changed).toBe(3);
    for (const id of all) expect((await get(id)).owner).toBe('Zhang Wei');
    expect(done.undo).toEqual({
      kind: 'restoreOwners',
      assigned: 'Zhang Wei',
      groups: [
        { owner: 'Wang Fang', ids: [ids.wang] },
        { owner: 'Li Na', ids: [ids.li] },
        { owner: '', ids: [ids.none] },
      ],
    });
    // Meanwhile: another field of one customer edited, the owner of another changed again.
    const li = await get(ids.li);
    await t.call('customers.update', { id: ids.li, version: li.version, patch: { city: 'Shenzhen' } });
    const none = await get(ids.none);
    await t.call('customers.update', { id: ids.none, version: none.version, patch: { owner: 'Chen Jie' } });

    const undone = await bulk(done.undo as CustomerBulkAction);
    expect(undone).toEqual({ changed: 2, undo: null });
    expect((await get(ids.wang)).owner).toBe('Wang Fang');
    expect(await get(ids.li)).toMatchObject({ owner: 'Li Na', city: 'Shenzhen' });
    // Changed again since: that change stays.
    expect((await get(ids.none)).owner).toBe('Chen Jie');
  });

  it('changes the version, so an edit form opened before is told (CONFLICT) instead of writing the old owner back', async () => {
    const before = await get(ids.wang);
    await bulk({ kind: 'assignOwner', ids: [ids.wang], owner: 'Zhang Wei' });
    const stale = await t.raw('customers.update', { id: ids.wang, version: before.version, patch: { owner: 'Wang Fang', city: 'X' } });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.error.code).toBe('CONFLICT');
  });

  it('an owner already set is no change and nothing to undo', async () => {
    expect(await bulk({ kind: 'assignOwner', ids: [ids.wang], owner: 'Wang Fang' })).toEqual({ changed: 0, undo: null });
    // A different spelling is a change (owner compares without case in the table).
    expect((await bulk({ kind: 'assignOwner', ids: [ids.wang], owner: 'wang fang' })).changed).toBe(1);
  });

  it('adds a tag to the customers without it (any spelling), and Undo takes it from those only', async () => {
    const done = await bulk({ kind: 'addTag', ids: [ids.wang, ids.li, ids.none], tag: 'Vip' });
    expect(done.changed).toBe(1);
    expect(done.undo).toEqual({ kind: 'removeTag', ids: [ids.none], tag: 'Vip' });
    expect((await get(ids.none)).tags).toEqual(['Vip']);
    expect((await get(ids.wang)).tags).toEqual(['vip']);
    await bulk(done.undo as CustomerBulkAction);
    expect((await get(ids.none)).tags).toEqual([]);
    expect((await get(ids.wang)).tags).toEqual(['vip']);
    expect((await get(ids.li)).tags).toEqual(['OEM', 'VIP']);
    // The filter by tag finds the customers again as before.
    expect((await t.call('customers.list', { filter: { tag: 'vip' } })).rows.map((r) => r.id).sort()).toEqual([ids.wang, ids.li].sort());
  });

  it('removes a tag however it is spelled, and Undo puts each spelling back', async () => {
    const done = await bulk({ kind: 'removeTag', ids: [ids.wang, ids.li, ids.none], tag: 'VIP' });
    expect(done.changed).toBe(2);
    expect((await get(ids.wang)).tags).toEqual([]);
    expect((await get(ids.li)).tags).toEqual(['OEM']);
    expect(done.undo).toEqual({
      kind: 'restoreTags',
      groups: [
        { tag: 'vip', ids: [ids.wang] },
        { tag: 'VIP', ids: [ids.li] },
      ],
    });
    expect((await bulk(done.undo as CustomerBulkAction)).changed).toBe(2);
    expect((await get(ids.wang)).tags).toEqual(['vip']);
    expect((await get(ids.li)).tags).toEqual(['OEM', 'VIP']);
  });

  it('plans one follow-up each (the customer’s owner unless one is given), and Undo removes those not touched since', async () => {
    const done = await bulk({
      kind: 'planFollowUp',
      ids: [ids.wang, ids.li],
      type: 'call',
      dueAt: '2026-03-11T09:00:00+08:00',
      note: 'Spring catalogue',
    });
    expect(done.changed).toBe(2);
    const open = await t.call('followups.list', { bucket: 'open', timeZone: 'UTC' });
    const planned = open.items.filter((f) => f.note === 'Spring catalogue');
    expect(planned.map((f) => [f.customerId, f.owner, f.type, f.dueAt]).sort()).toEqual(
      [
        [ids.wang, 'Wang Fang', 'call', '2026-03-11T01:00:00.000Z'],
        [ids.li, 'Li Na', 'call', '2026-03-11T01:00:00.000Z'],
      ].sort(),
    );
    expect((await get(ids.wang)).nextFollowUpAt).toBe('2026-03-11T01:00:00.000Z');
    // One is done before the undo: it stays.
    const first = planned.find((f) => f.customerId === ids.wang);
    if (!first) throw new Error('no follow-up planned for Wang Customer');
    await t.call('followups.complete', { id: first.id, version: first.version, outcome: 'Called', timeZone: 'UTC' });
    expect(await bulk(done.undo as CustomerBulkAction)).toEqual({ changed: 1, undo: null });
    expect((await get(ids.li)).nextFollowUpAt).toBeNull();
    const after = await t.call('followups.list', { bucket: 'done', timeZone: 'UTC' });
    expect(after.items.map((f) => f.id)).toContain(first.id);

    const owned = await bulk({ kind: 'planFollowUp', ids: [ids.none], type: 'email', dueAt: '2026-03-12T01:00:00Z', owner: 'Zhang Wei' });
    expect(owned.changed).toBe(1);
    const mine = await t.call('followups.list', { bucket: 'open', timeZone: 'UTC', owner: 'Zhang Wei' });
    expect(mine.items.map((f) => f.customerId)).toEqual([ids.none]);
  });

  it('archives the active ones, and Undo makes exactly those active again', async () => {
    const done = await bulk({ kind: 'archive', ids: [ids.wang, ids.archived] });
    expect(done).toEqual({ changed: 1, undo: { kind: 'unarchive', ids: [ids.wang] } });
    expect((await get(ids.wang)).archivedAt).not.toBeNull();
    await bulk(done.undo as CustomerBulkAction);
    expect((await get(ids.wang)).archivedAt).toBeNull();
    expect((await get(ids.archived)).archivedAt).not.toBeNull();
  });

  it('refuses bad input whole, with nothing changed', async () => {
    const before = dump();
    const bad: unknown[] = [
      { kind: 'assignOwner', ids: [], owner: 'X' },
      { kind: 'assignOwner', ids: [ids.wang], owner: 'x'.repeat(121) },
      { kind: 'assignOwner', ids: [ids.wang, -1], owner: 'X' },
      { kind: 'assignOwner', ids: Array.from({ length: MAX_BULK_IDS + 1 }, (_, i) => i + 1), owner: 'X' },
      { kind: 'addTag', ids: [ids.wang], tag: '   ' },
      { kind: 'addTag', ids: [ids.wang], tag: 'x'.repeat(41) },
      { kind: 'planFollowUp', ids: [ids.wang], type: 'fax', dueAt: '2026-03-11T01:00:00Z' },
      { kind: 'planFollowUp', ids: [ids.wang], type: 'call', dueAt: 'tomorrow' },
      { kind: 'delete', ids: [ids.wang] },
      { kind: 'archive', ids: [ids.wang], extra: 1 },
      { kind: 'restoreOwners', assigned: 'X', groups: [] },
    ];
    for (const input of bad) {
      const r = await t.raw('customers.bulk', input);
      expect(r.ok, JSON.stringify(input).slice(0, 80)).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('INVALID_INPUT');
    }
    // An unknown customer among known ones: refused, the known ones unchanged too.
    for (const action of [
      { kind: 'assignOwner', ids: [ids.wang, 999_999], owner: 'X' },
      { kind: 'addTag', ids: [ids.none, 999_999], tag: 'New' },
      { kind: 'planFollowUp', ids: [ids.none, 999_999], type: 'call', dueAt: '2026-03-11T01:00:00Z' },
      { kind: 'archive', ids: [ids.none, 999_999] },
    ]) {
      const r = await t.raw('customers.bulk', action);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('NOT_FOUND');
        expect(r.error.details).toEqual({ ids: [999_999] });
      }
    }
    expect(dump()).toBe(before);
  });

  it('refuses a tag that would give a customer more than 50 tags, changing nobody', async () => {
    const full = await t.call('customers.create', { company: 'Many Tags', tags: Array.from({ length: 50 }, (_, i) => `t${i}`) });
    const before = dump();
    const r = await t.raw('customers.bulk', { kind: 'addTag', ids: [ids.none, full.id], tag: 'One more' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'INVALID_INPUT', details: [{ path: 'tag' }] });
    expect(dump()).toBe(before);
  });

  it('is one transaction: a failure midway leaves everything as it was', async () => {
    const db = t.engine.database.sqlite;
    const before = dump();
    // The tags are written, then the customers marked changed: the last one's mark fails.
    db.exec(`CREATE TEMP TRIGGER fail_mark BEFORE UPDATE OF version ON customers WHEN old.id = ${ids.none}
      BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    const tagged = await t.raw('customers.bulk', { kind: 'addTag', ids: [ids.wang, ids.li, ids.none], tag: 'Fair 2026' });
    expect(tagged.ok).toBe(false);
    const owned = await t.raw('customers.bulk', { kind: 'assignOwner', ids: [ids.wang, ids.li, ids.none], owner: 'Zhang Wei' });
    expect(owned.ok).toBe(false);
    db.exec('DROP TRIGGER fail_mark');
    // The follow-ups of the first customers are written, the last one's fails.
    db.exec(`CREATE TEMP TRIGGER fail_plan BEFORE INSERT ON follow_ups WHEN new.customer_id = ${ids.none}
      BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    const planned = await t.raw('customers.bulk', {
      kind: 'planFollowUp',
      ids: [ids.wang, ids.li, ids.none],
      type: 'call',
      dueAt: '2026-03-11T01:00:00Z',
    });
    expect(planned.ok).toBe(false);
    db.exec('DROP TRIGGER fail_plan');
    expect(dump()).toBe(before);
    // And the engine goes on: the same action now succeeds.
    expect((await bulk({ kind: 'addTag', ids: [ids.wang, ids.li, ids.none], tag: 'Fair 2026' })).changed).toBe(3);
  });

  it('takes 100,000 customers in one call', async () => {
    const db = t.engine.database.sqlite;
    db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
      INSERT INTO customers (company, created_at, updated_at) SELECT 'Bulk ' || i, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z' FROM n`);
    const all = (await t.call('customers.ids', { filter: { search: '' }, limit: MAX_BULK_IDS })).ids;
    expect(all).toHaveLength(MAX_BULK_IDS);
    const started = Date.now();
    const done = await bulk({ kind: 'addTag', ids: all, tag: 'Everyone' });
    expect(done.changed).toBe(MAX_BULK_IDS);
    const undone = await bulk(done.undo as CustomerBulkAction);
    expect(undone.changed).toBe(MAX_BULK_IDS);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
