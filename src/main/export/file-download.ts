import type { ChannelOutput } from '../../shared/ipc/contract';
import { localDateTime } from './local-time';
import { MIME, writeSheets, type ExportSheet } from './write-table';

/** The file name: what it holds and the local time it was made ("customers-20261113-0211.xlsx"). */
export function exportFileName(base: string, format: 'csv' | 'xlsx', now: Date, timeZone: string): string {
  const stamp = localDateTime(now.toISOString(), timeZone).replace(/-|:/g, '').replace(' ', '-');
  return `${base}-${stamp}.${format}`;
}

/** Sheets as a file to download; `rows` counts the first sheet's (the customers, inquiries or orders exported). */
export function fileDownload(
  base: string,
  format: 'csv' | 'xlsx',
  sheets: readonly ExportSheet[],
  now: Date,
  timeZone: string,
): ChannelOutput<'export.customers'> {
  const bytes = writeSheets(sheets, format);
  return {
    fileName: exportFileName(base, format, now, timeZone),
    mime: MIME[format],
    contentBase64: bytes.toString('base64'),
    rows: sheets[0]?.rows.length ?? 0,
  };
}
