import type { IpcError } from './ipc';

/** One problem reported with INVALID_INPUT: a dotted path into the input and the engine's message. */
export interface InvalidField {
  path: string;
  message: string;
}

/** The field problems carried by an INVALID_INPUT error (empty for any other error). */
export function invalidFields(error: IpcError | null | undefined): InvalidField[] {
  if (!error || error.code !== 'INVALID_INPUT' || !Array.isArray(error.details)) return [];
  const out: InvalidField[] = [];
  for (const item of error.details as unknown[]) {
    if (item && typeof item === 'object' && 'path' in item) {
      const { path, message } = item as { path: unknown; message?: unknown };
      out.push({ path: String(path), message: typeof message === 'string' ? message : '' });
    }
  }
  return out;
}

/**
 * Field problems keyed by path relative to `prefix` ("patch." for customers.update, "" for create),
 * so a form can show each one next to its input.
 */
export function fieldProblems(error: IpcError | null | undefined, prefix = ''): Record<string, InvalidField> {
  const out: Record<string, InvalidField> = {};
  for (const f of invalidFields(error)) {
    if (!f.path.startsWith(prefix)) continue;
    const key = f.path.slice(prefix.length);
    out[key] ??= f;
  }
  return out;
}
