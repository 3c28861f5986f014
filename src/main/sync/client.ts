/**
 * The laptop's HTTPS client of the team server (issue #19, item 5), with the server's certificate
 * PINNED by its SHA-256 fingerprint: no certificate authority is consulted (the server's
 * certificate is usually self-signed); a connection whose peer certificate has another fingerprint
 * is closed before anything is written to it (FINGERPRINT_MISMATCH), so no password or token ever
 * reaches a server that is not the one the user confirmed.
 *
 * How: an https.Agent whose createConnection makes the TLS connection itself, waits for the
 * handshake, compares the peer certificate's fingerprint256 with the pinned one and only then
 * hands the socket to the request (Node's checkServerIdentity is not called for a self-signed
 * certificate, whose verification already failed, so it cannot do this alone). Connections are
 * kept alive between requests; a kept socket was checked when it was made.
 *
 * Requests and answers are checked against the server's contract (src/shared/team/contract.ts).
 */
import { Agent, request } from 'node:https';
import { connect as tcpConnect } from 'node:net';
import { connect, type ConnectionOptions, type TLSSocket } from 'node:tls';
import type { Duplex } from 'node:stream';
import type { z } from 'zod';
import type { TeamProblem } from '../../shared/domain/team';
import { teamApi, type TeamEndpoint, type TeamInput, type TeamOutput } from '../../shared/team/contract';

export type TeamProblemCode = TeamProblem['code'];

/** A request that did not give an answer: why, as the status shows it. */
export class TeamClientError extends Error {
  constructor(
    readonly code: TeamProblemCode,
    message: string,
    /** The server's own error code, when it answered with one. */
    readonly serverCode?: string,
  ) {
    super(message);
    this.name = 'TeamClientError';
  }
}

/** `AB:CD:…` or `abcd…` → 64 lower-case hex digits. */
export const normaliseFingerprint = (fp: string): string => fp.replace(/:/g, '').trim().toLowerCase();

function hostAndPort(server: string): { host: string; port: number } {
  const url = new URL(server);
  return { host: url.hostname.replace(/^\[|\]$/g, ''), port: url.port ? Number(url.port) : 443 };
}

export interface ProbeResult {
  fingerprint: string;
  subject: string;
  validTo: string;
}

/** Connects, reads the server's certificate and hangs up: nothing is sent. */
export function probeServer(server: string, timeoutMs = 10_000): Promise<ProbeResult> {
  const { host, port } = hostAndPort(server);
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port, rejectUnauthorized: false, ...(isIp(host) ? {} : { servername: host }) });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new TeamClientError('UNREACHABLE', `no answer from ${server} within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      const cert = socket.getPeerCertificate();
      socket.end();
      if (!cert?.fingerprint256) {
        reject(new TeamClientError('PROTOCOL', 'the server showed no certificate'));
        return;
      }
      const subject = Object.entries(cert.subject ?? {})
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(', ');
      resolve({ fingerprint: normaliseFingerprint(cert.fingerprint256), subject, validTo: new Date(cert.valid_to).toISOString() });
    });
    socket.once('error', (err) => {
      clearTimeout(timer);
      reject(new TeamClientError('UNREACHABLE', `could not connect to ${server}: ${err.message}`));
    });
  });
}

const isIp = (host: string) => /^[\d.]+$/.test(host) || host.includes(':');

/**
 * Connections to one server whose certificate must have `fingerprint`. With `handshakeMs`, a
 * connection whose TLS handshake has not ended by then fails (a server that takes the connection and
 * says nothing); without it, it waits for as long as the network does.
 */
class PinnedAgent extends Agent {
  constructor(
    private readonly fingerprint: string,
    private readonly handshakeMs?: number,
  ) {
    super({ keepAlive: true, maxSockets: 4, rejectUnauthorized: false });
  }

  override createConnection(options: ConnectionOptions, callback?: (err: Error | null, socket: Duplex) => void): Duplex {
    const host = options.host ?? 'localhost';
    const socket: TLSSocket = connect({ ...options, rejectUnauthorized: false, ...(isIp(host) ? { servername: undefined } : {}) });
    let settled = false;
    const done = (err: Error | null) => {
      if (settled) return;
      settled = true;
      callback?.(err, socket);
    };
    if (this.handshakeMs) {
      const ms = this.handshakeMs;
      socket.setTimeout(ms, () => socket.destroy(new TeamClientError('UNREACHABLE', `no TLS handshake within ${ms} ms`)));
    }
    socket.once('secureConnect', () => {
      if (this.handshakeMs) socket.setTimeout(0);
      const seen = normaliseFingerprint(socket.getPeerCertificate()?.fingerprint256 ?? '');
      if (seen !== this.fingerprint) {
        socket.destroy();
        done(
          new TeamClientError(
            'FINGERPRINT_MISMATCH',
            `the server's certificate has the fingerprint ${seen || '(none)'}, not the pinned one`,
          ),
        );
        return;
      }
      done(null);
    });
    socket.once('error', (err) => done(err));
    // The socket is handed over through the callback once checked (the agent waits for it).
    return undefined as unknown as Duplex;
  }
}

function problemOf(status: number, code: string | undefined): TeamProblemCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 500) return 'SERVER_ERROR';
  return code === 'UNAUTHENTICATED' ? 'UNAUTHENTICATED' : 'PROTOCOL';
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Give up after this long without an answer (a long-poll passes its wait plus a margin). */
  timeoutMs?: number;
}

/** A client of one team server, pinned to one certificate. */
export class TeamClient {
  private readonly agent: PinnedAgent;
  readonly server: string;
  readonly fingerprint: string;

  /** `handshakeMs`: a connection must be established (TLS included) within this long (a short check's client). */
  constructor(
    server: string,
    fingerprint: string,
    private token = '',
    handshakeMs?: number,
  ) {
    this.server = server.replace(/\/+$/, '');
    this.fingerprint = normaliseFingerprint(fingerprint);
    this.agent = new PinnedAgent(this.fingerprint, handshakeMs);
  }

  setToken(token: string): void {
    this.token = token;
  }

  /**
   * Whether the server's port takes a TCP connection now (no TLS, nothing sent): the cheap question
   * the sync loop asks while it waits out a backoff after the server could not be reached.
   */
  reachable(timeoutMs = 1500): Promise<boolean> {
    const url = new URL(this.server);
    return new Promise((done) => {
      const socket = tcpConnect({ host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port || 443) });
      const end = (ok: boolean) => {
        socket.destroy();
        done(ok);
      };
      socket.setTimeout(timeoutMs, () => end(false));
      socket.once('connect', () => end(true));
      socket.once('error', () => end(false));
    });
  }

  /** Closes the kept connections (leave, engine close: nothing dangles). */
  close(): void {
    this.agent.destroy();
  }

  async call<E extends TeamEndpoint>(endpoint: E, input: TeamInput<E>, options: CallOptions = {}): Promise<TeamOutput<E>> {
    const def = teamApi[endpoint];
    let path = def.path;
    const rest: Record<string, unknown> = { ...(input as Record<string, unknown>) };
    path = path.replace(/:(\w+)/g, (_m, name: string) => {
      const v = encodeURIComponent(String(rest[name]));
      delete rest[name];
      return v;
    });
    let payload: string | undefined;
    if (def.method === 'GET') {
      const q = new URLSearchParams();
      for (const [k, v] of Object.entries(rest)) if (v !== undefined) q.set(k, String(v));
      if ([...q.keys()].length > 0) path += `?${q.toString()}`;
    } else if (Object.keys(rest).length > 0 || def.method === 'POST') {
      payload = JSON.stringify(rest);
    }
    const body = await this.send(def.method, path, payload, options);
    if (!body || typeof body !== 'object' || !('ok' in body)) throw new TeamClientError('PROTOCOL', `${path}: not a team server's answer`);
    const parsed = (def.output as z.ZodType).safeParse((body as { value?: unknown }).value);
    if (!parsed.success) throw new TeamClientError('PROTOCOL', `${def.path}: an answer this version does not understand`);
    return parsed.data as TeamOutput<E>;
  }

  /**
   * One request. A kept connection the server closed as idle just as this request went out fails with
   * ECONNRESET/EPIPE before the server read anything (the race Node's docs describe for keep-alive
   * agents): that request is sent again once, on a new connection. Every team endpoint is safe to send
   * twice in that case (nothing reached the server; a push is idempotent by op id anyway).
   */
  private send(method: string, path: string, payload: string | undefined, options: CallOptions, retried = false): Promise<unknown> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(payload));
    }
    const signal = options.signal;
    if (signal?.aborted) return Promise.reject(new TeamClientError('UNREACHABLE', 'stopped'));
    let onAbort = () => {};
    const sent = new Promise((resolve, reject) => {
      const req = request(new URL(path, `${this.server}/`), { method, headers, agent: this.agent, signal: options.signal }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (err) => reject(new TeamClientError('UNREACHABLE', err.message)));
        res.on('end', () => {
          let body: unknown;
          try {
            body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            reject(new TeamClientError(problemOf(res.statusCode ?? 0, undefined), `${path}: HTTP ${res.statusCode} without a JSON body`));
            return;
          }
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300 && (body as { ok?: unknown }).ok === true) {
            resolve(body);
            return;
          }
          const error = (body as { error?: { code?: string; message?: string } }).error;
          reject(new TeamClientError(problemOf(status, error?.code), error?.message ?? `HTTP ${status}`, error?.code));
        });
      });
      // Aborted while the agent still waits for a connection, a request would emit nothing: it ends here.
      onAbort = () => reject(new TeamClientError('UNREACHABLE', 'stopped'));
      signal?.addEventListener('abort', onAbort, { once: true });
      if (options.timeoutMs) {
        req.setTimeout(options.timeoutMs, () =>
          req.destroy(new TeamClientError('UNREACHABLE', `no answer within ${options.timeoutMs} ms`)),
        );
      }
      req.on('error', (err: NodeJS.ErrnoException) => {
        if (!retried && req.reusedSocket && (err.code === 'ECONNRESET' || err.code === 'EPIPE')) {
          // Settled through then(): when a stop already rejected this request, the retry's own
          // rejection ('stopped') is handled here, not left unhandled (which ends the process).
          this.send(method, path, payload, options, true).then(resolve, reject);
          return;
        }
        if (err instanceof TeamClientError) reject(err);
        else if (err.name === 'AbortError') reject(new TeamClientError('UNREACHABLE', 'stopped'));
        else reject(new TeamClientError('UNREACHABLE', `${this.server}: ${err.message}`));
      });
      req.end(payload);
    });
    return signal ? sent.finally(() => signal.removeEventListener('abort', onAbort)) : sent;
  }
}
