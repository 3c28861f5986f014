import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { antdStaticStyle } from './scripts/antd-static-style';

const root = import.meta.dirname;

/**
 * Main bundles every dependency, so the installed app carries no node_modules at all: what main
 * loads at run time is out/** and, outside the asar, better_sqlite3.node (resources/native, loaded
 * through better-sqlite3's `nativeBinding`, see db/connection useNativeBinding).
 * i18n-iso-countries' Node entry requires every locale file by a computed path, which a bundler
 * cannot follow; its browser entry takes the locales we register (en and zh, imported as JSON).
 */
const BUNDLE_ALIASES = [{ find: /^i18n-iso-countries$/, replacement: 'i18n-iso-countries/index.js' }];

/**
 * Development only: the dev server injects React Refresh's preamble as an inline script and CSS
 * as inline <style> elements, which the page's CSP (script-src/style-src 'self') blocks. The
 * built page keeps the strict policy untouched (this plugin does not run in `build`).
 */
export function devServerCsp(): Plugin {
  return {
    name: 'exportdesk:dev-server-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace(/\b(script-src|style-src) 'self'/g, "$1 'self' 'unsafe-inline'");
    },
  };
}

/**
 * Three bundles:
 * - main (ESM, out/main): the app entry `index.js` and the engine worker `engine-worker.js`
 *   side by side (main starts the worker with `new URL('./engine-worker.js', import.meta.url)`);
 *   modules both use go to out/main/chunks/. Every dependency is bundled (see BUNDLE_ALIASES);
 *   only `electron` and Node's own modules stay imports.
 * - preload (CommonJS, out/preload/index.cjs): sandboxed preloads cannot be ES modules, and
 *   cannot require anything but a few Electron modules, so everything is inlined.
 * - renderer (out/renderer): the React app in src/renderer; Ant Design's styles are made at build
 *   time into its CSS file (scripts/antd-static-style.ts: the page's CSP allows no inline style).
 */
export default defineConfig({
  main: {
    resolve: { alias: BUNDLE_ALIASES },
    build: {
      outDir: resolve(root, 'out/main'),
      externalizeDeps: false,
      rolldownOptions: {
        input: {
          index: resolve(root, 'src/main/index.ts'),
          'engine-worker': resolve(root, 'src/main/engine/worker.ts'),
        },
        output: {
          format: 'es',
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
        },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'src/preload/index.ts') },
        output: {
          format: 'cjs',
          entryFileNames: '[name].cjs',
          chunkFileNames: '[name]-[hash].cjs',
        },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    plugins: [react(), devServerCsp(), antdStaticStyle()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      // electron-vite leaves the renderer unminified; minified, the page parses and starts faster.
      minify: true,
      rolldownOptions: {
        input: resolve(root, 'src/renderer/index.html'),
      },
    },
  },
});
