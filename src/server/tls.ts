import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export interface TlsMaterial {
  cert: string;
  key: string;
  /** SHA-256 of the certificate (DER), as AA:BB:…, what a laptop pins. */
  fingerprint: string;
  certPath: string;
  /** Where it came from: given files, kept from an earlier start, or made now. */
  origin: 'files' | 'kept' | 'generated';
}

/** The SHA-256 fingerprint of a PEM certificate, as Node's TLS shows a peer's (fingerprint256). */
export const fingerprintOf = (certPem: string): string => new X509Certificate(certPem).fingerprint256;

const VALID_YEARS = 20;

/**
 * The server's certificate: the given --cert/--key files, or a self-signed one (EC P-256, SHA-256)
 * made at the first start and kept in the data folder's tls/, so its fingerprint stays the same
 * across restarts and laptops that pinned it keep trusting it. It is valid for 20 years: the pin,
 * not the expiry date, is what a laptop checks, and an expired pinned certificate would only stop
 * every laptop one day. Delete tls/ to make a new one (then every laptop must pin again).
 */
export async function loadTls(options: { dataDir: string; certFile?: string; keyFile?: string }): Promise<TlsMaterial> {
  if (options.certFile || options.keyFile) {
    if (!options.certFile || !options.keyFile) throw new Error('--cert and --key go together');
    const cert = readFileSync(options.certFile, 'utf8');
    const key = readFileSync(options.keyFile, 'utf8');
    return { cert, key, fingerprint: fingerprintOf(cert), certPath: options.certFile, origin: 'files' };
  }
  const dir = join(options.dataDir, 'tls');
  const certPath = join(dir, 'cert.pem');
  const keyPath = join(dir, 'key.pem');
  if (existsSync(certPath) && existsSync(keyPath)) {
    const cert = readFileSync(certPath, 'utf8');
    return { cert, key: readFileSync(keyPath, 'utf8'), fingerprint: fingerprintOf(cert), certPath, origin: 'kept' };
  }
  const host = hostname();
  const now = new Date();
  const notAfter = new Date(now);
  notAfter.setUTCFullYear(now.getUTCFullYear() + VALID_YEARS);
  const pems = await generate([{ name: 'commonName', value: `ExportDesk team server (${host})` }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 60 * 60 * 1000), // an hour early: laptops' clocks drift
    notAfterDate: notAfter,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: host },
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(keyPath, pems.private, { mode: 0o600 });
  writeFileSync(certPath, pems.cert, { mode: 0o644 });
  return { cert: pems.cert, key: pems.private, fingerprint: fingerprintOf(pems.cert), certPath, origin: 'generated' };
}
