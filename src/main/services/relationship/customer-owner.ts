import { AppError } from '../../../shared/errors';
import type { WriteTx } from '../../db/sql';

/** The customer a need or complaint is for: it must exist; its owner becomes the record's. */
export function assertCustomer(tx: WriteTx, id: number): { owner: string } {
  const c = tx.first(tx.selectFrom('customers').select('owner').where('id', '=', id));
  if (!c) throw new AppError('NOT_FOUND', `customer ${id} does not exist`, { id });
  return c;
}
