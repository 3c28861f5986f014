import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handlers } from '../../src/main/engine/handlers';
import { APP_VERSION } from '../../src/shared/app-version';
import { CHANNELS, contract } from '../../src/shared/ipc/contract';

describe('the IPC contract', () => {
  it('has exactly one engine handler per channel, none missing, none extra', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
  });

  it('declares each channel in the file its prefix names (channels/<prefix>.ts), once', async () => {
    const dir = join(import.meta.dirname, '..', '..', 'src', 'shared', 'ipc', 'channels');
    const seen: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const prefix = file.replace(/\.ts$/, '');
      const mod = (await import(join(dir, file))) as Record<string, Record<string, unknown>>;
      const declared = Object.keys(mod[`${prefix}Channels`] ?? {});
      expect(declared.length, file).toBeGreaterThan(0);
      for (const name of declared) expect(name.split('.')[0], `${name} in ${file}`).toBe(prefix);
      seen.push(...declared);
    }
    expect(seen.sort()).toEqual([...CHANNELS].sort());
  });

  it('names every channel area.action, so no channel can collide with window.api.onEvent', () => {
    for (const channel of CHANNELS) expect(channel).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
  });

  it('declares input and output schemas, and only jobs may be cancelled', () => {
    for (const channel of CHANNELS) {
      const def = contract[channel];
      expect(['read', 'write', 'job', 'read-job']).toContain(def.kind);
      expect(typeof def.input.safeParse).toBe('function');
      expect(typeof def.output.safeParse).toBe('function');
    }
    expect(CHANNELS.filter((c) => contract[c].kind === 'job')).toEqual([
      'sample.generate',
      'import.commit',
      'import.undo',
      'classify.run',
      'team.join',
      'team.sync',
      'workspace.openSample',
      'workspace.moveData',
    ]);
    expect(CHANNELS.filter((c) => contract[c].kind === 'read-job')).toEqual(['import.analyze', 'import.preview', 'team.preview']);
  });

  it('keeps APP_VERSION in step with package.json', () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
    expect(APP_VERSION).toBe(pkg.version);
  });
});
