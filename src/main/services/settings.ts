import type { ReadDb, WriteTx } from '../db/sql';

/** Small JSON settings (remembered import mappings, base currency…) in the settings table. */
export function readSetting<T>(reader: Pick<ReadDb | WriteTx, 'selectFrom' | 'first'>, key: string): T | undefined {
  const row = reader.first(reader.selectFrom('settings').select('value').where('key', '=', key));
  if (!row) return undefined;
  try {
    return JSON.parse(row.value) as T;
  } catch {
    return undefined;
  }
}

export function writeSetting(tx: WriteTx, key: string, value: unknown, now: string): void {
  tx.run(
    tx
      .insertInto('settings')
      .values({ key, value: JSON.stringify(value), updated_at: now })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value'), updated_at: eb.ref('excluded.updated_at') })),
      ),
  );
}
