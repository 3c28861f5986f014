import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ExportDeskApi } from '../../src/shared/ipc/api';
import { CHANNELS, IPC_EVENT_CHANNEL, IPC_PREFIX, type EngineEvent } from '../../src/shared/ipc/contract';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: {
    invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'answer' })),
    on: vi.fn(),
    removeListener: vi.fn(),
  },
}));

vi.mock('electron', () => electron);

let api: ExportDeskApi;

beforeAll(async () => {
  await import('../../src/preload/index');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [key, value] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, ExportDeskApi];
  expect(key).toBe('api');
  api = value;
});

describe('preload', () => {
  it('exposes exactly the contract channels plus onEvent', () => {
    expect(Object.keys(api).sort()).toEqual([...CHANNELS, 'onEvent'].sort());
    for (const key of Object.keys(api)) expect(typeof (api as unknown as Record<string, unknown>)[key]).toBe('function');
    expect(api).not.toHaveProperty('invoke');
  });

  it('invokes the prefixed channel with the input and options', async () => {
    const result = await api['customers.get']({ id: 3 });
    expect(result).toEqual({ ok: true, value: 'answer' });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(`${IPC_PREFIX}customers.get`, { id: 3 }, undefined);
    await api['sample.generate']({ count: 10 }, { jobId: 'j1' });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(`${IPC_PREFIX}sample.generate`, { count: 10 }, { jobId: 'j1' });
    for (const channel of CHANNELS) {
      await (api[channel] as (input: unknown) => Promise<unknown>)({});
      expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC_PREFIX + channel, {}, undefined);
    }
  });

  it('subscribes to engine events without handing the Electron event to the page', () => {
    const listener = vi.fn();
    const unsubscribe = api.onEvent(listener);
    expect(electron.ipcRenderer.on).toHaveBeenCalledTimes(1);
    const [channel, wrapped] = electron.ipcRenderer.on.mock.calls[0] as [string, (e: unknown, payload: EngineEvent) => void];
    expect(channel).toBe(IPC_EVENT_CHANNEL);
    const event: EngineEvent = { type: 'data.changed', tables: ['customers'] };
    wrapped({ sender: 'secret' }, event);
    expect(listener).toHaveBeenCalledWith(event);
    expect(listener.mock.calls[0]).toHaveLength(1);
    unsubscribe();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, wrapped);
  });
});
