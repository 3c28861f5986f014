import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planAppFiles, productionClosure } from '../../scripts/package-plan.mjs';

const root = join(import.meta.dirname, '..', '..');
const ALLOWED = /^(out\/(main|preload|renderer)\/|package\.json$)/;
const FORBIDDEN = /^(node_modules|out\/web|\.native|src|test)(\/|$)/;

function write(dir: string, file: string, text = 'x') {
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), text);
}

describe('what electron-builder puts in the app (scripts/package-plan.mjs)', () => {
  it('is the three bundles and package.json, nothing else', async () => {
    // `npm test` builds out/ (electron-vite build) before vitest runs.
    expect(existsSync(join(root, 'out/main/index.js')), 'out/ is missing: run `npx electron-vite build`').toBe(true);
    const plan = await planAppFiles({ projectDir: root });
    const paths = plan.files.map((f) => f.path);
    expect(paths.filter((p) => !ALLOWED.test(p))).toEqual([]);
    expect(paths.filter((p) => FORBIDDEN.test(p))).toEqual([]);
    for (const entry of [
      'out/main/index.js',
      'out/main/engine-worker.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
      'package.json',
    ]) {
      expect(paths).toContain(entry);
    }
    const mb = (plan.totalBytes / 1e6).toFixed(2);
    console.info(`[package-plan] ${plan.files.length} files, ${plan.totalBytes} bytes (${mb} MB) in the app`);
    expect(plan.totalBytes).toBe(plan.files.reduce((sum, f) => sum + f.size, 0));
  });

  it("applies electron-builder.yml's patterns: out/web, sources, tests, .native and node_modules stay out; production dependencies would go in", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'exportdesk-plan-'));
    try {
      cpSync(join(root, 'electron-builder.yml'), join(dir, 'electron-builder.yml'));
      for (const file of ['out/main/index.js', 'out/main/chunks/a.js', 'out/preload/index.cjs', 'out/renderer/index.html'])
        write(dir, file);
      for (const file of ['out/web/index.html', 'out/web/assets/a.js', 'out/stray.txt', 'src/main/index.ts', 'test/unit/a.test.ts'])
        write(dir, file);
      write(dir, '.native/electron-45.6.1-linux-x64/better_sqlite3.node');
      write(dir, 'node_modules/dev-only/package.json', '{"name":"dev-only","version":"1.0.0"}');
      write(dir, 'node_modules/dev-only/index.js');
      write(dir, 'package.json', JSON.stringify({ name: 'x', version: '1.0.0', main: './out/main/index.js', dependencies: {} }));
      const app = ['out/main/chunks/a.js', 'out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'package.json'];
      expect((await planAppFiles({ projectDir: dir })).files.map((f) => f.path)).toEqual(app);

      // The same plan with a production dependency (as package.json had before everything was
      // bundled): electron-builder would copy it, its own dependencies, minus its README.
      write(dir, 'node_modules/runtime/package.json', '{"name":"runtime","version":"1.0.0","dependencies":{"helper":"1"}}');
      write(dir, 'node_modules/runtime/index.js');
      write(dir, 'node_modules/runtime/README.md');
      write(dir, 'node_modules/helper/package.json', '{"name":"helper","version":"1.0.0"}');
      write(dir, 'node_modules/helper/index.js');
      expect(productionClosure(dir, ['runtime']).map((d) => d.name)).toEqual(['runtime', 'helper']);
      expect((await planAppFiles({ projectDir: dir, dependencies: ['runtime'] })).files.map((f) => f.path)).toEqual(
        [
          ...app,
          'node_modules/helper/index.js',
          'node_modules/helper/package.json',
          'node_modules/runtime/index.js',
          'node_modules/runtime/package.json',
        ].sort(),
      );
      expect(() => productionClosure(dir, ['absent'])).toThrow(/absent .* is not installed/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
