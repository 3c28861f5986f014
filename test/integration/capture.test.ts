import { afterEach, describe, expect, it } from 'vitest';
import { MAX_CARD_BYTES } from '../../src/shared/domain/capture';
import { openTestEngine, type TestEngine } from '../support/temp-db';

let t: TestEngine;
let clock = new Date('2026-04-15T02:00:00Z'); // Shanghai: Wednesday 15 April, 10:00
afterEach(async () => {
  await t?.close();
});

const TZ = 'Asia/Shanghai';
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]).toString('base64');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString('base64');

async function open() {
  t = await openTestEngine({ now: () => clock });
  const acme = await t.call('customers.create', {
    company: 'ACME Trading Co., Ltd.',
    country: 'DE',
    owner: 'Chen Wei',
    website: 'https://www.acme-trading.de',
    contacts: [{ name: 'Hans Vogel', email: 'hans@acme-trading.de', phone: '+49 (30) 1234-5678' }],
  });
  const bright = await t.call('customers.create', {
    company: 'Bright Lights GmbH',
    country: 'DE',
    contacts: [{ name: 'Eva', email: 'eva@gmail.com' }],
  });
  return { acme: acme.id, bright: bright.id };
}

const dup = (input: { company?: string; country?: string; email?: string; phone?: string }) => t.call('capture.duplicates', input);
const count = (table: string) => t.engine.database.readSqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const TABLES = ['customers', 'contacts', 'customer_tags', 'inquiries', 'follow_ups', 'customer_files', 'leads'];
const counts = (): Record<string, number> => Object.fromEntries(TABLES.map((table) => [table, count(table)]));

describe('quick capture: duplicates while typing', () => {
  it('finds the same e-mail (any case), phone, company domain, company + country, and similar names', async () => {
    const { acme, bright } = await open();
    expect(await dup({ email: 'HANS@Acme-Trading.DE' })).toEqual([
      {
        customerId: acme,
        company: 'ACME Trading Co., Ltd.',
        country: 'DE',
        owner: 'Chen Wei',
        archived: false,
        reasons: ['email', 'domain'],
      },
    ]);
    // Another person at the same company domain (the website's, or a contact's e-mail domain).
    expect((await dup({ email: 'sales@acme-trading.de' }))[0]).toMatchObject({ customerId: acme, reasons: ['domain'] });
    // Webmail domains say nothing about the company.
    expect(await dup({ email: 'someone@gmail.com' })).toEqual([]);
    // The phone as typed at the booth, without the country code and separators.
    expect((await dup({ phone: '030 12345678' }))[0]).toMatchObject({ customerId: acme, reasons: ['phone'] });
    expect(await dup({ phone: '5678' })).toEqual([]);
    // Company name: case and punctuation do not count, the legal form as written does; the country must agree.
    expect(await dup({ company: 'acme trading co ltd', country: 'DE' })).toMatchObject([{ customerId: acme, reasons: ['company'] }]);
    // Alike but for the legal form ("Ltd", none) with nothing else in common: only a similar name, asked (import rule).
    expect(await dup({ company: 'Acme Trading', country: 'DE' })).toMatchObject([{ customerId: acme, reasons: ['similarName'] }]);
    expect(await dup({ company: 'acme trading ltd', country: 'DE' })).toMatchObject([{ customerId: acme, reasons: ['similarName'] }]);
    // A phone in common corroborates the name.
    expect(await dup({ company: 'Acme Trading', country: 'DE', phone: '030 12345678' })).toMatchObject([
      { customerId: acme, reasons: ['phone', 'company'] },
    ]);
    // Without a country, a unique name still matches; in another country it is only similar.
    expect(await dup({ company: 'ACME Trading Co., Ltd.' })).toMatchObject([{ customerId: acme, reasons: ['company'] }]);
    expect(await dup({ company: 'ACME Trading Co., Ltd.', country: 'FR' })).toMatchObject([{ customerId: acme, reasons: ['similarName'] }]);
    // A different legal form is a different company (import rule), but worth a look.
    expect(await dup({ company: 'Bright Lights Ltd', country: 'DE' })).toMatchObject([{ customerId: bright, reasons: ['similarName'] }]);
    expect(await dup({ company: 'Bright Lights', country: 'DE' })).toMatchObject([{ customerId: bright, reasons: ['similarName'] }]);
    expect(await dup({ company: 'bright lights gmbh', country: 'DE' })).toMatchObject([{ customerId: bright, reasons: ['company'] }]);
    // Typing the start of a name, or a longer name that starts with a known one.
    expect(await dup({ company: 'Acme Tra' })).toMatchObject([{ customerId: acme, reasons: ['similarName'] }]);
    expect(await dup({ company: 'Acme Trading Shanghai' })).toMatchObject([{ customerId: acme, reasons: ['similarName'] }]);
    expect(await dup({ company: 'Acm' })).toEqual([]);
    // Several reasons: the strongest first.
    expect(await dup({ company: 'Acme Trading GmbH', country: 'DE', email: 'x@acme-trading.de' })).toMatchObject([
      { customerId: acme, reasons: ['domain', 'similarName'] },
    ]);
    const bad = await t.raw('capture.duplicates', { company: 'x', country: 'Germany' });
    expect(!bad.ok && bad.error.code).toBe('INVALID_INPUT');
  });

  it('answers from indexes in a few milliseconds', async () => {
    await open();
    const db = t.engine.database.readSqlite;
    const plan = (sql: string, ...params: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan(`SELECT customer_id FROM contacts WHERE email = ? AND email <> ''`, 'a@b.c')).toMatch(/contacts_email/);
    expect(plan(`SELECT customer_id FROM contacts WHERE phone_key = ? AND phone <> ''`, '12345678')).toMatch(/contacts_phone_key/);
    expect(plan(`SELECT customer_id FROM contacts WHERE mobile_key = ? AND mobile <> ''`, '12345678')).toMatch(/contacts_mobile_key/);
    expect(plan(`SELECT customer_id FROM contacts WHERE email_domain = ? AND email <> ''`, 'b.c')).toMatch(/contacts_email_domain/);
    expect(plan(`SELECT id FROM customers WHERE website_domain = ? AND website_domain <> ''`, 'b.c')).toMatch(/customers_website_domain/);
    expect(plan(`SELECT id FROM customers c WHERE c.company_key > ? AND c.company_key < ?`, 'a', 'b')).toMatch(/customers_company_key/);
  });
});

describe('quick capture: saving a lead', () => {
  it('creates the customer, its contact, the fair tag, an inquiry, the card and a follow-up by rating, in the user’s days', async () => {
    await open();
    const saved = await t.call('capture.save', {
      company: '  Nordic Lamps AB ',
      name: 'Sven Berg',
      country: 'se',
      email: 'Sven@Nordic-Lamps.SE',
      phone: '+46 8 123 456 78',
      productInterest: 'LED panels 60x60',
      rating: 'hot',
      note: 'Wants samples before May',
      owner: 'Li Na',
      fair: 'Canton Fair 2026 Phase 1',
      card: { fileName: 'card.jpg', contentBase64: JPEG },
      timeZone: TZ,
    });
    expect(saved).toMatchObject({ company: 'Nordic Lamps AB', created: true, leadsToday: 1 });
    // Hot: tomorrow 10:00 Shanghai time.
    expect(saved.followUp).toMatchObject({
      customerId: saved.customerId,
      type: 'email',
      status: 'open',
      owner: 'Li Na',
      dueAt: '2026-04-16T02:00:00.000Z',
      contactId: saved.contactId,
      inquiryId: saved.inquiryId,
      source: 'capture',
      note: 'Canton Fair 2026 Phase 1 · LED panels 60x60',
    });
    const customer = await t.call('customers.get', { id: saved.customerId });
    expect(customer).toMatchObject({
      company: 'Nordic Lamps AB',
      country: 'SE',
      source: 'Canton Fair 2026 Phase 1',
      owner: 'Li Na',
      priority: 'high',
      tags: ['Canton Fair 2026 Phase 1'],
      notes: 'Wants samples before May',
    });
    expect(customer.contacts).toMatchObject([
      { name: 'Sven Berg', email: 'sven@nordic-lamps.se', phone: '+46 8 123 456 78', isPrimary: true },
    ]);
    const db = t.engine.database.readSqlite;
    expect(db.prepare(`SELECT product, message, source, subject FROM inquiries WHERE id = ?`).get(saved.inquiryId)).toEqual({
      product: 'LED panels 60x60',
      message: 'Wants samples before May',
      source: 'Canton Fair 2026 Phase 1',
      subject: 'Canton Fair 2026 Phase 1',
    });
    const file = db
      .prepare(`SELECT customer_id, kind, file_name, mime, size, bytes FROM customer_files WHERE id = ?`)
      .get(saved.fileId) as Record<string, unknown>;
    expect(file).toMatchObject({
      customer_id: saved.customerId,
      kind: 'business_card',
      file_name: 'card.jpg',
      mime: 'image/jpeg',
      size: 12,
    });
    expect(Buffer.from(file.bytes as Uint8Array).toString('base64')).toBe(JPEG);
    // The new lead is now found by its e-mail.
    expect((await dup({ email: 'sven@nordic-lamps.se' }))[0]).toMatchObject({ customerId: saved.customerId, reasons: ['email', 'domain'] });

    // Warm: in 3 days; cold: in 7; no fair: no tag, source "Trade fair".
    const warm = await t.call('capture.save', { company: 'Warm One', rating: 'warm', fair: 'Canton Fair 2026 Phase 1', timeZone: TZ });
    expect(warm.followUp.dueAt).toBe('2026-04-18T02:00:00.000Z');
    expect(warm.contactId).toBeNull();
    const cold = await t.call('capture.save', {
      company: 'Cold One',
      rating: 'cold',
      card: { fileName: 'card.png', contentBase64: PNG },
      timeZone: TZ,
    });
    expect(cold.followUp.dueAt).toBe('2026-04-22T02:00:00.000Z');
    expect(await t.call('customers.get', { id: cold.customerId })).toMatchObject({ source: 'Trade fair', tags: [], priority: 'low' });
    expect(cold.leadsToday).toBe(3);
    expect(await t.call('capture.stats', { timeZone: TZ })).toEqual({ leadsToday: 3 });
    // The next local day starts a new count; in London it is still the day of the captures.
    clock = new Date('2026-04-15T16:30:00Z'); // Shanghai 16 April 00:30
    expect(await t.call('capture.stats', { timeZone: TZ })).toEqual({ leadsToday: 0 });
    expect(await t.call('capture.stats', { timeZone: 'Europe/London' })).toEqual({ leadsToday: 3 });
    // The fair's lead shows in the grid with its tag.
    const grid = await t.call('customers.list', { filter: { tag: 'Canton Fair 2026 Phase 1' } });
    expect(grid.rows.map((r) => r.company).sort()).toEqual(['Nordic Lamps AB', 'Warm One']);
  });

  it('keeps a visitor’s WhatsApp and WeChat on the contact; a WhatsApp number alone makes a contact', async () => {
    await open();
    const saved = await t.call('capture.save', {
      company: 'Lagos Lights Ltd',
      name: 'Ada Obi',
      whatsapp: '+234 803 123 4567',
      wechat: 'ada_obi',
      timeZone: TZ,
    });
    const contact = (await t.call('customers.get', { id: saved.customerId })).contacts[0];
    expect(contact).toMatchObject({ name: 'Ada Obi', wechat: 'ada_obi' });
    expect(contact?.whatsapp.replace(/\D/g, '')).toBe('2348031234567');
    const only = await t.call('capture.save', { company: 'Nairobi Lamps', whatsapp: '+254 700 000 111', timeZone: TZ });
    expect((await t.call('customers.get', { id: only.customerId })).contacts).toHaveLength(1);
  });

  it('adds the lead to an existing customer: a contact, an inquiry, the fair tag and a follow-up, no new customer', async () => {
    const { acme } = await open();
    const before = counts();
    const saved = await t.call('capture.save', {
      company: 'Acme Trading',
      name: 'Julia Roth',
      email: 'julia@acme-trading.de',
      country: 'DE',
      productInterest: 'Floodlights',
      rating: 'warm',
      fair: 'Light + Building',
      addToCustomerId: acme,
      timeZone: TZ,
    });
    expect(saved).toMatchObject({ customerId: acme, company: 'ACME Trading Co., Ltd.', created: false });
    expect(saved.followUp).toMatchObject({ customerId: acme, owner: 'Chen Wei', contactId: saved.contactId });
    const customer = await t.call('customers.get', { id: acme });
    expect(customer.contacts.map((c) => [c.name, c.isPrimary])).toEqual([
      ['Hans Vogel', true],
      ['Julia Roth', false],
    ]);
    expect(customer.tags).toEqual(['Light + Building']);
    expect(customer.source).toBe('Light + Building'); // it had none
    const plus = (table: string) => (before[table] ?? 0) + 1;
    expect(counts()).toEqual({
      ...before,
      contacts: plus('contacts'),
      customer_tags: plus('customer_tags'),
      inquiries: plus('inquiries'),
      follow_ups: plus('follow_ups'),
      leads: 1,
    });
    const timeline = await t.call('timeline.list', { customerId: acme });
    expect(timeline.map((e) => e.kind).sort()).toEqual(['followup', 'inquiry']);

    // The same person again: the contact is reused.
    const again = await t.call('capture.save', { company: 'Acme', email: 'JULIA@acme-trading.de', addToCustomerId: acme, timeZone: TZ });
    expect(again.contactId).toBe(saved.contactId);
    const missing = await t.raw('capture.save', { company: 'Ghost', addToCustomerId: 9999, timeZone: TZ });
    expect(!missing.ok && missing.error.code).toBe('NOT_FOUND');
  });

  it('refuses a card that is not an image or too large, with a code, and writes nothing', async () => {
    await open();
    const before = counts();
    const lead = { company: 'Card Test Ltd', name: 'Ann', email: 'ann@cardtest.example', fair: 'Expo', timeZone: TZ };
    const pdf = await t.raw('capture.save', {
      ...lead,
      card: { fileName: 'card.jpg', contentBase64: Buffer.from('%PDF-1.7 not an image').toString('base64') },
    });
    expect(!pdf.ok && pdf.error.code).toBe('CAPTURE_CARD_NOT_IMAGE');
    const notBase64 = await t.raw('capture.save', { ...lead, card: { fileName: 'card.jpg', contentBase64: '***' } });
    expect(!notBase64.ok && notBase64.error.code).toBe('INVALID_INPUT');
    const huge = Buffer.alloc(MAX_CARD_BYTES + 3);
    huge.set([0xff, 0xd8, 0xff]);
    const tooLarge = await t.raw('capture.save', { ...lead, card: { fileName: 'big.jpg', contentBase64: huge.toString('base64') } });
    expect(!tooLarge.ok && tooLarge.error.code).toBe('INVALID_INPUT'); // over the schema's limit
    const justOver = Buffer.alloc(MAX_CARD_BYTES + 1);
    justOver.set([0xff, 0xd8, 0xff]);
    // One byte over 8 MB still fits the schema's base64 limit (whole 3-byte groups): the engine counts the bytes.
    const over = await t.raw('capture.save', { ...lead, card: { fileName: 'big.jpg', contentBase64: justOver.toString('base64') } });
    expect(!over.ok && over.error.code).toBe('CAPTURE_CARD_TOO_LARGE');
    expect(counts()).toEqual(before);
  });

  it('is one transaction: a failure part-way leaves nothing behind', async () => {
    await open();
    const before = counts();
    // Make the last insert fail (as a full disk or a bug would).
    t.engine.database.sqlite.exec(`CREATE TRIGGER fail_leads BEFORE INSERT ON leads BEGIN SELECT RAISE(ABORT, 'boom'); END`);
    const r = await t.raw('capture.save', {
      company: 'Half Saved Ltd',
      name: 'Bo',
      email: 'bo@half.example',
      fair: 'Expo',
      card: { fileName: 'c.jpg', contentBase64: JPEG },
      timeZone: TZ,
    });
    expect(r.ok).toBe(false);
    expect(counts()).toEqual(before);
    t.engine.database.sqlite.exec(`DROP TRIGGER fail_leads`);
    const ok = await t.call('capture.save', { company: 'Half Saved Ltd', timeZone: TZ });
    expect(ok.created).toBe(true);
  });
});
