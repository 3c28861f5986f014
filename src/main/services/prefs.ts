import { prefsSchema, type Prefs, type PrefsPatch } from '../../shared/domain/prefs';
import type { SqliteDb } from '../db/connection';
import { isoNow, type ServiceContext } from './context';
import { readSetting, writeSetting } from './settings';

const KEY = 'prefs';

/** The saved preferences, defaults filled in; a stored value that no longer parses falls back to the defaults. */
export function readPrefs(sqlite: SqliteDb): Prefs {
  const parsed = prefsSchema.safeParse(readSetting<unknown>(sqlite, KEY) ?? {});
  return parsed.success ? parsed.data : prefsSchema.parse({});
}

/** Applies a change (only the keys given) and returns the preferences as saved. */
export function savePrefs(ctx: Pick<ServiceContext, 'sqlite' | 'now'>, patch: PrefsPatch): Prefs {
  const current = readPrefs(ctx.sqlite);
  const next = prefsSchema.parse({
    ...current,
    ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
  });
  writeSetting(ctx.sqlite, KEY, next, isoNow(ctx));
  return next;
}
