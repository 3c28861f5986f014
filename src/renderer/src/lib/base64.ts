/** Bytes per chunk: a multiple of 3, so each chunk encodes to whole base64 quads and chunks simply concatenate. */
const CHUNK = 3 * 16_384;
/** Bytes turned into characters per String.fromCharCode call: a small, safe argument list. */
const SLICE = 8_192;

/** The bytes of a file as base64, encoded chunk by chunk (no giant argument list, no giant binary string). */
export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const chunk = bytes.subarray(start, start + CHUNK);
    let binary = '';
    for (let i = 0; i < chunk.length; i += SLICE) binary += String.fromCharCode(...chunk.subarray(i, i + SLICE));
    parts.push(btoa(binary));
  }
  return parts.join('');
}

/** Decodes base64 (as the engine sends files) into bytes. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
