import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-db';

const ROOT = resolve(import.meta.dirname, '..', '..');

describe('npm run bench (smoke, tiny scale)', () => {
  it('runs end to end and writes JSON with every figure measured (no timing assertions)', () => {
    const tmp = tempDir();
    try {
      const out = join(tmp.dir, 'bench.json');
      const r = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'scripts/bench.ts', '--scale', 'tiny', '--runs', '3', '--fresh', '--json', out],
        {
          cwd: ROOT,
          encoding: 'utf8',
        },
      );
      expect(r.stderr).not.toMatch(/Error/);
      expect(r.status).toBe(0);
      const result = JSON.parse(readFileSync(out, 'utf8')) as {
        customers: number;
        figures: { name: string; median: number; p95: number }[];
        memory: { peakRssMB: number };
      };
      expect(result.customers).toBe(2000);
      const names = result.figures.map((f) => f.name);
      expect(names).toEqual(
        expect.arrayContaining([
          'grid: first page (+ total)',
          'grid: filtered + sorted page',
          'grid: deep page (keyset)',
          'search as you type (3 chars)',
          'sync: commit on laptop A → visible on laptop B',
          'sync: pull+apply throughput (changed rows)',
        ]),
      );
      for (const f of result.figures) {
        expect(Number.isFinite(f.median)).toBe(true);
        expect(f.p95).toBeGreaterThanOrEqual(f.median);
      }
      expect(result.memory.peakRssMB).toBeGreaterThan(0);
    } finally {
      tmp.cleanup();
    }
    // The sync part (embedded PostgreSQL, the server process, laptops) runs too: about 30 s more.
  }, 240_000);
});
