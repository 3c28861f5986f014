import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import yaml from 'js-yaml';
import { createRequire } from 'node:module';

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
  asarUnpack: string[];
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
  devDependencies: Record<string, string>;
  dependencies: Record<string, string>;
};

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

  it('ships only the bundles, from an asar, with better-sqlite3 unpacked', () => {
    expect(config.files.filter((f) => !f.startsWith('!'))).toEqual(['out/**', 'package.json']);
    expect(pkg.main).toBe('./out/main/index.js');
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**');
    expect(config.npmRebuild).toBe(false);
  });

  it('ships the Electron build of better-sqlite3 where the app looks for it', () => {
    const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string })
      .version;
    expect(pkg.devDependencies.electron).toBe(electronVersion);
    expect(config.extraResources).toEqual([
      { from: `.native/electron-${electronVersion}-\${platform}-\${arch}/better_sqlite3.node`, to: 'native/better_sqlite3.node' },
    ]);
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
  it('refuses to pack an arch whose better-sqlite3 build is missing, and passes when present', async () => {
    expect(config.beforePack).toBe('./scripts/check-native-binding.mjs');
    const hook = await import('../../scripts/check-native-binding.mjs');
    const dir = mkdtempSync(join(tmpdir(), 'exportdesk-pack-'));
    try {
      const context = (arch: number) => ({
        arch,
        electronPlatformName: 'win32',
        packager: { projectDir: dir, info: { framework: { version: '40.8.5' } } },
      });
      await expect(hook.default(context(3))).rejects.toThrow(/win32-arm64 is missing/);
      const file = hook.nativeBindingPath(dir, '40.8.5', 'win32', 'x64');
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, '');
      await expect(hook.default(context(1))).resolves.toBeUndefined();
      // The path the hook checks is the one extraResources copies from.
      expect(file.slice(dir.length + 1).replaceAll('\\', '/')).toBe(
        config.extraResources[0]?.from.replace('${platform}', 'win32').replace('${arch}', 'x64'),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
