import { ClientRequest } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEAM_API_VERSION } from '../../src/shared/team/contract';
import { loadTls } from '../../src/server/tls';
import { TeamClient } from '../../src/main/sync/client';

/**
 * A kept connection the server drops just as the next request goes out (its idle timeout racing the
 * client): the laptop sends that request again on a new connection instead of failing the sync.
 * The server here answers the first request on a connection with keep-alive and destroys the
 * connection when a second request arrives on it, deterministically.
 */
describe('team client over kept connections', () => {
  let server: Server;
  let url = '';
  let fingerprint = '';
  let dir = '';
  const served: number[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'exportdesk-keepalive-'));
    const tls = await loadTls({ dataDir: dir });
    fingerprint = tls.fingerprint;
    const requestsOn = new WeakMap<Socket, number>();
    let connections = 0;
    const ids = new WeakMap<Socket, number>();
    server = createServer({ cert: tls.cert, key: tls.key, keepAliveTimeout: 60_000 }, (req, res) => {
      const socket = req.socket;
      const n = (requestsOn.get(socket) ?? 0) + 1;
      requestsOn.set(socket, n);
      if (n > 1) {
        socket.destroy();
        return;
      }
      if (!ids.has(socket)) ids.set(socket, ++connections);
      served.push(ids.get(socket) ?? 0);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, value: { api: TEAM_API_VERSION, serverTime: new Date().toISOString() } }));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends a request again on a new connection when the kept one is dropped under it', async () => {
    const client = new TeamClient(url, fingerprint);
    try {
      await client.call('health', {});
      // The second request goes out on the kept connection, which the server drops: answered on a new one.
      const second = await client.call('health', {});
      expect(second.api).toBe(TEAM_API_VERSION);
      expect(served).toEqual([1, 2]);
    } finally {
      client.close();
    }
  });

  it('leaves no unhandled rejection when a stop lands as a kept connection is dropped', async () => {
    // The bench's laptop process ended with "TeamClientError: stopped" unhandled: the stop rejected
    // the request, then the dropped connection's retry was rejected too, with no one listening.
    // The stop is made to land exactly there: when the request reports the dropped connection,
    // before its own handler runs.
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const stop = new AbortController();
    const emit = ClientRequest.prototype.emit;
    ClientRequest.prototype.emit = function (this: ClientRequest, event: string | symbol, ...args: unknown[]) {
      if (event === 'error' && (args[0] as NodeJS.ErrnoException).code === 'ECONNRESET') stop.abort();
      return emit.call(this, event, ...args);
    } as typeof emit;
    const client = new TeamClient(url, fingerprint);
    try {
      await client.call('health', {});
      const second = await client.call('health', {}, { signal: stop.signal }).then(
        () => 'answered',
        (err: Error) => err.message,
      );
      expect(second).toBe('stopped');
      await new Promise((done) => setTimeout(done, 50));
      expect(unhandled).toEqual([]);
    } finally {
      ClientRequest.prototype.emit = emit;
      process.off('unhandledRejection', onUnhandled);
      client.close();
    }
  });
});
