/**
 * A hybrid logical clock (Kulkarni et al.; the clock CRDT sync tools such as Actual Budget use):
 * wall-clock milliseconds, a counter for events within the same millisecond (or while the wall
 * clock stands still or goes backwards), and the id of the node that made the event, so two
 * nodes never produce the same timestamp.
 *
 * Encoded as a fixed-width string that sorts lexicographically in clock order:
 *   `wwwwwwwwwwwww-ccccc-nnnnnnnnnnnnnnnn`  13-digit ms (until the year 2286), 5-digit counter, 16 hex node id.
 *
 * A remote timestamp far ahead of local time (a laptop whose clock is wrong) is clamped to
 * `now + maxDrift` when merged, and the caller is told so; it is never an error. Actual's clock
 * threw on drift and users whose clock was off could not sync at all.
 */
export interface Hlc {
  /** Milliseconds since the Unix epoch (the largest wall time seen). */
  wall: number;
  /** Orders events within the same `wall`. */
  counter: number;
  /** The node (device) id: 16 lowercase hex digits. */
  node: string;
}

export const HLC_MAX_DRIFT_MS = 5 * 60_000;
export const HLC_MAX_COUNTER = 99_999;
export const HLC_MAX_WALL = 9_999_999_999_999;
export const HLC_LENGTH = 13 + 1 + 5 + 1 + 16;
const NODE = /^[0-9a-f]{16}$/;
const ENCODED = /^(\d{13})-(\d{5})-([0-9a-f]{16})$/;

export function isNodeId(node: string): boolean {
  return NODE.test(node);
}

/** The clock of a node that has seen nothing yet. */
export function zeroHlc(node: string): Hlc {
  if (!isNodeId(node)) throw new Error(`an HLC node id is 16 lowercase hex digits: ${node}`);
  return { wall: 0, counter: 0, node };
}

export function encodeHlc(h: Hlc): string {
  return `${String(h.wall).padStart(13, '0')}-${String(h.counter).padStart(5, '0')}-${h.node}`;
}

/** The clock a string encodes, or null when it is not one. */
export function parseHlc(text: string): Hlc | null {
  const m = ENCODED.exec(text);
  if (!m) return null;
  return { wall: Number(m[1]), counter: Number(m[2]), node: m[3] as string };
}

export function decodeHlc(text: string): Hlc {
  const h = parseHlc(text);
  if (!h) throw new Error(`not a hybrid logical clock timestamp: ${JSON.stringify(text)}`);
  return h;
}

/** <0, 0 or >0 as a is before, equal to or after b (the same order as their encodings). */
export function compareHlc(a: Hlc, b: Hlc): number {
  return a.wall - b.wall || a.counter - b.counter || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0);
}

/** A wall time as the clock takes it: whole ms within the encodable range (NaN reads as 0). */
function wallOf(now: number): number {
  return Number.isFinite(now) ? Math.min(HLC_MAX_WALL, Math.max(0, Math.floor(now))) : 0;
}

/** A clock past `wall`/`counter`: the counter's overflow borrows the next millisecond. */
function next(wall: number, counter: number, node: string): Hlc {
  if (counter > HLC_MAX_COUNTER) return { wall: Math.min(HLC_MAX_WALL, wall + 1), counter: 0, node };
  return { wall, counter, node };
}

/** The timestamp of a local event at wall time `now`: always after `local`, whatever `now` does. */
export function tickHlc(local: Hlc, now: number): Hlc {
  const wall = Math.max(local.wall, wallOf(now));
  return next(wall, wall === local.wall ? local.counter + 1 : 0, local.node);
}

export interface Received {
  clock: Hlc;
  /** The remote clock was more than maxDrift ahead of `now` and was taken as `now + maxDrift`. */
  clamped: boolean;
}

/**
 * The local clock after seeing a remote timestamp: after both (after the clamped remote when it
 * was too far ahead), keeping the local node id.
 */
export function receiveHlc(local: Hlc, remote: Hlc, now: number, maxDriftMs = HLC_MAX_DRIFT_MS): Received {
  const at = wallOf(now);
  const limit = wallOf(at + Math.max(0, maxDriftMs));
  const clamped = remote.wall > limit;
  const rWall = clamped ? limit : remote.wall;
  const rCounter = clamped ? 0 : remote.counter;
  const wall = Math.max(local.wall, rWall, at);
  let counter: number;
  if (wall === local.wall && wall === rWall) counter = Math.max(local.counter, rCounter) + 1;
  else if (wall === local.wall) counter = local.counter + 1;
  else if (wall === rWall) counter = rCounter + 1;
  else counter = 0;
  return { clock: next(wall, counter, local.node), clamped };
}
