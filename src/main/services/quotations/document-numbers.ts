import { createHash } from 'node:crypto';
import { formatDocumentNumber, type QuotationKind } from '../../../shared/domain/quotations';
import type { WriteTx } from '../../db/sql';

/** Crockford's base 32 (no I, L, O, U): a series code reads aloud and types without doubt. */
const BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The series of a laptop in a team: four characters from its device id (Q-2026-K7QM-0012), so two
 * laptops that issue documents offline never give two documents one number. Each laptop's series
 * is gapless on its own; a book not in a team numbers without a series (Q-2026-0012).
 */
export function deviceSeries(deviceId: string): string {
  if (!deviceId) return '';
  const bits = createHash('sha1').update(deviceId).digest().readUInt32BE(0) >>> 12;
  let code = '';
  for (let i = 3; i >= 0; i--) code += BASE32[(bits >>> (i * 5)) & 31];
  return code;
}

/**
 * Takes the next number of a kind and year on this book (Q-2026-0012; in a team, in this laptop's
 * series). Call it in the transaction that writes the document: a rollback gives the number back,
 * and a document is cancelled, never deleted, so the numbers of a year have no gaps.
 */
export function takeDocumentNumber(tx: WriteTx, kind: QuotationKind, year: number): string {
  tx.run(
    tx
      .insertInto('document_numbers')
      .values({ kind, year, last: 1 })
      .onConflict((oc) => oc.columns(['kind', 'year']).doUpdateSet((eb) => ({ last: eb('document_numbers.last', '+', 1) }))),
  );
  const row = tx.first(tx.selectFrom('document_numbers').select('last').where('kind', '=', kind).where('year', '=', year));
  const device = tx.first(tx.selectFrom('sync_state').select('team_device_id').where('id', '=', 1))?.team_device_id ?? '';
  return formatDocumentNumber(kind, year, row!.last, deviceSeries(device));
}
