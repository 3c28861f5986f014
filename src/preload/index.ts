import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ExportDeskApi } from '../shared/ipc/api';
import { CHANNELS, IPC_EVENT_CHANNEL, IPC_PREFIX, type CallOptions, type EngineEvent } from '../shared/ipc/contract';

/**
 * window.api: one function per contract channel, each a plain invoke of that channel, plus a
 * subscription to engine events. No other logic and no raw invoke: the page can reach exactly
 * the channels of the contract, and main validates every call.
 */
const api: Record<string, unknown> = {};
for (const channel of CHANNELS) {
  const name = IPC_PREFIX + channel;
  api[channel] = (input: unknown, options?: CallOptions) => ipcRenderer.invoke(name, input, options);
}
api.onEvent = (listener: (event: EngineEvent) => void) => {
  // The Electron event object (and its sender) never reaches the page.
  const wrapped = (_event: IpcRendererEvent, event: EngineEvent) => listener(event);
  ipcRenderer.on(IPC_EVENT_CHANNEL, wrapped);
  return () => {
    ipcRenderer.removeListener(IPC_EVENT_CHANNEL, wrapped);
  };
};

contextBridge.exposeInMainWorld('api', api as ExportDeskApi);
