import { isUtf8 } from 'node:buffer';
import { AppError } from '../../shared/errors';
import { bufferBytes, type FileBytes } from './file-bytes';

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
  const file = bufferBytes(bytes);
  const encoding = detectEncoding(file);
  let text = '';
  for (const piece of decodePieces(file, encoding, Math.max(1, bytes.length))) text += piece.text;
  return checked({ text, encoding });
}

/** Bytes of a file read at a time while its encoding is checked and its text decoded. */
const PIECE_BYTES = 1 << 20;

/** The encoding of a file's text: a BOM decides; else UTF-16 without a BOM; else strict UTF-8; else GB18030. */
export function detectEncoding(file: FileBytes): TextEncoding {
  const head = file.read(0, SNIFF_BYTES);
  const [b0, b1, b2] = head;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return 'utf-8-bom';
  if (b0 === 0xff && b1 === 0xfe) return 'utf-16le';
  if (b0 === 0xfe && b1 === 0xff) return 'utf-16be';
  if (head.includes(0)) {
    const utf16 = bomlessUtf16(head);
    if (!utf16) throw unreadable('The file contains binary data, not text.');
    return utf16;
  }
  // Node's own UTF-8 check (simdutf) is several times faster than a fatal TextDecoder; a piece
  // ends where a character starts, so the pieces are valid exactly when the whole file is.
  for (const piece of utf8Pieces(file, 0, PIECE_BYTES)) if (!isUtf8(piece)) return 'gb18030';
  return 'utf-8';
}

/** A piece of a file's decoded text, and how many of its bytes are decoded once it is read. */
export interface TextPiece {
  text: string;
  end: number;
}

/**
 * A file's text a piece at a time (about `pieceBytes` bytes each), never all of it: pieces join
 * into exactly the text one decode of the whole file gives (without its BOM).
 */
export function* decodePieces(file: FileBytes, encoding: TextEncoding, pieceBytes = PIECE_BYTES): Generator<TextPiece, void, undefined> {
  const size = Math.max(1, pieceBytes);
  if (encoding === 'utf-8') {
    // Cut where characters start: each piece decodes on its own, by Node's fast decoder.
    let end = 0;
    for (const piece of utf8Pieces(file, 0, size)) {
      end += piece.length;
      yield { text: Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength).toString('utf8'), end };
    }
    return;
  }
  const bom = encoding === 'utf-8-bom' ? 3 : encoding === 'utf-16le' || encoding === 'utf-16be' ? bomLength(file) : 0;
  // ignoreBOM: the BOM, if any, is cut off here; a second one is content.
  const decoder = new TextDecoder(encoding === 'utf-8-bom' ? 'utf-8' : encoding, { ignoreBOM: true });
  for (let start = bom; start < file.length; start += size) {
    const end = Math.min(file.length, start + size);
    yield { text: decoder.decode(file.read(start, end), { stream: end < file.length }), end };
  }
  if (file.length <= bom) yield { text: decoder.decode(), end: file.length };
}

function bomLength(file: FileBytes): number {
  const [b0, b1] = file.read(0, 2);
  return (b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff) ? 2 : 0;
}

/** Pieces of about `size` bytes from `from` on, each ending where a UTF-8 sequence starts (or at the end). */
function* utf8Pieces(file: FileBytes, from: number, size: number): Generator<Uint8Array, void, undefined> {
  let start = from;
  while (start < file.length) {
    // Three bytes more than asked: where the next sequence starts is within them.
    const bytes = file.read(start, start + size + 3);
    let cut = Math.min(size, bytes.length);
    if (cut < bytes.length) {
      while (cut > 0 && isContinuation(bytes[cut] as number)) cut--;
      if (cut === 0) {
        cut = Math.min(size, bytes.length);
        while (cut < bytes.length && isContinuation(bytes[cut] as number)) cut++;
      }
    }
    yield bytes.subarray(0, cut);
    start += cut;
  }
}

function isContinuation(byte: number): boolean {
  return (byte & 0xc0) === 0x80;
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
export function checked<T extends { text: string }>(decoded: T): T {
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
