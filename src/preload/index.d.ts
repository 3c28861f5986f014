import type { ExportDeskApi } from '../shared/ipc/api';

declare global {
  interface Window {
    api: ExportDeskApi;
  }
}

export {};
