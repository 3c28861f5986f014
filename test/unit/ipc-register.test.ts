import { describe, expect, it, vi } from 'vitest';
import { forwardEvents, registerIpcHandlers, type IpcInvokeEventLike, type IpcMainLike } from '../../src/main/ipc/register';
import type { Result } from '../../src/shared/errors';
import { CHANNELS, IPC_EVENT_CHANNEL, IPC_PREFIX, type EngineEvent } from '../../src/shared/ipc/contract';
import type { EngineCall } from '../../src/shared/ipc/dispatch';

const APP_URL = 'file:///app/out/renderer/index.html';

type Handler = (event: IpcInvokeEventLike, ...args: unknown[]) => unknown;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  const ipc: IpcMainLike = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler(channel) {
      handlers.delete(channel);
    },
  };
  const invoke = async (channel: string, senderUrl: string | null, ...args: unknown[]) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    const event: IpcInvokeEventLike = { senderFrame: senderUrl === null ? null : { url: senderUrl } };
    return (await handler(event, ...args)) as Result<unknown>;
  };
  return { ipc, handlers, invoke };
}

function fakeEngine() {
  const call = vi.fn(async (channel: string, input: unknown) => ({ ok: true as const, value: { channel, input } }));
  return { call, engineCall: call as unknown as EngineCall };
}

const trusted = { isTrustedSender: (url: string) => url === APP_URL };

describe('registerIpcHandlers', () => {
  it('registers a handler for exactly every contract channel', () => {
    const f = fakeIpcMain();
    registerIpcHandlers(f.ipc, fakeEngine().engineCall, trusted);
    expect([...f.handlers.keys()].sort()).toEqual(CHANNELS.map((c) => IPC_PREFIX + c).sort());
  });

  it('answers a foreign sender with FORBIDDEN_SENDER and never calls the engine', async () => {
    const f = fakeIpcMain();
    const e = fakeEngine();
    registerIpcHandlers(f.ipc, e.engineCall, trusted);
    for (const url of ['https://evil.example/', 'file:///tmp/evil.html', '', null]) {
      const r = await f.invoke(`${IPC_PREFIX}customers.get`, url, { id: 1 });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('FORBIDDEN_SENDER');
    }
    expect(e.call).not.toHaveBeenCalled();
  });

  it('treats a sender check that throws as foreign', async () => {
    const f = fakeIpcMain();
    const e = fakeEngine();
    registerIpcHandlers(f.ipc, e.engineCall, {
      isTrustedSender: () => {
        throw new Error('boom');
      },
    });
    const r = await f.invoke(`${IPC_PREFIX}app.info`, APP_URL, {});
    expect(r.ok ? null : r.error.code).toBe('FORBIDDEN_SENDER');
    expect(e.call).not.toHaveBeenCalled();
  });

  it('answers invalid input with INVALID_INPUT and never calls the engine', async () => {
    const f = fakeIpcMain();
    const e = fakeEngine();
    registerIpcHandlers(f.ipc, e.engineCall, trusted);
    for (const input of [{ id: -1 }, { id: 'x' }, { id: 1, extra: true }, 'text', 42]) {
      const r = await f.invoke(`${IPC_PREFIX}customers.get`, APP_URL, input);
      expect(r.ok ? null : r.error.code, JSON.stringify(input)).toBe('INVALID_INPUT');
    }
    const badOptions = await f.invoke(`${IPC_PREFIX}app.info`, APP_URL, {}, 'not-an-object');
    expect(badOptions.ok ? null : badOptions.error.code).toBe('INVALID_INPUT');
    const badJobId = await f.invoke(`${IPC_PREFIX}sample.generate`, APP_URL, { count: 10 }, { jobId: 7 });
    expect(badJobId.ok ? null : badJobId.error.code).toBe('INVALID_INPUT');
    expect(e.call).not.toHaveBeenCalled();
  });

  it('hands a valid call to the engine with the parsed input', async () => {
    const f = fakeIpcMain();
    const e = fakeEngine();
    registerIpcHandlers(f.ipc, e.engineCall, trusted);
    const r = await f.invoke(`${IPC_PREFIX}customers.get`, APP_URL, { id: 7 });
    expect(r).toEqual({ ok: true, value: { channel: 'customers.get', input: { id: 7 } } });
    expect(e.call).toHaveBeenCalledWith('customers.get', { id: 7 }, {});

    // Defaults from the schema are filled in before the engine sees the input.
    await f.invoke(`${IPC_PREFIX}sample.generate`, APP_URL, { count: 10 }, { jobId: 'job-1' });
    expect(e.call).toHaveBeenLastCalledWith(
      'sample.generate',
      { count: 10, seed: 1, batchSize: 5000, ordersPerCustomer: 0, inquiriesPerCustomer: 0, followUpsPerCustomer: 0 },
      { jobId: 'job-1' },
    );

    // A missing input on a channel without fields is an empty object.
    await f.invoke(`${IPC_PREFIX}app.info`, APP_URL);
    expect(e.call).toHaveBeenLastCalledWith('app.info', {}, {});
  });

  it('turns an engine that throws into an error value', async () => {
    const f = fakeIpcMain();
    const engineCall = (async () => {
      throw new Error('worker died');
    }) as unknown as EngineCall;
    registerIpcHandlers(f.ipc, engineCall, trusted);
    const r = await f.invoke(`${IPC_PREFIX}app.info`, APP_URL, {});
    expect(r).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'worker died' } });
  });

  it('returns a disposer that removes every handler', () => {
    const f = fakeIpcMain();
    const removed: string[] = [];
    const remove = f.ipc.removeHandler.bind(f.ipc);
    f.ipc.removeHandler = (channel) => {
      removed.push(channel);
      remove(channel);
    };
    const dispose = registerIpcHandlers(f.ipc, fakeEngine().engineCall, trusted);
    dispose();
    expect(f.handlers.size).toBe(0);
    expect(removed.sort()).toEqual(CHANNELS.map((c) => IPC_PREFIX + c).sort());
    dispose();
    expect(removed).toHaveLength(CHANNELS.length);
    // Registering again after disposal works (no duplicate handlers left behind).
    expect(() => registerIpcHandlers(f.ipc, fakeEngine().engineCall, trusted)).not.toThrow();
  });
});

describe('forwardEvents', () => {
  it('sends every engine event on the event channel until unsubscribed', () => {
    const listeners = new Set<(e: EngineEvent) => void>();
    const onEvent = (l: (e: EngineEvent) => void) => {
      listeners.add(l);
      return () => {
        listeners.delete(l);
      };
    };
    const send = vi.fn();
    const stop = forwardEvents(onEvent, send);
    const event: EngineEvent = { type: 'data.changed', tables: ['customers'] };
    for (const l of listeners) l(event);
    expect(send).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, event);
    stop();
    expect(listeners.size).toBe(0);
  });

  it('keeps forwarding when one send fails', () => {
    let listener: ((e: EngineEvent) => void) | undefined;
    const send = vi.fn().mockImplementationOnce(() => {
      throw new Error('window gone');
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    forwardEvents((l) => {
      listener = l;
      return () => {};
    }, send);
    listener?.({ type: 'data.changed', tables: [] });
    listener?.({ type: 'data.changed', tables: ['orders'] });
    expect(send).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });
});
