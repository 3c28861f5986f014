// electron-builder beforePack hook (electron-builder.yml): refuses to package an app without the
// Electron build of better-sqlite3 for the platform and arch being packed, or with a build for
// another CPU. electron-builder only warns when an extraResources file is missing, and the app
// would then fail on the user's machine.
//
// `npm run dist` prepares every arch it packs (scripts/native-module.mjs electron --dist).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileArchs, nodeArchName } from './binary-arch.mjs';

// builder-util's Arch enum
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];
const FORMATS = { win32: 'pe', darwin: 'mach-o', linux: 'elf' };

/** The file extraResources copies for one platform/arch (kept in step with electron-builder.yml). */
export function nativeBindingPath(projectDir, electronVersion, platform, arch) {
  return join(projectDir, '.native', `electron-${electronVersion}-${platform}-${arch}`, 'better_sqlite3.node');
}

/** Why `file` cannot be loaded on platform-arch (electron-builder's arch name), or null. */
export function bindingMismatch(file, platform, arch) {
  let found;
  try {
    found = fileArchs(file);
  } catch (err) {
    return `${file} is not a native module (${err instanceof Error ? err.message : String(err)})`;
  }
  const format = FORMATS[platform];
  if (format && found.format !== format) return `${file} is a ${found.format} file, not a ${platform} (${format}) module`;
  if (!found.archs.includes(nodeArchName(arch))) return `${file} is built for ${found.archs.join(' + ')}, not ${arch}`;
  return null;
}

export default async function checkNativeBinding(context) {
  const arch = typeof context.arch === 'number' ? ARCH_NAMES[context.arch] : String(context.arch);
  const platform = context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName;
  const version = context.packager.info.framework.version;
  const file = nativeBindingPath(context.packager.projectDir, version, platform, arch);
  const fix = 'run `npm run native:electron -- --dist` first (it prepares every arch electron-builder.yml packs for this platform)';
  if (!existsSync(file)) {
    throw new Error(`better-sqlite3 for Electron ${version} ${platform}-${arch} is missing (${file}); ${fix}`);
  }
  const mismatch = bindingMismatch(file, platform, arch);
  if (mismatch) throw new Error(`better-sqlite3 for Electron ${version} ${platform}-${arch}: ${mismatch}; delete it and ${fix}`);
}
