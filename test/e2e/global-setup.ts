import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Generates the 100,000-customer database the large-grid spec opens (seeded: same data each run). */
export const LARGE_DB = resolve(import.meta.dirname, '..', '..', '.e2e-cache', 'customers-100k.db');
export const LARGE_COUNT = 100_000;

export default function globalSetup(): void {
  if (existsSync(LARGE_DB) && process.env.E2E_REUSE_LARGE_DB === '1') return;
  rmSync(join(LARGE_DB, '..'), { recursive: true, force: true });
  mkdirSync(join(LARGE_DB, '..'), { recursive: true });
  const root = resolve(import.meta.dirname, '..', '..');
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/generate-customers.ts', '--db', LARGE_DB, '--count', String(LARGE_COUNT), '--seed', '42'],
    { cwd: root, stdio: ['ignore', 'inherit', 'ignore'] },
  );
  if (r.status !== 0) throw new Error('could not generate the large e2e database');
}
