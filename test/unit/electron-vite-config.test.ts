import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../electron.vite.config';

/**
 * The main process finds its preload, its page and its engine worker by paths relative to the
 * main bundle (out/main/index.js); these tests keep those paths and the bundler config in step.
 */
const root = join(import.meta.dirname, '..', '..');
const mainSource = readFileSync(join(root, 'src/main/index.ts'), 'utf8');

interface Output {
  format?: string;
  entryFileNames?: string;
}
interface Section {
  root?: string;
  build?: { outDir?: string; rolldownOptions?: { input?: unknown; output?: Output; external?: unknown[] } };
}

const { main, preload, renderer } = config as { main: Section; preload: Section; renderer: Section };
const rel = (p: string | undefined) => relative(root, p ?? '').replaceAll('\\', '/');

describe('electron.vite.config', () => {
  it('bundles main as ESM: index.js and engine-worker.js side by side in out/main', () => {
    expect(rel(main.build?.outDir)).toBe('out/main');
    const input = main.build?.rolldownOptions?.input as Record<string, string>;
    expect(Object.keys(input).sort()).toEqual(['engine-worker', 'index']);
    expect(rel(input.index)).toBe('src/main/index.ts');
    expect(rel(input['engine-worker'])).toBe('src/main/engine/worker.ts');
    expect(main.build?.rolldownOptions?.output).toMatchObject({ format: 'es', entryFileNames: '[name].js' });
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string; type: string };
    expect(pkg.main).toBe('./out/main/index.js');
    expect(pkg.type).toBe('module');
    expect(mainSource).toContain("new URL('./engine-worker.js', import.meta.url)");
  });

  it('bundles every dependency: nothing is left external but what electron-vite keeps (electron, node:*)', () => {
    expect(main.build?.rolldownOptions?.external).toBeUndefined();
  });

  it('bundles the preload as one CommonJS file, out/preload/index.cjs, where main looks for it', () => {
    expect(rel(preload.build?.outDir)).toBe('out/preload');
    const input = preload.build?.rolldownOptions?.input as Record<string, string>;
    expect(Object.keys(input)).toEqual(['index']);
    expect(preload.build?.rolldownOptions?.output).toMatchObject({ format: 'cjs', entryFileNames: '[name].cjs' });
    expect(mainSource).toContain("new URL('../preload/index.cjs', import.meta.url)");
  });

  it('builds the renderer from src/renderer into out/renderer, where main loads it', () => {
    expect(rel(renderer.root)).toBe('src/renderer');
    expect(rel(renderer.build?.outDir)).toBe('out/renderer');
    expect(mainSource).toContain("new URL('../renderer/index.html', import.meta.url)");
  });
});

describe('devServerCsp', () => {
  it('relaxes the page CSP for the dev server only', async () => {
    const { devServerCsp } = await import('../../electron.vite.config');
    const plugin = devServerCsp();
    expect(plugin.apply).toBe('serve');
    const html = readFileSync(join(root, 'src/renderer/index.html'), 'utf8');
    const transform = plugin.transformIndexHtml as (html: string) => string;
    const dev = transform(html);
    expect(dev).toContain("script-src 'self' 'unsafe-inline'");
    expect(dev).toContain("style-src 'self' 'unsafe-inline'");
    expect(dev).toContain("default-src 'self'");
  });
});
