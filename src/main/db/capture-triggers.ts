import { captureTriggerSql, TRIGGER_PREFIX } from '../sync/triggers';
import type { SqliteDb } from './connection';

/**
 * Makes the sync's capture triggers in a book the ones this version's spec makes (all of them while
 * capture is on, none while it is off), at open, after the migrations: a laptop that joined a team
 * under an earlier version has the triggers of that version's spec (src/main/sync/capture.ts makes
 * them when capture is enabled), and a table shared since (pool_rules, 0016) would otherwise change
 * without ever being sent. Nothing is written when they already are (one read of sqlite_master).
 * Returns whether they were remade.
 */
export function syncCaptureTriggers(sqlite: SqliteDb): boolean {
  const enabled = sqlite.prepare(`SELECT enabled FROM sync_state WHERE id = 1`).pluck().get() === 1;
  const wanted = enabled ? captureTriggerSql() : [];
  const present = sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND substr(name, 1, ?) = ?`)
    .all(TRIGGER_PREFIX.length, TRIGGER_PREFIX) as { name: string; sql: string }[];
  const key = (list: readonly string[]) => [...list].sort().join('\n');
  if (key(wanted) === key(present.map((t) => t.sql))) return false;
  sqlite.transaction(() => {
    for (const { name } of present) sqlite.exec(`DROP TRIGGER ${name}`);
    for (const ddl of wanted) sqlite.exec(ddl);
  })();
  return true;
}
