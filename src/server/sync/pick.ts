/** The entries of `all` named in `keys` (a field set's changed fields: fields, clocks, writers alike). */
export function pick<V>(all: Record<string, V>, keys: Iterable<string>): Record<string, V> {
  const out: Record<string, V> = {};
  for (const k of keys) if (k in all) out[k] = all[k] as V;
  return out;
}
