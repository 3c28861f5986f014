import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import yaml from 'js-yaml';
import { createRequire } from 'node:module';
import { minimalHeader, nodeArchName } from '../../scripts/binary-arch.mjs';
import { builderArchs, nativeTargets } from '../../scripts/native-plan.mjs';

const require = createRequire(import.meta.url);

const root = join(import.meta.dirname, '..', '..');

interface TargetEntry {
  target: string;
  arch?: string[];
}

interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { output: string; buildResources: string };
  files: string[];
  asar: boolean;
  asarUnpack?: string[];
  npmRebuild: boolean;
  beforePack: string;
  extraResources: { from: string; to: string }[];
  electronFuses: Record<string, boolean>;
  win: { target: TargetEntry[]; icon: string };
  mac: { target: TargetEntry[]; hardenedRuntime: boolean; entitlements: string; entitlementsInherit: string; icon: string };
  linux: { target: TargetEntry[]; icon: string };
}

const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  main: string;
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
  dependencies: Record<string, string>;
};
const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
/** builder-util's Arch enum, as electron-builder passes it to beforePack. */
const ARCH_ENUM: Record<string, number> = { ia32: 0, x64: 1, armv7l: 2, arm64: 3, universal: 4 };
/** The kind of file a native module is on each platform. */
const MODULE_FORMAT = { win32: 'pe', darwin: 'mach-o', linux: 'elf' } as const;

describe('electron-builder.yml', () => {
  it('is valid for the installed electron-builder', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
    };
    await expect(validateConfiguration(config, { isEnabled: false, add() {} })).resolves.toBeUndefined();
  });

  it('has an icon in resources/ big enough for every platform (PNG, at least 512×512, square)', () => {
    expect(config.directories.buildResources).toBe('resources');
    for (const icon of [config.mac.icon, config.win.icon, config.linux.icon]) {
      expect(icon).toBe('resources/icon.png');
      const png = readFileSync(join(root, icon));
      expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      expect(w).toBe(h);
      expect(w).toBeGreaterThanOrEqual(512);
    }
  });

  it('names the app', () => {
    expect(config.appId).toBe('com.exportdesk.app');
    expect(config.productName).toBe('ExportDesk');
    expect(config.directories.output).toBe('dist');
  });

  it('ships only the bundles and package.json, from an asar, with nothing unpacked and no node_modules', () => {
    expect(config.files.filter((f) => !f.startsWith('!'))).toEqual(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json']);
    // out/web (a browser build) must never be packed, whatever the patterns above become.
    expect(config.files).toContain('!out/web{,/**}');
    expect(config.files.filter((f) => f.includes('node_modules'))).toEqual([]);
    expect(pkg.main).toBe('./out/main/index.js');
    expect(pkg.dependencies).toEqual({});
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toBeUndefined();
    expect(config.npmRebuild).toBe(false);
  });

  it('ships the Electron build of better-sqlite3 where the app looks for it', () => {
    expect(pkg.devDependencies.electron).toBe('45.6.1');
    expect(pkg.devDependencies.electron).toBe(electronVersion);
    expect(config.extraResources).toEqual([
      { from: `.native/electron-${electronVersion}-\${platform}-\${arch}/better_sqlite3.node`, to: 'native/better_sqlite3.node' },
      { from: 'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf', to: 'fonts/NotoSansSC-Regular.ttf' },
      { from: 'node_modules/@expo-google-fonts/noto-sans-sc/LICENSE_FONT', to: 'fonts/NotoSansSC-OFL.txt' },
    ]);
    // The quotation PDFs' font is where the worker looks for it (fontsDir = resourcesPath/fonts).
    for (const extra of config.extraResources.slice(1)) expect(existsSync(join(root, extra.from))).toBe(true);
  });

  it('sets the fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('builds Windows and macOS installers for x64 and arm64, and a Linux AppImage', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }]);
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }]);
    expect(config.linux.target.map((t) => t.target)).toEqual(['AppImage']);
  });

  it('signs macOS with the hardened runtime and the JIT entitlements Electron needs', () => {
    expect(config.mac.hardenedRuntime).toBe(true);
    for (const file of [config.mac.entitlements, config.mac.entitlementsInherit]) {
      const path = join(root, file);
      expect(existsSync(path), file).toBe(true);
      const plist = readFileSync(path, 'utf8');
      expect(plist).toMatch(/<key>com\.apple\.security\.cs\.allow-jit<\/key>\s*<true\/>/);
      expect(plist).toMatch(/<key>com\.apple\.security\.cs\.allow-unsigned-executable-memory<\/key>\s*<true\/>/);
    }
  });
});

describe('the beforePack check of the native module', () => {
  it('refuses to pack an arch whose better-sqlite3 build is missing or for another CPU, and passes when right', async () => {
    expect(config.beforePack).toBe('./scripts/check-native-binding.mjs');
    const hook = await import('../../scripts/check-native-binding.mjs');
    const dir = mkdtempSync(join(tmpdir(), 'exportdesk-pack-'));
    try {
      const context = (arch: number) => ({
        arch,
        electronPlatformName: 'win32',
        packager: { projectDir: dir, info: { framework: { version: electronVersion } } },
      });
      await expect(hook.default(context(ARCH_ENUM.arm64!))).rejects.toThrow(/win32-arm64 is missing/);
      const file = hook.nativeBindingPath(dir, electronVersion, 'win32', 'x64');
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, '');
      await expect(hook.default(context(ARCH_ENUM.x64!))).rejects.toThrow(/not a native module/);
      writeFileSync(file, minimalHeader('pe', ['arm64']));
      await expect(hook.default(context(ARCH_ENUM.x64!))).rejects.toThrow(/built for arm64, not x64/);
      writeFileSync(file, minimalHeader('elf', ['x64']));
      await expect(hook.default(context(ARCH_ENUM.x64!))).rejects.toThrow(/elf file, not a win32/);
      writeFileSync(file, minimalHeader('pe', ['x64']));
      await expect(hook.default(context(ARCH_ENUM.x64!))).resolves.toBeUndefined();
      // The path the hook checks is the one extraResources copies from.
      expect(file.slice(dir.length + 1).replaceAll('\\', '/')).toBe(
        config.extraResources[0]?.from.replace('${platform}', 'win32').replace('${arch}', 'x64'),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the packing plan: `npm run dist` prepares exactly what electron-builder packs', () => {
  it('runs the native step in dist mode before packing, and `npm start` builds once', () => {
    expect(pkg.scripts.dist).toBe('node scripts/native-module.mjs electron --dist && electron-vite build && electron-builder');
    // electron-vite preview builds, then starts Electron: no separate `electron-vite build`.
    expect(pkg.scripts.start).toBe('node scripts/native-module.mjs electron && electron-vite preview');
  });

  it("packs x64 and arm64 on Windows and macOS, and this machine's arch on Linux", () => {
    expect(builderArchs(config as unknown as Record<string, unknown>, 'win32')).toEqual(['x64', 'arm64']);
    expect(builderArchs(config as unknown as Record<string, unknown>, 'darwin')).toEqual(['x64', 'arm64']);
    expect(builderArchs(config as unknown as Record<string, unknown>, 'linux')).toEqual([process.arch === 'arm' ? 'armv7l' : process.arch]);
  });

  it.each(['win32', 'darwin', 'linux'] as const)(
    'on %s: each arch packed gets the build extraResources copies, and beforePack accepts it',
    async (platform) => {
      const hook = await import('../../scripts/check-native-binding.mjs');
      const { expandMacro } = require('app-builder-lib/out/util/macroExpander.js') as {
        expandMacro(pattern: string, arch: string | null, appInfo: object): string;
      };
      const dir = mkdtempSync(join(tmpdir(), 'exportdesk-plan-'));
      try {
        const targets = nativeTargets({ projectDir: dir, config: config as unknown as Record<string, unknown>, platform, electronVersion });
        expect(targets.map((t) => t.arch)).toEqual(builderArchs(config as unknown as Record<string, unknown>, platform));
        for (const target of targets) {
          // electron-builder expands ${platform} to the OS it runs on (process.platform), which is the
          // one being packed: installers are built on their own OS.
          const from = config.extraResources[0]!.from.replaceAll('${platform}', platform).replaceAll('${arch}', target.arch);
          if (platform === process.platform) expect(expandMacro(config.extraResources[0]!.from, target.arch, {})).toBe(from);
          expect(target.file).toBe(join(dir, from));
          expect(target.nodeArch).toBe(nodeArchName(target.arch));
          const context = {
            arch: ARCH_ENUM[target.arch]!,
            electronPlatformName: platform,
            packager: { projectDir: dir, info: { framework: { version: electronVersion } } },
          };
          await expect(hook.default(context)).rejects.toThrow(/is missing/);
          mkdirSync(join(target.file, '..'), { recursive: true });
          writeFileSync(target.file, minimalHeader(MODULE_FORMAT[platform], [target.nodeArch]));
          await expect(hook.default(context)).resolves.toBeUndefined();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
