// electron-builder beforePack hook (electron-builder.yml): refuses to package an app without the
// Electron build of better-sqlite3 for the platform and arch being packed. electron-builder only
// warns when an extraResources file is missing, and the app would then fail on the user's machine.
//
// Build it with `npm run native:electron` (this machine's arch), or for another arch with
// `npm_config_arch=arm64 npm run native:electron` (prebuilt binaries make that work cross-arch).
import { existsSync } from 'node:fs';
import { join } from 'node:path';

// builder-util's Arch enum
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

/** The file extraResources copies for one platform/arch (kept in step with electron-builder.yml). */
export function nativeBindingPath(projectDir, electronVersion, platform, arch) {
  return join(projectDir, '.native', `electron-${electronVersion}-${platform}-${arch}`, 'better_sqlite3.node');
}

export default async function checkNativeBinding(context) {
  const arch = typeof context.arch === 'number' ? ARCH_NAMES[context.arch] : String(context.arch);
  const platform = context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName;
  const version = context.packager.info.framework.version;
  const file = nativeBindingPath(context.packager.projectDir, version, platform, arch);
  if (!existsSync(file)) {
    throw new Error(
      `better-sqlite3 for Electron ${version} ${platform}-${arch} is missing (${file}); ` +
        `run \`npm_config_arch=${arch} npm run native:electron\` first`,
    );
  }
}
