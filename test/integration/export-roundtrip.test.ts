/**
 * A CSV ExportDesk exports is read back by ExportDesk's own importer to the same values: long IDs
 * and phone numbers written as `="…"` (so Excel keeps them as text), the formula guard's
 * apostrophe, country names, local times.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../support/temp-db';

/** The zone the importer reads times without a zone in: this machine's. */
const LOCAL_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

let from: TestEngine;
let to: TestEngine;
beforeEach(async () => {
  from = await openTestEngine();
  to = await openTestEngine();
});
afterEach(async () => {
  await from.close();
  await to.close();
});

async function importFile(engine: TestEngine, fileName: string, contentBase64: string) {
  const analysis = await engine.call('import.analyze', { fileName, contentBase64 });
  return engine.call('import.commit', { fileId: analysis.fileId, kind: analysis.kind, mapping: analysis.mapping });
}

const PHONES = ['+86 138 0013 8000', '0086 755 1234', '0755-88881234', '(0755) 8888 1234', '13800138000', '+1 (415) 555-0100'];

describe('export → import', () => {
  it('inquiries: long IDs, leading zeros, local times and country names come back as they were', async () => {
    const ids = ['500001234567890', '50000051124536', '0012345678901', '7001234567890123456', '12345'];
    const countries = ['DE', 'TW', 'CN', 'US', 'GB'];
    for (const [i, id] of ids.entries()) {
      const c = await from.call('customers.create', {
        company: i === 0 ? '-Minus Corp' : `Buyer ${i} Ltd`,
        country: countries[i] as string,
        contacts: [{ name: `Buyer ${i}`, email: `buyer${i}@example${i}.com` }],
      });
      from.engine.database.sqlite
        .prepare(
          `INSERT INTO inquiries (external_id, customer_id, contact_id, received_at, subject, status, created_at)
           VALUES (?, ?, ?, ?, 'Quote please', '未读', 'x')`,
        )
        .run(id, c.id, c.contacts[0]?.id ?? null, new Date(Date.UTC(2026, 10, 12, 18, 11 + i)).toISOString());
    }
    for (const language of ['en', 'zh-CN'] as const) {
      const file = await from.call('export.inquiries', { format: 'csv', language, timeZone: LOCAL_ZONE });
      const text = Buffer.from(file.contentBase64, 'base64').toString('utf8');
      expect(text).toContain('"=""500001234567890"""');
      expect(text).toContain('"=""0012345678901"""');
      const report = await importFile(to, `inquiries-${language}.csv`, file.contentBase64);
      expect(report.kind).toBe('inquiries');
      expect(report.findings.idIssues).toEqual([]);
      expect(report.failed).toBe(0);
    }
    const read = (e: TestEngine) =>
      e.engine.database.sqlite
        .prepare(
          `SELECT i.external_id, i.received_at, c.company, c.country FROM inquiries i JOIN customers c ON c.id = i.customer_id ORDER BY i.external_id`,
        )
        .all();
    expect(read(to)).toEqual(read(from));
    // The second import (the Chinese file) found every inquiry already there.
    expect(to.engine.database.sqlite.prepare('SELECT count(*) AS n FROM inquiries').get()).toEqual({ n: ids.length });
  });

  it('customers with contacts: phones and mobiles come back as typed, the company and its country too', async () => {
    for (const [i, phone] of PHONES.entries()) {
      await from.call('customers.create', {
        company: i === 1 ? '+Plus Trading' : `Fair Lead ${i} GmbH`,
        country: i % 2 ? 'TW' : 'DE',
        contacts: [
          { name: `Visitor ${i}`, email: `visitor${i}@lead${i}.example`, phone, mobile: PHONES[(i + 1) % PHONES.length] as string },
        ],
      });
    }
    for (const language of ['en', 'zh-CN'] as const) {
      const file = await from.call('export.customers', {
        columns: ['company', 'country', 'city'],
        includeContacts: true,
        format: 'csv',
        language,
      });
      const report = await importFile(to, `customers-${language}.csv`, file.contentBase64);
      expect(report.failed).toBe(0);
    }
    const read = (e: TestEngine) =>
      e.engine.database.sqlite
        .prepare(
          `SELECT c.company, c.country, ct.name, ct.email, ct.phone, ct.mobile FROM customers c JOIN contacts ct ON ct.customer_id = c.id ORDER BY c.company`,
        )
        .all();
    expect(read(to)).toEqual(read(from));
  });
});
