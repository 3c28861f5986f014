import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { CHANNELS, type EngineEvent } from '../shared/ipc/contract';
import { dispatch, type EngineCall } from '../shared/ipc/dispatch';

/**
 * The browser harness: serves the built renderer and backs `window.api` with the same engine
 * over HTTP on 127.0.0.1, guarded by a random token. Development and e2e only; the packaged app
 * never contains it (electron-vite does not bundle src/bridge).
 */
export interface BridgeOptions {
  engine: { call: EngineCall; onEvent(listener: (e: EngineEvent) => void): () => void };
  staticDir: string;
  port?: number;
  /** Validate engine output against the contract too (tests). */
  checkOutput?: boolean;
  maxBodyBytes?: number;
}

export interface Bridge {
  url: string;
  token: string;
  close(): Promise<void>;
}

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** The page-side half of the bridge: the same window.api shape preload builds in Electron. */
function bridgeScript(token: string): string {
  return `(() => {
  const token = ${JSON.stringify(token)};
  const channels = ${JSON.stringify(CHANNELS)};
  const api = {};
  for (const channel of channels) {
    api[channel] = async (input, options) => {
      try {
        const res = await fetch('/__api/call', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-exportdesk-token': token },
          body: JSON.stringify({ channel, input: input === undefined ? {} : input, options: options || {} }),
        });
        return await res.json();
      } catch (err) {
        return { ok: false, error: { code: 'ENGINE_UNAVAILABLE', message: String(err) } };
      }
    };
  }
  const listeners = new Set();
  let source = null;
  api.onEvent = (listener) => {
    listeners.add(listener);
    if (!source) {
      source = new EventSource('/__api/events?token=' + encodeURIComponent(token));
      source.onmessage = (m) => { const e = JSON.parse(m.data); for (const l of listeners) l(e); };
    }
    return () => { listeners.delete(listener); };
  };
  Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false, configurable: false });
})();
`;
}

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, {
    'content-type': type,
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
  });
  res.end(body);
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage, max: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) throw new BodyTooLarge('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = randomBytes(24).toString('hex');
  const root = resolve(options.staticDir);
  const maxBody = options.maxBodyBytes ?? 64 * 1024 * 1024;
  const streams = new Set<ServerResponse>();
  const unsubscribe = options.engine.onEvent((event) => {
    const line = `data: ${JSON.stringify(event)}\n\n`;
    for (const s of streams) s.write(line);
  });
  let origin = '';

  const server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, String(err instanceof Error ? err.message : err));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === '/__api/call') {
      if (req.method !== 'POST') return send(res, 405, 'method not allowed');
      const header = req.headers['x-exportdesk-token'];
      if (typeof header !== 'string' || !sameToken(header, token)) return send(res, 403, 'forbidden');
      if (req.headers.origin && req.headers.origin !== origin) return send(res, 403, 'forbidden origin');
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'json only');
      let body: { channel?: unknown; input?: unknown; options?: unknown };
      let raw: string;
      try {
        raw = await readBody(req, maxBody);
      } catch (err) {
        if (!(err instanceof BodyTooLarge)) throw err;
        // The rest of the body is never read: the connection must not be reused for another call.
        res.setHeader('connection', 'close');
        return send(
          res,
          413,
          JSON.stringify({ ok: false, error: { code: 'INVALID_INPUT', message: 'request body is too large' } }),
          'application/json',
        );
      }
      try {
        body = JSON.parse(raw) as typeof body;
      } catch {
        return send(
          res,
          200,
          JSON.stringify({ ok: false, error: { code: 'INVALID_INPUT', message: 'request body is not valid JSON' } }),
          'application/json',
        );
      }
      if (!body || typeof body !== 'object') {
        return send(
          res,
          200,
          JSON.stringify({ ok: false, error: { code: 'INVALID_INPUT', message: 'request body must be an object' } }),
          'application/json',
        );
      }
      const opts = body.options && typeof body.options === 'object' ? (body.options as { jobId?: string }) : {};
      const result = await dispatch(
        options.engine.call,
        body.channel,
        body.input,
        opts.jobId === undefined ? {} : { jobId: opts.jobId },
        options.checkOutput ?? false,
      );
      return send(res, 200, JSON.stringify(result), 'application/json');
    }
    if (url.pathname === '/__api/events') {
      const t = url.searchParams.get('token') ?? '';
      if (!sameToken(t, token)) return send(res, 403, 'forbidden');
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (url.pathname === '/__bridge.js') {
      // Only the app's own pages may load the script that carries the token.
      const site = req.headers['sec-fetch-site'];
      if (site !== undefined && site !== 'same-origin' && site !== 'none') return send(res, 403, 'forbidden');
      return send(res, 200, bridgeScript(token), TYPES['.js']);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
    let path = decodeURIComponent(url.pathname);
    if (path === '/' || path === '') path = '/index.html';
    const file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) return send(res, 403, 'forbidden');
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return send(res, 404, 'not found');
    let content = await readFile(file);
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    if (file.endsWith('index.html')) {
      // The bridge script must define window.api before the app's module script runs.
      content = Buffer.from(content.toString('utf8').replace('<head>', '<head>\n    <script src="/__bridge.js"></script>'));
    }
    return send(res, 200, content, type);
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: origin,
    token,
    close: () =>
      new Promise<void>((resolveClose) => {
        unsubscribe();
        for (const s of streams) s.end();
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}
