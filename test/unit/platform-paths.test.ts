import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NativeBindingError, resolveDbPath, resolveNativeBinding, type NativeBindingOptions } from '../../src/main/platform/paths';

describe('resolveDbPath', () => {
  it('puts the database in the user-data folder', () => {
    expect(resolveDbPath({ userDataDir: '/home/u/.config/ExportDesk', env: {} })).toBe(join('/home/u/.config/ExportDesk', 'ExportDesk.db'));
  });

  it('honours EXPORTDESK_DB, absolute or relative to the working directory', () => {
    expect(resolveDbPath({ userDataDir: '/ud', env: { EXPORTDESK_DB: '/data/demo.db' } })).toBe('/data/demo.db');
    expect(resolveDbPath({ userDataDir: '/ud', env: { EXPORTDESK_DB: 'demo.db' }, cwd: '/work' })).toBe(resolve('/work', 'demo.db'));
    expect(resolveDbPath({ userDataDir: '/ud', env: { EXPORTDESK_DB: '  ' } })).toBe(join('/ud', 'ExportDesk.db'));
  });
});

function options(files: Record<string, string>, overrides: Partial<NativeBindingOptions> = {}): NativeBindingOptions {
  return {
    isPackaged: false,
    resourcesPath: '/opt/ExportDesk/resources',
    appPath: '/repo',
    electronVersion: '40.8.5',
    platform: 'linux',
    arch: 'x64',
    fileExists: (p) => p in files,
    readFile: (p) => {
      const text = files[p];
      if (text === undefined) throw new Error(`ENOENT ${p}`);
      return text;
    },
    ...overrides,
  };
}

const RECORD = join('/repo', '.native', 'electron-current.json');
const OWN_BUILD = join('/repo', '.native', 'electron-40.8.5-linux-x64', 'better_sqlite3.node');

describe('resolveNativeBinding', () => {
  it('uses resources/native/better_sqlite3.node in the packaged app', () => {
    const packaged = join('/opt/ExportDesk/resources', 'native', 'better_sqlite3.node');
    expect(resolveNativeBinding(options({ [packaged]: '' }, { isPackaged: true }))).toBe(packaged);
    expect(() => resolveNativeBinding(options({}, { isPackaged: true }))).toThrow(NativeBindingError);
  });

  it('uses the build recorded in .native/electron-current.json when run from source', () => {
    const built = '/repo/.native/electron-40.8.5-linux-x64/better_sqlite3.node';
    const files = { [RECORD]: JSON.stringify({ version: '40.8.5', arch: 'x64', path: built }), [built]: '' };
    expect(resolveNativeBinding(options(files))).toBe(built);
  });

  it("falls back to this runtime's own build when the record is for another arch or version", () => {
    const other = '/repo/.native/electron-40.8.5-linux-arm64/better_sqlite3.node';
    const files = { [RECORD]: JSON.stringify({ version: '40.8.5', arch: 'arm64', path: other }), [other]: '', [OWN_BUILD]: '' };
    expect(resolveNativeBinding(options(files))).toBe(OWN_BUILD);
    expect(resolveNativeBinding(options({ [OWN_BUILD]: '' }))).toBe(OWN_BUILD);
  });

  it('says how to build it when there is none for this runtime', () => {
    const other = '/repo/.native/electron-39.0.0-linux-x64/better_sqlite3.node';
    const files = { [RECORD]: JSON.stringify({ version: '39.0.0', arch: 'x64', path: other }), [other]: '' };
    expect(() => resolveNativeBinding(options(files))).toThrow(/npm run native:electron/);
    expect(() => resolveNativeBinding(options({}))).toThrow(/npm run native:electron/);
    expect(() => resolveNativeBinding(options({ [RECORD]: '{not json' }))).toThrow(/not valid JSON/);
  });
});
