import { base64ToBytes } from './base64';

export interface FileDownload {
  fileName: string;
  mime: string;
  contentBase64: string;
}

/** How long the object URL stays valid after the click: long enough for the browser to start saving. */
const REVOKE_AFTER_MS = 60_000;

/** Saves a file the engine produced, through a Blob and a temporary <a download> element. */
export function downloadFile(file: FileDownload): void {
  const blob = new Blob([base64ToBytes(file.contentBase64)], { type: file.mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
