// What electron-builder puts into the app (app.asar and app.asar.unpacked), listed without packing:
// the project files electron-builder.yml's `files` select, and the production dependencies of
// package.json. The selection is app-builder-lib's own code (getMainFileMatchers adds its default
// exclusions, computeFileSets walks the project, NodeModuleCopyHelper filters each dependency), run
// with the few packager fields those functions read; only the dependency closure is computed here
// (electron-builder asks the package manager; this walks node_modules, which is what npm
// installed). Works offline; a unit test checks the plan.
import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { loadBuilderConfig } from './native-plan.mjs';

const require = createRequire(import.meta.url);
const PLATFORM_KEYS = { darwin: 'mac', win32: 'win', linux: 'linux' };

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * The installed packages `names` need at run time, with everything they depend on (dependencies
 * and installed optionalDependencies), each resolved the way Node does from the package that
 * needs it. Returns their folders, each once.
 */
export function productionClosure(projectDir, names) {
  const dirs = new Map();
  const visit = (fromDir, name, optional) => {
    for (let dir = fromDir; ; dir = dirname(dir)) {
      const candidate = join(dir, 'node_modules', name);
      let real;
      try {
        real = realpathSync(candidate);
      } catch {
        if (dir === projectDir || dirname(dir) === dir) break;
        continue;
      }
      if (dirs.has(real)) return;
      const pkg = readJson(join(real, 'package.json'));
      dirs.set(real, { name, dir: candidate });
      for (const dep of Object.keys(pkg.dependencies ?? {})) visit(candidate, dep, false);
      for (const dep of Object.keys(pkg.optionalDependencies ?? {})) visit(candidate, dep, true);
      return;
    }
    if (!optional) throw new Error(`${name} (needed from ${relative(projectDir, fromDir) || '.'}) is not installed`);
  };
  for (const name of names) visit(projectDir, name, false);
  return [...dirs.values()];
}

/**
 * Every file electron-builder would put into the app for `platform` (default: this one), with its
 * path inside the app ('/'-separated) and size in bytes.
 * `config` defaults to electron-builder.yml; `dependencies` to package.json's dependencies and
 * optionalDependencies (pass other ones to size another plan).
 */
export async function planAppFiles({
  projectDir,
  config = loadBuilderConfig(projectDir),
  dependencies,
  platform = process.platform,
  arch = process.arch,
}) {
  const {
    FileMatcher,
    getMainFileMatchers,
    getNodeModuleFileMatcher,
    getFileMatchers,
    excludedExts,
  } = require('app-builder-lib/out/fileMatcher.js');
  const { computeFileSets } = require('app-builder-lib/out/util/appFileCopier.js');
  const { NodeModuleCopyHelper } = require('app-builder-lib/out/util/NodeModuleCopyHelper.js');
  const { expandMacro } = require('app-builder-lib/out/util/macroExpander.js');

  const pkg = readJson(join(projectDir, 'package.json'));
  const names = dependencies ?? [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.optionalDependencies ?? {})];
  const appInfo = { productName: config.productName ?? pkg.productName ?? pkg.name, sanitizedProductName: config.productName ?? pkg.name };
  const macroExpander = (pattern) => expandMacro(pattern, arch, appInfo);
  const platformOptions = config[PLATFORM_KEYS[platform]] ?? {};
  const outDir = resolve(projectDir, config.directories?.output ?? 'dist');
  // The fields of Packager / PlatformPackager that the functions below read.
  const info = {
    projectDir,
    appDir: projectDir,
    buildResourcesDir: resolve(projectDir, config.directories?.buildResources ?? 'build'),
    config,
    appInfo: { type: pkg.type === 'module' ? 'module' : 'commonjs' },
    isPrepackedAppAsar: false,
    areNodeModulesHandledExternally: false,
    debugLogger: { isEnabled: false, add() {} },
    getWorkspaceRoot: async () => projectDir,
  };
  const platformPackager = { info, config, platformSpecificBuildOptions: platformOptions };
  const destination = join(projectDir, '.app'); // a placeholder: paths are reported relative to it

  const matchers = getMainFileMatchers(projectDir, destination, macroExpander, platformOptions, platformPackager, outDir, false);
  // What extraResources/extraFiles copy is excluded from the app (PlatformPackager.doPack).
  const excludePatterns = [];
  for (const name of ['extraResources', 'extraFiles']) {
    const extra = getFileMatchers(config, name, destination, {
      macroExpander,
      customBuildOptions: platformOptions,
      globalOutDir: outDir,
      defaultSrc: projectDir,
    });
    for (const matcher of extra ?? []) matcher.computeParsedPatterns(excludePatterns, projectDir);
  }
  if (excludePatterns.length > 0) for (const matcher of matchers) matcher.excludePatterns = excludePatterns;

  const files = [];
  const add = (source, path, stat) => files.push({ path: path.split(sep).join('/'), size: stat.size, source });
  for (const set of await computeFileSets(matchers, null, platformPackager, false)) {
    for (const file of set.files) {
      const stat = set.metadata.get(file);
      if (stat && !stat.isDirectory()) add(file, relative(destination, join(set.destination, relative(set.src, file))), stat);
    }
  }

  // Production dependencies, filtered as PlatformPackager.copyAppFiles / computeNodeModuleFileSets do.
  const moduleMatcher = getNodeModuleFileMatcher(projectDir, destination, macroExpander, platformOptions, info);
  const excluded = ['.o', '.obj', ...excludedExts.split(',').map((ext) => `.${ext}`)];
  if (config.includePdb !== true) excluded.push('.pdb');
  if (platform !== 'win32') excluded.push('.dll', '.exe');
  for (const dep of productionClosure(projectDir, names)) {
    const where = relative(projectDir, dep.dir);
    const copier = new NodeModuleCopyHelper(
      new FileMatcher(dep.dir, join(destination, where), macroExpander, moduleMatcher.patterns),
      info,
    );
    for (const file of await copier.collectNodeModules({ name: dep.name, version: '', dir: dep.dir }, excluded, where)) {
      const stat = copier.metadata.get(file) ?? lstatSync(file);
      if (!stat.isDirectory()) add(file, join(where, relative(dep.dir, file)), stat);
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, totalBytes: files.reduce((sum, f) => sum + f.size, 0) };
}
