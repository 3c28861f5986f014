import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Damages a (closed, checkpointed) database file in place as a failing disk would: whole pages
 * after the first overwritten with garbage; the header stays, so SQLite still opens the file and
 * only a check finds the damage. Returns the damaged bytes.
 */
export function corruptPages(path: string, from = 2, count = 6): Buffer {
  const buf = readFileSync(path);
  const raw = buf.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  const pages = Math.floor(buf.length / pageSize);
  for (let p = from; p < Math.min(pages + 1, from + count); p++) {
    const start = (p - 1) * pageSize;
    for (let i = 0; i < pageSize; i++) buf[start + i] = (i * 131 + p * 71 + 17) & 0xff;
  }
  writeFileSync(path, buf);
  return buf;
}
