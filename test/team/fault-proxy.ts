/**
 * A fault proxy of our own on loopback (issue #19 item 6): a TCP relay in front of the team
 * server whose behaviour is switched at run time.
 *
 *   pass    bytes flow both ways.
 *   drop    a black hole: connections are accepted, nothing they send is forwarded and nothing
 *           comes back (a request in flight never gets its answer). Leaving this mode resets every
 *           connection that lived through it (their streams lost bytes and cannot go on).
 *   delay   every chunk, both ways, is forwarded `ms` later (order kept).
 *   reset   open connections are destroyed now; new ones are destroyed once `afterBytes` bytes
 *           came from the client (0: at once), i.e. in the middle of the TLS handshake or request.
 *
 * The target's port is read at each new connection, so a restarted server behind it is reached.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export type FaultMode = { kind: 'pass' } | { kind: 'drop' } | { kind: 'delay'; ms: number } | { kind: 'reset'; afterBytes?: number };

export interface FaultProxy {
  /** https://127.0.0.1:<port> */
  url: string;
  mode(): FaultMode;
  set(mode: FaultMode): void;
  /** Connections accepted, and those this proxy destroyed. */
  stats: { connections: number; resets: number; dropped: number };
  close(): Promise<void>;
}

interface Conn {
  client: Socket;
  upstream: Socket;
  /** Lived through a drop (bytes were lost). */
  tainted: boolean;
  fromClient: number;
  /** When the last delayed chunk of each direction goes out (keeps order). */
  due: { up: number; down: number };
}

export async function faultProxy(targetPort: () => number, initial: FaultMode = { kind: 'pass' }): Promise<FaultProxy> {
  let mode: FaultMode = initial;
  const conns = new Set<Conn>();
  const stats = { connections: 0, resets: 0, dropped: 0 };

  const destroy = (c: Conn) => {
    if (!conns.delete(c)) return;
    c.client.destroy();
    c.upstream.destroy();
  };
  const reset = (c: Conn) => {
    if (conns.has(c)) stats.resets += 1;
    // resetAndDestroy sends an RST (ECONNRESET on the other side) where the platform has it.
    const s = c.client as Socket & { resetAndDestroy?: () => void };
    if (typeof s.resetAndDestroy === 'function' && !s.destroyed) s.resetAndDestroy();
    destroy(c);
  };

  const forward = (c: Conn, dir: 'up' | 'down', chunk: Buffer) => {
    const to = dir === 'up' ? c.upstream : c.client;
    if (dir === 'up') c.fromClient += chunk.length;
    switch (mode.kind) {
      case 'pass':
        if (c.due[dir] > Date.now()) {
          // Delayed chunks still on their way: keep the order.
          setTimeout(() => conns.has(c) && to.write(chunk), c.due[dir] - Date.now());
        } else to.write(chunk);
        return;
      case 'drop':
        c.tainted = true;
        stats.dropped += chunk.length;
        return;
      case 'delay': {
        const at = Math.max(Date.now() + mode.ms, c.due[dir]);
        c.due[dir] = at;
        setTimeout(() => conns.has(c) && to.write(chunk), at - Date.now());
        return;
      }
      case 'reset':
        if (dir === 'down' || c.fromClient >= (mode.afterBytes ?? 0)) {
          reset(c);
          return;
        }
        to.write(chunk);
        return;
    }
  };

  const server: Server = createServer((client) => {
    stats.connections += 1;
    if (mode.kind === 'reset' && (mode.afterBytes ?? 0) === 0) {
      stats.resets += 1;
      client.on('error', () => undefined);
      const s = client as Socket & { resetAndDestroy?: () => void };
      if (typeof s.resetAndDestroy === 'function') s.resetAndDestroy();
      else client.destroy();
      return;
    }
    const upstream = connect(targetPort(), '127.0.0.1');
    const c: Conn = { client, upstream, tainted: mode.kind === 'drop', fromClient: 0, due: { up: 0, down: 0 } };
    conns.add(c);
    client.on('data', (chunk: Buffer) => forward(c, 'up', chunk));
    upstream.on('data', (chunk: Buffer) => forward(c, 'down', chunk));
    client.on('error', () => destroy(c)).on('close', () => destroy(c));
    upstream.on('error', () => destroy(c)).on('close', () => destroy(c));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `https://127.0.0.1:${port}`,
    stats,
    mode: () => mode,
    set(next) {
      const prev = mode;
      mode = next;
      if (next.kind === 'reset') for (const c of [...conns]) reset(c);
      else if (prev.kind === 'drop' && next.kind !== 'drop') for (const c of [...conns]) if (c.tainted) reset(c);
    },
    async close() {
      for (const c of [...conns]) destroy(c);
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
