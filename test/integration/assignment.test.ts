import { afterEach, describe, expect, it } from 'vitest';
import { enableCapture } from '../../src/main/sync/capture';
import type { AssignmentSettingsInput } from '../../src/shared/domain/assignment';
import { openTestEngine, type TestEngine } from '../support/temp-db';

/**
 * Lead assignment rules (#20) on a real SQLite file: an import of inquiries gives the customers
 * nobody owns to salespeople by the rules (in its transaction; undone with it), quick capture and
 * New customer do the same for one lead, and each assignment is on the timeline with the rule that fired.
 */
const opened: TestEngine[] = [];
afterEach(async () => {
  for (const e of opened.splice(0)) await e.close();
});

const RULES: AssignmentSettingsInput = {
  enabled: true,
  sameBuyer: true,
  rules: [
    { id: 'de', kind: 'country', values: ['DE'], people: ['Li Na'] },
    { id: 'led', kind: 'product', values: ['LED'], people: ['Wang Wei', 'Zhao Min'] },
  ],
  fallback: { kind: 'pool' },
};

const HEADER = 'Inquiry ID,Subject,Created Time,Salesperson,Product Name,Buyer Name,Company,Country/Region,Email,Message';
const ROWS = [
  [
    '70000000000001',
    'Price for panels',
    '2026-03-02',
    '',
    'LED Panel Light 600x600',
    'Karl Berg',
    'Berliner Licht GmbH',
    'DE',
    'karl@berliner-licht.de',
    'Need 500',
  ],
  [
    '70000000000002',
    'Strips',
    '2026-03-02',
    '',
    'LED Strip 5m',
    'Anne Roux',
    'Lyon Lumiere SARL',
    'FR',
    'anne@lyon-lumiere.fr',
    'Samples?',
  ],
  [
    '70000000000003',
    'Bulbs',
    '2026-03-03',
    '',
    'Filament led bulb',
    'Pablo Ruiz',
    'Madrid Luz SL',
    'ES',
    'pablo@madridluz.es',
    'Catalogue',
  ],
  ['70000000000004', 'Tubes', '2026-03-03', '', 'T8 LED Tube', 'Marco Neri', 'Roma Luce Srl', 'IT', 'marco@romaluce.it', 'Price'],
  ['70000000000005', 'Chairs', '2026-03-04', '', 'Office chair', 'Ola Nord', 'Oslo Furniture AS', 'NO', 'ola@oslofurniture.no', 'MOQ?'],
  [
    '70000000000006',
    'Desk lamps',
    '2026-03-04',
    '',
    'Desk lamp',
    'Max Huber',
    'Nordlicht Vertrieb',
    'AT',
    'max@nordlicht-handel.at',
    'Offer',
  ],
  ['70000000000007', 'More LED', '2026-03-05', '', 'LED Panel', 'Eva Stein', 'Already Owned GmbH', 'DE', 'eva@already-owned.de', 'Again'],
];
const CSV = [HEADER, ...ROWS.map((r) => r.join(','))].join('\r\n');

async function book() {
  const e = await openTestEngine({ now: () => new Date('2026-03-10T08:00:00.000Z') });
  opened.push(e);
  const sqlite = e.engine.database.sqlite;
  await e.call('prefs.save', { owners: ['Li Na', 'Wang Wei', 'Zhao Min', 'Sun Li'] });
  const ownerOf = (id: number) =>
    sqlite.prepare(`SELECT owner, owner_since FROM customers WHERE id = ?`).get(id) as { owner: string; owner_since: string | null };
  const idOf = (company: string) =>
    (sqlite.prepare(`SELECT id FROM customers WHERE company = ?`).get(company) as { id: number } | undefined)?.id;
  const assignments = (id: number) =>
    (
      sqlite.prepare(`SELECT data FROM activities WHERE customer_id = ? AND kind = 'owner_assign' ORDER BY id`).all(id) as {
        data: string;
      }[]
    ).map((a) => JSON.parse(a.data) as Record<string, unknown>);
  const importCsv = async () => {
    const a = await e.call('import.analyze', { fileName: 'inquiries.csv', contentBase64: Buffer.from(CSV, 'utf8').toString('base64') });
    expect(a.kind).toBe('inquiries');
    return e.call('import.commit', { fileId: a.fileId, kind: a.kind, mapping: a.mapping });
  };
  return { e, sqlite, ownerOf, idOf, assignments, importCsv };
}

describe('lead assignment rules', () => {
  it('assigns an import’s unowned customers by the rules, in its transaction, and its undo puts them back', async () => {
    const b = await book();
    // Before the rules: an owned buyer, another customer of the same company nobody owns, and an owned customer.
    const owned = await b.e.call('customers.create', {
      company: 'Nordlicht Handel GmbH',
      country: 'AT',
      owner: 'Sun Li',
      contacts: [{ name: 'Iris', email: 'einkauf@nordlicht-handel.at' }],
    });
    const sameBuyer = await b.e.call('customers.create', {
      company: 'Nordlicht Vertrieb',
      country: 'AT',
      owner: '',
      contacts: [{ name: 'Max', email: 'max@nordlicht-handel.at' }],
    });
    const kept = await b.e.call('customers.create', {
      company: 'Already Owned GmbH',
      country: 'DE',
      owner: 'Sun Li',
      contacts: [{ name: 'Eva', email: 'eva@already-owned.de' }],
    });
    expect(b.ownerOf(sameBuyer.id).owner).toBe('');
    const keptSince = b.ownerOf(kept.id).owner_since;

    const view = await b.e.call('assignment.saveRules', RULES);
    expect(view).toMatchObject({ canEdit: true, inTeam: false, settings: { enabled: true, rules: [{ id: 'de' }, { id: 'led' }] } });
    expect(view.areas.find((a) => a.code === '155')).toEqual({ code: '155', level: 'region', name: { en: 'Western Europe', zh: '西欧' } });

    const result = await b.importCsv();
    expect(result.customersCreated).toBe(5);
    expect(result.assignment).toEqual({
      assigned: 5,
      byOwner: [
        { owner: 'Wang Wei', count: 2 },
        { owner: 'Li Na', count: 1 },
        { owner: 'Sun Li', count: 1 },
        { owner: 'Zhao Min', count: 1 },
      ],
    });
    const id = (company: string) => b.idOf(company) as number;
    // DE → Li Na (the first rule wins though LED matches the second); LED → Wang Wei, Zhao Min in turn; the rest stays in the pool.
    expect(b.ownerOf(id('Berliner Licht GmbH'))).toEqual({ owner: 'Li Na', owner_since: '2026-03-10T08:00:00.000Z' });
    expect(b.ownerOf(id('Lyon Lumiere SARL')).owner).toBe('Wang Wei');
    expect(b.ownerOf(id('Madrid Luz SL')).owner).toBe('Zhao Min');
    expect(b.ownerOf(id('Roma Luce Srl')).owner).toBe('Wang Wei');
    expect(b.ownerOf(id('Oslo Furniture AS')).owner).toBe('');
    expect(b.assignments(id('Oslo Furniture AS'))).toEqual([]);
    // Same buyer → same salesperson: the unowned customer that got an inquiry goes to the owner of its company's other customer.
    expect(b.ownerOf(sameBuyer.id).owner).toBe('Sun Li');
    expect(b.assignments(sameBuyer.id)).toEqual([
      {
        from: '',
        to: 'Sun Li',
        by: '',
        reason: 'assign',
        source: 'import',
        rule: { kind: 'sameBuyer', customerId: owned.id, company: 'Nordlicht Handel GmbH', by: 'domain' },
        batchId: result.batchId,
      },
    ]);
    // A customer already owned keeps its owner (and gets no entry).
    expect(b.ownerOf(kept.id)).toEqual({ owner: 'Sun Li', owner_since: keptSince });
    expect(b.assignments(kept.id)).toEqual([]);

    // The timeline says which rule fired.
    const timeline = await b.e.call('timeline.list', { customerId: id('Berliner Licht GmbH') });
    expect(timeline.find((t) => t.subtype === 'owner_assign')).toMatchObject({
      kind: 'activity',
      assignment: {
        to: 'Li Na',
        rule: { kind: 'rule', ruleId: 'de', position: 1, ruleKind: 'country', values: ['DE'], roundRobin: false },
      },
      ownerChange: null,
    });
    const madrid = await b.e.call('timeline.list', { customerId: id('Madrid Luz SL') });
    expect(madrid.find((t) => t.subtype === 'owner_assign')?.assignment?.rule).toEqual({
      kind: 'rule',
      ruleId: 'led',
      position: 2,
      ruleKind: 'product',
      values: ['LED'],
      roundRobin: true,
    });
    const history = b.sqlite.prepare(`SELECT report FROM import_batches WHERE id = ?`).get(result.batchId) as { report: string };
    expect(JSON.parse(history.report).assignment).toEqual(result.assignment);

    // Undo: the import's customers go, the unowned one it assigned is back in the pool without the entry.
    await b.e.call('import.undo', { batchId: result.batchId as number });
    expect(b.idOf('Berliner Licht GmbH')).toBeUndefined();
    expect(b.ownerOf(sameBuyer.id).owner).toBe('');
    expect(b.assignments(sameBuyer.id)).toEqual([]);
    expect(b.ownerOf(kept.id).owner).toBe('Sun Li');
  });

  it('assigns a lead from quick capture and a new customer without an owner; the round-robin turn carries on', async () => {
    const b = await book();
    await b.e.call('assignment.saveRules', RULES);
    const capture = (company: string, country: string, productInterest: string, email = '') =>
      b.e.call('capture.save', { company, country, productInterest, email, name: 'Visitor', timeZone: 'Europe/Berlin' });
    const de = await capture('Hamburg Leuchten GmbH', 'DE', 'LED panels', 'karl@hamburg-leuchten.de');
    expect(b.ownerOf(de.customerId).owner).toBe('Li Na');
    expect(de.followUp.owner).toBe('Li Na');
    expect(b.assignments(de.customerId)).toMatchObject([{ to: 'Li Na', source: 'capture', rule: { kind: 'rule', ruleKind: 'country' } }]);
    const first = await capture('Lisboa Luz', 'PT', 'led strips');
    const second = await capture('Porto Luz', 'PT', 'LED bulbs');
    const third = await capture('Faro Luz', 'PT', 'LED tubes');
    expect([first, second, third].map((c) => b.ownerOf(c.customerId).owner)).toEqual(['Wang Wei', 'Zhao Min', 'Wang Wei']);
    // A lead of a company someone owns goes to them (same company e-mail domain), before the rules.
    const sameDomain = await capture('Hamburg Leuchten Vertrieb', 'DE', 'LED', 'einkauf@hamburg-leuchten.de');
    expect(b.assignments(sameDomain.customerId)).toMatchObject([
      { to: 'Li Na', rule: { kind: 'sameBuyer', customerId: de.customerId, by: 'domain' } },
    ]);
    await b.e.call('contacts.add', { customerId: first.customerId, contact: { name: 'Rui', email: 'rui@lisboaluz.pt' } });
    const sameBuyer = await capture('Lisboa Luz Norte', 'PT', 'Desk', 'compras@lisboaluz.pt');
    expect(b.assignments(sameBuyer.customerId)).toMatchObject([
      { to: 'Wang Wei', rule: { kind: 'sameBuyer', customerId: first.customerId, company: 'Lisboa Luz', by: 'domain' } },
    ]);
    // A lead with an owner is left alone; a lead nothing matches stays in the pool.
    const mine = await b.e.call('capture.save', { company: 'Owned Co', country: 'DE', owner: 'Sun Li', timeZone: 'Europe/Berlin' });
    expect(b.ownerOf(mine.customerId).owner).toBe('Sun Li');
    const none = await capture('Nothing Ltd', 'GB', 'Chairs');
    expect(b.ownerOf(none.customerId).owner).toBe('');
    // New customer without an owner: the same rules (a DE customer to Li Na).
    const created = await b.e.call('customers.create', { company: 'Köln Licht AG', country: 'DE', owner: '' });
    expect(created.owner).toBe('Li Na');
    expect(b.assignments(created.id)).toMatchObject([{ to: 'Li Na', source: 'create' }]);
  });

  it('refuses bad rules with INVALID_INPUT and keeps the saved ones; off by default', async () => {
    const b = await book();
    expect((await b.e.call('assignment.rules', {})).settings).toEqual({
      enabled: false,
      sameBuyer: true,
      rules: [],
      fallback: { kind: 'pool' },
    });
    // Off: nobody is assigned.
    const off = await b.e.call('customers.create', { company: 'Off GmbH', country: 'DE', owner: '' });
    expect(off.owner).toBe('');
    await b.e.call('assignment.saveRules', RULES);
    for (const bad of [
      { ...RULES, rules: [{ id: 'x', kind: 'country', values: ['Germany'], people: ['Li Na'] }] },
      { ...RULES, rules: [{ id: 'x', kind: 'product', values: ['LED'], people: [] }] },
      { ...RULES, fallback: { kind: 'people', people: [] } },
      { ...RULES, rules: [RULES.rules?.[0], RULES.rules?.[0]] },
    ]) {
      const r = await b.e.raw('assignment.saveRules', bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('INVALID_INPUT');
    }
    expect((await b.e.call('assignment.rules', {})).settings.rules.map((r) => r.id)).toEqual(['de', 'led']);
  });

  it('leaves owners alone for a salesperson in a team, and refuses them the rules', async () => {
    const b = await book();
    await b.e.call('assignment.saveRules', RULES);
    await enableCapture(b.e.engine.database.write, '00000000000000aa');
    b.sqlite
      .prepare(`UPDATE sync_state SET team_device_id = 'd', team_server = 'https://team.example', team_user = ? WHERE id = 1`)
      .run(JSON.stringify({ id: 'u1', name: 'Wang Wei', login: 'wang', role: 'salesperson' }));
    expect(await b.e.call('assignment.rules', {})).toMatchObject({ canEdit: false, inTeam: true });
    const c = await b.e.call('customers.create', { company: 'Team GmbH', country: 'DE', owner: '' });
    expect(c.owner).toBe('');
    const r = await b.e.raw('assignment.saveRules', RULES);
    expect(r.ok ? null : r.error.code).toBe('MANAGER_REQUIRED');
  });
});
