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

/** A few bytes a photo check takes for a PNG or a JPEG (their signatures), told apart by `n`. */
const png = (n: number, size = 64) => {
  const bytes = Buffer.alloc(size, n);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
  return bytes;
};
const jpeg = (n: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(60, n)]);
const photo = (fileName: string, bytes: Buffer) => ({ fileName, contentBase64: bytes.toString('base64') });

/** Inserts an order for a customer (as an import would), returning its id. */
function addOrder(customerId: number, no: string, amountMinor: number, currency: string): number {
  return Number(
    t.engine.database.sqlite
      .prepare(
        `INSERT INTO orders (customer_id, external_no, ordered_at, amount_minor, currency, product, created_at) VALUES (?, ?, '2026-10-15T00:00:00.000Z', ?, ?, 'LED panel', 'x')`,
      )
      .run(customerId, no, amountMinor, currency).lastInsertRowid,
  );
}

/** The INVALID_INPUT field problems of a refused call. */
function problems(r: Awaited<ReturnType<TestEngine['raw']>>): { path: string; message: string }[] {
  expect(!r.ok && r.error.code).toBe('INVALID_INPUT');
  return r.ok ? [] : (r.error.details as { path: string; message: string }[]);
}

describe('complaint order, claim and photos', () => {
  it('a complaint recorded from nothing but a customer id names its order, the amount claimed and two photos', async () => {
    const c = await open();
    const order = addOrder(c.de, 'PO-7', 1_234_500, 'EUR');
    const k = await t.call('complaints.create', {
      customerId: c.de,
      category: 'quality',
      severity: 'high',
      description: '12 of 500 panels flicker',
      orderId: order,
      claim: { amountMinor: 120_000, currency: 'eur' },
      photos: [photo('flicker.png', png(1)), photo('carton.jpg', jpeg(2))],
    });
    expect(k).toMatchObject({
      customerId: c.de,
      owner: 'Lily',
      order: { id: order, externalNo: 'PO-7', orderedAt: '2026-10-15T00:00:00.000Z', amountMinor: 1_234_500, currency: 'EUR' },
      claim: { amountMinor: 120_000, currency: 'EUR' },
      photos: [
        { fileName: 'flicker.png', mime: 'image/png', sizeBytes: 64 },
        { fileName: 'carton.jpg', mime: 'image/jpeg', sizeBytes: 64 },
      ],
    });
    // The list shows the same; a photo's bytes come back as they were sent.
    const [listed] = await t.call('complaints.list', { customerId: c.de });
    expect(listed).toEqual(k);
    const bytes = await t.call('complaints.photo', { id: k.photos[1]!.id });
    expect(bytes).toMatchObject({ complaintId: k.id, fileName: 'carton.jpg', mime: 'image/jpeg' });
    expect(Buffer.from(bytes.contentBase64, 'base64').equals(jpeg(2))).toBe(true);
    // The customer's timeline shows them on the complaint's entry.
    const [opened] = await t.call('timeline.list', { customerId: c.de, kinds: ['complaint'] });
    expect(opened).toMatchObject({
      subtype: 'complaint_opened',
      refId: k.id,
      complaint: { order: k.order, claim: k.claim, photos: k.photos },
    });
    // The order choices: the customer's orders and the base currency.
    expect(await t.call('complaints.orders', { customerId: c.de })).toMatchObject({
      baseCurrency: 'USD',
      orders: [{ id: order, externalNo: 'PO-7', amountMinor: 1_234_500, currency: 'EUR', cancelled: false }],
      more: false,
    });
    expect((await t.call('complaints.orders', { customerId: c.br })).orders).toEqual([]);

    // A photo can be removed, and more added up to ten.
    const fewer = await t.call('complaints.removePhoto', { complaintId: k.id, photoId: k.photos[0]!.id });
    expect(fewer.photos.map((p) => p.fileName)).toEqual(['carton.jpg']);
    const more = await t.call('complaints.addPhotos', {
      complaintId: k.id,
      photos: Array.from({ length: 9 }, (_, i) => photo(`more-${i}.png`, png(10 + i))),
    });
    expect(more.photos).toHaveLength(10);
    const before = dumpData(t.engine.database.readSqlite);
    expect(problems(await t.raw('complaints.addPhotos', { complaintId: k.id, photos: [photo('eleventh.png', png(30))] }))).toEqual([
      { path: 'photos', message: 'too_many_photos' },
    ]);
    expect(dumpData(t.engine.database.readSqlite)).toBe(before);
    // A complaint without any of them has none.
    const plain = await t.call('complaints.create', { customerId: c.br, category: 'delivery', severity: 'low', description: 'Late' });
    expect(plain).toMatchObject({ order: null, claim: null, photos: [] });
  });

  it('refuses an order of another customer, an 11th photo, an 11 MB photo and a file that is not an image, changing nothing', async () => {
    const c = await open();
    const theirs = addOrder(c.br, 'BR-1', 50_000, 'BRL');
    const base = { customerId: c.de, category: 'quality', severity: 'medium', description: 'Broken housings' } as const;
    const before = dumpData(t.engine.database.readSqlite);
    const unchanged = () => expect(dumpData(t.engine.database.readSqlite)).toBe(before);

    expect(problems(await t.raw('complaints.create', { ...base, orderId: theirs, photos: [photo('a.png', png(1))] }))).toEqual([
      { path: 'orderId', message: 'order_not_of_customer' },
    ]);
    unchanged();
    expect(problems(await t.raw('complaints.create', { ...base, orderId: 999_999 }))).toEqual([
      { path: 'orderId', message: 'order_not_of_customer' },
    ]);
    unchanged();
    const eleven = Array.from({ length: 11 }, (_, i) => photo(`p${i}.png`, png(i)));
    expect(problems(await t.raw('complaints.create', { ...base, photos: eleven }))).toEqual([
      expect.objectContaining({ path: 'photos', message: 'too_many_photos' }),
    ]);
    unchanged();
    const huge = photo('huge.png', png(3, 11 * 1024 * 1024));
    expect(problems(await t.raw('complaints.create', { ...base, photos: [photo('ok.png', png(1)), huge] }))).toEqual([
      expect.objectContaining({ path: 'photos.1.contentBase64', message: 'photo_too_large' }),
    ]);
    unchanged();
    // One byte over 10 MB fits the base64 limit of the contract; the engine counts the bytes.
    const justOver = photo('just-over.png', png(4, 10 * 1024 * 1024 + 1));
    expect(problems(await t.raw('complaints.create', { ...base, photos: [justOver] }))).toEqual([
      { path: 'photos.0', message: 'photo_too_large' },
    ]);
    unchanged();
    const pdf = photo('invoice.png', Buffer.from('%PDF-1.4\n% not a photo\n'));
    expect(problems(await t.raw('complaints.create', { ...base, photos: [photo('ok.png', png(1)), pdf] }))).toEqual([
      { path: 'photos.1', message: 'not_an_image' },
    ]);
    unchanged();
    expect(problems(await t.raw('complaints.create', { ...base, claim: { amountMinor: 100, currency: 'ZZZ' } }))).toEqual([
      { path: 'claim.currency', message: 'unknown_currency' },
    ]);
    unchanged();
    expect((await t.raw('complaints.create', { ...base, claim: { amountMinor: 0, currency: 'USD' } })).ok).toBe(false);
    unchanged();
    // Exactly 10 MB is accepted.
    const ten = await t.call('complaints.create', { ...base, photos: [photo('ten.png', png(5, 10 * 1024 * 1024))] });
    expect(ten.photos[0]!.sizeBytes).toBe(10 * 1024 * 1024);
  });

  it('photos, order and claim stay with the complaint when its customer is merged into another', async () => {
    const c = await open();
    const order = addOrder(c.br, 'BR-9', 80_000, 'USD');
    const k = await t.call('complaints.create', {
      customerId: c.br,
      category: 'packaging',
      severity: 'low',
      description: 'Crushed cartons',
      orderId: order,
      claim: { amountMinor: 25_000, currency: 'USD' },
      photos: [photo('crushed.png', png(7)), photo('pallet.jpg', jpeg(8))],
    });
    t.engine.database.sqlite
      .prepare(`INSERT INTO possible_duplicates (customer_id, other_id, reason, created_at) VALUES (?, ?, 'name', 'x')`)
      .run(c.br, c.de);
    const [pair] = (await t.call('duplicates.list', {})).pairs;
    await t.call('duplicates.resolve', { id: pair!.id, action: 'merge', keep: 'other' });
    const [moved] = await t.call('complaints.list', { customerId: c.de });
    expect(moved).toMatchObject({
      id: k.id,
      customerId: c.de,
      company: 'Berlin Licht GmbH',
      order: k.order,
      claim: k.claim,
      photos: k.photos,
    });
    const bytes = await t.call('complaints.photo', { id: k.photos[0]!.id });
    expect(Buffer.from(bytes.contentBase64, 'base64').equals(png(7))).toBe(true);
    // Archiving the customer keeps them (hidden from the lists with the customer, back when restored).
    await t.call('customers.archive', { ids: [c.de], archived: true });
    expect(await t.call('complaints.list', { customerId: c.de })).toEqual([]);
    await t.call('customers.archive', { ids: [c.de], archived: false });
    expect((await t.call('complaints.list', { customerId: c.de }))[0]?.photos).toEqual(k.photos);
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
    expect(all.find((e) => e.kind === 'order')).toMatchObject({
      summary: 'PO-7 LED panel',
      amountMinor: 1234500,
      currency: 'EUR',
      complaint: null,
    });
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
