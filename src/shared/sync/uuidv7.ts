/**
 * UUIDv7 (RFC 9562 §5.7): 48-bit Unix milliseconds, version 7, 12 bits rand_a, variant 10, 62 bits
 * rand_b; random bits from crypto.getRandomValues. Within one millisecond (or while the clock
 * goes backwards) rand_a is a counter from a random start (RFC 9562 §6.2, method 1), so the ids
 * one generator makes sort in the order it made them; when the counter runs out the timestamp
 * moves on by a millisecond.
 */
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function isUuidv7(text: string): boolean {
  return UUID_V7.test(text);
}

/** The Unix milliseconds a UUIDv7 carries. */
export function uuidv7Time(id: string): number {
  return Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}

export type RandomFill = (bytes: Uint8Array) => void;

const cryptoFill: RandomFill = (bytes) => {
  globalThis.crypto.getRandomValues(bytes);
};

/** A generator of UUIDv7s, monotonic in the order it makes them. */
export function uuidv7Generator(random: RandomFill = cryptoFill): (now?: number) => string {
  let lastMs = -1;
  let seq = 0;
  const bytes = new Uint8Array(16);
  return (now = Date.now()) => {
    random(bytes);
    let ms = Math.max(0, Math.floor(Number.isFinite(now) ? now : 0));
    if (ms <= lastMs) {
      ms = lastMs;
      seq += 1;
      if (seq > 0xfff) {
        ms += 1;
        seq = (bytes[6] as number) & 0x7f; // a fresh random start with headroom
      }
    } else {
      seq = (((bytes[6] as number) & 0x07) << 8) | (bytes[7] as number); // random start in the lower half
    }
    lastMs = ms;
    // 48-bit timestamp, big-endian (beyond 32 bits, so by division rather than shifts).
    const high = Math.floor(ms / 2 ** 32);
    const low = ms >>> 0;
    bytes[0] = (high >>> 8) & 0xff;
    bytes[1] = high & 0xff;
    bytes[2] = (low >>> 24) & 0xff;
    bytes[3] = (low >>> 16) & 0xff;
    bytes[4] = (low >>> 8) & 0xff;
    bytes[5] = low & 0xff;
    bytes[6] = 0x70 | ((seq >>> 8) & 0x0f);
    bytes[7] = seq & 0xff;
    bytes[8] = 0x80 | ((bytes[8] as number) & 0x3f);
    let out = '';
    for (let i = 0; i < 16; i++) {
      if (i === 4 || i === 6 || i === 8 || i === 10) out += '-';
      out += HEX[bytes[i] as number];
    }
    return out;
  };
}

/** A new UUIDv7 (one generator per thread, so ids made here are monotonic). */
export const uuidv7: (now?: number) => string = uuidv7Generator();
