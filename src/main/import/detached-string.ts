/**
 * Strings that outlive the chunk they were read in (a customer this import created, a value
 * normalised once for the whole file, a row listed in the report) are copied first. A cell is a
 * slice of the piece of decoded text it was parsed from, and V8 keeps the whole piece (a million
 * characters) alive for as long as one slice of it is: a few thousand remembered e-mail addresses,
 * one per piece, would keep the file's whole text in memory.
 */

/** V8 copies substrings shorter than this (SlicedString::kMinLength); longer ones point into their parent. */
const MIN_SLICE = 13;

/** The same text in a string of its own (one that does not point into a larger one). */
export function detached(s: string): string {
  if (s.length < MIN_SLICE) return s;
  // Appending makes a cons string; slicing it flattens it into a new string of s.length + 1.
  return (s + ' ').slice(0, -1);
}

/** A value with each of its strings (and those of a plain object's own fields) detached. */
export function detachedValue<T>(value: T): T {
  if (typeof value === 'string') return detached(value) as T;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) copy[k] = typeof v === 'string' ? detached(v) : v;
  return copy as T;
}
