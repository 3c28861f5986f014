/**
 * A file's bytes, read a range at a time. An import file arrives as base64 text (the contract's
 * `contentBase64`); decoding it whole would hold the text and the bytes at once, and the decoded
 * characters on top (a 43 MB CSV with Chinese names is 57 MB of base64, 43 MB of bytes and 86 MB
 * of UTF-16 text). Read through this, a CSV file keeps only its base64 text and decodes a piece at
 * a time, on every pass.
 */
export interface FileBytes {
  readonly length: number;
  /** Bytes [start, end) (clamped to the file), as a new array or a view of the caller's buffer. */
  read(start: number, end: number): Uint8Array;
}

/** Bytes already in memory. */
export function bufferBytes(bytes: Uint8Array): FileBytes {
  return {
    length: bytes.length,
    read: (start, end) => bytes.subarray(Math.max(0, start), Math.min(bytes.length, end)),
  };
}

/** Base64 characters decoded at a time while the text is checked (a multiple of 4). */
const CHECK_CHARS = 1 << 20;

/**
 * Base64 text read a range at a time (each 4 characters are 3 bytes, so any range decodes on its
 * own). Text that is not in that canonical form (line breaks or other characters Node's decoder
 * skips, padding inside) is decoded whole once, as Node decodes it.
 */
export function base64Bytes(text: string): FileBytes {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  if (!canonicalBase64(text, padding)) return bufferBytes(Buffer.from(text, 'base64'));
  const length = (text.length / 4) * 3 - padding;
  return {
    length,
    read(start, end) {
      const from = Math.max(0, start);
      const to = Math.min(length, end);
      if (to <= from) return new Uint8Array(0);
      const group = Math.floor(from / 3);
      const bytes = Buffer.from(text.slice(group * 4, Math.ceil(to / 3) * 4), 'base64');
      return bytes.subarray(from - group * 3, to - group * 3);
    },
  };
}

/**
 * Whether every 4 characters decode to 3 bytes (but for the padding at the end): a character the
 * decoder skips would make a piece shorter. Checked by decoding, a piece at a time (several times
 * faster than a regular expression over the text).
 */
function canonicalBase64(text: string, padding: number): boolean {
  const eq = text.indexOf('=');
  if (text.length % 4 !== 0 || (eq !== -1 && eq < text.length - padding)) return false;
  for (let i = 0; i < text.length; i += CHECK_CHARS) {
    const part = text.slice(i, i + CHECK_CHARS);
    const pad = i + CHECK_CHARS >= text.length ? padding : 0;
    if (Buffer.from(part, 'base64').length !== (part.length / 4) * 3 - pad) return false;
  }
  return true;
}

/** Consecutive pieces of about `size` bytes, in order. */
export function* bytePieces(file: FileBytes, size: number): Generator<Uint8Array, void, undefined> {
  for (let start = 0; start < file.length; start += size) yield file.read(start, start + size);
}
