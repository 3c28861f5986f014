import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, contract } from '../../src/shared/ipc/contract';
import { openTestEngine, type TestEngine } from '../support/temp-db';

/** Every channel, fed wrong shapes, answers INVALID_INPUT and leaves the database exactly as it was. */
let t: TestEngine;
let before = '';
function dump(): string {
  const db = t.engine.database.readSqlite;
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index%' ORDER BY name`).all() as { name: string }[];
  return tables.map(({ name }) => `${name}:${JSON.stringify(db.prepare(`SELECT * FROM "${name}" ORDER BY 1`).all())}`).join('\n');
}

beforeAll(async () => {
  t = await openTestEngine();
  await t.call('customers.create', { company: 'Existing Ltd', country: 'GB', contacts: [{ name: 'A', email: 'a@existing.example' }] });
  before = dump();
});
afterAll(async () => {
  await t.close();
});

const BAD_INPUTS: unknown[] = [
  'a string',
  42,
  [],
  true,
  { id: 'one' },
  { id: -1 },
  { ids: [] },
  { company: 12 },
  { unexpected: 1 },
  { limit: 1e9 },
  JSON.parse('{"__proto__": {"polluted": true}, "id": 1, "x": 1}'),
  { customerId: 1, contact: { email: 'nope' } },
  { id: 1, version: 1, patch: { country: 'Narnia' } },
  { jobId: '' },
  { count: 0 },
  { filter: { search: 'x'.repeat(10_000) } },
];

describe('bad input at every channel', () => {
  for (const channel of CHANNELS) {
    it(`${channel}: INVALID_INPUT, nothing changed`, async () => {
      let rejected = 0;
      for (const input of BAD_INPUTS) {
        // Some shapes are valid for some channels (e.g. {} for app.info); only check real rejections.
        if (contract[channel].input.safeParse(input).success) continue;
        const r = await t.raw(channel, input);
        expect(r.ok, `${channel} accepted ${JSON.stringify(input)}`).toBe(false);
        if (!r.ok) {
          expect(r.error.code).toBe('INVALID_INPUT');
          expect(r.error.message).toBeTruthy();
        }
        rejected++;
      }
      expect(rejected).toBeGreaterThan(5);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(dump()).toBe(before);
    });
  }
  it('an unknown channel is refused', async () => {
    const r = await t.raw('customers.dropAll', {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('UNKNOWN_CHANNEL');
  });
});
