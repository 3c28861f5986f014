import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { locationFilePath, readLocationFile, writeLocationFile } from '../../src/main/workspace/location-file';
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

describe('resolveDbPath with a data folder chosen in Settings (location.json)', () => {
  const files = (map: Record<string, string>) => (path: string) => {
    const text = map[path];
    if (text === undefined) throw Object.assign(new Error(`ENOENT ${path}`), { code: 'ENOENT' });
    return text;
  };
  const pointer = join('/ud', 'location.json');

  it('uses the database the location file names', () => {
    const readFile = files({ [pointer]: JSON.stringify({ version: 1, dbPath: '/data/ExportDesk/ExportDesk.db' }) });
    expect(resolveDbPath({ userDataDir: '/ud', env: {}, readFile })).toBe(join('/data/ExportDesk', 'ExportDesk.db'));
  });

  it('EXPORTDESK_DB still wins over the location file', () => {
    const readFile = files({ [pointer]: JSON.stringify({ version: 1, dbPath: '/data/ExportDesk.db' }) });
    expect(resolveDbPath({ userDataDir: '/ud', env: { EXPORTDESK_DB: '/env/demo.db' }, readFile })).toBe('/env/demo.db');
  });

  it('falls back to the user-data folder when the location file is missing, damaged, or names no absolute path', () => {
    const fallback = join('/ud', 'ExportDesk.db');
    for (const text of [
      undefined,
      '',
      '{',
      'null',
      '[]',
      '"x"',
      '{}',
      '{"dbPath": 3}',
      '{"dbPath": ""}',
      '{"dbPath": "relative/ExportDesk.db"}',
      '{"dbPath": "  "}',
    ]) {
      const readFile = files(text === undefined ? {} : { [pointer]: text });
      expect(resolveDbPath({ userDataDir: '/ud', env: {}, readFile }), String(text)).toBe(fallback);
    }
  });

  it('reads the location file given instead of userData/location.json (the browser harness --location-file)', () => {
    const readFile = files({ '/tmp/harness-location.json': JSON.stringify({ dbPath: '/moved/x.db' }) });
    expect(resolveDbPath({ userDataDir: '/ud', env: {}, locationFile: '/tmp/harness-location.json', readFile })).toBe('/moved/x.db');
    expect(resolveDbPath({ userDataDir: '/ud', env: {}, readFile })).toBe(join('/ud', 'ExportDesk.db'));
  });

  it('round trip: what writeLocationFile records, readLocationFile and resolveDbPath find', () => {
    const t = mkdtempSync(join(tmpdir(), 'exportdesk-location-'));
    try {
      const file = locationFilePath(t);
      expect(readLocationFile(file)).toBeNull();
      writeLocationFile(file, join(t, 'moved', 'ExportDesk.db'));
      expect(readLocationFile(file)).toBe(join(t, 'moved', 'ExportDesk.db'));
      expect(resolveDbPath({ userDataDir: t, env: {} })).toBe(join(t, 'moved', 'ExportDesk.db'));
      // Written again: replaced whole, no temporary file left.
      writeLocationFile(file, join(t, 'again', 'ExportDesk.db'));
      expect(readLocationFile(file)).toBe(join(t, 'again', 'ExportDesk.db'));
      expect(readdirSync(t)).toEqual(['location.json']);
    } finally {
      rmSync(t, { recursive: true, force: true });
    }
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
