import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { backupFileName, fileStamp, parseBackupFileName } from '../../src/main/safety/backups';
import { backupsToKeep, DEFAULT_ROTATION, type RotationPolicy } from '../../src/main/safety/rotation';
import { BACKUP_REASONS } from '../../src/shared/domain/safety';

const DAY = 86_400_000;
const NOW = Date.parse('2025-06-15T12:00:00.000Z');
let cases = 0;
afterAll(() => console.info(`backup rotation properties: ${cases} cases tried`));

interface Item {
  id: number;
  createdAtMs: number;
}

const dayOf = (ms: number) => Math.floor(ms / DAY);
const monthOf = (ms: number) => new Date(ms).getUTCFullYear() * 12 + new Date(ms).getUTCMonth();

/** Backups spread over the last ~9 months, many on some days (bursts of imports). */
const itemsArb = fc
  .array(fc.integer({ min: -270 * DAY, max: DAY / 2 }), { maxLength: 200 })
  .map((offsets) => offsets.map((o, id): Item => ({ id, createdAtMs: NOW + o })));
const policyArb = fc.record({
  keepLast: fc.integer({ min: 0, max: 15 }),
  daily: fc.integer({ min: 0, max: 20 }),
  monthly: fc.integer({ min: 0, max: 8 }),
});

describe('backup rotation', () => {
  it('keeps the newest N, the newest of each recent day and month, nothing else', () => {
    fc.assert(
      fc.property(itemsArb, fc.oneof(fc.constant(DEFAULT_ROTATION), policyArb), (items, policy: RotationPolicy) => {
        cases++;
        const keep = backupsToKeep(items, NOW, policy);
        // A subset, of bounded size.
        for (const k of keep) expect(items).toContain(k);
        expect(keep.size).toBeLessThanOrEqual(policy.keepLast + policy.daily + policy.monthly);
        const newestFirst = [...items].sort((a, b) => b.createdAtMs - a.createdAtMs);
        // The newest keepLast are kept.
        for (const item of newestFirst.slice(0, policy.keepLast)) expect(keep.has(item)).toBe(true);
        // Each recent day and month with a backup keeps its newest one.
        const today = dayOf(NOW);
        const thisMonth = monthOf(NOW);
        const newestOfDay = new Map<number, Item>();
        const newestOfMonth = new Map<number, Item>();
        for (const item of newestFirst) {
          if (!newestOfDay.has(dayOf(item.createdAtMs))) newestOfDay.set(dayOf(item.createdAtMs), item);
          if (!newestOfMonth.has(monthOf(item.createdAtMs))) newestOfMonth.set(monthOf(item.createdAtMs), item);
        }
        // (With no days or months to keep, none is kept, not even one dated after now by a clock off.)
        const recentDay = (day: number) => policy.daily > 0 && day > today - policy.daily;
        const recentMonth = (month: number) => policy.monthly > 0 && month > thisMonth - policy.monthly;
        for (const [day, item] of newestOfDay) if (recentDay(day)) expect(keep.has(item)).toBe(true);
        for (const [month, item] of newestOfMonth) if (recentMonth(month)) expect(keep.has(item)).toBe(true);
        // Nothing else: every kept backup has one of those reasons.
        const newestN = new Set(newestFirst.slice(0, policy.keepLast));
        for (const k of keep) {
          const reason =
            newestN.has(k) ||
            (recentDay(dayOf(k.createdAtMs)) && newestOfDay.get(dayOf(k.createdAtMs)) === k) ||
            (recentMonth(monthOf(k.createdAtMs)) && newestOfMonth.get(monthOf(k.createdAtMs)) === k);
          expect(reason).toBe(true);
        }
      }),
      { numRuns: 400, examples: [[[{ id: 0, createdAtMs: NOW + DAY / 2 }], { keepLast: 0, daily: 0, monthly: 0 }]] },
    );
  });

  it('is stable: rotating what it kept keeps all of it', () => {
    fc.assert(
      fc.property(itemsArb, policyArb, (items, policy) => {
        cases++;
        const keep = [...backupsToKeep(items, NOW, policy)];
        expect(new Set(backupsToKeep(keep, NOW, policy))).toEqual(new Set(keep));
      }),
      { numRuns: 300 },
    );
  });

  it('as backups accumulate, one an hour for a year, stays within its bounds and covers recent days', () => {
    cases++;
    let kept: Item[] = [];
    const start = NOW - 365 * DAY;
    for (let h = 0; h < 365 * 24; h++) {
      const now = start + h * 3_600_000;
      kept.push({ id: h, createdAtMs: now });
      kept = [...backupsToKeep(kept, now)];
      expect(kept.length).toBeLessThanOrEqual(DEFAULT_ROTATION.keepLast + DEFAULT_ROTATION.daily + DEFAULT_ROTATION.monthly);
    }
    const end = start + (365 * 24 - 1) * 3_600_000;
    const days = new Set(kept.map((k) => dayOf(k.createdAtMs)));
    for (let d = 0; d < DEFAULT_ROTATION.daily; d++) expect(days.has(dayOf(end) - d)).toBe(true);
    const months = new Set(kept.map((k) => monthOf(k.createdAtMs)));
    for (let m = 0; m < DEFAULT_ROTATION.monthly; m++) expect(months.has(monthOf(end) - m)).toBe(true);
  });
});

describe('backup file names', () => {
  it('round-trip the time and the reason, and ignore every other file', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_102_444_800_000 }),
        fc.constantFrom(...BACKUP_REASONS),
        fc.constantFrom('ExportDesk.db', 'my data.sqlite', 'x'),
        fc.constantFrom('UTC', 'Asia/Shanghai', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'America/St_Johns'),
        (ms, reason, db, zone) => {
          cases++;
          const name = backupFileName(`/data/${db}`, reason, new Date(ms), zone);
          expect(parseBackupFileName(name)).toEqual({ createdAt: new Date(ms), reason });
        },
      ),
      { numRuns: 300 },
    );
    for (const other of [
      'ExportDesk.db',
      'notes.txt',
      '.ExportDesk-2025-01-01T00-00-00-000Z-manual.sqlite.partial',
      'ExportDesk-2025-13-45T99-00-00-000Z-manual.sqlite',
      'ExportDesk-2025-01-01T00-00-00-000Z-other.sqlite',
    ]) {
      expect(parseBackupFileName(other), other).toBeNull();
    }
    // Named in the user's local time with its offset (before: UTC, one day off for an evening backup in the Americas
    // or a morning one in Asia); names of earlier versions, in UTC, still read.
    expect(fileStamp(new Date('2025-01-02T03:04:05.678Z'), 'Asia/Shanghai')).toBe('2025-01-02T11-04-05-678+0800');
    expect(fileStamp(new Date('2025-01-02T03:04:05.678Z'), 'America/New_York')).toBe('2025-01-01T22-04-05-678-0500');
    expect(fileStamp(new Date('2025-07-02T03:04:05.678Z'), 'Asia/Kolkata')).toBe('2025-07-02T08-34-05-678+0530');
    expect(parseBackupFileName('ExportDesk-2025-01-01T22-04-05-678-0500-manual.sqlite')).toEqual({
      createdAt: new Date('2025-01-02T03:04:05.678Z'),
      reason: 'manual',
    });
    expect(parseBackupFileName('ExportDesk-2025-01-02T03-04-05-678Z-scheduled.sqlite')).toEqual({
      createdAt: new Date('2025-01-02T03:04:05.678Z'),
      reason: 'scheduled',
    });
    expect(parseBackupFileName('ExportDesk.db.pre-migrate-v3-2025-01-02T03-04-05-678Z.db')).toEqual({
      createdAt: new Date('2025-01-02T03:04:05.678Z'),
      reason: 'pre-migrate',
    });
  });
});
