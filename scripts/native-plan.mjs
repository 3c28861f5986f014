// What scripts/native-module.mjs must prepare for Electron, decided by electron-builder's own code
// where it has one, so the native builds, electron-builder.yml's extraResources and the beforePack
// check (check-native-binding.mjs) cannot drift apart. A unit test walks every platform × arch.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { nodeArchName } from './binary-arch.mjs';
import { nativeBindingPath } from './check-native-binding.mjs';

const require = createRequire(import.meta.url);

/** electron-builder.yml, parsed. */
export function loadBuilderConfig(projectDir) {
  const yaml = require('js-yaml');
  return yaml.load(readFileSync(join(projectDir, 'electron-builder.yml'), 'utf8'));
}

/**
 * The archs (electron-builder's names) that a plain `electron-builder` (no --x64/--arm64 flags)
 * packs for `platform` ('darwin' | 'win32' | 'linux'): the arch lists of that platform's targets,
 * or this machine's arch where a target names none. app-builder-lib's computeArchToTargetNamesMap
 * is the function electron-builder itself runs for this.
 */
export function builderArchs(config, platform) {
  const { computeArchToTargetNamesMap } = require('app-builder-lib/out/targets/targetFactory.js');
  const { Platform } = require('app-builder-lib/out/core.js');
  const { Arch } = require(require.resolve('builder-util', { paths: [require.resolve('app-builder-lib/package.json')] }));
  const builderPlatform = Platform.fromString(platform);
  const options = config[builderPlatform.buildConfigurationKey] ?? {};
  const archs = [
    ...computeArchToTargetNamesMap(
      new Map(),
      { platformSpecificBuildOptions: options, defaultTarget: ['default'] },
      builderPlatform,
    ).keys(),
  ].map((arch) => Arch[arch]);
  if (archs.includes('universal')) {
    throw new Error('a universal macOS build is not supported here: list x64 and arm64 in electron-builder.yml instead');
  }
  return archs;
}

/**
 * One entry per arch packed for `platform`: the arch in electron-builder's naming (as ${arch} in
 * extraResources and in the beforePack context), in Node's (for prebuild-install and node-gyp),
 * and the file the build goes to, which is the file extraResources copies from.
 */
export function nativeTargets({ projectDir, config, platform, electronVersion }) {
  return builderArchs(config, platform).map((arch) => ({
    arch,
    nodeArch: nodeArchName(arch),
    file: nativeBindingPath(projectDir, electronVersion, platform, arch),
  }));
}

function parseVersion(text) {
  const m = /(\d+)\.(\d+)\.(\d+)/.exec(text);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/**
 * The sentence to stop with when this Node cannot run the installed Electron's installer (its
 * package.json engines.node, e.g. ">= 22.12.0"), else null.
 */
export function nodeTooOldForElectron(nodeVersion, electronPackage) {
  const min = parseVersion(electronPackage.engines?.node ?? '');
  const have = parseVersion(nodeVersion);
  if (!min || !have) return null;
  const cmp = have[0] - min[0] || have[1] - min[1] || have[2] - min[2];
  if (cmp >= 0) return null;
  const major = electronPackage.version.split('.')[0];
  const minText = min.join('.');
  return (
    `Electron ${major}'s installer needs Node ${minText} or newer and this is Node ${have.join('.')}: ` +
    `run \`npm start\` and \`npm run dist\` with Node ${minText}+ (\`npm test\` works on Node 20.19+).`
  );
}
