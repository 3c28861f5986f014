import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerRow } from '../../src/shared/domain/customer';
import { openTestEngine, type TestEngine } from '../support/temp-db';

/** The salesperson's columns of the grid, read by the grid's own query (customers.list) on a real database. */
const NOW = new Date('2026-03-10T08:00:00.000Z');
let t: TestEngine;
const id: Record<string, number> = {};

function addInquiry(customerId: number, receivedAt: string): void {
  t.engine.database.sqlite
    .prepare(`INSERT INTO inquiries (customer_id, received_at, subject, created_at) VALUES (?, ?, 'Quote please', ?)`)
    .run(customerId, receivedAt, receivedAt);
}

async function rowOf(company: string): Promise<CustomerRow> {
  const page = await t.call('customers.list', { filter: { search: company }, limit: 10 });
  const row = page.rows.find((r) => r.company === company);
  if (!row) throw new Error(`${company} is not in the grid`);
  return row;
}

beforeAll(async () => {
  t = await openTestEngine({ now: () => NOW });
  // The primary contact is the main one, whatever its place.
  const primaryLater = await t.call('customers.create', {
    company: 'Primary Later GmbH',
    country: 'DE',
    owner: 'Li Na',
    contacts: [
      { name: 'First Added', phone: '+49 30 111111', whatsapp: '+49 170 222222' },
      { name: 'Anna Primary', phone: '', mobile: '+49 171 333333', whatsapp: '+49 171 333333', isPrimary: true },
    ],
  });
  id.primaryLater = primaryLater.id;
  // No primary contact: the first one added (the lowest id).
  const noPrimary = await t.call('customers.create', { company: 'No Primary Ltd', country: 'GB' });
  id.noPrimary = noPrimary.id;
  await t.call('contacts.add', { customerId: noPrimary.id, contact: { name: 'Oldest Contact', phone: '+44 20 7946 0000' } });
  await t.call('contacts.add', { customerId: noPrimary.id, contact: { name: 'Newer Contact', phone: '+44 20 7946 1111' } });
  const bare = await t.call('customers.create', { company: 'Bare Trading', country: 'US' });
  id.bare = bare.id;

  // Inquiries: the latest received counts, whatever order they were added in.
  addInquiry(primaryLater.id, '2026-02-01T03:00:00.000Z');
  addInquiry(primaryLater.id, '2026-03-01T09:30:00.000Z');
  addInquiry(primaryLater.id, '2026-01-15T00:00:00.000Z');

  // Follow-ups: the earliest open one, overdue or not; done and cancelled ones do not count.
  const done = await t.call('followups.create', { customerId: primaryLater.id, type: 'call', dueAt: '2026-03-01T01:00:00.000Z' });
  await t.call('followups.complete', { id: done.id, version: done.version, outcome: 'Talked', timeZone: 'UTC' });
  const cancelled = await t.call('followups.create', { customerId: primaryLater.id, type: 'call', dueAt: '2026-03-02T01:00:00.000Z' });
  await t.call('followups.cancel', { id: cancelled.id, version: cancelled.version });
  await t.call('followups.create', { customerId: primaryLater.id, type: 'email', dueAt: '2026-03-20T01:00:00.000Z' });
  await t.call('followups.create', { customerId: primaryLater.id, type: 'visit', dueAt: '2026-03-05T06:00:00.000+08:00' });
  await t.call('followups.create', { customerId: noPrimary.id, type: 'email', dueAt: '2026-04-01T01:00:00.000Z' });
});
afterAll(async () => {
  await t.close();
});

describe('grid columns for daily work', () => {
  it('main contact: the primary contact first, its phone (else its mobile) and WhatsApp', async () => {
    expect((await rowOf('Primary Later GmbH')).mainContact).toEqual({
      name: 'Anna Primary',
      phone: '+49 171 333333',
      whatsapp: '+49 171 333333',
    });
  });

  it('main contact without a primary one: the first added (lowest id)', async () => {
    expect((await rowOf('No Primary Ltd')).mainContact).toEqual({ name: 'Oldest Contact', phone: '+44 20 7946 0000', whatsapp: '' });
  });

  it('a customer without contacts, inquiries or follow-ups has empty cells', async () => {
    const row = await rowOf('Bare Trading');
    expect(row.mainContact).toEqual({ name: '', phone: '', whatsapp: '' });
    expect(row.lastInquiryAt).toBeNull();
    expect(row.nextFollowUpAt).toBeNull();
  });

  it('last inquiry: the latest received', async () => {
    expect((await rowOf('Primary Later GmbH')).lastInquiryAt).toBe('2026-03-01T09:30:00.000Z');
  });

  it('next follow-up: the earliest open one, an overdue one included (done and cancelled ones left out)', async () => {
    const row = await rowOf('Primary Later GmbH');
    // Due 2026-03-04 22:00 UTC, before now (2026-03-10): overdue, and still the next step.
    expect(row.nextFollowUpAt).toBe('2026-03-04T22:00:00.000Z');
    expect(Date.parse(row.nextFollowUpAt ?? '')).toBeLessThan(NOW.getTime());
    expect((await rowOf('No Primary Ltd')).nextFollowUpAt).toBe('2026-04-01T01:00:00.000Z');
  });

  it('the detail reads the same columns as the grid row', async () => {
    const detail = await t.call('customers.get', { id: id.primaryLater as number });
    const row = await rowOf('Primary Later GmbH');
    expect({ mainContact: detail.mainContact, last: detail.lastInquiryAt, next: detail.nextFollowUpAt }).toEqual({
      mainContact: row.mainContact,
      last: row.lastInquiryAt,
      next: row.nextFollowUpAt,
    });
  });

  it('the export writes the new columns as the grid shows them', async () => {
    const file = await t.call('export.customers', {
      columns: ['company', 'mainContact', 'phone', 'nextFollowUp', 'lastInquiry'],
      format: 'csv',
      timeZone: 'Asia/Shanghai',
    });
    const lines = Buffer.from(file.contentBase64, 'base64')
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/);
    expect(lines[0]).toBe('Company,Main contact,Phone / WhatsApp,Next follow-up,Last inquiry');
    const primaryLater = lines.find((l) => l.startsWith('Primary Later GmbH'));
    // A phone starting with + is written with the formula guard's apostrophe (the importer takes it off again).
    expect(primaryLater).toBe("Primary Later GmbH,Anna Primary,'+49 171 333333 (WhatsApp),2026-03-05 06:00,2026-03-01");
    expect(lines.find((l) => l.startsWith('Bare Trading'))).toBe('Bare Trading,,,,');
  });

  it('the export takes the rows selected in the grid (filter.ids)', async () => {
    const file = await t.call('export.customers', {
      filter: { ids: [id.noPrimary as number, id.bare as number] },
      columns: ['company'],
      format: 'csv',
    });
    expect(file.rows).toBe(2);
    const text = Buffer.from(file.contentBase64, 'base64').toString('utf8');
    expect(text).toContain('No Primary Ltd');
    expect(text).not.toContain('Primary Later GmbH');
  });

  it('customers.ids lists the filter in grid order, from an offset', async () => {
    const all = await t.call('customers.ids', { sort: { key: 'company', dir: 'asc' } });
    expect(all.ids).toEqual([id.bare, id.noPrimary, id.primaryLater]);
    expect((await t.call('customers.ids', { sort: { key: 'company', dir: 'asc' }, offset: 1, limit: 1 })).ids).toEqual([id.noPrimary]);
    expect((await t.call('customers.ids', { filter: { countries: ['DE'] } })).ids).toEqual([id.primaryLater]);
  });
});
