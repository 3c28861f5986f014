/**
 * The renderer's figures, measured as a user sees them: the whole app in Chromium through the
 * browser harness (the same renderer and worker engine as the desktop app) on a bench database.
 * - navigation → the grid's first rows on screen (ms; engine already started, cold page);
 * - frame times while scrolling the grid for 5 s (p50/p95 ms, from requestAnimationFrame);
 * - rows in the DOM at the top, while scrolling and at the end.
 * Used by scripts/bench.ts; also runnable alone: tsx scripts/bench-renderer.ts <db>.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, requireChromium } from './browser.mjs';

const ROOT = resolve(import.meta.dirname, '..');

export interface RendererFigures {
  firstRowsMs: number[];
  frameMs: { p50: number; p95: number; frames: number; longFrames: number };
  domRows: { top: number; scrolling: number; end: number; max: number };
  chromium: string;
}

async function startHarness(dbPath: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/web.ts', '--no-build', '--db', dbPath], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`harness did not start: ${out}`)), 120_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        ok(m[1]);
      }
    });
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => fail(new Error(`harness exited with ${code}: ${out}`)));
  });
  return { url, child };
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;

export async function benchRenderer(dbPath: string, options: { loads?: number; scrollSeconds?: number } = {}): Promise<RendererFigures> {
  // What ships: the app is built once per bench run, and the harness serves that build.
  const r = spawnSync(process.execPath, [resolve(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('the app build failed');
  const harness = await startHarness(dbPath);
  const browser = await chromium.launch({
    executablePath: requireChromium(),
    args: CHROMIUM_ARGS,
  });
  try {
    const firstRowsMs: number[] = [];
    const loads = options.loads ?? 5;
    let page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    for (let i = 0; i < loads; i++) {
      if (i > 0) {
        await page.close();
        page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      }
      const t0 = Date.now();
      await page.goto(`${harness.url}/#/customers`);
      await page
        .locator('.grid-scroll tbody [role="row"]:not([aria-busy="true"])')
        .nth(5)
        .waitFor({ state: 'visible', timeout: 60_000 })
        .catch(async (err: unknown) => {
          await page.screenshot({ path: resolve(ROOT, '.bench/renderer-failure.png') });
          throw err;
        });
      firstRowsMs.push(Date.now() - t0);
    }
    const countRows = () => page.locator('[role="grid"] [role="row"]').count();
    const top = await countRows();
    // Scroll like a wheel: a fixed step every frame for N seconds, recording every frame's time.
    const seconds = options.scrollSeconds ?? 5;
    // A string, not a function: the bundler's helpers (e.g. __name) do not exist in the page.
    const result = (await page.evaluate(`new Promise((done) => {
      const el = document.querySelector('.grid-scroll');
      const frames = [];
      let maxRows = 0, samples = 0, rowsWhileScrolling = 0;
      const start = performance.now();
      let last = start;
      function step() {
        const now = performance.now();
        frames.push(now - last);
        last = now;
        el.scrollTop += 120;
        const rows = document.querySelectorAll('[role="grid"] [role="row"]').length;
        maxRows = Math.max(maxRows, rows);
        rowsWhileScrolling += rows;
        samples += 1;
        if (now - start < ${seconds * 1000}) requestAnimationFrame(step);
        else done({ frames: frames.slice(1), maxRows, avgRows: Math.round(rowsWhileScrolling / Math.max(1, samples)) });
      }
      requestAnimationFrame(step);
    })`)) as { frames: number[]; maxRows: number; avgRows: number };
    await page.evaluate(`document.querySelector('.grid-scroll').scrollTop = 1e12`);
    await page.waitForTimeout(1000);
    const end = await countRows();
    const frames = [...result.frames].sort((a, b) => a - b);
    firstRowsMs.sort((a, b) => a - b);
    return {
      firstRowsMs,
      frameMs: {
        p50: Math.round(quantile(frames, 0.5) * 100) / 100,
        p95: Math.round(quantile(frames, 0.95) * 100) / 100,
        frames: frames.length,
        longFrames: frames.filter((f) => f > 50).length,
      },
      domRows: { top, scrolling: result.avgRows, end, max: Math.max(top, result.maxRows, end) },
      chromium: browser.version(),
    };
  } finally {
    await browser.close();
    await new Promise<void>((r) => {
      if (harness.child.exitCode !== null) return r();
      harness.child.once('exit', () => r());
      harness.child.kill('SIGTERM');
    });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const db = process.argv[2];
  if (!db) {
    console.error('usage: tsx scripts/bench-renderer.ts <database>');
    process.exit(2);
  }
  console.log(JSON.stringify(await benchRenderer(resolve(db)), null, 2));
}
