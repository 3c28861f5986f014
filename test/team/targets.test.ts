import { describe, expect, it } from 'vitest';
import { member, teamServerForFile } from './helpers';

/**
 * Sales targets between laptops (#20 item 5): a manager sets them on one laptop and every laptop
 * of the team gets them at its next sync; a salesperson reads their own (and their attainment in
 * the manager's view), cannot set any (the laptop says so, the server refuses a write all the
 * same); two managers who set one person's month offline end with one row, the later value; a
 * removed target is gone everywhere.
 */
const team = teamServerForFile();
const joined = team.joined;
const MONTH = new Date().toISOString().slice(0, 7);
const YEAR = Number(MONTH.slice(0, 4));

describe('sales targets across laptops', () => {
  it('a manager sets targets; the salesperson sees their own, the other manager all; a concurrent edit keeps one row; a removal reaches every laptop', async () => {
    const lina = await member(team.db, 'Li Target');
    await member(team.db, 'Zhang Target');
    const boss = await member(team.db, 'Wang Target', 'manager');
    const boss2 = await member(team.db, 'Chen Target', 'manager');
    const m = await joined('m', boss.login);
    const m2 = await joined('m2', boss2.login);
    const a = await joined('a', lina.login);

    await m.call('manager.saveTargets', {
      targets: [
        { owner: 'Li Target', month: MONTH, revenueMinor: 5_000_000, newCustomers: 10 },
        { owner: 'Zhang Target', month: MONTH, revenueMinor: 3_000_000, newCustomers: null },
      ],
    });
    await m.call('team.sync', {});
    await a.call('team.sync', {});
    await m2.call('team.sync', {});

    // Li's laptop: her own target only, read-only; setting one is refused before anything is sent.
    const hers = await a.call('manager.targets', { year: YEAR });
    expect(hers).toMatchObject({
      canEdit: false,
      targets: [{ owner: 'Li Target', month: MONTH, revenueMinor: 5_000_000, newCustomers: 10 }],
    });
    expect(
      await a.fails('manager.saveTargets', { targets: [{ owner: 'Li Target', month: MONTH, revenueMinor: 1, newCustomers: 1 }] }),
    ).toBe('MANAGER_REQUIRED');
    const report = await a.call('manager.report', { fromMonth: MONTH, toMonth: MONTH, tz: 'UTC' });
    expect(report.rows).toMatchObject([{ owner: 'Li Target', targetRevenueMinor: 5_000_000, targetNew: 10 }]);
    expect((await m2.call('manager.targets', { year: YEAR })).targets).toHaveLength(2);

    // A salesperson's write that reached the server anyway (an old laptop) is refused there.
    a.sqlite().prepare('UPDATE sales_targets SET revenue_minor = 1 WHERE owner = ?').run('Li Target');
    await a.call('team.sync', {});
    expect((await a.call('team.conflicts', {})).filter((c) => c.tbl === 'sales_targets' && c.code === 'FORBIDDEN')).toHaveLength(1);
    await m2.call('team.sync', {});
    expect((await m2.call('manager.targets', { year: YEAR })).targets.find((t) => t.owner === 'Li Target')?.revenueMinor).toBe(5_000_000);

    // Both managers change Zhang's month before either syncs: one row, the later write everywhere.
    await m.call('manager.saveTargets', {
      targets: [{ owner: 'Zhang Target', month: MONTH, revenueMinor: 4_000_000, newCustomers: null }],
    });
    await m2.call('manager.saveTargets', { targets: [{ owner: 'zhang target', month: MONTH, revenueMinor: 4_500_000, newCustomers: 6 }] });
    for (const l of [m, m2, m]) await l.call('team.sync', {});
    for (const l of [m, m2]) {
      const zhang = (await l.call('manager.targets', { year: YEAR })).targets.filter((t) => t.owner.toLowerCase() === 'zhang target');
      expect(zhang).toMatchObject([{ month: MONTH, revenueMinor: 4_500_000, newCustomers: 6 }]);
    }

    // Removed on one manager's laptop: gone on every laptop.
    await m2.call('manager.saveTargets', { targets: [{ owner: 'Li Target', month: MONTH, revenueMinor: null, newCustomers: null }] });
    await m2.call('team.sync', {});
    await a.call('team.sync', {});
    await m.call('team.sync', {});
    expect((await a.call('manager.targets', { year: YEAR })).targets).toEqual([]);
    expect((await m.call('manager.targets', { year: YEAR })).targets.map((t) => t.owner.toLowerCase())).toEqual(['zhang target']);
    // Set again later: the same row comes back to life everywhere.
    await m.call('manager.saveTargets', { targets: [{ owner: 'Li Target', month: MONTH, revenueMinor: 100, newCustomers: null }] });
    await m.call('team.sync', {});
    await a.call('team.sync', {});
    expect((await a.call('manager.targets', { year: YEAR })).targets).toMatchObject([{ owner: 'Li Target', revenueMinor: 100 }]);
  });
});
