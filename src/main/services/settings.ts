import type { SqliteDb } from '../db/connection';

/** Small JSON settings (remembered import mappings, base currency…) in the settings table. */
export function readSetting<T>(sqlite: SqliteDb, key: string): T | undefined {
  const row = sqlite.prepare(`SELECT value FROM settings WHERE key = ?`).get(key) as { value: string } | undefined;
  if (!row) return undefined;
  try {
    return JSON.parse(row.value) as T;
  } catch {
    return undefined;
  }
}

export function writeSetting(sqlite: SqliteDb, key: string, value: unknown, now: string): void {
  sqlite
    .prepare(`INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`)
    .run(key, JSON.stringify(value), now);
}
