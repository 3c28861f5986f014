import { describe, expect, it } from 'vitest';
import { startReminders, type Reminder } from '../../src/main/platform/reminders';
import { MAIN_TEXT } from '../../src/main/text/catalog';
import type { FollowUp } from '../../src/shared/domain/followups';

const fu = (id: number, dueAt: string, company = `Company ${id}`): FollowUp => ({
  id,
  customerId: 100 + id,
  company,
  country: 'DE',
  tier: 'A',
  segment: 'loyal',
  contactId: null,
  inquiryId: null,
  orderId: null,
  type: 'call',
  dueAt,
  owner: 'Lily',
  note: 'Call about samples',
  status: 'open',
  outcome: '',
  doneAt: null,
  source: 'manual',
  version: 1,
  createdAt: '',
  updatedAt: '',
});

describe('desktop reminders', () => {
  it('sums up what was overdue at start, then notifies each follow-up once as it comes due', async () => {
    let now = Date.parse('2026-11-22T09:00:00Z');
    const list = [fu(1, '2026-11-21T08:00:00Z'), fu(2, '2026-11-22T08:30:00Z'), fu(3, '2026-11-22T09:30:00Z', 'Berlin Licht GmbH')];
    const shown: Reminder[] = [];
    const loop = startReminders(
      { dueSoon: async () => list, notify: (r) => shown.push(r), now: () => now, texts: MAIN_TEXT.en.reminders },
      { set: (() => 0) as never, clear: (() => undefined) as never },
    );
    await loop.check();
    expect(shown).toEqual([
      { title: '2 follow-ups are overdue', body: 'Open ExportDesk’s follow-up list to catch up.', customerId: 101, company: 'Company 1' },
    ]);
    await loop.check();
    expect(shown).toHaveLength(1); // nothing new
    now = Date.parse('2026-11-22T09:31:00Z');
    await loop.check();
    expect(shown[1]).toEqual({
      title: 'Follow-up due',
      body: 'Berlin Licht GmbH — Call about samples',
      customerId: 103,
      company: 'Berlin Licht GmbH',
    });
    await loop.check();
    expect(shown).toHaveLength(2);
    loop.stop();
  });

  it('Chinese texts; a failing engine call does not stop the loop', async () => {
    let fail = true;
    const shown: Reminder[] = [];
    const loop = startReminders(
      {
        dueSoon: async () => {
          if (fail) throw new Error('busy');
          return [fu(1, '2026-11-22T08:00:00Z')];
        },
        notify: (r) => shown.push(r),
        now: () => Date.parse('2026-11-22T09:00:00Z'),
        texts: MAIN_TEXT['zh-CN'].reminders,
      },
      { set: (() => 0) as never, clear: (() => undefined) as never },
    );
    await loop.check();
    fail = false;
    await loop.check();
    expect(shown.map((r) => r.title)).toEqual(['跟进到期']);
  });
});
