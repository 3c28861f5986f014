import { afterEach, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../support/temp-db';

/**
 * Hand-over (离职交接, #20) on a book of its own: a salesperson's customers go to a colleague or to the
 * pool with their open follow-ups and complaints, previewed first, in one step, each on the
 * customer's timeline; the undo gives back exactly what moved and still has the new owner.
 */
const opened: TestEngine[] = [];
afterEach(async () => {
  for (const e of opened.splice(0)) await e.close();
});

async function book() {
  const e = await openTestEngine({});
  opened.push(e);
  const sqlite = e.engine.database.sqlite;
  const count = (sqlText: string, ...args: unknown[]) => (sqlite.prepare(sqlText).get(...args) as { n: number }).n;
  return { e, sqlite, count };
}

describe('hand-over', () => {
  it('moves 200 customers of Li Na with their open follow-ups and complaints to Wang Wei, and undoes it', async () => {
    const { e, sqlite, count } = await book();
    const ids: number[] = [];
    for (let i = 0; i < 200; i++) {
      const c = await e.call('customers.create', { company: `Buyer ${i}`, country: 'DE', owner: 'Li Na' });
      ids.push(c.id);
    }
    const other = await e.call('customers.create', { company: 'Not hers', owner: 'Zhao Lei' });
    const due = new Date(Date.now() + 86_400_000).toISOString();
    for (const id of ids.slice(0, 150))
      await e.call('followups.create', { customerId: id, type: 'call', dueAt: due, note: 'call back', owner: 'Li Na' });
    // A follow-up Li Na planned for a colleague stays the colleague's.
    await e.call('followups.create', { customerId: ids[0]!, type: 'email', dueAt: due, note: 'send catalogue', owner: 'Zhao Lei' });
    for (const id of ids.slice(0, 3))
      await e.call('complaints.create', {
        customerId: id,
        category: 'quality',
        severity: 'high',
        description: 'flicker',
        owner: 'Li Na',
      } as never);
    await e.call('needs.create', { customerId: ids[5]!, category: 'packaging', priority: 'high', description: 'Arabic boxes' });

    const input = { from: 'li na', to: 'Wang Wei' };
    expect(await e.call('pool.handOverPreview', input)).toEqual({ customers: 200, followUps: 150, complaints: 3, needs: 1 });
    const done = await e.call('pool.handOver', input);
    expect(done).toMatchObject({ customers: 200, followUps: 150, complaints: 3, needs: 1 });
    expect(count(`SELECT count(*) AS n FROM customers WHERE owner = 'Wang Wei'`)).toBe(200);
    expect(count(`SELECT count(*) AS n FROM follow_ups WHERE owner = 'Wang Wei' AND status = 'open'`)).toBe(150);
    expect(count(`SELECT count(*) AS n FROM follow_ups WHERE owner = 'Zhao Lei'`)).toBe(1);
    expect(count(`SELECT count(*) AS n FROM complaints WHERE owner = 'Wang Wei'`)).toBe(3);
    expect((sqlite.prepare(`SELECT owner FROM customers WHERE id = ?`).get(other.id) as { owner: string }).owner).toBe('Zhao Lei');
    const timeline = await e.call('timeline.list', { customerId: ids[0]!, kinds: [], limit: 20 });
    expect(timeline.find((t) => t.subtype === 'owner_transfer')).toMatchObject({ summary: 'li na → Wang Wei' });
    expect(await e.call('pool.handOverPreview', input)).toEqual({ customers: 0, followUps: 0, complaints: 0, needs: 0 });

    // One customer is moved on by hand meanwhile: the undo leaves it where it is now.
    const moved = await e.call('customers.get', { id: ids[199]! });
    await e.call('customers.update', { id: ids[199]!, version: moved.version, patch: { owner: 'Sun Li' } } as never);
    const undone = await e.call('pool.undoHandOver', done.undo);
    expect(undone).toMatchObject({ customers: 199, followUps: 150, complaints: 3 });
    expect(count(`SELECT count(*) AS n FROM customers WHERE owner = 'li na'`)).toBe(199);
    expect(count(`SELECT count(*) AS n FROM customers WHERE owner = 'Sun Li'`)).toBe(1);
    expect(count(`SELECT count(*) AS n FROM follow_ups WHERE owner = 'li na' AND status = 'open'`)).toBe(150);
  });

  it('to the pool: the customers have no owner and their open follow-ups no one to do them; a hand-over to the same person is refused', async () => {
    const { e, count } = await book();
    const c = await e.call('customers.create', { company: 'Leaving Co', owner: 'Li Na' });
    await e.call('followups.create', { customerId: c.id, type: 'call', dueAt: new Date().toISOString(), note: 'x', owner: 'Li Na' });
    const done = await e.call('pool.handOver', { from: 'Li Na', to: '', customerIds: [c.id] });
    expect(done).toMatchObject({ customers: 1, followUps: 1 });
    expect(count(`SELECT count(*) AS n FROM customers WHERE owner = '' AND id = ?`, c.id)).toBe(1);
    const timeline = await e.call('timeline.list', { customerId: c.id, kinds: [], limit: 20 });
    expect(timeline.find((t) => t.subtype === 'owner_release')).toBeDefined();
    const r = await e.raw('pool.handOver', { from: 'Wang Wei', to: 'wang wei' });
    expect(r.ok ? null : r.error.code).toBe('INVALID_INPUT');
  });
});
