import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The 100,000-customer database the large-grid spec opens (seeded: same data each run). */
export const LARGE_DB = resolve(import.meta.dirname, '..', '..', '.e2e-cache', 'customers-100k.db');
export const LARGE_COUNT = 100_000;
const PART = `${LARGE_DB}.part`;
const FAILED = `${LARGE_DB}.failed`;

/**
 * Starts generating the large database in the background (about 25 s of one core) and returns at
 * once, so the first specs run meanwhile; the large-grid spec waits for it (largeDbReady). The file
 * is written under another name and renamed when complete; a failure leaves its output in FAILED.
 */
export default function globalSetup(): (() => void) | undefined {
  if (existsSync(LARGE_DB) && process.env.E2E_REUSE_LARGE_DB === '1') return undefined;
  rmSync(join(LARGE_DB, '..'), { recursive: true, force: true });
  mkdirSync(join(LARGE_DB, '..'), { recursive: true });
  const root = resolve(import.meta.dirname, '..', '..');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/generate-customers.ts', '--db', PART, '--count', String(LARGE_COUNT), '--seed', '42'],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  child.on('exit', (code) => {
    if (code === 0 && existsSync(PART)) renameSync(PART, LARGE_DB);
    else writeFileSync(FAILED, `could not generate the large e2e database (exit ${String(code)}):\n${output}`);
  });
  return () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
}

/** Waits for the large database the global setup is making (or fails with its output). */
export async function largeDbReady(timeoutMs = 180_000): Promise<string> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (existsSync(LARGE_DB)) return LARGE_DB;
    if (existsSync(FAILED)) throw new Error(readFileSync(FAILED, 'utf8'));
    if (Date.now() > end) throw new Error('the large e2e database was not ready in time');
    await new Promise((r) => setTimeout(r, 250));
  }
}
