import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../src/bridge/server';
import { createEngine, type Engine } from '../../src/main/engine/engine';
import type { EngineEvent } from '../../src/shared/ipc/contract';
import { tempDir } from '../support/temp-db';

let bridge: Bridge;
let engine: Engine;
const tmp = tempDir();
const listeners = new Set<(e: EngineEvent) => void>();

beforeAll(async () => {
  const web = join(tmp.dir, 'web');
  mkdirSync(web);
  writeFileSync(join(web, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  writeFileSync(join(tmp.dir, 'secret.txt'), 'outside the web root');
  engine = await createEngine({
    dbPath: join(tmp.dir, 'b.db'),
    mode: 'in-process',
    appVersion: 't',
    emit: (e) => listeners.forEach((l) => l(e)),
  });
  bridge = await startBridge({
    engine: { call: engine.call, onEvent: (l) => (listeners.add(l), () => listeners.delete(l)) },
    staticDir: web,
    checkOutput: true,
  });
});
afterAll(async () => {
  await bridge.close();
  await engine.close();
  tmp.cleanup();
});

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${bridge.url}/__api/call`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-exportdesk-token': bridge.token, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('browser bridge', () => {
  it('listens on loopback only and serves the app with the bridge script first', async () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(bridge.url);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await res.text()).toContain('<head>\n    <script src="/__bridge.js"></script>');
  });

  it('serves the token script only to its own pages', async () => {
    expect((await fetch(`${bridge.url}/__bridge.js`, { headers: { 'sec-fetch-site': 'same-origin' } })).status).toBe(200);
    expect((await fetch(`${bridge.url}/__bridge.js`, { headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
  });

  it('answers a valid call through the contract', async () => {
    const res = await post({ channel: 'customers.create', input: { company: 'Bridge Co', country: 'US' } });
    expect(await res.json()).toMatchObject({ ok: true, value: { company: 'Bridge Co', country: 'US' } });
  });

  it('refuses calls without the token, from another origin, or not as JSON', async () => {
    expect((await post({ channel: 'app.info' }, { 'x-exportdesk-token': 'wrong' })).status).toBe(403);
    expect((await post({ channel: 'app.info' }, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await post('channel=app.info', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await fetch(`${bridge.url}/__api/call`)).status).toBe(405);
  });

  it('returns coded errors for malformed bodies, unknown channels and bad input', async () => {
    expect(await (await post('{not json')).json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await (await post({ channel: 'nope' })).json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await (await post({ channel: 'customers.get', input: { id: 'x' } })).json()).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('never serves files outside its folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const res = await fetch(`${bridge.url}${path}`);
      expect([403, 404]).toContain(res.status);
      expect(await res.text()).not.toContain('outside the web root');
    }
  });

  it('streams engine events to a holder of the token only', async () => {
    expect((await fetch(`${bridge.url}/__api/events?token=bad`)).status).toBe(403);
    const controller = new AbortController();
    const res = await fetch(`${bridge.url}/__api/events?token=${bridge.token}`, { signal: controller.signal });
    const reader = res.body!.getReader();
    await reader.read(); // ": connected"
    await post({ channel: 'customers.create', input: { company: 'Evented Ltd' } });
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toContain('"type":"data.changed"');
    controller.abort();
  });
});
