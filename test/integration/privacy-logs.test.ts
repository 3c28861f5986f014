import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBridge, type Bridge } from '../../src/bridge/server';
import { createEngine, type Engine } from '../../src/main/engine/engine';
import { dispatch } from '../../src/shared/ipc/dispatch';
import { tempDir } from '../support/temp-db';

/**
 * Privacy: whatever the engine and the bridge write to the console (the app's logs) holds no
 * customer e-mail address or phone number, through imports, edits, errors, exports, backups and
 * a restore. (The browser e2e fixture checks the worker engine's output for e-mail addresses too.)
 */
const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures');
const FILES = [
  'alibaba-inquiries-zh.xlsx',
  'alibaba-inquiries-en.csv',
  'alibaba-inquiries-zh-gbk.csv',
  'alibaba-customers-zh.xlsx',
  'alibaba-orders-zh.csv',
  'trade-fair-leads.csv',
];

const tmp = tempDir();
let engine: Engine;
let bridge: Bridge;
const logged: string[] = [];
const spies: { mockRestore(): void }[] = [];

beforeAll(async () => {
  for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    spies.push(
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logged.push(
          args
            .map((a) => (a instanceof Error ? `${a.message}\n${a.stack ?? ''}` : typeof a === 'string' ? a : JSON.stringify(a)))
            .join(' '),
        );
      }),
    );
  }
  engine = await createEngine({
    dbPath: join(tmp.dir, 'privacy.db'),
    mode: 'in-process',
    appVersion: 'test',
    backups: { intervalMs: 50, onClose: true },
  });
  const web = join(tmp.dir, 'web');
  mkdirSync(web);
  writeFileSync(join(web, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  bridge = await startBridge({ engine: { call: engine.call, onEvent: () => () => {} }, staticDir: web, checkOutput: true });
});
afterAll(async () => {
  await bridge.close();
  await engine.close().catch(() => {});
  for (const s of spies) s.mockRestore();
  tmp.cleanup();
});

const call = (channel: string, input: unknown) => dispatch(engine.call, channel, input, {}, true);
const viaBridge = (channel: string, input: unknown) =>
  fetch(`${bridge.url}/__api/call`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-exportdesk-token': bridge.token },
    body: JSON.stringify({ channel, input }),
  }).then((r) => r.json() as Promise<{ ok: boolean; value?: unknown; error?: unknown }>);

describe('logs', () => {
  it('hold no customer e-mail address or phone number', async () => {
    for (const name of FILES) {
      const a = await call('import.analyze', { fileName: name, contentBase64: readFileSync(join(FIXTURES, name)).toString('base64') });
      if (!a.ok) throw new Error(a.error.message);
      const v = a.value as { fileId: string; kind: string; mapping: unknown[] };
      expect((await call('import.commit', { fileId: v.fileId, kind: v.kind, mapping: v.mapping })).ok).toBe(true);
    }
    const created = await viaBridge('customers.create', {
      company: 'Private Ltd',
      country: 'DE',
      contacts: [{ name: 'Petra', email: 'petra.private@secret-customer.example', phone: '+49 170 5550 1234' }],
    });
    expect(created.ok).toBe(true);
    const c = created.value as { id: number; version: number };
    // Errors of every kind, some carrying the private values in their input.
    await viaBridge('customers.update', { id: c.id, version: 999, patch: { notes: 'petra.private@secret-customer.example' } });
    await viaBridge('contacts.add', { customerId: c.id, contact: { email: 'not an email +49 170 5550 1234' } });
    await viaBridge('customers.create', { company: '', contacts: [{ email: 'petra.private@secret-customer.example' }] });
    await viaBridge('contacts.add', {
      customerId: 999_999,
      contact: { email: 'ghost@secret-customer.example', phone: '+86 138 0013 8000' },
    });
    await viaBridge('customers.list', { filter: { search: 'petra.private@secret-customer.example' } });
    await viaBridge('export.customers', { format: 'xlsx' });
    await viaBridge('backups.create', {});
    const list = (await viaBridge('backups.list', {})) as { value: { backups: { fileName: string }[] } };
    await viaBridge('backups.restore', { fileName: list.value.backups[0]!.fileName });
    await viaBridge('backups.restore', { fileName: 'petra.private@secret-customer.example' });
    await new Promise((r) => setTimeout(r, 150)); // a scheduled backup or two
    await engine.close();
    // An engine whose scheduled backups fail (its backup folder is a file) logs a warning each time.
    const failing = await createEngine({
      dbPath: join(tmp.dir, 'failing.db'),
      mode: 'in-process',
      appVersion: 'test',
      backups: { dir: join(tmp.dir, 'privacy.db', 'x'), intervalMs: 20 },
    });
    await dispatch(failing.call, 'customers.create', {
      company: 'Failing Ltd',
      contacts: [{ email: 'petra.private@secret-customer.example', phone: '+49 170 5550 1234' }],
    });
    await new Promise((r) => setTimeout(r, 200));
    await failing.close();
    expect(logged.some((l) => l.includes('the scheduled backup failed'))).toBe(true);

    // Every contact's e-mail and phone, as the database holds them.
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(join(tmp.dir, 'privacy.db'), { readonly: true });
    const rows = db.prepare(`SELECT email, phone, mobile FROM contacts`).all() as { email: string; phone: string; mobile: string }[];
    db.close();
    const emails = [
      ...new Set(rows.map((r) => r.email).filter(Boolean)),
      'petra.private@secret-customer.example',
      'ghost@secret-customer.example',
    ];
    const phones = [
      ...new Set(rows.flatMap((r) => [r.phone, r.mobile]).filter((p) => p.replace(/\D/g, '').length >= 7)),
      '+49 170 5550 1234',
      '+86 138 0013 8000',
    ];
    expect(emails.length).toBeGreaterThan(50);
    expect(phones.length).toBeGreaterThan(10);
    const text = logged.join('\n');
    const digits = text.replace(/\D/g, '');
    const leakedEmails = emails.filter((e) => text.toLowerCase().includes(e.toLowerCase()));
    const leakedPhones = phones.filter((p) => text.includes(p) || digits.includes(p.replace(/\D/g, '')));
    for (const s of spies.splice(0)) s.mockRestore();
    console.info(
      `privacy: ${logged.length} log lines checked against ${emails.length} e-mail addresses and ${phones.length} phone numbers`,
    );
    expect(leakedEmails).toEqual([]);
    expect(leakedPhones).toEqual([]);
    expect(text).not.toMatch(/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/);
  });
});
