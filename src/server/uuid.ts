import { randomBytes, randomInt } from 'node:crypto';

let lastMs = -1;
let counter = 0;

/**
 * A UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, a 12-bit counter (rand_a), then 62 random
 * bits, so ids sort by creation time. The counter starts at a random value below 2048 each new
 * millisecond and counts up within it (the RFC's "fixed-length dedicated counter" method), so ids
 * made by one process also sort in the order they were made; a clock that steps back is ignored.
 */
export function uuidv7(now: number = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = randomInt(0, 2048);
  } else if (++counter > 0xfff) {
    lastMs += 1; // 4096 ids in one millisecond: borrow the next one
    counter = randomInt(0, 2048);
  }
  const bytes = randomBytes(16);
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (counter >> 8); // version 7, counter's high 4 bits
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f); // variant 10
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
