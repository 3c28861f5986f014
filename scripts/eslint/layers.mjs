/**
 * The layering of ExportDesk, checked on every import (`npm test` runs ESLint). VS Code keeps its
 * layers the same way: a small rule of its own over a table of folders.
 *
 *   shared     pure TypeScript: imports nothing of main, renderer, preload, CLI or bridge, and no
 *              Node or Electron module (it runs in the sandboxed page too).
 *   main       services and the engine run in a worker thread, the CLI and tests: no `electron`,
 *              and nothing of window/ or platform/ (the Electron glue, injected as interfaces).
 *              Only src/main/index.ts, window/ and platform/ may import electron.
 *   renderer   the page: nothing of main, preload, CLI or bridge, no Node or Electron module.
 *              A feature (renderer/src/features/<name>/) reaches another feature only through
 *              what that feature exports for it, its index.ts; shared pieces live in components/
 *              and lib/.
 *   preload    the only place that may touch ipcRenderer (checked with no-restricted-imports).
 *   server     the team server (a plain Node process on PostgreSQL): shares only src/shared with
 *              the app (the HTTP contract in shared/team/), nothing of main, renderer, preload, CLI
 *              or bridge, and no electron.
 */
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..', '..');
const NODE_MODULES = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/** The file's path from the repository root, with forward slashes. */
const fromRoot = (file) => relative(ROOT, file).split(sep).join('/');

/** `from` is the import specifier; returns the imported path from the root ('' for a package). */
function target(file, from) {
  if (!from.startsWith('.')) return '';
  return fromRoot(resolve(dirname(file), from));
}

const ELECTRON_GLUE = [/^src\/main\/index\.ts$/, /^src\/main\/window\//, /^src\/main\/platform\//];
const FEATURE = /^src\/renderer\/src\/features\/([^/]+)(?:\/(.*))?$/;

function problem(file, from) {
  const here = fromRoot(file);
  const there = target(file, from);
  const isNode = NODE_MODULES.has(from);
  const isElectron = from === 'electron' || from.startsWith('electron/');
  if (here.startsWith('src/shared/')) {
    if (/^src\/(main|renderer|preload|cli|bridge|server)\//.test(there))
      return 'shared code imports nothing of main, renderer, preload, CLI or bridge';
    if (isNode || isElectron) return 'shared code runs in the page too: no Node or Electron module';
  }
  if (here.startsWith('src/main/') && !ELECTRON_GLUE.some((glue) => glue.test(here))) {
    if (isElectron) return 'only src/main/index.ts, window/ and platform/ import electron; services and the engine run without it';
    if (/^src\/main\/(window|platform)\//.test(there))
      return 'services and the engine get platform capabilities as interfaces; they do not import window/ or platform/';
  }
  if (here.startsWith('src/server/')) {
    if (/^src\/(main|renderer|preload|cli|bridge)\//.test(there))
      return 'the team server shares only src/shared with the app (its contract is in src/shared/team/)';
    if (isElectron) return 'the team server is a plain Node process: no electron';
  }
  if (here.startsWith('src/renderer/')) {
    if (/^src\/(main|preload|cli|bridge|server)\//.test(there)) return 'the page reaches main only through window.api (lib/ipc.ts)';
    if (isNode || isElectron) return 'the page is sandboxed: no Node or Electron module';
    const own = FEATURE.exec(here);
    const other = FEATURE.exec(there);
    if (own && other && own[1] !== other[1] && other[2] !== undefined && !/^index(\.tsx?)?$/.test(other[2])) {
      return `a feature reaches another only through its index.ts: import from '../${other[1]}' (or move the shared piece to components/ or lib/)`;
    }
  }
  return null;
}

export const layers = {
  meta: { type: 'problem', docs: { description: 'imports respect the layers of ExportDesk' }, schema: [] },
  create(context) {
    const check = (node) => {
      if (!node.source || typeof node.source.value !== 'string') return;
      const why = problem(context.filename, node.source.value);
      if (why) context.report({ node: node.source, message: `${node.source.value}: ${why}` });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default { rules: { layers } };
