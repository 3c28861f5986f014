import { formatDocumentNumber, type QuotationKind } from '../../../shared/domain/quotations';
import type { WriteTx } from '../../db/sql';

/**
 * Takes the next number of a kind and year on this book (Q-2026-0012). Call it in the transaction
 * that writes the document: a rollback gives the number back, and a document is cancelled, never
 * deleted, so the numbers of a year have no gaps.
 */
export function takeDocumentNumber(tx: WriteTx, kind: QuotationKind, year: number): string {
  tx.run(
    tx
      .insertInto('document_numbers')
      .values({ kind, year, last: 1 })
      .onConflict((oc) => oc.columns(['kind', 'year']).doUpdateSet((eb) => ({ last: eb('document_numbers.last', '+', 1) }))),
  );
  const row = tx.first(tx.selectFrom('document_numbers').select('last').where('kind', '=', kind).where('year', '=', year));
  return formatDocumentNumber(kind, year, row!.last);
}
