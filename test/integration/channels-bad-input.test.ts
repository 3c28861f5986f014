import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge } from '../../src/bridge/server';
import { registerIpcHandlers, type IpcMainLike } from '../../src/main/ipc/register';
import { CHANNELS, contract, IPC_PREFIX, type Channel } from '../../src/shared/ipc/contract';
import { isErrorCode } from '../../src/shared/errors';
import { openTestEngine, tempDir, type TestEngine } from '../support/temp-db';

/** Every channel, fed wrong shapes, answers INVALID_INPUT and leaves the database exactly as it was. */
let t: TestEngine;
let before = '';
function dump(): string {
  const db = t.engine.database.readSqlite;
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index%' ORDER BY name`,
    )
    .all() as { name: string }[];
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

// --- Adversarial payloads ----------------------------------------------------------------------
// Random values, wrong types in the right keys, huge strings, prototype-pollution keys and deep
// nesting, at every channel through the same dispatch every front door uses: no throw, a coded
// error (INVALID_INPUT when the contract refuses the input), and the database unchanged.

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'then'];

function nest(depth: number, leaf: unknown, asArray: boolean): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
  return v;
}

/** Fixed nasty inputs, as JSON would deliver them (own __proto__ keys) or as a careless caller would. */
const NASTY: unknown[] = [
  null,
  undefined,
  NaN,
  -0,
  Infinity,
  -1e308,
  2n ** 70n,
  Symbol('x'),
  () => 1,
  new Date(NaN),
  new Map([['id', 1]]),
  new Set([1]),
  new Uint8Array(16),
  Object.create(null),
  Object.assign(Object.create(null), { id: 1 }),
  JSON.parse('{"__proto__": {"polluted": true}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
  JSON.parse('{"filter": {"__proto__": {"polluted": true}, "search": "x"}}'),
  JSON.parse('{"patch": {"__proto__": {"polluted": true}}, "id": 1, "version": 1}'),
  JSON.parse('{"contacts": [{"__proto__": {"polluted": true}}], "company": "Acme"}'),
  'x'.repeat(5_000_000),
  { company: 'x'.repeat(5_000_000) },
  { ['k'.repeat(100_000)]: 1 },
  { filter: { search: '\u0000\uFFFF\uD800' } },
  nest(10_000, 1, false),
  nest(10_000, 1, true),
  { filter: nest(5_000, 'x', false) },
  { ids: new Array(200_000).fill(1) },
  { ids: [1, 2, 3], archived: 'true' },
  Array.from({ length: 1000 }, (_, i) => ({ id: i })),
];

/** Values of every JSON-ish and non-JSON type, for a channel's own keys. */
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({
    maxDepth: 3,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withSparseArray: true,
    withNullPrototype: true,
  }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '💥'.repeat(1000),
    'x'.repeat(300_000),
    '__proto__',
    '../../etc/passwd',
    'javascript:alert(1)',
    '=cmd|" /C calc"!A0',
  ),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, -1, 0, 2 ** 53 + 2, 1e308, 0.5),
  fc.dictionary(fc.constantFrom(...PROTO_KEYS), fc.jsonValue({ maxDepth: 2 })).map((d) => JSON.parse(JSON.stringify(d))),
);

/** An object with the channel's own keys (so it reaches deeper than "unknown key"), some wrong, some polluting. */
function shapedInput(channel: Channel): fc.Arbitrary<unknown> {
  const schema = contract[channel].input as unknown as { shape?: Record<string, unknown> };
  const keys = schema.shape ? Object.keys(schema.shape) : [];
  const own = keys.length ? fc.dictionary(fc.constantFrom(...keys), wrongValue, { maxKeys: keys.length }) : fc.constant({});
  return fc.tuple(own, fc.dictionary(fc.constantFrom(...PROTO_KEYS), wrongValue, { maxKeys: 2 }), fc.boolean()).map(([a, b, viaJson]) => {
    const merged: Record<string, unknown> = { ...a };
    for (const [k, v] of Object.entries(b))
      Object.defineProperty(merged, k, { value: v, enumerable: true, configurable: true, writable: true });
    if (!viaJson) return merged;
    try {
      return JSON.parse(JSON.stringify(merged, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)));
    } catch {
      return merged;
    }
  });
}

describe('adversarial payloads at every channel', () => {
  let tried = 0;
  let refused = 0;
  let validReads = 0;
  let skippedValidWrites = 0;
  const protoKeys = () => Object.getOwnPropertyNames(Object.prototype).sort().join(',');
  let protoBefore = '';
  beforeAll(() => {
    protoBefore = protoKeys();
  });
  afterAll(() => {
    console.info(
      `IPC fuzz: ${tried} adversarial calls over ${CHANNELS.length} channels (${refused} refused with a code, ${validReads} valid reads answered, ${skippedValidWrites} valid writes not sent)`,
    );
  });

  async function attempt(channel: Channel, input: unknown): Promise<void> {
    tried++;
    let parsed: boolean;
    try {
      // As dispatch sees it: no input at all is an empty object.
      parsed = contract[channel].input.safeParse(input === undefined ? {} : input).success;
    } catch {
      parsed = false; // the dispatcher must still answer with a code
    }
    if (parsed && contract[channel].kind !== 'read' && contract[channel].kind !== 'read-job') {
      skippedValidWrites++;
      return;
    }
    const r = await t.raw(channel, input);
    if (r.ok) {
      expect(parsed, `${channel} accepted input the contract refuses`).toBe(true);
      validReads++;
      return;
    }
    expect(isErrorCode(r.error.code), `${channel}: ${r.error.code}`).toBe(true);
    if (!parsed) expect(r.error.code, `${channel}: ${r.error.message}`).toBe('INVALID_INPUT');
    if (r.error.code === 'INTERNAL') {
      let shown: string;
      try {
        shown = JSON.stringify(input, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))?.slice(0, 300) ?? String(input);
      } catch {
        shown = Object.prototype.toString.call(input);
      }
      expect.fail(`${channel} answered INTERNAL (${r.error.message}) for ${shown}`);
    }
    refused++;
  }

  for (const channel of CHANNELS) {
    it(`${channel}: coded errors, nothing changed`, async () => {
      for (const input of NASTY) await attempt(channel, input);
      await fc.assert(
        fc.asyncProperty(fc.oneof(shapedInput(channel), wrongValue), (input) => attempt(channel, input)),
        { numRuns: 60 },
      );
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(protoKeys()).toBe(protoBefore);
      expect(dump()).toBe(before);
    });
  }

  it('through the Electron IPC layer: a foreign frame is refused on every channel; odd call options are refused', async () => {
    const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
    const ipcMain: IpcMainLike = {
      handle: (name, fn) => void handlers.set(name, fn as never),
      removeHandler: (name) => void handlers.delete(name),
    };
    const dispose = registerIpcHandlers(ipcMain, t.engine.call, { isTrustedSender: (url) => url === 'file:///app/index.html' });
    try {
      for (const channel of CHANNELS) {
        const handler = handlers.get(IPC_PREFIX + channel)!;
        for (const frame of [null, { url: 'https://evil.example/' }, { url: '' }, { url: 'file:///app/index.html/../x.html' }, {}]) {
          tried++;
          expect(await handler({ senderFrame: frame }, {}, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
        }
        for (const options of ['x', 5, [], { jobId: 'x'.repeat(1000) }, { jobId: 7 }, JSON.parse('{"__proto__": {"jobId": "p"}}')]) {
          tried++;
          const r = (await handler(
            { senderFrame: { url: 'file:///app/index.html' } },
            JSON.parse('{"__proto__": {"polluted": 1}}'),
            options,
          )) as { ok: boolean; error?: { code: string } };
          expect(r.ok).toBe(false);
          expect(r.error?.code).toBe('INVALID_INPUT');
        }
      }
    } finally {
      dispose();
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(dump()).toBe(before);
  });

  it('through the browser bridge: bad JSON, deep JSON, huge and polluting bodies get coded answers and the bridge keeps serving', async () => {
    const tmp = tempDir();
    const web = join(tmp.dir, 'web');
    mkdirSync(web);
    writeFileSync(join(web, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
    const bridge = await startBridge({ engine: { call: t.engine.call, onEvent: () => () => {} }, staticDir: web, maxBodyBytes: 1_000_000 });
    const post = (body: string) =>
      fetch(`${bridge.url}/__api/call`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-exportdesk-token': bridge.token },
        body,
      });
    try {
      const bodies = [
        '',
        '{',
        'null',
        '[]',
        '"app.info"',
        '{"channel": {"__proto__": 1}}',
        '{"__proto__": {"polluted": true}, "channel": "customers.create", "input": {"__proto__": {"company": "Injected"}}}',
        `{"channel": "customers.list", "input": ${'['.repeat(20_000)}${']'.repeat(20_000)}}`,
        `{"channel": "customers.list", "input": ${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}`,
        JSON.stringify({ channel: 'customers.create', input: { company: 'x'.repeat(2_000_000) } }),
        JSON.stringify({ channel: 'customers.dropAll', input: {} }),
        JSON.stringify({ channel: 'customers.list', input: {}, options: { jobId: { toString: 1 } } }),
      ];
      for (const body of bodies) {
        tried++;
        let res: Response;
        try {
          res = await post(body);
        } catch (err) {
          // Over the body limit the bridge answers 500 and drops the connection while the body still streams in.
          expect(body.length, String(err)).toBeGreaterThan(1_000_000);
          continue;
        }
        if (res.status === 200) {
          const r = (await res.json()) as { ok: boolean; error?: { code: string } };
          expect(r.ok, body.slice(0, 80)).toBe(false);
          expect(isErrorCode(r.error?.code), body.slice(0, 80)).toBe(true);
        } else {
          expect(res.status, body.slice(0, 80)).toBe(413);
          expect(((await res.json()) as { error: { code: string } }).error.code).toBe('INVALID_INPUT');
        }
      }
      const info = (await (await post(JSON.stringify({ channel: 'app.info', input: {} }))).json()) as { ok: boolean };
      expect(info.ok).toBe(true);
    } finally {
      await bridge.close();
      tmp.cleanup();
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(dump()).toBe(before);
  });
});
