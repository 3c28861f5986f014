import { isUtf8 } from 'node:buffer';
import { AppError } from '../../shared/errors';

/**
 * Text encodings of CSV files staff bring in: a BOM decides; else strict UTF-8; else GB18030
 * (a superset of GBK, which Chinese Excel uses for "CSV"). Binary junk is refused.
 */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/** How far into the file we look for signs of binary content. */
const SNIFF_BYTES = 8192;

export function decodeText(bytes: Uint8Array): DecodedText {
  const b0 = bytes[0];
  const b1 = bytes[1];
  const b2 = bytes[2];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    return checked({ text: decode('utf-8', bytes.subarray(3)), encoding: 'utf-8-bom' });
  }
  if (b0 === 0xff && b1 === 0xfe) return checked({ text: decode('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' });
  if (b0 === 0xfe && b1 === 0xff) return checked({ text: decode('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' });

  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head.includes(0)) {
    const utf16 = bomlessUtf16(head);
    if (!utf16) throw unreadable('The file contains binary data, not text.');
    return checked({ text: decode(utf16, bytes), encoding: utf16 });
  }
  // Node's own UTF-8 check and decoder (simdutf) are several times faster than a fatal TextDecoder.
  if (isUtf8(bytes))
    return checked({ text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), encoding: 'utf-8' });
  return checked({ text: decode('gb18030', bytes), encoding: 'gb18030' });
}

function decode(label: string, bytes: Uint8Array): string {
  // ignoreBOM: the BOM, if any, was already cut off; a second one is content.
  return new TextDecoder(label, { ignoreBOM: true }).decode(bytes);
}

/**
 * UTF-16 without a BOM: text in Latin script has a NUL in every other byte. Returns the byte
 * order when the NULs sit (almost) only at odd positions (LE) or only at even ones (BE).
 */
function bomlessUtf16(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(head.length / 2);
  if (pairs < 2) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  if (oddZeros >= pairs * 0.3 && evenZeros <= pairs * 0.02) return 'utf-16le';
  if (evenZeros >= pairs * 0.3 && oddZeros <= pairs * 0.02) return 'utf-16be';
  return null;
}

/**
 * Decoded binary junk is full of control characters and replacement characters (U+FFFD);
 * real text, in any of our encodings, has next to none.
 */
function checked(decoded: DecodedText): DecodedText {
  const sample = decoded.text.slice(0, SNIFF_BYTES);
  let junk = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0xfffd || c === 0 || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d)) junk++;
  }
  if (sample.length > 0 && junk > Math.max(2, sample.length * 0.1)) {
    throw unreadable('The file does not look like text in a known encoding.');
  }
  return decoded;
}

function unreadable(message: string): AppError {
  return new AppError('IMPORT_UNREADABLE', message);
}
