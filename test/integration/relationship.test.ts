import { afterEach, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../support/temp-db';
import { dumpData } from '../support/dump';

let t: TestEngine;
const clock = { now: new Date('2026-11-22T08:00:00Z') };
afterEach(async () => {
  await t?.close();
});

async function open() {
  clock.now = new Date('2026-11-22T08:00:00Z');
  t = await openTestEngine({ now: () => clock.now });
  const de = await t.call('customers.create', {
    company: 'Berlin Licht GmbH',
    country: 'DE',
    industry: 'Lights & Lighting',
    owner: 'Lily',
  });
  const br = await t.call('customers.create', { company: 'Sol Brasil Ltda', country: 'BR', industry: 'Renewable Energy', owner: 'Kevin' });
  return { de: de.id, br: br.id };
}

describe('needs', () => {
  it('move through their statuses, and markets show what they ask for', async () => {
    const c = await open();
    const n1 = await t.call('needs.create', {
      customerId: c.de,
      category: 'packaging',
      description: 'Retail boxes with German text',
      priority: 'high',
    });
    await t.call('needs.create', { customerId: c.br, category: 'packaging', description: 'Bulk cartons' });
    await t.call('needs.create', { customerId: c.br, category: 'payment_terms', description: '30% deposit, 70% against B/L' });
    expect(n1).toMatchObject({ status: 'new', priority: 'high', company: 'Berlin Licht GmbH' });
    // Recorded straight into another status in one write.
    const planned = await t.call('needs.create', { customerId: c.de, category: 'price', description: 'Tiered prices', status: 'planned' });
    expect(planned).toMatchObject({ status: 'planned', version: 1 });
    await t.call('needs.update', { id: planned.id, version: planned.version, patch: { status: 'declined' } });
    const evaluating = await t.call('needs.update', { id: n1.id, version: n1.version, patch: { status: 'evaluating' } });
    const met = await t.call('needs.update', { id: n1.id, version: evaluating.version, patch: { status: 'met' } });
    expect(met.status).toBe('met');
    const stale = await t.raw('needs.update', { id: n1.id, version: n1.version, patch: { status: 'declined' } });
    expect(!stale.ok && stale.error.code).toBe('CONFLICT');
    const bad = await t.raw('needs.update', { id: n1.id, version: met.version, patch: { status: 'maybe' } });
    expect(!bad.ok && bad.error.code).toBe('INVALID_INPUT');

    const summary = await t.call('needs.summary', { by: 'category' });
    expect(summary[0]).toEqual({
      key: 'packaging',
      count: 2,
      byContinent: { '150': 1, '019': 1 },
      byRegion: { '155': 1, '005': 1 },
      byIndustry: { 'Lights & Lighting': 1, 'Renewable Energy': 1 },
    });
    expect((await t.call('needs.summary', { by: 'status' })).map((g) => [g.key, g.count])).toEqual([
      ['new', 2],
      ['declined', 1],
      ['met', 1],
    ]);
    expect((await t.call('needs.list', { statuses: ['new'] })).map((n) => n.customerId)).toEqual([c.br, c.br]);
  });
});

describe('complaints', () => {
  it('get a due-by from their severity, surface when overdue, and need a resolution to close', async () => {
    const c = await open();
    const k = await t.call('complaints.create', {
      customerId: c.de,
      category: 'quality',
      severity: 'high',
      description: '12 of 500 panels flicker',
    });
    expect(k).toMatchObject({ status: 'open', owner: 'Lily', dueBy: '2026-11-24T08:00:00.000Z', overdue: false });
    const empty = await t.raw('complaints.create', { customerId: c.de, category: 'quality', severity: 'high', description: ' ' });
    expect(!empty.ok && empty.error.code).toBe('INVALID_INPUT');
    clock.now = new Date('2026-11-25T08:00:00Z');
    expect((await t.call('complaints.list', { overdueOnly: true })).map((x) => [x.id, x.overdue])).toEqual([[k.id, true]]);
    const working = await t.call('complaints.update', { id: k.id, version: k.version, patch: { status: 'in_progress' } });
    const before = dumpData(t.engine.database.readSqlite);
    const noNote = await t.raw('complaints.update', { id: k.id, version: working.version, patch: { status: 'resolved' } });
    expect(!noNote.ok && noNote.error.code).toBe('INVALID_INPUT');
    expect(dumpData(t.engine.database.readSqlite)).toBe(before);
    const resolved = await t.call('complaints.update', {
      id: k.id,
      version: working.version,
      patch: { status: 'resolved', resolution: 'Replaced 12 drivers, shipped with the next order' },
    });
    expect(resolved).toMatchObject({ status: 'resolved', resolvedAt: '2026-11-25T08:00:00.000Z', overdue: false });
    // A resolved complaint keeps its note: clearing it is refused.
    const wipe = await t.raw('complaints.update', { id: k.id, version: resolved.version, patch: { resolution: '  ' } });
    expect(!wipe.ok && wipe.error.code).toBe('INVALID_INPUT');
    expect(await t.call('complaints.list', { overdueOnly: true })).toEqual([]);
  });
});

describe('timeline and churn risk', () => {
  it('a customer’s timeline lists everything newest first and filters by kind', async () => {
    const c = await open();
    const sqlite = t.engine.database.sqlite;
    sqlite
      .prepare(
        `INSERT INTO inquiries (customer_id, received_at, subject, created_at) VALUES (?, '2026-10-01T00:00:00.000Z', 'Price for 600x600 panels', 'x')`,
      )
      .run(c.de);
    sqlite
      .prepare(
        `INSERT INTO orders (customer_id, external_no, ordered_at, amount_minor, currency, product, created_at) VALUES (?, 'PO-7', '2026-10-15T00:00:00.000Z', 1234500, 'EUR', 'LED panel', 'x')`,
      )
      .run(c.de);
    const f = await t.call('followups.create', {
      customerId: c.de,
      type: 'call',
      dueAt: '2026-11-22T09:00:00Z',
      note: 'Check the samples',
    });
    await t.call('followups.complete', { id: f.id, version: f.version, outcome: 'Samples approved', timeZone: 'Europe/Berlin' });
    await t.call('needs.create', { customerId: c.de, category: 'packaging', description: 'German retail boxes' });
    await t.call('complaints.create', { customerId: c.de, category: 'delivery', severity: 'low', description: 'Late by a week' });
    const all = await t.call('timeline.list', { customerId: c.de });
    expect(all.map((e) => e.at)).toEqual([...all.map((e) => e.at)].sort().reverse());
    expect(all.find((e) => e.kind === 'order')?.summary).toBe('PO-7 LED panel · 12345.00 EUR');
    expect(all.find((e) => e.kind === 'activity')).toMatchObject({ subtype: 'followup_done', summary: 'call: Samples approved' });
    expect(new Set(all.map((e) => e.kind))).toEqual(new Set(['inquiry', 'order', 'activity', 'need', 'complaint']));
    const onlyComplaints = await t.call('timeline.list', { customerId: c.de, kinds: ['complaint'] });
    expect(onlyComplaints.map((e) => [e.kind, e.subtype])).toEqual([['complaint', 'complaint_opened']]);
    expect(await t.call('timeline.list', { customerId: c.br })).toEqual([]);
    const missing = await t.raw('timeline.list', { customerId: 999 });
    expect(!missing.ok && missing.error.code).toBe('NOT_FOUND');
  });

  it('the churn-risk list shows customers past their rhythm, most valuable first', async () => {
    const c = await open();
    const sqlite = t.engine.database.sqlite;
    const order = (id: number, daysAgo: number, amount: number) =>
      sqlite
        .prepare(`INSERT INTO orders (customer_id, ordered_at, amount_minor, currency, created_at) VALUES (?, ?, ?, 'USD', 'x')`)
        .run(id, new Date(clock.now.getTime() - daysAgo * 86_400_000).toISOString(), amount);
    for (const d of [150, 120, 90, 60]) order(c.de, d, 5_000_00); // rhythm 30, 60 days since: warning
    for (const d of [40, 30, 20, 10]) order(c.br, d, 1_000_00); // on rhythm
    await t.call('classify.run', {});
    const risk = await t.call('followups.churnRisk', {});
    expect(risk).toEqual([
      expect.objectContaining({
        customerId: c.de,
        daysSinceOrder: 60,
        rhythmDays: 30,
        daysPastRhythm: 30,
        tier: 'A',
        nextFollowUpAt: null,
      }),
    ]);
    await t.call('followups.create', { customerId: c.de, type: 'call', dueAt: '2026-11-23T09:00:00Z', note: 'Win-back call' });
    expect((await t.call('followups.churnRisk', {}))[0]!.nextFollowUpAt).toBe('2026-11-23T09:00:00.000Z');
    expect(await t.call('followups.churnRisk', { owner: 'Kevin' })).toEqual([]);
  });
});
